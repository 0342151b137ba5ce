/*
 * src/grammar/fast_addr_masks.re - the first, whole-value stage of full
 * validation's fast path for the address headers (From, To, Contact,
 * Route... of RFC 3261 20.10, 20.20, 20.30, 20.34, 20.39): the value is
 * classed once, 32 bytes a step with AVX2, into one bit a byte per class
 * of bytes (user, host, token...), and the common shapes are walked on
 * those masks, each segment's end found by one count of trailing zeros
 * and its bytes checked by it, where the DFAs of fast_addr.re take a
 * table test and a branch a byte. Where the CPU has AVX2 and BMI2 (its
 * variable shifts without the count in CL) and sift__use_simd is 2.
 *
 * It accepts a subset of what sift__addr_fast_accept (fast_addr.re)
 * accepts with the same options, and so of what sift_addr_parse accepts;
 * 0 says nothing and the value goes to those. The subset, in the terms of
 * fast_addr.re's shapes:
 *
 * - at most 255 bytes, no white space but between the display-name and
 *   "<" (and inside a quoted one), nothing first that is white space or,
 *   with SIFT_ADDR_ALLOW_STAR, a "*" (the parser's STAR); from 64 bytes
 *   on, a name-addr that ends (its first ">") within the first 63 bytes,
 *   and header parameters of at most 64 bytes each;
 * - display-name: tokens and white space, or a quoted-string of qdtext
 *   bytes %x20-7E but DQUOTE and "\";
 * - the URI: sip or sips, a user of unreserved / "&" / "=" / "+" / "$" /
 *   "/" (no escaped, no password), a host that the masks of
 *   src/grammar/host_run.h tell (a hostname or IPv4address), a port of at
 *   most 59999, in < > other-params of paramchar bytes (no escaped);
 * - header parameters: token ["=" token]; tag with a value; in Contact
 *   (SIFT_ADDR_CONTACT) q, expires, reg-id and +sip.instance, whose values
 *   the parser checks, only with a value of fast_addr.re's FAST_CONTACT
 *   rule (a qvalue; 1 to 9 digits, reg-id's first not "0"; DQUOTE "<"
 *   instance-val ">" DQUOTE, its uric without escaped, ";", "?", ",").
 *
 * Each of these is a case of the corresponding shape of fast_addr.re: the
 * same spans follow, since none of them holds an "@" outside the userinfo
 * or a byte of the rule that ends the segment before it (see there).
 * tests/unit/test_addr.c and fuzz/targets/fuzz_validate.c hold it to
 * sift__addr_fast_accept and sift_addr_parse.
 */
#include "grammar/internal.h"
#include "grammar/host_run.h"
#include "sipsift/hdr.h"
#include <limits.h>
#include <stdint.h>
#include <string.h>
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

#if defined(__x86_64__) && defined(__GNUC__)

/* The byte classes, from the ABNF of RFC 3261 25 (grammar/rfc3261.abnf):
 * alphanum, mark (unreserved = alphanum / mark), token, the user's
 * unreserved / user-unreserved but ",", ";", "?" (RFC 8217: those are for
 * a URI in < >), paramchar (param-unreserved / unreserved), the host's
 * label bytes and dots, and qdtext without LWS folds and UTF8-NONASCII.
 * "%" (escaped) is in none but token: an escape needs its two HEXDIGs. */
#define MASKS_ALPHA(c) ((unsigned)(((c) | 0x20) - 'a') < 26)
#define MASKS_DIGIT(c) ((c) >= '0' && (c) <= '9')
#define MASKS_ALNUM(c) (MASKS_ALPHA(c) || MASKS_DIGIT(c))
#define MASKS_MARK(c)                                                                     \
	((c) == '-' || (c) == '_' || (c) == '.' || (c) == '!' || (c) == '~' || (c) == '*' || \
	 (c) == '\'' || (c) == '(' || (c) == ')')
#define MASKS_UNRESERVED(c) (MASKS_ALNUM(c) || MASKS_MARK(c))
#define MASKS_TOKEN(c)                                                                    \
	(MASKS_ALNUM(c) || (c) == '-' || (c) == '.' || (c) == '!' || (c) == '%' || (c) == '*' || \
	 (c) == '_' || (c) == '+' || (c) == '`' || (c) == '\'' || (c) == '~')
