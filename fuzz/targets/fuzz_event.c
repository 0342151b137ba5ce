/*
 * fuzz/targets/fuzz_event.c - the event family of typed parsers on one value
 * (include/sipsift/event.h).
 *
 * Input: selector byte, then the header value.
 *   byte 0: bit 7 SIFT_OPT_STRICT; (byte & 0x7F) % PARSER_COUNT picks:
 *     0 sift_event_parse               4 sift_entity_tag_parse
 *     1 sift_allow_events_parse        5 sift_info_package_parse
 *     2 sift_subscription_state_parse  6 sift_recv_info_parse
 *     3 sift_refer_sub_parse           7 the iterators on raw bytes
 *
 * The value is parsed from a heap copy of exactly its bytes (span at offset
 * 0), then again at offset 1 of the original input (after the selector).
 * Invariants (abort on violation):
 *   - every span returned lies inside the value; sub-parts where they
 *     belong (package and templates inside the type, the id and rates
 *     inside the params); enums and flags in range; a valid rate is
 *     non-zero and below 100 per second, and an invalid one has no units;
 *   - strict never accepts what the default mode rejects, and a strict
 *     accept has every rate valid and the id a token;
 *   - an error has the returned code, a rule and an offset inside the value;
 *   - the same code without an error struct; the same result, shifted, at
 *     the other offset;
 *   - parameter, list and template walks end, every step consuming bytes,
 *     and stay inside; a validated list walks to exactly `count` elements,
 *     each of which parses on its own.
 */
#include "check.h"

enum {
	P_EVENT, P_ALLOW_EVENTS, P_SUBSTATE, P_REFER_SUB, P_ENTITY_TAG, P_INFO_PACKAGE,
	P_RECV_INFO, P_ITERATORS, PARSER_COUNT
};

typedef struct parsed {
	sift_code code;
	sift_error error;
	sift_span spans[16];
	unsigned span_count;
	uint64_t numbers[12];
} parsed;

static void add(parsed *p, sift_span span)
{
	p->spans[p->span_count++] = span;
}

/* A walk with sift_event_list_next(): ends, each step consumes, elements
 * inside. Returns the element count. */
