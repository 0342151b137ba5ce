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