#define MASKS_USER(c)                                                                     \
	(MASKS_UNRESERVED(c) || (c) == '&' || (c) == '=' || (c) == '+' || (c) == '$' || (c) == '/')
#define MASKS_PARAMCHAR(c)                                                                \
	(MASKS_UNRESERVED(c) || (c) == '[' || (c) == ']' || (c) == '/' || (c) == ':' ||      \
	 (c) == '&' || (c) == '+' || (c) == '$')
#define MASKS_HOST(c) (MASKS_ALNUM(c) || (c) == '-' || (c) == '.')
/* *(token LWS) of a display-name, its LWS without folds */
#define MASKS_DISPLAY(c) (MASKS_TOKEN(c) || (c) == ' ' || (c) == '\t')
#define MASKS_QDTEXT(c) ((c) >= 0x20 && (c) <= 0x7E && (c) != '"' && (c) != '\\')
/* RFC 5626 10 instance-val = 1*uric: reserved / unreserved / escaped,
 * here without escaped, ";", "?" and "," */
#define MASKS_INSTANCE(c)                                                                 \
	(MASKS_UNRESERVED(c) || (c) == '/' || (c) == ':' || (c) == '@' || (c) == '&' || (c) == '=' || \
	 (c) == '+' || (c) == '$')

/* A class as a table of 16 bytes, one a low nibble: bit r of entry l is
 * set when byte r * 16 + l is in the class (r 0 to 7; bytes from 0x80 are
 * in none). A byte is in the class when its entry ANDed with the bit of
 * its high nibble (masks_rows) is not zero. Twice: vpshufb looks up each
 * 16-byte lane in its own copy. */
#define MASKS_ROW(in, l)                                                                   \
	(unsigned char)((in(0x00 | (l)) << 0) | (in(0x10 | (l)) << 1) | (in(0x20 | (l)) << 2) | \
			(in(0x30 | (l)) << 3) | (in(0x40 | (l)) << 4) | (in(0x50 | (l)) << 5) | \
			(in(0x60 | (l)) << 6) | (in(0x70 | (l)) << 7))
#define MASKS_ROWS(in)                                                                     \
	MASKS_ROW(in, 0), MASKS_ROW(in, 1), MASKS_ROW(in, 2), MASKS_ROW(in, 3), MASKS_ROW(in, 4), \
		MASKS_ROW(in, 5), MASKS_ROW(in, 6), MASKS_ROW(in, 7), MASKS_ROW(in, 8),            \
		MASKS_ROW(in, 9), MASKS_ROW(in, 10), MASKS_ROW(in, 11), MASKS_ROW(in, 12),         \
		MASKS_ROW(in, 13), MASKS_ROW(in, 14), MASKS_ROW(in, 15)
#define MASKS_TABLE(in) { MASKS_ROWS(in), MASKS_ROWS(in) }

static const unsigned char masks_rows[32] = {
	1, 2, 4, 8, 16, 32, 64, 128, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 2, 4, 8, 16, 32, 64, 128, 0, 0, 0, 0, 0, 0, 0, 0,
};
static const unsigned char class_token[32] = MASKS_TABLE(MASKS_TOKEN);
static const unsigned char class_user[32] = MASKS_TABLE(MASKS_USER);
static const unsigned char class_paramchar[32] = MASKS_TABLE(MASKS_PARAMCHAR);
static const unsigned char class_host[32] = MASKS_TABLE(MASKS_HOST);
static const unsigned char class_digit[32] = MASKS_TABLE(MASKS_DIGIT);
static const unsigned char class_display[32] = MASKS_TABLE(MASKS_DISPLAY);
static const unsigned char class_qdtext[32] = MASKS_TABLE(MASKS_QDTEXT);
static const unsigned char class_instance[32] = MASKS_TABLE(MASKS_INSTANCE);

