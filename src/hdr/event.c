/*
 * src/hdr/event.c - the event family: Event, Allow-Events and
 * Subscription-State (RFC 6665 8.2, 8.4) with the rate parameters of RFC
 * 6446 9.2, Refer-Sub (RFC 4488 4), SIP-ETag and SIP-If-Match (RFC 3903
 * 11.3), Info-Package and Recv-Info (RFC 6086 7.2, 7.3).
 *
 * Each value is checked in two steps: the shape of the whole value with the
 * matchers generated from grammar/rfc6665.abnf and friends (parameter lists
 * through sift__parse_header_params, which knows generic-param), then the
 * parameters that have a rule of their own, walked with sift_param_next()
 * over the list that step one validated. The second step gives each of them
 * its own code, offset and rule.
 */
#include <string.h>
#include "hdr/internal.h"
#include "sipsift/event.h"

/* LWS around a value is tolerated: a caller may pass a whole header line's
 * value rather than an index entry (which has none). */
static const char *value_start(const char *buf, sift_span value, const char **end)
{
	const char *p = buf + value.off;
	*end = p + value.len;
	return sift__skip_sws(p, *end);
}

static int is_token(const char *p, const char *end)
{
	return p < end && sift__match_token_bv(p, end) == end;
}

static int name_is(const char *buf, const sift_param *param, const char *name)
{
	return sift__equal_nocase(buf + param->name.off, param->name.len, name);
}

/*
 * RFC 6446 9.2: 1*2DIGIT ["." 1*10DIGIT], in units of 10^-10. Returns 1
 * when the text is exactly that; *units is then the rate (0 for "0.0",
 * which RFC 6446 5.1, 6.1 and 7.1 forbid: the caller tells the two apart).
 */
static int rate_units(const char *v, const char *end, uint64_t *units)
{
	*units = 0;
	if (sift__match_rate_value(v, end) != end)
		return 0;
	uint64_t whole = 0, fraction = 0;
	int digits = 0;
	while (v < end && *v != '.')
		whole = whole * 10 + (uint64_t)(*v++ - '0');
	if (v < end)
		for (v++; v < end; v++, digits++)
			fraction = fraction * 10 + (uint64_t)(*v - '0');
	for (; digits < 10; digits++)
		fraction *= 10;
	*units = whole * 10000000000ull + fraction;
	return 1;
}

/* Which RFC 6446 parameter a name is, or NULL; its struct member and rule. */
typedef struct rate_slot {
	const char *name;
	const char *rule;
	size_t offset;
} rate_slot;

static const rate_slot *rate_param(const char *buf, const sift_param *param,
				   const rate_slot *slots)
{
	for (size_t i = 0; i < 3; i++)
		if (name_is(buf, param, slots[i].name))
			return &slots[i];
	return NULL;
}

/* Stores one rate parameter (the last occurrence wins); under strict, a
 * value that is not rate-value fails with the parameter's rule, and zero
 * with SIFT_E_NUMBER_RANGE. */
static sift_code take_rate(const char *buf, const sift_param *param, const rate_slot *slot,
			   sift_event_rate *rate, unsigned options, sift_error *err)
{
	const char *v = buf + param->value.off, *end = v + param->value.len;
	uint64_t units = 0;
	int grammar = param->has_value && rate_units(v, end, &units);
	if (options & SIFT_OPT_STRICT) {
		if (!grammar)
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf,
					  param->has_value ? v : buf + param->name.off + param->name.len,
					  slot->rule);
		if (units == 0)
			return sift__fail(err, SIFT_E_NUMBER_RANGE, buf, v, slot->rule);
	}
	rate->text = param->has_value ? param->value : sift__span(buf, end, end);
	rate->present = 1;
	rate->valid = (uint8_t)(grammar && units != 0);
	rate->units = rate->valid ? units : 0;
	return SIFT_OK;
}

#define RATE_SLOTS(type)                                                                       \
	{                                                                                      \
		{ "max-rate", "max-rate-param", offsetof(type, max_rate) },                    \
		{ "min-rate", "min-rate-param", offsetof(type, min_rate) },                    \
		{ "adaptive-min-rate", "amin-rate-param", offsetof(type, adaptive_min_rate) }, \
	}

/* What cannot follow an event-type: a '.' right after it starts no
 * event-template (token-nodot is every token character but '.'), which is
 * the event-type's fault; anything else is the header's. */
