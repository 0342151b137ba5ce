/*
 * src/hdr/session_misc.c - Reason (RFC 3326 2), Privacy (RFC 3323 4.2,
 * RFC 3325 9.3) and Priority (RFC 3261 20.26, registry of RFC 6878).
 *
 *   reason-value   = protocol *(SEMI reason-params)
 *   protocol       = "SIP" / "Q.850" / token
 *   reason-params  = protocol-cause / reason-text / reason-extension
 *   protocol-cause = "cause" EQUAL cause        cause = 1*DIGIT
 *   reason-text    = "text" EQUAL quoted-string
 *   Privacy-hdr    = "Privacy" HCOLON priv-value *(";" priv-value)
 *   priv-value     = "header" / "session" / "user" / "none" / "critical"
 *                    / "id" / token
 *   priority-value = "emergency" / "urgent" / "normal" / "non-urgent"
 *                    / other-priority           other-priority = token
 */
#include "hdr/internal.h"
#include "sipsift/session.h"

static int span_is(const char *buf, sift_span s, const char *literal)
{
	return sift__equal_nocase(buf + s.off, s.len, literal);
}

sift_code sift_reason_parse(const char *buf, sift_span value, unsigned options, sift_reason *out,
			    sift_error *err)
{
	static const sift_reason empty;
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	const char *p = buf + value.off, *end = p + value.len, *q;
	p = sift__skip_sws(p, end);
	/* "SIP" and "Q.850" are tokens too: one matcher covers protocol. */
	if (!(q = sift__match_token_bv(p, end)))
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "protocol");
	out->protocol = sift__span(buf, p, q);
	if (span_is(buf, out->protocol, "SIP"))
		out->protocol_id = SIFT_REASON_PROTOCOL_SIP;
	else if (span_is(buf, out->protocol, "Q.850"))
		out->protocol_id = SIFT_REASON_PROTOCOL_Q850;
	else if (span_is(buf, out->protocol, "preemption")) /* RFC 4411 */
		out->protocol_id = SIFT_REASON_PROTOCOL_PREEMPTION;
	const char *after = sift__parse_header_params(buf, q, end, &out->params, err, "reason-params");
	if (!after) {
		*out = empty;
		return SIFT_E_HEADER_VALUE;
	}
	after = sift__skip_sws(after, end);
	if (after != end) {
		*out = empty;
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, after, "reason-params");
	}

	unsigned strict = options & SIFT_OPT_STRICT;
	sift_span cursor = out->params;
	sift_param param;
	while (sift_param_next(buf, &cursor, &param)) {
		const char *v = buf + param.value.off, *v_end = v + param.value.len;
		const char *at = param.has_value ? v : buf + param.name.off + param.name.len;
		if (span_is(buf, param.name, "cause")) {
			/* protocol-cause = "cause" EQUAL cause; cause = 1*DIGIT */
			const char *digits_end = param.has_value ? sift__match_digits(v, v_end) : NULL;
			if (digits_end != v_end || !param.has_value) {
				if (strict) {
					*out = empty;
					return sift__fail(err, SIFT_E_HEADER_VALUE, buf, at,
							  "protocol-cause");
				}
				continue; /* a generic-param named cause */
			}
			uint32_t cause;
			if (!sift__parse_uint(v, v_end, UINT32_MAX, &cause)) {
				*out = empty;
				return sift__fail(err, SIFT_E_NUMBER_RANGE, buf, v, "cause");
			}
			/* RFC 3326 2: a SIP status code, or a Q.850 cause value
			 * (a 7-bit field of ITU-T Q.850 2.2.5). */
			if (strict && ((out->protocol_id == SIFT_REASON_PROTOCOL_SIP && (cause < 100 || cause > 699 ||
										 param.value.len != 3)) ||
				       (out->protocol_id == SIFT_REASON_PROTOCOL_Q850 && cause > 127))) {
				*out = empty;
				return sift__fail(err, SIFT_E_NUMBER_RANGE, buf, v, "cause");
			}
			out->cause = cause;
			out->cause_text = param.value;
			out->has_cause = 1;
		} else if (span_is(buf, param.name, "text")) {
			/* reason-text = "text" EQUAL quoted-string */
			if (!param.has_value || *v != '"') {
				if (strict) {
					*out = empty;
					return sift__fail(err, SIFT_E_HEADER_VALUE, buf, at, "reason-text");
				}
				continue;
			}
			out->text = param.value;
			out->has_text = 1;
		}
	}
	return SIFT_OK;
}

