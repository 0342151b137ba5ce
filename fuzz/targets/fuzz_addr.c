/*
 * fuzz/targets/fuzz_addr.c - the address family (sipsift/addr.h and
 * sift_addr_parse) on one value.
 *
 * Input: selector byte, then the header value.
 *   byte 0: bit 7 SIFT_OPT_STRICT; (byte & 0x7F) % PARSER_COUNT picks:
 *     0..15  sift_addr_parse with the flag combination (n & 1: NAME_ADDR_ONLY,
 *            n & 2: ALLOW_STAR, n & 4: CONTACT, n & 8: NO_PARAMS), then
 *            sift_display_name_unescape on its display name
 *     16     sift_referred_by_parse      19 sift_addr_spec_check, flags 0
 *     17     sift_diversion_parse        20 sift_addr_spec_check, NO_PARAMS
 *     18     sift_history_info_parse        (and the star flag)
 *                                        21 sift_display_name_unescape on
 *                                           the whole value
 *
 * The value is parsed from a heap copy of exactly its bytes (span at
 * offset 0), then again at offset 1 of the original input (after the
 * selector byte).
 * Invariants (abort on violation):
 *   - every span returned lies inside the value, parts where they belong
 *     (tag, q, expires, reg-id, instance, cid, reason, index... inside the
 *     params), the URI parses, numbers agree with their text;
 *   - an error has the returned code, a rule and an offset inside the value;
 *   - the same code without an error struct; the same result, shifted, at
 *     the other offset; param and index walks end and stay inside;
 *   - unescaping writes at most the display's length, never past the
 *     buffer it is given, and agrees with a second call into a larger one.
 */
#include "check.h"

enum {
	P_ADDR_LAST = 15,
	P_REFERRED_BY,
	P_DIVERSION,
	P_HISTORY_INFO,
	P_SPEC_CHECK,
	P_SPEC_CHECK_NO_PARAMS,
	P_UNESCAPE,
	PARSER_COUNT
};

typedef struct parsed {
	sift_code code;
	sift_error error;
	sift_span spans[32];
	unsigned span_count;
	uint32_t numbers[24];
	unsigned number_count;
} parsed;

static void add(parsed *p, sift_span span)
{
	if (p->span_count < sizeof p->spans / sizeof p->spans[0])
		p->spans[p->span_count++] = span;
}

static void num(parsed *p, uint32_t n)
{
	if (p->number_count < sizeof p->numbers / sizeof p->numbers[0])
		p->numbers[p->number_count++] = n;
}

static unsigned addr_flags(int which)
{
	return ((which & 1) ? SIFT_ADDR_NAME_ADDR_ONLY : 0u) | ((which & 2) ? SIFT_ADDR_ALLOW_STAR : 0u) |
	       ((which & 4) ? SIFT_ADDR_CONTACT : 0u) | ((which & 8) ? SIFT_ADDR_NO_PARAMS : 0u);
}

/* Digits of a span as a number, saturating at UINT32_MAX. */
static uint32_t digits_value(const char *buf, sift_span s, int *overflow)
{
	uint64_t v = 0;
	*overflow = 0;
	for (uint32_t i = 0; i < s.len; i++) {
		FUZZ_CHECK(buf[s.off + i] >= '0' && buf[s.off + i] <= '9');
		v = v * 10 + (uint64_t)(buf[s.off + i] - '0');
		if (v > UINT32_MAX) {
			*overflow = 1;
			v = UINT32_MAX;
		}
	}
	return (uint32_t)v;
}

/* Unescapes a display span twice: into a small buffer (checked against
 * its size with a guard byte) and into one large enough; both agree. */