static const char *type_rule(const char *type_end, const char *at, const char *end,
			     const char *header_rule)
{
	return at == type_end && at < end && *at == '.' ? "event-type" : header_rule;
}

sift_code sift_event_parse(const char *buf, sift_span value, unsigned options, sift_event *out,
			   sift_error *err)
{
	static const sift_event empty;
	static const rate_slot slots[3] = RATE_SLOTS(sift_event);
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	const char *end, *p = value_start(buf, value, &end);

	/* event-type = event-package *( "." event-template ) */
	const char *q = sift__match_event_type(p, end);
	if (!q)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "event-type");
	out->type = sift__span(buf, p, q);
	/* event-package is token-nodot: the event-type's first "." ends it. */
	const char *dot = memchr(p, '.', (size_t)(q - p));
	if (!dot)
		dot = q;
	out->package = sift__span(buf, p, dot);
	out->templates = dot < q ? sift__span(buf, dot + 1, q) : sift__span(buf, q, q);

	/* *( SEMI event-param ): every one is a generic-param in form. None
	 * when the type ends the value ("presence", RFC 3856 6): nothing to
	 * walk. */
	if (q == end) {
		out->params = sift__span(buf, q, q);
		return SIFT_OK;
	}
	const char *r = sift__parse_header_params(buf, q, end, &out->params, err, "event-param");
	if (!r)
		return err ? err->code : SIFT_E_HEADER_VALUE;
	const char *rest = sift__skip_sws(r, end);
	if (rest != end)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, rest,
				  r == q ? type_rule(q, rest, end, "Event") : "event-param");

	sift_span cursor = out->params;
	sift_param param;
	while (sift_param_next(buf, &cursor, &param)) {
		const rate_slot *slot;
		if (name_is(buf, &param, "id")) {
			/* RFC 6665 8.4: "id" EQUAL token. The generic-param
			 * alternative takes any other form; strict does not. */
			const char *v = buf + param.value.off;
			int token = param.has_value && is_token(v, v + param.value.len);
			if (!token && (options & SIFT_OPT_STRICT))
				return sift__fail(err, SIFT_E_HEADER_VALUE, buf,
						  param.has_value ? v
								  : buf + param.name.off + param.name.len,
						  "event-param");
			out->id = param.value;
			out->has_id = 1;
			out->id_is_token = (uint8_t)token;
		} else if ((slot = rate_param(buf, &param, slots)) != NULL) {
			sift_event_rate *rate = (sift_event_rate *)(void *)((char *)out + slot->offset);
			sift_code code = take_rate(buf, &param, slot, rate, options, err);
			if (code != SIFT_OK)
				return code;
		}
	}
	return SIFT_OK;
}

int sift_event_template_next(const char *buf, sift_span *cursor, sift_span *out)
{
	const char *p = buf + cursor->off, *end = p + cursor->len;
	while (p < end && *p == '.')
		p++;
	if (p >= end) {
		*cursor = sift__span(buf, end, end);
		*out = *cursor;
		return 0;
	}
	const char *start = p;
	while (p < end && *p != '.')
		p++;
	*out = sift__span(buf, start, p);
	*cursor = sift__span(buf, p, end);
	return 1;
}

int sift_event_list_next(const char *buf, sift_span *cursor, sift_span *out)
{
	const char *p = buf + cursor->off, *end = p + cursor->len;
	p = sift__skip_sws(p, end);
	if (p < end && *p == ',')
		p = sift__skip_sws(p + 1, end);
	if (p >= end) {
		*cursor = sift__span(buf, end, end);
		*out = *cursor;
		return 0;
	}
	/* The element runs to the next comma outside a quoted-string. */
	const char *start = p;
	while (p < end && *p != ',') {
		if (*p == '"') {
			const char *q = sift__match_quoted_string_fast(p, end);
			p = q ? q : end;
		} else {
			p++;
		}
	}
	const char *stop = p;
	while (stop > start && (sift__is_wsp((unsigned char)stop[-1]) || stop[-1] == '\r' ||
				stop[-1] == '\n'))
		stop--;
	*out = sift__span(buf, start, stop);
	*cursor = sift__span(buf, p, end);
	return 1;
}

