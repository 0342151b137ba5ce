/*
 * src/check/check.c - the rule engine and the RFC 3261 single-message rules.
 *
 * The rules' ids, severities, sections and texts live in src/check/rules.def;
 * this file holds only what each rule tests. A rule reports through report(),
 * which drops disabled rules, so every test below reads as its RFC sentence.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "sipsift/check.h"
#include "sipsift/hdr.h"
#include "sipsift/addr.h"
#include "grammar/internal.h"
#include "hdr/internal.h"
#include "check/internal.h"

#define ERROR SIFT_SEVERITY_ERROR
#define WARNING SIFT_SEVERITY_WARNING
#define INFO SIFT_SEVERITY_INFO
#define LENIENT SIFT_PROFILE_LENIENT
#define DEFAULT SIFT_PROFILE_DEFAULT
#define STRICT SIFT_PROFILE_STRICT
static const sift_rule rules[SIFT_RULE_COUNT] = {
#define SIFT_RULE(name, id, severity, rfc, section, profile, message, fix) \
	[SIFT_RULE_##name] = { id, severity, rfc, section, profile, message, fix },
#include "check/rules.def"
#undef SIFT_RULE
};
#undef ERROR
#undef WARNING
#undef INFO
#undef LENIENT
#undef DEFAULT
#undef STRICT

static const struct {
	unsigned code;
	const char *reason;
} statuses[] = {
#define SIFT_STATUS(code, reason, rfc) { code, reason },
#include "status.def"
#undef SIFT_STATUS
};

static const char *const option_tags[] = {
#define SIFT_OPTION_TAG(tag, rfc) tag,
#include "option-tags.def"
#undef SIFT_OPTION_TAG
};

const sift_rule *sift_rule_get(sift_rule_id rule)
{
	return (unsigned)rule < SIFT_RULE_COUNT ? &rules[rule] : NULL;
}

sift_rule_id sift_rule_lookup(const char *id)
{
	for (unsigned i = 0; id && i < SIFT_RULE_COUNT; i++)
		if (strcmp(rules[i].id, id) == 0)
			return (sift_rule_id)i;
	return SIFT_RULE_COUNT;
}

void sift_check_config_init(sift_check_config *config, sift_profile profile)
{
	config->profile = profile;
	for (unsigned i = 0; i < SIFT_RULE_COUNT; i++)
		config->enabled[i] = rules[i].profile <= profile;
	config->parse_options = profile == SIFT_PROFILE_STRICT ? SIFT_OPT_STRICT : 0;
}

int sift_check_config_set(sift_check_config *config, const char *id, int enabled)
{
	sift_rule_id rule = sift_rule_lookup(id);
	if (rule == SIFT_RULE_COUNT)
		return -1;
	config->enabled[rule] = enabled != 0;
	return 0;
}

const char *sift_status_reason(unsigned status)
{
	for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
		if (statuses[i].code == status)
			return statuses[i].reason;
	return NULL;
}

int sift_option_tag_known(const char *tag, size_t len)
{
	for (size_t i = 0; i < sizeof option_tags / sizeof option_tags[0]; i++)
		if (strlen(option_tags[i]) == len && memcmp(option_tags[i], tag, len) == 0)
			return 1;
	return 0;
}

typedef sift__checker checker;

void sift__report(checker *c, sift_rule_id rule, uint32_t offset, uint32_t length,
		  const char *format, ...)
{
	if (!c->config->enabled[rule])
		return;
	sift_diagnostic d;
	d.rule = rule;
	d.severity = rules[rule].severity;
	d.offset = offset;
	d.length = length;
	d.packet = 0;
	d.detail[0] = 0;
	if (format) {
		va_list args;
		va_start(args, format);
		vsnprintf(d.detail, sizeof d.detail, format, args);
		va_end(args);
	}
	c->count++;
	c->callback(&d, c->context);
}

const sift_header *sift__check_first(const checker *c, sift_header_id id)
{
	uint32_t i = sift_msg_first(c->msg, id);
	return i == SIFT_NONE ? NULL : &c->msg->headers[i];
}

int sift__check_is_method(const checker *c, unsigned method_id)
{
	return c->msg->kind == SIFT_KIND_REQUEST && c->msg->method_id == method_id;
}

static sift_code run_parser(const char *buf, sift_span value, sift__parse_kind kind,
			    unsigned options, void *out, sift_error *err)
{
	switch (kind) {
	case SIFT__PARSE_ADDR:
		return sift_addr_parse(buf, value, options, out, err);
	case SIFT__PARSE_VIA:
		return sift_via_parse(buf, value, options, out, err);
	case SIFT__PARSE_CSEQ:
		return sift_cseq_parse(buf, value, options, out, err);
	case SIFT__PARSE_CHALLENGE:
		return sift_challenge_parse(buf, value, options, out, err);
	case SIFT__PARSE_CREDENTIALS:
		return sift_credentials_parse(buf, value, options, out, err);
	}
	return SIFT_E_ARGUMENT;
}

static size_t parsed_size(sift__parse_kind kind)
{
	switch (kind) {
	case SIFT__PARSE_ADDR:
		return sizeof(sift_addr);
	case SIFT__PARSE_VIA:
		return sizeof(sift_via);
	case SIFT__PARSE_CSEQ:
		return sizeof(sift_cseq);
	default:
		return sizeof(sift_auth);
	}
}

void sift__memo_init(sift__memo *memo, const char *buf, const sift_msg *msg)
{
	memo->buf = buf;
	memo->msg = msg;
	memo->count = 0;
}

sift_code sift__memo_parse(sift__memo *memo, uint32_t i, sift__parse_kind kind, unsigned options,
			   void *out, sift_error *err)
{
	for (unsigned k = 0; k < memo->count; k++) {
		const sift__parsed *m = &memo->parsed[k];
		if (m->header == i && m->kind == (unsigned)kind && m->options == options) {
			if (out)
				memcpy(out, &m->value, parsed_size(kind));
			if (err)
				*err = m->err;
			return m->code;
		}
	}
	/* Parsed straight into the memo's next slot, or into scratch when
	 * the memo is full. */
	sift__parsed scratch;
	sift__parsed *m = memo->count < SIFT__PARSED_MAX ? &memo->parsed[memo->count++] : &scratch;
	const sift_header *h = &memo->msg->headers[i];
	m->header = i;
	m->kind = (unsigned)kind;
	m->options = options;
	m->err = (sift_error){ SIFT_OK, 0, NULL, h->id };
	m->code = run_parser(memo->buf, h->value, kind, options, &m->value, &m->err);
	if (out)
		memcpy(out, &m->value, parsed_size(kind));
	if (err)
		*err = m->err;
	return m->code;
}