/* The value's bytes as two 32-byte blocks and each byte's bit of
 * masks_rows, in one of three layouts (a constant of each walk, so each
 * walk is compiled for its own):
 * - ONE_BLOCK: a value of n (1 to 32) bytes, at `shift` on in the block;
 * - TWO_BLOCKS: n (33 to 63) bytes, 0-31 in the first block and the last
 *   32 in the second (they overlap below 64);
 * - WINDOW: the 64 bytes at p - shift, the masks from p on n bytes (n at
 *   most 64; the value goes on after them when it is longer).
 * `beyond` has the bits from n up set: every class mask has them, so each
 * run ends at n at the latest. */
enum { ONE_BLOCK, TWO_BLOCKS, WINDOW };
typedef struct value_blocks {
	__m256i bytes0, bytes1, rows0, rows1;
	unsigned n, shift;
	uint64_t beyond;
} value_blocks;

#define MASKS_AVX2 __attribute__((target("avx2,bmi,bmi2"), always_inline)) static inline

MASKS_AVX2 __m256i masks_load(const void *p)
{
	return _mm256_loadu_si256((const __m256i *)p);
}

/* The movemasks of the blocks as one mask of the value's bytes. */
MASKS_AVX2 uint64_t masks_join(const value_blocks *v, const int layout, uint32_t first,
			       uint32_t second)
{
	if (layout == ONE_BLOCK)
		return ((uint64_t)first >> v->shift) | v->beyond;
	if (layout == TWO_BLOCKS)
		return (uint64_t)first | ((uint64_t)second << (v->n - 32)) | v->beyond;
	return (((uint64_t)first | (uint64_t)second << 32) >> v->shift) | v->beyond;
}

/* Bit i set where byte i is not in the class (or i is n or more). */
MASKS_AVX2 uint32_t outside_block(__m256i bytes, __m256i rows, const unsigned char *class_table)
{
	return (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(
		_mm256_and_si256(_mm256_shuffle_epi8(masks_load(class_table), bytes), rows),
		_mm256_setzero_si256()));
}

MASKS_AVX2 uint64_t outside(const value_blocks *v, const int layout,
			    const unsigned char *class_table)
{
	return masks_join(v, layout, outside_block(v->bytes0, v->rows0, class_table),
			  layout != ONE_BLOCK ? outside_block(v->bytes1, v->rows1, class_table) : 0);
}

/* The same for the first 32 bytes, every bit from 32 on set: for the
 * display-name, which starts the value and is short; a longer one is
 * left to fast_addr.re. */
MASKS_AVX2 uint64_t outside_start(const value_blocks *v, const int layout,
				  const unsigned char *class_table)
{
	uint32_t first = outside_block(v->bytes0, v->rows0, class_table);
	return layout != ONE_BLOCK ? (uint64_t)first | ~0ull << 32 : masks_join(v, layout, first, 0);
}

/* Bit i set where byte i is c; from n on, none but in a WINDOW (where
 * the bytes after n may be c). */
MASKS_AVX2 uint64_t byte_is(const value_blocks *v, const int layout, char c)
{
	__m256i wanted = _mm256_set1_epi8(c);
	uint32_t first = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v->bytes0, wanted));
	if (layout == ONE_BLOCK)
		return (uint64_t)first >> v->shift;
	uint32_t second = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v->bytes1, wanted));
	if (layout == TWO_BLOCKS)
		return (uint64_t)first | (uint64_t)second << (v->n - 32);
	return ((uint64_t)first | (uint64_t)second << 32) >> v->shift;
}

/* The first byte from `from` (below 64) that is outside: n at the latest.
 * A WINDOW of 64 bytes has no `beyond` bit: with none set from `from` on,
 * tzcnt gives 64 for the 64 - from bytes, and the end is 64. */
MASKS_AVX2 unsigned run_end(const int layout, uint64_t outside_mask, unsigned from)
{
	unsigned end = from + (unsigned)_tzcnt_u64(outside_mask >> from);
	return layout == WINDOW && end > 64 ? 64 : end;
}

#define SCHEME_WORD(fourth) \
	((uint32_t)'s' | (uint32_t)'i' << 8 | (uint32_t)'p' << 16 | (uint32_t)(fourth) << 24)

