/*
 * src/check/rules_addr.c - rules on address header fields: the name-addr
 * form RFC 8217 requires, and the outbound parameters and Flow-Timer of
 * RFC 5626. Single-message rules; each reads as its RFC sentence.
 */
#include <string.h>
#include "sipsift/check.h"
#include "sipsift/addr.h"
#include "check/internal.h"

#define report sift__report
#define first sift__check_first

/* RFC 8217 3: "the addr-spec form MUST NOT be used if its value would
 * contain a comma, semicolon, or question mark", for every header field
 * RFC 8217 3 and 4 list (sift_addr_rfc8217_covers). */
static void check_name_addr_required(sift__checker *c)
{
	const sift_msg *msg = c->msg;
	for (uint32_t i = 0; i < msg->header_count; i++) {
		const sift_header *h = &msg->headers[i];
		const char *name = c->buf + h->name.off;
		/* sift_addr_rfc8217_covers() looks the name up again; the ids it
		 * covers are address headers (tests/unit/test_rules.c holds
		 * that), and the unregistered names it knows are 13 or 18 bytes
		 * long, so other registered headers are passed over here. */
		if (h->id != SIFT_H_OTHER && !sift_header_is_addr((sift_header_id)h->id) &&
		    h->name.len != 13 && h->name.len != 18)
			continue;
		if (!sift_addr_rfc8217_covers(name, h->name.len))
			continue;
		unsigned flags = sift_header_is_addr((sift_header_id)h->id)
					 ? sift_addr_flags((sift_header_id)h->id) : 0;
		sift_error err;
		if (sift_addr_spec_check(c->buf, h->value, flags, &err) == SIFT_OK)
			continue;
		report(c, SIFT_RULE_RFC8217_NAME_ADDR_REQUIRED, err.offset, 1, "%.*s: '%c' in an addr-spec",
		       (int)h->name.len, name, c->buf[err.offset]);
	}
}

/* RFC 5626 6: "A Contact header field value with ... a reg-id but no
 * instance-id is not valid." */
static void check_reg_id(sift__checker *c)
{
	for (uint32_t i = sift_msg_first(c->msg, SIFT_H_CONTACT); i != SIFT_NONE;
	     i = sift_msg_next(c->msg, i)) {
		sift_addr a;
		if (sift__check_parsed(c, i, SIFT__PARSE_ADDR, sift_addr_flags(SIFT_H_CONTACT), &a, NULL) !=
		    SIFT_OK)
			continue;
		if (a.has_reg_id && !a.has_instance)
			report(c, SIFT_RULE_RFC5626_REG_ID_WITHOUT_INSTANCE, a.reg_id_text.off,
			       a.reg_id_text.len, "reg-id=%.*s", (int)a.reg_id_text.len,
			       c->buf + a.reg_id_text.off);
	}
}

/* Whether a parameter list holds "ob"; *at receives its name's offset. */
static int find_ob(const char *buf, sift_span params, uint32_t *at)
{
	sift_param p;
	if (!sift_param_find(buf, params, "ob", &p))
		return 0;
	*at = p.name.off;
	return 1;
}

/* RFC 5626 11.3 registers ob as a SIP/SIPS URI parameter: in Contact (4.3),
 * Path (5.1) and the Route copied from it (5.3.1) it belongs inside the
 * < >. 5.1: "If the edge proxy is not the first SIP node after the UAC it
 * MUST NOT place an 'ob' URI parameter in a Path header field value"; the
 * first node's value is the last one, since each proxy adds its own on top. */
static void check_ob(sift__checker *c)
{
	static const sift_header_id ids[] = { SIFT_H_CONTACT, SIFT_H_PATH, SIFT_H_ROUTE,
					      SIFT_H_RECORD_ROUTE, SIFT_H_SERVICE_ROUTE };
	for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++) {
		for (uint32_t i = sift_msg_first(c->msg, ids[k]); i != SIFT_NONE;
		     i = sift_msg_next(c->msg, i)) {
			sift_addr a;
			sift_uri uri;
			uint32_t at;
			if (sift__check_parsed(c, i, SIFT__PARSE_ADDR, sift_addr_flags(ids[k]), &a, NULL) !=
				    SIFT_OK || a.is_star)
				continue;
			if (find_ob(c->buf, a.params, &at))
				report(c, SIFT_RULE_RFC5626_OB_PLACEMENT, at, 2,
				       "%s: ob after the URI is a header parameter",
				       sift_header_name(ids[k]));
			else if (ids[k] == SIFT_H_PATH && sift_msg_next(c->msg, i) != SIFT_NONE &&
				 sift_uri_parse(c->buf, a.uri, 0, &uri, NULL) == SIFT_OK &&
				 find_ob(c->buf, uri.params, &at))
				report(c, SIFT_RULE_RFC5626_OB_PLACEMENT, at, 2,
				       "Path: ob in a value above the first hop's");
		}
	}
}

/* Whether Require holds the option tag outbound (RFC 5626 11.4). */
static int requires_outbound(const sift__checker *c)
{
	for (uint32_t i = sift_msg_first(c->msg, SIFT_H_REQUIRE); i != SIFT_NONE;
	     i = sift_msg_next(c->msg, i)) {
		sift_span v = c->msg->headers[i].value;
		if (v.len == 8 && memcmp(c->buf + v.off, "outbound", 8) == 0)
			return 1;
	}
	return 0;
}

/* RFC 5626 10: Flow-Timer = "Flow-Timer" HCOLON 1*DIGIT. 5.4 and 6: a proxy
 * or registrar "MAY include a Flow-Timer header field if the response
 * contains the outbound option-tag in a Require header field value", in a
 * successful registration response; 4.4 reads it there only. */
static void check_flow_timer(sift__checker *c)
{
	const sift_header *h = first(c, SIFT_H_FLOW_TIMER);
	if (!h)
		return;
	uint32_t seconds;
	if (sift_uint_parse(c->buf, h->value, UINT32_MAX, &seconds, NULL) != SIFT_OK)
		report(c, SIFT_RULE_RFC5626_FLOW_TIMER_SYNTAX, h->value.off, h->value.len,
		       "Flow-Timer: %.*s", (int)h->value.len, c->buf + h->value.off);
	const sift_msg *msg = c->msg;
	const sift_header *cseq_header = first(c, SIFT_H_CSEQ);
	sift_cseq cseq;
	int register_2xx = msg->kind == SIFT_KIND_RESPONSE && msg->status >= 200 &&
			   msg->status < 300 && cseq_header &&
			   sift__check_parsed(c, sift_msg_first(msg, SIFT_H_CSEQ), SIFT__PARSE_CSEQ, 0, &cseq, NULL) ==
				   SIFT_OK &&
			   cseq.method_id == SIFT_METHOD_REGISTER;
	if (!register_2xx)
		report(c, SIFT_RULE_RFC5626_FLOW_TIMER_PLACEMENT, h->name.off, h->name.len,
		       msg->kind == SIFT_KIND_REQUEST ? "in a request" : "in a response other than 2xx to REGISTER");
	else if (!requires_outbound(c))
		report(c, SIFT_RULE_RFC5626_FLOW_TIMER_PLACEMENT, h->name.off, h->name.len,
		       "no Require: outbound");
}

void sift__check_addr(sift__checker *c)
{
	check_name_addr_required(c);
	check_reg_id(c);
	check_ob(c);
	check_flow_timer(c);
}