sift_code sift__check_parsed(const checker *c, uint32_t i, sift__parse_kind kind, unsigned options,
			     void *out, sift_error *err)
{
	return sift__memo_parse(c->memo, i, kind, options, out, err);
}

#define report sift__report
#define first sift__check_first

/* The value of header i through the typed parser full validation gives it
 * (src/hdr/validate.c), kept for the rules when they read it too (From,
 * To, Contact, Route... the top Via, CSeq, the auth headers); every other
 * value through sift_header_validate() itself. */
static sift_code validate_value(checker *c, uint32_t i, unsigned strict, sift_error *err)
{
	const sift_header *h = &c->msg->headers[i];
	sift_header_id id = (sift_header_id)h->id;
	/* The plain address headers: their check is sift_addr_parse() with
	 * sift_addr_flags(id) (grammar/headers.def), whose result the address
	 * rules share. */
	if (sift__header_check_is_addr(id))
		return sift__check_parsed(c, i, SIFT__PARSE_ADDR, strict | sift_addr_flags(id),
					  NULL, err);
	switch (id) {
	case SIFT_H_VIA:
		if (i != sift_msg_first(c->msg, SIFT_H_VIA))
			break;
		return sift__check_parsed(c, i, SIFT__PARSE_VIA, strict, NULL, err);
	case SIFT_H_CSEQ:
		return sift__check_parsed(c, i, SIFT__PARSE_CSEQ, strict, NULL, err);
	case SIFT_H_WWW_AUTHENTICATE: case SIFT_H_PROXY_AUTHENTICATE:
		return sift__check_parsed(c, i, SIFT__PARSE_CHALLENGE, strict, NULL, err);
	case SIFT_H_AUTHORIZATION: case SIFT_H_PROXY_AUTHORIZATION:
		return sift__check_parsed(c, i, SIFT__PARSE_CREDENTIALS, strict, NULL, err);
	default:
		break;
	}
	return sift_header_validate(c->buf, id, h->value, strict, err);
}

