/*
 * fuzz/targets/fuzz_addr.c - the address family (sipsift/addr.h and
 * sift_addr_parse) on one value.
 *
 * Input: selector byte, then the header value (fuzz_value_target() of
 * check.h, which also parses the value at offset 0 and at offset 1).
 *   byte 0: bit 7 SIFT_OPT_STRICT; (byte & 0x7F) % 22 picks, in the order
 *   of the table `parsers` below:
 *     0..15  sift_addr_parse with the flag combination (n & 1: NAME_ADDR_ONLY,
 *            n & 2: ALLOW_STAR, n & 4: CONTACT, n & 8: NO_PARAMS), then
 *            sift_display_name_unescape on its display name
 *     16     sift_referred_by_parse      19 sift_addr_spec_check, flags 0
 *     17     sift_diversion_parse        20 sift_addr_spec_check, NO_PARAMS
 *     18     sift_history_info_parse        (and the star flag)
 *                                        21 sift_display_name_unescape on
 *                                           the whole value
 *
 * Invariants (abort on violation), besides the driver's (spans inside the
 * value, error reports, the same code without an error struct, the same
 * result shifted):
 *   - parts lie where they belong (tag, q, expires, reg-id, instance, cid,
 *     reason, index... inside the params), the URI parses, numbers agree
 *     with their text; param and index walks end and stay inside;
 *   - unescaping writes at most the display's length, never past the
 *     buffer it is given, and agrees with a second call into a larger one.
 */
#include "check.h"

static unsigned addr_flags(int n)
{
	return ((n & 1) ? SIFT_ADDR_NAME_ADDR_ONLY : 0u) | ((n & 2) ? SIFT_ADDR_ALLOW_STAR : 0u) |
	       ((n & 4) ? SIFT_ADDR_CONTACT : 0u) | ((n & 8) ? SIFT_ADDR_NO_PARAMS : 0u);
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
static void check_unescape(const char *buf, sift_span display, fuzz_parsed *out)
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
	fuzz_num(out, (uint32_t)b);
	fuzz_num(out, (uint32_t)len);
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

static void add_addr(fuzz_parsed *out, const sift_addr *a)
{
	fuzz_add(out, a->display); fuzz_add(out, a->uri); fuzz_add(out, a->params); fuzz_add(out, a->tag);
	fuzz_add(out, a->q_text); fuzz_add(out, a->expires_text); fuzz_add(out, a->instance);
	fuzz_add(out, a->reg_id_text);
	fuzz_num(out, a->is_name_addr); fuzz_num(out, a->is_star); fuzz_num(out, a->has_tag);
	fuzz_num(out, a->display_quoted); fuzz_num(out, a->has_q); fuzz_num(out, a->has_expires);
	fuzz_num(out, a->has_instance); fuzz_num(out, a->has_reg_id); fuzz_num(out, a->q);
	fuzz_num(out, a->expires); fuzz_num(out, a->reg_id);
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
		int more = sift_history_index_next(buf, &cursor, &number);
		if (!fuzz_walk_step(more, cursor, before, index))
			break;
		depth++;
	}
	return depth;
}

/* arg: the flag combination n of 0..15 */
static sift_code run_addr(const fuzz_value *v, fuzz_parsed *out)
{
	unsigned flags = addr_flags(v->arg);
	sift_addr a;
	memset(&a, 0x5A, sizeof a); /* the parser clears it */
	sift_code code = sift_addr_parse(v->buf, v->value, v->options | flags, &a, v->err);
	add_addr(out, &a);
	if (code == SIFT_OK) {
		check_addr(v->buf, v->value, &a, flags, v->options);
		check_unescape(v->buf, a.display, out);
	}
	return code;
}

static sift_code run_referred_by(const fuzz_value *v, fuzz_parsed *out)
{
	sift_referred_by rb;
	memset(&rb, 0x5A, sizeof rb);
	sift_code code = sift_referred_by_parse(v->buf, v->value, v->options, &rb, v->err);
	add_addr(out, &rb.addr);
	fuzz_add(out, rb.cid);
	fuzz_num(out, rb.has_cid);
	if (code == SIFT_OK) {
		check_addr(v->buf, v->value, &rb.addr, 0, v->options);
		if (rb.has_cid) {
			FUZZ_SPAN_WITHIN(rb.cid, rb.addr.params);
			FUZZ_CHECK(memchr(v->buf + rb.cid.off, '@', rb.cid.len) != NULL);
		}
	}
	return code;
}

