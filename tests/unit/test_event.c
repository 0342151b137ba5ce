/*
 * tests/unit/test_event.c - the event family of typed parsers: Event,
 * Allow-Events, Subscription-State (RFC 6665 8.2, 8.4; RFC 6446 9.2),
 * Refer-Sub (RFC 4488 4), SIP-ETag / SIP-If-Match (RFC 3903 11.3),
 * Info-Package / Recv-Info (RFC 6086 7.2, 7.3). One test per requirement:
 * the RFCs' own examples accepted, and for each rule a malformed value
 * rejected with its code, offset and rule name.
 *
 * Every value is copied into a heap block of exactly its length, so the
 * sanitizer build catches a read one byte past the end.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "sipsift/sipsift.h"

static char *buf;

/* The value as an exact-size heap block at offset 0. */
static sift_span put(const char *text)
{
	size_t len = strlen(text);
	free(buf);
	buf = malloc(len ? len : 1);
	memcpy(buf, text, len);
	sift_span s = { 0, (uint32_t)len };
	return s;
}

static int span_is(sift_span s, const char *expected)
{
	return s.len == strlen(expected) && memcmp(buf + s.off, expected, s.len) == 0;
}

#define assert_span(s, text) assert_true(span_is((s), (text)))

/* Checks an error: code, offset and rule. */
static void assert_error(sift_code got, const sift_error *err, sift_code code, uint32_t offset,
			 const char *rule)
{
	assert_int_equal(got, code);
	assert_int_equal(err->code, code);
	assert_int_equal(err->offset, offset);
	assert_non_null(err->rule);
	assert_string_equal(err->rule, rule);
}

static sift_code event(const char *text, unsigned options, sift_event *out, sift_error *err)
{
	return sift_event_parse(buf, put(text), options, out, err);
}

static sift_code substate(const char *text, unsigned options, sift_subscription_state *out,
			  sift_error *err)
{
	return sift_subscription_state_parse(buf, put(text), options, out, err);
}

/* ---- Event (RFC 6665 8.2.1, 8.4) ------------------------------------------ */

/* RFC 6665 8.2.1: the values of its matching note are all well-formed. */
static void test_rfc6665_8_2_1_examples_accepted(void **state)
{
	(void)state;
	sift_event e;
	sift_error err;
	assert_int_equal(event("foo; id=1234", SIFT_OPT_STRICT, &e, &err), SIFT_OK);
	assert_span(e.type, "foo");
	assert_true(e.has_id && e.id_is_token);
	assert_span(e.id, "1234");
	assert_int_equal(event("foo; param=abcd; id=1234", SIFT_OPT_STRICT, &e, &err), SIFT_OK);
	assert_span(e.id, "1234");
	assert_span(e.params, "param=abcd; id=1234");
	assert_int_equal(event("foo", SIFT_OPT_STRICT, &e, &err), SIFT_OK);
	assert_false(e.has_id);
	assert_int_equal(e.params.len, 0);
	assert_int_equal(event("Foo; id=1234", SIFT_OPT_STRICT, &e, &err), SIFT_OK);
	assert_span(e.type, "Foo");
}

/* RFC 3515 examples (Event of the REFER subscription) and RFC 5367 7. */
static void test_rfc3515_rfc5367_event_examples_accepted(void **state)
{
	(void)state;
	sift_event e;
	assert_int_equal(event("refer", 0, &e, NULL), SIFT_OK);
	assert_int_equal(event("refer;id=93809824", 0, &e, NULL), SIFT_OK);
	assert_span(e.id, "93809824");
	assert_int_equal(event("presence", 0, &e, NULL), SIFT_OK);
	assert_span(e.package, "presence");
}