static uint32_t walk_list(const char *buf, sift_span list, int which, unsigned options)
{
	sift_span cursor = list, element;
	uint32_t count = 0;
	for (;;) {
		uint32_t before = cursor.len;
		int more = sift_event_list_next(buf, &cursor, &element);
		FUZZ_SPAN_WITHIN(cursor, list);
		if (!more) {
			FUZZ_CHECK(cursor.len == 0);
			break;
		}
		FUZZ_CHECK(cursor.len < before);
		FUZZ_SPAN_WITHIN(element, list);
		count++;
		/* Elements of a validated list parse on their own. */
		if (which == P_ALLOW_EVENTS) {
			sift_event_list one;
			FUZZ_CHECK(sift_allow_events_parse(buf, element, options, &one, NULL) == SIFT_OK);
			FUZZ_CHECK(one.count == 1);
		} else if (which == P_RECV_INFO) {
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
		FUZZ_SPAN_WITHIN(cursor, templates);
		if (!more) {
			FUZZ_CHECK(cursor.len == 0);
			break;
		}
		FUZZ_CHECK(cursor.len < before);
		FUZZ_SPAN_WITHIN(t, templates);
		FUZZ_CHECK(t.len > 0);
		if (validated)
			FUZZ_CHECK(memchr(buf + t.off, '.', t.len) == NULL);
	}
}

static void check_rate(const sift_event_rate *rate, sift_span params, unsigned options)
{
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

static void add_rate(parsed *out, const sift_event_rate *rate, unsigned slot)
{
	add(out, rate->text);
	out->numbers[slot] = rate->units;
	out->numbers[slot + 1] = (uint64_t)rate->present << 1 | rate->valid;
}

static void run(int which, const char *buf, sift_span value, unsigned options, parsed *out)
{
	sift_error *err = &out->error;
	memset(out, 0, sizeof *out);
	switch (which) {
	case P_EVENT: {
		sift_event e;
		memset(&e, 0x5A, sizeof e); /* the parser clears it */
		out->code = sift_event_parse(buf, value, options, &e, err);
		add(out, e.type); add(out, e.package); add(out, e.templates); add(out, e.params);
		add(out, e.id);
		add_rate(out, &e.max_rate, 0);
		add_rate(out, &e.min_rate, 2);
		add_rate(out, &e.adaptive_min_rate, 4);
		out->numbers[6] = (uint64_t)e.has_id << 1 | e.id_is_token;
		if (out->code != SIFT_OK)
			break;
		FUZZ_CHECK(e.type.len > 0 && e.package.len > 0);
		FUZZ_SPAN_WITHIN(e.type, value);
		FUZZ_SPAN_WITHIN(e.package, e.type);
		FUZZ_SPAN_WITHIN(e.templates, e.type);
		FUZZ_CHECK(e.package.off == e.type.off);
		FUZZ_SPAN_WITHIN(e.params, value);
		FUZZ_CHECK(e.has_id <= 1 && e.id_is_token <= 1 && (e.has_id || !e.id_is_token));
		FUZZ_SPAN_WITHIN(e.id, e.params);
		if (e.has_id && (options & SIFT_OPT_STRICT))
			FUZZ_CHECK(e.id_is_token);
		check_rate(&e.max_rate, e.params, options);
		check_rate(&e.min_rate, e.params, options);
		check_rate(&e.adaptive_min_rate, e.params, options);
		walk_templates(buf, e.templates, 1);
		fuzz_walk_params(buf, e.params, 1);
		break;
	}
	case P_ALLOW_EVENTS:
	case P_RECV_INFO: {
		sift_event_list list;
		memset(&list, 0x5A, sizeof list);
		out->code = which == P_ALLOW_EVENTS
				    ? sift_allow_events_parse(buf, value, options, &list, err)
				    : sift_recv_info_parse(buf, value, options, &list, err);
		add(out, list.list);
		out->numbers[0] = list.count;
		if (out->code != SIFT_OK)
			break;
		FUZZ_SPAN_WITHIN(list.list, value);
		FUZZ_CHECK(which == P_RECV_INFO || list.count > 0);
		FUZZ_CHECK(walk_list(buf, list.list, which, options) == list.count);
		break;
	}
	case P_SUBSTATE: {
		sift_subscription_state s;
		memset(&s, 0x5A, sizeof s);
		out->code = sift_subscription_state_parse(buf, value, options, &s, err);
		add(out, s.state); add(out, s.params); add(out, s.reason);
		add_rate(out, &s.max_rate, 0);
		add_rate(out, &s.min_rate, 2);
		add_rate(out, &s.adaptive_min_rate, 4);
		out->numbers[6] = s.state_id;
		out->numbers[7] = s.reason_id;
		out->numbers[8] = s.expires;
		out->numbers[9] = s.retry_after;
		out->numbers[10] = (uint64_t)s.has_expires << 1 | s.has_retry_after;
		if (out->code != SIFT_OK)
			break;
		FUZZ_CHECK(s.state.len > 0);
		FUZZ_SPAN_WITHIN(s.state, value);
		FUZZ_SPAN_WITHIN(s.params, value);
		FUZZ_CHECK(s.state_id <= SIFT_SUBSTATE_TERMINATED);
		FUZZ_CHECK(s.reason_id <= SIFT_REASON_BADFILTER);
		FUZZ_CHECK((s.reason_id == SIFT_REASON_NONE) == (s.reason.len == 0));
		FUZZ_SPAN_WITHIN(s.reason, s.params);
		FUZZ_CHECK(s.has_expires <= 1 && s.has_retry_after <= 1);
		FUZZ_CHECK(s.has_expires || s.expires == 0);
		FUZZ_CHECK(s.has_retry_after || s.retry_after == 0);
		check_rate(&s.max_rate, s.params, options);
		check_rate(&s.min_rate, s.params, options);
		check_rate(&s.adaptive_min_rate, s.params, options);
		fuzz_walk_params(buf, s.params, 1);
		break;
	}
	case P_REFER_SUB: {
		sift_refer_sub r;
		memset(&r, 0x5A, sizeof r);
		out->code = sift_refer_sub_parse(buf, value, options, &r, err);
		add(out, r.value); add(out, r.params);
		out->numbers[0] = r.is_true;
		if (out->code != SIFT_OK)
			break;
		FUZZ_CHECK(r.value.len == (r.is_true ? 4u : 5u));
		FUZZ_SPAN_WITHIN(r.value, value);
		FUZZ_SPAN_WITHIN(r.params, value);
		fuzz_walk_params(buf, r.params, 1);
		break;
	}
	case P_ENTITY_TAG: {
		sift_span tag;
		memset(&tag, 0x5A, sizeof tag);
		out->code = sift_entity_tag_parse(buf, value, options, &tag, err);
		add(out, tag);
		if (out->code == SIFT_OK) {
			FUZZ_CHECK(tag.len > 0);
			FUZZ_SPAN_WITHIN(tag, value);
		}
		break;
	}
	case P_INFO_PACKAGE: {
		sift_info_package package;
		memset(&package, 0x5A, sizeof package);
		out->code = sift_info_package_parse(buf, value, options, &package, err);
		add(out, package.name); add(out, package.params);
		if (out->code == SIFT_OK) {
			FUZZ_CHECK(package.name.len > 0);
			FUZZ_SPAN_WITHIN(package.name, value);
			FUZZ_SPAN_WITHIN(package.params, value);
			fuzz_walk_params(buf, package.params, 1);
		}
		break;
	}
	case P_ITERATORS:
		/* The list and template walks must end and stay inside on any
		 * bytes at all. (sift_param_next() is only defined on lists a
		 * parser validated: the other cases walk those.) */
		out->numbers[0] = walk_list(buf, value, P_ITERATORS, options);
		walk_templates(buf, value, 0);
		out->code = SIFT_OK;
		break;
	default:
		FUZZ_CHECK(!"unknown parser");
	}
	if (out->code != SIFT_OK) {
		FUZZ_CHECK(out->error.code == out->code);
		FUZZ_CHECK(out->error.rule != NULL);
		FUZZ_CHECK(fuzz_offset_within(out->error.offset, value));
	}
}

/* The same parse without an error struct (and with the other mode). */
static sift_code run_without_error(int which, const char *buf, sift_span value, unsigned options)
{
	sift_event e;
	sift_event_list list;
	sift_subscription_state s;
	sift_refer_sub r;
	sift_span tag;
	sift_info_package package;
	switch (which) {
	case P_EVENT:
		return sift_event_parse(buf, value, options, &e, NULL);
	case P_ALLOW_EVENTS:
		return sift_allow_events_parse(buf, value, options, &list, NULL);
	case P_SUBSTATE:
		return sift_subscription_state_parse(buf, value, options, &s, NULL);
	case P_REFER_SUB:
		return sift_refer_sub_parse(buf, value, options, &r, NULL);
	case P_ENTITY_TAG:
		return sift_entity_tag_parse(buf, value, options, &tag, NULL);
	case P_INFO_PACKAGE:
		return sift_info_package_parse(buf, value, options, &package, NULL);
	case P_RECV_INFO:
		return sift_recv_info_parse(buf, value, options, &list, NULL);
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

	parsed alone, shifted;
	run(which, copy, value, options, &alone);
	for (unsigned i = 0; i < alone.span_count; i++)
		FUZZ_SPAN_IN(alone.spans[i], len);
	FUZZ_CHECK(run_without_error(which, copy, value, options) == alone.code);
	/* Strict only ever rejects more. */
	if (options & SIFT_OPT_STRICT) {
		if (alone.code == SIFT_OK)
			FUZZ_CHECK(run_without_error(which, copy, value, 0) == SIFT_OK);
	} else if (alone.code != SIFT_OK) {
		FUZZ_CHECK(run_without_error(which, copy, value, SIFT_OPT_STRICT) != SIFT_OK);
	}

	run(which, (const char *)data, shifted_value, options, &shifted);
	FUZZ_CHECK(shifted.code == alone.code);
	FUZZ_CHECK(memcmp(shifted.numbers, alone.numbers, sizeof alone.numbers) == 0);
	FUZZ_CHECK(shifted.span_count == alone.span_count);
	for (unsigned i = 0; i < alone.span_count; i++) {
		FUZZ_SPAN_IN(shifted.spans[i], size);
		FUZZ_CHECK(fuzz_span_moved(shifted.spans[i], alone.spans[i], 1));
	}
	if (alone.code != SIFT_OK) {
		FUZZ_CHECK(shifted.error.offset == alone.error.offset + 1);
		FUZZ_CHECK(strcmp(shifted.error.rule, alone.error.rule) == 0);
	}
	free(copy);
	return 0;
}
