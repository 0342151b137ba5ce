/*
 * src/msg/parse.c - framing, start line and header index (RFC 3261 7, 18.3).
 *
 * One pass over the bytes, line by line: the start line, then each header
 * field (a line and its folds), then the body by Content-Length. The same
 * scanner serves sift_parse() (which stores an index entry per header value
 * and, unless SIFT_OPT_INDEX_ONLY, runs the typed parsers as each header is
 * indexed, so the first error in byte order is the one reported) and
 * sift_frame() (which stores nothing and only needs Content-Length).
 */
#include <string.h>
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif
#include "sipsift/msg.h"
#include "sipsift/hdr.h"
#include "sipsift/uri.h"
#include "grammar/internal.h"
#include "hdr/internal.h"
#include "uri/internal.h"
#include "name_hash.h" /* generated from grammar/headers.def */

/* Which registered headers are comma lists (grammar/headers.def). */
static const unsigned char header_is_list[SIFT_H_COUNT] = {
#define LIST 1
#define SINGLE 0
#define REPEATED 0
#define SIFT_HEADER(id, name, compact, kind, rfc, section, check) [SIFT_H_##id] = kind,
#include "headers.def"
#undef SIFT_HEADER
#undef LIST
#undef SINGLE
#undef REPEATED
};

typedef struct parser {
	const char *buf;        /* offsets are taken from here */
	const char *end;
	unsigned options;
	int framing;            /* sift_frame(): store nothing, stop at NEED_MORE */
	sift_msg *msg;          /* NULL when framing */
	/* The next free index entry and the end of the caller's storage.
	 * sift_parse() sets msg->header_count from out when the scan ends. */
	sift_header *out, *out_end;
	uint32_t content_length;
	int has_content_length;
	sift_error error;
} parser;

/* Result of the scanner beyond sift_code: the bytes ran out before the
 * header section ended (an error for a datagram, "need more" for a stream). */
#define NEED_MORE ((sift_code)-1)

static sift_code fail(parser *ps, sift_code code, const char *at, const char *rule,
		      uint16_t header_id)
{
	ps->error.code = code;
	ps->error.offset = (uint32_t)(at - ps->buf);
	ps->error.rule = rule;
	ps->error.header_id = header_id;
	return code;
}

/*
 * The first byte in [p, end) that is a or b, or end. SSE2 looks at 16 bytes
 * per step (every x86-64 has it); the scalar loop does the tail, and all of
 * the work when sift__use_simd is cleared (the tests run both paths).
 */
static const char *find_either(const char *p, const char *end, char a, char b)
{
#if defined(__SSE2__)
	if (sift__use_simd) {
		const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b);
		while (end - p >= 16) {
			__m128i bytes = _mm_loadu_si128((const __m128i *)(const void *)p);
			int mask = _mm_movemask_epi8(
				_mm_or_si128(_mm_cmpeq_epi8(bytes, va), _mm_cmpeq_epi8(bytes, vb)));
			if (mask)
				return p + __builtin_ctz((unsigned)mask);
			p += 16;
		}
	}
#endif
	while (p < end && *p != a && *p != b)
		p++;
	return p;
}

/*
 * at (before the end) is the first CR or LF of a line. A CR must be
 * followed by LF: *lf receives that LF, or NULL when the CR is the last byte
 * (the LF may be in the next read); a bare LF is the line end, refused when
 * strict (RFC 3261 7: lines end in CRLF). line_end() and the header
 * bitmaps of block_line_end() both decide here.
 */
static inline sift_code line_break_at(parser *ps, const char *at, const char **lf,
				      uint16_t header_id)
{
	*lf = NULL;
	if (*at == '\r') {
		if (at + 1 == ps->end)
			return SIFT_OK;
		if (at[1] != '\n')
			return fail(ps, SIFT_E_LINE_END, at, "CRLF", header_id);
		*lf = at + 1;
		return SIFT_OK;
	}
	if (ps->options & SIFT_OPT_STRICT)
		return fail(ps, SIFT_E_LINE_END, at, "CRLF", header_id);
	*lf = at;
	return SIFT_OK;
}

/*
 * Finds the end of the line that starts at p: returns the LF, or NULL when
 * the bytes end first. Rejects a CR that is not followed by LF, and a bare
 * LF when strict (RFC 3261 7: lines end in CRLF).
 */
static sift_code line_end(parser *ps, const char *p, const char **lf, uint16_t header_id)
{
	const char *at = find_either(p, ps->end, '\r', '\n');
	if (at == ps->end) {
		*lf = NULL;
		return SIFT_OK;
	}
	return line_break_at(ps, at, lf, header_id);
}

/* The line's content ends before its CR, if any. */
static const char *content_end(const char *line, const char *lf)
{
	return (lf > line && lf[-1] == '\r') ? lf - 1 : lf;
}

static int is_digit(char c)
{
	return (unsigned)(c - '0') <= 9;
}

