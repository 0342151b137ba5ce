/*
 * src/hdr/fields_lists.c - comma lists and the token-shaped list headers:
 * Allow, Supported, Require, Proxy-Require, Unsupported, Content-Encoding,
 * Content-Language, In-Reply-To (RFC 3261 20), Request-Disposition,
 * Accept-Contact, Reject-Contact (RFC 3841 10), P-Media-Authorization
 * (RFC 3313 5).
 *
 * The message index splits these headers at commas, so each parser here
 * gets one element; sift_list_next() does the same split for callers that
 * hold a whole value.
 */
#include "hdr/internal.h"

int sift_list_next(const char *buf, sift_span *cursor, sift_span *element)
{
	const char *start = buf + cursor->off, *end = start + cursor->len;
	const char *p = sift__skip_sws(start, end);
	if (p >= end) {
		*cursor = sift__span(buf, end, end);
		return 0;
	}
	/* A comma with only SWS after it, left by the previous call: the list
	 * ends in an empty element ("a," is x COMMA x with an empty x). */
	if (*p == ',' && sift__skip_sws(p + 1, end) == end) {
		*element = sift__span(buf, end, end);
		*cursor = sift__span(buf, end, end);
		return 1;
	}
	/* The same split as the message index (sift__list_element_end). */
	const char *q = sift__list_element_end(p, end);
	const char *stop = q;
	while (stop > p && (sift__is_wsp((unsigned char)stop[-1]) || stop[-1] == '\r' ||
			    stop[-1] == '\n'))
		stop--;
	*element = sift__span(buf, p, stop);
	if (q >= end)
		*cursor = sift__span(buf, end, end);
	else if (sift__skip_sws(q + 1, end) == end)
		*cursor = sift__span(buf, q, end); /* keep the comma: an empty element follows */
	else
		*cursor = sift__span(buf, q + 1, end);
	return 1;
}

/* One element that is exactly one match of `match` (SWS around it aside).
 * An empty value passes only when the header's ABNF has [ ] around the list.
 * out may be NULL (the check of full validation). */
static inline sift_code element(const char *buf, sift_span value, sift_matcher match,
				const char *rule, int may_be_empty, sift_list_item *out,
				sift_error *err)
{
	const char *start = buf + value.off, *end = start + value.len;
	const char *p = sift__skip_sws(start, end);
	if (p == end) {
		if (!may_be_empty)
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, rule);
		if (out) {
			out->value = sift__span(buf, p, p);
			out->is_empty = 1;
		}
		return SIFT_OK;
	}
	const char *q = match(p, end);
	if (!q || q == p)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, rule);
	const char *rest = sift__skip_sws(q, end);
	if (rest != end)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, rest, rule);
	if (out)
		out->value = sift__span(buf, p, q);
	return SIFT_OK;
}

static sift_code parse_element(const char *buf, sift_span value, sift_matcher match,
			       const char *rule, int may_be_empty, sift_list_item *out,
			       sift_error *err)
{
	static const sift_list_item empty;
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	return element(buf, value, match, rule, may_be_empty, out, err);
}

sift_code sift__token_element_verdict(const char *buf, sift_span value, const char *rule,
				      int may_be_empty, sift_error *err)
{
	return element(buf, value, sift__match_token_bv, rule, may_be_empty, NULL, err);
}

/* RFC 3261 25: Method = INVITEm / ... / extension-method, extension-method =
 * token; the token rule is the whole of it. Method names are case-sensitive
 * (RFC 3261 7.1), so the registry lookup is too. */
sift_code sift_allow_parse(const char *buf, sift_span value, unsigned options, sift_list_item *out,
			   sift_error *err)
{
	(void)options;
	sift_code code = parse_element(buf, value, sift__match_token_bv, "Method", 1, out, err);
	if (code == SIFT_OK && !out->is_empty)
		out->kind = (uint16_t)sift__match_method(buf + out->value.off, out->value.len);
	return code;
}

/* RFC 3261 25: option-tag = token (Require, Proxy-Require, Unsupported: at
 * least one). */
sift_code sift_option_tag_parse(const char *buf, sift_span value, unsigned options,
				sift_list_item *out, sift_error *err)
{
	(void)options;
	return parse_element(buf, value, sift__match_token_bv, "option-tag", 0, out, err);
}

/* RFC 3261 25: Supported = ( "Supported" / "k" ) HCOLON [option-tag *(COMMA option-tag)] */
sift_code sift_supported_parse(const char *buf, sift_span value, unsigned options,
			       sift_list_item *out, sift_error *err)
{
	(void)options;
	return parse_element(buf, value, sift__match_token_bv, "option-tag", 1, out, err);
}

/* RFC 3261 25: content-coding = token */
sift_code sift_content_encoding_parse(const char *buf, sift_span value, unsigned options,
				      sift_list_item *out, sift_error *err)
{
	(void)options;
	return parse_element(buf, value, sift__match_token_bv, "content-coding", 0, out, err);
}