/* The end of the run of a class's bytes at `from` (at most n): the run of
 * host bytes (host_outside) when a byte the caller expects after the run
 * ends it, or the value's end; else the class's own run. Every class
 * given here holds the host's bytes (alphanum, "-", ".") and none of the
 * stop bytes given with it (checked below), so the two runs end at the
 * same byte then; nearly every user, parameter name and value is made of
 * host bytes, and their class's masks are not computed. */
MASKS_AVX2 unsigned run_end_via_host(const value_blocks *v, const int layout,
				     uint64_t host_outside, const unsigned char *class_table,
				     const char *p, unsigned length, unsigned from, char stop,
				     char other_stop, char third_stop)
{
	unsigned end = run_end(layout, host_outside, from);
	if (__builtin_expect(end == length || p[end] == stop || p[end] == other_stop ||
				     p[end] == third_stop,
			     1))
		return end;
	return run_end(layout, outside(v, layout, class_table), from);
}
_Static_assert(!MASKS_USER('@'), "the user's run stops at @");
_Static_assert(!MASKS_PARAMCHAR(';') && !MASKS_PARAMCHAR('=') && !MASKS_PARAMCHAR('>'),
	       "a URI parameter's run stops at ; = >");
_Static_assert(!MASKS_TOKEN(';') && !MASKS_TOKEN('='), "a header parameter's run stops at ; =");

/* "sip:" or "sips:" at p, in any case (RFC 3261 19.1.1: the scheme is
 * case-insensitive), with at least `room` bytes there: the length, or 0. */
static inline unsigned sip_scheme(const char *p, unsigned room)
{
	/* the first four bytes (little-endian: x86), the letters' 0x20 set: "s", "i", "p" are
	 * the only bytes that give themselves so, with "S", "I", "P" */
	uint32_t word;
	if (room < 5)
		return 0;
	memcpy(&word, p, 4);
	word |= 0x00202020u;
	if (word == SCHEME_WORD(':'))
		return 4;
	return (word | 0x20000000u) == SCHEME_WORD('s') && p[4] == ':' ? 5 : 0;
}

/* Names of header parameters, compared a word at a time: a name is a
 * run of token bytes, and a token byte with its 0x20 set gives a
 * lowercase letter, "+", ".", "-" or a digit only from itself or its
 * capital. NAME_WORD packs 4 or 8 bytes as they load on x86. */
#define NAME_WORD4(a, b, c, d) \
	((uint32_t)(a) | (uint32_t)(b) << 8 | (uint32_t)(c) << 16 | (uint32_t)(d) << 24)
#define NAME_WORD8(a, b, c, d, e, f, g, h) \
	((uint64_t)NAME_WORD4(a, b, c, d) | (uint64_t)NAME_WORD4(e, f, g, h) << 32)

static inline uint32_t lower4(const char *p)
{
	uint32_t word;
	memcpy(&word, p, 4);
	return word | 0x20202020u;
}

static inline uint64_t lower8(const char *p)
{
	uint64_t word;
	memcpy(&word, p, 8);
	return word | 0x2020202020202020u;
}

/* "tag", the len bytes of the name at p (RFC 3261 25 tag-param) */
static inline int name_is_tag(const char *p, unsigned len)
{
	return len == 3 && (p[0] | 0x20) == 't' && (p[1] | 0x20) == 'a' && (p[2] | 0x20) == 'g';
}

/* The contact-params whose values the parser checks (RFC 3261 20.10,
 * RFC 5626 10), told by the name's length and words (overlapping loads
 * inside the name). */
enum contact_name { CONTACT_OTHER, CONTACT_Q, CONTACT_EXPIRES, CONTACT_REG_ID, CONTACT_INSTANCE };
static inline enum contact_name contact_name(const char *p, unsigned len)
{
	switch (len) {
	case 1:
		return (p[0] | 0x20) == 'q' ? CONTACT_Q : CONTACT_OTHER;
	case 6:
		return lower4(p) == NAME_WORD4('r', 'e', 'g', '-') &&
				       lower4(p + 2) == NAME_WORD4('g', '-', 'i', 'd')
			       ? CONTACT_REG_ID
			       : CONTACT_OTHER;
	case 7:
		return lower4(p) == NAME_WORD4('e', 'x', 'p', 'i') &&
				       lower4(p + 3) == NAME_WORD4('i', 'r', 'e', 's')
			       ? CONTACT_EXPIRES
			       : CONTACT_OTHER;
	case 13:
		return lower8(p) == NAME_WORD8('+', 's', 'i', 'p', '.', 'i', 'n', 's') &&
				       lower8(p + 5) == NAME_WORD8('i', 'n', 's', 't', 'a', 'n', 'c', 'e')
			       ? CONTACT_INSTANCE
			       : CONTACT_OTHER;
	default:
		return CONTACT_OTHER;
	}
}

