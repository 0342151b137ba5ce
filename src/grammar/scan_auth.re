/*
 * src/grammar/scan_auth.re - matchers for the authentication grammars:
 * RFC 3261 25 (challenge, credentials, ainfo), RFC 8760 2.7, RFC 7616
 * (grammar/rfc7616.abnf), RFC 6750 2.1, RFC 8898 4 and RFC 3329 2.2.
 * As in scan.re, every definition comes from build/gen/abnf.re, generated
 * from the grammar/ files; nothing here retypes a rule.
 */
#include "grammar/internal.h"
#include "sipsift/auth.h"

/*!include:re2c "abnf.re" */

/*!rules:re2c:config
	re2c:api = custom;
	re2c:yyfill:enable = 0;
	re2c:eof = 0;
	re2c:define:YYCTYPE = 'unsigned char';
*/

/* The NUL-free setup with bit vectors: why it needs no end rule, and why
 * computed gotos are off, is explained in scan_value.re. */
/*!rules:re2c:bv
	re2c:api = custom;
	re2c:yyfill:enable = 0;
	re2c:define:YYCTYPE = 'unsigned char';
	re2c:flags:bit-vectors = 1;
	re2c:flags:computed-gotos = 0;
*/

#define SIFT_MATCHER_BODY                                                     \
	SIFT_LEXER_BEGIN(p, end)

/* *LHEX: always matches, possibly empty (RFC 8760 2.7 request-digest). */
const char *sift__match_lhex_run(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:bv
	LHEX+ { return (const char *)YYCURSOR; }
	* { return p; }
	*/
}

/* nc-value = 8LHEX (RFC 3261 25) */
const char *sift__match_nc_value(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:bv
	nc_value { return (const char *)YYCURSOR; }
	* { return NULL; }
	*/
}

/* qop-value = "auth" / "auth-int" / token */
const char *sift__match_qop_value(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:bv
	qop_value { return (const char *)YYCURSOR; }
	* { return NULL; }
	*/
}

/* URI = absoluteURI / abs-path (RFC 3261 25, domain and digest-uri-value) */
const char *sift__match_auth_uri(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:bv
	URI { return (const char *)YYCURSOR; }
	* { return NULL; }
	*/
}

