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

/* The same setup for rules that hold no NUL byte, generated with bit
 * vectors: a loop over a character class is then one table test a byte,
 * where the switch takes a range check and an indirect jump. re2c takes no
 * end-of-input rule with that option, and these rules need none: YYPEEK
 * reads 0 at the end, which no match holds, so a match stops there as at
 * any other byte outside the rule, and the "*" rule stands for "$" (both
 * return the same). Computed gotos would save another 2.5% of full
 * validation, but their tables of code addresses made the library 11 MB
 * with 300,000 load-time relocations (docs/performance.md): off. */
/*!rules:re2c:bv
	re2c:api = custom;
	re2c:yyfill:enable = 0;
	re2c:define:YYCTYPE = 'unsigned char';
	re2c:flags:bit-vectors = 1;
	re2c:flags:computed-gotos = 0;
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

/* A run of alphanum, "-" and "." from p, 16 bytes a step, then 8 where 8
 * are left, and never past end: those characters are in token, word and
 * hostname alike (RFC 3261 25), so a rule made of such characters can
 * resume its DFA where the run stops. Fewer than 8 bytes before end are
 * read as the last 8 of the value when the caller knows that many are
 * readable from start (start <= p): the bytes before p then drop out of
 * the mask, so short tails (a version "1.0", a Call-ID host) need no DFA.
 * Returns p when there is nothing to take (the scalar path: the DFA alone
 * does the work, and the tests run it by clearing sift__use_simd). */
__attribute__((always_inline)) static inline const char *
plain_token_end(const char *start, const char *p, const char *end)
{
#if defined(__SSE2__)
	if (sift__use_simd) {
		while (end - p >= 16) {
			unsigned mask = sift__plain_token_mask(
				_mm_loadu_si128((const __m128i *)(const void *)p));
			if (mask != 0xFFFFu)
				return p + __builtin_ctz(~mask);
			p += 16;
		}
		/* The upper 8 bytes of an 8-byte load are 0, which is not plain. */
		if (end - p >= 8) {
			unsigned mask = sift__plain_token_mask(
				_mm_loadl_epi64((const __m128i *)(const void *)p));
			if (mask != 0xFFu)
				return p + __builtin_ctz(~mask);
			p += 8;
		}
		if (p < end && end - start >= 8) {
			const char *last = end - 8;
			unsigned mask = sift__plain_token_mask(
				_mm_loadl_epi64((const __m128i *)(const void *)last)) >> (p - last);
			return p + __builtin_ctz(~mask);
		}
	}
#else
	(void)start;
	(void)end;
#endif
	return p;
}

/* token (RFC 3261 25), the same rule and result as sift__match_token
 * (scan.re), generated as a bit-vector DFA (the bv setup above): the typed
 * parsers of src/hdr and src/uri match their tokens with it. */
const char *sift__match_token_bv(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:bv
	token { return (const char *)YYCURSOR; }
	* { return NULL; }
	*/
}

/* token (RFC 3261 25): 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" /
 * "+" / "`" / "'" / "~"), the same result as sift__match_token. A token is
 * a run of one character class, so after the plain run the DFA goes on
 * from its end; where it finds no token character there, the run was the
 * token. */
const char *sift__match_token_fast(const char *p, const char *end)
{
	const char *q = plain_token_end(p, p, end);
	/* Where the run stops at the end or at a separator no token holds
	 * (";" "," SP HTAB CR LF), it is the token: no DFA to resume. */
	if (q > p && (q == end || *q == ';' || *q == ',' || *q == ' ' || *q == '\t' ||
		      *q == '\r' || *q == '\n'))
		return q;
	const char *t = sift__match_token_bv(q, end);
	return t ? t : q > p ? q : NULL;
}

/* The end of the token that begins at p (p itself when none), its plain
 * run read from start (start <= p, as plain_token_end() takes it). "/"
 * ends a run and no token holds it: no DFA to resume there. */
__attribute__((always_inline)) static inline const char *
token_run_end(const char *start, const char *p, const char *end)
{
	const char *q = plain_token_end(start, p, end);
	if (q == end || *q == '/')
		return q;
	const char *t = sift__match_token_bv(q, end);
	return t ? t : q;
}

/* [p, end) is m-type SLASH m-subtype and nothing more, no SWS (RFC 3261
 * 25; both are tokens): "application/sdp", "application/pidf+xml". The
 * subtype's run may read the type's bytes (start is p), so a short
 * subtype needs no DFA either. */