/* DQUOTE SP "<" "sip:" as the 8 bytes from the closing DQUOTE load (the
 * eighth not compared), the letters' 0x20 set as in sip_scheme. */
#define QUOTE_SIP                                                                              \
	((uint64_t)NAME_WORD4('"', ' ', '<', 's') | (uint64_t)NAME_WORD4('i', 'p', ':', 0) << 32)
#define QUOTE_SIP_FOLD 0x0000202020000000u
#define QUOTE_SIP_BYTES 0x00FFFFFFFFFFFFFFu

/* The address at the start of the value p (v->n bytes): [ display-name ]
 * "<" URI ">" (name-addr) or the URI (addr-spec, RFC 3261 25). The byte
 * after it, or 0 when it is none of the shapes; *host_outside_mask is the
 * mask of the host's class. */
MASKS_AVX2 unsigned accept_address(const char *p, const value_blocks *v, const int layout,
				   unsigned options, uint64_t *host_outside_mask)
{
	const unsigned n = v->n;
	unsigned at = 0;
	int name_addr = 1;
	if (p[0] == '"') {
		/* quoted-string: qdtext up to the closing DQUOTE, most often
		 * one SP and the "<" after it */
		at = run_end(layout, outside_start(v, layout, class_qdtext), 1);
		if (at + 2 >= n || p[at] != '"')
			return 0;
		if (n - at >= 8) {
			/* DQUOTE SP "<" "sip:" in one compare: the walk below
			 * finds the same (sip_scheme's room is there) */
			uint64_t word;
			memcpy(&word, p + at, 8);
			if (((word | QUOTE_SIP_FOLD) & QUOTE_SIP_BYTES) == QUOTE_SIP) {
				at += 7;
				goto userinfo;
			}
		}
		at++;
		if (p[at] == ' ' && p[at + 1] == '<')
			at++;
		else
			for (; at < n && (p[at] == ' ' || p[at] == '\t'); at++)
				;
		if (at >= n || p[at] != '<')
			return 0;
	} else if (p[0] != '<') {
		if (p[0] == ' ' || p[0] == '\t' || (p[0] == '*' && (options & SIFT_ADDR_ALLOW_STAR)))
			return 0;
		/* *(token LWS) "<", or an addr-spec from the start */
		at = run_end(layout, outside_start(v, layout, class_display), 0);
		if (at >= n || p[at] != '<') {
			if (options & SIFT_ADDR_NAME_ADDR_ONLY)
				return 0;
			name_addr = 0;
			at = 0;
		}
	}
	at += (unsigned)name_addr;
	unsigned scheme = sip_scheme(p + at, n - at);
	if (!scheme)
		return 0;
	at += scheme;

userinfo:;
	/* userinfo: the user's run when an "@" ends it */
	uint64_t host_outside = outside(v, layout, class_host);
	*host_outside_mask = host_outside;
	unsigned user_end =
		run_end_via_host(v, layout, host_outside, class_user, p, n, at, '@', '@', '@');
	if (user_end > at && user_end < n && p[user_end] == '@')
		at = user_end + 1;

	/* host: the run of label bytes and dots, a hostname or IPv4address
	 * as a whole (sift__scan_host finds that end too) */
	unsigned host_end = run_end(layout, host_outside, at);
	if (host_end == at)
		return 0;
	uint64_t dots = byte_is(v, layout, '.');
	if (!sift__host_run_is_hostname_in(p, at, host_end, dots, byte_is(v, layout, '-'))) {
		/* not a hostname: an IPv4address when all digits and dots
		 * (sift__host_run_is_host's other case) */
		unsigned host_length = host_end - at;
		uint64_t keep = (1ull << host_length) - 1;
		uint64_t run_dots = (dots >> at) & keep;
		uint64_t digits = ~outside(v, layout, class_digit) >> at;
		if ((keep & ~(run_dots | digits)) ||
		    !sift__host_run_is_ipv4(p + at, host_length, run_dots))
			return 0;
	}
	at = host_end;

	/* port: DIGIT{1,4} / [0-5] DIGIT{4} */
	if (at < n && p[at] == ':') {
		unsigned port_end = run_end(layout, outside(v, layout, class_digit), at + 1);
		unsigned digit_count = port_end - at - 1;
		if (digit_count == 0 || digit_count > 5 || (digit_count == 5 && p[at + 1] > '5'))
			return 0;
		at = port_end;
	}

	if (name_addr) {
		/* *( ";" pname [ "=" pvalue ] ) ">" */
		while (at < n && p[at] == ';') {
			unsigned name_end = run_end_via_host(v, layout, host_outside, class_paramchar,
							     p, n, at + 1, ';', '=', '>');
			if (name_end == at + 1)
				return 0;
			at = name_end;
			if (at < n && p[at] == '=') {
				unsigned value_end = run_end_via_host(v, layout, host_outside,
								      class_paramchar, p, n, at + 1,
								      ';', '=', '>');
				if (value_end == at + 1)
					return 0;
				at = value_end;
			}
		}
		if (at >= n || p[at] != '>')
			return 0;
		at++;
	}
	return at;
}

