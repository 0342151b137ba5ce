/*
 * sipsift/addr.h - the address header family on top of sift_addr_parse()
 * (hdr.h): typed views of Referred-By (RFC 3892), Diversion (RFC 5806) and
 * History-Info (RFC 7044), display names, and the RFC 8217 name-addr rule.
 *
 * As everywhere in sipsift: spans point into the caller's buffer, nothing is
 * allocated or copied (sift_display_name_unescape() writes only into the
 * buffer the caller hands it), and err may be NULL.
 */
#ifndef SIPSIFT_ADDR_H
#define SIPSIFT_ADDR_H

#include "sipsift/hdr.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The sift_addr_parse() flags that sift_header_validate() uses for an
 * address header: SIFT_ADDR_ALLOW_STAR | SIFT_ADDR_CONTACT for Contact,
 * SIFT_ADDR_NAME_ADDR_ONLY for Route, Record-Route, Path, Service-Route,
 * Diversion and History-Info, SIFT_ADDR_NO_PARAMS for P-Asserted-Identity
 * and P-Preferred-Identity, 0 for From, To, Reply-To, Refer-To and
 * Referred-By. Returns 0 for any other id too; sift_header_is_addr() tells
 * the two apart.
 */
SIFT_API unsigned sift_addr_flags(sift_header_id id);

/* Whether the value of header `id` is an address (name-addr or addr-spec
 * with header parameters): the headers listed for sift_addr_flags(). */
SIFT_API int sift_header_is_addr(sift_header_id id);

/*
 * Writes the text of a display-name (sift_addr.display) into out[0..size):
 * a quoted-string loses its quotes and each quoted-pair its backslash
 * (RFC 3261 25); in both forms each run of LWS, folds included, becomes one
 * SP (RFC 3261 7.3.1). Not NUL-terminated. *len (may be NULL) receives the
 * length written, or, with SIFT_E_BUFFER_TOO_SMALL, the size needed
 * (never more than display.len). SIFT_E_HEADER_VALUE ("quoted-string") when
 * the span starts with a quote but is not a quoted-string.
 */
SIFT_API sift_code sift_display_name_unescape(const char *buf, sift_span display, char *out,
					      size_t size, size_t *len);

/*
 * Referred-By (RFC 3892 3): referrer-uri *( SEMI (referredby-id-param /
 * generic-param) ), referrer-uri = name-addr / addr-spec.
 */
typedef struct sift_referred_by {
	sift_addr addr;      /* the referrer-uri and all parameters */
	sift_span cid;       /* referredby-id-param: the sip-clean-msg-id inside
	                        its quotes ("20398823.2UWQFN309shb3@referrer.example") */
	uint8_t has_cid;
} sift_referred_by;

/* Errors: those of sift_addr_parse(), and SIFT_E_HEADER_VALUE with rule
 * "sip-clean-msg-id" for a cid that is not LDQUOT dot-atom "@" (dot-atom /
 * host) RDQUOT. */
SIFT_API sift_code sift_referred_by_parse(const char *buf, sift_span value, unsigned options,
					  sift_referred_by *out, sift_error *err);

/*
 * Diversion (RFC 5806 4, with erratum 3177): name-addr *(SEMI
 * (diversion-reason / -counter / -limit / -privacy / -screen / -extension)).
 * Values are spans as written: a quoted-string keeps its quotes.
 */
typedef struct sift_diversion {
	sift_addr addr;        /* the name-addr and all parameters */
	sift_span reason;      /* "user-busy", "unconditional", a token or quoted-string */
	sift_span counter_text;
	sift_span limit_text;
	sift_span privacy;     /* "full", "name", "uri", "off", a token or quoted-string */
	sift_span screen;      /* "yes", "no", a token or quoted-string */
	uint8_t counter;       /* 1*2DIGIT: 0..99 */
	uint8_t limit;         /* 1*2DIGIT: 0..99 */
	uint8_t has_reason, has_counter, has_limit, has_privacy, has_screen;
} sift_diversion;

