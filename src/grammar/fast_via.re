/*
 * src/grammar/fast_via.re - the verdict of full validation on the common
 * via-parm (RFC 3261 20.42, 25) by one DFA, without the spans that
 * sift_via_parse (src/hdr/via.c) fills. It accepts a subset of what that
 * parser accepts, and nothing else: every other value, and every error
 * with its offset and rule, is the parser's.
 */
#include "grammar/internal.h"

/*!include:re2c "abnf.re" */

/*!re2c
	// token (RFC 3261 25) one character at a time, for the differences below.
	via_name_char = [a-zA-Z0-9.!%*_+`'~-];

	// A token that none of the via-params names with a rule of its own
	// (RFC 3261 25 via-ttl, via-maddr, via-received, via-branch; RFC 3581 3
	// response-port), case-insensitively (RFC 3261 7.3.1): a via-extension
	// whatever its value. Spelled out from the trie of those five names:
	// a proper prefix of a name, or a prefix that goes on with a character
	// no name has next (a whole name going on is another token).
	via_other_name =
		  (via_name_char \ [bBmMrRtT]) via_name_char*
		| 'b' ((via_name_char \ [rR]) via_name_char*)?
		| 'm' ((via_name_char \ [aA]) via_name_char*)?
		| 'r' ((via_name_char \ [eEpP]) via_name_char*)?
		| 't' ((via_name_char \ [tT]) via_name_char*)?
		| 'br' ((via_name_char \ [aA]) via_name_char*)?
		| 'ma' ((via_name_char \ [dD]) via_name_char*)?
		| 're' ((via_name_char \ [cC]) via_name_char*)?
		| 'rp' ((via_name_char \ [oO]) via_name_char*)?
		| 'tt' ((via_name_char \ [lL]) via_name_char*)?
		| 'bra' ((via_name_char \ [nN]) via_name_char*)?
		| 'mad' ((via_name_char \ [dD]) via_name_char*)?
		| 'rec' ((via_name_char \ [eE]) via_name_char*)?
		| 'rpo' ((via_name_char \ [rR]) via_name_char*)?
		| 'ttl' via_name_char+
		| 'bran' ((via_name_char \ [cC]) via_name_char*)?
		| 'madd' ((via_name_char \ [rR]) via_name_char*)?
		| 'rece' ((via_name_char \ [iI]) via_name_char*)?
		| 'rpor' ((via_name_char \ [tT]) via_name_char*)?
		| 'branc' ((via_name_char \ [hH]) via_name_char*)?
		| 'maddr' via_name_char+
		| 'recei' ((via_name_char \ [vV]) via_name_char*)?
		| 'rport' via_name_char+
		| 'branch' via_name_char+
		| 'receiv' ((via_name_char \ [eE]) via_name_char*)?
		| 'receive' ((via_name_char \ [dD]) via_name_char*)?
		| 'received' via_name_char+;

	// port = 1*DIGIT (RFC 3261 25), 0 to 65535 as the parser reads it,
	// in at most five digits.
	via_common_port = DIGIT{1,4} | [0-5] DIGIT{4} | "6" [0-4] DIGIT{3} | "65" [0-4] DIGIT{2}
		| "655" [0-2] DIGIT | "6553" [0-5];

	// via-branch = "branch" EQUAL token; via-received with an IPv4address
	// (RFC 3261 18.2.1 writes one); response-port = "rport" [EQUAL 1*DIGIT]
	// (RFC 3581 3); a via-extension = generic-param with a token value.
	via_common_param = 'branch' "=" token | 'received' "=" IPv4address
		| 'rport' ("=" DIGIT+)? | via_other_name ("=" token)?;
*/

/* Bit vectors, no computed gotos, no end rule: as the bv setup of
 * scan_value.re. YYPEEK reads 0 at the end, which no rule below holds. */
/*!rules:re2c:bv
	re2c:api = custom;
	re2c:yyfill:enable = 0;
	re2c:define:YYCTYPE = 'unsigned char';
	re2c:flags:bit-vectors = 1;
	re2c:flags:computed-gotos = 0;
*/

/* 1 when the whole of [p, end) is a via-parm written the common way:
 *   "SIP/2.0/" transport SP (hostname / IPv4address) [":" port]
 *   *( ";" via_common_param )
 * with no other white space. Each part ends at a byte the next one starts
 * with and the part before cannot hold (SP, ":", ";", "=", the end), so
 * where this matches the parser's longest matches end at the same bytes
 * and pass the same checks: sift_via_parse returns SIFT_OK. An IPv6
 * reference, a maddr or ttl, a quoted value, SWS around a separator: 0,
 * for the parser to judge. No option changes the Via grammar. */
int sift__via_parm_is_common(const char *p, const char *end)
{
	SIFT_LEXER_BEGIN(p, end);
	/*!use:re2c:bv
	"SIP/2.0/" token " " (hostname | IPv4address) (":" via_common_port)?
		(";" via_common_param)* { return YYCURSOR == YYLIMIT; }
	* { return 0; }
	*/
}
