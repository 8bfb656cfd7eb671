// zlib, for the gzip members of WARC records and for gzip/deflate-coded HTTP bodies.
#ifndef CLAIMTRACK_CZLIB_SHIM_H
#define CLAIMTRACK_CZLIB_SHIM_H
#include <zlib.h>

/// `deflateInit2` and `inflateInit2` are macros Swift cannot import; these wrap them.
static inline int claimtrack_deflateInitGzip(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}
/// gzip or zlib, told apart by their headers.
static inline int claimtrack_inflateInitAuto(z_streamp stream) {
    return inflateInit2(stream, 15 + 32);
}
/// Raw deflate with no header, which some servers send as `Content-Encoding: deflate`.
static inline int claimtrack_inflateInitRaw(z_streamp stream) {
    return inflateInit2(stream, -15);
}
#endif
