/*
 * src/check/rules_session.c - single-message rules of the session and
 * dialog family: RFC 5393 (Max-Breadth), RFC 4916 (from-change option
 * tag), RFC 6878 (Priority registry) and RFC 3261 20.26, RFC 7462 (alert
 * URNs in Alert-Info), RFC 7463 (the appearance parameter).
 *
 * Values that do not parse at all are rfc3261-header-syntax's (check.c),
 * except Max-Breadth, whose every bad value is rfc5393-max-breadth-value.
 * Where a strict parse already rejects a value (a bad alert URN, a second
 * appearance in one value), the rule here stays quiet in strict mode so
 * one fault gives one finding.
 */
#include <string.h>
#include "check/internal.h"
#include "grammar/internal.h"
#include "sipsift/session.h"

#define report sift__report
#define first sift__check_first

static int strict_parse(const sift__checker *c)
{
	return (c->config->parse_options & SIFT_OPT_STRICT) != 0;
}

static int is_request(const sift__checker *c)
{
	return c->msg->kind == SIFT_KIND_REQUEST;
}

/* The CSeq method of the message (a response's request), or OTHER. */
static unsigned cseq_method(const sift__checker *c)
{
	const sift_header *h = first(c, SIFT_H_CSEQ);
	sift_cseq cseq;
	if (!h || sift__check_parsed(c, sift_msg_first(c->msg, SIFT_H_CSEQ), SIFT__PARSE_CSEQ, 0, &cseq, NULL) !=
			  SIFT_OK)
		return SIFT_METHOD_OTHER;
	return cseq.method_id;
}

/* RFC 5393 5.3.1: "a single positive integer ... no parameters"; 5.4.1:
 * meaningless in CANCEL; 5.3.3 and 5.3.4: 60 is the recommended value and
 * the recommended proxy maximum. */
static void check_max_breadth(sift__checker *c)
{
	const sift_msg *msg = c->msg;
	for (uint32_t i = sift_msg_first(msg, SIFT_H_MAX_BREADTH); i != SIFT_NONE; i = sift_msg_next(msg, i)) {
		sift_span v = msg->headers[i].value;
		const char *text = c->buf + v.off;
		sift_error err = { SIFT_OK, 0, NULL, SIFT_H_MAX_BREADTH };
		uint32_t n = 0;
		sift_code code = sift_max_breadth_parse(c->buf, v, 0, &n, &err);
		if (code != SIFT_OK) {
			report(c, SIFT_RULE_RFC5393_MAX_BREADTH_VALUE, v.off, v.len, "Max-Breadth: %.*s (%s)",
			       (int)v.len, text,
			       code == SIFT_E_NUMBER_RANGE ? "above 2**32 - 1" : "not 1*DIGIT alone");
			continue;
		}
		if (n == 0) {
			report(c, SIFT_RULE_RFC5393_MAX_BREADTH_VALUE, v.off, v.len,
			       "Max-Breadth: 0 (not a positive integer)");
			continue;
		}
		if (is_request(c) && msg->method_id == SIFT_METHOD_CANCEL)
			report(c, SIFT_RULE_RFC5393_MAX_BREADTH_IN_CANCEL, v.off, v.len, "Max-Breadth: %u",
			       (unsigned)n);
		if (n > 60)
			report(c, SIFT_RULE_RFC5393_MAX_BREADTH_ABOVE_60, v.off, v.len, "Max-Breadth: %u",
			       (unsigned)n);
	}
}

/* RFC 4916 3: "there is no need to send this option tag in a Require
 * header field"; a UAS without the extension answers 420 (RFC 3261
 * 8.2.2.3), which is what the Supported-only design avoids. */
