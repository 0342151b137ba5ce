/*
 * src/check/rules_event.c - single-message rules of event notification:
 * RFC 6665 (Event, Subscription-State, Expires of SUBSCRIBE 2xx, 202),
 * RFC 6446 (rate-control parameters), RFC 7621 (notifiers use GRUUs) and
 * RFC 5367 (resource lists in SUBSCRIBE).
 *
 * Header values are read with the typed parsers in the default (liberal)
 * mode, so the extension forms the grammar allows reach the rules that name
 * them; a value that does not parse at all is rfc3261-header-syntax's, and
 * the rules here skip it.
 */
#include <string.h>
#include "sipsift/check.h"
#include "sipsift/hdr.h"
#include "sipsift/event.h"
#include "grammar/internal.h"
#include "check/internal.h"

typedef sift__checker checker;
#define report sift__report
#define first sift__check_first

/* What the rules need to know about the message once. */
typedef struct event_context {
	int request;
	unsigned method;         /* request method, or the CSeq method of a response */
	int have_method;
	unsigned status;         /* responses */
	int success;             /* 2xx response */
} event_context;

static int is_response_to(const event_context *e, unsigned method)
{
	return !e->request && e->have_method && e->method == method;
}

static int equal_nocase(const char *buf, sift_span s, const char *literal)
{
	return sift__equal_nocase(buf + s.off, s.len, literal);
}

/* ---- RFC 6665 ---------------------------------------------------------------- */

/* 3.1.2, 3.2.1: SUBSCRIBE and NOTIFY carry Event; 4.1.3: NOTIFY carries
 * Subscription-State; 3.1.1: a 2xx to SUBSCRIBE carries Expires; 8.3.1: no
 * 202 to SUBSCRIBE or NOTIFY. */
static void check_presence(checker *c, const event_context *e)
{
	const sift_msg *msg = c->msg;
	if (e->request && (e->method == SIFT_METHOD_SUBSCRIBE || e->method == SIFT_METHOD_NOTIFY) &&
	    !first(c, SIFT_H_EVENT))
		report(c, SIFT_RULE_RFC6665_MISSING_EVENT, msg->start_line.off, msg->start_line.len,
		       "%.*s", (int)msg->method.len, c->buf + msg->method.off);
	if (e->request && e->method == SIFT_METHOD_NOTIFY && !first(c, SIFT_H_SUBSCRIPTION_STATE))
		report(c, SIFT_RULE_RFC6665_MISSING_SUBSCRIPTION_STATE, msg->start_line.off,
		       msg->start_line.len, NULL);
	if (is_response_to(e, SIFT_METHOD_SUBSCRIBE) && e->success && !first(c, SIFT_H_EXPIRES))
		report(c, SIFT_RULE_RFC6665_SUBSCRIBE_2XX_MISSING_EXPIRES, msg->start_line.off,
		       msg->start_line.len, "%u response to SUBSCRIBE", e->status);
	if (e->status == 202 &&
	    (is_response_to(e, SIFT_METHOD_SUBSCRIBE) || is_response_to(e, SIFT_METHOD_NOTIFY)))
		report(c, SIFT_RULE_RFC6665_202_RESPONSE, msg->start_line.off + 8, 3,
		       "202 to %s", e->method == SIFT_METHOD_SUBSCRIBE ? "SUBSCRIBE" : "NOTIFY");
}

/* 8.2.1 (with RFC 6446 9.3, RFC 3903 4): where Event may appear; 8.2.3:
 * Subscription-State only in NOTIFY requests. */
static void check_placement(checker *c, const event_context *e)
{
	const sift_header *h = first(c, SIFT_H_EVENT);
	if (h) {
		int allowed;
		if (e->request)
			allowed = e->method == SIFT_METHOD_SUBSCRIBE || e->method == SIFT_METHOD_NOTIFY ||
				  e->method == SIFT_METHOD_PUBLISH ||
				  e->method == SIFT_METHOD_OTHER; /* an extension may call for it */
		else
			allowed = e->success && is_response_to(e, SIFT_METHOD_NOTIFY);
		if (!allowed && e->request)
			report(c, SIFT_RULE_RFC6665_EVENT_MISPLACED, h->name.off, h->name.len,
			       "Event in %.*s", (int)c->msg->method.len, c->buf + c->msg->method.off);
		else if (!allowed)
			report(c, SIFT_RULE_RFC6665_EVENT_MISPLACED, h->name.off, h->name.len,
			       "Event in a %u response", e->status);
	}
	h = first(c, SIFT_H_SUBSCRIPTION_STATE);
	if (h && !(e->request && e->method == SIFT_METHOD_NOTIFY))
		report(c, SIFT_RULE_RFC6665_SUBSCRIPTION_STATE_OUTSIDE_NOTIFY, h->name.off, h->name.len,
		       e->request ? "in a request" : "in a response");
}