static void check_unescape(const char *buf, sift_span display, parsed *out)
{
	char small[9];
	size_t len_small = 0, len = 0;
	char *big = malloc(display.len + 1);
	if (!big)
		abort();
	small[8] = 0x5A;
	sift_code a = sift_display_name_unescape(buf, display, small, 8, &len_small);
	sift_code b = sift_display_name_unescape(buf, display, big, display.len, &len);
	FUZZ_CHECK(small[8] == 0x5A);
	FUZZ_CHECK(b == SIFT_OK || b == SIFT_E_HEADER_VALUE);
	if (b == SIFT_OK) {
		FUZZ_CHECK(len <= display.len);
		FUZZ_CHECK(a == (len <= 8 ? SIFT_OK : SIFT_E_BUFFER_TOO_SMALL));
		FUZZ_CHECK(len_small == len);
		FUZZ_CHECK(memcmp(small, big, len < 8 ? len : 8) == 0);
	} else {
		FUZZ_CHECK(a == b);
	}
	num(out, (uint32_t)b);
	num(out, (uint32_t)len);
	free(big);
}

static void check_addr(const char *buf, sift_span value, const sift_addr *a, unsigned flags,
		       unsigned options)
{
	FUZZ_CHECK(a->is_star <= 1 && a->is_name_addr <= 1 && a->has_tag <= 1);
	if (a->is_star) {
		FUZZ_CHECK(flags & SIFT_ADDR_ALLOW_STAR);
		FUZZ_CHECK(a->uri.len == 0 && !a->is_name_addr && !a->has_tag && !a->has_q);
		return;
	}
	FUZZ_CHECK(a->is_name_addr || !(flags & SIFT_ADDR_NAME_ADDR_ONLY));
	FUZZ_CHECK(a->display_quoted == 0 || a->display.len >= 2);
	FUZZ_CHECK(a->uri.len > 0);
	FUZZ_SPAN_WITHIN(a->uri, value);
	FUZZ_SPAN_WITHIN(a->display, value);
	FUZZ_SPAN_WITHIN(a->params, value);
	FUZZ_CHECK(a->display.len == 0 || a->display.off < a->uri.off);
	sift_uri uri;
	FUZZ_CHECK(sift_uri_parse(buf, a->uri, options, &uri, NULL) == SIFT_OK);
	if (flags & SIFT_ADDR_NO_PARAMS)
		FUZZ_CHECK(a->params.len == 0 && !a->has_tag);
	if (a->has_tag)
		FUZZ_SPAN_WITHIN(a->tag, a->params);
	if (!(flags & SIFT_ADDR_CONTACT))
		FUZZ_CHECK(!a->has_q && !a->has_expires && !a->has_reg_id && !a->has_instance);
	if (a->has_q) {
		FUZZ_SPAN_WITHIN(a->q_text, a->params);
		FUZZ_CHECK(a->q <= 1000);
		FUZZ_CHECK(buf[a->q_text.off] == '0' || buf[a->q_text.off] == '1');
	}
	int overflow;
	if (a->has_expires) {
		FUZZ_SPAN_WITHIN(a->expires_text, a->params);
		FUZZ_CHECK(a->expires == digits_value(buf, a->expires_text, &overflow));
		FUZZ_CHECK(!overflow || !(options & SIFT_OPT_STRICT));
	}
	if (a->has_reg_id) {
		FUZZ_SPAN_WITHIN(a->reg_id_text, a->params);
		uint32_t n = digits_value(buf, a->reg_id_text, &overflow);
		FUZZ_CHECK(!overflow && n >= 1 && n <= 0x7FFFFFFFu && n == a->reg_id);
	}
	if (a->has_instance) {
		FUZZ_CHECK(a->instance.len > 0);
		FUZZ_SPAN_WITHIN(a->instance, a->params);
		FUZZ_CHECK(buf[a->instance.off - 1] == '<' && buf[a->instance.off + a->instance.len] == '>');
	}
	fuzz_walk_params(buf, a->params, 1);
}

static void add_addr(parsed *out, const sift_addr *a)
{
	add(out, a->display); add(out, a->uri); add(out, a->params); add(out, a->tag);
	add(out, a->q_text); add(out, a->expires_text); add(out, a->instance);
	add(out, a->reg_id_text);
	num(out, a->is_name_addr); num(out, a->is_star); num(out, a->has_tag);
	num(out, a->display_quoted); num(out, a->has_q); num(out, a->has_expires);
	num(out, a->has_instance); num(out, a->has_reg_id); num(out, a->q);
	num(out, a->expires); num(out, a->reg_id);
}