static int is_alpha(unsigned char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT; only 2.0 is served. */
static __attribute__((noinline)) sift_code parse_version_general(parser *ps, const char *p,
								  const char *stop,
								  const char **after)
{
	const char *v = sift__match_sip_version(p, stop);
	if (!v)
		return fail(ps, SIFT_E_START_LINE, p, "SIP-Version", SIFT_H_NONE);
	const char *digits = p + 4, *dot = digits;
	while (*dot != '.')
		dot++;
	uint32_t major, minor;
	if (!sift__parse_uint(digits, dot, 1000, &major) || !sift__parse_uint(dot + 1, v, 1000, &minor) ||
	    major != 2 || minor != 0)
		return fail(ps, SIFT_E_VERSION, p, "SIP-Version", SIFT_H_NONE);
	if (ps->msg)
		ps->msg->version = sift__span(ps->buf, p, v);
	*after = v;
	return SIFT_OK;
}

static inline sift_code parse_version(parser *ps, const char *p, const char *stop,
				      const char **after)
{
	/* Nearly every message says exactly "SIP/2.0": no DFA, no number.
	 * Two overlapping 4-byte words, "SIP/" and "/2.0". */
	uint32_t head, tail, want_head, want_tail;
	memcpy(&want_head, "SIP/", 4);
	memcpy(&want_tail, "/2.0", 4);
	if (stop - p >= 7 && (memcpy(&head, p, 4), memcpy(&tail, p + 3, 4), head == want_head) &&
	    tail == want_tail && (stop - p == 7 || (unsigned)(p[7] - '0') > 9)) {
		if (ps->msg)
			ps->msg->version = sift__span(ps->buf, p, p + 7);
		*after = p + 7;
		return SIFT_OK;
	}
	return parse_version_general(ps, p, stop, after);
}

/*
 * Where the start line has its SP and HTAB bytes, when the scan that found
 * its end saw them all: bit i for byte i of the line (valid set; no bit
 * past the line), else the search goes byte by byte (find_either).
 */
typedef struct line_blanks {
	int valid;
	uint64_t blanks;
} line_blanks;

/* The first SP or HTAB in [from, to), or to; from the masks, the first
 * in the line from from on, which may lie past to (a caller's bound on
 * the search, not on the answer). */
static inline const char *first_blank(const line_blanks *bits, const char *line, const char *from,
				      const char *to)
{
	if (!bits->valid)
		return find_either(from, to, ' ', '\t');
	uint64_t mask = bits->blanks >> (from - line);
	return mask ? from + __builtin_ctzll(mask) : to;
}

/* The start line's AVX2 steps (picked at run time, sift__use_simd 2). */
#if defined(__x86_64__) && defined(__GNUC__)
#define HAVE_START_LINE_AVX2 1
#endif

/*
 * Reason-Phrase = *(reserved / unreserved / escaped / UTF8-NONASCII /
 * UTF8-CONT / SP / HTAB) (RFC 3261 25): a phrase of bytes that are each a
 * whole element (SP HTAB ! $ & ' ( ) * + , - . / : ; = ? @ _ ~ alphanum,
 * sift__match_reason_phrase_fast's plain bytes) is one. Each byte gets a
 * class from its two nibbles, LOW[low nibble] & HIGH[high nibble], each
 * bit one rectangle of the ASCII table:
 *   1  TAB (0x09)          2  SP ! $ & ' ( ) * + , - . / (high 2)
 *   4  0-9 : ; = ? (high 3)  8  A-O a-o (high 4, 6; low 1-F)
 *   16 P-Z p-z (high 5, 7; low 0-A)  32 @ O P _ (high 4, 5; low 0, F)
 *   64 ~ (0x7E)
 */
#define REASON_LOW(l)                                                                       \
	(((l) == 9 ? 1 : 0) | ((l) <= 1 || (l) == 4 || (l) >= 6 ? 2 : 0) |                   \
	 ((l) <= 11 || (l) == 13 || (l) == 15 ? 4 : 0) | ((l) >= 1 ? 8 : 0) |               \
	 ((l) <= 10 ? 16 : 0) | ((l) == 0 || (l) == 15 ? 32 : 0) | ((l) == 14 ? 64 : 0))
#define REASON_HIGH(h)                                                                      \
	((h) == 0 ? 1 : (h) == 2 ? 2 : (h) == 3 ? 4 : (h) == 4 ? 8 | 32 : (h) == 5 ? 16 | 32  \
	 : (h) == 6 ? 8 : (h) == 7 ? 16 | 64 : 0)
/* The classes give a byte a bit exactly when SIFT__REASON_PLAIN takes it
 * (grammar/internal.h), every one of the 256 proven here. */
#define REASON_AGREES(c)                                                                    \
	(((REASON_LOW((c) & 15) & REASON_HIGH((c) >> 4)) != 0) == (SIFT__REASON_PLAIN(c) != 0))
_Static_assert(SIFT__ALL64(REASON_AGREES, 0) && SIFT__ALL64(REASON_AGREES, 64) &&
		       SIFT__ALL64(REASON_AGREES, 128) && SIFT__ALL64(REASON_AGREES, 192),
	       "the Reason-Phrase nibble classes are SIFT__REASON_PLAIN");
#undef REASON_AGREES
#define REASON_NIBBLES(f)                                                                   \
	f(0), f(1), f(2), f(3), f(4), f(5), f(6), f(7), f(8), f(9), f(10), f(11), f(12), f(13), \
		f(14), f(15)

#if defined(HAVE_START_LINE_AVX2)
/* twice: vpshufb looks up each 16-byte lane in its own copy */
static const unsigned char reason_low[32] = { REASON_NIBBLES(REASON_LOW),
					      REASON_NIBBLES(REASON_LOW) };
static const unsigned char reason_high[32] = { REASON_NIBBLES(REASON_HIGH),
					       REASON_NIBBLES(REASON_HIGH) };

/* Bit i set where byte i of the 32 at p is not a plain one. */
__attribute__((target("avx2"))) static uint32_t reason_not_plain_avx2(const char *p)
{
	__m256i bytes = _mm256_loadu_si256((const __m256i *)(const void *)p);
	__m256i high = _mm256_and_si256(_mm256_srli_epi16(bytes, 4), _mm256_set1_epi8(0x0F));
	/* bytes from 0x80 look up 0: vpshufb's rule for an index with bit 7 */
	__m256i classes = _mm256_and_si256(
		_mm256_shuffle_epi8(_mm256_loadu_si256((const __m256i *)(const void *)reason_low), bytes),
		_mm256_shuffle_epi8(_mm256_loadu_si256((const __m256i *)(const void *)reason_high), high));
	return (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(classes, _mm256_setzero_si256()));
}
#endif

/* Whether [reason, stop) is all plain bytes, told in one AVX2 step when
 * 32 bytes can be read at reason (0 says nothing). */
static inline int reason_is_plain(const parser *ps, const char *reason, const char *stop)
{
#if defined(HAVE_START_LINE_AVX2)
	if (sift__use_simd > 1 && stop - reason <= 32 && ps->end - reason >= 32 &&
	    __builtin_cpu_supports("avx2")) {
		uint32_t phrase = stop - reason == 32 ? 0xFFFFFFFFu
						      : (1u << (stop - reason)) - 1;
		return !(reason_not_plain_avx2(reason) & phrase);
	}
#else
	(void)ps;
	(void)reason;
	(void)stop;
#endif
	return 0;
}

/* The registered method [p, p + length) spells, or 0 (sift__method_of_word;
 * 16 bytes must be readable at p). */
static inline unsigned method_by_word(const char *p, size_t length)
{
	if (length > 15)
		return 0;
	uint64_t word;
	memcpy(&word, p, 8);
	if (length < 8)
		word &= (1ull << (8 * length)) - 1;
	return sift__method_of_word(word, p, length);
}

/*
 * Request-Line = Method SP Request-URI SP SIP-Version CRLF
 * Status-Line  = SIP-Version SP Status-Code SP Reason-Phrase CRLF
 * [p, stop) is the line without its line end.
 */
static sift_code parse_start_line(parser *ps, const char *p, const char *stop,
				  const line_blanks *bits)
{
	const char *line = p;
	sift_msg *msg = ps->msg;
	const char *q;
	sift_code code;
	int strict = (ps->options & SIFT_OPT_STRICT) != 0;

	/* "SIP/" in any case (RFC 3261 7.2 is then the line's grammar), as a
	 * word: OR-ing 0x20 into the first three bytes folds only a letter's
	 * case onto "s", "i" or "p". */
	uint32_t head = 0, fold, sip;
	memcpy(&fold, "\x20\x20\x20\x00", 4);
	memcpy(&sip, "sip/", 4);
	if (stop - p >= 4)
		memcpy(&head, p, 4);
	if (stop - p >= 4 && (head | fold) == sip) {
		if ((code = parse_version(ps, p, stop, &q)) != SIFT_OK)
			return code;
		if (q >= stop || *q != ' ')
			return fail(ps, SIFT_E_START_LINE, q, "Status-Line", SIFT_H_NONE);
		/* Status-Code = 3DIGIT, 100-699: exactly three digits, not the
		 * start of a longer run. */
		p = q + 1;
		q = p + 3;
		if (stop - p < 3 || !is_digit(p[0]) || !is_digit(p[1]) || !is_digit(p[2]) ||
		    (q < stop && is_digit(*q)))
			return fail(ps, SIFT_E_STATUS_CODE, p, "Status-Code", SIFT_H_NONE);
		uint32_t status = (uint32_t)(p[0] - '0') * 100 + (uint32_t)(p[1] - '0') * 10 +
				  (uint32_t)(p[2] - '0');
		if (status < 100 || status > 699)
			return fail(ps, SIFT_E_STATUS_CODE, p, "Status-Code", SIFT_H_NONE);
		const char *reason = q;
		if (q < stop) {
			if (*q != ' ')
				return fail(ps, SIFT_E_STATUS_CODE, q, "Status-Code", SIFT_H_NONE);
			reason = q + 1;
			const char *phrase_end;
			if (!(ps->options & SIFT_OPT_INDEX_ONLY) && !reason_is_plain(ps, reason, stop) &&
			    (phrase_end = sift__match_reason_phrase_fast(reason, stop)) != stop)
				return fail(ps, SIFT_E_START_LINE, phrase_end, "Reason-Phrase",
					    SIFT_H_NONE);
		} else if (strict) {
			/* RFC 3261 7.2 (RFC 4475 3.1.1.13): the SP before an empty
			 * Reason-Phrase is required. */
			return fail(ps, SIFT_E_START_LINE, q, "Status-Line", SIFT_H_NONE);
		}
		if (msg) {
			msg->kind = SIFT_KIND_RESPONSE;
			msg->status = (uint16_t)status;
			msg->reason = sift__span(ps->buf, reason, stop);
		}
		return SIFT_OK;
	}

	/* Method = token (RFC 3261 7.1). A registered method before the first
	 * SP is a token ending there; anything else goes through the token DFA,
	 * which also says what is wrong. (An HTAB first ends no registered
	 * method, nor does a SP past the 32 bytes searched byte by byte: the
	 * token DFA's case too.) */
	unsigned method_id = 0;
	q = first_blank(bits, line, p, stop - p > 32 ? p + 32 : stop);
	if (q < stop && *q == ' ' && q > p) {
		method_id = bits->valid ? method_by_word(p, (size_t)(q - p)) : 0;
		if (!method_id)
			method_id = sift__match_method(p, (size_t)(q - p));
	}
	if (!method_id) {
		q = sift__match_token(p, stop);
		if (!q)
			return fail(ps, SIFT_E_START_LINE, p, "Method", SIFT_H_NONE);
		if (q >= stop || *q != ' ')
			return fail(ps, SIFT_E_START_LINE, q, "Request-Line", SIFT_H_NONE);
	}
	const char *method = p, *method_end = q;
	/* Request-URI: one SP before it; it starts with a scheme (RFC 4475
	 * 3.1.2.7: no < >; 3.1.2.9: no second SP) and holds no SP. */
	p = q + 1;
	if (p >= stop || !is_alpha((unsigned char)*p))
		return fail(ps, SIFT_E_START_LINE, p, "Request-URI", SIFT_H_NONE);
	q = first_blank(bits, line, p, stop);
	const char *uri = p, *uri_end = q;
	if (q >= stop || *q != ' ')
		return fail(ps, SIFT_E_START_LINE, q, "Request-Line", SIFT_H_NONE);
	if ((code = parse_version(ps, q + 1, stop, &p)) != SIFT_OK)
		return code;
	if (p != stop) {
		/* RFC 4475 3.1.2.10: a liberal receiver may accept SP at the end. */
		const char *trail = p;
		while (trail < stop && (*trail == ' ' || *trail == '\t'))
			trail++;
		if (strict || trail != stop)
			return fail(ps, SIFT_E_START_LINE, p, "Request-Line", SIFT_H_NONE);
	}
	if (msg) {
		msg->kind = SIFT_KIND_REQUEST;
		msg->method = sift__span(ps->buf, method, method_end);
		msg->method_id = (uint16_t)method_id; /* 0 (OTHER) for an extension method */
		msg->request_uri = sift__span(ps->buf, uri, uri_end);
	}
	/* Full validation; the common shapes need no sift_uri (it would say
	 * OK and hold no headers), the message's bytes after the URI let the
	 * fast path's host scanner read on. */
	if (!ps->framing && !(ps->options & SIFT_OPT_INDEX_ONLY) &&
	    !sift__sip_uri_fast_accept(uri, uri_end, ps->end)) {
		sift_uri parsed;
		code = sift_uri_parse(ps->buf, sift__span(ps->buf, uri, uri_end), ps->options, &parsed,
				      &ps->error);
		if (code != SIFT_OK) {
			ps->error.header_id = SIFT_H_NONE;
			return code;
		}
		/* RFC 3261 19.1.1 (table 1): headers are not allowed in a
		 * Request-URI; RFC 4475 3.1.2.11 lets a liberal receiver ignore them. */
		if (strict && parsed.headers.len)
			return fail(ps, SIFT_E_URI, ps->buf + parsed.headers.off - 1, "Request-URI",
				    SIFT_H_NONE);
	}
	return SIFT_OK;
}

/* SP, HTAB, CR, LF: what LWS around a value is made of (RFC 3261 25). */
static inline int is_lws_byte(unsigned char c)
{
	const uint64_t lws = (1ull << ' ') | (1ull << '\t') | (1ull << '\n') | (1ull << '\r');
	return c <= ' ' && ((lws >> c) & 1);
}

/* Fills the index entry h with one header value (link_chains() links it
 * later); the caller has checked that h is inside the storage. */
static inline void put_entry(sift_header *h, const char *buf, sift_span name, const char *value,
			     const char *value_end, unsigned id, unsigned flags)
{
	/* Trim LWS (and folds) around the value. Nearly every value, and every
	 * list element after its comma, is written "name: value": one SP
	 * before a visible byte, and a visible byte last, which the first test
	 * takes without the loops (LWS bytes are all at or below SP). */
	if (value_end - value >= 2 && value[0] == ' ' && (unsigned char)value[1] > ' ' &&
	    (unsigned char)value_end[-1] > ' ') {
		value++;
	} else {
		while (value < value_end && is_lws_byte((unsigned char)*value))
			value++;
		while (value_end > value && is_lws_byte((unsigned char)value_end[-1]))
			value_end--;
	}
	h->name = name;
	h->value = sift__span(buf, value, value_end);
	h->id = (uint16_t)id;
	h->flags = (uint16_t)flags;
}

/* Stores one header value in the next free entry, or fails when the
 * caller's storage is full. */
static inline sift_code add_entry(parser *ps, sift_span name, const char *value, const char *value_end,
				  unsigned id, unsigned flags)
{
	if (ps->out == ps->out_end)
		return fail(ps, SIFT_E_TOO_MANY_HEADERS, ps->buf + name.off, "header index",
			    (uint16_t)id);
	put_entry(ps->out++, ps->buf, name, value, value_end, id, flags);
	return SIFT_OK;
}

/*
 * Splits a list-valued header at commas that are not inside a
 * quoted-string (with its quoted-pairs) or inside < > (RFC 3261 7.3.1:
 * "a comma-separated list"; RFC 3261 25: x *(COMMA x)). Empty elements are
 * kept as empty values; full validation rejects them.
 *
 * Until the first '"' or '<' every comma separates (Allow, Supported,
 * Accept hold neither), so SSE2 finds the commas 16 bytes at a time; from
 * the element holding the first '"' or '<' on, sift__list_element_end
 * walks the bytes, as sift_list_next() does.
 */
static sift_code add_list(parser *ps, sift_span name, const char *value, const char *value_end,
			  unsigned id, unsigned flags)
{
	sift_code code;
	const char *element = value, *p = value;
#if defined(__SSE2__)
	if (sift__use_simd) {
		const __m128i comma = _mm_set1_epi8(','), quote = _mm_set1_epi8('"'),
			      angle = _mm_set1_epi8('<');
		/* 16 bytes a step while 16 may be read (the line end and the
		 * next header follow the value), the bits past the value off. */
		for (; p < value_end && ps->end - p >= 16; p += 16) {
			__m128i bytes = _mm_loadu_si128((const __m128i *)(const void *)p);
			unsigned live = value_end - p >= 16 ? 0xFFFFu : (1u << (value_end - p)) - 1;
			unsigned commas =
				(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, comma)) & live;
			unsigned special = (unsigned)_mm_movemask_epi8(_mm_or_si128(
						   _mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, angle))) &
					   live;
			if (special)
				commas &= (special & (0 - special)) - 1;
			for (; commas; commas &= commas - 1) {
				const char *at = p + __builtin_ctz(commas);
				if ((code = add_entry(ps, name, element, at, id, flags | SIFT_HF_LIST)) !=
				    SIFT_OK)
					return code;
				element = at + 1;
			}
			if (special) {
				p += __builtin_ctz(special);
				goto special;
			}
		}
	}
