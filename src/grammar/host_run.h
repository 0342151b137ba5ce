/*
 * src/grammar/host_run.h - the host (RFC 3261 25) told from the bit masks
 * of a run of label bytes and dots, without a DFA: shared by the host scan
 * of src/grammar/scan_uri.re and the whole-value address check of
 * src/grammar/fast_addr_masks.re, so both hold a run to the same rule;
 * the Via fast path's received= IPv4 (src/hdr/via.c) uses its dec-octet.
 */
#ifndef SIFT_GRAMMAR_HOST_RUN_H
#define SIFT_GRAMMAR_HOST_RUN_H

#include "sipsift/uri.h"
#include <stddef.h>
#include <stdint.h>

/* RFC 3986 3.2.2 (RFC 5954 4.1): dec-octet = DIGIT / %x31-39 DIGIT /
 * "1" 2DIGIT / "2" %x30-34 DIGIT / "25" %x30-35, for length digits at g. */
static inline int sift__is_dec_octet(const char *g, size_t length)
{
	switch (length) {
	case 1:
		return 1;
	case 2:
		return g[0] != '0';
	case 3:
		return g[0] == '1' || (g[0] == '2' && (g[1] < '5' || (g[1] == '5' && g[2] <= '5')));
	default:
		return 0;
	}
}

/* The run of n (1 to 63) label bytes and dots at p, bit i of dots and
 * hyphens set where byte i is a "." or a "-": 1 when the whole run is a
 * hostname (labels that neither start nor end with "-", the last one
 * starting with ALPHA, one "." between them and maybe one after). */
static inline __attribute__((always_inline)) int
sift__host_run_is_hostname(const char *p, size_t n, uint64_t dots, uint64_t hyphens)
{
	uint64_t last = 1ull << (n - 1);
	/* A label that is empty or starts or ends with "-": a "." or "-"
	 * first, "..", ".-", "-." or "-" last. */
	uint64_t bad = ((dots | hyphens) & 1) | (dots & (dots | hyphens) >> 1) |
		       (hyphens & dots >> 1) | (hyphens & last);
	/* The toplabel starts after the last "." but a trailing one (the
	 * mask holds at most 63 bits: the shift loses none). */
	size_t top = (size_t)(63 - __builtin_clzll(((dots & ~last) << 1) | 1));
	return !bad && (unsigned char)((p[top] | 0x20) - 'a') < 26;
}

/* sift__host_run_is_hostname for the run [at, end) of a value, 1 <= at <
 * end <= 63, from masks of the whole value: bit i of dots and hyphens set
 * where byte i is a "." or a "-" (other bits, outside the run, may be
 * set: but for byte end, which is none of the run's bytes). The same rule
 * without shifting the masks to the run's start. */
static inline __attribute__((always_inline)) int
sift__host_run_is_hostname_in(const char *p, unsigned at, unsigned end, uint64_t dots,
			      uint64_t hyphens)
{
	/* The byte before the run stands for a "." (before) and so does the
	 * byte after it for a "-" before it (after): a label that is empty
	 * or starts with "-" is a "." followed by a "." or "-" (a "." or "-"
	 * first, "..", ".-"), one that ends with "-" a "-" followed by a
	 * "." ("-.", "-" last); a "." last is a trailing dot. */
	uint64_t before = 1ull << (at - 1), after = 1ull << end;
	uint64_t span = (~0ull << (at - 1)) & (after - 1); /* bits at - 1 to end - 1 */
	uint64_t leading = dots | before;
	uint64_t bad = ((leading & (dots | hyphens) >> 1) | (hyphens & (dots | after) >> 1)) & span;
	/* the toplabel's first byte: after the run's last "." but a trailing
	 * one, or the run's first */
	unsigned top = (unsigned)(64 - __builtin_clzll(leading & span & ~(after >> 1)));
	return !bad && (unsigned char)((p[top] | 0x20) - 'a') < 26;
}

/* The same run made of digits and dots only: 1 when it is four
 * dec-octets and three dots (RFC 3986 3.2.2). */
static inline __attribute__((always_inline)) int
sift__host_run_is_ipv4(const char *p, size_t n, uint64_t dots)
{
	size_t group = 0;
	int i = 0;
	for (; i < 3 && dots; i++, dots &= dots - 1) {
		size_t dot = (size_t)__builtin_ctzll(dots);
		if (!sift__is_dec_octet(p + group, dot - group))
			return 0;
		group = dot + 1;
	}
	return i == 3 && !dots && sift__is_dec_octet(p + group, n - group);
}

