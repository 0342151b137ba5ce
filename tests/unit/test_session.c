/*
 * tests/unit/test_session.c - the session and dialog header family
 * (sipsift/session.h): Replaces, Join, Target-Dialog, RAck, RSeq,
 * Session-Expires, Min-SE, Reason, Privacy, Identity, Identity-Info,
 * Max-Breadth, Flow-Timer, Priority, Alert-Info, Call-Info, Error-Info.
 *
 * For every header the RFC's examples parse, and for each grammar rule a
 * malformed value fails with the expected code, offset and rule. Every
 * value is copied into a heap block of exactly its length, so the
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

#define STRICT SIFT_OPT_STRICT

static char *input;

/* The value text alone in an exact-size heap block, span at offset 0. */
static sift_span value_of(const char *text)
{
	size_t len = strlen(text);
	free(input);
	input = malloc(len ? len : 1);
	memcpy(input, text, len);
	sift_span span = { 0, (uint32_t)len };
	return span;
}

static int span_is(sift_span s, const char *expected)
{
	return s.len == strlen(expected) && memcmp(input + s.off, expected, s.len) == 0;
}

/* Every parser behind one signature, for the rejection checks. */
typedef sift_code (*parser)(const char *buf, sift_span value, unsigned options, sift_error *err);

#define WRAP(name, type, call)                                                              \
	static sift_code name(const char *buf, sift_span value, unsigned options, sift_error *err) \
	{                                                                                   \
		type out;                                                                   \
		return call(buf, value, options, &out, err);                                \
	}
WRAP(p_replaces, sift_dialog_match, sift_replaces_parse)
WRAP(p_join, sift_dialog_match, sift_join_parse)
WRAP(p_target_dialog, sift_target_dialog, sift_target_dialog_parse)
WRAP(p_rack, sift_rack, sift_rack_parse)
WRAP(p_rseq, uint32_t, sift_rseq_parse)
WRAP(p_session_expires, sift_session_expires, sift_session_expires_parse)
WRAP(p_min_se, sift_min_se, sift_min_se_parse)
WRAP(p_reason, sift_reason, sift_reason_parse)
WRAP(p_privacy, sift_privacy, sift_privacy_parse)
WRAP(p_identity, sift_identity, sift_identity_parse)
WRAP(p_identity_info, sift_identity_info, sift_identity_info_parse)
WRAP(p_max_breadth, uint32_t, sift_max_breadth_parse)
WRAP(p_flow_timer, uint32_t, sift_flow_timer_parse)
WRAP(p_priority, sift_priority, sift_priority_parse)
WRAP(p_alert_info, sift_info_value, sift_alert_info_parse)
WRAP(p_call_info, sift_info_value, sift_call_info_parse)
WRAP(p_error_info, sift_info_value, sift_error_info_parse)

static void expect_ok(parser parse, const char *text, unsigned options)
{
	sift_error err = { SIFT_OK, 0, NULL, 0 };
	sift_span v = value_of(text);
	sift_code code = parse(input, v, options, &err);
	if (code != SIFT_OK)
		fail_msg("%s: code %d at %u rule %s", text, code, err.offset, err.rule ? err.rule : "?");
}

/* Fails with code at offset, naming rule; the same code without err. */
static void expect_error(parser parse, const char *text, unsigned options, sift_code code,
			 uint32_t offset, const char *rule)
{
	sift_error err = { SIFT_OK, 0, NULL, 0 };
	sift_span v = value_of(text);
	sift_code got = parse(input, v, options, &err);
	if (got != code || err.code != code || err.offset != offset || !err.rule ||
	    strcmp(err.rule, rule) != 0)
		fail_msg("%s: want %d at %u rule %s, got %d at %u rule %s", text, code, offset, rule, got,
			 err.offset, err.rule ? err.rule : "(none)");
	assert_int_equal(parse(input, v, options, NULL), code);
}

/* ---- Replaces, Join, Target-Dialog ---------------------------------- */

/* RFC 3891 3 and 6.1: the examples. */
static void test_rfc3891_6_1_examples_accepted(void **state)
{
	(void)state;
	sift_dialog_match m;
	sift_span v = value_of("425928@bobster.example.org;to-tag=7743;from-tag=6472");
	assert_int_equal(sift_replaces_parse(input, v, STRICT, &m, NULL), SIFT_OK);
	assert_true(span_is(m.call_id, "425928@bobster.example.org"));
	assert_true(span_is(m.to_tag, "7743"));
	assert_true(span_is(m.from_tag, "6472"));
	assert_int_equal(m.early_only, 0);

	v = value_of("98732@sip.example.com\r\n          ;from-tag=r33th4x0r\r\n          ;to-tag=ff87ff");
	assert_int_equal(sift_replaces_parse(input, v, STRICT, &m, NULL), SIFT_OK);
	assert_true(span_is(m.from_tag, "r33th4x0r"));
	assert_true(span_is(m.to_tag, "ff87ff"));

	v = value_of("12adf2f34456gs5;to-tag=12345;from-tag=54321;early-only");
	assert_int_equal(sift_replaces_parse(input, v, STRICT, &m, NULL), SIFT_OK);
	assert_int_equal(m.early_only, 1);
	assert_true(span_is(m.params, "to-tag=12345;from-tag=54321;early-only"));

	v = value_of("87134@171.161.34.23;to-tag=24796;from-tag=0");
	assert_int_equal(sift_replaces_parse(input, v, STRICT, &m, NULL), SIFT_OK);
	assert_true(span_is(m.from_tag, "0"));
}

/* RFC 3891 6.1: callid *(SEMI replaces-param) */
static void test_rfc3891_6_1_replaces_grammar(void **state)
{
	(void)state;
	expect_error(p_replaces, ";to-tag=1;from-tag=2", 0, SIFT_E_HEADER_VALUE, 0, "callid");
	expect_error(p_replaces, "abc;=1", 0, SIFT_E_HEADER_VALUE, 4, "replaces-param");
	expect_error(p_replaces, "abc;to-tag=1;from-tag=2 x", 0, SIFT_E_HEADER_VALUE, 24, "callid");
	/* early-flag = "early-only", without a value */
	expect_ok(p_replaces, "a;to-tag=1;from-tag=2;early-only=yes", 0);
	expect_error(p_replaces, "a;to-tag=1;from-tag=2;early-only=yes", STRICT, SIFT_E_HEADER_VALUE,
		     32, "early-flag");
	/* to-tag = "to-tag" EQUAL token: a quoted value is a generic-param */
	expect_error(p_replaces, "a;to-tag=\"1\";from-tag=2", STRICT, SIFT_E_HEADER_VALUE, 9, "to-tag");
}

/* RFC 3891 6.1: "MUST contain exactly one to-tag and exactly one from-tag" */
static void test_rfc3891_6_1_exactly_one_of_each_tag(void **state)
{
	(void)state;
	expect_error(p_replaces, "abc;from-tag=2", 0, SIFT_E_HEADER_VALUE, 14, "to-tag");
	expect_error(p_replaces, "abc;to-tag=2", 0, SIFT_E_HEADER_VALUE, 12, "from-tag");
	expect_error(p_replaces, "abc;to-tag=1;from-tag=2;to-tag=3", 0, SIFT_E_HEADER_VALUE, 24,
		     "to-tag");
	expect_error(p_replaces, "abc;to-tag=1;from-tag=2;FROM-TAG=3", 0, SIFT_E_HEADER_VALUE, 24,
		     "from-tag");
}