#define TAG_WORD ((uint32_t)'t' | (uint32_t)'a' << 8 | (uint32_t)'g' << 16 | (uint32_t)'=' << 24)

/* qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ) (RFC 3261
 * 25), all of [p, p + len). */
static inline int is_qvalue(const char *p, unsigned len)
{
	if (len == 0 || len > 5 || (p[0] != '0' && p[0] != '1'))
		return 0;
	if (len == 1)
		return 1;
	if (p[1] != '.')
		return 0;
	for (unsigned i = 2; i < len; i++)
		if (p[0] == '1' ? p[i] != '0' : !MASKS_DIGIT(p[i]))
			return 0;
	return 1;
}

/* One header parameter, ";" at p[at], of a value that ends at `length`
 * (the masks cover v->n bytes of it from p: all but in a WINDOW of a
 * longer value): generic-param with a token value, tag=token, and in
 * Contact (SIFT_ADDR_CONTACT) the contact-params whose values the parser
 * checks, each with a value fast_addr.re's FAST_CONTACT takes (RFC 3261
 * 20.10, RFC 5626 10). Its end (a ";" or `length`, which the caller
 * tells), or 0. */
MASKS_AVX2 unsigned accept_param(const char *p, const value_blocks *v, const int layout,
				 unsigned at, unsigned length, unsigned options)
{
	if (p[at] != ';')
		return 0;
	unsigned name = at + 1;
	uint64_t token_outside = outside(v, layout, class_token);
	unsigned name_end = run_end(layout, token_outside, name);
	if (name_end == name)
		return 0;
	unsigned name_length = name_end - name;
	enum contact_name contact = (options & SIFT_ADDR_CONTACT)
					    ? contact_name(p + name, name_length)
					    : CONTACT_OTHER;
	if (name_end == length || p[name_end] != '=') {
		/* tag-param = "tag" EQUAL token; the contact-params with a value
		 * too: without one, fast_addr.re's to judge */
		return name_is_tag(p + name, name_length) || contact != CONTACT_OTHER ? 0 : name_end;
	}
	unsigned value = name_end + 1;
	if (layout == WINDOW && value >= v->n)
		return 0;
	unsigned value_end;
	switch (contact) {
	case CONTACT_Q:
		value_end = run_end(layout, token_outside, value);
		return is_qvalue(p + value, value_end - value) ? value_end : 0;
	case CONTACT_EXPIRES:
	case CONTACT_REG_ID:
		/* DIGIT{1,9}; reg-id's first one not "0" */
		value_end = run_end(layout, outside(v, layout, class_digit), value);
		if (value_end == value || value_end - value > 9 ||
		    (value_end < length && p[value_end] != ';') ||
		    (contact == CONTACT_REG_ID && p[value] == '0'))
			return 0;
		return value_end;
	case CONTACT_INSTANCE:
		/* DQUOTE "<" instance-val ">" DQUOTE, its uric without escaped,
		 * ";", "?" or "," */
		if (length - value < 5 || p[value] != '"' || p[value + 1] != '<' ||
		    (layout == WINDOW && value + 2 >= v->n))
			return 0;
		value_end = run_end(layout, outside(v, layout, class_instance), value + 2);
		if (value_end == value + 2 || length - value_end < 2 || p[value_end] != '>' ||
		    p[value_end + 1] != '"')
			return 0;
		return value_end + 2;
	default:
		/* a token, tag's too */
		value_end = run_end(layout, token_outside, value);
		return value_end > value ? value_end : 0;
	}
}

