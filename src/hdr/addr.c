/*
 * src/hdr/addr.c - name-addr / addr-spec with header parameters
 * (RFC 3261 20.10, 20.20, 20.39, 25; RFC 8217 for the addr-spec limits;
 * RFC 5626 10 for the Contact parameters reg-id and +sip.instance).
 *
 *   name-addr    = [ display-name ] LAQUOT addr-spec RAQUOT
 *   display-name = *(token LWS) / quoted-string
 *   addr-spec    = SIP-URI / SIPS-URI / absoluteURI
 *
 * The typed views built on it (Referred-By, Diversion, History-Info) and
 * the RFC 8217 check are in src/hdr/addr_ext.c.
 */
#include "hdr/internal.h"
#include <stddef.h>
#include <string.h>

/* In addr-spec form a header parameter starts at the first ';' (RFC 3261
 * 20.10: "the URI ... is interpreted as a header parameter"), and the URI
 * cannot hold white space or ','. */
static const char *addr_spec_end(const char *p, const char *end)
{
	while (p < end && *p != ';' && *p != ',' && !sift__is_wsp((unsigned char)*p) &&
	       *p != '\r' && *p != '\n')
		p++;
	return p;
}

/* c-p-q = "q" EQUAL qvalue (RFC 3261 25) */
static int is_qvalue(const char *value, const char *end, int has_value)
{
	return has_value && sift__match_qvalue(value, end) == end;
}

/* c-p-expires = "expires" EQUAL delta-seconds; c-p-reg = "reg-id" EQUAL
 * 1*DIGIT (RFC 5626 10). Ranges are checked after the walk. */
static int is_digits(const char *value, const char *end, int has_value)
{
	return has_value && sift__match_digits(value, end) == end;
}

/* c-p-instance = "+sip.instance" EQUAL DQUOTE "<" instance-val ">" DQUOTE */
static int is_instance(const char *value, const char *end, int has_value)
{
	return has_value && sift__match_instance_value(value, end) == end;
}

/* A qvalue matched by sift__match_qvalue in thousandths: "0.7" = 700. */
static uint16_t qvalue_thousandths(const char *p, const char *end)
{
	unsigned value = (unsigned)(*p - '0') * 1000, scale = 100;
	for (p += 2; p < end; p++, scale /= 10)
		value += (unsigned)(*p - '0') * scale;
	return (uint16_t)value;
}

/* RFC 3261 10.3: "Implementations MAY treat values larger than 2**32-1 ...
 * as equivalent to 2**32-1", so by default a larger expires is that; strict
 * holds it to the range 20.19 gives Expires. RFC 5626 10: "The value of the
 * reg-id MUST NOT be 0 and MUST be less than 2^31", in every mode. Every
 * occurrence is checked, not only the one captured. */
static sift_code check_contact_numbers(const char *buf, sift_addr *out, unsigned options,
				       sift_error *err)
{
	if (out->has_expires) {
		uint32_t seconds;
		const char *v = buf + out->expires_text.off;
		out->expires = sift__parse_uint(v, v + out->expires_text.len, UINT32_MAX, &seconds)
				       ? seconds : UINT32_MAX;
	}
	if (out->has_reg_id) {
		const char *v = buf + out->reg_id_text.off;
		if (!sift__parse_uint(v, v + out->reg_id_text.len, 0x7FFFFFFFu, &out->reg_id))
			out->reg_id = 0;
	}
	if (!out->has_reg_id && !(out->has_expires && (options & SIFT_OPT_STRICT)))
		return SIFT_OK;
	sift_span cursor = out->params;
	sift_param param;
	while (sift_param_next(buf, &cursor, &param)) {
		const char *name = buf + param.name.off, *v = buf + param.value.off;
		uint32_t number;
		if (sift__equal_nocase(name, param.name.len, "reg-id")) {
			if (!sift__parse_uint(v, v + param.value.len, 0x7FFFFFFFu, &number) || number == 0)
				return sift__fail(err, SIFT_E_NUMBER_RANGE, buf, v, "c-p-reg");
		} else if ((options & SIFT_OPT_STRICT) &&
			   sift__equal_nocase(name, param.name.len, "expires")) {
			if (!sift__parse_uint(v, v + param.value.len, UINT32_MAX, &number))
				return sift__fail(err, SIFT_E_NUMBER_RANGE, buf, v, "c-p-expires");
		}
	}
	return SIFT_OK;
}