int sift__is_bare_media_type(const char *p, const char *end)
{
	const char *q = token_run_end(p, p, end);
	if (q == p || q >= end || *q != '/')
		return 0;
	const char *r = token_run_end(p, q + 1, end);
	return r > q + 1 && r == end;
}

#if defined(__SSE2__)
/* Bit i set when byte i of bytes is alphanum, "-", ".", "/" or ":". */
static inline unsigned plain_path_mask(__m128i bytes)
{
	/* "-" to ":" (%x2D-3A) is one range: "-" "." "/" the digits ":". */
	const __m128i to_a = _mm_set1_epi8((char)(0x80 - 'a')), letters = _mm_set1_epi8(-128 + 26);
	const __m128i to_dash = _mm_set1_epi8((char)(0x80 - '-')), dash_to_colon = _mm_set1_epi8(-128 + 14);
	const __m128i case_bit = _mm_set1_epi8(0x20);
	__m128i letter = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(bytes, case_bit), to_a), letters);
	__m128i other = _mm_cmplt_epi8(_mm_add_epi8(bytes, to_dash), dash_to_colon);
	return (unsigned)_mm_movemask_epi8(_mm_or_si128(letter, other));
}
#endif

/* The end of "<" absoluteURI ">" at p (after the ">") when the URI is
 * ALPHA *(alphanum / "-" / ".") ":" "//" *(alphanum / "-" / "." / "/" /
 * ":"), the usual "<http://www.example.com/sounds/moo.wav>" of Alert-Info
 * and Call-Info; NULL for anything else, and always without SIMD. Every
 * such URI is one absoluteURI (RFC 3261 25): the scheme, then net-path,
 * "//" authority [abs-path], where authority is a reg-name (1*(unreserved
 * / ":" ...), or empty) up to the first "/" and abs-path takes any pchar
 * (unreserved, ":") and "/" after it; ">" is no uric, so the longest
 * match of the absoluteURI DFA ends at the ">" too. */
const char *sift__match_plain_angle_net_uri(const char *p, const char *end)
{
#if defined(__SSE2__)
	if (!sift__use_simd || end - p < 16 || *p != '<')
		return NULL;
	const char *scheme = p + 1;
	const char *colon = plain_token_end(p, scheme, end);
	if (colon == scheme || (unsigned)((*scheme | 0x20) - 'a') >= 26 || end - colon < 4 ||
	    colon[0] != ':' || colon[1] != '/' || colon[2] != '/')
		return NULL;
	const char *q = colon + 3;
	for (; end - q >= 16; q += 16) {
		unsigned mask = plain_path_mask(_mm_loadu_si128((const __m128i *)(const void *)q));
		if (mask != 0xFFFFu) {
			q += __builtin_ctz(~mask);
			return *q == '>' ? q + 1 : NULL;
		}
	}
	if (q < end) {
		/* the last 16 bytes of the value, those already read dropped */
		unsigned mask = plain_path_mask(_mm_loadu_si128((const __m128i *)(const void *)(end - 16))) >>
				(16 - (end - q));
		q += __builtin_ctz(~mask);
	}
	return q < end && *q == '>' ? q + 1 : NULL;
#else
	(void)p;
	(void)end;
	return NULL;
#endif
}

/* word? (RFC 3261 25): the rest of a word that has begun, or nothing. */
static const char *match_word_rest(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:bv
	word { return (const char *)YYCURSOR; }
	* { return p; }
	*/
}

/* A word from p: the plain run, then its DFA from where the run stops
 * (word is a run of one character class, as token is). p when none.
 * The run reads no byte before the word (start is p). */
__attribute__((always_inline)) static inline const char *word_end(const char *p,
								   const char *end)
{
	const char *q = plain_token_end(p, p, end);
	/* "@", where a Call-ID's local part ends, is no word character. */
	return q == end || *q == '@' ? q : match_word_rest(q, end);
}

/* callid = word [ "@" word ] (RFC 3261 25), the same result as
 * sift__match_callid: "@" is no word character, so the first word ends
 * before the "@" and the second, when one follows it, ends the match. */
const char *sift__match_callid_fast(const char *p, const char *end)
{
	const char *local = word_end(p, end);
	if (local == p)
		return NULL;
	if (local < end && *local == '@') {
		const char *host = word_end(local + 1, end);
		if (host > local + 1)
			return host;
	}
	return local;
}