/* An index-val span: walks to the end, depth numbers, inside params. */
static uint32_t check_index(const char *buf, sift_span index, sift_span params)
{
	FUZZ_CHECK(index.len > 0);
	FUZZ_SPAN_WITHIN(index, params);
	sift_span cursor = index;
	uint32_t number, depth = 0;
	for (;;) {
		uint32_t before = cursor.len;
		if (!sift_history_index_next(buf, &cursor, &number))
			break;
		FUZZ_CHECK(cursor.len < before);
		FUZZ_SPAN_WITHIN(cursor, index);
		depth++;
	}
	FUZZ_CHECK(cursor.len == 0);
	return depth;
}

static void run(int which, const char *buf, sift_span value, unsigned options, parsed *out)
{
	sift_error *err = &out->error;
	memset(out, 0, sizeof *out);
	if (which <= P_ADDR_LAST) {
		sift_addr a;
		memset(&a, 0x5A, sizeof a); /* the parser clears it */
		unsigned flags = addr_flags(which);
		out->code = sift_addr_parse(buf, value, options | flags, &a, err);
		add_addr(out, &a);
		if (out->code == SIFT_OK) {
			check_addr(buf, value, &a, flags, options);
			check_unescape(buf, a.display, out);
		}
	} else if (which == P_REFERRED_BY) {
		sift_referred_by rb;
		memset(&rb, 0x5A, sizeof rb);
		out->code = sift_referred_by_parse(buf, value, options, &rb, err);
		add_addr(out, &rb.addr);
		add(out, rb.cid);
		num(out, rb.has_cid);
		if (out->code == SIFT_OK) {
			check_addr(buf, value, &rb.addr, 0, options);
			if (rb.has_cid) {
				FUZZ_SPAN_WITHIN(rb.cid, rb.addr.params);
				FUZZ_CHECK(memchr(buf + rb.cid.off, '@', rb.cid.len) != NULL);
			}
		}
	} else if (which == P_DIVERSION) {
		sift_diversion d;
		memset(&d, 0x5A, sizeof d);
		out->code = sift_diversion_parse(buf, value, options, &d, err);
		add_addr(out, &d.addr);
		add(out, d.reason); add(out, d.counter_text); add(out, d.limit_text);
		add(out, d.privacy); add(out, d.screen);
		num(out, d.counter); num(out, d.limit);
		num(out, (uint32_t)(d.has_reason | d.has_counter << 1 | d.has_limit << 2 |
				    d.has_privacy << 3 | d.has_screen << 4));
		if (out->code == SIFT_OK) {
			check_addr(buf, value, &d.addr, SIFT_ADDR_NAME_ADDR_ONLY, options);
			const sift_span parts[] = { d.reason, d.counter_text, d.limit_text, d.privacy,
						    d.screen };
			for (size_t i = 0; i < 5; i++)
				FUZZ_SPAN_WITHIN(parts[i], d.addr.params);
			int overflow;
			if (d.has_counter)
				FUZZ_CHECK(d.counter_text.len <= 2 &&
					   d.counter == digits_value(buf, d.counter_text, &overflow));
			if (d.has_limit)
				FUZZ_CHECK(d.limit_text.len <= 2 &&
					   d.limit == digits_value(buf, d.limit_text, &overflow));
		}
	} else if (which == P_HISTORY_INFO) {
		sift_history_info hi;
		memset(&hi, 0x5A, sizeof hi);
		out->code = sift_history_info_parse(buf, value, options, &hi, err);
		add_addr(out, &hi.addr);
		add(out, hi.index); add(out, hi.rc); add(out, hi.mp); add(out, hi.np);
		num(out, hi.index_depth);
		num(out, (uint32_t)(hi.has_rc | hi.has_mp << 1 | hi.has_np << 2));
		if (out->code == SIFT_OK) {
			check_addr(buf, value, &hi.addr, SIFT_ADDR_NAME_ADDR_ONLY, options);
			FUZZ_CHECK(check_index(buf, hi.index, hi.addr.params) == hi.index_depth);
			if (hi.has_rc)
				check_index(buf, hi.rc, hi.addr.params);
			if (hi.has_mp)
				check_index(buf, hi.mp, hi.addr.params);
			if (hi.has_np)
				check_index(buf, hi.np, hi.addr.params);
		}
	} else if (which == P_SPEC_CHECK || which == P_SPEC_CHECK_NO_PARAMS) {
		unsigned flags = which == P_SPEC_CHECK ? SIFT_ADDR_ALLOW_STAR : SIFT_ADDR_NO_PARAMS;
		out->code = sift_addr_spec_check(buf, value, flags, err);
		if (out->code != SIFT_OK) {
			FUZZ_CHECK(out->code == SIFT_E_HEADER_VALUE);
			FUZZ_CHECK(err->offset < value.off + value.len);
			char c = buf[err->offset];
			FUZZ_CHECK(c == ',' || c == ';' || c == '?');
		}
	} else {
		check_unescape(buf, value, out);
		out->code = SIFT_OK;
	}
	if (out->code != SIFT_OK) {
		FUZZ_CHECK(out->error.code == out->code);
		FUZZ_CHECK(out->error.rule != NULL);
		FUZZ_CHECK(fuzz_offset_within(out->error.offset, value));
	}
}