#endif
	for (; p < value_end; p++) {
		if (*p == '"' || *p == '<')
			goto special;
		if (*p == ',') {
			if ((code = add_entry(ps, name, element, p, id, flags | SIFT_HF_LIST)) != SIFT_OK)
				return code;
			element = p + 1;
		}
	}
	return add_entry(ps, name, element, value_end, id, flags | (element != value ? SIFT_HF_LIST : 0));

special:
	/* p is at the first '"' or '<'; with no comma after it, the rest is one
	 * element (a Contact, a Route entry) and there is nothing to walk. */
	if (!memchr(p, ',', (size_t)(value_end - p)))
		return add_entry(ps, name, element, value_end, id,
				 flags | (element != value ? SIFT_HF_LIST : 0));
	const char *end_of_element;
	while ((end_of_element = sift__list_element_end(element, value_end)) < value_end) {
		if ((code = add_entry(ps, name, element, end_of_element, id, flags | SIFT_HF_LIST)) !=
		    SIFT_OK)
			return code;
		element = end_of_element + 1;
	}
	return add_entry(ps, name, element, value_end, id, flags | (element != value ? SIFT_HF_LIST : 0));
}

/* Content-Length = ( "Content-Length" / "l" ) HCOLON 1*DIGIT (RFC 3261 20.14).
 * Parsed in every mode: framing depends on it. */