/* RFC 3911 7.1: the examples, and the grammar. */
static void test_rfc3911_7_1_join(void **state)
{
	(void)state;
	sift_dialog_match m;
	sift_span v = value_of("98732@sip.example.com\r\n             ;from-tag=r33th4x0r\r\n             ;to-tag=ff87ff");
	assert_int_equal(sift_join_parse(input, v, STRICT, &m, NULL), SIFT_OK);
	assert_true(span_is(m.to_tag, "ff87ff"));
	expect_ok(p_join, "12adf2f34456gs5;to-tag=12345;from-tag=54321", STRICT);
	expect_ok(p_join, "87134@192.0.2.23;to-tag=24796;from-tag=0", STRICT);
	expect_ok(p_join, "7@c.example.org;to-tag=xyz;from-tag=pdq", STRICT);
	/* early-only is no flag of Join: an ordinary generic-param */
	v = value_of("7@c;to-tag=x;from-tag=y;early-only");
	assert_int_equal(sift_join_parse(input, v, STRICT, &m, NULL), SIFT_OK);
	assert_int_equal(m.early_only, 0);
	expect_error(p_join, "7@c;to-tag=x;from-tag=y;", 0, SIFT_E_HEADER_VALUE, 24, "join-param");
	expect_error(p_join, "7@c;to-tag=x", 0, SIFT_E_HEADER_VALUE, 12, "from-tag");
	expect_error(p_join, "7@@c;to-tag=1;from-tag=2", 0, SIFT_E_HEADER_VALUE, 1, "callid");
}

/* RFC 4538 7: callid *(SEMI td-param); tags required only when strict. */
static void test_rfc4538_7_target_dialog(void **state)
{
	(void)state;
	sift_target_dialog td;
	sift_span v = value_of("fa77as7dad8-sd98ajzz@host.example.com;local-tag=kkaz-;remote-tag=6544");
	assert_int_equal(sift_target_dialog_parse(input, v, STRICT, &td, NULL), SIFT_OK);
	assert_true(span_is(td.call_id, "fa77as7dad8-sd98ajzz@host.example.com"));
	assert_true(span_is(td.local_tag, "kkaz-"));
	assert_true(span_is(td.remote_tag, "6544"));
	assert_int_equal(td.has_local_tag, 1);
	expect_ok(p_target_dialog, "abc@host", 0);
	expect_error(p_target_dialog, "abc@host", STRICT, SIFT_E_HEADER_VALUE, 8, "remote-param");
	expect_error(p_target_dialog, "abc@host;remote-tag=1", STRICT, SIFT_E_HEADER_VALUE, 21,
		     "local-param");
	expect_error(p_target_dialog, "abc@host;remote-tag=\"1\";local-tag=2", STRICT,
		     SIFT_E_HEADER_VALUE, 20, "remote-param");
	expect_error(p_target_dialog, "abc@host;;", 0, SIFT_E_HEADER_VALUE, 9, "td-param");
}

/* ---- RAck, RSeq ----------------------------------------------------- */

/* RFC 3262 7.1 and 7.2: the examples. */
static void test_rfc3262_7_examples_accepted(void **state)
{
	(void)state;
	sift_rack rack;
	sift_span v = value_of("776656 1 INVITE");
	assert_int_equal(sift_rack_parse(input, v, STRICT, &rack, NULL), SIFT_OK);
	assert_int_equal(rack.response_num, 776656);
	assert_int_equal(rack.cseq_num, 1);
	assert_true(span_is(rack.method, "INVITE"));
	assert_int_equal(rack.method_id, SIFT_METHOD_INVITE);
	uint32_t rseq = 0;
	v = value_of("988789");
	assert_int_equal(sift_rseq_parse(input, v, STRICT, &rseq, NULL), SIFT_OK);
	assert_int_equal(rseq, 988789);
	/* 7.1: up to 2**32 - 1 */
	v = value_of("4294967295 4294967295 PRACK");
	assert_int_equal(sift_rack_parse(input, v, 0, &rack, NULL), SIFT_OK);
	assert_int_equal(rack.response_num, 4294967295u);
	assert_int_equal(rack.method_id, SIFT_METHOD_PRACK);
}

/* RFC 3262 7.2: RAck = response-num LWS CSeq-num LWS Method */
static void test_rfc3262_7_2_rack_grammar(void **state)
{
	(void)state;
	expect_error(p_rack, "x 1 INVITE", 0, SIFT_E_HEADER_VALUE, 0, "response-num");
	expect_error(p_rack, "1 x INVITE", 0, SIFT_E_HEADER_VALUE, 2, "CSeq-num");
	expect_error(p_rack, "1 1INVITE", 0, SIFT_E_HEADER_VALUE, 3, "LWS");
	expect_error(p_rack, "1;1 INVITE", 0, SIFT_E_HEADER_VALUE, 1, "LWS");
	expect_error(p_rack, "1 1 @", 0, SIFT_E_HEADER_VALUE, 4, "Method");
	expect_error(p_rack, "1 1 INVITE x", 0, SIFT_E_HEADER_VALUE, 10, "Method");
}

/* RFC 3262 7.1: response-num from 1 to 2**32 - 1; CSeq-num below 2**32. */
static void test_rfc3262_7_1_number_ranges(void **state)
{
	(void)state;
	expect_error(p_rack, "0 1 INVITE", 0, SIFT_E_NUMBER_RANGE, 0, "response-num");
	expect_error(p_rack, "4294967296 1 INVITE", 0, SIFT_E_NUMBER_RANGE, 0, "response-num");
	expect_error(p_rack, "1 4294967296 INVITE", 0, SIFT_E_NUMBER_RANGE, 2, "CSeq-num");
	expect_ok(p_rack, "1 0 INVITE", 0);
	expect_error(p_rseq, "0", 0, SIFT_E_NUMBER_RANGE, 0, "response-num");
	expect_error(p_rseq, "99999999999999999999", 0, SIFT_E_NUMBER_RANGE, 0, "response-num");
	expect_error(p_rseq, "12a", 0, SIFT_E_HEADER_VALUE, 2, "response-num");
	expect_error(p_rseq, "", 0, SIFT_E_HEADER_VALUE, 0, "response-num");
}

/* ---- Session-Expires, Min-SE ---------------------------------------- */

/* RFC 4028 4 and 5: values in the form of the RFC's examples. */
static void test_rfc4028_4_session_expires_accepted(void **state)
{
	(void)state;
	sift_session_expires se;
	sift_span v = value_of("4000;refresher=uac");
	assert_int_equal(sift_session_expires_parse(input, v, STRICT, &se, NULL), SIFT_OK);
	assert_int_equal(se.seconds, 4000);
	assert_int_equal(se.refresher, SIFT_REFRESHER_UAC);
	assert_true(span_is(se.refresher_text, "uac"));
	v = value_of("1800 ; refresher = UAS ; x=1");
	assert_int_equal(sift_session_expires_parse(input, v, STRICT, &se, NULL), SIFT_OK);
	assert_int_equal(se.refresher, SIFT_REFRESHER_UAS);
	v = value_of("90");
	assert_int_equal(sift_session_expires_parse(input, v, STRICT, &se, NULL), SIFT_OK);
	assert_int_equal(se.refresher, SIFT_REFRESHER_NONE);
	sift_min_se min;
	v = value_of("120;x");
	assert_int_equal(sift_min_se_parse(input, v, STRICT, &min, NULL), SIFT_OK);
	assert_int_equal(min.seconds, 120);
}

