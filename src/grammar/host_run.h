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

#endif
