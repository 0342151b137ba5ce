/*
 * src/hdr/fields_media.c - media and body description headers: Accept,
 * Accept-Encoding, Accept-Language (RFC 3261 20.1-20.3), MIME-Version
 * (20.24), Content-Disposition (20.11, RFC 5621 8 and 9.4) and Content-ID
 * (RFC 8262 3.2).
 */
#include "hdr/internal.h"

/* qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ) (RFC 3261 25) */
static int is_qvalue(const char *value, const char *end, int has_value)
{
	return has_value && sift__match_qvalue(value, end) == end;
}

/* A qvalue the matcher accepted, in thousandths. */
static uint16_t qvalue_thousandths(const char *p, const char *end)
{
	unsigned value = (unsigned)(*p - '0') * 1000, scale = 100;
	for (p += 2; p < end && scale > 0; p++, scale /= 10)
		value += (unsigned)(*p - '0') * scale;
	return (uint16_t)value;
}

/* *(SEMI accept-param) after the element, with q captured and checked.
 * Returns the end of the list or NULL with err set. */
static const char *accept_params(const char *buf, const char *p, const char *end,
				 sift_span *params, uint16_t *q, uint8_t *has_q, sift_error *err,
				 const char *rule)
{
	if (p == end) { /* no parameter ("application/sdp"): q is 1 (RFC 3261 20.1) */
		*params = sift__span(buf, p, p);
		*q = 1000;
		return p;
	}
	sift_span q_text = { 0, 0 };
	const sift__param_want want[] = {
		{ "q", "qvalue", is_qvalue, &q_text, has_q },
	};
	p = sift__parse_params_want(buf, p, end, params, err, "accept-param", want, 1);
	if (!p)
		return NULL;
	const char *rest = sift__skip_sws(p, end);
	if (rest != end) {
		sift__fail(err, SIFT_E_HEADER_VALUE, buf, rest, rule);
		return NULL;
	}
	*q = *has_q ? qvalue_thousandths(buf + q_text.off, buf + q_text.off + q_text.len) : 1000;
	return p;
}

static int is_star(const char *buf, sift_span s)
{
	return s.len == 1 && buf[s.off] == '*';
}

/* RFC 3261 25: accept-range = media-range *(SEMI accept-param), media-range
 * = ( "*" "/" "*" / ( m-type SLASH "*" ) / ( m-type SLASH m-subtype ) )
 * *( SEMI m-parameter ). m-parameters and accept-params are both SEMI
 * token [EQUAL value] lists, walked as one. */
sift_code sift_accept_parse(const char *buf, sift_span value, unsigned options,
			    sift_accept_range *out, sift_error *err)
{
	static const sift_accept_range empty;
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	out->q = 1000;
	const char *start = buf + value.off, *end = start + value.len;
	const char *p = sift__skip_sws(start, end);
	if (p == end) {
		/* RFC 3261 20.1: an empty Accept means no format is acceptable. */
		out->is_empty = 1;
		out->type = out->subtype = out->params = sift__span(buf, p, p);
		return SIFT_OK;
	}
	const char *q = sift__match_token_bv(p, end);
	if (!q)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "media-range");
	out->type = sift__span(buf, p, q);
	p = sift__skip_sws(q, end);
	if (p >= end || *p != '/')
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "SLASH");
	p = sift__skip_sws(p + 1, end);
	if (!(q = sift__match_token_bv(p, end)))
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "m-subtype");
	out->subtype = sift__span(buf, p, q);
	if ((options & SIFT_OPT_STRICT) && is_star(buf, out->type) && !is_star(buf, out->subtype))
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "media-range");
	if (!accept_params(buf, q, end, &out->params, &out->q, &out->has_q, err, "accept-range"))
		return err ? err->code : SIFT_E_HEADER_VALUE;
	return SIFT_OK;
}

/* encoding = codings *(SEMI accept-param), language = language-range
 * *(SEMI accept-param): one rule for the element, the same parameters. */
static sift_code parse_accept_item(const char *buf, sift_span value, sift_matcher match,
				   const char *rule, const char *list_rule, sift_accept_item *out,
				   sift_error *err)
{
	static const sift_accept_item empty;
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	out->q = 1000;
	const char *start = buf + value.off, *end = start + value.len;
	const char *p = sift__skip_sws(start, end);
	if (p == end) {
		/* RFC 3261 20.2 and 20.3: the header may be empty. */
		out->is_empty = 1;
		out->value = out->params = sift__span(buf, p, p);
		return SIFT_OK;
	}
	const char *q = match(p, end);
	if (!q)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, rule);
	out->value = sift__span(buf, p, q);
	if (!accept_params(buf, q, end, &out->params, &out->q, &out->has_q, err, list_rule))
		return err ? err->code : SIFT_E_HEADER_VALUE;
	return SIFT_OK;
}

sift_code sift_accept_encoding_parse(const char *buf, sift_span value, unsigned options,
				     sift_accept_item *out, sift_error *err)
{
	(void)options;
	return parse_accept_item(buf, value, sift__match_codings, "codings", "encoding", out, err);
}