/* RFC 4028 4: delta-seconds *(SEMI se-params); refresher-param */
static void test_rfc4028_4_session_expires_grammar(void **state)
{
	(void)state;
	expect_error(p_session_expires, "x;refresher=uac", 0, SIFT_E_HEADER_VALUE, 0, "delta-seconds");
	expect_error(p_session_expires, "1800;", 0, SIFT_E_HEADER_VALUE, 5, "se-params");
	expect_error(p_session_expires, "1800 1", 0, SIFT_E_HEADER_VALUE, 5, "se-params");
	expect_error(p_session_expires, "99999999999", 0, SIFT_E_NUMBER_RANGE, 0, "delta-seconds");
	/* refresher=both: a generic-param by default, refresher-param when strict */
	expect_ok(p_session_expires, "1800;refresher=both", 0);
	expect_error(p_session_expires, "1800;refresher=both", STRICT, SIFT_E_HEADER_VALUE, 15,
		     "refresher-param");
	/* 4: "The absolute minimum for the Session-Expires header field is 90 seconds" */
	expect_ok(p_session_expires, "89", 0);
	expect_error(p_session_expires, "89", STRICT, SIFT_E_NUMBER_RANGE, 0, "delta-seconds");
}

/* RFC 4028 4: the refresher parameter alone (";refresher=uac", the usual
 * Session-Expires) is taken without the parameter walk: the same list, and
 * any other byte in its place still the walk's error. */
static void test_rfc4028_4_refresher_param_alone(void **state)
{
	(void)state;
	sift_session_expires se;
	sift_span v = value_of("1800;refresher=uac");
	assert_int_equal(sift_header_validate(input, SIFT_H_SESSION_EXPIRES, v, 0, NULL), SIFT_OK);
	assert_int_equal(sift_session_expires_parse(input, v, 0, &se, NULL), SIFT_OK);
	assert_int_equal(se.seconds, 1800);
	assert_int_equal(se.refresher, SIFT_REFRESHER_UAC);
	assert_true(span_is(se.params, "refresher=uac"));
	sift_min_se min;
	v = value_of("90;refresher=uas");
	assert_int_equal(sift_min_se_parse(input, v, 0, &min, NULL), SIFT_OK);
	assert_true(span_is(min.params, "refresher=uas"));
	expect_ok(p_session_expires, "1800;refresher=uax", 0);
	expect_error(p_session_expires, "1800;refresher=ua@", 0, SIFT_E_HEADER_VALUE, 17, "se-params");
	expect_error(p_session_expires, "1800;refresher=uac;", 0, SIFT_E_HEADER_VALUE, 19,
		     "se-params");
	expect_error(p_min_se, "90;refresher=ua@", 0, SIFT_E_HEADER_VALUE, 15, "generic-param");
}

/* RFC 4028 5: Min-SE = delta-seconds *(SEMI generic-param), not below 90. */
static void test_rfc4028_5_min_se_grammar(void **state)
{
	(void)state;
	expect_ok(p_min_se, "60", 0);
	expect_error(p_min_se, "60", STRICT, SIFT_E_NUMBER_RANGE, 0, "delta-seconds");
	expect_error(p_min_se, "-1", 0, SIFT_E_HEADER_VALUE, 0, "delta-seconds");
	expect_error(p_min_se, "90;a=\"b", 0, SIFT_E_HEADER_VALUE, 5, "gen-value");
	expect_error(p_min_se, "90 ,", 0, SIFT_E_HEADER_VALUE, 3, "generic-param");
}

/* ---- Reason --------------------------------------------------------- */

/* RFC 3326 2: the examples. */
static void test_rfc3326_2_examples_accepted(void **state)
{
	(void)state;
	sift_reason r;
	sift_span v = value_of("SIP ;cause=200 ;text=\"Call completed elsewhere\"");
	assert_int_equal(sift_reason_parse(input, v, STRICT, &r, NULL), SIFT_OK);
	assert_int_equal(r.protocol_id, SIFT_REASON_PROTOCOL_SIP);
	assert_int_equal(r.has_cause, 1);
	assert_int_equal(r.cause, 200);
	assert_true(span_is(r.text, "\"Call completed elsewhere\""));
	v = value_of("Q.850 ;cause=16 ;text=\"Terminated\"");
	assert_int_equal(sift_reason_parse(input, v, STRICT, &r, NULL), SIFT_OK);
	assert_int_equal(r.protocol_id, SIFT_REASON_PROTOCOL_Q850);
	assert_int_equal(r.cause, 16);
	expect_ok(p_reason, "SIP ;cause=600 ;text=\"Busy Everywhere\"", STRICT);
	expect_ok(p_reason, "SIP ;cause=580 ;text=\"Precondition Failure\"", STRICT);
	v = value_of("preemption ;cause=1 ;text=\"UA Preemption\"");
	assert_int_equal(sift_reason_parse(input, v, STRICT, &r, NULL), SIFT_OK);
	assert_int_equal(r.protocol_id, SIFT_REASON_PROTOCOL_PREEMPTION);
	v = value_of("X-Vendor");
	assert_int_equal(sift_reason_parse(input, v, STRICT, &r, NULL), SIFT_OK);
	assert_int_equal(r.protocol_id, SIFT_REASON_PROTOCOL_OTHER);
	assert_int_equal(r.has_cause, 0);
}

/* RFC 3326 2: reason-value = protocol *(SEMI reason-params) */
static void test_rfc3326_2_reason_grammar(void **state)
{
	(void)state;
	expect_error(p_reason, ";cause=1", 0, SIFT_E_HEADER_VALUE, 0, "protocol");
	expect_error(p_reason, "SIP;", 0, SIFT_E_HEADER_VALUE, 4, "reason-params");
	expect_error(p_reason, "SIP cause", 0, SIFT_E_HEADER_VALUE, 4, "reason-params");
	/* protocol-cause = "cause" EQUAL 1*DIGIT; reason-text needs quotes */
	expect_ok(p_reason, "SIP;cause=abc;text=abc", 0);
	expect_error(p_reason, "SIP;cause=abc", STRICT, SIFT_E_HEADER_VALUE, 10, "protocol-cause");
	expect_error(p_reason, "SIP;cause", STRICT, SIFT_E_HEADER_VALUE, 9, "protocol-cause");
	expect_error(p_reason, "SIP;text=abc", STRICT, SIFT_E_HEADER_VALUE, 9, "reason-text");
	expect_error(p_reason, "SIP;cause=4294967296", 0, SIFT_E_NUMBER_RANGE, 10, "cause");
}