/* RFC 3261 25 and the typed grammars: every value, each reported. */
static void check_header_values(checker *c)
{
	const sift_msg *msg = c->msg;
	unsigned options = c->config->parse_options & SIFT_OPT_STRICT;
	for (uint32_t i = 0; i < msg->header_count; i++) {
		const sift_header *h = &msg->headers[i];
		sift_error err = { SIFT_OK, 0, NULL, h->id };
		sift_code code = validate_value(c, i, options, &err);
		if (code == SIFT_OK)
			continue;
		if (h->id == SIFT_H_MAX_BREADTH)
			continue; /* rfc5393-max-breadth-value (rules_session.c) */
		const char *name = h->id == SIFT_H_OTHER ? "header" : sift_header_name((sift_header_id)h->id);
		if (h->id == SIFT_H_MAX_FORWARDS && code == SIFT_E_NUMBER_RANGE)
			report(c, SIFT_RULE_MAX_FORWARDS_RANGE, h->value.off, h->value.len,
			       "Max-Forwards: %.*s", (int)h->value.len, c->buf + h->value.off);
		else
			report(c, SIFT_RULE_HEADER_SYNTAX, err.offset, 1, "%s: expected %s%s%s", name,
			       err.rule ? err.rule : "value",
			       code == SIFT_E_HEADER_VALUE ? "" : ": ",
			       code == SIFT_E_HEADER_VALUE ? "" : sift_strerror(code));
	}
}

/* RFC 3261 8.1.1: To, From, CSeq, Call-ID, Max-Forwards and Via in every
 * request; 8.2.6.2 copies all but Max-Forwards into every response. */
static void check_mandatory(checker *c)
{
	static const struct {
		sift_header_id id;
		sift_rule_id rule;
		int requests_only;
	} mandatory[] = {
		{ SIFT_H_TO, SIFT_RULE_MISSING_TO, 0 },
		{ SIFT_H_FROM, SIFT_RULE_MISSING_FROM, 0 },
		{ SIFT_H_CALL_ID, SIFT_RULE_MISSING_CALL_ID, 0 },
		{ SIFT_H_CSEQ, SIFT_RULE_MISSING_CSEQ, 0 },
		{ SIFT_H_VIA, SIFT_RULE_MISSING_VIA, 0 },
		{ SIFT_H_MAX_FORWARDS, SIFT_RULE_MISSING_MAX_FORWARDS, 1 },
	};
	int request = c->msg->kind == SIFT_KIND_REQUEST;
	for (size_t i = 0; i < sizeof mandatory / sizeof mandatory[0]; i++) {
		if (mandatory[i].requests_only && !request)
			continue;
		if (!first(c, mandatory[i].id))
			report(c, mandatory[i].rule, c->msg->start_line.off, c->msg->start_line.len, NULL);
	}
}

/* RFC 3261 7.3.1: only comma-list headers (and the auth headers) repeat. */
static void check_repeated(checker *c)
{
	/* Most messages repeat no single-valued header (Via and the other
	 * lists do repeat): one walk over the entries (each knows the next of
	 * its id) finds that out without looking up every id; otherwise the
	 * ids in order, as they are reported. */
	const sift_msg *msg = c->msg;
	uint32_t i;
	for (i = 0; i < msg->header_count; i++) {
		const sift_header *h = &msg->headers[i];
		if (h->next != SIFT_NONE && h->id != SIFT_H_OTHER && h->id < SIFT_H_COUNT &&
		    sift_msg_first(msg, (sift_header_id)h->id) == i &&
		    sift_header_kind_of((sift_header_id)h->id) == SIFT_HEADER_SINGLE)
			break;
	}
	if (i == msg->header_count)
		return;
	for (unsigned id = 1; id < SIFT_H_COUNT; id++) {
		/* The index first (two loads); the kind only of an id that repeats. */
		i = sift_msg_first(c->msg, (sift_header_id)id);
		if (i == SIFT_NONE || (i = sift_msg_next(c->msg, i)) == SIFT_NONE)
			continue;
		if (sift_header_kind_of((sift_header_id)id) != SIFT_HEADER_SINGLE)
			continue;
		const sift_header *h = &c->msg->headers[i];
		report(c, SIFT_RULE_HEADER_REPEATED, h->name.off, h->name.len, "%s appears %u times",
		       sift_header_name((sift_header_id)id), sift_msg_count(c->msg, (sift_header_id)id));
	}
}

