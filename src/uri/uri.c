/*
 * src/uri/uri.c - SIP/SIPS (RFC 3261 19.1), tel (RFC 3966) and absolute URIs.
 *
 * The parser splits a URI into spans with the ABNF matchers of the grammar
 * layer: scheme, userinfo, host, port, each uri-parameter and header. It
 * checks the whole span: a URI followed by anything it cannot explain fails
 * at the first byte it cannot explain.
 */
#include "sipsift/uri.h"
#include "sipsift/msg.h"
#include "grammar/internal.h"
#include <string.h>

static sift_code parse_sip(const char *buf, const char *p, const char *end, unsigned options,
			   sift_uri *out, sift_error *err)
{
	(void)options; /* no option changes the SIP-URI grammar today */
	/* userinfo: ( user / telephone-subscriber ) [ ":" password ] "@".
	 * Only userinfo may hold an '@' (host, params and headers cannot, RFC 3261
	 * 25), so a match that ends in '@' is the userinfo, and without an '@'
	 * in the URI there is none to look for (most Contact and Via-like
	 * URIs: "sip:192.0.2.4:5060;lr"). */
	const char *at = memchr(p, '@', (size_t)(end - p)) ? sift__match_userinfo_fast(p, end) : NULL;
	if (at) {
		const char *colon = p;
		while (colon < at - 1 && *colon != ':')
			colon++;
		out->has_user = 1;
		out->user = sift__span(buf, p, colon);
		if (colon < at - 1)
			out->password = sift__span(buf, colon + 1, at - 1);
		p = at;
	}
	/* The kind comes with the match: a host that is exactly an
	 * IPv4address is one (dec-octet first), one in [ ] an IPv6reference. */
	unsigned kind = SIFT_HOST_IPV6;
	const char *host_end = sift__scan_host(p, end, &kind);
	/* RFC 5118 4.10: tolerate the three-colon form of RFC 3261's IPv6
	 * ABNF that RFC 5954 corrected, in every mode. */
	if (!host_end)
		host_end = sift__match_ipv6reference_rfc3261(p, end);
	if (!host_end)
		return sift__fail(err, SIFT_E_URI, buf, p, "host");
	out->host = sift__span(buf, p, host_end);
	out->host_kind = (sift_host_kind)kind;
	p = host_end;
	if (p < end && *p == ':') {
		const char *port_end = sift__match_port(p + 1, end);
		uint32_t port;
		if (!port_end)
			return sift__fail(err, SIFT_E_URI, buf, p + 1, "port");
		if (!sift__parse_uint(p + 1, port_end, 65535, &port))
			return sift__fail(err, SIFT_E_NUMBER_RANGE, buf, p + 1, "port");
		out->port_text = sift__span(buf, p + 1, port_end);
		out->port = (uint16_t)port;
		out->has_port = 1;
		p = port_end;
	}
	/* uri-parameters = *( ";" uri-parameter ) */
	const char *params = p;
	while (p < end && *p == ';') {
		const char *next = sift__match_uri_parameter_bv(p + 1, end);
		if (!next)
			return sift__fail(err, SIFT_E_URI, buf, p + 1, "uri-parameter");
		p = next;
	}
	if (p > params)
		out->params = sift__span(buf, params + 1, p);
	else
		out->params = sift__span(buf, p, p);
	/* headers = "?" header *( "&" header ) */
	if (p < end && *p == '?') {
		const char *headers = p + 1;
		do {
			const char *next = sift__match_uri_header(p + 1, end);
			if (!next)
				return sift__fail(err, SIFT_E_URI, buf, p + 1, "header");
			p = next;
		} while (p < end && *p == '&');
		out->headers = sift__span(buf, headers, p);
	}
	if (p != end)
		return sift__fail(err, SIFT_E_URI, buf, p, "SIP-URI");
	return SIFT_OK;
}

/* tel URI, RFC 3966 3: "tel:" telephone-subscriber; the number runs to the
 * first ';' and the parameters after it. */
static sift_code parse_tel(const char *buf, const char *p, const char *end, sift_uri *out,
			   sift_error *err)
{
	const char *stop = sift__match_telephone_subscriber(p, end);
	if (stop != end)
		return sift__fail(err, SIFT_E_URI, buf, stop ? stop : p, "telephone-subscriber");
	const char *semicolon = p;
	while (semicolon < end && *semicolon != ';')
		semicolon++;
	/* RFC 3966 3 lets isdn-subaddress = ";isub=" 1*uric hold ';' (uric
	 * takes every reserved character), which makes the parameter list
	 * ambiguous. sipsift reads every ';' as the start of a parameter, as
	 * the parameter walkers do, so each one must begin with a tel-pname. */
	for (const char *q = semicolon; q < end;) {
		const char *name = ++q;
		while (q < end && ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
				   (*q >= '0' && *q <= '9') || *q == '-'))
			q++;
		if (q == name)
			return sift__fail(err, SIFT_E_URI, buf, name, "tel-pname");
		while (q < end && *q != ';')
			q++;
	}
	out->has_user = 1;
	out->user = sift__span(buf, p, semicolon);
	out->params = semicolon < end ? sift__span(buf, semicolon + 1, end)
				      : sift__span(buf, end, end);
	return SIFT_OK;
}