/* RFC 3326 2: a SIP cause is a status code, a Q.850 cause a 7-bit value. */
static void test_rfc3326_2_cause_ranges_when_strict(void **state)
{
	(void)state;
	expect_ok(p_reason, "SIP;cause=999", 0);
	expect_error(p_reason, "SIP;cause=999", STRICT, SIFT_E_NUMBER_RANGE, 10, "cause");
	expect_error(p_reason, "SIP;cause=0200", STRICT, SIFT_E_NUMBER_RANGE, 10, "cause");
	expect_error(p_reason, "Q.850;cause=128", STRICT, SIFT_E_NUMBER_RANGE, 12, "cause");
	expect_ok(p_reason, "Q.850;cause=127", STRICT);
	expect_ok(p_reason, "other;cause=99999", STRICT);
}

/* ---- Privacy -------------------------------------------------------- */

/* RFC 3323 4.2 and RFC 3325 9.3: priv-value *(";" priv-value) */
static void test_rfc3323_4_2_privacy(void **state)
{
	(void)state;
	sift_privacy priv;
	sift_span v = value_of("id");
	assert_int_equal(sift_privacy_parse(input, v, STRICT, &priv, NULL), SIFT_OK);
	assert_int_equal(priv.flags, SIFT_PRIVACY_ID);
	v = value_of("header;session;user;critical;x-other");
	assert_int_equal(sift_privacy_parse(input, v, STRICT, &priv, NULL), SIFT_OK);
	assert_int_equal(priv.count, 5);
	assert_int_equal(priv.flags, SIFT_PRIVACY_HEADER | SIFT_PRIVACY_SESSION | SIFT_PRIVACY_USER |
					     SIFT_PRIVACY_CRITICAL | SIFT_PRIVACY_OTHER);
	sift_span cursor = priv.values, item;
	const char *expected[] = { "header", "session", "user", "critical", "x-other" };
	for (int i = 0; i < 5; i++) {
		assert_int_equal(sift_privacy_next(input, &cursor, &item), 1);
		assert_true(span_is(item, expected[i]));
	}
	assert_int_equal(sift_privacy_next(input, &cursor, &item), 0);
	v = value_of("None");
	assert_int_equal(sift_privacy_parse(input, v, 0, &priv, NULL), SIFT_OK);
	assert_int_equal(priv.flags, SIFT_PRIVACY_NONE);
	/* the separator is a bare ";": white space only when not strict */
	expect_ok(p_privacy, "id ; header", 0);
	expect_error(p_privacy, "id ; header", STRICT, SIFT_E_HEADER_VALUE, 2, "Privacy-hdr");
	expect_error(p_privacy, "id; header", STRICT, SIFT_E_HEADER_VALUE, 3, "priv-value");
	expect_error(p_privacy, "id;;header", 0, SIFT_E_HEADER_VALUE, 3, "priv-value");
	expect_error(p_privacy, "", 0, SIFT_E_HEADER_VALUE, 0, "priv-value");
	expect_error(p_privacy, "id, header", 0, SIFT_E_HEADER_VALUE, 2, "Privacy-hdr");
}

/* ---- Identity, Identity-Info ---------------------------------------- */

#define JWS_HEADER "eyJhbGciOiJFUzI1NiIsInR5cCI6InBhc3Nwb3J0IiwieDV1IjoiaHR0cHM6Ly9iaWxveGkuZXhhbXBsZS5vcmcvYmlsb3hpLmNlciJ9"
#define JWS_PAYLOAD "eyJkZXN0Ijp7InVyaSI6WyJzaXA6YWxpY2VAZXhhbXBsZS5jb20iXX0sImlhdCI6IjE0NDMyMDgzNDUiLCJvcmlnIjp7InRuIjoiMTIxNTU1NTEyMTIifX0"
#define JWS_SIGNATURE "rq3pjT1hoRwakEGjHCnWSwUnshd0-zJ6F1VOgFWSjHBr8Qjpjlk-cpFYpFYsojNCpTzO3QfPOlckGaS6hEck7w"

/* RFC 8224 4.1: a PASSporT and its info URI, in the form of the RFC's
 * example; the compact form of RFC 8225 7. */
static void test_rfc8224_4_1_identity_accepted(void **state)
{
	(void)state;
	sift_identity id;
	sift_span v = value_of(JWS_HEADER "." JWS_PAYLOAD "." JWS_SIGNATURE
			       ";info=<https://biloxi.example.org/biloxi.cer>");
	assert_int_equal(sift_identity_parse(input, v, STRICT, &id, NULL), SIFT_OK);
	assert_true(span_is(id.jws_header, JWS_HEADER));
	assert_true(span_is(id.jws_payload, JWS_PAYLOAD));
	assert_true(span_is(id.jws_signature, JWS_SIGNATURE));
	assert_true(span_is(id.info_uri, "https://biloxi.example.org/biloxi.cer"));
	assert_int_equal(id.has_info, 1);
	assert_int_equal(id.is_rfc4474, 0);
	v = value_of(".." JWS_SIGNATURE ";info=<https://cert.example.org/passport.cer>;alg=ES256;ppt=shaken");
	assert_int_equal(sift_identity_parse(input, v, STRICT, &id, NULL), SIFT_OK);
	assert_int_equal(id.jws_header.len, 0);
	assert_true(span_is(id.jws_signature, JWS_SIGNATURE));
	assert_true(span_is(id.alg, "ES256"));
	assert_true(span_is(id.ppt, "shaken"));
	assert_true(span_is(id.params, "info=<https://cert.example.org/passport.cer>;alg=ES256;ppt=shaken"));
}

