/*
 * sipsift/uri.h - SIP, SIPS, tel and other absolute URIs, zero-copy.
 *
 * A URI is parsed from a span of the caller's buffer into a struct of spans
 * into the same buffer. Nothing is unescaped or copied: a user part with
 * %-escapes is returned as written (RFC 3261 19.1.2, 19.1.4 compare escapes
 * decoded; that is the comparison's job, not the parser's).
 */
#ifndef SIPSIFT_URI_H
#define SIPSIFT_URI_H

#include "sipsift/span.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum sift_uri_scheme {
	SIFT_SCHEME_OTHER = 0, /* any other absoluteURI (RFC 3261 25) */
	SIFT_SCHEME_SIP,       /* RFC 3261 19.1 */
	SIFT_SCHEME_SIPS,      /* RFC 3261 19.1, RFC 5630 */
	SIFT_SCHEME_TEL        /* RFC 3966 */
} sift_uri_scheme;

typedef enum sift_host_kind {
	SIFT_HOST_NONE = 0,
	SIFT_HOST_NAME,        /* hostname */
	SIFT_HOST_IPV4,        /* IPv4address (RFC 3986 form, RFC 5954) */
	SIFT_HOST_IPV6         /* IPv6reference: host span includes the [ ] */
} sift_host_kind;

typedef struct sift_uri {
	sift_uri_scheme scheme;
	sift_span scheme_name; /* "sip", "SIP", "tel", "http": as written */
	sift_span user;        /* sip/sips: user or telephone-subscriber; tel: the number */
	sift_span password;    /* sip/sips, rarely present */
	sift_span host;        /* sip/sips */
	sift_host_kind host_kind;
	sift_span port_text;   /* digits as written; empty when absent */
	uint16_t port;         /* 0 when absent */
	uint8_t has_user;      /* userinfo present (user may still be empty for tel) */
	uint8_t has_port;
	sift_span params;      /* sip/sips/tel: from after the first ';' to '?' or the end */
	sift_span headers;     /* sip/sips: after '?' */
	sift_span opaque;      /* everything after "scheme:" (all schemes) */
} sift_uri;

/* The RFC 3261 three-colon IPv6 form ("[2001:db8:::192.0.2.1]") that RFC 5954
 * removed from the grammar is accepted in every mode, as RFC 5118 4.10 asks. */

/*
 * Parses the URI text in buf at span uri. Returns SIFT_OK and fills out, or
 * SIFT_E_URI (SIFT_E_NUMBER_RANGE for a port above 65535) with err set to the
 * offset and rule that failed. err may be NULL.
 */
SIFT_API sift_code sift_uri_parse(const char *buf, sift_span uri, unsigned options,
				  sift_uri *out, sift_error *err);

/* One parameter of a parameter list: name and optional value, as written
 * (a quoted-string value keeps its quotes). */
typedef struct sift_param {
	sift_span name;
	sift_span value;
	uint8_t has_value;
} sift_param;

/*
 * Walks a parameter list such as sift_uri.params (";"-separated, no white
 * space) or a header's params (SEMI = SWS ";" SWS, with EQUAL around '=').
 * *cursor is the rest of the list; start it with the params span. Each call
 * returns 1 and the next parameter, or 0 at the end. Parameters are not
 * validated here: the parsers that produced the span already did.
 */
SIFT_API int sift_param_next(const char *buf, sift_span *cursor, sift_param *out);

/* Finds parameter `name` (case-insensitive, RFC 3261 19.1.4 and 7.3.1) in a
 * parameter list. Returns 1 and fills out, or 0. */
SIFT_API int sift_param_find(const char *buf, sift_span params, const char *name,
			     sift_param *out);

#ifdef __cplusplus
}
#endif
#endif
