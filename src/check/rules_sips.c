/*
 * src/check/rules_sips.c - the SIPS scheme (RFC 5630, and the RFC 3261
 * requirements it restates) and IPv6 references (RFC 5954).
 *
 * What RFC 5630 asks of the URIs one message carries:
 *   - 5.1.1 restates RFC 3261 8.1.1.8: "if the Request-URI or top Route
 *     header field value contains a SIPS URI, the Contact header field MUST
 *     contain a SIPS URI as well"; 5.1.2 has a UAS answer 400 when "the
 *     Request-URI is a SIPS URI, but the Contact header field is a SIP URI".
 *   - 5.1.2 restates RFC 3261 12.1.1 for the response: a SIPS Request-URI
 *     or top Record-Route in the dialog-creating request means a SIPS
 *     Contact in the response. The response carries the request's
 *     Record-Route (12.1.1 copies it), so the top one is visible there.
 *   - Record-Route itself: RFC 5630 adds nothing; RFC 3261 16.6 step 4 has a
 *     proxy put a SIPS URI in Record-Route when the Request-URI is SIPS,
 *     and RFC 5630 5.3 keeps a SIPS Request-URI SIPS on every hop, so in a
 *     request with a SIPS Request-URI every Record-Route should be SIPS.
 *   - 5.1.1.1: all Contacts of a REGISTER SIPS => SIPS To and From; any
 *     Contact not SIPS => SIP To and From. 5.2: a SIPS Contact is bound
 *     only when the Request-URI and every Path entry are SIPS.
 *   - 3.1.4 and 5.x: transport=tls, deprecated by RFC 3261 26.2.2, MUST NOT
 *     be used by UAs, proxies or redirect servers.
 * RFC 5954 4.1: RFC 3986's IPv6address replaces RFC 3261's, which allowed
 * "[2001:db8:::192.0.2.1]"; receivers tolerate that form (RFC 5118 4.10),
 * a sender should not write it.
 */
#include <string.h>
#include "sipsift/check.h"
#include "sipsift/hdr.h"
#include "grammar/internal.h"
#include "check/internal.h"

#define report sift__report

/* The URI of one address header value (name-addr or addr-spec), parsed. */
static int addr_uri(const sift__checker *c, const sift_header *h, sift_uri *uri)
{
	sift_addr addr;
	return sift__check_parsed(c, (uint32_t)(h - c->msg->headers), SIFT__PARSE_ADDR,
				  SIFT_ADDR_ALLOW_STAR, &addr, NULL) == SIFT_OK &&
	       !addr.is_star && sift_uri_parse(c->buf, addr.uri, 0, uri, NULL) == SIFT_OK;
}

/* The first value of a header as a parsed URI; 0 when absent or unparsed. */
static int first_uri(const sift__checker *c, sift_header_id id, sift_uri *uri)
{
	const sift_header *h = sift__check_first(c, id);
	return h && addr_uri(c, h, uri);
}

static int request_uri(const sift__checker *c, sift_uri *uri)
{
	return c->msg->kind == SIFT_KIND_REQUEST &&
	       sift_uri_parse(c->buf, c->msg->request_uri, 0, uri, NULL) == SIFT_OK;
}

static const char *scheme_of(const sift__checker *c, const sift_uri *uri, int *len)
{
	*len = (int)uri->scheme_name.len;
	return c->buf + uri->scheme_name.off;
}

/* RFC 3261 8.1.1.8 / 12.1.2 as RFC 5630 5.1.1 restates them. */
static void check_request_contact(sift__checker *c, int ruri_sips)
{
	sift_uri route;
	int route_sips = first_uri(c, SIFT_H_ROUTE, &route) && sift_uri_is_secure(&route);
	if (!ruri_sips && !route_sips)
		return;
	int register_ = sift__check_is_method(c, SIFT_METHOD_REGISTER);
	const sift_msg *msg = c->msg;
	for (uint32_t i = sift_msg_first(msg, SIFT_H_CONTACT); i != SIFT_NONE; i = sift_msg_next(msg, i)) {
		const sift_header *h = &msg->headers[i];
		sift_uri uri;
		if (!addr_uri(c, h, &uri) || sift_uri_is_secure(&uri))
			continue;
		/* RFC 3261 10.2.1: a REGISTER may bind URIs of other schemes
		 * (mailto:) under a SIPS AOR; only a sip: Contact is the
		 * inconsistency RFC 5630 5.1.2 names. */
		if (register_ && uri.scheme != SIFT_SCHEME_SIP)
			continue;
		int len;
		const char *scheme = scheme_of(c, &uri, &len);
		report(c, SIFT_RULE_RFC5630_SIPS_CONTACT, h->value.off, h->value.len,
		       "%s is sips, Contact is %.*s", ruri_sips ? "Request-URI" : "top Route", len, scheme);
	}
}

