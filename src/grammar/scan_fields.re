/*
 * src/grammar/scan_fields.re - matchers for the generic and message-body
 * headers of RFC 3261 20 and for RFC 3313, 3840/3841, 5322 and 8262
 * (src/hdr/fields_*.c). Same pattern as scan.re: one re2c DFA per rule of
 * the grammar/ ABNF files, through the definitions tools/abnf2re.py generates.
 */
#include "grammar/internal.h"
#include "hdr/internal.h"

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

/* RFC 3261 25: qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ) */
const char *sift__match_qvalue(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	qvalue { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* RFC 3261 25: codings = content-coding / "*" */
const char *sift__match_codings(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	codings { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* RFC 3261 25: language-range = ( ( 1*8ALPHA *( "-" 1*8ALPHA ) ) / "*" ) */
const char *sift__match_language_range(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	language_range { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* RFC 3261 25: language-tag = primary-tag *( "-" subtag ) */
const char *sift__match_language_tag(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	language_tag { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* RFC 3261 25: the MIME-Version value, 1*DIGIT "." 1*DIGIT */
const char *sift__match_mime_version_value(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	MIME_Version_value { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* RFC 3261 25: the time of Timestamp, 1*(DIGIT) [ "." *(DIGIT) ] */
const char *sift__match_timestamp_time(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	Timestamp_time { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* RFC 3261 25: delay = *(DIGIT) [ "." *(DIGIT) ]; may be empty */
const char *sift__match_delay(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	delay { return (const char *)YYCURSOR; }
	* { return p; }
	$ { return p; }
	*/
}

/* RFC 3261 25: warn-code = 3DIGIT */
const char *sift__match_warn_code(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	warn_code { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* RFC 3261 25: warn-agent = hostport / pseudonym */
const char *sift__match_warn_agent(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	warn_agent { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* RFC 3261 25: product = token [SLASH product-version] */
const char *sift__match_product(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:bv
	product { return (const char *)YYCURSOR; }
	* { return NULL; }
	*/
}

/* RFC 3261 25: TEXT-UTF8-TRIM = 1*TEXT-UTF8char *(*LWS TEXT-UTF8char) */
const char *sift__match_text_utf8_trim(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	TEXT_UTF8_TRIM { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* RFC 3261 25: one ctext (a character or LWS) of a comment */
const char *sift__match_ctext(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	ctext { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* RFC 3261 25: quoted-pair = "\\" (%x00-09 / %x0B-0C / %x0E-7F) */
const char *sift__match_quoted_pair(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	quoted_pair { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* RFC 3313 5: P-Media-Authorization-Token = 1*HEXDIG */
const char *sift__match_media_authorization_token(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	P_Media_Authorization_Token { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* RFC 3841 10: directive = proxy-directive / cancel-directive / ... */
const char *sift__match_directive(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	directive { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}



/* RFC 3840 9: enc-feature-tag = base-tags / other-tags */
const char *sift__match_enc_feature_tag(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	enc_feature_tag { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* RFC 3840 9: feature-param = enc-feature-tag [EQUAL LDQUOT (tag-value-list / string-value) RDQUOT] */
const char *sift__match_feature_param(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	feature_param { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* RFC 8262 3.2: msg-id = "<" id-left "@" id-right ">" */
const char *sift__match_msg_id(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	msg_id { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* RFC 5322 3.6.4: id-left = dot-atom-text (obsolete form left out) */
const char *sift__match_id_left(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	id_left { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* RFC 5322 3.6.4: id-right = dot-atom-text / no-fold-literal */
const char *sift__match_id_right(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	id_right { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* The verdict of the one-token list elements (Allow, Supported, Require,
 * Proxy-Require, Unsupported, Content-Encoding: RFC 3261 20.5, 20.37,
 * 20.32, 20.29, 20.40, 20.12). The message index takes the LWS around an
 * element away (RFC 3261 7.3.1), so an element is most often one token
 * and nothing else: the token's DFA, here in the check itself, tells so
 * without a call or a frame. Everything else, and so every error, is
 * sift__token_element_verdict's (fields_lists.c), which test_fields and
 * fuzz_fields hold this one to. */
sift_code sift__token_element_check(const char *buf, sift_span value, const char *rule,
				    int may_be_empty, sift_error *err)
{
	const char *p = buf + value.off, *end = p + value.len;
	SIFT_MATCHER_BODY;
	/*!use:re2c:bv
	token { if (YYCURSOR == YYLIMIT) return SIFT_OK; goto general; }
	* { goto general; }
	*/
general:
	return sift__token_element_verdict(buf, value, rule, may_be_empty, err);
}

