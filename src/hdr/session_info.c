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
 * The alert URN check (RFC 7462 7) is local to this file: the URI layer
 * (sipsift/uri.h) may grow a general URN parser (RFC 8141) that this could
 * then share; the alert-URN grammar itself comes from grammar/rfc7462.abnf.
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

static sift_code parse_info_value(const char *buf, sift_span value, unsigned options,
				 sift_info_value *out, sift_error *err, int kind)
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
	const char *after = sift__parse_header_params(buf, q, end, &out->params, err, list_rules[kind]);
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
			sift_alert_urn urn;
			if ((code = sift_alert_urn_parse(buf, out->uri, &urn, err)) != SIFT_OK)
				goto fail;
		}
	}
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
			int token = param.has_value && sift__match_token(v, v_end) == v_end;
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
	return parse_info_value(buf, value, options, out, err, KIND_ALERT);
}

sift_code sift_call_info_parse(const char *buf, sift_span value, unsigned options,
			       sift_info_value *out, sift_error *err)
{
	return parse_info_value(buf, value, options, out, err, KIND_CALL);
}

sift_code sift_error_info_parse(const char *buf, sift_span value, unsigned options,
				sift_info_value *out, sift_error *err)
{
	return parse_info_value(buf, value, options, out, err, KIND_ERROR);
}

/* RFC 7462 9.2.1: the initial "Alert URN Identifiers" registry, as
 * registered (case included). locale:country:<ISO 3166-1 code> is a
 * pattern, handled apart. */
static const char *const alert_categories[] = {
	"service", "source", "priority", "duration", "delay", "locale",
};
static const char *const alert_identifiers[] = {
	"service:normal",     "service:call-waiting", "service:forward",
	"service:recall:callback", "service:recall:hold", "service:recall:transfer",
	"source:unclassified", "source:internal",     "source:external",
	"source:friend",      "source:family",        "priority:normal",
	"priority:low",       "priority:high",        "duration:normal",
	"duration:short",     "duration:long",        "delay:none",
	"delay:yes",          "locale:default",
};

/* Looks [p, end) up in a table: 2 when written as registered, 1 when only
 * case-insensitively equal, 0 when absent. */
static int lookup(const char *p, const char *end, const char *const *table, size_t count)
{
	size_t len = (size_t)(end - p);
	for (size_t i = 0; i < count; i++) {
		if (!sift__equal_nocase(p, len, table[i]))
			continue;
		return memcmp(p, table[i], len) == 0 ? 2 : 1;
	}
	return 0;
}

static int is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

sift_code sift_alert_urn_parse(const char *buf, sift_span uri, sift_alert_urn *out,
			       sift_error *err)
{
	static const sift_alert_urn empty;
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	const char *p = buf + uri.off, *end = p + uri.len;
	if (!has_alert_prefix(p, end))
		return SIFT_E_NOT_FOUND;

	/* alert-identifier = alert-category ":" alert-indication; every part
	 * between colons is an alert-name (alert-label or label@provider).
	 * The walk names the part that fails; the generated matcher decides. */
	const char *part = p + 10, *standard_end = NULL;
	unsigned parts = 0;
	int private_seen = 0;
	for (;;) {
		const char *part_end = part;
		while (part_end < end && *part_end != ':')
			part_end++;
		const char *m = sift__match_alert_name(part, part_end);
		if (m != part_end) {
			*out = empty;
			return sift__fail(err, SIFT_E_URI, buf, m && m > part ? m : part,
					  parts == 0 ? "alert-category" : "alert-ind-part");
		}
		int is_private = memchr(part, '@', (size_t)(part_end - part)) != NULL;
		if (parts == 0)
			out->category = sift__span(buf, part, part_end);
		else if (parts == 1)
			out->indication = sift__span(buf, part, end);
		if (is_private && !private_seen) {
			private_seen = 1;
			/* the standardized part ends before this one */
			standard_end = parts == 0 ? NULL : part - 1;
		}
		parts++;
		if (part_end >= end)
			break;
		part = part_end + 1;
	}
	if (parts < 2) {
		*out = empty;
		return sift__fail(err, SIFT_E_URI, buf, end, "alert-indication");
	}
	if (sift__match_alert_urn(p, end) != end) { /* cannot happen after the walk */
		*out = empty;
		return sift__fail(err, SIFT_E_URI, buf, p, "alert-URN");
	}
	out->has_private = (uint8_t)private_seen;

	/* RFC 7462 7, "Validation mechanism": the portion before the first
	 * private-name must itself be a standardized alert URN. */
	const char *std = p + 10;
	if (private_seen && !standard_end) {
		out->registered = 1; /* a private category: nothing standard */
		return SIFT_OK;
	}
	if (!standard_end)
		standard_end = end;
	const char *category_end = buf + out->category.off + out->category.len;
	int found;
	if (standard_end == category_end)
		found = lookup(std, standard_end, alert_categories,
			       sizeof alert_categories / sizeof alert_categories[0]);
	else
		found = lookup(std, standard_end, alert_identifiers,
			       sizeof alert_identifiers / sizeof alert_identifiers[0]);
	/* locale:country:<ISO 3166-1 alpha-2 code> (RFC 7462 8.2.6) */
	if (!found && standard_end - std == 17 && sift__equal_nocase(std, 15, "locale:country:") &&
	    is_alpha((unsigned char)std[15]) && is_alpha((unsigned char)std[16]))
		found = memcmp(std, "locale:country:", 15) == 0 ? 2 : 1;
	out->registered = found > 0;
	out->case_differs = found == 1;
	return SIFT_OK;
}