/* RFC 3261 16.6 step 4 (with RFC 5630 5.3). */
static void check_record_route(sift__checker *c)
{
	const sift_msg *msg = c->msg;
	for (uint32_t i = sift_msg_first(msg, SIFT_H_RECORD_ROUTE); i != SIFT_NONE;
	     i = sift_msg_next(msg, i)) {
		const sift_header *h = &msg->headers[i];
		sift_uri uri;
		if (addr_uri(c, h, &uri) && !sift_uri_is_secure(&uri))
			report(c, SIFT_RULE_RFC3261_SIPS_RECORD_ROUTE, h->value.off, h->value.len,
			       "Request-URI is sips");
	}
}

/* RFC 3261 12.1.1 as RFC 5630 5.1.2 restates it. */
static void check_response_contact(sift__checker *c)
{
	const sift_msg *msg = c->msg;
	sift_uri top;
	if (msg->status <= 100 || msg->status >= 300 || !first_uri(c, SIFT_H_RECORD_ROUTE, &top) ||
	    !sift_uri_is_secure(&top))
		return;
	for (uint32_t i = sift_msg_first(msg, SIFT_H_CONTACT); i != SIFT_NONE; i = sift_msg_next(msg, i)) {
		const sift_header *h = &msg->headers[i];
		sift_uri uri;
		if (addr_uri(c, h, &uri) && !sift_uri_is_secure(&uri))
			report(c, SIFT_RULE_RFC5630_SIPS_RESPONSE_CONTACT, h->value.off, h->value.len,
			       "top Record-Route is sips, Contact is %.*s", (int)uri.scheme_name.len,
			       c->buf + uri.scheme_name.off);
	}
}

/* RFC 5630 5.1.1.1 and 5.2: REGISTER. */
static void check_register(sift__checker *c, const sift_uri *ruri)
{
	const sift_msg *msg = c->msg;
	unsigned contacts = 0, sips_contacts = 0;
	const sift_header *first_sips = NULL;
	for (uint32_t i = sift_msg_first(msg, SIFT_H_CONTACT); i != SIFT_NONE; i = sift_msg_next(msg, i)) {
		sift_uri uri;
		if (!addr_uri(c, &msg->headers[i], &uri))
			continue; /* "*", or a value the syntax rules report */
		contacts++;
		if (sift_uri_is_secure(&uri)) {
			sips_contacts++;
			if (!first_sips)
				first_sips = &msg->headers[i];
		}
	}
	if (!contacts)
		return;
	/* 5.2: "A registrar MUST accept a binding to a SIPS Contact header
	 * field only if all the appropriate URIs are of the SIPS scheme ...
	 * the Request-URI and the Contacts and all the Path header fields". */
	if (first_sips) {
		if (!sift_uri_is_secure(ruri))
			report(c, SIFT_RULE_RFC5630_REGISTER_SIPS_CONTACT, first_sips->value.off,
			       first_sips->value.len, "Contact is sips, Request-URI is not");
		for (uint32_t i = sift_msg_first(msg, SIFT_H_PATH); i != SIFT_NONE; i = sift_msg_next(msg, i)) {
			const sift_header *h = &msg->headers[i];
			sift_uri uri;
			if (addr_uri(c, h, &uri) && !sift_uri_is_secure(&uri))
				report(c, SIFT_RULE_RFC5630_REGISTER_SIPS_CONTACT, h->value.off, h->value.len,
				       "Contact is sips, Path is not");
		}
	}
	/* 5.1.1.1: "If all the Contact header fields in a REGISTER request are
	 * SIPS, the UAC MUST use SIPS AORs in the From and To header fields
	 * ... If at least one of the Contact header fields is not SIPS ... the
	 * UAC MUST use SIP AORs". Only sip/sips AORs are judged. */
	int want_sips = sips_contacts == contacts;
	static const sift_header_id aors[] = { SIFT_H_TO, SIFT_H_FROM };
	for (size_t k = 0; k < 2; k++) {
		const sift_header *h = sift__check_first(c, aors[k]);
		sift_uri uri;
		if (!h || !addr_uri(c, h, &uri) ||
		    (uri.scheme != SIFT_SCHEME_SIP && uri.scheme != SIFT_SCHEME_SIPS))
			continue;
		if (sift_uri_is_secure(&uri) != want_sips)
			report(c, SIFT_RULE_RFC5630_REGISTER_AOR_SCHEME, h->value.off, h->value.len,
			       want_sips ? "%s is sip, every Contact is sips"
					 : "%s is sips, a Contact is not sips",
			       sift_header_name(aors[k]));
	}
}

/* --- URIs anywhere: transport=tls (RFC 5630 3.1.4) and RFC 5954 IPv6 --------- */

/* An IPv6 reference the RFC 3986 grammar (RFC 5954 4.1) does not match;
 * the parsers accepted it through the RFC 3261 form. */
static void check_ipv6_text(sift__checker *c, const char *where, sift_span host)
{
	const char *p = c->buf + host.off, *end = p + host.len;
	if (host.len == 0 || *p != '[' || sift__match_host(p, end) == end)
		return;
	int three_colons = 0;
	for (const char *q = p; q + 2 < end; q++)
		if (q[0] == ':' && q[1] == ':' && q[2] == ':')
			three_colons = 1;
	report(c, SIFT_RULE_RFC5954_IPV6_REFERENCE, host.off, host.len, "%s %.*s: %s", where,
	       (int)host.len, p,
	       three_colons ? "three colons before the IPv4 part" : "not an RFC 3986 IPv6address");
}

