// The only C header through which Swift sees libxml2.
#ifndef CLAIMTRACK_CLIBXML2_SHIM_H
#define CLAIMTRACK_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
// libxml2's ICU headers clash with Foundation's ICU ("UErrorCode has different definitions").
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlerror.h>

/// `xmlFree` is a global function pointer that Swift 6 refuses to touch; call it through here.
static inline void claimtrack_xmlFree(void *pointer) { xmlFree(pointer); }

/// A structured-error handler that drops everything: parse errors are expected on real pages.
static inline void claimtrack_silentStructuredError(void *userData, xmlErrorPtr error) {
    (void)userData; (void)error;
}
/// A generic-error handler that drops everything (XPath compilation reports through this one).
static inline void claimtrack_silentGenericError(void *context, const char *message, ...) {
    (void)context; (void)message;
}
static inline void claimtrack_silenceLibxml(void) {
    xmlSetStructuredErrorFunc(NULL, claimtrack_silentStructuredError);
    xmlSetGenericErrorFunc(NULL, claimtrack_silentGenericError);
}

#endif