/* 8.4: "id" EQUAL token. */
static void check_event_id(checker *c, const sift_event *ev, const sift_header *h)
{
	if (!ev->has_id || ev->id_is_token)
		return;
	if (ev->id.len)
		report(c, SIFT_RULE_RFC6665_EVENT_ID_SYNTAX, ev->id.off, ev->id.len, "id=%.*s",
		       (int)ev->id.len, c->buf + ev->id.off);
	else
		report(c, SIFT_RULE_RFC6665_EVENT_ID_SYNTAX, h->value.off, h->value.len,
		       "id without a value");
}

/* 4.1.3 and 4.2.2 on the Subscription-State of a NOTIFY. */
static void check_substate(checker *c, const sift_subscription_state *s, const sift_header *h)
{
	const char *buf = c->buf;
	if (s->state_id == SIFT_SUBSTATE_OTHER) {
		report(c, SIFT_RULE_RFC6665_SUBSTATE_VALUE, s->state.off, s->state.len, "%.*s",
		       (int)s->state.len, buf + s->state.off);
		return;
	}
	if (s->state_id != SIFT_SUBSTATE_TERMINATED) {
		const char *state = s->state_id == SIFT_SUBSTATE_ACTIVE ? "active" : "pending";
		if (!s->has_expires)
			report(c, SIFT_RULE_RFC6665_SUBSTATE_MISSING_EXPIRES, h->value.off, h->value.len,
			       "%s", state);
		if (s->reason_id != SIFT_REASON_NONE)
			report(c, SIFT_RULE_RFC6665_SUBSTATE_PARAM_NO_SEMANTICS, s->reason.off,
			       s->reason.len, "reason on %s", state);
		if (s->has_retry_after)
			report(c, SIFT_RULE_RFC6665_SUBSTATE_PARAM_NO_SEMANTICS, h->value.off,
			       h->value.len, "retry-after on %s", state);
		return;
	}
	/* terminated */
	if (s->has_expires)
		report(c, SIFT_RULE_RFC6665_TERMINATED_WITH_EXPIRES, h->value.off, h->value.len,
		       "expires=%u", (unsigned)s->expires);
	if (s->reason_id == SIFT_REASON_NONE)
		report(c, SIFT_RULE_RFC6665_TERMINATED_WITHOUT_REASON, h->value.off, h->value.len, NULL);
	/* 4.1.3: "The retry-after parameter has no semantics for" these. */
	switch (s->reason_id) {
	case SIFT_REASON_DEACTIVATED:
	case SIFT_REASON_REJECTED:
	case SIFT_REASON_TIMEOUT:
	case SIFT_REASON_NORESOURCE:
		if (s->has_retry_after)
			report(c, SIFT_RULE_RFC6665_SUBSTATE_PARAM_NO_SEMANTICS, s->reason.off,
			       s->reason.len, "retry-after with reason=%.*s", (int)s->reason.len,
			       buf + s->reason.off);
		break;
	case SIFT_REASON_INVARIANT:
		if (!s->has_retry_after)
			report(c, SIFT_RULE_RFC6665_INVARIANT_WITHOUT_RETRY_AFTER, s->reason.off,
			       s->reason.len, NULL);
		break;
	default:
		break;
	}
}

/* ---- RFC 6446 ---------------------------------------------------------------- */

/* 9.2: each rate follows its grammar and is not zero (5.1, 6.1, 7.1). */
static void check_rate_syntax(checker *c, const char *name, const sift_event_rate *rate,
			      const sift_header *h)
{
	if (!rate->present || rate->valid)
		return;
	if (rate->text.len)
		report(c, SIFT_RULE_RFC6446_RATE_SYNTAX, rate->text.off, rate->text.len, "%s=%.*s",
		       name, (int)rate->text.len, c->buf + rate->text.off);
	else
		report(c, SIFT_RULE_RFC6446_RATE_SYNTAX, h->value.off, h->value.len,
		       "%s without a value", name);
}

static void check_rates(checker *c, const sift_event_rate *max, const sift_event_rate *min,
			const sift_event_rate *adaptive, const sift_header *h, int subscriber)
{
	check_rate_syntax(c, "max-rate", max, h);
	check_rate_syntax(c, "min-rate", min, h);
	check_rate_syntax(c, "adaptive-min-rate", adaptive, h);
	/* 8: a subscriber SHOULD choose min-rate and adaptive-min-rate lower
	 * than max-rate, and min-rate lower than adaptive-min-rate; a notifier
	 * MUST adjust min-rate and adaptive-min-rate to max-rate or below. */
	const char *what = NULL;
	if (max->valid && min->valid &&
	    (subscriber ? min->units >= max->units : min->units > max->units))
		what = "min-rate is not below max-rate";
	else if (max->valid && adaptive->valid &&
		 (subscriber ? adaptive->units >= max->units : adaptive->units > max->units))
		what = "adaptive-min-rate is not below max-rate";
	else if (subscriber && min->valid && adaptive->valid && min->units >= adaptive->units)
		what = "min-rate is not below adaptive-min-rate";
	if (what)
		report(c, SIFT_RULE_RFC6446_RATE_ORDER, h->value.off, h->value.len, "%s", what);
}