/* RFC 8224 4.1: signed-identity-digest SEMI ident-info *(SEMI ident-info-params) */
static void test_rfc8224_4_1_identity_grammar(void **state)
{
	(void)state;
	expect_error(p_identity, "@@;info=<http://a>", 0, SIFT_E_HEADER_VALUE, 0,
		     "signed-identity-digest");
	expect_error(p_identity, "a.b.c", 0, SIFT_E_HEADER_VALUE, 5, "ident-info");
	expect_error(p_identity, "a.b.c;alg=ES256", 0, SIFT_E_HEADER_VALUE, 15, "ident-info");
	expect_error(p_identity, "a.b.c;info", 0, SIFT_E_HEADER_VALUE, 10, "ident-info");
	expect_error(p_identity, "a.b.c;info=http://a", 0, SIFT_E_HEADER_VALUE, 11, "LAQUOT");
	expect_error(p_identity, "a.b.c;info=<http://a", 0, SIFT_E_HEADER_VALUE, 20, "RAQUOT");
	expect_error(p_identity, "a.b.c;info=<:a>", 0, SIFT_E_URI, 12, "absoluteURI");
	expect_error(p_identity, "a.b.c;info=<http://a>;", 0, SIFT_E_HEADER_VALUE, 22,
		     "ident-info-params");
	expect_error(p_identity, "a.b.c;info=<http://a>;x=\"", 0, SIFT_E_HEADER_VALUE, 24, "gen-value");
	expect_error(p_identity, "a.b.c;info=<http://a>;info=<http://b>", 0, SIFT_E_HEADER_VALUE, 22,
		     "ident-info");
	expect_error(p_identity, "a.b.c;info=<http://a> x", 0, SIFT_E_HEADER_VALUE, 22,
		     "ident-info-params");
	/* info after other parameters: by default only */
	expect_ok(p_identity, "a.b.c;ppt=shaken;info=<http://a>", 0);
	expect_error(p_identity, "a.b.c;ppt=shaken;info=<http://a>", STRICT, SIFT_E_HEADER_VALUE, 6,
		     "ident-info");
	/* ident-type = "ppt" EQUAL token */
	expect_ok(p_identity, "a.b.c;info=<http://a>;ppt=\"shaken\"", 0);
	expect_error(p_identity, "a.b.c;info=<http://a>;ppt=\"shaken\"", STRICT, SIFT_E_HEADER_VALUE,
		     26, "ident-type");
	expect_error(p_identity, "a.b.c;info=<http://a>;alg=\"x\"", STRICT, SIFT_E_HEADER_VALUE, 26,
		     "ident-info-alg");
	/* strict: a JWS, three segments with a signature */
	expect_ok(p_identity, "abc;info=<http://a>", 0);
	expect_error(p_identity, "abc;info=<http://a>", STRICT, SIFT_E_HEADER_VALUE, 3,
		     "signed-identity-digest");
	expect_error(p_identity, "a.b.c.d;info=<http://a>", STRICT, SIFT_E_HEADER_VALUE, 7,
		     "signed-identity-digest");
	/* errata 6499: base64url and base64 alphabets both by default; strict
	 * keeps to the erratum's base64url */
	expect_ok(p_identity, "a-_.b+/.c;info=<http://a>", 0);
	expect_ok(p_identity, "a-_.b.c;info=<http://a>", STRICT);
	expect_error(p_identity, "a-_.b+/.c;info=<http://a>", STRICT, SIFT_E_HEADER_VALUE, 5,
		     "base64url-char");
	expect_error(p_identity, "a.b.c/;info=<http://a>", STRICT, SIFT_E_HEADER_VALUE, 5,
		     "base64url-char");
}

/* RFC 4474 9 (obsoleted by RFC 8224): a quoted base64 digest, by default. */
static void test_rfc4474_9_identity_and_identity_info(void **state)
{
	(void)state;
	sift_identity id;
	sift_span v = value_of("\"ZYNBbHC00VMZr2kZt6VmCvPonWJMGvQTBDqghoWeLxJfzB2a1pxAr3VgrB0SsSAa"
			       "ifsRdiOPoQZYOy2wrVghuhcsMbHWUSFxI6p6q5TOQXHMmz6uEo3svJsSH49thyGnFVcnyaZ++yRlBYYQTLqWzJ+KVhPKbfU/pryhVn9Yc6U=\"");
	assert_int_equal(sift_identity_parse(input, v, 0, &id, NULL), SIFT_OK);
	assert_int_equal(id.is_rfc4474, 1);
	assert_int_equal(id.digest.len, v.len);
	expect_ok(p_identity, "\"abc=\"", STRICT);
	/* RFC 4475 3.1.1.11: unquoted, padded, no parameters: valid */
	v = value_of("r5mwreLuyDRYBi/0TiPwEsY3rEVsk/G2WxhgTV1PF7hHuLIK0YWVKZhKv9Mj8UeXqkMVbnVq37CD+813gvYjcB"
		     "UaZngQmXc9WNZSDNGCzA+fWl9MEUHWIZo1CeJebdY/XlgKeTa0Olvq0rt70Q5jiSfbqMJmQFteeivUhkMWYUA=");
	assert_int_equal(sift_identity_parse(input, v, STRICT, &id, NULL), SIFT_OK);
	assert_int_equal(id.is_rfc4474, 1);
	assert_int_equal(id.digest.len, v.len);
	expect_error(p_identity, "abc==;info=<http://a>", 0, SIFT_E_HEADER_VALUE, 5,
		     "rfc4474-signed-identity-digest");
	expect_error(p_identity, "\"ab c\"", 0, SIFT_E_HEADER_VALUE, 0, "rfc4474-signed-identity-digest");
	expect_error(p_identity, "\"abc\";info=<http://a>", 0, SIFT_E_HEADER_VALUE, 5,
		     "rfc4474-signed-identity-digest");

	sift_identity_info info;
	v = value_of("<https://atlanta.example.com/atlanta.cer>;alg=rsa-sha1");
	assert_int_equal(sift_identity_info_parse(input, v, STRICT, &info, NULL), SIFT_OK);
	assert_true(span_is(info.uri, "https://atlanta.example.com/atlanta.cer"));
	assert_true(span_is(info.alg, "rsa-sha1"));
	expect_error(p_identity_info, "https://a/b.cer", 0, SIFT_E_HEADER_VALUE, 0, "LAQUOT");
	expect_error(p_identity_info, "<a b>", 0, SIFT_E_URI, 1, "absoluteURI");
	expect_error(p_identity_info, "<http://a>;", 0, SIFT_E_HEADER_VALUE, 11, "ident-info-params");
	expect_error(p_identity_info, "<http://a>;alg=\"x\"", STRICT, SIFT_E_HEADER_VALUE, 15,
		     "ident-info-alg");
	/* RFC 4475 3.1.1.6-style leniency: spaces inside < > unless strict */
	expect_ok(p_identity_info, "< http://a >", 0);
	expect_error(p_identity_info, "< http://a >", STRICT, SIFT_E_URI, 1, "absoluteURI");
}

/* ---- Max-Breadth, Flow-Timer, Priority ------------------------------ */

/* RFC 5393 5.8 and 5.3.1: 1*DIGIT, a positive integer, no parameters. */
static void test_rfc5393_5_8_max_breadth(void **state)
{
	(void)state;
	uint32_t n = 0;
	sift_span v = value_of("60");
	assert_int_equal(sift_max_breadth_parse(input, v, STRICT, &n, NULL), SIFT_OK);
	assert_int_equal(n, 60);
	expect_error(p_max_breadth, "x", 0, SIFT_E_HEADER_VALUE, 0, "Max-Breadth");
	expect_error(p_max_breadth, "60;x=1", 0, SIFT_E_HEADER_VALUE, 2, "Max-Breadth");
	expect_error(p_max_breadth, "60, 30", 0, SIFT_E_HEADER_VALUE, 2, "Max-Breadth");
	expect_error(p_max_breadth, "4294967296", 0, SIFT_E_NUMBER_RANGE, 0, "Max-Breadth");
	expect_ok(p_max_breadth, "0", 0);
	expect_error(p_max_breadth, " 0", STRICT, SIFT_E_NUMBER_RANGE, 1, "Max-Breadth");
}

/* RFC 5626 10: Flow-Timer = 1*DIGIT */
static void test_rfc5626_10_flow_timer(void **state)
{
	(void)state;
	uint32_t n = 0;
	sift_span v = value_of("126");
	assert_int_equal(sift_flow_timer_parse(input, v, STRICT, &n, NULL), SIFT_OK);
	assert_int_equal(n, 126);
	expect_error(p_flow_timer, "12s", 0, SIFT_E_HEADER_VALUE, 2, "Flow-Timer");
	expect_error(p_flow_timer, "5000000000", 0, SIFT_E_NUMBER_RANGE, 0, "Flow-Timer");
}