/* RFC 3261 8.1.1.5: the method matches the request's; the number is below 2**31. */
static void check_cseq(checker *c, sift_cseq *cseq, int *have_cseq)
{
	const sift_header *h = first(c, SIFT_H_CSEQ);
	*have_cseq = h && sift__check_parsed(c, sift_msg_first(c->msg, SIFT_H_CSEQ), SIFT__PARSE_CSEQ, 0, cseq,
					     NULL) == SIFT_OK;
	if (!*have_cseq)
		return;
	const sift_msg *msg = c->msg;
	if (msg->kind == SIFT_KIND_REQUEST &&
	    (cseq->method.len != msg->method.len ||
	     memcmp(c->buf + cseq->method.off, c->buf + msg->method.off, cseq->method.len) != 0))
		report(c, SIFT_RULE_CSEQ_METHOD_MISMATCH, cseq->method.off, cseq->method.len,
		       "CSeq method %.*s, request method %.*s", (int)cseq->method.len,
		       c->buf + cseq->method.off, (int)msg->method.len, c->buf + msg->method.off);
	if (cseq->number >= 0x80000000u)
		report(c, SIFT_RULE_CSEQ_NUMBER_RANGE, h->value.off, h->value.len, "CSeq number %u",
		       (unsigned)cseq->number);
}

/* RFC 3261 8.1.1.7: the branch of a request's top Via starts with z9hG4bK. */
static void check_via_branch(checker *c)
{
	const sift_header *h = first(c, SIFT_H_VIA);
	sift_via via;
	if (c->msg->kind != SIFT_KIND_REQUEST || !h ||
	    sift__check_parsed(c, sift_msg_first(c->msg, SIFT_H_VIA), SIFT__PARSE_VIA, 0, &via, NULL) != SIFT_OK)
		return;
	if (via.branch.len < 7 || memcmp(c->buf + via.branch.off, "z9hG4bK", 7) != 0)
		report(c, SIFT_RULE_VIA_BRANCH_COOKIE, via.branch.len ? via.branch.off : h->value.off,
		       via.branch.len ? via.branch.len : h->value.len,
		       via.branch.len ? "branch=%.*s" : "no branch parameter", (int)via.branch.len,
		       c->buf + via.branch.off);
}

/* RFC 3261 18.3 and 20.14: Content-Length counts the body's bytes exactly;
 * in a datagram, bytes beyond it are discarded. 20.15: a body has a type. */
static void check_body(checker *c)
{
	const sift_msg *msg = c->msg;
	size_t after_headers = c->len - msg->body.off;
	if (msg->has_content_length && after_headers != msg->content_length) {
		const sift_header *h = first(c, SIFT_H_CONTENT_LENGTH);
		report(c, SIFT_RULE_CONTENT_LENGTH_MISMATCH, h ? h->value.off : msg->body.off,
		       h ? h->value.len : 0, "Content-Length %u, %zu bytes after the header section",
		       (unsigned)msg->content_length, after_headers);
	}
	if (msg->body.len > 0 && !first(c, SIFT_H_CONTENT_TYPE))
		report(c, SIFT_RULE_BODY_WITHOUT_CONTENT_TYPE, msg->body.off, msg->body.len,
		       "%u-byte body", (unsigned)msg->body.len);
}

/* RFC 3261 8.2.6.2 (To tag), 8.1.3.2 (unknown codes), 8.1.1.3 (From tag),
 * 8.1.1.8 and 13.3.1.4 (Contact in INVITE and its 2xx). */
static void check_dialog_headers(checker *c, const sift_cseq *cseq, int have_cseq)
{
	const sift_msg *msg = c->msg;
	sift_addr addr;
	const sift_header *h;
	if (msg->kind == SIFT_KIND_RESPONSE) {
		if (!sift_status_reason(msg->status))
			report(c, SIFT_RULE_STATUS_CODE_UNREGISTERED, msg->start_line.off + 8, 3,
			       "%u is handled as %u", msg->status, msg->status / 100 * 100);
		h = first(c, SIFT_H_TO);
		if (msg->status != 100 && h &&
		    sift__check_parsed(c, sift_msg_first(msg, SIFT_H_TO), SIFT__PARSE_ADDR, 0, &addr, NULL) == SIFT_OK &&
		    !addr.has_tag)
			report(c, SIFT_RULE_RESPONSE_MISSING_TO_TAG, h->value.off, h->value.len, "%u response",
			       msg->status);
	}
	h = first(c, SIFT_H_FROM);
	if (h && sift__check_parsed(c, sift_msg_first(msg, SIFT_H_FROM), SIFT__PARSE_ADDR, 0, &addr, NULL) == SIFT_OK &&
	    !addr.has_tag)
		report(c, SIFT_RULE_FROM_TAG_MISSING, h->value.off, h->value.len, NULL);

	int invite = msg->kind == SIFT_KIND_REQUEST ? msg->method_id == SIFT_METHOD_INVITE
						    : have_cseq && cseq->method_id == SIFT_METHOD_INVITE;
	int creates_dialog = invite && (msg->kind == SIFT_KIND_REQUEST ||
					(msg->status >= 200 && msg->status < 300));
	if (creates_dialog && !first(c, SIFT_H_CONTACT))
		report(c, SIFT_RULE_MISSING_CONTACT, msg->start_line.off, msg->start_line.len,
		       msg->kind == SIFT_KIND_REQUEST ? "INVITE" : "2xx to INVITE");
}