/* RFC 3261 25: language-tag = primary-tag *( "-" subtag ) */
sift_code sift_content_language_parse(const char *buf, sift_span value, unsigned options,
				      sift_list_item *out, sift_error *err)
{
	(void)options;
	return parse_element(buf, value, sift__match_language_tag, "language-tag", 0, out, err);
}

/* RFC 3261 25: In-Reply-To = "In-Reply-To" HCOLON callid *(COMMA callid) */
sift_code sift_in_reply_to_parse(const char *buf, sift_span value, unsigned options,
				 sift_list_item *out, sift_error *err)
{
	(void)options;
	return parse_element(buf, value, sift__match_callid_fast, "callid", 0, out, err);
}

/* RFC 3313 5: P-Media-Authorization-Token = 1*HEXDIG */
sift_code sift_media_authorization_parse(const char *buf, sift_span value, unsigned options,
					 sift_list_item *out, sift_error *err)
{
	(void)options;
	return parse_element(buf, value, sift__match_media_authorization_token,
			     "P-Media-Authorization-Token", 0, out, err);
}

/* RFC 3841 10: directive = proxy-directive / cancel-directive / fork-directive
 * / recurse-directive / parallel-directive / queue-directive */
sift_code sift_request_disposition_parse(const char *buf, sift_span value, unsigned options,
					 sift_list_item *out, sift_error *err)
{
	static const char *const names[] = {
		NULL, "proxy", "redirect", "cancel", "no-cancel", "fork", "no-fork",
		"recurse", "no-recurse", "parallel", "sequential", "queue", "no-queue",
	};
	(void)options;
	sift_code code = parse_element(buf, value, sift__match_directive, "directive", 0, out, err);
	if (code != SIFT_OK)
		return code;
	for (unsigned i = 1; i < sizeof names / sizeof names[0]; i++)
		if (sift__equal_nocase(buf + out->value.off, out->value.len, names[i]))
			out->kind = (uint16_t)i;
	return SIFT_OK;
}

/* RFC 3841 10: ac-value = "*" *(SEMI ac-params), rc-value = "*" *(SEMI
 * rc-params). Both parameter rules end in generic-param (RFC 3261 25), which
 * every feature-param, req-param and explicit-param also matches, so the
 * list is first checked as generic-params; the feature parameters are then
 * counted and, when strict, held to RFC 3840 9. */
static sift_code parse_caller_prefs(const char *buf, sift_span value, unsigned options,
				    int reject, sift_caller_prefs *out, sift_error *err)
{
	static const sift_caller_prefs empty;
	const char *rule = reject ? "rc-value" : "ac-value";
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	const char *start = buf + value.off, *end = start + value.len;
	const char *p = sift__skip_sws(start, end);
	if (p >= end || *p != '*')
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, rule);
	sift_span require = { 0, 0 }, explicit_value = { 0, 0 };
	uint8_t has_require = 0, has_explicit = 0;
	const sift__param_want want[] = {
		{ "require", "req-param", NULL, &require, &has_require },
		{ "explicit", "explicit-param", NULL, &explicit_value, &has_explicit },
	};
	p = sift__parse_params_want(buf, p + 1, end, &out->params, err,
				    reject ? "rc-params" : "ac-params", want, reject ? 0 : 2);
	if (!p)
		return err ? err->code : SIFT_E_HEADER_VALUE;
	p = sift__skip_sws(p, end);
	if (p != end)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, rule);
	/* req-param and explicit-param are the bare names; with a value they
	 * are generic-params. */
	out->has_require = has_require && require.len == 0;
	out->has_explicit = has_explicit && explicit_value.len == 0;

	sift_span cursor = out->params;
	sift_param param;
	while (sift_param_next(buf, &cursor, &param)) {
		const char *name = buf + param.name.off, *name_end = name + param.name.len;
		if (sift__match_enc_feature_tag(name, name_end) != name_end)
			continue;
		out->feature_count++;
		if (!(options & SIFT_OPT_STRICT) || !param.has_value)
			continue;
		const char *value_end = buf + param.value.off + param.value.len;
		if (sift__match_feature_param(name, value_end) != value_end)
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf, buf + param.value.off,
					  "feature-param");
	}
	return SIFT_OK;
}

sift_code sift_accept_contact_parse(const char *buf, sift_span value, unsigned options,
				    sift_caller_prefs *out, sift_error *err)
{
	return parse_caller_prefs(buf, value, options, 0, out, err);
}

sift_code sift_reject_contact_parse(const char *buf, sift_span value, unsigned options,
				    sift_caller_prefs *out, sift_error *err)
{
	return parse_caller_prefs(buf, value, options, 1, out, err);
}
