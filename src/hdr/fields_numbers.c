/*
 * src/hdr/fields_numbers.c - headers whose value is a number: Expires,
 * Min-Expires (RFC 3261 20.19, 20.23), Retry-After (20.33), Timestamp
 * (20.38).
 */
#include "hdr/internal.h"

/* delta-seconds = 1*DIGIT in [p, q) (the matcher proved the digits): RFC
 * 3261 20.19 and 20.23 give 0 to 2**32-1. Above that, RFC 3261 10.2.1 lets
 * an implementation treat the value as 2**32-1 (and RFC 4475 3.1.2.4 as the
 * default expiry): clamped by default, SIFT_E_NUMBER_RANGE when strict. */
static sift_code delta_value(const char *buf, const char *p, const char *q, unsigned options,
			     const char *rule, uint32_t *seconds, uint8_t *clamped, sift_error *err)
{
	if (sift__parse_uint(p, q, UINT32_MAX, seconds))
		return SIFT_OK;
	if (options & SIFT_OPT_STRICT)
		return sift__fail(err, SIFT_E_NUMBER_RANGE, buf, p, rule);
	*seconds = UINT32_MAX;
	*clamped = 1;
	return SIFT_OK;
}

sift_code sift_delta_seconds_parse(const char *buf, sift_span value, unsigned options,
				   sift_delta_seconds *out, sift_error *err)
{
	static const sift_delta_seconds empty;
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	const char *start = buf + value.off, *end = start + value.len;
	const char *p = sift__skip_sws(start, end);
	const char *q = sift__match_delta_seconds(p, end);
	if (!q)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "delta-seconds");
	const char *rest = sift__skip_sws(q, end);
	if (rest != end)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, rest, "delta-seconds");
	return delta_value(buf, p, q, options, "delta-seconds", &out->seconds, &out->clamped, err);
}

/* retry-param = ("duration" EQUAL delta-seconds) / generic-param */
static int is_delta_seconds(const char *value, const char *end, int has_value)
{
	return has_value && sift__match_delta_seconds(value, end) == end;
}

/* Retry-After = "Retry-After" HCOLON delta-seconds [ comment ]
 * *( SEMI retry-param ) (RFC 3261 25). */
sift_code sift_retry_after_parse(const char *buf, sift_span value, unsigned options,
				 sift_retry_after *out, sift_error *err)
{
	static const sift_retry_after empty;
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	const char *start = buf + value.off, *end = start + value.len;
	const char *p = sift__skip_sws(start, end);
	const char *q = sift__match_delta_seconds(p, end);
	if (!q)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "delta-seconds");
	sift_code code = delta_value(buf, p, q, options, "delta-seconds", &out->seconds,
				     &out->clamped, err);
	if (code != SIFT_OK)
		return code;
	/* comment = LPAREN ...: LPAREN = SWS "(" SWS */
	p = sift__skip_sws(q, end);
	if (p < end && *p == '(') {
		if (!(q = sift__parse_comment(buf, p, end, err)))
			return err ? err->code : SIFT_E_HEADER_VALUE;
		out->comment = sift__span(buf, p, q);
	}
	sift_span duration = { 0, 0 };
	const sift__param_want want[] = {
		{ "duration", "delta-seconds", is_delta_seconds, &duration, &out->has_duration },
	};
	q = sift__parse_params_want(buf, q, end, &out->params, err, "retry-param", want, 1);
	if (!q)
		return err ? err->code : SIFT_E_HEADER_VALUE;
	if ((p = sift__skip_sws(q, end)) != end)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "retry-param");
	if (out->has_duration)
		return delta_value(buf, buf + duration.off, buf + duration.off + duration.len, options,
				   "delta-seconds", &out->duration, &out->clamped, err);
	return SIFT_OK;
}

/* Timestamp = "Timestamp" HCOLON 1*(DIGIT) [ "." *(DIGIT) ] [ LWS delay ],
 * delay = *(DIGIT) [ "." *(DIGIT) ] (RFC 3261 25). */
sift_code sift_timestamp_parse(const char *buf, sift_span value, unsigned options,
			       sift_timestamp *out, sift_error *err)
{
	static const sift_timestamp empty;
	(void)options;
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	const char *start = buf + value.off, *end = start + value.len;
	const char *p = sift__skip_sws(start, end);
	const char *q = sift__match_timestamp_time(p, end);
	if (!q)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "Timestamp");
	out->time = sift__span(buf, p, q);
	if (q == end)
		return SIFT_OK;
	const char *d = sift__match_lws(q, end);
	if (!d)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, q, "Timestamp");
	const char *e = sift__match_delay(d, end);
	if (e > d)
		out->delay = sift__span(buf, d, e);
	if ((p = sift__skip_sws(e, end)) != end)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "delay");
	return SIFT_OK;
}
