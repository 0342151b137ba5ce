/*
 * src/grammar/scan.re - matchers for the ABNF rules the parsers use.
 *
 * Each function is one re2c DFA over a rule of the ABNF in grammar/. The
 * definitions come from build/gen/abnf.re, which tools/abnf2re.py generates
 * from that ABNF, so nothing here retypes the grammar. The DFA
 * takes the longest match (ABNF alternation is a union); a rule that matches
 * nothing at p returns NULL, a rule that matches the empty string returns p.
 */
#include "grammar/internal.h"

/*!include:re2c "abnf.re" */

/*!rules:re2c:config
	re2c:api = custom;
	re2c:yyfill:enable = 0;
	re2c:eof = 0;
	re2c:define:YYCTYPE = 'unsigned char';
*/

/* One matcher: the longest match of RULE at p, or NULL. */
#define SIFT_MATCHER_BODY                                                     \
	SIFT_LEXER_BEGIN(p, end)

const char *sift__match_token(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	token { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

const char *sift__match_word(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	word { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* RFC 3261 25: callid = word [ "@" word ] */
const char *sift__match_callid(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	callid { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* SWS = [LWS]: always matches, possibly empty. */
const char *sift__match_sws(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	LWS { return (const char *)YYCURSOR; }
	* { return p; }
	$ { return p; }
	*/
}

const char *sift__match_lws(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	LWS { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* quoted-string without its leading SWS (the callers skip SWS themselves). */
const char *sift__match_quoted_string(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	DQUOTE (qdtext | quoted_pair)* DQUOTE { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

const char *sift__match_sip_version(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	SIP_Version { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* Reason-Phrase may be empty. */
const char *sift__match_reason_phrase(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	Reason_Phrase { return (const char *)YYCURSOR; }
	* { return p; }
	$ { return p; }
	*/
}

/*
 * Reason-Phrase (RFC 3261 7.2, 25), the same end as
 * sift__match_reason_phrase: each byte of the run read here
 * (SIFT__REASON_PLAIN: bit c of plain[c / 64]) is an element of *( ... )
 * on its own and starts no longer one ("%" of escaped and the UTF-8 bytes
 * stay out of it), so the phrase is the run and then the DFA's match from
 * where the run stops. Nearly every phrase is all run ("OK").
 */
const char *sift__match_reason_phrase_fast(const char *p, const char *end)
{
	static const uint64_t plain[2] = { SIFT__BITS64(SIFT__REASON_PLAIN, 0),
					   SIFT__BITS64(SIFT__REASON_PLAIN, 64) };
	_Static_assert(SIFT__BITS64(SIFT__REASON_PLAIN, 0) == 0xafffffd300000200u &&
			       SIFT__BITS64(SIFT__REASON_PLAIN, 64) == 0x47fffffe87ffffffu,
		       "the Reason-Phrase class is the one it was");
	for (; p < end; p++) {
		unsigned char c = (unsigned char)*p;
		if (c > 0x7F || !((plain[c >> 6] >> (c & 63)) & 1))
			return sift__match_reason_phrase(p, end);
	}
	return p;
}

/* host = hostname / IPv4address / IPv6reference, RFC 5954 IPv6. */
const char *sift__match_host(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	host { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* The RFC 3261 IPv6reference that RFC 5954 replaced; RFC 5118 4.10 asks
 * receivers to tolerate it ("[2001:db8:::192.0.2.1]"). */
const char *sift__match_ipv6reference_rfc3261(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	"[" IPv6address_rfc3261 "]" { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

const char *sift__match_ipv4address(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	IPv4address { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

const char *sift__match_ipv6address(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	IPv6address { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

const char *sift__match_port(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	port { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* userinfo = ( user / telephone-subscriber ) [ ":" password ] "@" */
const char *sift__match_userinfo(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	userinfo { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* One uri-parameter, without its leading ";". */
const char *sift__match_uri_parameter(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	uri_parameter { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* One header = hname "=" hvalue, without its leading "?" or "&". */
const char *sift__match_uri_header(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	header { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

const char *sift__match_scheme(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	scheme { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

const char *sift__match_absolute_uri(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	absoluteURI { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* RFC 3966 3 telephone-subscriber (the part after "tel:"). */
const char *sift__match_telephone_subscriber(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	telephone_subscriber { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* gen-value = token / host / quoted-string */
const char *sift__match_gen_value(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	gen_value { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

const char *sift__match_delta_seconds(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	delta_seconds { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* media-type = m-type SLASH m-subtype *(SEMI m-parameter) */
const char *sift__match_media_type(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	media_type { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* rfc1123-date = wkday "," SP date1 SP time SP "GMT" */
const char *sift__match_rfc1123_date(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	rfc1123_date { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

const char *sift__match_digits(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	DIGIT+ { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}