static sift_code take_content_length(parser *ps, const char *value, const char *value_end)
{
	/* Nearly always ": " and a few digits to the line end ("764"): their
	 * run and value in one pass, without the trimming loops and the
	 * digit DFA; anything else below. */
	uint64_t number;
	if (value_end - value >= 2 && value[0] == ' ' &&
	    sift__digits_value(value + 1, value_end, UINT32_MAX - 1, &number) == value_end &&
	    (unsigned)(unsigned char)value[1] - '0' <= 9 && number <= UINT32_MAX - 1 &&
	    (!ps->has_content_length ||
	     (number == ps->content_length && !(ps->options & SIFT_OPT_STRICT)))) {
		ps->content_length = (uint32_t)number;
		ps->has_content_length = 1;
		return SIFT_OK;
	}
	while (value < value_end && is_lws_byte((unsigned char)*value))
		value++;
	while (value_end > value && is_lws_byte((unsigned char)value_end[-1]))
		value_end--;
	uint32_t length;
	if (sift__match_digits(value, value_end) != value_end || value == value_end)
		return fail(ps, SIFT_E_CONTENT_LENGTH, value, "Content-Length", SIFT_H_CONTENT_LENGTH);
	/* RFC 4475 3.1.2.3: never trust it as a count; cap at 32 bits. */
	if (!sift__parse_uint(value, value_end, UINT32_MAX - 1, &length))
		return fail(ps, SIFT_E_CONTENT_LENGTH, value, "Content-Length", SIFT_H_CONTENT_LENGTH);
	if (ps->has_content_length) {
		/* RFC 4475 3.3.9: conflicting values are a framing error; an
		 * identical repeat is tolerated unless strict. */
		if (length != ps->content_length || (ps->options & SIFT_OPT_STRICT))
			return fail(ps, SIFT_E_CONTENT_LENGTH, value, "Content-Length",
				    SIFT_H_CONTENT_LENGTH);
	}
	ps->content_length = length;
	ps->has_content_length = 1;
	return SIFT_OK;
}

/*
 * The header section is scanned through 64-byte blocks: one pass of SIMD
 * compares gives a bit per byte for CR or LF and for ':', and each field's
 * line end and first colon are then found by counting trailing zeros,
 * without touching the bytes again (a list header's value is searched for
 * a comma on its own: few lines need it). Bit i of a
 * mask stands for base[i]; bytes past the end of the input have no bits
 * (the last block is read as the 64 bytes that end where the input ends,
 * its bits shifted down, or, for an input under 64 bytes, copied into a
 * zeroed buffer).
 */
typedef struct block_bits {
	uint64_t breaks; /* CR or LF */
	uint64_t colons;
} block_bits;

#if defined(__x86_64__) && defined(__GNUC__)
/*
 * AVX2 does a block in two 32-byte steps where SSE2 takes four 16-byte
 * ones; picked at run time (every x86-64 has SSE2, not every one AVX2).
 */
__attribute__((target("avx2"))) static block_bits block_bits_avx2(const char *from)
{
	const __m256i lf = _mm256_set1_epi8('\n'), cr = _mm256_set1_epi8('\r'),
		      colon = _mm256_set1_epi8(':');
	__m256i low = _mm256_loadu_si256((const __m256i *)(const void *)from);
	__m256i high = _mm256_loadu_si256((const __m256i *)(const void *)(from + 32));
	block_bits bits;
	bits.breaks = (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_or_si256(
			      _mm256_cmpeq_epi8(low, lf), _mm256_cmpeq_epi8(low, cr))) |
		      (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_or_si256(
			      _mm256_cmpeq_epi8(high, lf), _mm256_cmpeq_epi8(high, cr)))
			      << 32;
	bits.colons = (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(low, colon)) |
		      (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(high, colon)) << 32;
	return bits;
}
#define HAVE_AVX2_PATH 1
#endif

#if defined(HAVE_AVX2_PATH)
/* Bit i set when block[i] is a comma, for the 64 bytes at block. */
__attribute__((target("avx2"))) static inline uint64_t comma_bits_avx2(const char *block)
{
	const __m256i comma = _mm256_set1_epi8(',');
	return (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(
		       _mm256_loadu_si256((const __m256i *)(const void *)block), comma)) |
	       (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(
		       _mm256_loadu_si256((const __m256i *)(const void *)(block + 32)), comma))
		       << 32;
}
#endif

/* A comma in the value [from, to), the input being [start, end): a list
 * header's value holds one or is one element. Only list headers ask, and
 * their values are short: AVX2 steps of 64 bytes (to is before end, so a
 * whole block of the value may be read), the last one read from the value
 * on, or near the end of the input as the 64 bytes that end there. */
static inline int value_has_comma(const char *start, const char *from, const char *to,
				  const char *end, int simd)
{
	size_t n = (size_t)(to - from);
#if defined(HAVE_AVX2_PATH)
	if (simd > 1 && end - start >= 64) {
		/* Whole blocks of the value, then its last n <= 64 bytes
		 * (from the value on, or as the input's last 64 bytes). */
		for (; n > 64; from += 64, n -= 64)
			if (comma_bits_avx2(from))
				return 1;
		if (n == 0)
			return 0;
		uint64_t value = ~(uint64_t)0 >> (64 - n);
		if (end - from >= 64)
			return (comma_bits_avx2(from) & value) != 0;
		return (comma_bits_avx2(end - 64) >> (64 - (end - from)) & value) != 0;
	}
#endif
	(void)start;
	(void)end;
	(void)simd;
	return memchr(from, ',', n) != NULL;
}

/* The bits of the 64 bytes at from; simd as in sift__use_simd, already
 * lowered to what the CPU has. */
static inline block_bits block_bits_of(const char *from, int simd)
{
	block_bits bits = { 0, 0 };
#if defined(HAVE_AVX2_PATH)
	if (simd > 1)
		return block_bits_avx2(from);
#endif
#if defined(__SSE2__)
	if (simd) {
		const __m128i lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'),
			      colon = _mm_set1_epi8(':');
		for (unsigned i = 0; i < 64; i += 16) {
			__m128i bytes = _mm_loadu_si128((const __m128i *)(const void *)(from + i));
			bits.breaks |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_or_si128(
					       _mm_cmpeq_epi8(bytes, lf), _mm_cmpeq_epi8(bytes, cr)))
				       << i;
			bits.colons |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, colon))
				       << i;
		}
		return bits;
	}
#endif
	(void)simd;
	for (unsigned i = 0; i < 64; i++) {
		bits.breaks |= (uint64_t)(from[i] == '\n' || from[i] == '\r') << i;
		bits.colons |= (uint64_t)(from[i] == ':') << i;
	}
	return bits;
}

