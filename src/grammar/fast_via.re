/*
 * src/grammar/fast_via.re - the verdict of full validation on the common
 * via-parm (RFC 3261 20.42, 25), without the spans that sift_via_parse
 * (src/hdr/via.c) fills. It accepts a subset of what that parser accepts,
 * and nothing else: every other value, and every error with its offset
 * and rule, is the parser's.
 */
#include "grammar/internal.h"
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* The results of sift__scan_via_param_name (scan_value.re). */
enum { VIA_BRANCH = 1, VIA_RECEIVED, VIA_MADDR, VIA_TTL, VIA_RPORT };

#if defined(__SSE2__)
/* The bytes of 16 at p that are host characters (alphanum, "-", "."),
 * letters, "-" and ".", as bit masks. Range tests in one signed compare
 * each, as in scan_value.re. */
typedef struct host_bytes {
	uint32_t member, letter, dash, dot;
} host_bytes;

static inline host_bytes classify_host_bytes(const char *p)
{
	__m128i bytes = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i letter = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(bytes, _mm_set1_epi8(0x20)),
						     _mm_set1_epi8((char)(0x80 - 'a'))),
					_mm_set1_epi8(-128 + 26));
	__m128i digit = _mm_cmplt_epi8(_mm_add_epi8(bytes, _mm_set1_epi8((char)(0x80 - '0'))),
				       _mm_set1_epi8(-128 + 10));
	__m128i dash = _mm_cmpeq_epi8(bytes, _mm_set1_epi8('-'));
	__m128i dot = _mm_cmpeq_epi8(bytes, _mm_set1_epi8('.'));
	host_bytes b;
	b.member = (uint32_t)_mm_movemask_epi8(
		_mm_or_si128(_mm_or_si128(letter, digit), _mm_or_si128(dash, dot)));
	b.letter = (uint32_t)_mm_movemask_epi8(letter);
	b.dash = (uint32_t)_mm_movemask_epi8(dash);
	b.dot = (uint32_t)_mm_movemask_epi8(dot);
	return b;
}
#endif

/* A hostname (RFC 3261 25) that ends where the bytes alphanum, "-" and
 * "." from p stop, read 16 bytes a block, two at most, and only where the
 * blocks are left: NULL when the run is longer than 31 bytes, or is not a
 * hostname (an IPv4address, whose top label starts with a digit, among
 * those). Such a run is a hostname when its labels, a trailing "." left
 * out, are not empty, neither start nor end with "-", and the last starts
 * with ALPHA:
 *   hostname = *( domainlabel "." ) toplabel [ "." ]
 *   domainlabel = alphanum / alphanum *( alphanum / "-" ) alphanum
 *   toplabel = ALPHA / ALPHA *( alphanum / "-" ) alphanum
 * The byte it stops at is none of those, nor is "[" (an IPv6reference
 * starts with it) at p, so sift__scan_host's longest match ends there too,
 * of kind SIFT_HOST_NAME: an IPv4address has no ALPHA. */
const char *sift__match_hostname_run(const char *p, const char *end)
{
#if defined(__SSE2__)
	if (!sift__use_simd || end - p < 16)
		return NULL;
	host_bytes b = classify_host_bytes(p);
	if (b.member == 0xFFFFu) {
		if (end - p < 32)
			return NULL;
		host_bytes high = classify_host_bytes(p + 16);
		b.member |= high.member << 16;
		b.letter |= high.letter << 16;
		b.dash |= high.dash << 16;
		b.dot |= high.dot << 16;
		if (b.member == 0xFFFFFFFFu)
			return NULL;
	}
	int length = __builtin_ctz(~b.member);
	if (length == 0)
		return NULL;
	int name_length = length - (int)(b.dot >> (length - 1) & 1); /* a trailing "." */
	if (name_length == 0)
		return NULL;
	uint32_t name = (1u << name_length) - 1; /* length <= 31 */
	uint32_t dot = b.dot & name, dash = b.dash & name;
	/* No label empty (no first ".", no ".."); none starting or ending
	 * with "-" (no first or last "-", no ".-" or "-."). */
	if ((dot & ((dot >> 1) | 1)) ||
	    (dash & ((dot << 1) | (dot >> 1) | 1 | (1u << (name_length - 1)))))
		return NULL;
	int top = dot ? 32 - __builtin_clz(dot) : 0; /* the top label's first byte */
	if (!(b.letter >> top & 1))
		return NULL;
	return p + length;
#else
	(void)p;
	(void)end;
	return NULL;
#endif
}