static sift_code parse_uri_in(const char *buf, const char *from, const char *to,
			      unsigned options, sift_error *err)
{
	sift_uri uri;
	return sift_uri_parse(buf, sift__span(buf, from, to), options, &uri, err);
}

sift_code sift__addr_parse_want(const char *buf, sift_span value, unsigned options,
				sift_addr *out, sift_error *err, const sift__param_want *extra,
				size_t extra_count)
{
	static const sift_addr empty;
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	const char *start = buf + value.off, *end = start + value.len;
	const char *p = sift__skip_sws(start, end);
	sift_code code;

	if ((options & SIFT_ADDR_ALLOW_STAR) && p < end && *p == '*') {
		/* Contact: STAR = SWS "*" SWS, alone */
		if (sift__skip_sws(p + 1, end) != end)
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p + 1, "STAR");
		out->is_star = 1;
		return SIFT_OK;
	}

	/* name-addr if a '<' starts the address after an optional display name. */
	const char *display_start = p, *display_end = p;
	int name_addr = 0;
	if (p < end && *p == '"') {
		const char *q = sift__match_quoted_string_fast(p, end);
		if (!q)
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "quoted-string");
		display_end = q;
		p = sift__skip_sws(q, end);
		if (p >= end || *p != '<')
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "LAQUOT");
		name_addr = 1;
		out->display_quoted = 1;
	} else {
		/* *(token LWS): RFC 4475 3.1.1.6 requires accepting no LWS before
		 * '<' ("caller<sip:...>"). If the tokens are not followed by '<',
		 * this is an addr-spec and the scan is discarded. */
		const char *q = p, *last = p;
		for (;;) {
			const char *t = sift__match_token_bv(q, end);
			if (!t)
				break;
			last = t;
			q = sift__skip_sws(t, end);
		}
		if (q < end && *q == '<') {
			display_end = last;
			p = q;
			name_addr = 1;
		} else {
			/* A '<' later on means a malformed display name (RFC 4475
			 * 3.1.2.15: non-token characters must be quoted). */
			const char *lt = q;
			while (lt < end && *lt != '<' && *lt != '"')
				lt++;
			if (lt < end && *lt == '<' && q != p && *q != ':')
				return sift__fail(err, SIFT_E_HEADER_VALUE, buf, q, "display-name");
		}
	}

	if (name_addr) {
		out->is_name_addr = 1;
		out->display = sift__span(buf, display_start, display_end);
		/* LAQUOT addr-spec RAQUOT: no white space inside (RFC 4475 3.1.2.14
		 * lets a liberal receiver ignore it). */
		const char *uri = p + 1;
		const char *close = memchr(uri, '>', (size_t)(end - uri));
		if (!close)
			close = end;
		if (close >= end)
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf, close, "RAQUOT");
		const char *uri_start = uri, *uri_end = close;
		if ((options & SIFT_OPT_STRICT) && uri < close &&
		    (sift__is_wsp((unsigned char)uri[0]) || sift__is_wsp((unsigned char)close[-1])))
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf,
					  sift__is_wsp((unsigned char)uri[0]) ? uri : close - 1, "addr-spec");
		if (!(options & SIFT_OPT_STRICT)) {
			uri_start = sift__skip_sws(uri, close);
			while (uri_end > uri_start && sift__is_wsp((unsigned char)uri_end[-1]))
				uri_end--;
		}
		code = parse_uri_in(buf, uri_start, uri_end, options, err);
		if (code != SIFT_OK)
			return code;
		out->uri = sift__span(buf, uri_start, uri_end);
		p = close + 1;
	} else {
		if (options & SIFT_ADDR_NAME_ADDR_ONLY)
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "name-addr");
		/* RFC 3325 9.1, 9.2: PAssertedID-value = name-addr / addr-spec and
		 * nothing after it, so an addr-spec is the whole value (RFC 8217
		 * still forbids ',', ';' and '?' in it: sift_addr_spec_check). */
		const char *uri_end = (options & SIFT_ADDR_NO_PARAMS) ? p : addr_spec_end(p, end);
		if (options & SIFT_ADDR_NO_PARAMS)
			while (uri_end < end && !sift__is_wsp((unsigned char)*uri_end) &&
			       *uri_end != '\r' && *uri_end != '\n')
				uri_end++;
		if (uri_end == p)
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "addr-spec");
		/* RFC 3261 20.10, RFC 8217: a URI with ',', ';' or '?' must be in
		 * <>. ';' and ',' already end the URI here; '?' is accepted by
		 * default (RFC 4475 3.1.2.13 lets a liberal receiver) and rejected
		 * when strict. */
		if (options & SIFT_OPT_STRICT) {
			const char *q = p;
			while (q < uri_end && *q != '?')
				q++;
			if (q < uri_end)
				return sift__fail(err, SIFT_E_HEADER_VALUE, buf, q, "addr-spec");
		}
		code = parse_uri_in(buf, p, uri_end, options, err);
		if (code != SIFT_OK)
			return code;
		out->uri = sift__span(buf, p, uri_end);
		p = uri_end;
	}

	if (options & SIFT_ADDR_NO_PARAMS) {
		/* RFC 3325 9.1: "exactly one name-addr or addr-spec". */
		const char *q = sift__skip_sws(p, end);
		if (q != end)
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf, q,
					  out->is_name_addr ? "name-addr" : "addr-spec");
		out->params = sift__span(buf, end, end);
		return SIFT_OK;
	}

	/* tag-param = "tag" EQUAL token, and with SIFT_ADDR_CONTACT the
	 * contact-params of RFC 3261 20.10 and RFC 5626 10, captured and checked
	 * while the list is walked (in sift__scan_addr_param_name's order); then
	 * the caller's own (Diversion...), by name. */
	static const sift__param_slot slots[] = {
		{ "tag-param", sift__param_is_token, offsetof(sift_addr, tag),
		  offsetof(sift_addr, has_tag) },
		{ "c-p-q", is_qvalue, offsetof(sift_addr, q_text), offsetof(sift_addr, has_q) },
		{ "c-p-expires", is_digits, offsetof(sift_addr, expires_text),
		  offsetof(sift_addr, has_expires) },
		{ "c-p-reg", is_digits, offsetof(sift_addr, reg_id_text),
		  offsetof(sift_addr, has_reg_id) },
		{ "c-p-instance", is_instance, offsetof(sift_addr, instance),
		  offsetof(sift_addr, has_instance) },
	};
	size_t classified = (options & SIFT_ADDR_CONTACT) ? sizeof slots / sizeof slots[0] : 1;
	p = sift__parse_params_classified(buf, p, end, &out->params, err, "generic-param", slots,
					  classified, out, sift__scan_addr_param_name, extra,
					  extra_count);
	if (!p)
		return err ? err->code : SIFT_E_HEADER_VALUE;
	p = sift__skip_sws(p, end);
	if (p != end)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "generic-param");
	if (out->has_instance) {
		/* The instance-val inside the DQUOTE "<" ... ">" DQUOTE. */
		out->instance.off += 2;
		out->instance.len -= 4;
	}
	if (out->has_q) {
		const char *q = buf + out->q_text.off;
		out->q = qvalue_thousandths(q, q + out->q_text.len);
	}
	return check_contact_numbers(buf, out, options, err);
}

sift_code sift_addr_parse(const char *buf, sift_span value, unsigned options, sift_addr *out,
			  sift_error *err)
{
	return sift__addr_parse_want(buf, value, options, out, err, NULL, 0);
}