static void check_from_change(sift__checker *c)
{
	static const sift_header_id ids[] = { SIFT_H_REQUIRE, SIFT_H_PROXY_REQUIRE };
	for (size_t k = 0; k < 2; k++) {
		for (uint32_t i = sift_msg_first(c->msg, ids[k]); i != SIFT_NONE; i = sift_msg_next(c->msg, i)) {
			sift_span v = c->msg->headers[i].value;
			const char *p = c->buf + v.off, *end = p + v.len;
			while (p < end && (*p == ' ' || *p == '\t'))
				p++;
			size_t len = 0;
			while (p + len < end && p[len] != ' ' && p[len] != '\t' && p[len] != '\r' &&
			       p[len] != '\n')
				len++;
			if (len == 11 && memcmp(p, "from-change", 11) == 0) /* option tags are case-sensitive */
				report(c, SIFT_RULE_RFC4916_FROM_CHANGE_REQUIRED, (uint32_t)(p - c->buf), 11,
				       "%s: from-change", sift_header_name(ids[k]));
		}
	}
}

/* RFC 6878 2: the Priority registry (RFC 3261's four values, RFC 7090's
 * psap-callback); RFC 3261 20.26 and table 3: a request header, "-" for
 * ACK, BYE, CANCEL, OPTIONS and REGISTER. */
static void check_priority(sift__checker *c)
{
	const sift_header *h = first(c, SIFT_H_PRIORITY);
	sift_priority prio;
	if (!h || sift_priority_parse(c->buf, h->value, 0, &prio, NULL) != SIFT_OK)
		return;
	if (prio.id == SIFT_PRIORITY_OTHER)
		report(c, SIFT_RULE_RFC6878_PRIORITY_UNREGISTERED, prio.value.off, prio.value.len,
		       "Priority: %.*s", (int)prio.value.len, c->buf + prio.value.off);
	unsigned m = c->msg->method_id;
	if (!is_request(c))
		report(c, SIFT_RULE_RFC3261_PRIORITY_NOT_APPLICABLE, h->name.off, h->name.len,
		       "Priority in a %u response", c->msg->status);
	else if (m == SIFT_METHOD_ACK || m == SIFT_METHOD_BYE || m == SIFT_METHOD_CANCEL ||
		 m == SIFT_METHOD_OPTIONS || m == SIFT_METHOD_REGISTER)
		report(c, SIFT_RULE_RFC3261_PRIORITY_NOT_APPLICABLE, h->name.off, h->name.len,
		       "Priority in %.*s", (int)c->msg->method.len, c->buf + c->msg->method.off);
}

/* RFC 7462 4.1 (replacing RFC 3261 20.4's first paragraph): Alert-Info in
 * an INVITE, or in a non-100 provisional response to one. Requests of the
 * RFC 3261 methods other than INVITE are reported; extension methods are
 * left to their own specifications. */
static int alert_info_misplaced(const sift__checker *c)
{
	const sift_msg *msg = c->msg;
	if (is_request(c)) {
		unsigned m = msg->method_id;
		return m == SIFT_METHOD_ACK || m == SIFT_METHOD_BYE || m == SIFT_METHOD_CANCEL ||
		       m == SIFT_METHOD_OPTIONS || m == SIFT_METHOD_REGISTER;
	}
	return msg->status <= 100 || msg->status >= 200 || cseq_method(c) != SIFT_METHOD_INVITE;
}

static void check_alert_urn(sift__checker *c, const sift_info_value *u)
{
	sift_alert_urn_status urn;
	sift_error err = { SIFT_OK, 0, NULL, SIFT_H_ALERT_INFO };
	const char *uri = c->buf + u->uri.off;
	int len = (int)u->uri.len;
	sift_code code = sift_alert_urn_parse(c->buf, u->uri, &urn, &err);
	if (code == SIFT_E_URI) {
		if (!strict_parse(c)) /* a strict parse reports it as header syntax */
			report(c, SIFT_RULE_RFC7462_ALERT_URN_SYNTAX, err.offset, 1, "%.*s: expected %s", len,
			       uri, err.rule);
		return;
	}
	if (code != SIFT_OK)
		return;
	if (!urn.registered)
		report(c, SIFT_RULE_RFC7462_ALERT_URN_UNREGISTERED, u->uri.off, u->uri.len,
		       "%.*s: not a registered alert identifier", len, uri);
	else if (urn.case_differs)
		report(c, SIFT_RULE_RFC7462_ALERT_URN_UNREGISTERED, u->uri.off, u->uri.len,
		       "%.*s: registered with another case", len, uri);
}

