/*
 * src/hdr/via.c - Via (RFC 3261 20.42, 25; RFC 5118 4.5; RFC 3581 rport).
 *
 *   via-parm      = sent-protocol LWS sent-by *( SEMI via-params )
 *   sent-protocol = protocol-name SLASH protocol-version SLASH transport
 *   sent-by       = host [ COLON port ]
 */
#include "hdr/internal.h"

/* SLASH = SWS "/" SWS */
static const char *slash(const char *p, const char *end)
{
	p = sift__match_sws(p, end);
	if (p >= end || *p != '/')
		return NULL;
	return sift__match_sws(p + 1, end);
}

sift_code sift_via_parse(const char *buf, sift_span value, unsigned options, sift_via *out,
			 sift_error *err)
{
	static const sift_via empty;
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	const char *p = buf + value.off, *end = p + value.len;
	const char *q;
	(void)options; /* no option changes the Via grammar today */

	p = sift__match_sws(p, end);
	/* protocol-name = "SIP" / token; protocol-version = token; transport =
	 * "UDP" / "TCP" / "TLS" / "SCTP" / other-transport (a token). */
	if (!(q = sift__match_token(p, end)))
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "sent-protocol");
	out->protocol_name = sift__span(buf, p, q);
	if (!(p = slash(q, end)))
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, q, "sent-protocol");
	if (!(q = sift__match_token(p, end)))
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "protocol-version");
	out->protocol_version = sift__span(buf, p, q);
	if (!(p = slash(q, end)))
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, q, "sent-protocol");
	if (!(q = sift__match_token(p, end)))
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "transport");
	out->transport = sift__span(buf, p, q);

	/* LWS sent-by */
	if (!(p = sift__match_lws(q, end)))
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, q, "LWS");
	q = sift__match_host(p, end);
	if (!q) /* RFC 5118 4.10, as in src/uri/uri.c */
		q = sift__match_ipv6reference_rfc3261(p, end);
	if (!q)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "sent-by");
	out->host = sift__span(buf, p, q);
	out->host_kind = *p == '[' ? SIFT_HOST_IPV6
		       : sift__match_ipv4address(p, q) == q ? SIFT_HOST_IPV4 : SIFT_HOST_NAME;
	p = q;
	/* COLON = SWS ":" SWS */
	q = sift__match_sws(p, end);
	if (q < end && *q == ':') {
		const char *digits = sift__match_sws(q + 1, end);
		const char *digits_end = sift__match_port(digits, end);
		uint32_t port;
		if (!digits_end)
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf, digits, "port");
		if (!sift__parse_uint(digits, digits_end, 65535, &port))
			return sift__fail(err, SIFT_E_NUMBER_RANGE, buf, digits, "port");
		out->port_text = sift__span(buf, digits, digits_end);
		out->port = (uint16_t)port;
		out->has_port = 1;
		p = digits_end;
	}

	/* via-params: via-ttl / via-maddr / via-received / via-branch are all
	 * generic-param in form; the known ones are checked for their own rule. */
	p = sift__parse_via_params(buf, p, end, &out->params, err);
	if (!p)
		return err ? err->code : SIFT_E_HEADER_VALUE;
	q = sift__match_sws(p, end);
	if (q != end)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, q, "via-parm");

	sift_span cursor = out->params;
	sift_param param;
	while (sift_param_next(buf, &cursor, &param)) {
		const char *name = buf + param.name.off, *v = buf + param.value.off;
		const char *v_end = v + param.value.len;
		size_t len = param.name.len;
		if (sift__equal_nocase(name, len, "branch")) {
			/* via-branch = "branch" EQUAL token */
			if (!param.has_value || sift__match_token(v, v_end) != v_end)
				return sift__fail(err, SIFT_E_HEADER_VALUE, buf, v, "via-branch");
			out->branch = param.value;
		} else if (sift__equal_nocase(name, len, "received")) {
			/* via-received = "received" EQUAL (IPv4address / IPv6address);
			 * RFC 5118 4.5: also accept an IPv6reference. */
			int ok = param.has_value &&
				 (sift__match_ipv4address(v, v_end) == v_end ||
				  sift__match_ipv6address(v, v_end) == v_end ||
				  (v < v_end && *v == '[' && sift__match_host(v, v_end) == v_end));
			if (!ok)
				return sift__fail(err, SIFT_E_HEADER_VALUE, buf, v, "via-received");
			out->received = param.value;
		} else if (sift__equal_nocase(name, len, "maddr")) {
			if (!param.has_value || sift__match_host(v, v_end) != v_end)
				return sift__fail(err, SIFT_E_HEADER_VALUE, buf, v, "via-maddr");
			out->maddr = param.value;
		} else if (sift__equal_nocase(name, len, "ttl")) {
			/* ttl = 1*3DIGIT ; 0 to 255 */
			uint32_t ttl;
			if (!param.has_value || param.value.len > 3 ||
			    sift__match_digits(v, v_end) != v_end || !sift__parse_uint(v, v_end, 255, &ttl))
				return sift__fail(err, SIFT_E_HEADER_VALUE, buf, v, "via-ttl");
			out->ttl = param.value;
		} else if (sift__equal_nocase(name, len, "rport")) {
			/* RFC 3581 3: response-port = "rport" [EQUAL 1*DIGIT] */
			out->has_rport = 1;
			if (param.has_value) {
				if (sift__match_digits(v, v_end) != v_end)
					return sift__fail(err, SIFT_E_HEADER_VALUE, buf, v, "response-port");
				out->rport = param.value;
			}
		}
	}
	return SIFT_OK;
}