/* The bits of the block at base (start <= base < end: the input is
 * [start, end)). */
static inline block_bits block_bits_at(const char *start, const char *base, const char *end, int simd)
{
	if (end - base >= 64)
		return block_bits_of(base, simd);
	block_bits bits;
	if (end - start >= 64) {
		/* The 64 bytes that end where the input ends, without the bits
		 * of those before base. */
		unsigned before = (unsigned)(64 - (end - base));
		bits = block_bits_of(end - 64, simd);
		bits.breaks >>= before;
		bits.colons >>= before;
	} else {
		char tail[64];
		memset(tail, 0, sizeof tail);
		memcpy(tail, base, (size_t)(end - base));
		bits = block_bits_of(tail, simd);
	}
	return bits;
}

/* The block at base, or no bits when base is at or past the end. */
static inline block_bits block_bits_or_none(const char *start, const char *base, const char *end,
					     int simd)
{
	if (end - base > 0)
		return block_bits_at(start, base, end, simd);
	block_bits none = { 0, 0 };
	return none;
}

/*
 * For the general path: one block and where it starts. It stays valid for
 * every line that starts inside it.
 */
typedef struct block {
	const char *start; /* the input's first byte */
	const char *base;
	uint64_t breaks;
	uint64_t colons;
	int simd;
} block;

static inline void block_load(block *b, const char *base, const char *end)
{
	block_bits bits = block_bits_at(b->start, base, end, b->simd);
	b->base = base;
	b->breaks = bits.breaks;
	b->colons = bits.colons;
}

/*
 * line_end() on the block masks: the first CR or LF at or after p decides.
 * A LF ends the line (bare: refused when strict); a CR must be followed by
 * LF, or it is an error (or "need more" when it is the last byte). When
 * colon is not NULL and *colon is still NULL, *colon receives the first ':'
 * in [p, line end). Returns SIFT_OK with *lf at the LF and *stop where the
 * line's content ends (its CR, or the bare LF), an error, or NEED_MORE.
 */
static sift_code block_line_end(parser *ps, block *b, const char *p, const char **lf,
				const char **stop, const char **colon)
{
	if (p - b->base >= 64)
		block_load(b, p, ps->end);
	uint64_t keep = ~(uint64_t)0 << (p - b->base);
	for (;;) {
		uint64_t breaks = b->breaks & keep;
		if (colon && !*colon) {
			/* Colons before the first break; with no break in this
			 * block, (0 & 0) - 1 keeps them all. */
			uint64_t colons = b->colons & keep & ((breaks & (0 - breaks)) - 1);
			if (colons)
				*colon = b->base + __builtin_ctzll(colons);
		}
		if (breaks) {
			const char *at = b->base + __builtin_ctzll(breaks);
			sift_code code = line_break_at(ps, at, lf, SIFT_H_NONE);
			if (code != SIFT_OK)
				return code;
			if (!*lf)
				return NEED_MORE;
			*stop = at;
			return SIFT_OK;
		}
		if (ps->end - b->base <= 64)
			return NEED_MORE;
		block_load(b, b->base + 64, ps->end);
		keep = ~(uint64_t)0;
	}
}

/* field_name(): the line is no header field, and framing, which stores
 * nothing, goes on past it (sift_parse() reports it). */
#define NOT_A_FIELD ((sift_code)-2)

/*
 * header-name HCOLON (RFC 3261 7.3.1, 25: HCOLON = *( SP / HTAB ) ":" SWS)
 * of the field at line: first_colon is the first ':' of its first line
 * (NULL: none), field_end where its content ends. A registered name before
 * the colon is found by perfect hash (unless hash_missed says the name up
 * to first_colon missed already); anything else (an extension header,
 * white space, no colon at all) goes through the name DFA, which also says
 * what is wrong. Sets *id, *compact, *name_end and *colon. Not inlined:
 * it is off the fast path, whose registers it would crowd.
 */
static inline sift_code field_name(parser *ps, const char *line, const char *field_end,
				   const char *first_colon, int hash_missed, unsigned *id,
				   int *compact, const char **name_end, const char **colon)
{
	const char *stop = first_colon, *at = first_colon;
	if (stop) {
		while (stop > line && sift__is_wsp((unsigned char)stop[-1]))
			stop--;
		if (stop != first_colon)
			hash_missed = 0; /* the trimmed name is another name */
	}
	if (!stop || hash_missed ||
	    !sift__lookup_header_name(line, (size_t)(stop - line), (size_t)(ps->end - line), id,
				      compact)) {
		stop = sift__scan_header_name(line, field_end, id, compact);
		at = stop;
		while (at && at < field_end && sift__is_wsp((unsigned char)*at))
			at++;
		if (!stop || at >= field_end || *at != ':') {
			if (ps->framing)
				return NOT_A_FIELD;
			return fail(ps, SIFT_E_HEADER_LINE, stop && stop != line ? at : line,
				    stop ? "HCOLON" : "header-name", SIFT_H_NONE);
		}
	}
	*name_end = stop;
	*colon = at;
	return SIFT_OK;
}

/* A field's Content-Length (framing needs it in every mode) and its index
 * entries (the general path's; the fast path of scan_headers_with() does
 * the same inline). */
static inline sift_code take_field(parser *ps, const char *line, const char *name_end,
				   const char *colon, const char *field_end, unsigned id,
				   unsigned flags)
{
	sift_code code;
	if (id == SIFT_H_CONTENT_LENGTH &&
	    (code = take_content_length(ps, colon + 1, field_end)) != SIFT_OK)
		return code;
	if (!ps->msg)
		return SIFT_OK;
	sift_span name = sift__span(ps->buf, line, name_end);
	return header_is_list[id]
		       ? add_list(ps, name, colon + 1, field_end, id, flags)
		       : add_entry(ps, name, colon + 1, field_end, id, flags);
}

/*
 * The general path: one field at p that the fast path of scan_headers()
 * did not take (a fold, a bare LF, a line over the window, the end of the
 * bytes). *next receives where the next field starts. Returns SIFT_OK, an
 * error, or NEED_MORE.
 */
static sift_code scan_headers_field(parser *ps, block *b, const char *p, const char **next)
{
	const char *end = ps->end;
	sift_code code;
	/* The field: this line and every following line that starts with
	 * SP or HTAB (a fold, RFC 3261 7.3.1). The first colon of its
	 * first line comes with the line end. */
	const char *line = p, *lf, *field_end, *first_colon = NULL;
	unsigned flags = 0;
	for (;;) {
		code = block_line_end(ps, b, p, &lf, &field_end, flags ? NULL : &first_colon);
		if (code != SIFT_OK)
			return code;
		if (lf + 1 >= end)
			return NEED_MORE; /* a fold may follow, or the empty line */
		if (!sift__is_wsp((unsigned char)lf[1]))
			break;
		flags |= SIFT_HF_FOLDED;
		p = lf + 1;
	}
	*next = lf + 1;

	unsigned id;
	int compact;
	const char *name_end, *colon;
	code = field_name(ps, line, field_end, first_colon, 0, &id, &compact, &name_end, &colon);
	if (code == NOT_A_FIELD)
		return SIFT_OK;
	if (code != SIFT_OK)
		return code;
	return take_field(ps, line, name_end, colon, field_end, id,
			  flags | (compact ? SIFT_HF_COMPACT : 0));
}

/* The bits of a window from offset off (0..63 from its base) on: bit 0
 * stands for base[off]. (high << 1) << (63 - off) is high << (64 - off)
 * without a shift by 64 when off is 0. */
static inline uint64_t window_bits(uint64_t low, uint64_t high, unsigned off)
{
	return (low >> off) | ((high << 1) << (63 - off));
}

