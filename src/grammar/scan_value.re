/*
 * src/grammar/scan_value.re - whole-production matchers for the header
 * values full validation walks most (src/hdr, src/uri): the same longest
 * match as the one-rule matchers of scan.re, with the plain run of a value
 * taken before its DFA, which then resumes where that run stops.
 */
#include "grammar/internal.h"
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/*!include:re2c "abnf.re" */

/*!rules:re2c:config
	re2c:api = custom;
	re2c:yyfill:enable = 0;
	re2c:eof = 0;
	re2c:define:YYCTYPE = 'unsigned char';
*/

#define SIFT_MATCHER_BODY                                                     \
	SIFT_LEXER_BEGIN(p, end)

/* The rest of a quoted-string after its opening DQUOTE (RFC 3261 25):
 * *(qdtext / quoted-pair) DQUOTE. */
static const char *match_quoted_rest(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	(qdtext | quoted_pair)* DQUOTE { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* Bytes %x20-7E but DQUOTE and "\" from p: each one a whole qdtext on its
 * own (SP is an LWS of one WSP; %x21, %x23-5B, %x5D-7E the rest), so no
 * element of *(qdtext / quoted-pair) crosses the end of the run: a
 * quoted-pair starts at its "\", an LWS with a line end goes on as an LWS
 * from its CR or LF, a UTF8-NONASCII starts at a byte above %x7F. */
static const char *plain_qdtext_end(const char *p, const char *end)
{
#if defined(__SSE2__)
	/* 16 bytes a step (nonce, response, display names): a signed compare
	 * keeps %x20-7F, then DEL, DQUOTE and "\" drop out. */
	if (sift__use_simd) {
		const __m128i below = _mm_set1_epi8(0x1F), del = _mm_set1_epi8(0x7F);
		const __m128i dquote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
		while (end - p >= 16) {
			__m128i bytes = _mm_loadu_si128((const __m128i *)(const void *)p);
			__m128i stop = _mm_or_si128(_mm_cmpeq_epi8(bytes, del),
						    _mm_or_si128(_mm_cmpeq_epi8(bytes, dquote),
								 _mm_cmpeq_epi8(bytes, backslash)));
			unsigned plain = (unsigned)_mm_movemask_epi8(
				_mm_andnot_si128(stop, _mm_cmpgt_epi8(bytes, below)));
			if (plain != 0xFFFFu)
				return p + __builtin_ctz(~plain);
			p += 16;
		}
	}
#endif
	for (; p < end; p++) {
		unsigned char c = (unsigned char)*p;
		if (c < 0x20 || c > 0x7E || c == '"' || c == '\\')
			break;
	}
	return p;
}

/* quoted-string without its leading SWS: the same result as
 * sift__match_quoted_string (scan.re). After the opening DQUOTE the plain
 * run is skipped, and the DFA of the rest decides from where it stops: the
 * match of DQUOTE *(qdtext / quoted-pair) DQUOTE can only end at the first
 * DQUOTE outside a quoted-pair, which the run never passes. */
const char *sift__match_quoted_string_fast(const char *p, const char *end)
{
	if (p >= end || *p != '"')
		return NULL;
	return match_quoted_rest(plain_qdtext_end(p + 1, end), end);
}
