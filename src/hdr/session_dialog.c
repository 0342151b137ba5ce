/*
 * src/hdr/session_dialog.c - headers that name a dialog or a response in
 * it: Replaces (RFC 3891 6.1), Join (RFC 3911 7.1), Target-Dialog (RFC 4538
 * 7), RAck and RSeq (RFC 3262 7). Also the number and <URI> helpers the
 * other session_*.c files share.
 *
 *   Replaces      = "Replaces" HCOLON callid *(SEMI replaces-param)
 *   Join          = "Join" HCOLON callid *(SEMI join-param)
 *   Target-Dialog = "Target-Dialog" HCOLON callid *(SEMI td-param)
 *   RAck          = "RAck" HCOLON response-num LWS CSeq-num LWS Method
 *   RSeq          = "RSeq" HCOLON response-num
 */
#include "hdr/internal.h"
#include "sipsift/session.h"

const char *sift__session_number(const char *buf, const char *p, const char *end, uint32_t max,
				 uint32_t *out, sift_error *err, const char *rule, sift_code *code)
{
	uint64_t number;
	const char *q = sift__digits_value(p, end, max, &number);
	if (q == p) {
		*code = sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, rule);
		return NULL;
	}
	if (number > max) {
		*code = sift__fail(err, SIFT_E_NUMBER_RANGE, buf, p, rule);
		return NULL;
	}
	*out = (uint32_t)number;
	return q;
}

const char *sift__session_angle_uri(const char *buf, const char *p, const char *end,
				    unsigned options, sift_span *uri, sift_error *err,
				    sift_code *code)
{
	/* LAQUOT = SWS "<" (the caller skipped the SWS) */
	if (p >= end || *p != '<') {
		*code = sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "LAQUOT");
		return NULL;
	}
	const char *start = p + 1;
	/* RFC 4475 3.1.1.6 lets a liberal receiver take spaces inside < > in
	 * name-addr; the same leniency here, never when strict. */
	if (!(options & SIFT_OPT_STRICT))
		start = sift__skip_sws(start, end);
	const char *stop = sift__match_absolute_uri_bv(start, end);
	if (!stop) {
		*code = sift__fail(err, SIFT_E_URI, buf, start, "absoluteURI");
		return NULL;
	}
	*uri = sift__span(buf, start, stop);
	const char *q = (options & SIFT_OPT_STRICT) ? stop : sift__skip_sws(stop, end);
	/* RAQUOT = ">" SWS */
	if (q >= end || *q != '>') {
		*code = sift__fail(err, SIFT_E_HEADER_VALUE, buf, q, "RAQUOT");
		return NULL;
	}
	return q + 1;
}

static int is_token(const sift_param *param, const char *buf)
{
	const char *v = buf + param->value.off, *end = v + param->value.len;
	return param->has_value && sift__match_token_bv(v, end) == end;
}

static int name_is(const char *buf, const sift_param *param, const char *name)
{
	return sift__equal_nocase(buf + param->name.off, param->name.len, name);
}

/* What a dialog-identifying header needs from its parameters. */
typedef struct tag_names {
	const char *list_rule;            /* replaces-param / join-param / td-param */
	const char *first, *first_rule;   /* to-tag / remote-tag */
	const char *second, *second_rule; /* from-tag / local-tag */
	int early_flag;                   /* Replaces' early-only */
	int require_tags;                 /* tags mandatory, once each */
} tag_names;

/* callid *(SEMI xxx-param): the Call-ID, then the parameter list validated
 * as generic-params, then the tags picked out of it. */
static sift_code parse_dialog(const char *buf, sift_span value, unsigned options,
			      const tag_names *names, sift_span *call_id, sift_span *first,
			      sift_span *second, uint8_t *has_first, uint8_t *has_second,
			      uint8_t *early, sift_span *params, sift_error *err)
{
	const char *p = buf + value.off, *end = p + value.len;
	p = sift__skip_sws(p, end);
	const char *q = sift__match_callid_fast(p, end);
	if (!q)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "callid");
	*call_id = sift__span(buf, p, q);
	const char *after = sift__parse_header_params(buf, q, end, params, err,
						      names->list_rule);
	if (!after)
		return SIFT_E_HEADER_VALUE;
	if (sift__skip_sws(after, end) != end)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, sift__skip_sws(after, end),
				  "callid");

	/* The tags: "to-tag" EQUAL token. A to-tag=<quoted-string> is a
	 * generic-param by the ABNF's last alternative; it does not count as
	 * the tag, and strict mode rejects it. */
	unsigned first_count = 0, second_count = 0;
	sift_span cursor = *params;
	sift_param param;
	while (sift_param_next(buf, &cursor, &param)) {
		int is_first = name_is(buf, &param, names->first);
		int is_second = !is_first && name_is(buf, &param, names->second);
		if (is_first || is_second) {
			const char *rule = is_first ? names->first_rule : names->second_rule;
			if (!is_token(&param, buf)) {
				if (options & SIFT_OPT_STRICT)
					return sift__fail(err, SIFT_E_HEADER_VALUE, buf,
							  buf + (param.has_value ? param.value.off
										 : param.name.off + param.name.len),
							  rule);
				continue;
			}
			unsigned *count = is_first ? &first_count : &second_count;
			if (++*count > 1 && (names->require_tags || (options & SIFT_OPT_STRICT)))
				/* RFC 3891 6.1, RFC 3911 7.1: exactly one */
				return sift__fail(err, SIFT_E_HEADER_VALUE, buf, buf + param.name.off, rule);
			if (is_first) {
				*first = param.value;
				*has_first = 1;
			} else {
				*second = param.value;
				*has_second = 1;
			}
		} else if (names->early_flag && name_is(buf, &param, "early-only")) {
			/* early-flag = "early-only", no value */
			if (param.has_value) {
				if (options & SIFT_OPT_STRICT)
					return sift__fail(err, SIFT_E_HEADER_VALUE, buf,
							  buf + param.name.off + param.name.len, "early-flag");
				continue;
			}
			*early = 1;
		}
	}
	if (names->require_tags || (options & SIFT_OPT_STRICT)) {
		if (!first_count)
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf, end, names->first_rule);
		if (!second_count)
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf, end, names->second_rule);
	}
	return SIFT_OK;
}