/* b64token (RFC 6750 2.1) */
const char *sift__match_b64token(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	b64token { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* The values of RFC 8898 4 (Figure 3) inside their DQUOTEs: scope
 * (RFC 6749 3.3), authz-server = https-URI (RFC 7230 2.7.2), error
 * (RFC 6749 A.7). */
const char *sift__match_oauth_scope(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	oauth_scope { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

const char *sift__match_https_uri(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	https_URI { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

const char *sift__match_oauth_error(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	oauth_error { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* ext-value (RFC 5987 3.2.1), the value of username* (RFC 7616 3.4) */
const char *sift__match_ext_value(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	ext_value { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/*
 * rfc8760-algorithm-value: *stop is the end of the match (NULL when no
 * token starts at p); returns which registered value it is. The registry
 * literals come first, so a value of the same length as the token matched
 * is that literal (re2c prefers the earlier rule on a tie).
 */
unsigned sift__scan_digest_algorithm(const char *p, const char *end, const char **stop)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:bv
	'MD5' { *stop = (const char *)YYCURSOR; return SIFT_DIGEST_ALG_MD5; }
	'MD5-sess' { *stop = (const char *)YYCURSOR; return SIFT_DIGEST_ALG_MD5_SESS; }
	'SHA-256' { *stop = (const char *)YYCURSOR; return SIFT_DIGEST_ALG_SHA256; }
	'SHA-256-sess' { *stop = (const char *)YYCURSOR; return SIFT_DIGEST_ALG_SHA256_SESS; }
	'SHA-512-256' { *stop = (const char *)YYCURSOR; return SIFT_DIGEST_ALG_SHA512_256; }
	'SHA-512-256-sess' { *stop = (const char *)YYCURSOR; return SIFT_DIGEST_ALG_SHA512_256_SESS; }
	rfc8760_algorithm_value { *stop = (const char *)YYCURSOR; return SIFT_DIGEST_ALG_OTHER; }
	* { *stop = NULL; return SIFT_DIGEST_ALG_NONE; }
	*/
}

/* mechanism-name (RFC 3329 2.2), the same way. */
unsigned sift__scan_mechanism_name(const char *p, const char *end, const char **stop)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	'digest' { *stop = (const char *)YYCURSOR; return SIFT_SEC_MECH_DIGEST; }
	'tls' { *stop = (const char *)YYCURSOR; return SIFT_SEC_MECH_TLS; }
	'ipsec-ike' { *stop = (const char *)YYCURSOR; return SIFT_SEC_MECH_IPSEC_IKE; }
	'ipsec-man' { *stop = (const char *)YYCURSOR; return SIFT_SEC_MECH_IPSEC_MAN; }
	mechanism_name { *stop = (const char *)YYCURSOR; return SIFT_SEC_MECH_OTHER; }
	* { *stop = NULL; return SIFT_SEC_MECH_OTHER; }
	$ { *stop = NULL; return SIFT_SEC_MECH_OTHER; }
	*/
}

/*
 * An auth-param-name (a token, RFC 3261 25) and which parameter of
 * sift_auth it is, in one DFA: *stop is the end of the token (NULL when no
 * token starts at p), the result a sift_auth_param_id (SIFT_AUTHP_OTHER
 * for another name). The literals come first, so a tie goes to them;
 * names are case-insensitive (RFC 7235 2.1).
 */
unsigned sift__scan_auth_param_name(const char *p, const char *end, const char **stop)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:bv
	'realm' { *stop = (const char *)YYCURSOR; return SIFT_AUTHP_REALM; }
	'domain' { *stop = (const char *)YYCURSOR; return SIFT_AUTHP_DOMAIN; }
	'nonce' { *stop = (const char *)YYCURSOR; return SIFT_AUTHP_NONCE; }
	'opaque' { *stop = (const char *)YYCURSOR; return SIFT_AUTHP_OPAQUE; }
	'stale' { *stop = (const char *)YYCURSOR; return SIFT_AUTHP_STALE; }
	'algorithm' { *stop = (const char *)YYCURSOR; return SIFT_AUTHP_ALGORITHM; }
	'qop' { *stop = (const char *)YYCURSOR; return SIFT_AUTHP_QOP; }
	'charset' { *stop = (const char *)YYCURSOR; return SIFT_AUTHP_CHARSET; }
	'userhash' { *stop = (const char *)YYCURSOR; return SIFT_AUTHP_USERHASH; }
	'username' { *stop = (const char *)YYCURSOR; return SIFT_AUTHP_USERNAME; }
	'username*' { *stop = (const char *)YYCURSOR; return SIFT_AUTHP_USERNAME_STAR; }
	'uri' { *stop = (const char *)YYCURSOR; return SIFT_AUTHP_URI; }
	'response' { *stop = (const char *)YYCURSOR; return SIFT_AUTHP_RESPONSE; }
	'cnonce' { *stop = (const char *)YYCURSOR; return SIFT_AUTHP_CNONCE; }
	'nc' { *stop = (const char *)YYCURSOR; return SIFT_AUTHP_NC; }
	'nextnonce' { *stop = (const char *)YYCURSOR; return SIFT_AUTHP_NEXTNONCE; }
	'rspauth' { *stop = (const char *)YYCURSOR; return SIFT_AUTHP_RSPAUTH; }
	'scope' { *stop = (const char *)YYCURSOR; return SIFT_AUTHP_SCOPE; }
	'authz_server' { *stop = (const char *)YYCURSOR; return SIFT_AUTHP_AUTHZ_SERVER; }
	'error' { *stop = (const char *)YYCURSOR; return SIFT_AUTHP_ERROR; }
	token { *stop = (const char *)YYCURSOR; return SIFT_AUTHP_OTHER; }
	* { *stop = NULL; return SIFT_AUTHP_OTHER; }
	*/
}
