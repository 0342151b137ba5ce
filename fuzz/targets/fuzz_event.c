/*
 * fuzz/targets/fuzz_event.c - the event family of typed parsers on one value
 * (include/sipsift/event.h).
 *
 * Input: selector byte, then the header value (fuzz_value_target() of
 * check.h, which also parses the value at offset 0 and at offset 1).
 *   byte 0: bit 7 SIFT_OPT_STRICT; (byte & 0x7F) % 8 picks, in the order of
 *   the table `parsers` below:
 *     0 sift_event_parse               4 sift_entity_tag_parse
 *     1 sift_allow_events_parse        5 sift_info_package_parse
 *     2 sift_subscription_state_parse  6 sift_recv_info_parse
 *     3 sift_refer_sub_parse           7 the iterators on raw bytes
 *
 * Invariants (abort on violation), besides the driver's (spans inside the
 * value, error reports, the same code without an error struct, the same
 * result shifted):
 *   - sub-parts where they belong (package and templates inside the type,
 *     the id and rates inside the params); enums and flags in range; a valid
 *     rate is non-zero and below 100 per second, and an invalid one has no
 *     units;
 *   - strict never accepts what the default mode rejects
 *     (FUZZ_STRICT_SUBSET), and a strict accept has every rate valid and the
 *     id a token;
 *   - parameter, list and template walks end, every step consuming bytes,
 *     and stay inside; a validated list walks to exactly `count` elements,
 *     each of which parses on its own.
 */
#include "check.h"

/* Which list a walk is over: its elements parse on their own. */
enum { LIST_RAW, LIST_ALLOW_EVENTS, LIST_RECV_INFO };

/* A walk with sift_event_list_next(): ends, each step consumes, elements
 * inside. Returns the element count. */
static uint32_t walk_list(const char *buf, sift_span list, int which, unsigned options)
{
	sift_span cursor = list, element;
	uint32_t count = 0;
	for (;;) {
		uint32_t before = cursor.len;
		int more = sift_event_list_next(buf, &cursor, &element);
		if (!fuzz_walk_step(more, cursor, before, list))
			break;
		FUZZ_SPAN_WITHIN(element, list);
		count++;
		/* Elements of a validated list parse on their own. */
		if (which == LIST_ALLOW_EVENTS) {
			sift_event_list one;
			FUZZ_CHECK(sift_allow_events_parse(buf, element, options, &one, NULL) == SIFT_OK);
			FUZZ_CHECK(one.count == 1);
		} else if (which == LIST_RECV_INFO) {
			sift_info_package package;
			FUZZ_CHECK(sift_info_package_parse(buf, element, options, &package, NULL) ==
				   SIFT_OK);
			FUZZ_SPAN_WITHIN(package.name, element);
			fuzz_walk_params(buf, package.params, 1);
		}
	}
	return count;
}

static void walk_templates(const char *buf, sift_span templates, int validated)
{
	sift_span cursor = templates, t;
	for (;;) {
		uint32_t before = cursor.len;
		int more = sift_event_template_next(buf, &cursor, &t);
		if (!fuzz_walk_step(more, cursor, before, templates))
			break;
		FUZZ_SPAN_WITHIN(t, templates);
		FUZZ_CHECK(t.len > 0);
		if (validated)
			FUZZ_CHECK(memchr(buf + t.off, '.', t.len) == NULL);
	}
}

/* The three rate parameters of RFC 6446 (Event and Subscription-State):
 * recorded, and on success checked inside the params. */
static void add_rates(fuzz_parsed *out, const sift_event_rate *const rates[3])
{
	for (int i = 0; i < 3; i++) {
		fuzz_add(out, rates[i]->text);
		fuzz_num(out, rates[i]->units);
		fuzz_num(out, (uint64_t)rates[i]->present << 1 | rates[i]->valid);
	}
}