/* ---- RFC 7621 ---------------------------------------------------------------- */

/* Whether the first Contact's URI is a GRUU: RFC 5627 3.1, a URI with the
 * "gr" parameter. -1 when there is no Contact URI to judge. */
static int contact_is_gruu(const checker *c, const sift_header **contact)
{
	const sift_header *h = first(c, SIFT_H_CONTACT);
	sift_addr addr;
	sift_uri uri;
	*contact = h;
	if (!h ||
	    sift__check_parsed(c, sift_msg_first(c->msg, SIFT_H_CONTACT), SIFT__PARSE_ADDR, SIFT_ADDR_ALLOW_STAR,
			       &addr, NULL) != SIFT_OK ||
	    addr.is_star || sift_uri_parse(c->buf, addr.uri, 0, &uri, NULL) != SIFT_OK ||
	    (uri.scheme != SIFT_SCHEME_SIP && uri.scheme != SIFT_SCHEME_SIPS))
		return -1;
	return sift_param_find(c->buf, uri.params, "gr", NULL);
}

/* RFC 7621 2 (replacing RFC 6665 4.5.1): notifiers use a GRUU as local target
 * for every dialog-forming and target-refresh method, INVITE included,
 * "except for those dialogs for which they will reject all subscription
 * requests". A non-GRUU Contact alone proves nothing: the UA may reject
 * every subscription to that dialog. The rule judges the messages a notifier
 * sends as such (NOTIFY, 2xx to SUBSCRIBE, 2xx to REFER that keeps its
 * implicit subscription) when they also advertise Allow-Events (RFC 6665
 * 4.4.4): a notifier that says it takes subscriptions cannot be in the
 * exception. */
static void check_gruu(checker *c, const event_context *e)
{
	int notifier = 0;
	if (e->request) {
		notifier = e->method == SIFT_METHOD_NOTIFY;
	} else if (e->success && e->have_method) {
		if (e->method == SIFT_METHOD_SUBSCRIBE) {
			notifier = 1;
		} else if (e->method == SIFT_METHOD_REFER) {
			/* RFC 4488 4: no implicit subscription with Refer-Sub: false. */
			const sift_header *rs = first(c, SIFT_H_REFER_SUB);
			sift_refer_sub refer_sub;
			notifier = !(rs && sift_refer_sub_parse(c->buf, rs->value, 0, &refer_sub, NULL) ==
						   SIFT_OK &&
				     !refer_sub.is_true);
		}
	}
	if (!notifier || !first(c, SIFT_H_ALLOW_EVENTS))
		return;
	const sift_header *contact;
	if (contact_is_gruu(c, &contact) != 0)
		return;
	report(c, SIFT_RULE_RFC7621_NOTIFIER_CONTACT_NOT_GRUU, contact->value.off,
	       contact->value.len, "Contact: %.*s", (int)(contact->value.len > 100 ? 100 : contact->value.len), c->buf + contact->value.off);
}

/* ---- RFC 5367 ---------------------------------------------------------------- */

static int has_option_tag(const checker *c, const char *tag)
{
	for (uint32_t i = sift_msg_first(c->msg, SIFT_H_REQUIRE); i != SIFT_NONE;
	     i = sift_msg_next(c->msg, i)) {
		sift_span v = c->msg->headers[i].value;
		const char *p = c->buf + v.off, *end = sift__match_token(p, p + v.len);
		if (end && sift__equal_nocase(p, (size_t)(end - p), tag))
			return 1;
	}
	return 0;
}

/* Whether a media type (Content-Type, an Accept entry) is type/subtype;
 * subtype NULL matches any. */
static int media_is(const checker *c, sift_span value, const char *type, const char *subtype)
{
	sift_media_type media;
	return sift_media_type_parse(c->buf, value, 0, &media, NULL) == SIFT_OK &&
	       equal_nocase(c->buf, media.type, type) &&
	       (!subtype || equal_nocase(c->buf, media.subtype, subtype));
}

/* RFC 5367 3 and 3.2: a SUBSCRIBE that creates a resource list carries it
 * with disposition recipient-list, requires recipient-list-subscribe and
 * accepts application/rlmi+xml; one inside a dialog carries no list. */
