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
	SIFT_SCHEME_TEL,       /* RFC 3966 */
	SIFT_SCHEME_URN        /* RFC 8141 namestring (see sift_uri_parse) */
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
 * A tel URI is checked as sift_tel_parse() does. A "urn:" URI that is an
 * RFC 8141 namestring gets SIFT_SCHEME_URN (sift_urn_parse() gives its
 * parts); one that is only an RFC 3261 absoluteURI is SIFT_SCHEME_OTHER by
 * default and fails with the RFC 8141 rule under SIFT_OPT_STRICT.
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
 * validated here: the parsers that produced the span already did. On any
 * other bytes it still ends: each call moves the cursor at least one byte.
 */
SIFT_API int sift_param_next(const char *buf, sift_span *cursor, sift_param *out);

/* Finds parameter `name` (case-insensitive, RFC 3261 19.1.4 and 7.3.1) in a
 * parameter list. Returns 1 and fills out, or 0. */
SIFT_API int sift_param_find(const char *buf, sift_span params, const char *name,
			     sift_param *out);

/* RFC 5630: whether the URI is a SIPS URI (the resource is to be reached
 * over TLS on every hop, RFC 5630 4). 0 for NULL. */
SIFT_API int sift_uri_is_secure(const sift_uri *uri);

/* --- SIP and SIPS URI parameters (RFC 3261 19.1.1, 25) ------------------ */

/*
 * The parameters RFC 3261 and its extensions give a meaning, taken from a
 * sip/sips URI's params span (sift_uri.params). Values are spans into the
 * caller's buffer as written (not unescaped); names are matched
 * case-insensitively with %-escapes decoded (RFC 3261 19.1.4: "tr%61nsport"
 * is "transport"). When a name appears more than once, every occurrence is
 * checked and the first one is stored. Any other parameter is left to
 * sift_param_next() / sift_param_find().
 */
typedef struct sift_uri_params {
	sift_span transport;   /* transport-param: "udp", "tcp", "sctp", "tls", other-transport */
	sift_span user;        /* user-param: "phone", "ip", other-user */
	sift_span method;      /* method-param: a Method */
	sift_span maddr;       /* maddr-param: a host (an IPv6 reference keeps its [ ]) */
	sift_span ttl_text;    /* ttl-param digits as written */
	sift_span gr;          /* RFC 5627 gr value (a GRUU's instance id); empty for a bare "gr" */
	sift_host_kind maddr_kind;
	uint16_t method_id;    /* sift_method_id of method (SIFT_METHOD_OTHER for extensions) */
	uint8_t ttl;           /* ttl-param value, 0-255 */
	uint8_t has_transport, has_user, has_method, has_maddr, has_ttl;
	uint8_t has_lr;        /* lr-param (RFC 3261 19.1.1: loose routing) */
	uint8_t has_gr;        /* RFC 5627 5.1: the URI is a GRUU */
	uint8_t has_ob;        /* RFC 5626 5.4: outbound "ob" parameter */
} sift_uri_params;

/*
 * Fills out from a uri-parameters list (the params span of a parsed sip or
 * sips URI). Checks what the generic other-param grammar lets through:
 * transport, user and method values are tokens, maddr is a host, ttl is
 * 1*3DIGIT from 0 to 255 (RFC 3261 25: ttl = 1*3DIGIT ; 0 to 255) - above
 * that SIFT_E_NUMBER_RANGE with rule "ttl". A parameter that needs a value
 * and has none fails with its rule ("transport-param", "maddr-param"...).
 * "lr" and "ob" take no value; "lr=on", which old stacks send, is accepted
 * unless options has SIFT_OPT_STRICT (rule "lr-param", "ob-param").
 * Returns SIFT_OK, or SIFT_E_URI / SIFT_E_NUMBER_RANGE with err set.
 */
SIFT_API sift_code sift_uri_params_parse(const char *buf, sift_span params, unsigned options,
					 sift_uri_params *out, sift_error *err);