/* RFC 6665 5.2: "presence.winfo", "presence.winfo.list": event templates. */
static void test_rfc6665_5_2_event_templates(void **state)
{
	(void)state;
	sift_event e;
	assert_int_equal(event("presence.winfo.list", 0, &e, NULL), SIFT_OK);
	assert_span(e.type, "presence.winfo.list");
	assert_span(e.package, "presence");
	assert_span(e.templates, "winfo.list");
	sift_span cursor = e.templates, t;
	assert_int_equal(sift_event_template_next(buf, &cursor, &t), 1);
	assert_span(t, "winfo");
	assert_int_equal(sift_event_template_next(buf, &cursor, &t), 1);
	assert_span(t, "list");
	assert_int_equal(sift_event_template_next(buf, &cursor, &t), 0);
	assert_int_equal(event("presence.winfo", 0, &e, NULL), SIFT_OK);
	cursor = e.templates;
	assert_int_equal(sift_event_template_next(buf, &cursor, &t), 1);
	assert_span(t, "winfo");
	assert_int_equal(event("dialog", 0, &e, NULL), SIFT_OK);
	cursor = e.templates;
	assert_int_equal(sift_event_template_next(buf, &cursor, &t), 0);
}

/* RFC 6665 8.4: event-type = event-package *( "." event-template ). */
static void test_rfc6665_8_4_event_type_required(void **state)
{
	(void)state;
	sift_event e;
	sift_error err;
	assert_error(event("", 0, &e, &err), &err, SIFT_E_HEADER_VALUE, 0, "event-type");
	assert_error(event(".winfo", 0, &e, &err), &err, SIFT_E_HEADER_VALUE, 0, "event-type");
	assert_error(event("presence.", 0, &e, &err), &err, SIFT_E_HEADER_VALUE, 8, "event-type");
	assert_error(event("presence..winfo", 0, &e, &err), &err, SIFT_E_HEADER_VALUE, 8,
		     "event-type");
	assert_error(event("\"presence\"", 0, &e, &err), &err, SIFT_E_HEADER_VALUE, 0,
		     "event-type");
	/* Exactly one event type per Event (8.2.1): no list. */
	assert_error(event("presence, dialog", 0, &e, &err), &err, SIFT_E_HEADER_VALUE, 8, "Event");
	assert_error(event("presence dialog", 0, &e, &err), &err, SIFT_E_HEADER_VALUE, 9, "Event");
}

/* RFC 6665 8.4: event-param = generic-param / ( "id" EQUAL token ). */
static void test_rfc6665_8_4_event_param_syntax(void **state)
{
	(void)state;
	sift_event e;
	sift_error err;
	assert_error(event("presence;", 0, &e, &err), &err, SIFT_E_HEADER_VALUE, 9, "event-param");
	assert_error(event("presence;=1", 0, &e, &err), &err, SIFT_E_HEADER_VALUE, 9, "event-param");
	assert_error(event("presence;a=", 0, &e, &err), &err, SIFT_E_HEADER_VALUE, 11, "gen-value");
	assert_error(event("presence;a=b c", 0, &e, &err), &err, SIFT_E_HEADER_VALUE, 13,
		     "event-param");
}

/* RFC 6665 8.4: the id is a token; the generic-param alternative lets a
 * liberal receiver take other forms, strict does not. */
static void test_rfc6665_8_4_id_is_token_when_strict(void **state)
{
	(void)state;
	sift_event e;
	sift_error err;
	assert_int_equal(event("refer;id=\"93 80\"", 0, &e, &err), SIFT_OK);
	assert_true(e.has_id);
	assert_false(e.id_is_token);
	assert_error(event("refer;id=\"93 80\"", SIFT_OPT_STRICT, &e, &err), &err,
		     SIFT_E_HEADER_VALUE, 9, "event-param");
	assert_error(event("refer;id", SIFT_OPT_STRICT, &e, &err), &err, SIFT_E_HEADER_VALUE, 8,
		     "event-param");
	assert_int_equal(event("refer;id", 0, &e, &err), SIFT_OK);
	assert_true(e.has_id && !e.id_is_token);
}

/* ---- RFC 6446 9.2 rate parameters ------------------------------------------ */

