// zlib, for the gzip members of WARC records.
#ifndef CLAIMTRACK_CZLIB_SHIM_H
#define CLAIMTRACK_CZLIB_SHIM_H
#include <zlib.h>

/// `deflateInit2` and `inflateInit2` are macros Swift cannot import; these wrap them.
static inline int claimtrack_deflateInitGzip(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}
static inline int claimtrack_inflateInitAuto(z_streamp stream) {
    return inflateInit2(stream, 15 + 32);
}
#endif