/* --- tel URIs (RFC 3966) ------------------------------------------------- */

typedef struct sift_tel {
	sift_span number;        /* global-number-digits (with its '+') or
	                            local-number-digits, visual separators kept */
	sift_span params;        /* every par after the number (after its first ';');
	                            walk it with sift_param_next() */
	sift_span ext;           /* extension value (1*phonedigit) */
	sift_span isub;          /* isdn-subaddress value (1*uric) */
	sift_span phone_context; /* context descriptor: a domainname or global-number-digits */
	uint8_t is_global;       /* global-number: the number starts with '+' (RFC 3966 5.1.4) */
	uint8_t has_ext, has_isub, has_phone_context;
	uint8_t context_is_number; /* the descriptor is global-number-digits, not a domain */
} sift_tel;

/*
 * Parses a telephone-subscriber (RFC 3966 3): the text after "tel:" (a
 * parsed tel URI's opaque span), a whole "tel:" URI, or the user part of a
 * SIP URI with user=phone (RFC 3261 19.1.6). A local number needs a
 * phone-context (RFC 3966 5.1.5: rule "context" at the end when missing);
 * a global number may carry "phone-context" only as an ordinary parameter.
 * ext, isub and phone-context store their first occurrence. An isub value
 * ends at the next ';' (every par starts with one). Returns SIFT_OK, or
 * SIFT_E_URI with the offset and rule ("global-number-digits",
 * "local-number-digits", "extension", "isdn-subaddress", "descriptor",
 * "pname", "pvalue", "context").
 */
SIFT_API sift_code sift_tel_parse(const char *buf, sift_span subscriber, unsigned options,
				  sift_tel *out, sift_error *err);

/* --- URNs (RFC 8141) and alert URNs (RFC 7462) --------------------------- */

typedef struct sift_urn {
	sift_span nid;           /* namespace identifier ("alert") */
	sift_span nss;           /* namespace-specific string ("service:normal") */
	sift_span r_component;   /* after "?+"; empty when absent */
	sift_span q_component;   /* after "?="; empty when absent */
	sift_span f_component;   /* after "#"; empty when absent */
	uint8_t has_r, has_q, has_f;
} sift_urn;

/*
 * Parses a whole URN ("urn:" included, any case) per RFC 8141 2:
 * namestring = assigned-name [ rq-components ] [ "#" f-component ].
 * Returns SIFT_OK, or SIFT_E_URI with the offset and rule ("NID", "NSS",
 * "r-component", "q-component", "f-component", "namestring").
 */
SIFT_API sift_code sift_urn_parse(const char *buf, sift_span uri, unsigned options,
				  sift_urn *out, sift_error *err);

typedef struct sift_alert_urn {
	sift_span category;      /* alert-category ("service", or a private-name) */
	sift_span indication;    /* alert-indication: every alert-ind-part, ':'-separated */
	sift_span private_part;  /* from the first private-name on (RFC 7462 10.2); empty when none */
	uint8_t is_private;      /* a private-name appears */
} sift_alert_urn;

/*
 * Checks an RFC 7462 alert URN ("urn:alert:service:call-waiting") as used
 * in Alert-Info: the alert-URN grammar (RFC 7462 7, labels limited to 63
 * characters and not "??--" as Non-Reserved LDH labels, RFC 5890), then the
 * registry of RFC 7462 9.2.1: the categories service, source, priority,
 * duration, delay and locale and their indications; anything from a
 * private-name ("abc@example", RFC 7462 10.2) on is the provider's and
 * not checked. Registered names compare case-insensitively (RFC 7462 9.2);
 * under SIFT_OPT_STRICT they must be written as registered (RFC 7462 7).
 * Returns SIFT_OK; SIFT_E_URI when the grammar fails (rules "alert-URN",
 * "alert-category", "alert-ind-part", "alert-label", "provider");
 * SIFT_E_NOT_FOUND when the URN is well-formed but names an unregistered
 * category or indication (rule "alert-category" or "alert-indication", the
 * offset at that label). out may be NULL; it is filled when the grammar
 * holds (SIFT_OK and SIFT_E_NOT_FOUND).
 */