/* RFC 3261 8.2.2.3: an unknown extension in Require gets 420. */
static void check_option_tags(checker *c)
{
	static const sift_header_id ids[] = { SIFT_H_REQUIRE, SIFT_H_PROXY_REQUIRE };
	for (size_t k = 0; k < 2; k++) {
		for (uint32_t i = sift_msg_first(c->msg, ids[k]); i != SIFT_NONE; i = sift_msg_next(c->msg, i)) {
			sift_span v = c->msg->headers[i].value;
			const char *p = c->buf + v.off, *end = sift__match_token(p, p + v.len);
			if (end && !sift_option_tag_known(p, (size_t)(end - p)))
				report(c, SIFT_RULE_UNKNOWN_OPTION_TAG, v.off, (uint32_t)(end - p), "%s: %.*s",
				       sift_header_name(ids[k]), (int)(end - p), p);
		}
	}
}

/* The single-message rules on c's message. */
static unsigned check_message(checker *c, sift_code parse_result)
{
	const sift_msg *msg = c->msg;
	size_t len = c->len;
	if (parse_result != SIFT_OK) {
		char text[128];
		sift_error_format(&msg->error, text, sizeof text);
		int in_value = msg->error.code == SIFT_E_HEADER_VALUE || msg->error.code == SIFT_E_URI ||
			       (msg->error.code == SIFT_E_NUMBER_RANGE && msg->error.header_id < SIFT_H_COUNT);
		/* An error at the end of the input ("expected CRLF") points at no
		 * byte: length 0, so the span stays inside the datagram. */
		uint32_t at = msg->error.offset;
		report(c, in_value ? SIFT_RULE_HEADER_SYNTAX : SIFT_RULE_SYNTAX, at, at < len ? 1 : 0,
		       "%s", text);
		return c->count;
	}
	sift_cseq cseq;
	int have_cseq;
	check_header_values(c);
	check_mandatory(c);
	check_repeated(c);
	check_cseq(c, &cseq, &have_cseq);
	check_via_branch(c);
	check_body(c);
	check_dialog_headers(c, &cseq, have_cseq);
	check_option_tags(c);
	sift__check_auth(c);
	sift__check_fields(c);
	sift__check_addr(c);
	sift__check_sips(c);
	sift__check_event(c);
	sift__check_session(c);
	sift__check_body(c);
	return c->count;
}

/* Fields one by one: the memo's kept parses (some KiB) need no zeroing. */
static void checker_init(checker *c, sift__memo *memo, const sift_check_config *config,
			 const char *buf, size_t len, const sift_msg *msg,
			 sift_diagnostic_fn callback, void *context)
{
	c->config = config;
	c->buf = buf;
	c->len = len;
	c->msg = msg;
	c->callback = callback;
	c->context = context;
	c->count = 0;
	sift__memo_init(memo, buf, msg);
	c->memo = memo;
}

unsigned sift_check_message(const sift_check_config *config, const char *buf, size_t len,
			    const sift_msg *msg, sift_code parse_result, sift_diagnostic_fn callback,
			    void *context)
{
	if (!config || !buf || !msg || !callback)
		return 0;
	checker c;
	sift__memo memo;
	checker_init(&c, &memo, config, buf, len, msg, callback, context);
	return check_message(&c, parse_result);
}

int sift_check_tracked(const sift_check_config *config, sift_tracker *tracker, const char *buf,
		       size_t len, const sift_msg *msg, sift_code parse_result,
		       const sift_packet_info *info, sift_diagnostic_fn callback, void *context)
{
	if (!config || !buf || !msg || !callback)
		return 0;
	checker c;
	sift__memo memo;
	checker_init(&c, &memo, config, buf, len, msg, callback, context);
	int repeat = 0;
	if (tracker && parse_result == SIFT_OK)
		repeat = sift__tracker_message(tracker, buf, msg, info, callback, context, &memo);
	if (!repeat)
		check_message(&c, parse_result);
	return repeat;
}