/* The same parse without an error struct returns the same code. */
static sift_code run_without_error(int which, const char *buf, sift_span value, unsigned options)
{
	sift_addr a;
	sift_referred_by rb;
	sift_diversion d;
	sift_history_info hi;
	if (which <= P_ADDR_LAST)
		return sift_addr_parse(buf, value, options | addr_flags(which), &a, NULL);
	switch (which) {
	case P_REFERRED_BY:
		return sift_referred_by_parse(buf, value, options, &rb, NULL);
	case P_DIVERSION:
		return sift_diversion_parse(buf, value, options, &d, NULL);
	case P_HISTORY_INFO:
		return sift_history_info_parse(buf, value, options, &hi, NULL);
	case P_SPEC_CHECK:
		return sift_addr_spec_check(buf, value, SIFT_ADDR_ALLOW_STAR, NULL);
	case P_SPEC_CHECK_NO_PARAMS:
		return sift_addr_spec_check(buf, value, SIFT_ADDR_NO_PARAMS, NULL);
	default:
		return SIFT_OK;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	int which = (data[0] & 0x7F) % PARSER_COUNT;
	unsigned options = (data[0] & 0x80) ? SIFT_OPT_STRICT : 0;
	size_t len = size - 1;
	char *copy = fuzz_dup(data + 1, len);
	sift_span value = { 0, (uint32_t)len };
	sift_span shifted_value = { 1, (uint32_t)len };

	static parsed alone, shifted;
	run(which, copy, value, options, &alone);
	for (unsigned i = 0; i < alone.span_count; i++)
		FUZZ_SPAN_IN(alone.spans[i], len);
	FUZZ_CHECK(run_without_error(which, copy, value, options) == alone.code);

	run(which, (const char *)data, shifted_value, options, &shifted);
	FUZZ_CHECK(shifted.code == alone.code);
	FUZZ_CHECK(shifted.number_count == alone.number_count);
	FUZZ_CHECK(memcmp(shifted.numbers, alone.numbers, sizeof alone.numbers) == 0);
	FUZZ_CHECK(shifted.span_count == alone.span_count);
	for (unsigned i = 0; i < alone.span_count; i++) {
		FUZZ_SPAN_IN(shifted.spans[i], size);
		FUZZ_CHECK(fuzz_span_moved(shifted.spans[i], alone.spans[i], 1));
	}
	if (alone.code != SIFT_OK)
		FUZZ_CHECK(shifted.error.offset == alone.error.offset + 1);
	free(copy);
	return 0;
}