SIFT_API sift_code sift_alert_urn_check(const char *buf, sift_span uri, unsigned options,
					sift_alert_urn *out, sift_error *err);

/* --- Comparison (RFC 3261 19.1.4, RFC 5954 4.2, RFC 3966 4, RFC 8141 3) --- */

enum {
	/* sift_uri_equal() results besides 1 (equal) and 0 (different) */
	SIFT_URI_EQUAL_BAD_A = -1, /* the first URI does not parse */
	SIFT_URI_EQUAL_BAD_B = -2  /* the second does not (the first does) */
};

enum {
	/* sift_uri_equal() option on top of SIFT_OPT_STRICT: compare a sip and
	 * a sips URI as if both had the same scheme, as a registrar compares
	 * AORs (RFC 5630 5.2). Off by default: RFC 3261 19.1.4 says never. */
	SIFT_URI_EQUAL_SIPS_AS_SIP = 1u << 12
};

/*
 * Whether two URIs are equivalent. Each is a span of its own buffer; both
 * are parsed with sift_uri_parse(options & SIFT_OPT_STRICT). Nothing is
 * allocated or copied: escapes are decoded while comparing.
 *   sip/sips (RFC 3261 19.1.4): sip never equals sips; userinfo (user,
 *     password, telephone-subscriber) compares case-sensitively, all else
 *     case-insensitively; "%" HEX HEX equals the character it encodes
 *     unless that character is reserved (RFC 2396: ;/?:@&=+$,); user,
 *     password, host and port must all match, an absent component never
 *     equals a present default (no port != 5060); a host that is an IP
 *     address compares by its binary value (RFC 5954 4.2: [::1] equals
 *     [0:0:0:0:0:0:0:1], the three-colon RFC 3261 form included; an
 *     IPv4-mapped IPv6 reference does not equal the plain IPv4 host).
 *     Parameters: user, ttl, method, maddr and transport must match when
 *     either URI has them; any other parameter is compared only when both
 *     have it (so equality is not transitive, as 19.1.4 notes); maddr values
 *     compare as hosts, ttl as numbers, the rest case-insensitively; for a
 *     name written twice the first occurrence counts. Headers must be the
 *     same multiset: names case-insensitive (compact forms equal their long
 *     form, RFC 3261 7.3.3), values case-sensitive after decoding, since
 *     19.1.4 leaves header matching to each header's own rules.
 *   tel (RFC 3966 4): both global or both local; digits equal without
 *     visual separators; the same parameter names; phone-context compared as
 *     a host name or as digits without separators, ext as digits without
 *     separators, all else case-insensitively.
 *   urn (RFC 8141 3.1): "urn", NID and %-escapes case-insensitive, the NSS
 *     otherwise byte for byte; r-, q- and f-components ignored.
 *   any other scheme: scheme names case-insensitive, the rest byte for byte.
 * Returns 1 (equal), 0 (different), SIFT_URI_EQUAL_BAD_A or
 * SIFT_URI_EQUAL_BAD_B when a URI does not parse.
 */
SIFT_API int sift_uri_equal(const char *buf_a, sift_span a, const char *buf_b, sift_span b,
			    unsigned options);

/* sift_uri_equal() that also fills err (may be NULL) with the parse error of
 * the URI that does not parse; err->offset is into that URI's buffer. */
SIFT_API int sift_uri_equal_err(const char *buf_a, sift_span a, const char *buf_b, sift_span b,
				unsigned options, sift_error *err);

/* The comparison of sift_uri_equal() on URIs already parsed by
 * sift_uri_parse() (a from buf_a, b from buf_b). Returns 1 or 0. */
SIFT_API int sift_uri_equal_parsed(const char *buf_a, const sift_uri *a, const char *buf_b,
				   const sift_uri *b, unsigned options);

#ifdef __cplusplus
}
#endif
#endif