/* RFC 6446 9.2: 1*2DIGIT ["." 1*10DIGIT]; the values in 10^-10 units. */
static void test_rfc6446_9_2_rate_values(void **state)
{
	(void)state;
	sift_event e;
	assert_int_equal(event("presence;max-rate=0.5;min-rate=0.0000000001;adaptive-min-rate=99.9999999999",
			       SIFT_OPT_STRICT, &e, NULL),
			 SIFT_OK);
	assert_true(e.max_rate.present && e.max_rate.valid);
	assert_span(e.max_rate.text, "0.5");
	assert_int_equal(e.max_rate.units, 5000000000ull);
	assert_int_equal(e.min_rate.units, 1);
	assert_int_equal(e.adaptive_min_rate.units, 999999999999ull);
	assert_int_equal(event("presence;max-rate=10", SIFT_OPT_STRICT, &e, NULL), SIFT_OK);
	assert_int_equal(e.max_rate.units, 100000000000ull);

	sift_subscription_state s;
	assert_int_equal(substate("active;expires=3600;max-rate=2;min-rate=0.01", SIFT_OPT_STRICT,
				  &s, NULL),
			 SIFT_OK);
	assert_int_equal(s.max_rate.units, 20000000000ull);
	assert_int_equal(s.min_rate.units, 100000000ull);
	assert_false(s.adaptive_min_rate.present);
}

/* RFC 6446 9.2 and 5.1, 6.1, 7.1: a malformed rate is a generic-param to a
 * liberal receiver; strict rejects it, and zero is out of range. */
static void test_rfc6446_9_2_rate_syntax_when_strict(void **state)
{
	(void)state;
	sift_event e;
	sift_error err;
	assert_int_equal(event("presence;max-rate=100", 0, &e, &err), SIFT_OK);
	assert_true(e.max_rate.present && !e.max_rate.valid);
	assert_error(event("presence;max-rate=100", SIFT_OPT_STRICT, &e, &err), &err,
		     SIFT_E_HEADER_VALUE, 18, "max-rate-param");
	assert_error(event("presence;min-rate=.5", SIFT_OPT_STRICT, &e, &err), &err,
		     SIFT_E_HEADER_VALUE, 18, "min-rate-param");
	assert_error(event("presence;adaptive-min-rate=1.12345678901", SIFT_OPT_STRICT, &e, &err),
		     &err, SIFT_E_HEADER_VALUE, 27, "amin-rate-param");
	assert_error(event("presence;max-rate", SIFT_OPT_STRICT, &e, &err), &err,
		     SIFT_E_HEADER_VALUE, 17, "max-rate-param");
	assert_error(event("presence;min-rate=0.0", SIFT_OPT_STRICT, &e, &err), &err,
		     SIFT_E_NUMBER_RANGE, 18, "min-rate-param");
	assert_int_equal(event("presence;min-rate=0", 0, &e, &err), SIFT_OK);
	assert_true(e.min_rate.present && !e.min_rate.valid && e.min_rate.units == 0);
	sift_subscription_state s;
	assert_error(substate("active;max-rate=1e3", SIFT_OPT_STRICT, &s, &err), &err,
		     SIFT_E_HEADER_VALUE, 16, "max-rate-param");
}

/* ---- Allow-Events (RFC 6665 8.2.2) ----------------------------------------- */

static void test_rfc6665_8_2_2_allow_events_list(void **state)
{
	(void)state;
	sift_event_list list;
	sift_error err;
	assert_int_equal(sift_allow_events_parse(buf, put("presence, dialog ,message-summary"), 0,
						 &list, &err),
			 SIFT_OK);
	assert_int_equal(list.count, 3);
	sift_span cursor = list.list, type;
	assert_int_equal(sift_event_list_next(buf, &cursor, &type), 1);
	assert_span(type, "presence");
	assert_int_equal(sift_event_list_next(buf, &cursor, &type), 1);
	assert_span(type, "dialog");
	assert_int_equal(sift_event_list_next(buf, &cursor, &type), 1);
	assert_span(type, "message-summary");
	assert_int_equal(sift_event_list_next(buf, &cursor, &type), 0);
	assert_int_equal(sift_allow_events_parse(buf, put("presence.winfo"), 0, &list, &err),
			 SIFT_OK);
	assert_int_equal(list.count, 1);
}