unsigned sift_privacy_value_flag(const char *buf, sift_span value)
{
	static const struct {
		const char *name;
		unsigned flag;
	} known[] = {
		{ "header", SIFT_PRIVACY_HEADER },     { "session", SIFT_PRIVACY_SESSION },
		{ "user", SIFT_PRIVACY_USER },         { "none", SIFT_PRIVACY_NONE },
		{ "critical", SIFT_PRIVACY_CRITICAL }, { "id", SIFT_PRIVACY_ID },
		{ "history", SIFT_PRIVACY_HISTORY },
	};
	if (!buf)
		return 0;
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (span_is(buf, value, known[i].name))
			return known[i].flag;
	return SIFT_PRIVACY_OTHER;
}

sift_code sift_privacy_parse(const char *buf, sift_span value, unsigned options,
			     sift_privacy *out, sift_error *err)
{
	static const sift_privacy empty;
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	const char *p = buf + value.off, *end = p + value.len, *q;
	unsigned strict = options & SIFT_OPT_STRICT;
	p = sift__skip_sws(p, end);
	const char *first = p, *last = p;
	for (;;) {
		if (!(q = sift__match_token_bv(p, end))) {
			*out = empty;
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "priv-value");
		}
		out->flags |= sift_privacy_value_flag(buf, sift__span(buf, p, q));
		out->count++;
		last = q;
		/* The separator is a bare ";" (RFC 3323 4.2), not SEMI. */
		const char *s = strict ? q : sift__skip_sws(q, end);
		if (s >= end || *s != ';') {
			if (sift__skip_sws(q, end) != end) {
				*out = empty;
				return sift__fail(err, SIFT_E_HEADER_VALUE, buf, q, "Privacy-hdr");
			}
			break;
		}
		p = strict ? s + 1 : sift__skip_sws(s + 1, end);
	}
	out->values = sift__span(buf, first, last);
	return SIFT_OK;
}

int sift_privacy_next(const char *buf, sift_span *cursor, sift_span *value)
{
	static const sift_span none;
	if (!buf || !cursor || !value)
		return 0;
	const char *p = buf + cursor->off, *end = p + cursor->len;
	*value = none;
	/* Skip separators and white space, then take the token. */
	while (p < end && (*p == ';' || *p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		p++;
	if (p >= end) {
		*cursor = sift__span(buf, end, end);
		return 0;
	}
	const char *q = p;
	while (q < end && *q != ';' && *q != ' ' && *q != '\t' && *q != '\r' && *q != '\n')
		q++;
	*value = sift__span(buf, p, q);
	*cursor = sift__span(buf, q, end);
	return 1;
}

sift_code sift_priority_parse(const char *buf, sift_span value, unsigned options,
			      sift_priority *out, sift_error *err)
{
	static const sift_priority empty;
	static const struct {
		const char *name;
		sift_priority_value id;
	} registered[] = {
		/* RFC 3261 20.26 and the RFC 6878 registry (RFC 7090 added
		 * psap-callback) */
		{ "emergency", SIFT_PRIORITY_EMERGENCY },   { "urgent", SIFT_PRIORITY_URGENT },
		{ "normal", SIFT_PRIORITY_NORMAL },         { "non-urgent", SIFT_PRIORITY_NON_URGENT },
		{ "psap-callback", SIFT_PRIORITY_PSAP_CALLBACK },
	};
	(void)options;
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	const char *p = buf + value.off, *end = p + value.len, *q;
	p = sift__skip_sws(p, end);
	/* Every registered value is a token: other-priority covers them all. */
	if (!(q = sift__match_token_bv(p, end)))
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "priority-value");
	if (sift__skip_sws(q, end) != end)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, q, "priority-value");
	out->value = sift__span(buf, p, q);
	for (size_t i = 0; i < sizeof registered / sizeof registered[0]; i++)
		if (span_is(buf, out->value, registered[i].name))
			out->id = registered[i].id;
	return SIFT_OK;
}
