/*
 * sipsift/auth.h - authentication and security agreement header values.
 *
 *   WWW-Authenticate, Proxy-Authenticate       challenge      (RFC 3261 20.44, 20.27)
 *   Authorization, Proxy-Authorization         credentials    (RFC 3261 20.7, 20.28)
 *   Authentication-Info                        ainfo list     (RFC 3261 20.6)
 *   Security-Client, -Server, -Verify          sec-mechanism  (RFC 3329 2.2)
 *
 * with the Digest updates of RFC 8760 (SHA-256 and SHA-512/256, longer
 * digests), the RFC 7616 parameters SIP takes through it (userhash, charset,
 * username*), and the Bearer scheme of RFC 8898 (credentials per RFC 6750
 * 2.1, challenge per RFC 8898 4).
 *
 * Like every typed parser (hdr.h), these take one header value and fill a
 * struct of spans into the caller's buffer: no allocation, no copy. A
 * parameter value span holds a quoted-string's content without its quotes
 * (quoted-pairs such as \" are left as written) or the token as written.
 * On failure they return the code (SIFT_E_HEADER_VALUE; SIFT_E_URI from a
 * uri or domain URI) and fill err (may be NULL) with the offset of the first
 * byte that does not fit and the ABNF rule ("nc-value", "b64token").
 *
 * Default and strict (SIFT_OPT_STRICT) modes:
 *   default  RFC 3261 25 as RFC 8760 2.7 updates it (request-digest is
 *            *LHEX), with what a recipient is told to tolerate: a token or
 *            a quoted-string for any parameter value (RFC 7616 3.3-3.5 bind
 *            senders only), "auth, auth-int" with spaces (the RFC 7616 3.9
 *            form), an empty domain (RFC 7616 3.3), unknown parameters in
 *            Authentication-Info (RFC 7615), and Bearer credentials or
 *            challenges that are only RFC 3261 other-response /
 *            other-challenge (auth-params) without the RFC 6750 / RFC 8898
 *            value syntax (the lint rules rfc8898-* report those).
 *   strict   quoting exactly as the ABNF says; a response of the length its
 *            algorithm implies (below); digest-uri-value = Request-URI
 *            (RFC 8760 2.6); Bearer credentials = b64token; scope,
 *            authz_server and error per RFC 8898 Figure 3; ainfo only of
 *            RFC 3261 20.6's parameters; d-ver exactly 32LHEX.
 * Both modes: a known parameter given twice is rejected (RFC 7235 2.1:
 * "Each parameter name MUST only occur once"; a second realm or nonce makes
 * the credentials mean two things), as are username together with
 * username* (RFC 7616 3.4). Repeated unknown parameters are not checked.
 *
 * Response length (RFC 8760 2.2, 2.7), checked when strict and by the lint
 * rule rfc8760-response-length: empty (no challenge received yet), or
 * sift_digest_hex_length(algorithm) LHEX digits: 32 for MD5 and MD5-sess
 * (also when algorithm is absent: MD5 is the default, RFC 7616 3.3), 64
 * for SHA-256, SHA-512-256 and their -sess variants, at least 32 for an
 * unregistered algorithm.
 */
#ifndef SIPSIFT_AUTH_H
#define SIPSIFT_AUTH_H

#include "sipsift/span.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum sift_auth_scheme {
	SIFT_AUTH_NONE = 0, /* Authentication-Info: a parameter list, no scheme */
	SIFT_AUTH_DIGEST,   /* "Digest" (RFC 3261 22.4, RFC 8760) */
	SIFT_AUTH_BEARER,   /* "Bearer" (RFC 8898, RFC 6750) */
	SIFT_AUTH_OTHER     /* any other auth-scheme token ("Basic", "NoOneKnowsThisScheme") */
} sift_auth_scheme;

/* The algorithm parameter (RFC 8760 2.7, the RFC 7616 6.1 registry). */
typedef enum sift_digest_alg {
	SIFT_DIGEST_ALG_NONE = 0,        /* absent: MD5 (RFC 7616 3.3) */
	SIFT_DIGEST_ALG_MD5,
	SIFT_DIGEST_ALG_MD5_SESS,
	SIFT_DIGEST_ALG_SHA256,
	SIFT_DIGEST_ALG_SHA256_SESS,
	SIFT_DIGEST_ALG_SHA512_256,
	SIFT_DIGEST_ALG_SHA512_256_SESS,
	SIFT_DIGEST_ALG_OTHER            /* a token not in the registry; see sift_auth.algorithm */
} sift_digest_alg;