static void test_rfc6665_8_2_2_allow_events_malformed(void **state)
{
	(void)state;
	sift_event_list list;
	sift_error err;
	assert_error(sift_allow_events_parse(buf, put(""), 0, &list, &err), &err,
		     SIFT_E_HEADER_VALUE, 0, "event-type");
	assert_error(sift_allow_events_parse(buf, put("presence,,dialog"), 0, &list, &err), &err,
		     SIFT_E_HEADER_VALUE, 9, "event-type");
	assert_error(sift_allow_events_parse(buf, put("presence dialog"), 0, &list, &err), &err,
		     SIFT_E_HEADER_VALUE, 9, "Allow-Events");
	assert_error(sift_allow_events_parse(buf, put("presence.,dialog"), 0, &list, &err), &err,
		     SIFT_E_HEADER_VALUE, 8, "event-type");
	assert_error(sift_allow_events_parse(buf, put("presence;id=1"), 0, &list, &err), &err,
		     SIFT_E_HEADER_VALUE, 8, "Allow-Events");
}

/* ---- Subscription-State (RFC 6665 8.2.3, 4.1.3) ---------------------------- */

/* RFC 3515 2.4.7 examples and the states of RFC 6665 4.1.3. */
static void test_rfc6665_8_2_3_examples_accepted(void **state)
{
	(void)state;
	sift_subscription_state s;
	assert_int_equal(substate("terminated;reason=noresource", SIFT_OPT_STRICT, &s, NULL), SIFT_OK);
	assert_int_equal(s.state_id, SIFT_SUBSTATE_TERMINATED);
	assert_int_equal(s.reason_id, SIFT_REASON_NORESOURCE);
	assert_span(s.reason, "noresource");
	assert_int_equal(substate("active;expires=60", SIFT_OPT_STRICT, &s, NULL), SIFT_OK);
	assert_int_equal(s.state_id, SIFT_SUBSTATE_ACTIVE);
	assert_true(s.has_expires);
	assert_int_equal(s.expires, 60);
	assert_int_equal(substate("pending;expires=3600", 0, &s, NULL), SIFT_OK);
	assert_int_equal(s.state_id, SIFT_SUBSTATE_PENDING);
	/* RFC 6665 4.2.2 writes "terminated;reason=expired": an extension reason. */
	assert_int_equal(substate("terminated;reason=expired", 0, &s, NULL), SIFT_OK);
	assert_int_equal(s.reason_id, SIFT_REASON_OTHER);
	assert_int_equal(substate("terminated;reason=invariant;retry-after=31536000", 0, &s, NULL),
			 SIFT_OK);
	assert_int_equal(s.reason_id, SIFT_REASON_INVARIANT);
	assert_true(s.has_retry_after);
	assert_int_equal(s.retry_after, 31536000);
}

/* RFC 6665 4.1.3, 7.2: every registered reason code, any case. */
static void test_rfc6665_7_2_reason_codes(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		sift_substate_reason id;
	} cases[] = {
		{ "terminated;reason=deactivated", SIFT_REASON_DEACTIVATED },
		{ "terminated;reason=probation", SIFT_REASON_PROBATION },
		{ "terminated;reason=rejected", SIFT_REASON_REJECTED },
		{ "terminated;reason=timeout", SIFT_REASON_TIMEOUT },
		{ "terminated;reason=giveup", SIFT_REASON_GIVEUP },
		{ "terminated;reason=noresource", SIFT_REASON_NORESOURCE },
		{ "terminated;reason=invariant", SIFT_REASON_INVARIANT },
		{ "terminated;reason=badfilter", SIFT_REASON_BADFILTER },
		{ "TERMINATED;REASON=Timeout", SIFT_REASON_TIMEOUT },
		{ "terminated", SIFT_REASON_NONE },
	};
	sift_subscription_state s;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(substate(cases[i].text, 0, &s, NULL), SIFT_OK);
		assert_int_equal(s.state_id, SIFT_SUBSTATE_TERMINATED);
		assert_int_equal(s.reason_id, cases[i].id);
	}
	/* extension-substate = token */
	assert_int_equal(substate("waiting;x=1", 0, &s, NULL), SIFT_OK);
	assert_int_equal(s.state_id, SIFT_SUBSTATE_OTHER);
	assert_span(s.state, "waiting");
}

