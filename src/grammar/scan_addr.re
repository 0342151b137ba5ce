/*
 * src/grammar/scan_addr.re - matchers for the address header family
 * (src/hdr/addr.c, src/hdr/addr_ext.c): Contact parameters (RFC 3261 20.10,
 * RFC 5626 10), Referred-By's cid (RFC 3892 3), History-Info's index
 * (RFC 7044 9) and Diversion's counter and limit (RFC 5806 4). The
 * definitions come from the grammar/ ABNF files through build/gen/abnf.re.
 */
#include "grammar/internal.h"

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

/* RFC 5626 10: the value of c-p-instance, DQUOTE "<" instance-val ">" DQUOTE. */
const char *sift__match_instance_value(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:bv
	DQUOTE "<" instance_val ">" DQUOTE { return (const char *)YYCURSOR; }
	* { return NULL; }
	*/
}

/* RFC 3892 3: sip-clean-msg-id = LDQUOT dot-atom "@" (dot-atom / host) RDQUOT */
const char *sift__match_sip_clean_msg_id(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	sip_clean_msg_id { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* RFC 7044 9: index-val = number *("." number), no leading zeros. */
const char *sift__match_index_val(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	index_val { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* RFC 4244 4.1: 1*DIGIT *("." 1*DIGIT), leading zeros allowed. */
const char *sift__match_index_val_rfc4244(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	index_val_rfc4244 { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* RFC 5806 4: the value of diversion-counter and diversion-limit, 1*2DIGIT. */
const char *sift__match_diversion_count(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	DIGIT{1,2} { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}