sift_code sift_allow_events_parse(const char *buf, sift_span value, unsigned options,
				  sift_event_list *out, sift_error *err)
{
	static const sift_event_list empty;
	(void)options;
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	const char *end, *p = value_start(buf, value, &end);
	const char *first = p, *last = p;
	/* event-type *(COMMA event-type) */
	for (;;) {
		const char *q = sift__match_event_type(p, end);
		if (!q)
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "event-type");
		out->count++;
		last = q;
		const char *r = sift__skip_sws(q, end);
		if (r == end)
			break;
		if (*r != ',')
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf, r,
					  type_rule(q, r, end, "Allow-Events"));
		p = sift__skip_sws(r + 1, end);
	}
	out->list = sift__span(buf, first, last);
	return SIFT_OK;
}

static const struct {
	const char *name;
	sift_substate id;
} substates[] = {
	{ "active", SIFT_SUBSTATE_ACTIVE },
	{ "pending", SIFT_SUBSTATE_PENDING },
	{ "terminated", SIFT_SUBSTATE_TERMINATED },
};

static const struct {
	const char *name;
	sift_substate_reason id;
} reasons[] = {
	{ "deactivated", SIFT_REASON_DEACTIVATED }, { "probation", SIFT_REASON_PROBATION },
	{ "rejected", SIFT_REASON_REJECTED },       { "timeout", SIFT_REASON_TIMEOUT },
	{ "giveup", SIFT_REASON_GIVEUP },           { "noresource", SIFT_REASON_NORESOURCE },
	{ "invariant", SIFT_REASON_INVARIANT },     { "badfilter", SIFT_REASON_BADFILTER },
};

/* ("expires" / "retry-after") EQUAL delta-seconds, at most 2^32-1. */
static sift_code take_delta(const char *buf, const sift_param *param, uint32_t *number,
			    uint8_t *present, sift_error *err)
{
	const char *v = buf + param->value.off, *end = v + param->value.len;
	if (!param->has_value)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, buf + param->name.off + param->name.len,
				  "delta-seconds");
	const char *q = sift__match_delta_seconds(v, end);
	if (q != end)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, q ? q : v, "delta-seconds");
	if (!sift__parse_uint(v, end, UINT32_MAX, number))
		return sift__fail(err, SIFT_E_NUMBER_RANGE, buf, v, "delta-seconds");
	*present = 1;
	return SIFT_OK;
}

sift_code sift_subscription_state_parse(const char *buf, sift_span value, unsigned options,
					sift_subscription_state *out, sift_error *err)
{
	static const sift_subscription_state empty;
	static const rate_slot slots[3] = RATE_SLOTS(sift_subscription_state);
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	const char *end, *p = value_start(buf, value, &end);

	/* substate-value = "active" / "pending" / "terminated" / extension-substate */
	const char *q = sift__match_token_bv(p, end);
	if (!q)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "substate-value");
	out->state = sift__span(buf, p, q);
	for (size_t i = 0; i < sizeof substates / sizeof substates[0]; i++)
		if (sift__equal_nocase(p, (size_t)(q - p), substates[i].name))
			out->state_id = substates[i].id;

	const char *r = sift__parse_header_params(buf, q, end, &out->params, err, "subexp-params");
	if (!r)
		return err ? err->code : SIFT_E_HEADER_VALUE;
	const char *rest = sift__skip_sws(r, end);
	if (rest != end)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, rest,
				  r == q ? "substate-value" : "subexp-params");

	sift_span cursor = out->params;
	sift_param param;
	while (sift_param_next(buf, &cursor, &param)) {
		const rate_slot *slot;
		sift_code code = SIFT_OK;
		if (name_is(buf, &param, "reason")) {
			/* "reason" EQUAL event-reason-value (a token) */
			const char *v = buf + param.value.off, *v_end = v + param.value.len;
			if (!param.has_value || !is_token(v, v_end))
				return sift__fail(err, SIFT_E_HEADER_VALUE, buf,
						  param.has_value ? v
								  : buf + param.name.off + param.name.len,
						  "event-reason-value");
			out->reason = param.value;
			out->reason_id = SIFT_REASON_OTHER;
			for (size_t i = 0; i < sizeof reasons / sizeof reasons[0]; i++)
				if (sift__equal_nocase(v, param.value.len, reasons[i].name))
					out->reason_id = reasons[i].id;
		} else if (name_is(buf, &param, "expires")) {
			code = take_delta(buf, &param, &out->expires, &out->has_expires, err);
		} else if (name_is(buf, &param, "retry-after")) {
			code = take_delta(buf, &param, &out->retry_after, &out->has_retry_after, err);
		} else if ((slot = rate_param(buf, &param, slots)) != NULL) {
			sift_event_rate *rate = (sift_event_rate *)(void *)((char *)out + slot->offset);
			code = take_rate(buf, &param, slot, rate, options, err);
		}
		if (code != SIFT_OK)
			return code;
	}
	return SIFT_OK;
}

