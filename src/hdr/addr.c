/*
 * src/hdr/addr.c - name-addr / addr-spec with header parameters
 * (RFC 3261 20.10, 20.20, 20.39, 25; RFC 8217 for the addr-spec limits).
 *
 *   name-addr    = [ display-name ] LAQUOT addr-spec RAQUOT
 *   display-name = *(token LWS) / quoted-string
 *   addr-spec    = SIP-URI / SIPS-URI / absoluteURI
 */
#include "hdr/internal.h"

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

static int is_token_value(const char *value, const char *end, int has_value)
{
	return has_value && sift__match_token(value, end) == end;
}

static sift_code parse_uri_in(const char *buf, const char *from, const char *to,
			      unsigned options, sift_error *err)
{
	sift_uri uri;
	return sift_uri_parse(buf, sift__span(buf, from, to), options, &uri, err);
}

sift_code sift_addr_parse(const char *buf, sift_span value, unsigned options, sift_addr *out,
			  sift_error *err)
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
		const char *q = sift__match_quoted_string(p, end);
		if (!q)
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "quoted-string");
		display_end = q;
		p = sift__skip_sws(q, end);
		if (p >= end || *p != '<')
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "LAQUOT");
		name_addr = 1;
	} else {
		/* *(token LWS): RFC 4475 3.1.1.6 requires accepting no LWS before
		 * '<' ("caller<sip:...>"). If the tokens are not followed by '<',
		 * this is an addr-spec and the scan is discarded. */
		const char *q = p, *last = p;
		for (;;) {
			const char *t = sift__match_token(q, end);
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
		const char *uri = p + 1, *close = uri;
		while (close < end && *close != '>')
			close++;
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
		const char *uri_end = addr_spec_end(p, end);
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

	/* tag-param = "tag" EQUAL token, captured while the list is checked. */
	const sift__param_want want[] = {
		{ "tag", "tag-param", is_token_value, &out->tag, &out->has_tag },
	};
	p = sift__parse_params_want(buf, p, end, &out->params, err, "generic-param", want, 1);
	if (!p)
		return err ? err->code : SIFT_E_HEADER_VALUE;
	p = sift__skip_sws(p, end);
	if (p != end)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "generic-param");
	return SIFT_OK;
}