/* Errors: those of sift_addr_parse() with SIFT_ADDR_NAME_ADDR_ONLY, and
 * SIFT_E_HEADER_VALUE with rule "diversion-reason", "diversion-counter",
 * "diversion-limit", "diversion-privacy" or "diversion-screen"; with
 * SIFT_OPT_STRICT also "diversion-params" (white space around a
 * parameter's "=") and "diversion-extension" (a value that is neither
 * token nor quoted-string), which the default mode accepts. */
SIFT_API sift_code sift_diversion_parse(const char *buf, sift_span value, unsigned options,
					sift_diversion *out, sift_error *err);

/*
 * History-Info (RFC 7044 9): one hi-entry, hi-targeted-to-uri (name-addr)
 * *(SEMI hi-param). RFC 7044 requires the index parameter (hi-index) in
 * every entry. rc, mp and np (hi-target-param) hold the index of the entry
 * whose Request-URI this one was retargeted or forwarded from.
 */
typedef struct sift_history_info {
	sift_addr addr;        /* the name-addr and all parameters */
	sift_span index;       /* index-val, "1.1.2" */
	sift_span rc, mp, np;  /* index-val of each hi-target-param present */
	uint32_t index_depth;  /* numbers in index: 3 for "1.1.2" */
	uint8_t has_rc, has_mp, has_np;
} sift_history_info;

/* Errors: those of sift_addr_parse() with SIFT_ADDR_NAME_ADDR_ONLY;
 * SIFT_E_HEADER_VALUE with rule "hi-index" (no index, offset at the end of
 * the value), "index-val" (a malformed index, rc, mp or np; a number with a
 * leading zero, which RFC 4244 allowed, only when strict), and
 * SIFT_E_NUMBER_RANGE ("index-val") for a number above 2**32-1. */
SIFT_API sift_code sift_history_info_parse(const char *buf, sift_span value, unsigned options,
					   sift_history_info *out, sift_error *err);

/*
 * Walks the numbers of an index-val span (sift_history_info.index, .rc...):
 * start *cursor with the span; each call returns 1 with the next number, or
 * 0 at the end. The span must come from sift_history_info_parse(), which
 * checked it (numbers below 2**32, separated by single dots).
 */
SIFT_API int sift_history_index_next(const char *buf, sift_span *cursor, uint32_t *number);

/*
 * RFC 8217 3 and 4: in a header field that allows both name-addr and
 * addr-spec, "the addr-spec form MUST NOT be used if its value would contain
 * a comma, semicolon, or question mark". Covered header fields: To, From,
 * Contact, Reply-To (RFC 3261), Refer-To (RFC 3515, RFC 4508), Referred-By
 * (RFC 3892), Permission-Missing (RFC 5360), P-Asserted-Identity and
 * P-Preferred-Identity (RFC 3325), P-Profile-Key (RFC 5002),
 * P-Refused-URI-List (RFC 5318), P-Served-User (RFC 5502).
 * sift_addr_rfc8217_covers() says whether a header name (any case, compact
 * forms too) is one of them.
 */
SIFT_API int sift_addr_rfc8217_covers(const char *name, size_t len);

/*
 * Looks for the RFC 8217 mistake in one address value (flags: as for
 * sift_addr_parse(), e.g. sift_addr_flags(id)). Found when the value is an
 * addr-spec (no < >) and
 *   - a '?' or a ',' (not one that ends the value before white space) is
 *     written before any white space, a quote or '<': the URI held it;
 *   - the URI sift_addr_parse() takes holds a ';' (SIFT_ADDR_NO_PARAMS);
 *   - a header parameter has the name of a URI parameter (RFC 3261 19.1.1
 *     transport, user, method, ttl, maddr, lr; comp, RFC 3486; sigcomp-id,
 *     RFC 5049; ob, RFC 5626; gr, RFC 5627; phone-context, isub, ext,
 *     RFC 3966): the sender most likely meant the ';' before it to belong
 *     to the URI.
 * Returns SIFT_E_HEADER_VALUE with the offset of that ',', ';' or '?' and
 * rule "name-addr", or SIFT_OK. This is no validation: a value that does not
 * parse is SIFT_OK unless one of the characters above is found.
 */
SIFT_API sift_code sift_addr_spec_check(const char *buf, sift_span value, unsigned flags,
					sift_error *err);

#ifdef __cplusplus
}
#endif
#endif