/* RFC 3261 20.26 and the RFC 6878 registry. */
static void test_rfc3261_20_26_priority(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		sift_priority_value id;
	} cases[] = {
		{ "emergency", SIFT_PRIORITY_EMERGENCY },   { "non-urgent", SIFT_PRIORITY_NON_URGENT },
		{ "Urgent", SIFT_PRIORITY_URGENT },         { "normal", SIFT_PRIORITY_NORMAL },
		{ "psap-callback", SIFT_PRIORITY_PSAP_CALLBACK }, { "x-high", SIFT_PRIORITY_OTHER },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		sift_priority prio;
		sift_span v = value_of(cases[i].text);
		assert_int_equal(sift_priority_parse(input, v, STRICT, &prio, NULL), SIFT_OK);
		assert_int_equal(prio.id, cases[i].id);
		assert_true(span_is(prio.value, cases[i].text));
	}
	expect_error(p_priority, "\"urgent\"", 0, SIFT_E_HEADER_VALUE, 0, "priority-value");
	expect_error(p_priority, "urgent now", 0, SIFT_E_HEADER_VALUE, 6, "priority-value");
}

/* ---- Alert-Info, Call-Info, Error-Info ------------------------------ */

/* RFC 3261 20.4, RFC 7462 8.2 and RFC 7463 7: the examples. */
static void test_rfc3261_20_4_alert_info_examples_accepted(void **state)
{
	(void)state;
	sift_info_value a;
	sift_span v = value_of("<http://www.example.com/sounds/moo.wav>");
	assert_int_equal(sift_alert_info_parse(input, v, STRICT, &a, NULL), SIFT_OK);
	assert_true(span_is(a.uri, "http://www.example.com/sounds/moo.wav"));
	assert_int_equal(a.is_alert_urn, 0);
	v = value_of("<urn:alert:service:normal>;appearance=1");
	assert_int_equal(sift_alert_info_parse(input, v, STRICT, &a, NULL), SIFT_OK);
	assert_int_equal(a.is_alert_urn, 1);
	assert_int_equal(a.has_appearance, 1);
	assert_int_equal(a.appearance_count, 1);
	assert_true(span_is(a.appearance, "1"));
	expect_ok(p_alert_info, "<urn:alert:service:call-waiting>", STRICT);
	expect_ok(p_alert_info, "<urn:alert:service:recall:transfer>", STRICT);
	expect_ok(p_alert_info, "<urn:alert:source:external>", STRICT);
	expect_ok(p_alert_info, "<urn:alert:locale:country:za>", STRICT);
}

/* RFC 3261 20.4: alert-param = LAQUOT absoluteURI RAQUOT *(SEMI generic-param) */
static void test_rfc3261_20_4_alert_param_grammar(void **state)
{
	(void)state;
	expect_error(p_alert_info, "http://a/b.wav", 0, SIFT_E_HEADER_VALUE, 0, "LAQUOT");
	expect_error(p_alert_info, "<//a/b.wav>", 0, SIFT_E_URI, 1, "absoluteURI");
	expect_error(p_alert_info, "<http://a/b.wav", 0, SIFT_E_HEADER_VALUE, 15, "RAQUOT");
	expect_error(p_alert_info, "<http://a/b.wav>;", 0, SIFT_E_HEADER_VALUE, 17, "alert-param");
	expect_error(p_alert_info, "<http://a/b.wav> x", 0, SIFT_E_HEADER_VALUE, 17, "alert-param");
}

/* RFC 7463 7: appearance-param = "appearance" EQUAL 1*DIGIT, once. */
static void test_rfc7463_7_appearance_param(void **state)
{
	(void)state;
	sift_info_value a;
	sift_span v = value_of("<urn:alert:service:normal>;appearance=x;appearance=2");
	assert_int_equal(sift_alert_info_parse(input, v, 0, &a, NULL), SIFT_OK);
	assert_int_equal(a.appearance_count, 2);
	expect_error(p_alert_info, "<urn:alert:service:normal>;appearance=x", STRICT,
		     SIFT_E_HEADER_VALUE, 38, "appearance-param");
	expect_error(p_alert_info, "<urn:alert:service:normal>;appearance", STRICT,
		     SIFT_E_HEADER_VALUE, 37, "appearance-param");
	expect_error(p_alert_info, "<urn:alert:service:normal>;appearance=1;appearance=2", STRICT,
		     SIFT_E_HEADER_VALUE, 40, "appearance-param");
}

/* RFC 7462 7: alert-URN = "urn:alert:" alert-identifier */
static void test_rfc7462_7_alert_urn_grammar(void **state)
{
	(void)state;
	sift_alert_urn_status urn;
	sift_error err;
	sift_span v = value_of("urn:alert:service:recall:transfer");
	assert_int_equal(sift_alert_urn_parse(input, v, &urn, NULL), SIFT_OK);
	assert_true(span_is(urn.category, "service"));
	assert_true(span_is(urn.indication, "recall:transfer"));
	assert_int_equal(urn.registered, 1);
	assert_int_equal(urn.has_private, 0);
	v = value_of("URN:Alert:service:normal");
	assert_int_equal(sift_alert_urn_parse(input, v, &urn, NULL), SIFT_OK);
	assert_int_equal(urn.case_differs, 0);
	v = value_of("urn:alert:Service:Normal");
	assert_int_equal(sift_alert_urn_parse(input, v, &urn, NULL), SIFT_OK);
	assert_int_equal(urn.registered, 1);
	assert_int_equal(urn.case_differs, 1);
	v = value_of("http://example.com/x");
	assert_int_equal(sift_alert_urn_parse(input, v, &urn, &err), SIFT_E_NOT_FOUND);

	expect_error(p_alert_info, "<urn:alert:-x:normal>", STRICT, SIFT_E_URI, 11, "alert-category");
	expect_error(p_alert_info, "<urn:alert:service:normal->", STRICT, SIFT_E_URI, 25, "alert-label"); /* ends in "-" */
	expect_error(p_alert_info, "<urn:alert:service::normal>", STRICT, SIFT_E_URI, 19, "alert-ind-part");
	expect_error(p_alert_info, "<urn:alert:service>", STRICT, SIFT_E_URI, 18, "alert-indication");
	expect_error(p_alert_info, "<urn:alert:service:a@>", STRICT, SIFT_E_URI, 21, "provider"); /* no provider after "@" */
	/* not strict: an absoluteURI like any other */
	expect_ok(p_alert_info, "<urn:alert:service>", 0);
}