/* A via-params name (RFC 3261 25 via-ttl, via-maddr, via-received,
 * via-branch; RFC 3581 3 response-port) read with the token it is: *stop
 * is the end of the token (NULL when none starts at p), and the result 1
 * to 5 names the parameter in that order (branch, received, maddr, ttl,
 * rport), 0 another token. The literals come first: a tie goes to them. */
unsigned sift__scan_via_param_name(const char *p, const char *end, const char **stop)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:bv
	'branch' { *stop = (const char *)YYCURSOR; return 1; }
	'received' { *stop = (const char *)YYCURSOR; return 2; }
	'maddr' { *stop = (const char *)YYCURSOR; return 3; }
	'ttl' { *stop = (const char *)YYCURSOR; return 4; }
	'rport' { *stop = (const char *)YYCURSOR; return 5; }
	token { *stop = (const char *)YYCURSOR; return 0; }
	* { *stop = NULL; return 0; }
	*/
}

/* The same for the parameters of a name-addr or addr-spec (RFC 3261 25
 * tag-param, contact-params; RFC 5626 10 c-p-reg, c-p-instance): 1 tag,
 * 2 q, 3 expires, 4 reg-id, 5 +sip.instance, 0 another token. */
unsigned sift__scan_addr_param_name(const char *p, const char *end, const char **stop)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:bv
	'tag' { *stop = (const char *)YYCURSOR; return 1; }
	'q' { *stop = (const char *)YYCURSOR; return 2; }
	'expires' { *stop = (const char *)YYCURSOR; return 3; }
	'reg-id' { *stop = (const char *)YYCURSOR; return 4; }
	'+sip.instance' { *stop = (const char *)YYCURSOR; return 5; }
	token { *stop = (const char *)YYCURSOR; return 0; }
	* { *stop = NULL; return 0; }
	*/
}

/* The rest of a product (RFC 3261 25: product = token [SLASH
 * product-version]) whose token has begun: more token characters, then
 * the optional SLASH product-version. Matches the empty string. */
static const char *match_product_rest(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:bv
	token? (SLASH product_version)? { return (const char *)YYCURSOR; }
	* { return p; }
	*/
}

/* product, the same result as sift__match_product (scan_fields.re): the
 * plain run of the token (Server and User-Agent values: "sipsift-bench/1.0")
 * is taken, and the DFA of the rest resumes where it stops; with no run,
 * the DFA of the whole. A "/" right after the run, then a plain run that
 * stops at the end or at a byte no token holds (white space before the
 * next server-val, the "(" of a comment), is token SLASH product-version
 * with SWS empty on both sides: the match ends there, without the DFA. */
const char *sift__match_product_fast(const char *p, const char *end)
{
	const char *q = plain_token_end(p, p, end);
	if (q == p)
		return sift__match_product(p, end);
	if (q < end && *q == '/') {
		const char *version = plain_token_end(p, q + 1, end);
		if (version > q + 1 && (version == end || *version == ' ' || *version == '\t' ||
					*version == '\r' || *version == '\n' || *version == '('))
			return version;
	}
	return match_product_rest(q, end);
}

/* userinfo = ( user / telephone-subscriber ) [ ":" password ] "@" (RFC
 * 3261 25): the same result as sift__match_userinfo. No part of it holds
 * an "@", so a match ends at the first one; where a run of alphanum, "-"
 * and "." (all user characters: unreserved) reaches it, that run is the
 * user and the match. Anything else goes to the DFA. */
const char *sift__match_userinfo_fast(const char *p, const char *end)
{
	const char *q = plain_token_end(p, p, end);
	if (q > p && q < end && *q == '@')
		return q + 1;
	return sift__match_userinfo(p, end);
}

/* media-type (RFC 3261 25: m-type SLASH m-subtype *(SEMI m-parameter)), the
 * same result as sift__match_media_type (scan.re). Every m-type and
 * m-subtype is a token (extension-token, iana-token), so two tokens around
 * a "/" that reach the end are the whole match: "application/sdp", the
 * usual Content-Type. Anything else, parameters included, is the DFA's. */
const char *sift__match_media_type_fast(const char *p, const char *end)
{
	const char *q = sift__match_token_fast(p, end);
	if (q && q < end && *q == '/' && sift__match_token_fast(q + 1, end) == end)
		return end;
	return sift__match_media_type(p, end);
}