/*
 * Scans the header section starting at p, up to and including the empty
 * line. *body receives where the body starts. Returns SIFT_OK, an error, or
 * NEED_MORE when the bytes end first.
 *
 * The fast path reads through a window of two blocks (128 bytes from
 * base), so a line starting in the first block is found whole even when it
 * crosses into the second, as most do (they average 45 bytes); each block
 * is loaded once, when the window moves onto it. It takes the common
 * field: one line ending in CRLF inside the window, not folded, with a
 * colon; a registered name right before the colon is a hash hit, any other
 * name goes to field_name(), as on the general path. Every other field
 * goes to scan_headers_field(), which finds its lines (and their errors) on
 * its own; for a field both could take, both give the same entries.
 */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline sift_code scan_headers_with(parser *ps, const char *p, const char **body, int simd)
{
	const char *const end = ps->end, *const buf = ps->buf;
	/* The next free entry stays in a register while the scan runs: ps->out
	 * is written back before each call that stores entries, and at the
	 * end (stores through ps would make the compiler reload it after each
	 * entry). */
	sift_header *out = ps->out;
	sift_header *const out_end = ps->out_end;
	const int storing = ps->msg != NULL;
	sift_code code;
	const char *base = p;
	block_bits low = block_bits_or_none(buf, p, end, simd);
	block_bits high = block_bits_or_none(buf, p + 64, end, simd);
	block general = { buf, p, low.breaks, low.colons, simd };
	for (;;) {
		if (p >= end) {
			code = NEED_MORE;
			break;
		}
		if (*p == '\r') {
			if (p + 1 >= end) {
				code = NEED_MORE;
			} else if (p[1] != '\n') {
				code = fail(ps, SIFT_E_LINE_END, p, "CRLF", SIFT_H_NONE);
			} else {
				*body = p + 2;
				code = SIFT_OK;
			}
			break;
		}
		if (*p == '\n') {
			if (ps->options & SIFT_OPT_STRICT) {
				code = fail(ps, SIFT_E_LINE_END, p, "CRLF", SIFT_H_NONE);
			} else {
				*body = p + 1;
				code = SIFT_OK;
			}
			break;
		}

		if (p - base >= 64) {
			if (p - base >= 128) {
				base = p;
				low = block_bits_at(buf, p, end, simd);
				high = block_bits_or_none(buf, p + 64, end, simd);
			} else {
				base += 64;
				low = high;
				high = block_bits_or_none(buf, base + 64, end, simd);
			}
		}
		unsigned off = (unsigned)(p - base);
		uint64_t breaks = window_bits(low.breaks, high.breaks, off);
		uint64_t colons = window_bits(low.colons, high.colons, off);
		/* The line's end, and the colons before it. */
		const char *at;
		if (breaks) {
			at = p + __builtin_ctzll(breaks);
			colons &= (breaks & (0 - breaks)) - 1;
		} else {
			/* A line of 64 bytes or more: its end is in the rest of
			 * the window, or after it; then the window starts again
			 * at p, for lines up to 128 bytes (Authorization, a long
			 * Via). */
			uint64_t more = high.breaks >> off;
			if (!more && off && end - p > 128 - off) {
				base = p;
				low = block_bits_at(buf, p, end, simd);
				high = block_bits_or_none(buf, p + 64, end, simd);
				more = high.breaks;
				colons = low.colons;
				off = 0;
			}
			if (!more)
				goto general_path;
			at = p + 64 + __builtin_ctzll(more);
		}
		if (!colons || end - at <= 2 || at[0] != '\r' || at[1] != '\n' ||
		    sift__is_wsp((unsigned char)at[2]))
			goto general_path;
		{
			const char *colon = p + __builtin_ctzll(colons), *name_end = colon;
			unsigned id;
			int compact;
			if (!sift__lookup_header_name(p, (size_t)(colon - p), (size_t)(end - p), &id,
						      &compact)) {
				/* An extension or malformed name, or white space
				 * before the colon: the line is as the general path
				 * would find it, so only the name is left to it. */
				unsigned other_id;
				int other_compact;
				const char *other_name_end, *other_colon;
				code = field_name(ps, p, at, colon, 1, &other_id, &other_compact,
						  &other_name_end, &other_colon);
				if (code == NOT_A_FIELD) {
					p = at + 2;
					continue;
				}
				if (code != SIFT_OK)
					break;
				/* Copies: the addresses of id, compact, name_end
				 * and colon given to a call would keep them in
				 * memory for the hash hit too. */
				id = other_id;
				compact = other_compact;
				name_end = other_name_end;
				colon = other_colon;
			}
			if (id == SIFT_H_CONTENT_LENGTH &&
			    (code = take_content_length(ps, colon + 1, at)) != SIFT_OK)
				break;
			if (storing) {
				sift_span name = sift__span(buf, p, name_end);
				unsigned flags = compact ? SIFT_HF_COMPACT : 0;
				/* A list value without a comma is one element,
				 * stored here; one with a comma goes to add_list(). */
				if (header_is_list[id] && value_has_comma(buf, colon + 1, at, end, simd)) {
					ps->out = out;
					code = add_list(ps, name, colon + 1, at, id, flags);
					out = ps->out;
					if (code != SIFT_OK)
						break;
				} else {
					if (out == out_end) {
						code = fail(ps, SIFT_E_TOO_MANY_HEADERS, p, "header index",
							    (uint16_t)id);
						break;
					}
					put_entry(out++, buf, name, colon + 1, at, id, flags);
				}
			}
			p = at + 2;
			continue;
		}
	general_path:
		ps->out = out;
		code = scan_headers_field(ps, &general, p, &p);
		out = ps->out;
		if (code != SIFT_OK)
			break;
	}
	ps->out = out;
	return code;
}

#if defined(HAVE_AVX2_PATH)
/*
 * The same scan compiled for CPUs with AVX2 and BMI2: the window's shifts
 * by a variable count take one instruction each (shlx, shrx) instead of
 * three around CL, and flatten inlines what the scan calls in this file
 * (the block compares, add_list, the general path), so the parser state
 * stays in registers. 12% fewer instructions and 9% less time on the bench
 * mix than the same code with calls (docs/performance.md).
 */
__attribute__((target("avx2,bmi,bmi2"), flatten)) static sift_code scan_headers_avx2(parser *ps, const char *p,
									     const char **body)
{
	return scan_headers_with(ps, p, body, 2);
}
#endif

static sift_code scan_headers(parser *ps, const char *p, const char **body)
{
#if defined(HAVE_AVX2_PATH)
	if (sift__avx2_bmi2_usable())
		return scan_headers_avx2(ps, p, body);
#endif
	return scan_headers_with(ps, p, body, sift__use_simd ? 1 : 0);
}

/* Skips the CRLFs RFC 3261 7.5 lets precede a start line. */
static const char *skip_leading_line_ends(const char *p, const char *end, unsigned options)
{
	for (;;) {
		if (end - p >= 2 && p[0] == '\r' && p[1] == '\n')
			p += 2;
		else if (p < end && p[0] == '\n' && !(options & SIFT_OPT_STRICT))
			p++;
		else
			return p;
	}
}

/*
 * The first CR or LF of the 64 bytes at p (all readable), or NULL, and in
 * *bits where the SP and HTAB bytes are: a start line (nearly always
 * shorter) needs one pass over its bytes, not one per separator. AVX2
 * looks at 32 bytes a step where the CPU has it (sift__use_simd 2), SSE2
 * at 16.
 */
#define LINE_BITS_STEP(bytes, equal, either, movemask, i)                                    \
	do {                                                                                   \
		ends |= (uint64_t)(uint32_t)movemask(either(equal(bytes, cr), equal(bytes, lf)))  \
			<< (i);                                                                \
		blanks |= (uint64_t)(uint32_t)movemask(either(equal(bytes, sp), equal(bytes, tab))) \
			  << (i);                                                              \
	} while (0)