/* The walk of the shapes over the masks of the value p, v->n bytes. */
MASKS_AVX2 int accept_blocks(const char *p, const value_blocks *v, const int layout,
			     unsigned options)
{
	const unsigned n = v->n;
	uint64_t host_outside;
	unsigned at = accept_address(p, v, layout, options, &host_outside);
	if (at == n)
		return 1;
	if (!at || (options & SIFT_ADDR_NO_PARAMS))
		return 0;
	/* From's and To's usual end: ";tag=" and a token, its bytes most
	 * often host bytes, to the end (RFC 3261 25 tag-param) */
	uint32_t word;
	if (n - at > 5 && p[at] == ';') {
		memcpy(&word, p + at + 1, 4);
		if ((word | 0x00202020u) == TAG_WORD &&
		    run_end_via_host(v, layout, host_outside, class_token, p, n, at + 5, ';', ';',
				     ';') == n)
			return 1;
	}
	/* *( ";" generic-param ) to the end */
	do
		at = accept_param(p, v, layout, at, n, options);
	while (at && at < n);
	return at != 0;
}

MASKS_AVX2 __m256i rows_of(__m256i bytes)
{
	return _mm256_shuffle_epi8(masks_load(masks_rows),
				   _mm256_and_si256(_mm256_srli_epi16(bytes, 4), _mm256_set1_epi8(0x0F)));
}

/* The WINDOW of the value's bytes [at, at + n) of p, n at most 64 and p
 * at least 64 bytes long: the 64 bytes that start at `at`, or that end
 * at the value's end when fewer are left. */
MASKS_AVX2 void load_window(value_blocks *w, const char *p, unsigned length, unsigned at)
{
	unsigned from = length - at >= 64 ? at : length - 64;
	w->n = length - at >= 64 ? 64 : length - at;
	w->shift = at - from;
	w->beyond = w->n == 64 ? 0 : ~0ull << w->n;
	w->bytes0 = masks_load(p + from);
	w->bytes1 = masks_load(p + from + 32);
	w->rows0 = rows_of(w->bytes0);
	w->rows1 = rows_of(w->bytes1);
}

/* A value of 64 bytes or more: the name-addr when it ends within its
 * first 64 bytes (at its first ">"), each header parameter after it in a
 * WINDOW of its own (most often a Contact's +sip.instance and the other
 * contact-params). Out of line: rare, and its frame would cost the rest. */
__attribute__((target("avx2,bmi,bmi2"), noinline)) static int accept_long(const char *p,
									  unsigned length,
									  unsigned options)
{
	value_blocks v;
	load_window(&v, p, length, 0);
	__m256i wanted = _mm256_set1_epi8('>');
	uint64_t closing =
		(uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v.bytes0, wanted)) |
		(uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v.bytes1, wanted)) << 32;
	unsigned at = (unsigned)_tzcnt_u64(closing) + 1;
	if (at > 63 || (options & SIFT_ADDR_NO_PARAMS))
		return 0;
	/* the name-addr as a value of its own: the same walk as below 64 */
	v.n = at;
	v.beyond = ~0ull << at;
	uint64_t host_outside;
	if (accept_address(p, &v, WINDOW, options, &host_outside) != at)
		return 0;
	do {
		value_blocks w;
		load_window(&w, p, length, at);
		unsigned end = accept_param(p + at, &w, WINDOW, 0, length - at, options);
		if (!end)
			return 0;
		at += end;
	} while (at < length);
	return 1;
}

