/* src/uri/internal.h - helpers shared by the URI family (src/uri). */
#ifndef SIFT_URI_INTERNAL_H
#define SIFT_URI_INTERNAL_H

#include "sipsift/uri.h"
#include "sipsift/msg.h"
#include "grammar/internal.h"

/*
 * Reads one character of URI text at p (p < end): a "%" HEX HEX escape
 * decoded (*escaped = 1) or one byte as written (*escaped = 0). A '%' not
 * followed by two hex digits is read as itself. Returns the position after it.
 */
const char *sift__uri_char(const char *p, const char *end, unsigned char *c, int *escaped);

/*
 * RFC 3261 19.1.4: URI text [a, a_end) and [b, b_end) compared character by
 * character with escapes decoded: "%" HEX HEX equals the character it
 * encodes unless that is a reserved one (RFC 2396 2.2: ;/?:@&=+$,), where the
 * escaped and the plain form differ. nocase folds ASCII letters.
 */
int sift__uri_text_equal(const char *a, const char *a_end, const char *b, const char *b_end,
			 int nocase);

/* Whether URI text (escapes decoded, case-insensitive) spells literal. */
int sift__uri_name_is(const char *p, const char *end, const char *literal);

/*
 * The binary value of an IP address written as URI host text: an
 * IPv4address, or an IPv6reference with its brackets (RFC 3986 form, or the
 * RFC 3261 form that RFC 5954 corrected, "[2001:db8:::192.0.2.1]"). Returns
 * 4 or 16 (the bytes written to out), or 0 when the text is neither.
 */
int sift__ip_bytes(const char *p, const char *end, unsigned char out[16]);

/* ASCII lower case. */
static inline unsigned char sift__lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* perf-start: the Request-URI's fast path (src/uri/uri.c). */
/*
 * 1 when [p, end) is a SIP or SIPS URI of the common shapes,
 * sip:[user@]host[:port]*(;pname[=pvalue]), that sift_uri_parse() accepts
 * with every option (none changes the SIP-URI grammar) and without
 * headers; 0 says nothing. The bytes up to readable_end (>= end) may be
 * read: a message holds more after its Request-URI, which saves the host
 * scanner its copy of a short rest.
 */
int sift__sip_uri_fast_accept(const char *p, const char *end, const char *readable_end);
/* End of perf-start. */

#endif