/* RFC 6665 8.4: substate-value is required and is one token. */
static void test_rfc6665_8_4_substate_value_required(void **state)
{
	(void)state;
	sift_subscription_state s;
	sift_error err;
	assert_error(substate("", 0, &s, &err), &err, SIFT_E_HEADER_VALUE, 0, "substate-value");
	assert_error(substate(";expires=1", 0, &s, &err), &err, SIFT_E_HEADER_VALUE, 0,
		     "substate-value");
	assert_error(substate("active pending", 0, &s, &err), &err, SIFT_E_HEADER_VALUE, 7,
		     "substate-value");
	assert_error(substate("\"active\"", 0, &s, &err), &err, SIFT_E_HEADER_VALUE, 0,
		     "substate-value");
}

/* RFC 6665 8.4: "reason" EQUAL event-reason-value (a token). */
static void test_rfc6665_8_4_event_reason_value(void **state)
{
	(void)state;
	sift_subscription_state s;
	sift_error err;
	assert_error(substate("terminated;reason=\"timeout\"", 0, &s, &err), &err,
		     SIFT_E_HEADER_VALUE, 18, "event-reason-value");
	assert_error(substate("terminated;reason", 0, &s, &err), &err, SIFT_E_HEADER_VALUE, 17,
		     "event-reason-value");
}

/* RFC 6665 8.4: expires and retry-after are delta-seconds (below 2^32). */
static void test_rfc6665_8_4_delta_seconds(void **state)
{
	(void)state;
	sift_subscription_state s;
	sift_error err;
	assert_error(substate("active;expires=abc", 0, &s, &err), &err, SIFT_E_HEADER_VALUE, 15,
		     "delta-seconds");
	assert_error(substate("active;expires=12a", 0, &s, &err), &err, SIFT_E_HEADER_VALUE, 17,
		     "delta-seconds");
	assert_error(substate("active;expires", 0, &s, &err), &err, SIFT_E_HEADER_VALUE, 14,
		     "delta-seconds");
	assert_error(substate("terminated;retry-after=4294967296", 0, &s, &err), &err,
		     SIFT_E_NUMBER_RANGE, 23, "delta-seconds");
	assert_int_equal(substate("terminated;retry-after=4294967295", 0, &s, &err), SIFT_OK);
	assert_int_equal(s.retry_after, 4294967295u);
}

/* RFC 6665 8.4: subexp-params, each a generic-param in form. */
static void test_rfc6665_8_4_subexp_params(void **state)
{
	(void)state;
	sift_subscription_state s;
	sift_error err;
	assert_error(substate("active;", 0, &s, &err), &err, SIFT_E_HEADER_VALUE, 7,
		     "subexp-params");
	assert_error(substate("active;expires=60 x", 0, &s, &err), &err, SIFT_E_HEADER_VALUE, 18,
		     "subexp-params");
	assert_error(substate("active;x=\"open", 0, &s, &err), &err, SIFT_E_HEADER_VALUE, 9,
		     "gen-value");
	/* Parameters are walked with sift_param_next(). */
	assert_int_equal(substate("active ; expires = 60 ; foo", 0, &s, &err), SIFT_OK);
	assert_int_equal(s.expires, 60);
	sift_span cursor = s.params;
	sift_param p;
	assert_int_equal(sift_param_next(buf, &cursor, &p), 1);
	assert_span(p.name, "expires");
	assert_span(p.value, "60");
	assert_int_equal(sift_param_next(buf, &cursor, &p), 1);
	assert_span(p.name, "foo");
	assert_false(p.has_value);
	assert_int_equal(sift_param_next(buf, &cursor, &p), 0);
}

/* ---- Refer-Sub (RFC 4488 4) ------------------------------------------------ */

static void test_rfc4488_4_refer_sub(void **state)
{
	(void)state;
	sift_refer_sub r;
	sift_error err;
	/* RFC 4488 4 example: "Refer-Sub: false" */
	assert_int_equal(sift_refer_sub_parse(buf, put("false"), SIFT_OPT_STRICT, &r, &err), SIFT_OK);
	assert_false(r.is_true);
	assert_span(r.value, "false");
	assert_int_equal(sift_refer_sub_parse(buf, put("true"), 0, &r, &err), SIFT_OK);
	assert_true(r.is_true);
	assert_int_equal(sift_refer_sub_parse(buf, put("FALSE;x=1;y"), 0, &r, &err), SIFT_OK);
	assert_false(r.is_true);
	assert_span(r.params, "x=1;y");
}