static void check_rates(const sift_event_rate *const rates[3], sift_span params, unsigned options)
{
	for (int i = 0; i < 3; i++) {
		const sift_event_rate *rate = rates[i];
		FUZZ_CHECK(rate->present <= 1 && rate->valid <= 1);
		FUZZ_CHECK(rate->present || (!rate->valid && rate->units == 0 && rate->text.len == 0));
		if (rate->valid)
			FUZZ_CHECK(rate->units > 0 && rate->units < 1000000000000ull);
		else
			FUZZ_CHECK(rate->units == 0);
		if (rate->present && (options & SIFT_OPT_STRICT))
			FUZZ_CHECK(rate->valid);
		FUZZ_SPAN_WITHIN(rate->text, params);
	}
}

static sift_code run_event(const fuzz_value *v, fuzz_parsed *out)
{
	sift_event e;
	memset(&e, 0x5A, sizeof e); /* the parser clears it */
	sift_code code = sift_event_parse(v->buf, v->value, v->options, &e, v->err);
	const sift_event_rate *const rates[3] = { &e.max_rate, &e.min_rate, &e.adaptive_min_rate };
	fuzz_add(out, e.type); fuzz_add(out, e.package); fuzz_add(out, e.templates);
	fuzz_add(out, e.params); fuzz_add(out, e.id);
	add_rates(out, rates);
	fuzz_num(out, (uint64_t)e.has_id << 1 | e.id_is_token);
	if (code != SIFT_OK)
		return code;
	FUZZ_CHECK(e.type.len > 0 && e.package.len > 0);
	FUZZ_SPAN_WITHIN(e.type, v->value);
	FUZZ_SPAN_WITHIN(e.package, e.type);
	FUZZ_SPAN_WITHIN(e.templates, e.type);
	FUZZ_CHECK(e.package.off == e.type.off);
	FUZZ_SPAN_WITHIN(e.params, v->value);
	FUZZ_CHECK(e.has_id <= 1 && e.id_is_token <= 1 && (e.has_id || !e.id_is_token));
	FUZZ_SPAN_WITHIN(e.id, e.params);
	if (e.has_id && (v->options & SIFT_OPT_STRICT))
		FUZZ_CHECK(e.id_is_token);
	check_rates(rates, e.params, v->options);
	walk_templates(v->buf, e.templates, 1);
	fuzz_walk_params(v->buf, e.params, 1);
	return code;
}

/* arg: LIST_ALLOW_EVENTS or LIST_RECV_INFO */
static sift_code run_list(const fuzz_value *v, fuzz_parsed *out)
{
	sift_event_list list;
	memset(&list, 0x5A, sizeof list);
	sift_code code = v->arg == LIST_ALLOW_EVENTS
				 ? sift_allow_events_parse(v->buf, v->value, v->options, &list, v->err)
				 : sift_recv_info_parse(v->buf, v->value, v->options, &list, v->err);
	fuzz_add(out, list.list);
	fuzz_num(out, list.count);
	if (code != SIFT_OK)
		return code;
	FUZZ_SPAN_WITHIN(list.list, v->value);
	FUZZ_CHECK(v->arg == LIST_RECV_INFO || list.count > 0);
	FUZZ_CHECK(walk_list(v->buf, list.list, v->arg, v->options) == list.count);
	return code;
}