/* The run as above, bit i of letters set where byte i is a letter: 1
 * with *kind when the run is a host as a whole, 0 when only the DFA can
 * tell. Every hostname and IPv4address is made of those bytes and an
 * IPv6reference starts with "[", so no host at p is longer than the run:
 * - when the whole run is a hostname, it is the longest match, and not an
 *   IPv4address (whose last label is digits), which would win a tie;
 * - when it is an IPv4address, no hostname matches (a toplabel starts
 *   with ALPHA) and the run is the match.
 * Any other run ("1.2.3.04", "a-.b") is the DFA's. */
static inline __attribute__((always_inline)) int
sift__host_run_is_host(const char *p, size_t n, uint64_t dots, uint64_t hyphens, uint64_t letters,
		       unsigned *kind)
{
	if (!(letters | hyphens)) {
		*kind = SIFT_HOST_IPV4;
		return sift__host_run_is_ipv4(p, n, dots);
	}
	*kind = SIFT_HOST_NAME;
	return sift__host_run_is_hostname(p, n, dots, hyphens);
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>

/* The classes of a label byte or dot for the AVX2 steps over hosts (the
 * host scan of src/grammar/scan_uri.re, the Via fast path of
 * src/hdr/via.c), found from its two nibbles: the class is
 * SIFT__HOST_LOW[low nibble] & SIFT__HOST_HIGH[high nibble], 0 for a byte
 * of none (0x80-0xFF among them). A letter is %x41-4F / %x61-6F (high
 * nibble 4, 6; low 1-F) or %x50-5A / %x70-7A (high nibble 5, 7; low 0-A). */
enum {
	SIFT__HOST_DIGIT = 1,
	SIFT__HOST_LETTER_LOW = 2,
	SIFT__HOST_LETTER_HIGH = 4,
	SIFT__HOST_DOT = 8,
	SIFT__HOST_HYPHEN = 16
};
#define SIFT__HOST_LOW(l)                                                                  \
	(char)(((l) <= 9 ? SIFT__HOST_DIGIT : 0) | ((l) >= 1 ? SIFT__HOST_LETTER_LOW : 0) |   \
	       ((l) <= 10 ? SIFT__HOST_LETTER_HIGH : 0) | ((l) == 14 ? SIFT__HOST_DOT : 0) |    \
	       ((l) == 13 ? SIFT__HOST_HYPHEN : 0))
#define SIFT__HOST_HIGH(h)                                                                 \
	(char)((h) == 2	  ? SIFT__HOST_DOT | SIFT__HOST_HYPHEN                               \
	       : (h) == 3 ? SIFT__HOST_DIGIT                                                 \
	       : (h) >= 4 && (h) <= 7 ? ((h) & 1 ? SIFT__HOST_LETTER_HIGH : SIFT__HOST_LETTER_LOW) \
				      : 0)
#define SIFT__HOST_NIBBLES(f)                                                              \
	f(0), f(1), f(2), f(3), f(4), f(5), f(6), f(7), f(8), f(9), f(10), f(11), f(12), f(13), \
		f(14), f(15)

/* The class of each of 32 bytes (twice the tables: vpshufb looks up each
 * 16-byte lane in its own copy; a byte from 0x80 looks up 0, vpshufb's
 * rule for an index with bit 7). */
__attribute__((target("avx2"), always_inline)) static inline __m256i
sift__host_classes_avx2(__m256i bytes)
{
	const __m256i low = _mm256_setr_epi8(SIFT__HOST_NIBBLES(SIFT__HOST_LOW),
					     SIFT__HOST_NIBBLES(SIFT__HOST_LOW));
	const __m256i high = _mm256_setr_epi8(SIFT__HOST_NIBBLES(SIFT__HOST_HIGH),
					      SIFT__HOST_NIBBLES(SIFT__HOST_HIGH));
	__m256i high_nibbles = _mm256_and_si256(_mm256_srli_epi16(bytes, 4), _mm256_set1_epi8(0x0F));
	return _mm256_and_si256(_mm256_shuffle_epi8(low, bytes),
				_mm256_shuffle_epi8(high, high_nibbles));
}

/* Bit i set where bit `index` (0 for SIFT__HOST_DIGIT, 3 for
 * SIFT__HOST_DOT, 4 for SIFT__HOST_HYPHEN) of byte i of classes is:
 * shifted to bit 7 of its byte (a 16-bit shift moves no bit there from
 * the other byte). */
#define SIFT__HOST_CLASS_MASK(classes, index)                                              \
	((uint32_t)_mm256_movemask_epi8(_mm256_slli_epi16(classes, 7 - (index))))
#endif

#endif