static void test_rfc4488_4_refer_sub_malformed(void **state)
{
	(void)state;
	sift_refer_sub r;
	sift_error err;
	assert_error(sift_refer_sub_parse(buf, put("yes"), 0, &r, &err), &err, SIFT_E_HEADER_VALUE,
		     0, "refer-sub-value");
	assert_error(sift_refer_sub_parse(buf, put(""), 0, &r, &err), &err, SIFT_E_HEADER_VALUE, 0,
		     "refer-sub-value");
	assert_error(sift_refer_sub_parse(buf, put("truex"), 0, &r, &err), &err,
		     SIFT_E_HEADER_VALUE, 0, "refer-sub-value");
	assert_error(sift_refer_sub_parse(buf, put("true;"), 0, &r, &err), &err,
		     SIFT_E_HEADER_VALUE, 5, "exten");
	assert_error(sift_refer_sub_parse(buf, put("true false"), 0, &r, &err), &err,
		     SIFT_E_HEADER_VALUE, 5, "refer-sub-value");
}

/* ---- SIP-ETag, SIP-If-Match (RFC 3903 11.3) -------------------------------- */

static void test_rfc3903_11_3_entity_tag(void **state)
{
	(void)state;
	sift_span tag;
	sift_error err;
	/* RFC 3903 examples: "SIP-ETag: dx200xyz", "SIP-If-Match: dx200xyz",
	 * "SIP-ETag: kwj449x". */
	assert_int_equal(sift_entity_tag_parse(buf, put("dx200xyz"), SIFT_OPT_STRICT, &tag, &err),
			 SIFT_OK);
	assert_span(tag, "dx200xyz");
	assert_int_equal(sift_entity_tag_parse(buf, put("kwj449x"), 0, &tag, &err), SIFT_OK);
	assert_span(tag, "kwj449x");
	assert_error(sift_entity_tag_parse(buf, put(""), 0, &tag, &err), &err, SIFT_E_HEADER_VALUE,
		     0, "entity-tag");
	assert_error(sift_entity_tag_parse(buf, put("dx 200"), 0, &tag, &err), &err,
		     SIFT_E_HEADER_VALUE, 3, "entity-tag");
	assert_error(sift_entity_tag_parse(buf, put("\"dx200\""), 0, &tag, &err), &err,
		     SIFT_E_HEADER_VALUE, 0, "entity-tag");
	assert_error(sift_entity_tag_parse(buf, put("dx;200"), 0, &tag, &err), &err,
		     SIFT_E_HEADER_VALUE, 2, "entity-tag");
}

/* ---- Info-Package, Recv-Info (RFC 6086 7.2, 7.3) --------------------------- */

static void test_rfc6086_7_2_info_package(void **state)
{
	(void)state;
	sift_info_package pkg;
	sift_error err;
	/* RFC 6086 examples use the package "foo". */
	assert_int_equal(sift_info_package_parse(buf, put("foo"), SIFT_OPT_STRICT, &pkg, &err),
			 SIFT_OK);
	assert_span(pkg.name, "foo");
	assert_int_equal(pkg.params.len, 0);
	assert_int_equal(sift_info_package_parse(buf, put("g.3gpp.state-and-event;v=1"), 0, &pkg,
						 &err),
			 SIFT_OK);
	assert_span(pkg.name, "g.3gpp.state-and-event");
	assert_span(pkg.params, "v=1");
	assert_error(sift_info_package_parse(buf, put(""), 0, &pkg, &err), &err,
		     SIFT_E_HEADER_VALUE, 0, "Info-package-name");
	assert_error(sift_info_package_parse(buf, put("foo, bar"), 0, &pkg, &err), &err,
		     SIFT_E_HEADER_VALUE, 3, "Info-package-type");
	assert_error(sift_info_package_parse(buf, put("foo;"), 0, &pkg, &err), &err,
		     SIFT_E_HEADER_VALUE, 4, "Info-package-param");
	assert_error(sift_info_package_parse(buf, put("@foo"), 0, &pkg, &err), &err,
		     SIFT_E_HEADER_VALUE, 0, "Info-package-name");
}