/* One sip/sips URI: its host, its maddr, its transport. */
static void check_uri_text(sift__checker *c, const char *where, const sift_uri *uri)
{
	if (uri->scheme != SIFT_SCHEME_SIP && uri->scheme != SIFT_SCHEME_SIPS)
		return;
	check_ipv6_text(c, where, uri->host);
	sift_uri_params params;
	if (sift_uri_params_parse(c->buf, uri->params, 0, &params, NULL) != SIFT_OK)
		return;
	if (params.has_maddr)
		check_ipv6_text(c, where, params.maddr);
	if (params.has_transport &&
	    sift__equal_nocase(c->buf + params.transport.off, params.transport.len, "tls"))
		report(c, SIFT_RULE_RFC5630_TRANSPORT_TLS, params.transport.off, params.transport.len,
		       "%s %.*s", where, (int)(uri->opaque.off + uri->opaque.len - uri->scheme_name.off),
		       c->buf + uri->scheme_name.off);
}

/* Whether check_uri_text() could report anything on a URI inside these
 * bytes: an IPv6 reference needs a '[', transport=tls the letters "tls" in
 * some case after a '=' and white space (sift_param_next skips SWS there).
 * Most values hold neither, and parsing each address header again only to
 * find that out was a tenth of siplint's time. */
static int may_hold_finding(const char *buf, sift_span text)
{
	const char *p = buf + text.off, *end = p + text.len;
	if (memchr(p, '[', text.len))
		return 1;
	while ((p = memchr(p, '=', (size_t)(end - p))) != NULL) {
		p++;
		while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
			p++;
		if (end - p >= 3 && (p[0] | 0x20) == 't' && (p[1] | 0x20) == 'l' && (p[2] | 0x20) == 's')
			return 1;
	}
	return 0;
}

/* Whether text starts with "sips:" in any case: a Request-URI that does not
 * is not sift_uri_is_secure() whatever else it holds. */
static int starts_sips(const char *buf, sift_span text)
{
	const char *p = buf + text.off;
	return text.len >= 5 && (p[0] | 0x20) == 's' && (p[1] | 0x20) == 'i' &&
	       (p[2] | 0x20) == 'p' && (p[3] | 0x20) == 's' && p[4] == ':';
}

static void check_all_uris(sift__checker *c, const sift_uri *ruri, int have_ruri)
{
	static const sift_header_id ids[] = {
		SIFT_H_FROM,  SIFT_H_TO,   SIFT_H_CONTACT,       SIFT_H_ROUTE,    SIFT_H_RECORD_ROUTE,
		SIFT_H_REPLY_TO, SIFT_H_PATH, SIFT_H_SERVICE_ROUTE, SIFT_H_REFER_TO,
	};
	const sift_msg *msg = c->msg;
	if (have_ruri && may_hold_finding(c->buf, msg->request_uri))
		check_uri_text(c, "Request-URI", ruri);
	for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++)
		for (uint32_t i = sift_msg_first(msg, ids[k]); i != SIFT_NONE; i = sift_msg_next(msg, i)) {
			sift_uri uri;
			if (may_hold_finding(c->buf, msg->headers[i].value) &&
			    addr_uri(c, &msg->headers[i], &uri))
				check_uri_text(c, sift_header_name(ids[k]), &uri);
		}
	/* Via sent-by and maddr are hosts too: only an IPv6 reference ('[')
	 * can be reported. */
	for (uint32_t i = sift_msg_first(msg, SIFT_H_VIA); i != SIFT_NONE; i = sift_msg_next(msg, i)) {
		sift_span v = msg->headers[i].value;
		sift_via via;
		if (!memchr(c->buf + v.off, '[', v.len) ||
		    sift_via_parse(c->buf, v, 0, &via, NULL) != SIFT_OK)
			continue;
		check_ipv6_text(c, "Via", via.host);
		check_ipv6_text(c, "Via maddr", via.maddr);
	}
}

void sift__check_sips(sift__checker *c)
{
	/* The Request-URI is parsed only when some rule below reads it: a sips
	 * one, a REGISTER, or one check_uri_text() could report on. */
	sift_uri ruri;
	const sift_msg *msg = c->msg;
	int have_ruri = msg->kind == SIFT_KIND_REQUEST &&
			(starts_sips(c->buf, msg->request_uri) ||
			 sift__check_is_method(c, SIFT_METHOD_REGISTER) ||
			 may_hold_finding(c->buf, msg->request_uri)) &&
			request_uri(c, &ruri);
	if (c->msg->kind == SIFT_KIND_REQUEST) {
		int ruri_sips = have_ruri && sift_uri_is_secure(&ruri);
		check_request_contact(c, ruri_sips);
		if (ruri_sips)
			check_record_route(c);
		if (have_ruri && sift__check_is_method(c, SIFT_METHOD_REGISTER))
			check_register(c, &ruri);
	} else if (c->msg->kind == SIFT_KIND_RESPONSE) {
		check_response_contact(c);
	}
	check_all_uris(c, &ruri, have_ruri);
}