/* RFC 7463 7: appearance-param = "appearance" EQUAL 1*DIGIT, at most one
 * in the Alert-Info header field, added by a proxy to the INVITE; 5.3: "A
 * UA MUST NOT insert an 'appearance' parameter". */
static void check_alert_info(sift__checker *c)
{
	const sift_msg *msg = c->msg;
	int placement_done = 0;
	unsigned appearances = 0;
	int invite = is_request(c) && msg->method_id == SIFT_METHOD_INVITE;
	for (uint32_t i = sift_msg_first(msg, SIFT_H_ALERT_INFO); i != SIFT_NONE; i = sift_msg_next(msg, i)) {
		const sift_header *h = &msg->headers[i];
		sift_info_value u;
		if (sift_alert_info_parse(c->buf, h->value, 0, &u, NULL) != SIFT_OK)
			continue; /* rfc3261-header-syntax */
		if (!placement_done && alert_info_misplaced(c)) {
			placement_done = 1;
			if (is_request(c))
				report(c, SIFT_RULE_RFC7462_ALERT_INFO_PLACEMENT, h->name.off, h->name.len,
				       "Alert-Info in %.*s", (int)msg->method.len, c->buf + msg->method.off);
			else
				report(c, SIFT_RULE_RFC7462_ALERT_INFO_PLACEMENT, h->name.off, h->name.len,
				       "Alert-Info in a %u response", msg->status);
		}
		if (u.is_alert_urn)
			check_alert_urn(c, &u);
		if (!u.has_appearance)
			continue;
		sift_span cursor = u.params;
		sift_param param;
		unsigned here = 0;
		while (sift_param_next(c->buf, &cursor, &param)) {
			if (!sift__equal_nocase(c->buf + param.name.off, param.name.len, "appearance"))
				continue;
			here++;
			const char *v = c->buf + param.value.off, *v_end = v + param.value.len;
			int digits = param.has_value && param.value.len > 0;
			for (const char *p = v; digits && p < v_end; p++)
				digits = *p >= '0' && *p <= '9';
			if (!digits && !strict_parse(c))
				report(c, SIFT_RULE_RFC7463_APPEARANCE_SYNTAX, param.name.off,
				       param.name.len + (param.has_value ? param.value.len + 1 : 0), "%.*s",
				       (int)(param.has_value ? param.value.off + param.value.len - param.name.off
							     : param.name.len),
				       c->buf + param.name.off);
			/* the second one; a strict parse reports it within one value */
			if (++appearances == 2 && !(strict_parse(c) && here > 1))
				report(c, SIFT_RULE_RFC7463_APPEARANCE_REPEATED, param.name.off, param.name.len,
				       "second appearance parameter");
		}
		if (!invite && is_request(c))
			report(c, SIFT_RULE_RFC7463_APPEARANCE_PLACEMENT, h->value.off, h->value.len,
			       "appearance in %.*s", (int)msg->method.len, c->buf + msg->method.off);
		else if (!invite)
			report(c, SIFT_RULE_RFC7463_APPEARANCE_PLACEMENT, h->value.off, h->value.len,
			       "appearance in a %u response", msg->status);
		else if (sift_msg_count(msg, SIFT_H_VIA) == 1)
			report(c, SIFT_RULE_RFC7463_APPEARANCE_FROM_UA, h->value.off, h->value.len,
			       "one Via: the sending UA inserted appearance");
	}
}

void sift__check_session(sift__checker *c)
{
	check_max_breadth(c);
	check_from_change(c);
	check_priority(c);
	check_alert_info(c);
}