/* Registered algorithm of an algorithm value (case-insensitive, RFC 5234
 * 2.3 strings), or SIFT_DIGEST_ALG_OTHER. */
SIFT_API sift_digest_alg sift_digest_alg_lookup(const char *name, size_t len);

/* Hex digits of a digest made with alg (RFC 8760 2.2): 32 for MD5 and
 * MD5-sess and for NONE (MD5 by default), 64 for the SHA-256 and
 * SHA-512/256 families, 0 for OTHER (unknown; RFC 8760 2.7 only says at
 * least 32). */
SIFT_API unsigned sift_digest_hex_length(sift_digest_alg alg);

/* Which parameter: the bits of sift_auth.present and sift_auth_param.id.
 * Names compare case-insensitively (RFC 7235 2.1). */
typedef enum sift_auth_param_id {
	SIFT_AUTHP_OTHER = 0,    /* auth-param of no known name */
	SIFT_AUTHP_REALM,        /* realm */
	SIFT_AUTHP_DOMAIN,       /* domain (challenge) */
	SIFT_AUTHP_NONCE,        /* nonce */
	SIFT_AUTHP_OPAQUE,       /* opaque */
	SIFT_AUTHP_STALE,        /* stale (challenge) */
	SIFT_AUTHP_ALGORITHM,    /* algorithm */
	SIFT_AUTHP_QOP,          /* qop: qop-options (challenge) or message-qop */
	SIFT_AUTHP_CHARSET,      /* charset (challenge, RFC 7616 3.3) */
	SIFT_AUTHP_USERHASH,     /* userhash (RFC 7616 3.3, 3.4) */
	SIFT_AUTHP_USERNAME,     /* username (credentials) */
	SIFT_AUTHP_USERNAME_STAR,/* username* (credentials, RFC 7616 3.4) */
	SIFT_AUTHP_URI,          /* uri (credentials) */
	SIFT_AUTHP_RESPONSE,     /* response (credentials) */
	SIFT_AUTHP_CNONCE,       /* cnonce */
	SIFT_AUTHP_NC,           /* nc */
	SIFT_AUTHP_NEXTNONCE,    /* nextnonce (Authentication-Info) */
	SIFT_AUTHP_RSPAUTH,      /* rspauth (Authentication-Info) */
	SIFT_AUTHP_SCOPE,        /* scope (Bearer challenge, RFC 8898 4) */
	SIFT_AUTHP_AUTHZ_SERVER, /* authz_server (Bearer challenge) */
	SIFT_AUTHP_ERROR,        /* error (Bearer challenge) */
	SIFT_AUTHP_COUNT
} sift_auth_param_id;

/* The parameter id of a name, whatever header it is in; SIFT_AUTHP_OTHER
 * for others. */
SIFT_API sift_auth_param_id sift_auth_param_lookup(const char *name, size_t len);

/*
 * One challenge, credentials or Authentication-Info value. Parameters are
 * captured where they mean something for the scheme and header: for
 * Digest, those of RFC 3261 25 and RFC 7616 (challenge: realm, domain,
 * nonce, opaque, stale, algorithm, qop, charset, userhash; credentials:
 * username, username*, realm, nonce, uri, response, algorithm, cnonce,
 * opaque, qop, nc, userhash); for a Bearer challenge realm, scope,
 * authz_server, error; for Authentication-Info nextnonce, qop, rspauth,
 * cnonce, nc; for any other scheme (and Bearer credentials written as
 * parameters) only realm. Everything else is an auth-param: walk `params`
 * with sift_auth_param_next().
 */
typedef struct sift_auth {
	sift_auth_scheme scheme;
	sift_span scheme_name;   /* as written; empty for Authentication-Info */
	sift_span params;        /* the parameter list, first name to the end; empty
	                            for Bearer b64token credentials */
	sift_span token;         /* Bearer credentials: the b64token (RFC 6750 2.1);
	                            empty when written as parameters (default mode) */
	uint32_t present;        /* bit 1u << SIFT_AUTHP_x per parameter captured */
	sift_digest_alg alg;     /* from algorithm; SIFT_DIGEST_ALG_NONE when absent */
	uint32_t nonce_count;    /* nc as a number (8LHEX) */
	uint8_t stale;           /* stale=true (case-insensitive) */
	uint8_t userhash;        /* userhash=true */
	/* Values (see the top of this file for quoting). */
	sift_span realm, domain, nonce, opaque, stale_value, algorithm, qop, charset,
		userhash_value;
	sift_span username, username_star, uri, response, cnonce, nc;
	sift_span nextnonce, rspauth;
	sift_span scope, authz_server, error;
} sift_auth;