static sift_code run_substate(const fuzz_value *v, fuzz_parsed *out)
{
	sift_subscription_state s;
	memset(&s, 0x5A, sizeof s);
	sift_code code = sift_subscription_state_parse(v->buf, v->value, v->options, &s, v->err);
	const sift_event_rate *const rates[3] = { &s.max_rate, &s.min_rate, &s.adaptive_min_rate };
	fuzz_add(out, s.state); fuzz_add(out, s.params); fuzz_add(out, s.reason);
	add_rates(out, rates);
	fuzz_num(out, s.state_id);
	fuzz_num(out, s.reason_id);
	fuzz_num(out, s.expires);
	fuzz_num(out, s.retry_after);
	fuzz_num(out, (uint64_t)s.has_expires << 1 | s.has_retry_after);
	if (code != SIFT_OK)
		return code;
	FUZZ_CHECK(s.state.len > 0);
	FUZZ_SPAN_WITHIN(s.state, v->value);
	FUZZ_SPAN_WITHIN(s.params, v->value);
	FUZZ_CHECK(s.state_id <= SIFT_SUBSTATE_TERMINATED);
	FUZZ_CHECK(s.reason_id <= SIFT_REASON_BADFILTER);
	FUZZ_CHECK((s.reason_id == SIFT_REASON_NONE) == (s.reason.len == 0));
	FUZZ_SPAN_WITHIN(s.reason, s.params);
	FUZZ_CHECK(s.has_expires <= 1 && s.has_retry_after <= 1);
	FUZZ_CHECK(s.has_expires || s.expires == 0);
	FUZZ_CHECK(s.has_retry_after || s.retry_after == 0);
	check_rates(rates, s.params, v->options);
	fuzz_walk_params(v->buf, s.params, 1);
	return code;
}

static sift_code run_refer_sub(const fuzz_value *v, fuzz_parsed *out)
{
	sift_refer_sub r;
	memset(&r, 0x5A, sizeof r);
	sift_code code = sift_refer_sub_parse(v->buf, v->value, v->options, &r, v->err);
	fuzz_add(out, r.value); fuzz_add(out, r.params);
	fuzz_num(out, r.is_true);
	if (code != SIFT_OK)
		return code;
	FUZZ_CHECK(r.value.len == (r.is_true ? 4u : 5u));
	FUZZ_SPAN_WITHIN(r.value, v->value);
	FUZZ_SPAN_WITHIN(r.params, v->value);
	fuzz_walk_params(v->buf, r.params, 1);
	return code;
}

static sift_code run_entity_tag(const fuzz_value *v, fuzz_parsed *out)
{
	sift_span tag;
	memset(&tag, 0x5A, sizeof tag);
	sift_code code = sift_entity_tag_parse(v->buf, v->value, v->options, &tag, v->err);
	fuzz_add(out, tag);
	if (code == SIFT_OK) {
		FUZZ_CHECK(tag.len > 0);
		FUZZ_SPAN_WITHIN(tag, v->value);
	}
	return code;
}

static sift_code run_info_package(const fuzz_value *v, fuzz_parsed *out)
{
	sift_info_package package;
	memset(&package, 0x5A, sizeof package);
	sift_code code = sift_info_package_parse(v->buf, v->value, v->options, &package, v->err);
	fuzz_add(out, package.name); fuzz_add(out, package.params);
	if (code == SIFT_OK) {
		FUZZ_CHECK(package.name.len > 0);
		FUZZ_SPAN_WITHIN(package.name, v->value);
		FUZZ_SPAN_WITHIN(package.params, v->value);
		fuzz_walk_params(v->buf, package.params, 1);
	}
	return code;
}

/* The list and template walks must end and stay inside on any bytes at
 * all. (sift_param_next() is only defined on lists a parser validated: the
 * other entries walk those.) */
static sift_code run_iterators(const fuzz_value *v, fuzz_parsed *out)
{
	fuzz_num(out, walk_list(v->buf, v->value, LIST_RAW, v->options));
	walk_templates(v->buf, v->value, 0);
	return SIFT_OK;
}

static const fuzz_value_parser parsers[] = {
	{ run_event, 0 },
	{ run_list, LIST_ALLOW_EVENTS },
	{ run_substate, 0 },
	{ run_refer_sub, 0 },
	{ run_entity_tag, 0 },
	{ run_info_package, 0 },
	{ run_list, LIST_RECV_INFO },
	{ run_iterators, 0 },
};

FUZZ_VALUE_TARGET(parsers, FUZZ_STRICT_SUBSET, NULL)