sift_code sift_accept_language_parse(const char *buf, sift_span value, unsigned options,
				     sift_accept_item *out, sift_error *err)
{
	(void)options;
	return parse_accept_item(buf, value, sift__match_language_range, "language-range",
				 "language", out, err);
}

/* MIME-Version = "MIME-Version" HCOLON 1*DIGIT "." 1*DIGIT */
sift_code sift_mime_version_parse(const char *buf, sift_span value, unsigned options,
				  sift_mime_version *out, sift_error *err)
{
	static const sift_mime_version empty;
	(void)options;
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	const char *start = buf + value.off, *end = start + value.len;
	const char *p = sift__skip_sws(start, end);
	const char *q = sift__match_mime_version_value(p, end);
	if (!q) {
		/* Say where: the major number, the dot or the minor number. */
		const char *d = sift__match_digits(p, end);
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, !d ? p : d < end && *d == '.' ? d + 1 : d,
				  "MIME-Version");
	}
	const char *rest = sift__skip_sws(q, end);
	if (rest != end)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, rest, "MIME-Version");
	const char *dot = sift__match_digits(p, q);
	if (!sift__parse_uint(p, dot, UINT32_MAX, &out->major))
		return sift__fail(err, SIFT_E_NUMBER_RANGE, buf, p, "MIME-Version");
	if (!sift__parse_uint(dot + 1, q, UINT32_MAX, &out->minor))
		return sift__fail(err, SIFT_E_NUMBER_RANGE, buf, dot + 1, "MIME-Version");
	return SIFT_OK;
}

/* Registered disposition types (IANA "Mail Content Disposition Values"
 * entries SIP uses), in sift_disposition order. */
static const char *const dispositions[] = {
	NULL, "render", "session", "icon", "alert", "signal", "aib", "early-session",
	"recipient-list", "recipient-list-history", "by-reference", "info-package",
};

/* Content-Disposition = "Content-Disposition" HCOLON disp-type
 * *( SEMI disp-param ), disp-type = ... / disp-extension-token (token),
 * disp-param = handling-param / generic-param (RFC 3261 25). */
sift_code sift_content_disposition_parse(const char *buf, sift_span value, unsigned options,
					 sift_content_disposition *out, sift_error *err)
{
	static const sift_content_disposition empty;
	(void)options;
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	const char *start = buf + value.off, *end = start + value.len;
	const char *p = sift__skip_sws(start, end);
	const char *q = sift__match_token_bv(p, end);
	if (!q)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "disp-type");
	out->type = sift__span(buf, p, q);
	for (unsigned i = 1; i < sizeof dispositions / sizeof dispositions[0]; i++)
		if (sift__equal_nocase(p, (size_t)(q - p), dispositions[i]))
			out->disposition = (sift_disposition)i;
	uint8_t has_handling = 0;
	const sift__param_want want[] = {
		/* handling-param = "handling" EQUAL ( "optional" / "required" / other-handling ); other-handling = token */
		{ "handling", "handling-param", sift__param_is_token, &out->handling, &has_handling },
	};
	q = sift__parse_params_want(buf, q, end, &out->params, err, "disp-param", want, 1);
	if (!q)
		return err ? err->code : SIFT_E_HEADER_VALUE;
	if ((p = sift__skip_sws(q, end)) != end)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "disp-param");
	if (has_handling) {
		const char *h = buf + out->handling.off;
		out->handling_kind = sift__equal_nocase(h, out->handling.len, "optional") ? SIFT_HANDLING_OPTIONAL
				   : sift__equal_nocase(h, out->handling.len, "required") ? SIFT_HANDLING_REQUIRED
				   : SIFT_HANDLING_OTHER;
	}
	return SIFT_OK;
}

/* Content-ID = "Content-ID" HCOLON msg-id, msg-id = "<" id-left "@"
 * id-right ">" (RFC 8262 3.2): exactly one. */
sift_code sift_content_id_parse(const char *buf, sift_span value, unsigned options,
				sift_content_id *out, sift_error *err)
{
	static const sift_content_id empty;
	(void)options;
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	const char *start = buf + value.off, *end = start + value.len;
	const char *p = sift__skip_sws(start, end);
	const char *m = sift__match_msg_id(p, end);
	if (!m) {
		/* Say which part failed: "<", id-left, "@", id-right or ">". */
		if (p >= end || *p != '<')
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "msg-id");
		const char *l = sift__match_id_left(p + 1, end);
		if (!l)
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p + 1, "id-left");
		if (l >= end || *l != '@')
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf, l, "msg-id");
		const char *r = sift__match_id_right(l + 1, end);
		if (!r)
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf, l + 1, "id-right");
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, r, "msg-id");
	}
	const char *rest = sift__skip_sws(m, end);
	if (rest != end) /* RFC 8262 3.2: one msg-id, no list */
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, rest, "Content-ID");
	/* id-left is dot-atom-text, which holds no "@": the first "@" splits. */
	const char *at = sift__match_id_left(p + 1, m);
	out->id = sift__span(buf, p + 1, m - 1);
	out->left = sift__span(buf, p + 1, at);
	out->right = sift__span(buf, at + 1, m - 1);
	return SIFT_OK;
}