/* A value of fewer than 32 bytes with fewer before it in the buffer: a
 * copy, NULs after it (in no class). Out of line: its buffer would cost
 * the common path a stack frame. */
__attribute__((target("avx2,bmi,bmi2"), noinline)) static __m256i load_padded(const char *p, unsigned n)
{
	char padded[32];
	memset(padded, 0, sizeof padded);
	memcpy(padded, p, n);
	return masks_load(padded);
}

MASKS_AVX2 int accept_avx2(const char *buf, sift_span value, unsigned options)
{
	const char *p = buf + value.off;
	value_blocks v;
	v.n = value.len;
	if (v.n > 63)
		return accept_long(p, v.n, options);
	v.beyond = ~0ull << v.n;
	v.shift = 0;
	if (v.n > 32) {
		v.bytes0 = masks_load(p);
		v.bytes1 = masks_load(p + v.n - 32);
		v.rows0 = rows_of(v.bytes0);
		v.rows1 = rows_of(v.bytes1);
		/* both here, with one 0x0F constant: else the compiler computes
		 * the second where it is first used, with the constant again */
		__asm__("" : "+x"(v.rows1));
		/* one walk for each layout, each with its own masks */
		return accept_blocks(p, &v, TWO_BLOCKS, options);
	}
	if (value.off + v.n >= 32) {
		/* the 32 bytes that end with the value: the caller's buffer
		 * holds them (sift_span is an offset into it) */
		v.shift = 32 - v.n;
		v.bytes0 = masks_load(p - v.shift);
	} else {
		v.bytes0 = load_padded(p, v.n);
	}
	v.rows0 = rows_of(v.bytes0);
	v.bytes1 = v.rows1 = _mm256_setzero_si256();
	return accept_blocks(p, &v, ONE_BLOCK, options);
}

__attribute__((target("avx2,bmi,bmi2"))) static int accept_avx2_call(const char *buf,
								     sift_span value,
								     unsigned options)
{
	return accept_avx2(buf, value, options);
}

/* The check: the fallback, in its tail, for what the walk does not take. */
__attribute__((target("avx2,bmi,bmi2"))) static sift_code
check_avx2(const char *buf, sift_span value, unsigned options, sift_error *err,
	   sift__addr_check_fallback fallback)
{
	if (accept_avx2(buf, value, options))
		return SIFT_OK;
	return fallback(buf, value, options, err);
}
#define HAVE_ACCEPT_AVX2 1
#endif

#if defined(HAVE_ACCEPT_AVX2)
/* The least sift__use_simd that runs the walk: 2 once the CPU is known to
 * have AVX2 and BMI2, asked once at load time and not for every value;
 * until then, and without them, none. */
static int masks_simd_level = INT_MAX;
__attribute__((constructor)) static void masks_cpu_init(void)
{
	__builtin_cpu_init();
	if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi2"))
		masks_simd_level = 2;
}
#endif

/* The values the walk reads, where the CPU can run it: the DFA of
 * fast_addr.re takes none above FAST_COPY_MAX (512). */
#define MASKS_USABLE(buf, value) \
	((buf) && (value).len - 1u < 255u && sift__use_simd >= masks_simd_level)

int sift__addr_masks_accept(const char *buf, sift_span value, unsigned options)
{
#if defined(HAVE_ACCEPT_AVX2)
	if (MASKS_USABLE(buf, value))
		return accept_avx2_call(buf, value, options);
#endif
	(void)buf;
	(void)value;
	(void)options;
	return 0;
}

sift_code sift__addr_masks_check(const char *buf, sift_span value, unsigned options,
				 sift_error *err, sift__addr_check_fallback fallback)
{
#if defined(HAVE_ACCEPT_AVX2)
	if (MASKS_USABLE(buf, value))
		return check_avx2(buf, value, options, err, fallback);
#endif
	return fallback(buf, value, options, err);
}
