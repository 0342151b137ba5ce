/*
 * src/grammar/scan_session.re - matchers for the session and dialog header
 * family (src/hdr/session_*.c): the rules of grammar/rfc7462.abnf,
 * rfc8224.abnf and rfc4474.abnf that are more than a token or digits. Same
 * pattern as scan.re: one re2c DFA per rule over the definitions that
 * tools/abnf2re.py generates from grammar/ (build/gen/abnf.re).
 */
#include "grammar/internal.h"

/*!include:re2c "abnf.re" */

/*!rules:re2c:config
	re2c:api = custom;
	re2c:yyfill:enable = 0;
	re2c:eof = 0;
	re2c:define:YYCTYPE = 'unsigned char';
*/

#define SIFT_MATCHER_BODY                                                     \
	SIFT_LEXER_BEGIN(p, end)

/* RFC 8224 4.1 (with errata 6499): signed-identity-digest */
const char *sift__match_signed_identity_digest(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	signed_identity_digest { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* RFC 4474 9: the quoted base64 digest of the obsoleted Identity header
 * (LDQUOT and RDQUOT include their SWS). */
const char *sift__match_rfc4474_identity_digest(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	rfc4474_signed_identity_digest { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}
