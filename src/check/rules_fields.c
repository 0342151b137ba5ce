/*
 * src/check/rules_fields.c - lint rules of the generic and message-body
 * header fields: Content-Disposition handling and body (RFC 3261 20.11,
 * RFC 5621 8.1), Content-ID and body (RFC 8262 3.3), Require in CANCEL
 * (RFC 3261 9.1), expiry ranges (20.19, 20.23), the headers 405, 420 and
 * 423 must carry (21.4.6, 8.2.2.3, 10.3), Warning codes and where Warning
 * goes (20.43).
 *
 * Syntax is rfc3261-header-syntax's (check.c runs every value through
 * sift_header_validate()); these rules parse liberally and skip values that
 * do not parse, so a malformed value is reported once. Unknown option tags
 * in Require and Proxy-Require are rfc3261-unknown-option-tag (check.c).
 */
#include "sipsift/check.h"
#include "sipsift/fields.h"
#include "check/internal.h"

#define report sift__report
#define first sift__check_first

static int is_response(const sift__checker *c, unsigned status)
{
	return c->msg->kind == SIFT_KIND_RESPONSE && c->msg->status == status;
}

/* RFC 3261 20.11: Content-Disposition describes how the body is to be
 * interpreted; RFC 5621 8.1 (RFC 3204): handling is optional or required. */
static void check_disposition(sift__checker *c)
{
	const sift_header *h = first(c, SIFT_H_CONTENT_DISPOSITION);
	sift_content_disposition d;
	if (!h)
		return;
	if (c->msg->body.len == 0)
		report(c, SIFT_RULE_DISPOSITION_WITHOUT_BODY, h->name.off, h->name.len,
		       "Content-Disposition: %.*s", (int)h->value.len, c->buf + h->value.off);
	if (sift_content_disposition_parse(c->buf, h->value, 0, &d, NULL) == SIFT_OK &&
	    d.handling_kind == SIFT_HANDLING_OTHER)
		report(c, SIFT_RULE_RFC5621_HANDLING_VALUE, d.handling.off, d.handling.len,
		       "handling=%.*s", (int)d.handling.len, c->buf + d.handling.off);
}

/* RFC 8262 3.3: a SIP Content-ID identifies the message-body; 3.4.1: it
 * goes only in messages that can carry one. */
static void check_content_id(sift__checker *c)
{
	const sift_header *h = first(c, SIFT_H_CONTENT_ID);
	if (h && c->msg->body.len == 0)
		report(c, SIFT_RULE_CONTENT_ID_WITHOUT_BODY, h->name.off, h->name.len,
		       "Content-ID: %.*s", (int)h->value.len, c->buf + h->value.off);
}

/* RFC 3261 9.1: "The CANCEL request MUST NOT contain any Require or
 * Proxy-Require header fields" (8.2.2.3 too). */
static void check_require_in_cancel(sift__checker *c)
{
	static const sift_header_id ids[] = { SIFT_H_REQUIRE, SIFT_H_PROXY_REQUIRE };
	if (!sift__check_is_method(c, SIFT_METHOD_CANCEL))
		return;
	for (size_t k = 0; k < 2; k++) {
		const sift_header *h = first(c, ids[k]);
		if (h)
			report(c, SIFT_RULE_REQUIRE_IN_CANCEL, h->name.off, h->name.len, "%s in CANCEL",
			       sift_header_name(ids[k]));
	}
}

/* RFC 3261 20.19, 20.23: 0 to 2**32-1 seconds. The default parse clamps a
 * larger value (10.2.1); when strict, the parse itself fails and
 * rfc3261-header-syntax reports it, so this rule stays quiet then. */
static void check_expiry_ranges(sift__checker *c)
{
	static const sift_header_id ids[] = { SIFT_H_EXPIRES, SIFT_H_MIN_EXPIRES, SIFT_H_RETRY_AFTER };
	if (c->config->parse_options & SIFT_OPT_STRICT)
		return;
	for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++) {
		const sift_header *h = first(c, ids[k]);
		int clamped = 0;
		if (!h)
			continue;
		if (ids[k] == SIFT_H_RETRY_AFTER) {
			sift_retry_after r;
			clamped = sift_retry_after_parse(c->buf, h->value, 0, &r, NULL) == SIFT_OK && r.clamped;
		} else {
			sift_delta_seconds d;
			clamped = sift_delta_seconds_parse(c->buf, h->value, 0, &d, NULL) == SIFT_OK && d.clamped;
		}
		if (clamped)
			report(c, SIFT_RULE_EXPIRES_RANGE, h->value.off, h->value.len, "%s: %.*s%s",
			       sift_header_name(ids[k]), h->value.len > 24 ? 24 : (int)h->value.len,
			       c->buf + h->value.off, h->value.len > 24 ? "..." : "");
	}
}

/* The header a response of this status MUST carry: 405 Allow (21.4.6),
 * 420 Unsupported (8.2.2.3), 423 Min-Expires (10.3 step 7). */
static void check_mandatory_in_responses(sift__checker *c)
{
	static const struct {
		unsigned status;
		sift_header_id id;
		sift_rule_id rule;
	} needs[] = {
		{ 405, SIFT_H_ALLOW, SIFT_RULE_MISSING_ALLOW_405 },
		{ 420, SIFT_H_UNSUPPORTED, SIFT_RULE_MISSING_UNSUPPORTED_420 },
		{ 423, SIFT_H_MIN_EXPIRES, SIFT_RULE_MISSING_MIN_EXPIRES_423 },
	};
	for (size_t k = 0; k < sizeof needs / sizeof needs[0]; k++)
		if (is_response(c, needs[k].status) && !first(c, needs[k].id))
			report(c, needs[k].rule, c->msg->start_line.off, c->msg->start_line.len,
			       "%u without %s", needs[k].status, sift_header_name(needs[k].id));
}

/* RFC 3261 20.43: warn-codes are registered (27.2); Warning is sent with
 * responses (table 3: "r"). */
static void check_warnings(sift__checker *c)
{
	const sift_msg *msg = c->msg;
	uint32_t i = sift_msg_first(msg, SIFT_H_WARNING);
	if (i != SIFT_NONE && msg->kind == SIFT_KIND_REQUEST)
		report(c, SIFT_RULE_WARNING_IN_REQUEST, msg->headers[i].name.off, msg->headers[i].name.len,
		       NULL);
	for (; i != SIFT_NONE; i = sift_msg_next(msg, i)) {
		sift_warning w;
		if (sift_warning_parse(c->buf, msg->headers[i].value, 0, &w, NULL) != SIFT_OK)
			continue;
		if (!sift_warning_code_text(w.code))
			report(c, SIFT_RULE_WARNING_CODE_UNREGISTERED, msg->headers[i].value.off, 3,
			       "warn-code %u", (unsigned)w.code);
	}
}

void sift__check_fields(sift__checker *c)
{
	check_disposition(c);
	check_content_id(c);
	check_require_in_cancel(c);
	check_expiry_ranges(c);
	check_mandatory_in_responses(c);
	check_warnings(c);
}