static void check_resource_list(checker *c, const event_context *e)
{
	const sift_msg *msg = c->msg;
	if (!e->request || e->method != SIFT_METHOD_SUBSCRIBE)
		return;
	const sift_header *type = first(c, SIFT_H_CONTENT_TYPE);
	const sift_header *disposition = first(c, SIFT_H_CONTENT_DISPOSITION);
	int list_type = type && msg->body.len > 0 &&
			media_is(c, type->value, "application", "resource-lists+xml");
	int multipart = type && media_is(c, type->value, "multipart", NULL);
	int recipient_list = 0;
	if (disposition) {
		const char *p = c->buf + disposition->value.off;
		const char *end = sift__match_token(p, p + disposition->value.len);
		recipient_list = end && sift__equal_nocase(p, (size_t)(end - p), "recipient-list");
	}
	int required = has_option_tag(c, "recipient-list-subscribe");
	int carries_list = list_type || (recipient_list && msg->body.len > 0);
	if (!carries_list && !required)
		return;

	sift_addr to;
	const sift_header *to_header = first(c, SIFT_H_TO);
	int in_dialog = to_header &&
			sift__check_parsed(c, sift_msg_first(msg, SIFT_H_TO), SIFT__PARSE_ADDR, 0, &to, NULL) == SIFT_OK &&
			to.has_tag;
	if (in_dialog) {
		if (carries_list)
			report(c, SIFT_RULE_RFC5367_LIST_IN_SUBSEQUENT_SUBSCRIBE, msg->body.off,
			       msg->body.len, "To has a tag");
		return;
	}
	if (carries_list && !required)
		report(c, SIFT_RULE_RFC5367_LIST_SUBSCRIBE_REQUIRE, msg->start_line.off,
		       msg->start_line.len, NULL);
	/* The list is the body itself (not a part of a multipart body, whose
	 * parts carry their own disposition): it needs recipient-list. */
	if (!recipient_list && !multipart && (list_type || required))
		report(c, SIFT_RULE_RFC5367_LIST_SUBSCRIBE_DISPOSITION,
		       disposition ? disposition->value.off : msg->start_line.off,
		       disposition ? disposition->value.len : msg->start_line.len, "%s",
		       disposition ? "other disposition" : "no Content-Disposition");
	int rlmi = 0;
	for (uint32_t i = sift_msg_first(msg, SIFT_H_ACCEPT); i != SIFT_NONE && !rlmi;
	     i = sift_msg_next(msg, i))
		rlmi = media_is(c, msg->headers[i].value, "application", "rlmi+xml");
	if (!rlmi)
		report(c, SIFT_RULE_RFC5367_LIST_SUBSCRIBE_ACCEPT_RLMI, msg->start_line.off,
		       msg->start_line.len, NULL);
}

void sift__check_event(sift__checker *c)
{
	const sift_msg *msg = c->msg;
	event_context e = { msg->kind == SIFT_KIND_REQUEST, 0, 0, 0, 0 };
	if (e.request) {
		e.method = msg->method_id;
		e.have_method = 1;
	} else {
		const sift_header *h = first(c, SIFT_H_CSEQ);
		sift_cseq cseq;
		if (h && sift__check_parsed(c, sift_msg_first(msg, SIFT_H_CSEQ), SIFT__PARSE_CSEQ, 0, &cseq, NULL) ==
				 SIFT_OK) {
			e.method = cseq.method_id;
			e.have_method = 1;
		}
		e.status = msg->status;
		e.success = msg->status >= 200 && msg->status < 300;
	}

	check_presence(c, &e);
	check_placement(c, &e);

	const sift_header *h = first(c, SIFT_H_EVENT);
	sift_event ev;
	if (h && sift_event_parse(c->buf, h->value, 0, &ev, NULL) == SIFT_OK) {
		check_event_id(c, &ev, h);
		int rates = ev.max_rate.present || ev.min_rate.present || ev.adaptive_min_rate.present;
		int subscriber = (e.request && e.method == SIFT_METHOD_SUBSCRIBE) ||
				 (e.success && is_response_to(&e, SIFT_METHOD_NOTIFY));
		if (rates && !subscriber)
			report(c, SIFT_RULE_RFC6446_RATE_MISPLACED, h->value.off, h->value.len,
			       "Event rate parameter in %s", e.request ? "a request" : "a response");
		check_rates(c, &ev.max_rate, &ev.min_rate, &ev.adaptive_min_rate, h, 1);
	}
	h = first(c, SIFT_H_SUBSCRIPTION_STATE);
	sift_subscription_state s;
	if (h && e.request && e.method == SIFT_METHOD_NOTIFY &&
	    sift_subscription_state_parse(c->buf, h->value, 0, &s, NULL) == SIFT_OK) {
		check_substate(c, &s, h);
		check_rates(c, &s.max_rate, &s.min_rate, &s.adaptive_min_rate, h, 0);
	}
	check_gruu(c, &e);
	check_resource_list(c, &e);
}
