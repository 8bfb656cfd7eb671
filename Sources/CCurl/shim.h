// libcurl, the HTTP client underneath Foundation on Linux, used directly so a body can be refused mid-stream.
#ifndef CLAIMTRACK_CCURL_SHIM_H
#define CLAIMTRACK_CCURL_SHIM_H
#include <curl/curl.h>

/// `curl_easy_setopt` and `curl_easy_getinfo` are variadic, which Swift cannot call; these fix the types.
static inline CURLcode claimtrack_curl_set_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode claimtrack_curl_set_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode claimtrack_curl_set_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode claimtrack_curl_set_list(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}
typedef size_t (*claimtrack_curl_data_callback)(char *bytes, size_t size, size_t count, void *context);
static inline CURLcode claimtrack_curl_set_callback(CURL *handle, CURLoption option, claimtrack_curl_data_callback value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode claimtrack_curl_get_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}
#endif