/* RFC 6086 7.3: Recv-Info = "Recv-Info" HCOLON [Info-package-list]. */
static void test_rfc6086_7_3_recv_info_may_be_empty(void **state)
{
	(void)state;
	sift_event_list list;
	sift_error err;
	assert_int_equal(sift_recv_info_parse(buf, put(""), SIFT_OPT_STRICT, &list, &err), SIFT_OK);
	assert_int_equal(list.count, 0);
	sift_span cursor = list.list, element;
	assert_int_equal(sift_event_list_next(buf, &cursor, &element), 0);
	assert_int_equal(sift_recv_info_parse(buf, put("foo"), 0, &list, &err), SIFT_OK);
	assert_int_equal(list.count, 1);
	assert_int_equal(sift_recv_info_parse(buf, put("foo, bar;x=\"a,b\" , baz"), 0, &list, &err),
			 SIFT_OK);
	assert_int_equal(list.count, 3);
	cursor = list.list;
	assert_int_equal(sift_event_list_next(buf, &cursor, &element), 1);
	assert_span(element, "foo");
	assert_int_equal(sift_event_list_next(buf, &cursor, &element), 1);
	assert_span(element, "bar;x=\"a,b\"");
	sift_info_package pkg;
	assert_int_equal(sift_info_package_parse(buf, element, 0, &pkg, &err), SIFT_OK);
	assert_span(pkg.name, "bar");
	assert_int_equal(sift_event_list_next(buf, &cursor, &element), 1);
	assert_span(element, "baz");
	assert_int_equal(sift_event_list_next(buf, &cursor, &element), 0);
}

static void test_rfc6086_7_3_recv_info_malformed(void **state)
{
	(void)state;
	sift_event_list list;
	sift_error err;
	assert_error(sift_recv_info_parse(buf, put("foo bar"), 0, &list, &err), &err,
		     SIFT_E_HEADER_VALUE, 4, "Info-package-list");
	assert_error(sift_recv_info_parse(buf, put("foo,,bar"), 0, &list, &err), &err,
		     SIFT_E_HEADER_VALUE, 4, "Info-package-name");
	assert_error(sift_recv_info_parse(buf, put("foo;=1"), 0, &list, &err), &err,
		     SIFT_E_HEADER_VALUE, 4, "Info-package-param");
}

/* ---- In messages: full validation and the compact forms -------------------- */

#define NOTIFY_HEAD                                                        \
	"NOTIFY sip:alice@pc33.example.com SIP/2.0\r\n"                    \
	"Via: SIP/2.0/UDP ps.example.com;branch=z9hG4bK8sdf2\r\n"          \
	"Max-Forwards: 70\r\n"                                             \
	"To: <sip:alice@example.com>;tag=1\r\n"                            \
	"From: <sip:bob@example.com>;tag=2\r\n"                            \
	"Call-ID: 7a9f2@pc33.example.com\r\n"                              \
	"CSeq: 2 NOTIFY\r\n"                                               \
	"Contact: <sip:ps.example.com;gr>\r\n"

static sift_code parse_message(const char *text, sift_msg *msg, sift_header *headers)
{
	size_t len = strlen(text);
	free(buf);
	buf = malloc(len);
	memcpy(buf, text, len);
	sift_msg_init(msg, headers, 32);
	return sift_parse(msg, buf, len, 0);
}

static void test_rfc6665_8_2_headers_validated_in_messages(void **state)
{
	(void)state;
	sift_header headers[32];
	sift_msg msg;
	assert_int_equal(parse_message(NOTIFY_HEAD "o: presence;id=1\r\n"
						   "Subscription-State: active;expires=60\r\n"
						   "u: presence, dialog\r\n"
						   "Recv-Info:\r\n"
						   "Content-Length: 0\r\n\r\n",
				       &msg, headers),
			 SIFT_OK);
	assert_int_equal(sift_msg_count(&msg, SIFT_H_EVENT), 1);
	assert_int_equal(sift_msg_count(&msg, SIFT_H_ALLOW_EVENTS), 2);
	sift_event e;
	assert_int_equal(sift_event_parse(buf, sift_msg_value(&msg, SIFT_H_EVENT, NULL), 0, &e, NULL),
			 SIFT_OK);
	assert_span(e.type, "presence");

	assert_int_equal(parse_message(NOTIFY_HEAD "Event: presence\r\n"
						   "Subscription-State: active;expires=soon\r\n"
						   "Content-Length: 0\r\n\r\n",
				       &msg, headers),
			 SIFT_E_HEADER_VALUE);
	assert_string_equal(msg.error.rule, "delta-seconds");
	assert_int_equal(msg.error.header_id, SIFT_H_SUBSCRIPTION_STATE);
	assert_true(span_is((sift_span){ msg.error.offset, 4 }, "soon"));
}