/*
 * 1 when the whole of [p, end) is a via-parm written the common way:
 *   "SIP/2.0/" transport SP sent-by *( ";" via-params )
 * with no white space but that one SP, each param one of
 *   via-branch   = "branch" EQUAL token
 *   via-received = "received" EQUAL IPv4address   (RFC 3261 18.2.1)
 *   response-port = "rport" [EQUAL 1*DIGIT]        (RFC 3581 3)
 *   via-extension = generic-param, a token value or none,
 * names case-insensitive (RFC 3261 7.3.1). Each part is read by the
 * matcher sift_via_parse reads it with, from the same byte, and ends at a
 * byte that starts the next part; where the parser would skip SWS there
 * is none to skip. So where this returns 1 the parser passes every check
 * and returns SIFT_OK. A maddr or ttl, an IPv6 received, a quoted value,
 * SWS around a separator: 0, for the parser to judge. No option changes
 * the Via grammar.
 */
int sift__via_parm_is_common(const char *p, const char *end)
{
	/* sent-protocol = protocol-name SLASH protocol-version SLASH transport */
	if (end - p < 8 || memcmp(p, "SIP/2.0/", 8) != 0)
		return 0;
	/* transport = "UDP" / "TCP" / "TLS" / "SCTP" / other-transport: the
	 * first three as written nearly always, then the SP; else a token. */
	const char *q;
	if (end - p >= 12 && p[11] == ' ' &&
	    (memcmp(p + 8, "UDP", 3) == 0 || memcmp(p + 8, "TCP", 3) == 0 ||
	     memcmp(p + 8, "TLS", 3) == 0))
		q = p + 11;
	else
		q = sift__match_token_fast(p + 8, end);
	/* LWS: one SP, then sent-by = host [ COLON port ] (RFC 3261 25) */
	if (!q || end - q < 2 || *q != ' ')
		return 0;
	p = sift__match_hostname_run(q + 1, end);
	if (!p) {
		unsigned kind;
		if (!(p = sift__scan_host(q + 1, end, &kind)))
			return 0;
	}
	if (p < end && *p == ':') {
		/* port = 1*DIGIT that the parser reads within 16 bits: here at
		 * most 5 digits, 5 no more than "65535" (the same order as
		 * strings and as numbers). */
		const char *digits = ++p;
		while (p < end && (unsigned char)(*p - '0') < 10)
			p++;
		if (p == digits || p - digits > 5 ||
		    (p - digits == 5 && memcmp(digits, "65535", 5) > 0))
			return 0;
	}
	/* *( SEMI via-params ) */
	while (p < end) {
		if (*p != ';')
			return 0;
		/* The names of a Via written by most agents, told by their
		 * bytes and the one after; any other goes to the classifier. */
		size_t left = (size_t)(end - p);
		if (left >= 8 && sift__equal8_nocase(p, ";branch=", "\0      \0")) {
			if (!(p = sift__match_token_fast(p + 8, end)))
				return 0;
			continue;
		}
		if (left >= 10 && sift__equal8_nocase(p, ";receive", "\0       ") &&
		    sift__equal8_nocase(p + 2, "eceived=", "       \0")) {
			/* RFC 3261 18.2.1: the IPv4address the request came from */
			p = sift__match_ipv4address(p + 10, end);
			if (!p || (p < end && *p != ';'))
				return 0;
			continue;
		}
		if (left >= 6 && sift__equal4_nocase(p, ";rpo", "\0   ") &&
		    sift__equal4_nocase(p + 2, "port", "    ") &&
		    (left == 6 || p[6] == ';' || p[6] == '=')) {
			p += 6;
			if (p < end && *p == '=' && !(p = sift__match_digits(p + 1, end)))
				return 0;
			continue;
		}
		unsigned known = sift__scan_via_param_name(p + 1, end, &q);
		if (!q)
			return 0;
		p = q;
		if (p < end && *p == '=') {
			p++;
			if (known == VIA_RECEIVED)
				q = sift__match_ipv4address(p, end);
			else if (known == VIA_RPORT)
				q = sift__match_digits(p, end);
			else if (known == VIA_BRANCH || known == 0)
				q = sift__match_token_fast(p, end);
			else
				return 0;
			if (!q)
				return 0;
			p = q;
		} else if (known != 0 && known != VIA_RPORT) {
			return 0;
		}
	}
	return 1;
}