/* RFC 7462 7 "Validation mechanism" and 9.2.1: registered identifiers. */
static void test_rfc7462_9_2_1_registry(void **state)
{
	(void)state;
	static const struct {
		const char *uri;
		int registered, has_private;
	} cases[] = {
		{ "urn:alert:service:normal", 1, 0 },
		{ "urn:alert:service:recall:callback", 1, 0 },
		{ "urn:alert:service:recall", 0, 0 },
		{ "urn:alert:service:ring-twice", 0, 0 },
		{ "urn:alert:priority:high", 1, 0 },
		{ "urn:alert:delay:yes", 1, 0 },
		{ "urn:alert:locale:country:za", 1, 0 },
		{ "urn:alert:locale:country:zaf", 0, 0 },
		{ "urn:alert:service:xyz@example", 1, 1 },
		{ "urn:alert:service:call-waiting:abc@example:def", 1, 1 },
		{ "urn:alert:service:bogus:abc@example", 0, 1 },
		{ "urn:alert:color@example:red", 1, 1 },
		{ "urn:alert:color:red", 0, 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		sift_alert_urn_status urn;
		sift_span v = value_of(cases[i].uri);
		assert_int_equal(sift_alert_urn_parse(input, v, &urn, NULL), SIFT_OK);
		if (urn.registered != cases[i].registered || urn.has_private != cases[i].has_private)
			fail_msg("%s: registered %d private %d", cases[i].uri, urn.registered,
				 urn.has_private);
	}
}

/* RFC 3261 20.9: info = LAQUOT absoluteURI RAQUOT *(SEMI info-param) */
static void test_rfc3261_20_9_call_info(void **state)
{
	(void)state;
	sift_info_value c;
	sift_span v = value_of("<http://wwww.example.com/alice/photo.jpg> ;purpose=icon");
	assert_int_equal(sift_call_info_parse(input, v, STRICT, &c, NULL), SIFT_OK);
	assert_int_equal(c.purpose_id, SIFT_PURPOSE_ICON);
	assert_true(span_is(c.purpose, "icon"));
	v = value_of("<http://www.example.com/alice/> ;purpose=info");
	assert_int_equal(sift_call_info_parse(input, v, STRICT, &c, NULL), SIFT_OK);
	assert_int_equal(c.purpose_id, SIFT_PURPOSE_INFO);
	v = value_of("<http://example.com/card.vcf>;purpose=card");
	assert_int_equal(sift_call_info_parse(input, v, STRICT, &c, NULL), SIFT_OK);
	assert_int_equal(c.purpose_id, SIFT_PURPOSE_CARD);
	v = value_of("<urn:emergency:uid:callid:20992:psap.example.com>;purpose=emergency-CallId");
	assert_int_equal(sift_call_info_parse(input, v, STRICT, &c, NULL), SIFT_OK);
	assert_int_equal(c.purpose_id, SIFT_PURPOSE_OTHER);
	expect_ok(p_call_info, "<http://a>;purpose=\"icon\"", 0);
	expect_error(p_call_info, "<http://a>;purpose=\"icon\"", STRICT, SIFT_E_HEADER_VALUE, 19,
		     "info-param");
	expect_error(p_call_info, "<http://a>;=x", 0, SIFT_E_HEADER_VALUE, 11, "info-param");
	expect_error(p_call_info, "http://a", 0, SIFT_E_HEADER_VALUE, 0, "LAQUOT");
}

/* RFC 3261 20.18: error-uri = LAQUOT absoluteURI RAQUOT *(SEMI generic-param) */
static void test_rfc3261_20_18_error_info(void **state)
{
	(void)state;
	sift_info_value e;
	sift_span v = value_of("<sip:not-in-service-recording@atlanta.com>");
	assert_int_equal(sift_error_info_parse(input, v, STRICT, &e, NULL), SIFT_OK);
	assert_true(span_is(e.uri, "sip:not-in-service-recording@atlanta.com"));
	expect_error(p_error_info, "<sip:a@b>;x=\"", 0, SIFT_E_HEADER_VALUE, 12, "gen-value");
	expect_error(p_error_info, "<sip:a@b>;", 0, SIFT_E_HEADER_VALUE, 10, "generic-param");
	expect_error(p_error_info, "<sip:a@b", 0, SIFT_E_HEADER_VALUE, 8, "RAQUOT");
}

/* ---- Whole messages ------------------------------------------------- */

/* Full validation (sift_header_validate) runs every parser above, in both
 * modes, on a message that carries all the headers. */
static void test_validation_runs_the_session_parsers(void **state)
{
	(void)state;
	static const char text[] =
		"INVITE sip:bob@example.com SIP/2.0\r\n"
		"Via: SIP/2.0/UDP pc33.example.com;branch=z9hG4bK776asdhds\r\n"
		"To: <sip:bob@example.com>\r\n"
		"From: Alice <sip:alice@example.com>;tag=1928301774\r\n"
		"Call-ID: a84b4c76e66710\r\n"
		"CSeq: 314159 INVITE\r\n"
		"Max-Forwards: 70\r\n"
		"Contact: <sip:alice@pc33.example.com>\r\n"
		"Replaces: 425928@bobster.example.org;to-tag=7743;from-tag=6472\r\n"
		"Target-Dialog: 1@a;local-tag=1;remote-tag=2\r\n"
		"Session-Expires: 1800;refresher=uac\r\n"
		"Min-SE: 90\r\n"
		"Reason: SIP ;cause=200 ;text=\"Call completed elsewhere\", Q.850;cause=16\r\n"
		"Privacy: id;header\r\n"
		"Identity: a.b.c;info=<https://cert.example.org/a.cer>;alg=ES256;ppt=shaken\r\n"
		"Max-Breadth: 60\r\n"
		"Priority: urgent\r\n"
		"Alert-Info: <urn:alert:service:normal>;appearance=1, <http://a/b.wav>\r\n"
		"Call-Info: <http://a/b.jpg>;purpose=icon\r\n"
		"Content-Length: 0\r\n\r\n";
	static const unsigned modes[] = { 0, STRICT };
	for (size_t m = 0; m < 2; m++) {
		sift_header headers[64];
		sift_msg msg;
		size_t len = sizeof text - 1;
		char *buf = malloc(len);
		memcpy(buf, text, len);
		sift_msg_init(&msg, headers, 64);
		sift_code code = sift_parse(&msg, buf, len, modes[m]);
		if (code != SIFT_OK)
			fail_msg("mode %u: %d at %u (%s)", modes[m], code, msg.error.offset,
				 msg.error.rule ? msg.error.rule : "?");
		free(buf);
	}
	/* and a bad value fails the message, naming the header and rule */
	static const char bad[] = "SIP/2.0 180 Ringing\r\n"
				  "Via: SIP/2.0/UDP pc33.example.com;branch=z9hG4bK776asdhds\r\n"
				  "To: <sip:bob@example.com>;tag=1\r\n"
				  "From: Alice <sip:alice@example.com>;tag=1928301774\r\n"
				  "Call-ID: a84b4c76e66710\r\n"
				  "CSeq: 314159 INVITE\r\n"
				  "RSeq: 0\r\n"
				  "Content-Length: 0\r\n\r\n";
	sift_header headers[16];
	sift_msg msg;
	size_t len = sizeof bad - 1;
	char *buf = malloc(len);
	memcpy(buf, bad, len);
	sift_msg_init(&msg, headers, 16);
	assert_int_equal(sift_parse(&msg, buf, len, 0), SIFT_E_NUMBER_RANGE);
	assert_int_equal(msg.error.header_id, SIFT_H_RSEQ);
	assert_string_equal(msg.error.rule, "response-num");
	free(buf);
}

/* Lint: one fault, one finding, in the default and the strict profile (a
 * strict parse reports a bad alert URN or appearance as header syntax, and
 * the RFC 7462/7463 rules then stay quiet); Max-Breadth's bad values are
 * rfc5393-max-breadth-value's alone. */
typedef struct tally {
	unsigned count[SIFT_RULE_COUNT];
	unsigned total;
} tally;

static void count_finding(const sift_diagnostic *d, void *context)
{
	tally *t = context;
	t->count[d->rule]++;
	t->total++;
}

static void lint(const char *extra, sift_profile profile, tally *t)
{
	char text[1024];
	int len = snprintf(text, sizeof text,
			   "INVITE sip:bob@example.com SIP/2.0\r\n"
			   "Via: SIP/2.0/UDP proxy.example.com;branch=z9hG4bK4324ea\r\n"
			   "Via: SIP/2.0/UDP pc33.example.com;branch=z9hG4bK776asdhds\r\n"
			   "To: <sip:bob@example.com>\r\n"
			   "From: Alice <sip:alice@example.com>;tag=1928301774\r\n"
			   "Call-ID: a84b4c76e66710\r\n"
			   "CSeq: 314159 INVITE\r\n"
			   "Max-Forwards: 70\r\n"
			   "Contact: <sip:alice@pc33.example.com>\r\n"
			   "%s\r\n"
			   "Content-Length: 0\r\n\r\n",
			   extra);
	char *buf = malloc((size_t)len);
	memcpy(buf, text, (size_t)len);
	sift_header headers[32];
	sift_msg msg;
	sift_msg_init(&msg, headers, 32);
	sift_code code = sift_parse(&msg, buf, (size_t)len, SIFT_OPT_INDEX_ONLY);
	assert_int_equal(code, SIFT_OK);
	sift_check_config config;
	sift_check_config_init(&config, profile);
	memset(t, 0, sizeof *t);
	sift_check_message(&config, buf, (size_t)len, &msg, code, count_finding, t);
	free(buf);
}

static void test_lint_one_finding_per_fault(void **state)
{
	(void)state;
	static const struct {
		const char *header;
		sift_rule_id default_rule, strict_rule;
	} cases[] = {
		{ "Alert-Info: <urn:alert:service:-x>", SIFT_RULE_RFC7462_ALERT_URN_SYNTAX,
		  SIFT_RULE_HEADER_SYNTAX },
		{ "Alert-Info: <urn:alert:service:normal>;appearance=x", SIFT_RULE_RFC7463_APPEARANCE_SYNTAX,
		  SIFT_RULE_HEADER_SYNTAX },
		{ "Alert-Info: <urn:alert:service:normal>;appearance=1;appearance=2",
		  SIFT_RULE_RFC7463_APPEARANCE_REPEATED, SIFT_RULE_HEADER_SYNTAX },
		{ "Max-Breadth: 0", SIFT_RULE_RFC5393_MAX_BREADTH_VALUE, SIFT_RULE_RFC5393_MAX_BREADTH_VALUE },
		{ "Max-Breadth: 6x", SIFT_RULE_RFC5393_MAX_BREADTH_VALUE, SIFT_RULE_RFC5393_MAX_BREADTH_VALUE },
		{ "Priority: very-high", SIFT_RULE_RFC6878_PRIORITY_UNREGISTERED,
		  SIFT_RULE_RFC6878_PRIORITY_UNREGISTERED },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		tally t;
		lint(cases[i].header, SIFT_PROFILE_DEFAULT, &t);
		if (t.total != 1 || t.count[cases[i].default_rule] != 1)
			fail_msg("%s (default): %u findings", cases[i].header, t.total);
		lint(cases[i].header, SIFT_PROFILE_STRICT, &t);
		if (t.total != 1 || t.count[cases[i].strict_rule] != 1)
			fail_msg("%s (strict): %u findings", cases[i].header, t.total);
	}
	tally t;
	lint("Alert-Info: <urn:alert:service:normal>;appearance=1\r\nMax-Breadth: 60\r\nPriority: urgent",
	     SIFT_PROFILE_STRICT, &t);
	assert_int_equal(t.total, 0);
}

/* Arguments: NULL output is SIFT_E_ARGUMENT; numbers may drop the output. */
static void test_null_arguments(void **state)
{
	(void)state;
	sift_span v = value_of("60");
	assert_int_equal(sift_replaces_parse(input, v, 0, NULL, NULL), SIFT_E_ARGUMENT);
	assert_int_equal(sift_identity_parse(NULL, v, 0, NULL, NULL), SIFT_E_ARGUMENT);
	assert_int_equal(sift_max_breadth_parse(input, v, 0, NULL, NULL), SIFT_OK);
	assert_int_equal(sift_rseq_parse(input, v, 0, NULL, NULL), SIFT_OK);
	sift_span cursor = v, item;
	assert_int_equal(sift_privacy_next(NULL, &cursor, &item), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc4028_4_refresher_param_alone),
		cmocka_unit_test(test_rfc3891_6_1_examples_accepted),
		cmocka_unit_test(test_rfc3891_6_1_replaces_grammar),
		cmocka_unit_test(test_rfc3891_6_1_exactly_one_of_each_tag),
		cmocka_unit_test(test_rfc3911_7_1_join),
		cmocka_unit_test(test_rfc4538_7_target_dialog),
		cmocka_unit_test(test_rfc3262_7_examples_accepted),
		cmocka_unit_test(test_rfc3262_7_2_rack_grammar),
		cmocka_unit_test(test_rfc3262_7_1_number_ranges),
		cmocka_unit_test(test_rfc4028_4_session_expires_accepted),
		cmocka_unit_test(test_rfc4028_4_session_expires_grammar),
		cmocka_unit_test(test_rfc4028_5_min_se_grammar),
		cmocka_unit_test(test_rfc3326_2_examples_accepted),
		cmocka_unit_test(test_rfc3326_2_reason_grammar),
		cmocka_unit_test(test_rfc3326_2_cause_ranges_when_strict),
		cmocka_unit_test(test_rfc3323_4_2_privacy),
		cmocka_unit_test(test_rfc8224_4_1_identity_accepted),
		cmocka_unit_test(test_rfc8224_4_1_identity_grammar),
		cmocka_unit_test(test_rfc4474_9_identity_and_identity_info),
		cmocka_unit_test(test_rfc5393_5_8_max_breadth),
		cmocka_unit_test(test_rfc5626_10_flow_timer),
		cmocka_unit_test(test_rfc3261_20_26_priority),
		cmocka_unit_test(test_rfc3261_20_4_alert_info_examples_accepted),
		cmocka_unit_test(test_rfc3261_20_4_alert_param_grammar),
		cmocka_unit_test(test_rfc7463_7_appearance_param),
		cmocka_unit_test(test_rfc7462_7_alert_urn_grammar),
		cmocka_unit_test(test_rfc7462_9_2_1_registry),
		cmocka_unit_test(test_rfc3261_20_9_call_info),
		cmocka_unit_test(test_rfc3261_20_18_error_info),
		cmocka_unit_test(test_validation_runs_the_session_parsers),
		cmocka_unit_test(test_lint_one_finding_per_fault),
		cmocka_unit_test(test_null_arguments),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	free(input);
	return failed;
}