/* Whether parameter id was captured. */
static inline int sift_auth_has(const sift_auth *auth, sift_auth_param_id id)
{
	return (auth->present >> (unsigned)id) & 1u;
}

/*
 * WWW-Authenticate / Proxy-Authenticate: challenge (RFC 3261 25), Digest
 * digest-cln list, Bearer bearer-cln list (RFC 8898 4) or other-challenge.
 * Fills out (spans into buf). Errors as described at the top.
 */
SIFT_API sift_code sift_challenge_parse(const char *buf, sift_span value, unsigned options,
					sift_auth *out, sift_error *err);

/*
 * Authorization / Proxy-Authorization: credentials (RFC 3261 25), Digest
 * digest-response, Bearer b64token (RFC 6750 2.1) or other-response.
 */
SIFT_API sift_code sift_credentials_parse(const char *buf, sift_span value, unsigned options,
					  sift_auth *out, sift_error *err);

/* Authentication-Info: ainfo *(COMMA ainfo) (RFC 3261 20.6, 25). scheme is
 * SIFT_AUTH_NONE. */
SIFT_API sift_code sift_auth_info_parse(const char *buf, sift_span value, unsigned options,
					sift_auth *out, sift_error *err);

/* One auth-param: name, value as written (a quoted-string keeps its quotes;
 * quoted = 1), and the value without the quotes. */
typedef struct sift_auth_param {
	sift_span name;
	sift_span value;         /* as written */
	sift_span content;       /* without the quotes of a quoted-string */
	sift_auth_param_id id;   /* sift_auth_param_lookup() of the name */
	uint8_t quoted;
} sift_auth_param;

/*
 * Walks a parameter list such as sift_auth.params: name EQUAL (token /
 * quoted-string), separated by COMMA. *cursor is the rest of the list;
 * start it with the params span. Returns 1 and the next parameter, or 0 at
 * the end or where the text is not a parameter (the cursor is then empty).
 * Spans point into buf and stay inside the cursor's span.
 */
SIFT_API int sift_auth_param_next(const char *buf, sift_span *cursor, sift_auth_param *out);

/* RFC 3329 2.2 mechanism-name. */
typedef enum sift_sec_mech {
	SIFT_SEC_MECH_OTHER = 0, /* a token such as "ipsec-3gpp" (3GPP TS 33.203) */
	SIFT_SEC_MECH_DIGEST,
	SIFT_SEC_MECH_TLS,
	SIFT_SEC_MECH_IPSEC_IKE,
	SIFT_SEC_MECH_IPSEC_MAN
} sift_sec_mech;

/* Security-Client / Security-Server / Security-Verify: one sec-mechanism
 * (RFC 3329 2.2; the message index splits the comma list). */
typedef struct sift_sec_mechanism {
	sift_sec_mech mechanism;
	sift_span name;          /* mechanism-name as written */
	sift_span params;        /* after the first SEMI; walk with sift_param_next() */
	sift_span q;             /* preference: "q" EQUAL qvalue */
	sift_span d_alg;         /* digest-algorithm */
	sift_span d_qop;         /* digest-qop */
	sift_span d_ver;         /* digest-verify, without the quotes */
	uint16_t q_thousandths;  /* q as 0..1000; 1000 when absent */
	uint8_t has_q, has_d_alg, has_d_qop, has_d_ver;
} sift_sec_mechanism;

/*
 * Parses one sec-mechanism (RFC 3329 2.2): mechanism-name *(SEMI
 * mech-parameters), with q = qvalue, d-alg and d-qop tokens, d-ver a quoted
 * 32LHEX (strict; any non-empty LHEX run by default, as d-alg may name an
 * algorithm with a longer digest). Spans into buf; errors as above.
 */
SIFT_API sift_code sift_sec_mechanism_parse(const char *buf, sift_span value, unsigned options,
					    sift_sec_mechanism *out, sift_error *err);

#ifdef __cplusplus
}
#endif
#endif