sift_code sift_refer_sub_parse(const char *buf, sift_span value, unsigned options,
			       sift_refer_sub *out, sift_error *err)
{
	static const sift_refer_sub empty;
	(void)options;
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	const char *end, *p = value_start(buf, value, &end);
	/* refer-sub-value = "true" / "false" (ABNF strings: any case) */
	const char *q = sift__match_token_bv(p, end);
	int is_true = q && sift__equal_nocase(p, (size_t)(q - p), "true");
	if (!q || (!is_true && !sift__equal_nocase(p, (size_t)(q - p), "false")))
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "refer-sub-value");
	out->value = sift__span(buf, p, q);
	out->is_true = (uint8_t)is_true;
	/* *(SEMI exten), exten = generic-param */
	const char *r = sift__parse_header_params(buf, q, end, &out->params, err, "exten");
	if (!r)
		return err ? err->code : SIFT_E_HEADER_VALUE;
	const char *rest = sift__skip_sws(r, end);
	if (rest != end)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, rest,
				  r == q ? "refer-sub-value" : "exten");
	return SIFT_OK;
}

sift_code sift_entity_tag_parse(const char *buf, sift_span value, unsigned options,
				sift_span *tag, sift_error *err)
{
	(void)options;
	if (!buf || !tag)
		return SIFT_E_ARGUMENT;
	*tag = sift__span(buf, buf + value.off, buf + value.off);
	const char *end, *p = value_start(buf, value, &end);
	/* entity-tag = token */
	const char *q = sift__match_token_bv(p, end);
	if (!q)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "entity-tag");
	const char *rest = sift__skip_sws(q, end);
	if (rest != end)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, rest, "entity-tag");
	*tag = sift__span(buf, p, q);
	return SIFT_OK;
}

/* Info-package-type = Info-package-name *( SEMI Info-package-param ):
 * returns the end, or NULL with err set. */
static const char *info_package_type(const char *buf, const char *p, const char *end,
				     sift_info_package *out, sift_error *err)
{
	const char *q = sift__match_token_bv(p, end);
	if (!q) {
		sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "Info-package-name");
		return NULL;
	}
	out->name = sift__span(buf, p, q);
	return sift__parse_header_params(buf, q, end, &out->params, err, "Info-package-param");
}

sift_code sift_info_package_parse(const char *buf, sift_span value, unsigned options,
				  sift_info_package *out, sift_error *err)
{
	static const sift_info_package empty;
	(void)options;
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	const char *end, *p = value_start(buf, value, &end);
	const char *q = info_package_type(buf, p, end, out, err);
	if (!q)
		return err ? err->code : SIFT_E_HEADER_VALUE;
	const char *rest = sift__skip_sws(q, end);
	if (rest != end)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, rest, "Info-package-type");
	return SIFT_OK;
}

sift_code sift_recv_info_parse(const char *buf, sift_span value, unsigned options,
			       sift_event_list *out, sift_error *err)
{
	static const sift_event_list empty;
	(void)options;
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	const char *end, *p = value_start(buf, value, &end);
	const char *first = p, *last = p;
	/* Recv-Info = "Recv-Info" HCOLON [Info-package-list] */
	if (p == end) {
		out->list = sift__span(buf, p, p);
		return SIFT_OK;
	}
	for (;;) {
		sift_info_package package;
		const char *q = info_package_type(buf, p, end, &package, err);
		if (!q)
			return err ? err->code : SIFT_E_HEADER_VALUE;
		out->count++;
		last = q;
		const char *r = sift__skip_sws(q, end);
		if (r == end)
			break;
		if (*r != ',')
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf, r, "Info-package-list");
		p = sift__skip_sws(r + 1, end);
	}
	out->list = sift__span(buf, first, last);
	return SIFT_OK;
}
