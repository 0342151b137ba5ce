/*
 * src/hdr/session_info.c - the <URI>-valued headers Alert-Info (RFC 3261
 * 20.4; RFC 7463 7 appearance; RFC 7462 alert URNs), Call-Info (20.9) and
 * Error-Info (20.18).
 *
 *   alert-param  = LAQUOT absoluteURI RAQUOT *( SEMI (generic-param /
 *                  appearance-param) )          (RFC 7463 7)
 *   appearance-param = "appearance" EQUAL 1*DIGIT
 *   info         = LAQUOT absoluteURI RAQUOT *( SEMI info-param)
 *   info-param   = ( "purpose" EQUAL ( "icon" / "info" / "card" / token ) )
 *                  / generic-param
 *   error-uri    = LAQUOT absoluteURI RAQUOT *( SEMI generic-param )
 *
 * Alert URNs (RFC 7462 7) are checked by the URI layer
 * (sift_alert_urn_check, src/uri/urn.c), grammar and registry both;
 * sift_alert_urn_parse here adds the header layer's view of the verdict.
 */
#include <string.h>
#include "hdr/internal.h"
#include "sipsift/session.h"

enum { KIND_ALERT, KIND_CALL, KIND_ERROR };

static int span_is(const char *buf, sift_span s, const char *literal)
{
	return sift__equal_nocase(buf + s.off, s.len, literal);
}

static int has_alert_prefix(const char *p, const char *end)
{
	/* "urn:alert:" - ABNF strings, the URN scheme and the NID (RFC 8141
	 * 3.1) all compare case-insensitively. */
	return end - p >= 10 && sift__equal_nocase(p, 10, "urn:alert:");
}

/* walk: read the parameters after the check (always when strict, where
 * appearance and purpose can fail; by default only to fill out). */
static sift_code parse_info_value(const char *buf, sift_span value, unsigned options,
				 sift_info_value *out, sift_error *err, int kind, int walk)
{
	static const sift_info_value empty;
	static const char *const list_rules[] = { "alert-param", "info-param", "generic-param" };
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	unsigned strict = options & SIFT_OPT_STRICT;
	sift_code code = SIFT_OK;
	const char *p = buf + value.off, *end = p + value.len, *q;
	p = sift__skip_sws(p, end);
	if (!(q = sift__session_angle_uri(buf, p, end, options, &out->uri, err, &code)))
		goto fail;
	/* No parameter after the RAQUOT ("<http://.../moo.wav>"): none to walk. */
	out->params = sift__span(buf, q, q);
	const char *after = q == end ? q
			  : sift__parse_header_params(buf, q, end, &out->params, err,
						      list_rules[kind]);
	if (!after) {
		code = SIFT_E_HEADER_VALUE;
		goto fail;
	}
	after = sift__skip_sws(after, end);
	if (after != end) {
		code = sift__fail(err, SIFT_E_HEADER_VALUE, buf, after, list_rules[kind]);
		goto fail;
	}

	if (kind == KIND_ALERT) {
		const char *u = buf + out->uri.off, *u_end = u + out->uri.len;
		out->is_alert_urn = (uint8_t)has_alert_prefix(u, u_end);
		/* Strict: a urn:alert: URI follows RFC 7462 7's ABNF. */
		if (strict && out->is_alert_urn) {
			sift_alert_urn_status urn;
			if ((code = sift_alert_urn_parse(buf, out->uri, &urn, err)) != SIFT_OK)
				goto fail;
		}
	}
	if (!walk && !strict)
		return SIFT_OK;
	sift_span cursor = out->params;
	sift_param param;
	while (sift_param_next(buf, &cursor, &param)) {
		const char *v = buf + param.value.off, *v_end = v + param.value.len;
		const char *at = param.has_value ? v : buf + param.name.off + param.name.len;
		if (kind == KIND_ALERT && span_is(buf, param.name, "appearance")) {
			/* appearance-param = "appearance" EQUAL 1*DIGIT; RFC 7463 7:
			 * "MUST NOT be more than one" */
			int digits = param.has_value && sift__match_digits(v, v_end) == v_end;
			if (strict && (!digits || out->appearance_count > 0)) {
				code = sift__fail(err, SIFT_E_HEADER_VALUE, buf,
						  digits ? buf + param.name.off : at, "appearance-param");
				goto fail;
			}
			if (out->appearance_count < UINT8_MAX)
				out->appearance_count++;
			if (!out->has_appearance) {
				out->appearance = param.value;
				out->has_appearance = 1;
			}
		} else if (kind == KIND_CALL && span_is(buf, param.name, "purpose")) {
			int token = param.has_value && sift__match_token_bv(v, v_end) == v_end;
			if (!token) {
				if (strict) {
					code = sift__fail(err, SIFT_E_HEADER_VALUE, buf, at, "info-param");
					goto fail;
				}
				continue; /* a generic-param named purpose */
			}
			out->purpose = param.value;
			out->purpose_id = span_is(buf, param.value, "icon")   ? SIFT_PURPOSE_ICON
					: span_is(buf, param.value, "info") ? SIFT_PURPOSE_INFO
					: span_is(buf, param.value, "card") ? SIFT_PURPOSE_CARD
									    : SIFT_PURPOSE_OTHER;
		}
	}
	return SIFT_OK;
fail:
	*out = empty;
	return code;
}

sift_code sift_alert_info_parse(const char *buf, sift_span value, unsigned options,
				sift_info_value *out, sift_error *err)
{
	return parse_info_value(buf, value, options, out, err, KIND_ALERT, 1);
}

sift_code sift_call_info_parse(const char *buf, sift_span value, unsigned options,
			       sift_info_value *out, sift_error *err)
{
	return parse_info_value(buf, value, options, out, err, KIND_CALL, 1);
}

sift_code sift_error_info_parse(const char *buf, sift_span value, unsigned options,
				sift_info_value *out, sift_error *err)
{
	return parse_info_value(buf, value, options, out, err, KIND_ERROR, 1);
}

sift_code sift__info_value_check(const char *buf, sift_header_id id, sift_span value,
				 unsigned options, sift_error *err)
{
	sift_info_value parsed;
	int kind = id == SIFT_H_ALERT_INFO ? KIND_ALERT : id == SIFT_H_CALL_INFO ? KIND_CALL
										  : KIND_ERROR;
	return parse_info_value(buf, value, options, &parsed, err, kind, 0);
}

sift_code sift_alert_urn_parse(const char *buf, sift_span uri, sift_alert_urn_status *out,
			       sift_error *err)
{
	static const sift_alert_urn_status empty;
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	const char *p = buf + uri.off, *end = p + uri.len;
	if (!has_alert_prefix(p, end))
		return SIFT_E_NOT_FOUND;
	sift_alert_urn parts;
	sift_code code = sift_alert_urn_check(buf, uri, 0, &parts, err);
	if (code != SIFT_OK && code != SIFT_E_NOT_FOUND)
		return code;
	out->category = parts.category;
	out->indication = parts.indication;
	out->has_private = parts.is_private;
	out->registered = code == SIFT_OK;
	/* Registered case-insensitively, but not as written in the registry:
	 * the strict check compares case (RFC 7462 7). */
	out->case_differs = code == SIFT_OK &&
			    sift_alert_urn_check(buf, uri, SIFT_OPT_STRICT, NULL, NULL) != SIFT_OK;
	return SIFT_OK;
}