#if defined(HAVE_START_LINE_AVX2)
__attribute__((target("avx2"))) static const char *start_line_bits_avx2(const char *p,
									line_blanks *bits)
{
	const __m256i cr = _mm256_set1_epi8('\r'), lf = _mm256_set1_epi8('\n');
	const __m256i sp = _mm256_set1_epi8(' '), tab = _mm256_set1_epi8('\t');
	uint64_t ends = 0, blanks = 0;
	__m256i low = _mm256_loadu_si256((const __m256i *)(const void *)p);
	LINE_BITS_STEP(low, _mm256_cmpeq_epi8, _mm256_or_si256, _mm256_movemask_epi8, 0);
	if (!ends) { /* a status line (and a short request line) ends in the first step */
		__m256i high = _mm256_loadu_si256((const __m256i *)(const void *)(p + 32));
		LINE_BITS_STEP(high, _mm256_cmpeq_epi8, _mm256_or_si256, _mm256_movemask_epi8, 32);
	}
	bits->blanks = blanks;
	return ends ? p + __builtin_ctzll(ends) : NULL;
}
#endif

static const char *start_line_bits(const char *p, line_blanks *bits)
{
#if defined(HAVE_START_LINE_AVX2)
	if (sift__use_simd > 1 && __builtin_cpu_supports("avx2")) {
		bits->valid = 1;
		return start_line_bits_avx2(p, bits);
	}
#endif
#if defined(__SSE2__)
	const __m128i cr = _mm_set1_epi8('\r'), lf = _mm_set1_epi8('\n');
	const __m128i sp = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t');
	uint64_t ends = 0, blanks = 0;
	for (unsigned i = 0; i < 64; i += 16) {
		__m128i bytes = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		LINE_BITS_STEP(bytes, _mm_cmpeq_epi8, _mm_or_si128, _mm_movemask_epi8, i);
	}
	bits->valid = 1;
	bits->blanks = blanks;
	return ends ? p + __builtin_ctzll(ends) : NULL;
#else
	(void)p;
	(void)bits;
	return NULL;
#endif
}

/* Starts the parse: the start line. *headers receives the first header line. */
static sift_code scan_start_line(parser *ps, const char *p, const char **headers)
{
	const char *lf, *at = NULL;
	line_blanks bits = { 0, 0 };
	sift_code code;
	if (sift__use_simd && ps->end - p >= 64)
		at = start_line_bits(p, &bits);
	if (at) {
		bits.blanks &= (1ull << (at - p)) - 1; /* at - p < 64 */
		code = line_break_at(ps, at, &lf, SIFT_H_NONE);
	} else {
		bits.valid = 0; /* a longer line: its blanks are not all known */
		code = line_end(ps, p, &lf, SIFT_H_NONE);
	}
	if (code != SIFT_OK)
		return code;
	if (!lf)
		return NEED_MORE;
	/* From the masks, at is the first CR or LF: the content ends there. */
	const char *stop = at ? at : content_end(p, lf);
	if (ps->msg)
		ps->msg->start_line = sift__span(ps->buf, p, stop);
	if ((code = parse_start_line(ps, p, stop, &bits)) != SIFT_OK)
		return code;
	*headers = lf + 1;
	return SIFT_OK;
}

sift_code sift_msg_init(sift_msg *msg, sift_header *storage, uint32_t capacity)
{
	if (!msg || !storage || capacity == 0)
		return SIFT_E_ARGUMENT;
	memset(msg, 0, sizeof *msg);
	msg->headers = storage;
	msg->header_capacity = capacity;
	memset(msg->first, 0xFF, sizeof msg->first);
	return SIFT_OK;
}

/*
 * Chains the entries of each id (msg->first, sift_header.next) once the
 * index is complete, or as far as it got before an error: walking the
 * entries backwards leaves each chain in message order, with no per-id
 * "last entry" table to clear and consult while scanning.
 */
static void link_chains(sift_msg *msg)
{
	for (uint32_t i = msg->header_count; i-- > 0;) {
		sift_header *h = &msg->headers[i];
		h->next = msg->first[h->id];
		msg->first[h->id] = i;
	}
}

/* The CSeq method must equal the request method (RFC 3261 8.1.1.5;
 * RFC 4475 3.1.2.17, 3.1.2.18). Methods are case-sensitive. */
static sift_code check_cseq_method(parser *ps)
{
	sift_msg *msg = ps->msg;
	/* Full validation has parsed the first CSeq into msg->cseq. */
	if (msg->kind != SIFT_KIND_REQUEST || !msg->has_cseq)
		return SIFT_OK;
	if (msg->cseq.method.len != msg->method.len ||
	    memcmp(ps->buf + msg->cseq.method.off, ps->buf + msg->method.off, msg->method.len) != 0)
		return fail(ps, SIFT_E_CSEQ_METHOD, ps->buf + msg->cseq.method.off, "CSeq",
			    SIFT_H_CSEQ);
	return SIFT_OK;
}

/*
 * Full validation of the entries the scan stored, in message order: each
 * value gets its header's typed parser (sift_header_validate()), except
 * that the first Via and the first CSeq are parsed into the msg, which
 * keeps them for the caller (msg.h). It runs after the scan rather than
 * inside it so that the scan's loop makes no calls and keeps its state in
 * registers; the result is the same as validating each entry as it is
 * stored. The first value that fails ends it: the entries after it are
 * dropped, as a scan that stopped there would not have stored them, and
 * its error replaces the scan's, whose offset is later (the scan stores
 * entries only for lines before the bytes it fails on).
 */
/* The ids validate_entries() does not give their check alone: one test
 * tells every other id apart. */
static const unsigned char validated_apart[SIFT_H_COUNT] = {
	[SIFT_H_VIA] = 1,
	[SIFT_H_CSEQ] = 1,
	[SIFT_H_CONTENT_LENGTH] = 1,
};

static sift_code validate_entries(parser *ps)
{
	sift_msg *msg = ps->msg;
	/* Locals, not ps's fields: the calls below could change those, so the
	 * compiler would load them again after each. */
	const char *const buf = ps->buf;
	const unsigned options = ps->options, strict = options & SIFT_OPT_STRICT;
	sift_header *const end = ps->out;
	sift_error error;
	for (sift_header *h = msg->headers; h < end; h++) {
		sift_code code;
		if (!validated_apart[h->id])
			goto check;
		switch (h->id) {
		case SIFT_H_CONTENT_LENGTH:
			/* take_content_length() stored it only after it read it
			 * as 1*DIGIT below 2^32, which its check accepts. */
			continue;
		case SIFT_H_VIA:
			if (!msg->has_top_via) {
				code = sift_via_parse(buf, h->value, strict, &msg->top_via, &error);
				msg->has_top_via = code == SIFT_OK;
				break;
			}
			goto check;
		case SIFT_H_CSEQ:
			if (!msg->has_cseq) {
				code = sift_cseq_parse(buf, h->value, strict, &msg->cseq, &error);
				msg->has_cseq = code == SIFT_OK;
				break;
			}
			goto check;
		default:
		check:
			/* h->id is a registered id or SIFT_H_OTHER: the scan
			 * stores nothing else. */
			code = sift__value_checks[h->id](buf, (sift_header_id)h->id, h->value, options,
							 &error);
		}
		if (code != SIFT_OK) {
			ps->error = error;
			ps->error.header_id = h->id;
			ps->out = h + 1;
			return code;
		}
	}
	return SIFT_OK;
}

