/*
 * src/grammar/scan_body.re - matchers for the message-body layer
 * (src/body/multipart.c): the RFC 2046 5.1.1 boundary of grammar/rfc2046.abnf. Same
 * pattern as scan.re.
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

/* RFC 2046 5.1.1: boundary := 0*69<bchars> bcharsnospace */
const char *sift__match_boundary(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	boundary { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}
