/*
 * src/grammar/scan_event.re - matchers for the event-family rules (RFC 6665
 * 8.4, RFC 6446 9.2), from the definitions tools/abnf2re.py generates out of
 * grammar/rfc6665.abnf and grammar/rfc6446.abnf. Same pattern as scan.re:
 * the longest match at p, or NULL.
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

/* RFC 6665 8.4: event-type = event-package *( "." event-template ) */
const char *sift__match_event_type(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	event_type { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* RFC 6665 8.4: token-nodot (event-package, event-template) */
const char *sift__match_token_nodot(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	token_nodot { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* RFC 6446 9.2: 1*2DIGIT ["." 1*10DIGIT] (grammar/rfc6446.abnf rate-value) */
const char *sift__match_rate_value(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	rate_value { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}