sift_code sift_parse(sift_msg *msg, const char *buf, size_t len, unsigned options)
{
	if (!msg || !msg->headers || msg->header_capacity == 0)
		return SIFT_E_ARGUMENT;
	sift_header *storage = msg->headers;
	uint32_t capacity = msg->header_capacity;
	/* Reset everything but the caller's storage. */
	memset(msg, 0, offsetof(sift_msg, headers));
	msg->header_count = 0;
	memset(msg->first, 0xFF, sizeof msg->first);
	memset(&msg->body, 0, offsetof(sift_msg, top_via) - offsetof(sift_msg, body));
	msg->headers = storage;
	msg->header_capacity = capacity;

	parser ps;
	ps.buf = buf;
	ps.end = buf + len;
	ps.options = options & ~(unsigned)SIFT_OPT_RECEIVES_PINGS;
	ps.framing = 0;
	ps.msg = msg;
	ps.out = storage;
	ps.out_end = storage + capacity;
	ps.content_length = 0;
	ps.has_content_length = 0;
	ps.error.code = SIFT_OK;
	ps.error.offset = 0;
	ps.error.rule = NULL;
	ps.error.header_id = SIFT_H_NONE;

	sift_code code;
	const char *p, *headers, *body = NULL;
	if (!buf || len > SIFT_MAX_INPUT) {
		code = SIFT_E_ARGUMENT;
		fail(&ps, code, buf ? buf : (const char *)&ps, "input", SIFT_H_NONE);
		ps.error.offset = 0;
		goto done;
	}
	p = skip_leading_line_ends(buf, ps.end, options);
	msg->offset = (uint32_t)(p - buf);
	if (p == ps.end) {
		code = fail(&ps, SIFT_E_EMPTY, p, "start-line", SIFT_H_NONE);
		goto done;
	}
	code = scan_start_line(&ps, p, &headers);
	if (code == SIFT_OK)
		code = scan_headers(&ps, headers, &body);
	if (!(options & SIFT_OPT_INDEX_ONLY)) {
		sift_code checked = validate_entries(&ps);
		if (checked != SIFT_OK)
			code = checked;
	}
	msg->header_count = (uint32_t)(ps.out - storage);
	link_chains(msg);
	if (code == NEED_MORE) {
		code = fail(&ps, SIFT_E_NO_BODY_SEPARATOR, ps.end, "CRLF", SIFT_H_NONE);
		goto done;
	}
	if (code != SIFT_OK)
		goto done;

	/* The body (RFC 3261 18.3). */
	size_t available = (size_t)(ps.end - body);
	msg->has_content_length = (uint8_t)ps.has_content_length;
	msg->content_length = ps.content_length;
	if (ps.has_content_length) {
		if (ps.content_length > available) {
			code = fail(&ps, SIFT_E_BODY_TRUNCATED, ps.end, "Content-Length",
				    SIFT_H_CONTENT_LENGTH);
			goto done;
		}
		msg->body = sift__span(buf, body, body + ps.content_length);
	} else if (options & SIFT_OPT_STREAM) {
		code = fail(&ps, SIFT_E_CONTENT_LENGTH, body, "Content-Length", SIFT_H_CONTENT_LENGTH);
		goto done;
	} else {
		msg->body = sift__span(buf, body, ps.end);
	}
	msg->length = msg->body.off + msg->body.len - msg->offset;
	if (!(options & SIFT_OPT_INDEX_ONLY))
		code = check_cseq_method(&ps);

done:
	if (code != SIFT_OK) {
		msg->error = ps.error;
		msg->error.code = code;
	}
	return code;
}

sift_frame_kind sift_frame(const char *buf, size_t len, unsigned options, sift_frame_result *out)
{
	sift_frame_result result;
	memset(&result, 0, sizeof result);
	result.error.header_id = SIFT_H_NONE;
	if (!out)
		return SIFT_FRAME_ERROR;
	if (!buf || len > SIFT_MAX_INPUT) {
		result.kind = SIFT_FRAME_ERROR;
		result.error.code = SIFT_E_ARGUMENT;
		result.error.rule = "input";
		*out = result;
		return result.kind;
	}

	/* Keep-alives (RFC 5626 4.4.1): CRLFCRLF is a ping, CRLF a pong. */
	if (len >= 1 && buf[0] == '\r') {
		if (len < 2) {
			result.kind = SIFT_FRAME_NEED_MORE;
		} else if (buf[1] != '\n') {
			result.kind = SIFT_FRAME_ERROR;
			result.error.code = SIFT_E_LINE_END;
			result.error.rule = "CRLF";
		} else if (len >= 4 && buf[2] == '\r' && buf[3] == '\n') {
			result.kind = SIFT_FRAME_PING;
			result.length = 4;
		} else if (len == 2 && (options & SIFT_OPT_RECEIVES_PINGS)) {
			result.kind = SIFT_FRAME_NEED_MORE; /* maybe half a ping */
		} else if (len == 3 && buf[2] == '\r') {
			result.kind = SIFT_FRAME_NEED_MORE;
		} else {
			result.kind = SIFT_FRAME_PONG;
			result.length = 2;
		}
		*out = result;
		return result.kind;
	}
	if (len >= 1 && buf[0] == '\n' && !(options & SIFT_OPT_STRICT)) {
		result.kind = SIFT_FRAME_PONG; /* a stray bare LF: skip it */
		result.length = 1;
		*out = result;
		return result.kind;
	}
	if (len == 0) {
		result.kind = SIFT_FRAME_NEED_MORE;
		*out = result;
		return result.kind;
	}

	parser ps;
	memset(&ps, 0, sizeof ps);
	ps.buf = buf;
	ps.end = buf + len;
	ps.options = options | SIFT_OPT_INDEX_ONLY;
	ps.framing = 1;
	ps.error.header_id = SIFT_H_NONE;

	const char *headers, *body = NULL;
	sift_code code = scan_start_line(&ps, buf, &headers);
	/* A broken start line does not stop framing: the message is still
	 * delimited by its empty line and Content-Length, and sift_parse()
	 * reports the error so the stack can answer 400 (RFC 3261 18.3 closes
	 * the connection only for framing errors). */
	if (code != SIFT_OK && code != NEED_MORE) {
		const char *lf = memchr(buf, '\n', len);
		code = lf ? SIFT_OK : NEED_MORE;
		headers = lf ? lf + 1 : NULL;
		ps.error.code = SIFT_OK;
	}
	if (code == SIFT_OK)
		code = scan_headers(&ps, headers, &body);
	if (code == NEED_MORE) {
		result.kind = SIFT_FRAME_NEED_MORE;
	} else if (code != SIFT_OK) {
		result.kind = SIFT_FRAME_ERROR;
		result.error = ps.error;
	} else if (!ps.has_content_length) {
		/* RFC 3261 18.3 and 20.14: mandatory on stream transports. */
		result.kind = SIFT_FRAME_ERROR;
		fail(&ps, SIFT_E_CONTENT_LENGTH, body, "Content-Length", SIFT_H_CONTENT_LENGTH);
		result.error = ps.error;
	} else if ((size_t)(ps.end - body) < ps.content_length) {
		result.kind = SIFT_FRAME_NEED_MORE;
	} else {
		result.kind = SIFT_FRAME_MESSAGE;
		result.length = (uint32_t)(body - buf) + ps.content_length;
	}
	*out = result;
	return result.kind;
}

uint32_t sift_msg_count(const sift_msg *msg, sift_header_id id)
{
	uint32_t count = 0;
	for (uint32_t i = sift_msg_first(msg, id); i != SIFT_NONE; i = sift_msg_next(msg, i))
		count++;
	return count;
}

sift_span sift_msg_value(const sift_msg *msg, sift_header_id id, int *found)
{
	sift_span none = { 0, 0 };
	uint32_t i = sift_msg_first(msg, id);
	if (found)
		*found = i != SIFT_NONE;
	return i == SIFT_NONE ? none : msg->headers[i].value;
}
