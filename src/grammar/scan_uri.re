/*
 * src/grammar/scan_uri.re - matchers for the URI family (src/uri): URI
 * parameters (RFC 3261 19.1.1), tel URIs (RFC 3966 3), URNs (RFC 8141 2) and
 * alert URNs (RFC 7462 7). Same pattern as scan.re: one re2c DFA per rule of the
 * ABNF in grammar/, longest match, NULL when the rule does not match at p.
 */
#include "grammar/internal.h"
#include "grammar/host_run.h"
#include "sipsift/uri.h"
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

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

/* RFC 3261 25: pname = 1*paramchar */
const char *sift__match_pname(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	pname { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* RFC 3261 25: pvalue = 1*paramchar */
const char *sift__match_pvalue(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	pvalue { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* RFC 3261 25: ttl = 1*3DIGIT */
const char *sift__match_ttl(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	ttl { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* RFC 3966 3: global-number-digits = "+" *phonedigit DIGIT *phonedigit */
const char *sift__match_global_number_digits(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	global_number_digits { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* RFC 3966 3: local-number-digits =
 *   *phonedigit-hex (HEXDIG / "*" / "#") *phonedigit-hex */
const char *sift__match_local_number_digits(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	local_number_digits { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* RFC 3966 3: descriptor = domainname / global-number-digits */
const char *sift__match_tel_descriptor(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	descriptor { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* RFC 3966 3: pname = 1*( alphanum / "-" ) */
const char *sift__match_tel_pname(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	tel_pname { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* RFC 3966 3: pvalue = 1*paramchar */
const char *sift__match_tel_pvalue(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	tel_pvalue { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* RFC 3966 3: the value of extension = ";ext=" 1*phonedigit. phonedigit =
 * DIGIT / [ visual-separator ] can be empty, so this always matches,
 * possibly nothing. */
const char *sift__match_phonedigits(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	phonedigit+ { return (const char *)YYCURSOR; }
	* { return p; }
	$ { return p; }
	*/
}

/* RFC 3966 3: the value of isdn-subaddress = ";isub=" 1*uric */
const char *sift__match_tel_urics(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	tel_uric+ { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* RFC 8141 2: NID = (alphanum) 0*30(ldh) (alphanum) */
const char *sift__match_urn_nid(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	NID { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* RFC 8141 2: NSS = pchar *(pchar / "/") */
const char *sift__match_urn_nss(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	NSS { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* RFC 8141 2: r-component and q-component (the same rule text) */
const char *sift__match_urn_component(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	r_component { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* RFC 8141 2: f-component = fragment (RFC 3986 3.5), possibly empty */
const char *sift__match_urn_fragment(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	f_component { return (const char *)YYCURSOR; }
	* { return p; }
	$ { return p; }
	*/
}

/* RFC 7462 7: alert-label = let-dig [ *let-dig-hyp let-dig ] */
const char *sift__match_alert_label(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:config
	alert_label { return (const char *)YYCURSOR; }
	* { return NULL; }
	$ { return NULL; }
	*/
}

/* host = hostname / IPv4address / IPv6reference (RFC 3261 25, RFC 5954):
 * the same rule and result as sift__match_host (scan.re), generated as a
 * bit-vector DFA (the bv setup above) for the URI and Via parsers, which
 * walk a host in nearly every value. */
const char *sift__match_host_bv(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:bv
	host { return (const char *)YYCURSOR; }
	* { return NULL; }
	*/
}

/* One uri-parameter without its leading ";" (RFC 3261 25), and
 * absoluteURI (RFC 3261 25): as sift__match_uri_parameter and
 * sift__match_absolute_uri (scan.re), bv DFAs for the URI parser. */
const char *sift__match_uri_parameter_bv(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:bv
	uri_parameter { return (const char *)YYCURSOR; }
	* { return NULL; }
	*/
}

const char *sift__match_absolute_uri_bv(const char *p, const char *end)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:bv
	absoluteURI { return (const char *)YYCURSOR; }
	* { return NULL; }
	*/
}

/* host (RFC 3261 25) with its kind, for the URI and Via sent-by hosts:
 * the same longest match as sift__match_host_bv, each alternative of host
 * = hostname / IPv4address / IPv6reference a rule of its own, so that the
 * DFA that finds the end also tells the kind (a SIFT_HOST_* value). A tie
 * goes to the rule listed first: IPv4address, as the parsers have it (a
 * host that is exactly an IPv4address is one). */
const char *sift__scan_host_dfa(const char *p, const char *end, unsigned *kind)
{
	SIFT_MATCHER_BODY;
	/*!use:re2c:bv
	IPv4address { *kind = SIFT_HOST_IPV4; return (const char *)YYCURSOR; }
	hostname { *kind = SIFT_HOST_NAME; return (const char *)YYCURSOR; }
	IPv6reference { *kind = SIFT_HOST_IPV6; return (const char *)YYCURSOR; }
	* { return NULL; }
	*/
}

/* alphanum / "-": the bytes of a label (RFC 3261 25 domainlabel), tested
 * as the SIMD loops below test them: a letter in either case, a digit. */
static inline int is_label_byte(unsigned char c)
{
	return (unsigned char)((c | 0x20) - 'a') < 26 || (unsigned char)(c - '0') < 10 || c == '-';
}

/* A run of label bytes and dots (at most 63 bytes): bit i of each mask
 * set where byte i is a ".", a "-" or a letter. */
typedef struct host_run_bits {
	uint64_t dots, hyphens, letters;
} host_run_bits;

/* The run of label bytes and dots at p (at most 63 bytes: 0 for a longer
 * one): its length, and its masks in *bits. 16 bytes a step with SSE2
 * while 16 can be read, then a byte a step. */
static size_t host_run(const char *p, const char *end, host_run_bits *bits)
{
	size_t n = 0;
	uint64_t dot_bits = 0, hyphen_bits = 0, letter_bits = 0;
#if defined(__SSE2__)
	if (sift__use_simd) {
		const __m128i to_a = _mm_set1_epi8((char)(0x80 - 'a')), letters = _mm_set1_epi8(-128 + 26);
		const __m128i to_0 = _mm_set1_epi8((char)(0x80 - '0')), digits = _mm_set1_epi8(-128 + 10);
		while (n <= 48 && end - (p + n) >= 16) {
			__m128i bytes = _mm_loadu_si128((const __m128i *)(const void *)(p + n));
			__m128i lower = _mm_or_si128(bytes, _mm_set1_epi8(0x20));
			__m128i dot = _mm_cmpeq_epi8(bytes, _mm_set1_epi8('.'));
			__m128i hyphen = _mm_cmpeq_epi8(bytes, _mm_set1_epi8('-'));
			__m128i letter = _mm_cmplt_epi8(_mm_add_epi8(lower, to_a), letters);
			__m128i in = _mm_or_si128(
				_mm_or_si128(letter, _mm_cmplt_epi8(_mm_add_epi8(bytes, to_0), digits)),
				_mm_or_si128(dot, hyphen));
			unsigned out = ~(unsigned)_mm_movemask_epi8(in) & 0xFFFF;
			unsigned length = out ? (unsigned)__builtin_ctz(out) : 16;
			unsigned keep = (1u << length) - 1;
			dot_bits |= (uint64_t)((unsigned)_mm_movemask_epi8(dot) & keep) << n;
			hyphen_bits |= (uint64_t)((unsigned)_mm_movemask_epi8(hyphen) & keep) << n;
			letter_bits |= (uint64_t)((unsigned)_mm_movemask_epi8(letter) & keep) << n;
			n += length;
			if (out)
				goto done;
		}
	}
#endif
	for (; p + n < end && n < 64; n++) {
		unsigned char c = (unsigned char)p[n];
		if (c == '.')
			dot_bits |= 1ull << n;
		else if (!is_label_byte(c))
			break;
		else if (c == '-')
			hyphen_bits |= 1ull << n;
		else if ((unsigned char)((c | 0x20) - 'a') < 26)
			letter_bits |= 1ull << n;
	}
	if (n == 64)
		return 0;
#if defined(__SSE2__)
done:
#endif
	bits->dots = dot_bits;
	bits->hyphens = hyphen_bits;
	bits->letters = letter_bits;
	return n;
}

/* The host at p given the run of label bytes and dots there (n bytes, its
 * masks in bits): the run itself where src/grammar/host_run.h can tell
 * without the DFA (nearly every host), else the DFA's longest match. */
static inline __attribute__((always_inline)) const char *
host_of_run(const char *p, const char *end, size_t n, const host_run_bits *bits, unsigned *kind)
{
	if (n && sift__host_run_is_host(p, n, bits->dots, bits->hyphens, bits->letters, kind))
		return p + n;
	return sift__scan_host_dfa(p, end, kind);
}

/* The host at p, 16 bytes a step (or a byte a step). */
static const char *scan_host_steps(const char *p, const char *end, unsigned *kind)
{
	host_run_bits bits;
	size_t n = host_run(p, end, &bits);
	return host_of_run(p, end, n, &bits, kind);
}

#if defined(__x86_64__) && defined(__GNUC__)
/* The host at p given its first 32 bytes (or a copy): their classes, the
 * run of label bytes and dots in them. A run of all 32 goes to the
 * 16-byte steps. */
__attribute__((target("avx2"), always_inline)) static inline const char *
scan_host_block(const char *p, const char *end, __m256i bytes, unsigned *kind)
{
	__m256i classes = sift__host_classes_avx2(bytes);
	uint32_t out = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(classes, _mm256_setzero_si256()));
	if (!out)
		return scan_host_steps(p, end, kind);
	uint32_t keep = (1u << __builtin_ctz(out)) - 1;
	host_run_bits bits;
	bits.dots = SIFT__HOST_CLASS_MASK(classes, 3) & keep;
	bits.hyphens = SIFT__HOST_CLASS_MASK(classes, 4) & keep;
	bits.letters = keep & ~(SIFT__HOST_CLASS_MASK(classes, 0) | bits.dots | bits.hyphens);
	return host_of_run(p, end, (size_t)__builtin_ctz(out), &bits, kind);
}

/* Fewer than 32 bytes left: a copy, NULs after them (in no class), so the
 * run ends where the value does. Out of line: its buffer would cost the
 * common path a stack frame. */
__attribute__((target("avx2"), noinline)) static const char *
scan_host_padded(const char *p, const char *end, unsigned *kind)
{
	char padded[32];
	memset(padded, 0, sizeof padded);
	memcpy(padded, p, (size_t)(end - p));
	return scan_host_block(p, end, _mm256_loadu_si256((const __m256i *)(const void *)padded), kind);
}

/* sift__scan_host where the CPU has AVX2 (sift__use_simd 2): the first 32
 * bytes in one step, classed by the nibble lookups of host_run.h. Nearly
 * every host and the byte after it fit. */
__attribute__((target("avx2"))) static const char *scan_host_avx2(const char *p, const char *end,
								   unsigned *kind)
{
	if (end - p < 32)
		return scan_host_padded(p, end, kind);
	return scan_host_block(p, end, _mm256_loadu_si256((const __m256i *)(const void *)p), kind);
}
#define HAVE_SCAN_HOST_AVX2 1
#endif

const char *sift__scan_host(const char *p, const char *end, unsigned *kind)
{
#if defined(HAVE_SCAN_HOST_AVX2)
	if (sift__use_simd > 1 && __builtin_cpu_supports("avx2"))
		return scan_host_avx2(p, end, kind);
#endif
	return scan_host_steps(p, end, kind);
}