static sift_code run_diversion(const fuzz_value *v, fuzz_parsed *out)
{
	sift_diversion d;
	memset(&d, 0x5A, sizeof d);
	sift_code code = sift_diversion_parse(v->buf, v->value, v->options, &d, v->err);
	add_addr(out, &d.addr);
	fuzz_add(out, d.reason); fuzz_add(out, d.counter_text); fuzz_add(out, d.limit_text);
	fuzz_add(out, d.privacy); fuzz_add(out, d.screen);
	fuzz_num(out, d.counter);
	fuzz_num(out, d.limit);
	fuzz_num(out, (uint32_t)(d.has_reason | d.has_counter << 1 | d.has_limit << 2 |
				 d.has_privacy << 3 | d.has_screen << 4));
	if (code != SIFT_OK)
		return code;
	check_addr(v->buf, v->value, &d.addr, SIFT_ADDR_NAME_ADDR_ONLY, v->options);
	const sift_span parts[] = { d.reason, d.counter_text, d.limit_text, d.privacy, d.screen };
	for (size_t i = 0; i < 5; i++)
		FUZZ_SPAN_WITHIN(parts[i], d.addr.params);
	int overflow;
	if (d.has_counter)
		FUZZ_CHECK(d.counter_text.len <= 2 &&
			   d.counter == digits_value(v->buf, d.counter_text, &overflow));
	if (d.has_limit)
		FUZZ_CHECK(d.limit_text.len <= 2 &&
			   d.limit == digits_value(v->buf, d.limit_text, &overflow));
	return code;
}

static sift_code run_history_info(const fuzz_value *v, fuzz_parsed *out)
{
	sift_history_info hi;
	memset(&hi, 0x5A, sizeof hi);
	sift_code code = sift_history_info_parse(v->buf, v->value, v->options, &hi, v->err);
	add_addr(out, &hi.addr);
	fuzz_add(out, hi.index); fuzz_add(out, hi.rc); fuzz_add(out, hi.mp); fuzz_add(out, hi.np);
	fuzz_num(out, hi.index_depth);
	fuzz_num(out, (uint32_t)(hi.has_rc | hi.has_mp << 1 | hi.has_np << 2));
	if (code != SIFT_OK)
		return code;
	check_addr(v->buf, v->value, &hi.addr, SIFT_ADDR_NAME_ADDR_ONLY, v->options);
	FUZZ_CHECK(check_index(v->buf, hi.index, hi.addr.params) == hi.index_depth);
	if (hi.has_rc)
		check_index(v->buf, hi.rc, hi.addr.params);
	if (hi.has_mp)
		check_index(v->buf, hi.mp, hi.addr.params);
	if (hi.has_np)
		check_index(v->buf, hi.np, hi.addr.params);
	return code;
}

/* arg: the flags (SIFT_ADDR_ALLOW_STAR or SIFT_ADDR_NO_PARAMS) */
static sift_code run_spec_check(const fuzz_value *v, fuzz_parsed *out)
{
	(void)out; /* nothing to record but the code and the error */
	sift_code code = sift_addr_spec_check(v->buf, v->value, (unsigned)v->arg, v->err);
	if (code != SIFT_OK && v->err) {
		FUZZ_CHECK(code == SIFT_E_HEADER_VALUE);
		FUZZ_CHECK(v->err->offset < v->value.off + v->value.len);
		char c = v->buf[v->err->offset];
		FUZZ_CHECK(c == ',' || c == ';' || c == '?');
	}
	return code;
}

static sift_code run_unescape(const fuzz_value *v, fuzz_parsed *out)
{
	check_unescape(v->buf, v->value, out);
	return SIFT_OK;
}

static const fuzz_value_parser parsers[] = {
	{ run_addr, 0 }, { run_addr, 1 }, { run_addr, 2 }, { run_addr, 3 },
	{ run_addr, 4 }, { run_addr, 5 }, { run_addr, 6 }, { run_addr, 7 },
	{ run_addr, 8 }, { run_addr, 9 }, { run_addr, 10 }, { run_addr, 11 },
	{ run_addr, 12 }, { run_addr, 13 }, { run_addr, 14 }, { run_addr, 15 },
	{ run_referred_by, 0 },
	{ run_diversion, 0 },
	{ run_history_info, 0 },
	{ run_spec_check, SIFT_ADDR_ALLOW_STAR },
	{ run_spec_check, SIFT_ADDR_NO_PARAMS },
	{ run_unescape, 0 },
};

FUZZ_VALUE_TARGET(parsers, 0, NULL)