/* Walks end on any input (the fuzz target checks more of this). */
static void test_iterators_end_on_unvalidated_input(void **state)
{
	(void)state;
	sift_span cursor = put(",, \"a,\"b,\"unclosed"), element;
	int steps = 0;
	while (sift_event_list_next(buf, &cursor, &element))
		assert_true(++steps < 10);
	cursor = put("..a..b.");
	steps = 0;
	while (sift_event_template_next(buf, &cursor, &element))
		assert_true(++steps < 10);
	assert_int_equal(steps, 2);
}

static void test_bad_arguments_are_refused(void **state)
{
	(void)state;
	sift_span v = put("presence");
	assert_int_equal(sift_event_parse(NULL, v, 0, NULL, NULL), SIFT_E_ARGUMENT);
	assert_int_equal(sift_subscription_state_parse(buf, v, 0, NULL, NULL), SIFT_E_ARGUMENT);
	assert_int_equal(sift_allow_events_parse(buf, v, 0, NULL, NULL), SIFT_E_ARGUMENT);
	assert_int_equal(sift_refer_sub_parse(buf, v, 0, NULL, NULL), SIFT_E_ARGUMENT);
	assert_int_equal(sift_entity_tag_parse(buf, v, 0, NULL, NULL), SIFT_E_ARGUMENT);
	assert_int_equal(sift_info_package_parse(buf, v, 0, NULL, NULL), SIFT_E_ARGUMENT);
	assert_int_equal(sift_recv_info_parse(buf, v, 0, NULL, NULL), SIFT_E_ARGUMENT);
}

static int teardown(void **state)
{
	(void)state;
	free(buf);
	buf = NULL;
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc6665_8_2_1_examples_accepted),
		cmocka_unit_test(test_rfc3515_rfc5367_event_examples_accepted),
		cmocka_unit_test(test_rfc6665_5_2_event_templates),
		cmocka_unit_test(test_rfc6665_8_4_event_type_required),
		cmocka_unit_test(test_rfc6665_8_4_event_param_syntax),
		cmocka_unit_test(test_rfc6665_8_4_id_is_token_when_strict),
		cmocka_unit_test(test_rfc6446_9_2_rate_values),
		cmocka_unit_test(test_rfc6446_9_2_rate_syntax_when_strict),
		cmocka_unit_test(test_rfc6665_8_2_2_allow_events_list),
		cmocka_unit_test(test_rfc6665_8_2_2_allow_events_malformed),
		cmocka_unit_test(test_rfc6665_8_2_3_examples_accepted),
		cmocka_unit_test(test_rfc6665_7_2_reason_codes),
		cmocka_unit_test(test_rfc6665_8_4_substate_value_required),
		cmocka_unit_test(test_rfc6665_8_4_event_reason_value),
		cmocka_unit_test(test_rfc6665_8_4_delta_seconds),
		cmocka_unit_test(test_rfc6665_8_4_subexp_params),
		cmocka_unit_test(test_rfc4488_4_refer_sub),
		cmocka_unit_test(test_rfc4488_4_refer_sub_malformed),
		cmocka_unit_test(test_rfc3903_11_3_entity_tag),
		cmocka_unit_test(test_rfc6086_7_2_info_package),
		cmocka_unit_test(test_rfc6086_7_3_recv_info_may_be_empty),
		cmocka_unit_test(test_rfc6086_7_3_recv_info_malformed),
		cmocka_unit_test(test_rfc6665_8_2_headers_validated_in_messages),
		cmocka_unit_test(test_iterators_end_on_unvalidated_input),
		cmocka_unit_test(test_bad_arguments_are_refused),
	};
	return cmocka_run_group_tests_name("event", tests, NULL, teardown);
}
