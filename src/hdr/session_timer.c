/*
 * src/hdr/session_timer.c - the number-valued session headers:
 * Session-Expires and Min-SE (RFC 4028 4, 5), Max-Breadth (RFC 5393 5.8),
 * Flow-Timer (RFC 5626 10).
 *
 *   Session-Expires  = ("Session-Expires" / "x") HCOLON delta-seconds
 *                        *(SEMI se-params)
 *   se-params        = refresher-param / generic-param
 *   refresher-param  = "refresher" EQUAL  ("uas" / "uac")
 *   Min-SE           = "Min-SE" HCOLON delta-seconds *(SEMI generic-param)
 *   Max-Breadth      = "Max-Breadth" HCOLON 1*DIGIT
 *   Flow-Timer       = "Flow-Timer" HCOLON 1*DIGIT
 */
#include <string.h>
#include "hdr/internal.h"
#include "sipsift/session.h"

/* RFC 4028 4: "The absolute minimum for the Session-Expires header field
 * is 90 seconds"; 5: Min-SE "MUST NOT be less than 90 seconds". */
#define SESSION_TIMER_MINIMUM 90

/* delta-seconds *(SEMI generic-param), the common shape of both headers. */
static sift_code parse_delta_params(const char *buf, sift_span value, unsigned options,
				    uint32_t *seconds, sift_span *params, sift_error *err,
				    const char *list_rule)
{
	sift_code code = SIFT_OK;
	const char *p = buf + value.off, *end = p + value.len, *q;
	p = sift__skip_sws(p, end);
	if (!(q = sift__session_number(buf, p, end, UINT32_MAX, seconds, err, "delta-seconds",
				       &code)))
		return code;
	if ((options & SIFT_OPT_STRICT) && *seconds < SESSION_TIMER_MINIMUM)
		return sift__fail(err, SIFT_E_NUMBER_RANGE, buf, p, "delta-seconds");
	if (q == end) { /* no parameter: "Min-SE: 90" */
		*params = sift__span(buf, q, q);
		return SIFT_OK;
	}
	/* RFC 4028 4: the refresher parameter alone, as nearly every
	 * Session-Expires carries it: SEMI "refresher" EQUAL ("uac" / "uas")
	 * written without SWS is one generic-param (token EQUAL token), the
	 * list the parameter walk below would give. */
	if (end - q == 14 && memcmp(q, ";refresher=ua", 13) == 0 && (q[13] == 'c' || q[13] == 's')) {
		*params = sift__span(buf, q + 1, end);
		return SIFT_OK;
	}
	const char *after = sift__parse_header_params(buf, q, end, params, err, list_rule);
	if (!after)
		return SIFT_E_HEADER_VALUE;
	after = sift__skip_sws(after, end);
	if (after != end)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, after, list_rule);
	return SIFT_OK;
}

sift_code sift_session_expires_parse(const char *buf, sift_span value, unsigned options,
				     sift_session_expires *out, sift_error *err)
{
	static const sift_session_expires empty;
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	sift_code code = parse_delta_params(buf, value, options, &out->seconds, &out->params, err,
					   "se-params");
	if (code != SIFT_OK) {
		*out = empty;
		return code;
	}
	sift_span cursor = out->params;
	sift_param param;
	while (sift_param_next(buf, &cursor, &param)) {
		if (!sift__equal_nocase(buf + param.name.off, param.name.len, "refresher"))
			continue;
		const char *v = buf + param.value.off;
		sift_refresher who = SIFT_REFRESHER_NONE;
		if (param.has_value && sift__equal_nocase(v, param.value.len, "uac"))
			who = SIFT_REFRESHER_UAC;
		else if (param.has_value && sift__equal_nocase(v, param.value.len, "uas"))
			who = SIFT_REFRESHER_UAS;
		if (who == SIFT_REFRESHER_NONE) {
			/* refresher=other is a generic-param by the ABNF's
			 * second alternative; strict holds it to refresher-param. */
			if (options & SIFT_OPT_STRICT) {
				*out = empty;
				return sift__fail(err, SIFT_E_HEADER_VALUE, buf,
						  param.has_value ? v : buf + param.name.off + param.name.len,
						  "refresher-param");
			}
			continue;
		}
		out->refresher = who;
		out->refresher_text = param.value;
	}
	return SIFT_OK;
}

/* Session-Expires for full validation: by default the refresher walk of
 * sift_session_expires_parse() rejects nothing (a refresher other than
 * uac or uas is a generic-param), so the verdict is parse_delta_params()'s;
 * strict mode takes the whole parser. */
sift_code sift__session_expires_check(const char *buf, sift_span value, unsigned options,
				      sift_error *err)
{
	if (!buf || (options & SIFT_OPT_STRICT)) {
		sift_session_expires se;
		return sift_session_expires_parse(buf, value, options, &se, err);
	}
	uint32_t seconds;
	sift_span params;
	return parse_delta_params(buf, value, options, &seconds, &params, err, "se-params");
}

sift_code sift_min_se_parse(const char *buf, sift_span value, unsigned options, sift_min_se *out,
			    sift_error *err)
{
	static const sift_min_se empty;
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	sift_code code = parse_delta_params(buf, value, options, &out->seconds, &out->params, err,
					   "generic-param");
	if (code != SIFT_OK)
		*out = empty;
	return code;
}

/* 1*DIGIT alone: the value, trimmed, is one number. */
static sift_code parse_digits(const char *buf, sift_span value, uint32_t *number,
			      sift_error *err, const char *rule, const char **digits)
{
	sift_code code = SIFT_OK;
	const char *p = buf + value.off, *end = p + value.len, *q;
	p = sift__skip_sws(p, end);
	*digits = p;
	if (!(q = sift__session_number(buf, p, end, UINT32_MAX, number, err, rule, &code)))
		return code;
	if (sift__skip_sws(q, end) != end)
		/* RFC 5393 5.3.1: "takes no parameters" */
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, q, rule);
	return SIFT_OK;
}

sift_code sift_max_breadth_parse(const char *buf, sift_span value, unsigned options,
				 uint32_t *out, sift_error *err)
{
	uint32_t number = 0;
	const char *digits;
	if (!buf)
		return SIFT_E_ARGUMENT;
	sift_code code = parse_digits(buf, value, &number, err, "Max-Breadth", &digits);
	if (code != SIFT_OK)
		return code;
	/* RFC 5393 5.3.1: "a single positive integer"; the ABNF admits 0. */
	if (number == 0 && (options & SIFT_OPT_STRICT))
		return sift__fail(err, SIFT_E_NUMBER_RANGE, buf, digits, "Max-Breadth");
	if (out)
		*out = number;
	return SIFT_OK;
}

sift_code sift_flow_timer_parse(const char *buf, sift_span value, unsigned options,
				uint32_t *out, sift_error *err)
{
	uint32_t number = 0;
	const char *digits;
	(void)options;
	if (!buf)
		return SIFT_E_ARGUMENT;
	sift_code code = parse_digits(buf, value, &number, err, "Flow-Timer", &digits);
	if (code == SIFT_OK && out)
		*out = number;
	return code;
}