sift_code sift_uri_parse(const char *buf, sift_span uri, unsigned options, sift_uri *out,
			 sift_error *err)
{
	static const sift_uri empty;
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	const char *start = buf + uri.off, *end = start + uri.len;
	/* "sip:" and "sips:" (any case) need no scheme DFA: the scheme matched
	 * is the letters before the ':' (RFC 3986 3.1: scheme = ALPHA
	 * *( ALPHA / DIGIT / "+" / "-" / "." )). */
	if (end - start >= 4 && (start[0] | 0x20) == 's' && (start[1] | 0x20) == 'i' &&
	    (start[2] | 0x20) == 'p') {
		const char *colon = start[3] == ':' ? start + 3
				  : end - start >= 5 && (start[3] | 0x20) == 's' && start[4] == ':'
				  ? start + 4 : NULL;
		if (colon) {
			out->scheme = colon == start + 3 ? SIFT_SCHEME_SIP : SIFT_SCHEME_SIPS;
			out->scheme_name = sift__span(buf, start, colon);
			out->opaque = sift__span(buf, colon + 1, end);
			return parse_sip(buf, colon + 1, end, options, out, err);
		}
	}
	const char *scheme_end = sift__match_scheme(start, end);
	if (!scheme_end || scheme_end == end || *scheme_end != ':')
		return sift__fail(err, SIFT_E_URI, buf, scheme_end ? scheme_end : start, "scheme");
	size_t scheme_len = (size_t)(scheme_end - start);
	out->scheme_name = sift__span(buf, start, scheme_end);
	out->opaque = sift__span(buf, scheme_end + 1, end);
	/* Scheme names are case-insensitive (RFC 3261 19.1.4, RFC 3986 3.1);
	 * sip and sips took the path above. */
	if (sift__equal_nocase(start, scheme_len, "tel")) {
		out->scheme = SIFT_SCHEME_TEL;
		return parse_tel(buf, scheme_end + 1, end, out, err);
	}
	out->scheme = SIFT_SCHEME_OTHER;
	const char *stop = sift__match_absolute_uri_bv(start, end);
	if (stop != end)
		return sift__fail(err, SIFT_E_URI, buf, stop ? stop : scheme_end + 1, "absoluteURI");
	/* RFC 8141: a "urn:" absoluteURI that is a namestring is a URN. One
	 * that is not ("urn:x:y", a one-character NID) is still a valid RFC
	 * 3261 absoluteURI: kept as another scheme unless strict. */
	if (sift__equal_nocase(start, scheme_len, "urn")) {
		sift_urn urn;
		sift_code code = sift_urn_parse(buf, uri, options, &urn, err);
		if (code == SIFT_OK)
			out->scheme = SIFT_SCHEME_URN;
		else if (options & SIFT_OPT_STRICT)
			return code;
	}
	return SIFT_OK;
}

int sift_uri_is_secure(const sift_uri *uri)
{
	return uri && uri->scheme == SIFT_SCHEME_SIPS;
}

/* Skips SWS (LWS may fold) around separators in header parameter lists. */
static const char *skip_sws(const char *p, const char *end)
{
	return sift__skip_sws(p, end);
}

int sift_param_next(const char *buf, sift_span *cursor, sift_param *out)
{
	static const sift_param empty;
	const char *p = buf + cursor->off, *end = p + cursor->len;
	*out = empty;
	p = skip_sws(p, end);
	while (p < end && *p == ';')
		p = skip_sws(p + 1, end);
	if (p >= end) {
		*cursor = sift__span(buf, end, end);
		return 0;
	}
	/* The name runs to '=', ';', white space or the end. */
	const char *name = p;
	while (p < end && *p != '=' && *p != ';' && !sift__is_wsp((unsigned char)*p) &&
	       *p != '\r' && *p != '\n')
		p++;
	/* A byte that starts no name (a bare LF in a list no parser checked):
	 * it becomes a one-byte name, so every call moves the cursor and a
	 * walk over any bytes ends. */
	if (p == name)
		p++;
	out->name = sift__span(buf, name, p);
	const char *after_name = skip_sws(p, end);
	if (after_name < end && *after_name == '=') {
		const char *value = skip_sws(after_name + 1, end);
		const char *stop = value;
		if (stop < end && *stop == '"') {
			const char *quoted = sift__match_quoted_string_fast(stop, end);
			stop = quoted ? quoted : end;
		} else {
			while (stop < end && *stop != ';' && !sift__is_wsp((unsigned char)*stop) &&
			       *stop != '\r' && *stop != '\n')
				stop++;
		}
		out->value = sift__span(buf, value, stop);
		out->has_value = 1;
		p = stop;
	}
	*cursor = sift__span(buf, p, end);
	return 1;
}

int sift_param_find(const char *buf, sift_span params, const char *name, sift_param *out)
{
	sift_param param;
	while (sift_param_next(buf, &params, &param)) {
		if (sift__equal_nocase(buf + param.name.off, param.name.len, name)) {
			if (out)
				*out = param;
			return 1;
		}
	}
	return 0;
}