static sift_code parse_match(const char *buf, sift_span value, unsigned options,
			     sift_dialog_match *out, sift_error *err, int replaces)
{
	static const sift_dialog_match empty;
	/* RFC 3891 6.1, RFC 3911 7.1: to-tag = "to-tag" EQUAL token, ... */
	static const tag_names replaces_names = { "replaces-param", "to-tag", "to-tag",
						  "from-tag", "from-tag", 1, 1 };
	static const tag_names join_names = { "join-param", "to-tag", "to-tag",
					      "from-tag", "from-tag", 0, 1 };
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	uint8_t has_to = 0, has_from = 0;
	sift_code code = parse_dialog(buf, value, options, replaces ? &replaces_names : &join_names,
				      &out->call_id, &out->to_tag, &out->from_tag, &has_to, &has_from,
				      &out->early_only, &out->params, err);
	if (code != SIFT_OK)
		*out = empty;
	return code;
}

sift_code sift_replaces_parse(const char *buf, sift_span value, unsigned options,
			      sift_dialog_match *out, sift_error *err)
{
	return parse_match(buf, value, options, out, err, 1);
}

sift_code sift_join_parse(const char *buf, sift_span value, unsigned options,
			  sift_dialog_match *out, sift_error *err)
{
	return parse_match(buf, value, options, out, err, 0);
}

sift_code sift_target_dialog_parse(const char *buf, sift_span value, unsigned options,
				   sift_target_dialog *out, sift_error *err)
{
	static const sift_target_dialog empty;
	/* RFC 4538 7: remote-param = "remote-tag" EQUAL token, ... */
	static const tag_names names = { "td-param", "remote-tag", "remote-param",
					 "local-tag", "local-param", 0, 0 };
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	uint8_t early = 0;
	sift_code code = parse_dialog(buf, value, options, &names, &out->call_id, &out->remote_tag,
				      &out->local_tag, &out->has_remote_tag, &out->has_local_tag, &early,
				      &out->params, err);
	if (code != SIFT_OK)
		*out = empty;
	return code;
}

sift_code sift_rack_parse(const char *buf, sift_span value, unsigned options, sift_rack *out,
			  sift_error *err)
{
	static const sift_rack empty;
	sift_code code = SIFT_OK;
	(void)options;
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	const char *p = buf + value.off, *end = p + value.len, *q;
	p = sift__skip_sws(p, end);
	/* RFC 3262 7.1: an RSeq runs from 1 to 2**32 - 1. */
	if (!(q = sift__session_number(buf, p, end, UINT32_MAX, &out->response_num, err,
				       "response-num", &code)))
		goto fail;
	if (out->response_num == 0) {
		code = sift__fail(err, SIFT_E_NUMBER_RANGE, buf, p, "response-num");
		goto fail;
	}
	if (!(p = sift__match_lws(q, end))) {
		code = sift__fail(err, SIFT_E_HEADER_VALUE, buf, q, "LWS");
		goto fail;
	}
	/* CSeq-num is copied from a CSeq: below 2**32 (RFC 3261 8.1.1.5). */
	if (!(q = sift__session_number(buf, p, end, UINT32_MAX, &out->cseq_num, err, "CSeq-num",
				       &code)))
		goto fail;
	if (!(p = sift__match_lws(q, end))) {
		code = sift__fail(err, SIFT_E_HEADER_VALUE, buf, q, "LWS");
		goto fail;
	}
	if (!(q = sift__match_token_bv(p, end))) {
		code = sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "Method");
		goto fail;
	}
	out->method = sift__span(buf, p, q);
	/* RFC 3262 7.2: the method is case-sensitive, as sift_method_id is. */
	out->method_id = (uint16_t)sift__match_method(p, (size_t)(q - p));
	if (sift__skip_sws(q, end) != end) {
		code = sift__fail(err, SIFT_E_HEADER_VALUE, buf, q, "Method");
		goto fail;
	}
	return SIFT_OK;
fail:
	*out = empty;
	return code;
}

sift_code sift_rseq_parse(const char *buf, sift_span value, unsigned options, uint32_t *out,
			  sift_error *err)
{
	sift_code code = SIFT_OK;
	uint32_t number = 0;
	(void)options;
	if (!buf)
		return SIFT_E_ARGUMENT;
	const char *p = buf + value.off, *end = p + value.len, *q;
	p = sift__skip_sws(p, end);
	if (!(q = sift__session_number(buf, p, end, UINT32_MAX, &number, err, "response-num", &code)))
		return code;
	if (sift__skip_sws(q, end) != end)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, q, "response-num");
	/* RFC 3262 7.1: "a single numeric value from 1 to 2**32 - 1" */
	if (number == 0)
		return sift__fail(err, SIFT_E_NUMBER_RANGE, buf, p, "response-num");
	if (out)
		*out = number;
	return SIFT_OK;
}
