/*
 * tests/unit/test_addr.c - the address header family: From, To, Contact,
 * Reply-To (RFC 3261 20.10, 20.20, 20.31, 20.39), Refer-To (RFC 3515),
 * Referred-By (RFC 3892), P-Asserted-Identity and P-Preferred-Identity
 * (RFC 3325), Path (RFC 3327), Service-Route (RFC 3608), Diversion
 * (RFC 5806), History-Info (RFC 7044), the Contact parameters of RFC 5626
 * and the name-addr rule of RFC 8217. One test per requirement.
 *
 * The RFC examples are copied from the RFC texts; where an RFC wraps a
 * long value over lines for display ("line-wrapped here for clarity only",
 * RFC 3515 2.1; the "\" of RFC 7044) the value is joined again.
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

static char *input;

/* Copies text into an exact-size heap block; returns its span. */
static sift_span value(const char *text)
{
	size_t n = strlen(text);
	free(input);
	input = malloc(n ? n : 1);
	memcpy(input, text, n);
	sift_span s = { 0, (uint32_t)n };
	return s;
}

static int span_is(sift_span s, const char *expected)
{
	return s.len == strlen(expected) && memcmp(input + s.off, expected, s.len) == 0;
}

#define assert_span(s, text) assert_true(span_is((s), (text)))

/* Offset of the first occurrence of needle in the current input. */
static uint32_t at(const char *needle)
{
	const char *hit = strstr(input, needle);
	assert_non_null(hit);
	return (uint32_t)(hit - input);
}

static void assert_error(sift_code got, const sift_error *err, sift_code code, uint32_t offset,
			 const char *rule)
{
	assert_int_equal(got, code);
	assert_int_equal(err->code, code);
	assert_int_equal(err->offset, offset);
	assert_non_null(err->rule);
	assert_string_equal(err->rule, rule);
}

/* Each helper copies text first (value() replaces input), then parses it. */
static sift_code addr(const char *text, unsigned flags, sift_addr *out, sift_error *err)
{
	sift_span v = value(text);
	return sift_addr_parse(input, v, flags, out, err);
}

static sift_code validate(sift_header_id id, const char *text, unsigned options, sift_error *err)
{
	sift_span v = value(text);
	return sift_header_validate(input, id, v, options, err);
}

static sift_code referred_by(const char *text, unsigned options, sift_referred_by *out,
			     sift_error *err)
{
	sift_span v = value(text);
	return sift_referred_by_parse(input, v, options, out, err);
}

static sift_code diversion(const char *text, unsigned options, sift_diversion *out, sift_error *err)
{
	sift_span v = value(text);
	return sift_diversion_parse(input, v, options, out, err);
}

static sift_code history(const char *text, unsigned options, sift_history_info *out,
			 sift_error *err)
{
	sift_span v = value(text);
	return sift_history_info_parse(input, v, options, out, err);
}

static sift_code spec_check(const char *text, unsigned flags, sift_error *err)
{
	sift_span v = value(text);
	return sift_addr_spec_check(input, v, flags, err);
}

#define CONTACT (SIFT_ADDR_ALLOW_STAR | SIFT_ADDR_CONTACT)

/* ---- RFC 3261 20.10 Contact ---------------------------------------------- */

/* RFC 3261 20.10 examples (the first line is a list; one value each). */
static void test_rfc3261_20_10_contact_examples(void **state)
{
	(void)state;
	sift_addr a;
	sift_error err;
	assert_int_equal(addr("\"Mr. Watson\" <sip:watson@worcester.bell-telephone.com>\r\n"
			      "         ;q=0.7; expires=3600", CONTACT, &a, &err), SIFT_OK);
	assert_span(a.display, "\"Mr. Watson\"");
	assert_true(a.display_quoted);
	assert_span(a.uri, "sip:watson@worcester.bell-telephone.com");
	assert_true(a.has_q && a.has_expires);
	assert_int_equal(a.q, 700);
	assert_span(a.q_text, "0.7");
	assert_int_equal(a.expires, 3600);
	assert_span(a.expires_text, "3600");
	assert_false(a.has_reg_id || a.has_instance || a.has_tag);

	assert_int_equal(addr("\"Mr. Watson\" <mailto:watson@bell-telephone.com> ;q=0.1", CONTACT, &a,
			      &err), SIFT_OK);
	assert_span(a.uri, "mailto:watson@bell-telephone.com");
	assert_int_equal(a.q, 100);

	assert_int_equal(addr("<sips:bob@192.0.2.4>;expires=60", CONTACT, &a, &err), SIFT_OK);
	assert_int_equal(a.expires, 60);
	assert_false(a.has_q);
	assert_int_equal(validate(SIFT_H_CONTACT, "<sips:bob@192.0.2.4>;expires=60", 0, &err), SIFT_OK);
}

/* RFC 3261 20.10: Contact: * is alone; other headers have no star. */
static void test_rfc3261_20_10_contact_star(void **state)
{
	(void)state;
	sift_addr a;
	sift_error err;
	assert_int_equal(addr("*", CONTACT, &a, &err), SIFT_OK);
	assert_true(a.is_star);
	assert_error(addr("* ;expires=0", CONTACT, &a, &err), &err, SIFT_E_HEADER_VALUE, 1, "STAR");
	assert_int_equal(validate(SIFT_H_CONTACT, "*", 0, &err), SIFT_OK);
	assert_int_not_equal(validate(SIFT_H_FROM, "*", 0, &err), SIFT_OK);
}

/* RFC 3261 25: qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ) */
static void test_rfc3261_25_qvalue(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		uint16_t q;
	} good[] = { { "0", 0 }, { "0.", 0 }, { "0.5", 500 }, { "0.25", 250 }, { "0.001", 1 },
		     { "1", 1000 }, { "1.0", 1000 }, { "1.000", 1000 } };
	sift_addr a;
	sift_error err;
	char text[64];
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		snprintf(text, sizeof text, "<sip:a@example.com>;q=%s", good[i].text);
		assert_int_equal(addr(text, CONTACT, &a, &err), SIFT_OK);
		assert_int_equal(a.q, good[i].q);
	}
	static const char *const bad[] = { "1.5", "0.1234", "1.001", "2", ".5", "abc", "\"0.5\"" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(text, sizeof text, "<sip:a@example.com>;q=%s", bad[i]);
		assert_error(addr(text, CONTACT, &a, &err), &err, SIFT_E_HEADER_VALUE, 22, "c-p-q");
	}
	assert_error(addr("<sip:a@example.com>;q", CONTACT, &a, &err), &err, SIFT_E_HEADER_VALUE, 21,
		     "c-p-q");
}

/* RFC 3261 25: c-p-expires = "expires" EQUAL delta-seconds */
static void test_rfc3261_25_c_p_expires_is_delta_seconds(void **state)
{
	(void)state;
	sift_addr a;
	sift_error err;
	assert_error(addr("<sip:a@example.com>;expires=soon", CONTACT, &a, &err), &err,
		     SIFT_E_HEADER_VALUE, 28, "c-p-expires");
	assert_error(addr("<sip:a@example.com>;expires=-1", CONTACT, &a, &err), &err,
		     SIFT_E_HEADER_VALUE, 28, "c-p-expires");
	assert_int_equal(addr("<sip:a@example.com>;expires = 0", CONTACT, &a, &err), SIFT_OK);
	assert_true(a.has_expires);
	assert_int_equal(a.expires, 0);
}

/* RFC 3261 10.3: "Implementations MAY treat values larger than 2**32-1 ...
 * as equivalent to 2**32-1": by default; strict holds the range. */
static void test_rfc3261_10_3_expires_above_2_32_is_2_32_minus_1(void **state)
{
	(void)state;
	sift_addr a;
	sift_error err;
	/* RFC 4475 3.1.2.4 (scalar02) Contact */
	const char *text = "<sip:user@host129.example.com>\r\n  ;expires=280297596632815";
	assert_int_equal(addr(text, CONTACT, &a, &err), SIFT_OK);
	assert_int_equal(a.expires, UINT32_MAX);
	sift_code code = addr(text, CONTACT | SIFT_OPT_STRICT, &a, &err);
	assert_error(code, &err, SIFT_E_NUMBER_RANGE, at("2802"), "c-p-expires");
	assert_int_equal(addr("<sip:a@example.com>;expires=4294967295", CONTACT | SIFT_OPT_STRICT, &a,
			      &err), SIFT_OK);
	assert_int_equal(a.expires, UINT32_MAX);
	/* Every occurrence is held to it, not only the one captured. */
	assert_error(addr("<sip:a@example.com>;expires=4294967296;expires=1",
			  CONTACT | SIFT_OPT_STRICT, &a, &err),
		     &err, SIFT_E_NUMBER_RANGE, 28, "c-p-expires");
}

/* Without SIFT_ADDR_CONTACT, q and expires are generic-params (From). */
static void test_rfc3261_25_from_params_are_generic(void **state)
{
	(void)state;
	sift_addr a;
	sift_error err;
	assert_int_equal(addr("<sip:a@example.com>;q=high;expires=never;tag=x", 0, &a, &err), SIFT_OK);
	assert_false(a.has_q || a.has_expires);
	assert_span(a.tag, "x");
	assert_int_equal(validate(SIFT_H_FROM, "<sip:a@example.com>;q=high;tag=x", 0, &err), SIFT_OK);
	assert_int_not_equal(validate(SIFT_H_CONTACT, "<sip:a@example.com>;q=high", 0, &err),
			     SIFT_OK);
}

/* ---- RFC 5626 10: reg-id and +sip.instance ------------------------------ */

/* RFC 5626 9.2 examples (REGISTER and its 200). */
static void test_rfc5626_9_2_contact_examples(void **state)
{
	(void)state;
	sift_addr a;
	sift_error err;
	assert_int_equal(addr("<sip:bob@192.0.2.2;transport=tcp>;reg-id=1\r\n"
			      " ;+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-AABBCCDDEEFF>\"",
			      CONTACT, &a, &err), SIFT_OK);
	assert_true(a.has_reg_id && a.has_instance);
	assert_int_equal(a.reg_id, 1);
	assert_span(a.reg_id_text, "1");
	assert_span(a.instance, "urn:uuid:00000000-0000-1000-8000-AABBCCDDEEFF");
	assert_int_equal(addr("<sip:bob@192.0.2.2;transport=tcp>;reg-id=2;expires=3600\r\n"
			      " ;+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-AABBCCDDEEFF>\"",
			      CONTACT, &a, &err), SIFT_OK);
	assert_int_equal(a.reg_id, 2);
	assert_int_equal(a.expires, 3600);
	/* RFC 5626 9.1: the ob parameter inside the URI of a SUBSCRIBE's Contact. */
	assert_int_equal(addr("<sip:192.0.2.2;transport=tcp;ob>\r\n"
			      " ;+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-AABBCCDDEEFF>\"",
			      CONTACT, &a, &err), SIFT_OK);
	assert_false(a.has_reg_id);
}

/* RFC 5626 3.2's example has ";;" (an empty parameter), which the grammar
 * (*( SEMI contact-params )) has no room for: rejected at the second ';'. */
static void test_rfc5626_3_2_example_empty_param_rejected(void **state)
{
	(void)state;
	sift_addr a;
	sift_error err;
	const char *text = "<sip:line1@192.0.2.2;transport=tcp>; reg-id=1;\r\n"
			   " ;+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-000A95A0E128>\"";
	sift_code code = addr(text, CONTACT, &a, &err);
	assert_error(code, &err, SIFT_E_HEADER_VALUE, at(" ;+sip") + 1, "generic-param");
}

/* RFC 5626 10: "The value of the reg-id MUST NOT be 0 and MUST be less than 2^31". */
static void test_rfc5626_10_reg_id_range(void **state)
{
	(void)state;
	sift_addr a;
	sift_error err;
	assert_error(addr("<sip:a@example.com>;reg-id=0", CONTACT, &a, &err), &err,
		     SIFT_E_NUMBER_RANGE, 27, "c-p-reg");
	assert_error(addr("<sip:a@example.com>;reg-id=2147483648", CONTACT, &a, &err), &err,
		     SIFT_E_NUMBER_RANGE, 27, "c-p-reg");
	assert_error(addr("<sip:a@example.com>;reg-id=99999999999999999999", CONTACT, &a, &err), &err,
		     SIFT_E_NUMBER_RANGE, 27, "c-p-reg");
	assert_int_equal(addr("<sip:a@example.com>;reg-id=2147483647", CONTACT, &a, &err), SIFT_OK);
	assert_int_equal(a.reg_id, 2147483647u);
	/* c-p-reg = "reg-id" EQUAL 1*DIGIT */
	assert_error(addr("<sip:a@example.com>;reg-id=one", CONTACT, &a, &err), &err,
		     SIFT_E_HEADER_VALUE, 27, "c-p-reg");
	/* Every occurrence, not only the last. */
	assert_error(addr("<sip:a@example.com>;reg-id=0;reg-id=1", CONTACT, &a, &err), &err,
		     SIFT_E_NUMBER_RANGE, 27, "c-p-reg");
}

/* RFC 5626 10: c-p-instance = "+sip.instance" EQUAL DQUOTE "<" instance-val ">" DQUOTE */
static void test_rfc5626_10_sip_instance_syntax(void **state)
{
	(void)state;
	sift_addr a;
	sift_error err;
	static const char *const bad[] = {
		"<sip:a@example.com>;+sip.instance=urn:uuid:1",
		"<sip:a@example.com>;+sip.instance=\"urn:uuid:1\"",
		"<sip:a@example.com>;+sip.instance=\"<>\"",
		"<sip:a@example.com>;+sip.instance=\"<urn:uuid:1 >\"",
		"<sip:a@example.com>;+sip.instance",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		/* the value, or where it is missing (after the name) */
		assert_error(addr(bad[i], CONTACT, &a, &err), &err, SIFT_E_HEADER_VALUE,
			     strchr(bad[i], '=') ? 34 : 33, "c-p-instance");
	assert_int_equal(addr("<sip:a@example.com>;+SIP.Instance=\"<urn:uuid:1>\"", CONTACT, &a, &err),
			 SIFT_OK);
	assert_span(a.instance, "urn:uuid:1");
}

/* ---- RFC 3261 20.20, 20.39, 25: display names ---------------------------- */

/* RFC 3261 20.20 and 20.39 examples. */
static void test_rfc3261_20_20_from_and_to_examples(void **state)
{
	(void)state;
	sift_addr a;
	sift_error err;
	assert_int_equal(addr("\"A. G. Bell\" <sip:agb@bell-telephone.com> ;tag=a48s", 0, &a, &err),
			 SIFT_OK);
	assert_span(a.tag, "a48s");
	assert_int_equal(addr("sip:+12125551212@server.phone2net.com;tag=887s", 0, &a, &err), SIFT_OK);
	assert_false(a.is_name_addr);
	assert_span(a.uri, "sip:+12125551212@server.phone2net.com");
	assert_span(a.tag, "887s");
	assert_int_equal(addr("Anonymous <sip:c8oqz84zk7z@privacy.org>;tag=hyh8", 0, &a, &err), SIFT_OK);
	assert_span(a.display, "Anonymous");
	assert_false(a.display_quoted);
	assert_int_equal(addr("The Operator <sip:operator@cs.columbia.edu>;tag=287447", 0, &a, &err),
			 SIFT_OK);
	assert_span(a.display, "The Operator");
	assert_int_equal(validate(SIFT_H_TO, "sip:+12125551212@server.phone2net.com", 0, &err), SIFT_OK);
}

/* RFC 3261 25: tag-param = "tag" EQUAL token */
static void test_rfc3261_25_tag_is_token(void **state)
{
	(void)state;
	sift_addr a;
	sift_error err;
	assert_error(addr("<sip:a@example.com>;tag=\"x\"", 0, &a, &err), &err, SIFT_E_HEADER_VALUE, 24,
		     "tag-param");
}

/* RFC 3261 25: display-name = *(token LWS) / quoted-string; a quoted one
 * with quoted-pairs unescapes (RFC 4475 3.1.1.1 wsinv's Contact). */
static void test_rfc3261_25_display_name_unescape(void **state)
{
	(void)state;
	sift_addr a;
	sift_error err;
	char out[64];
	size_t len = 0;
	assert_int_equal(addr("\"Quoted string \\\"\\\"\" <sip:jdrosen@example.com> ; newparam =\r\n"
			      "      newvalue ;\r\n  secondparam ; q = 0.33", CONTACT, &a, &err),
			 SIFT_OK);
	assert_true(a.display_quoted);
	assert_int_equal(a.q, 330);
	assert_int_equal(sift_display_name_unescape(input, a.display, out, sizeof out, &len), SIFT_OK);
	assert_int_equal(len, 16);
	assert_memory_equal(out, "Quoted string \"\"", 16);
	/* Token form: each LWS run, folds too, is one SP. */
	assert_int_equal(addr("The\r\n  Operator <sip:operator@cs.columbia.edu>", 0, &a, &err), SIFT_OK);
	assert_int_equal(sift_display_name_unescape(input, a.display, out, sizeof out, &len), SIFT_OK);
	assert_int_equal(len, 12);
	assert_memory_equal(out, "The Operator", 12);
	/* The caller's buffer is checked: the size needed comes back. */
	assert_int_equal(addr("\"Mr. Watson\" <sip:w@example.com>", 0, &a, &err), SIFT_OK);
	assert_int_equal(sift_display_name_unescape(input, a.display, out, 3, &len),
			 SIFT_E_BUFFER_TOO_SMALL);
	assert_int_equal(len, 10);
	assert_memory_equal(out, "Mr.", 3);
	/* Empty display name: nothing to write. */
	assert_int_equal(addr("<sip:w@example.com>", 0, &a, &err), SIFT_OK);
	assert_int_equal(sift_display_name_unescape(input, a.display, NULL, 0, &len), SIFT_OK);
	assert_int_equal(len, 0);
	/* Not a quoted-string. */
	sift_span half = value("\"open");
	assert_int_equal(sift_display_name_unescape(input, half, out, sizeof out, &len),
			 SIFT_E_HEADER_VALUE);
}

/* RFC 4475 3.1.2.15 (baddn): non-token characters in an unquoted display name. */
static void test_rfc3261_25_display_name_tokens_only(void **state)
{
	(void)state;
	sift_addr a;
	sift_error err;
	assert_error(addr("Bell, Alexander <sip:a.g.bell@example.com>;tag=43", 0, &a, &err), &err,
		     SIFT_E_HEADER_VALUE, 4, "display-name");
	assert_error(addr("\"unterminated <sip:a@example.com>", 0, &a, &err), &err,
		     SIFT_E_HEADER_VALUE, 0, "quoted-string");
}

/* ---- RFC 3261 20.31 Reply-To --------------------------------------------- */

static void test_rfc3261_20_31_reply_to(void **state)
{
	(void)state;
	sift_error err;
	assert_int_equal(validate(SIFT_H_REPLY_TO, "Bob <sip:bob@biloxi.com>", 0, &err), SIFT_OK);
	assert_int_equal(validate(SIFT_H_REPLY_TO, "sip:bob@biloxi.com;x=y", 0, &err), SIFT_OK);
	assert_error(validate(SIFT_H_REPLY_TO, "Bob <sip:bob@biloxi.com", 0, &err), &err,
		     SIFT_E_HEADER_VALUE, 23, "RAQUOT");
	assert_error(validate(SIFT_H_REPLY_TO, "Bob <sip:bob@biloxi.com>;=x", 0, &err), &err,
		     SIFT_E_HEADER_VALUE, 25, "generic-param");
}

/* ---- RFC 3515 2.1 Refer-To ----------------------------------------------- */

static void test_rfc3515_2_1_refer_to_examples(void **state)
{
	(void)state;
	static const char *const examples[] = {
		"sip:alice@atlanta.example.com",
		"<sip:dave@denver.example.org?Replaces=12345%40192.168.118.3%3B"
		"to-tag%3D12345%3Bfrom-tag%3D5FFE-3994>",
		"<sip:carol@cleveland.example.org;method=SUBSCRIBE>",
		"http://www.ietf.org",
	};
	sift_error err;
	for (size_t i = 0; i < sizeof examples / sizeof examples[0]; i++)
		assert_int_equal(validate(SIFT_H_REFER_TO, examples[i], SIFT_OPT_STRICT, &err), SIFT_OK);
	/* The second example's "&Call-ID%3D55432%40alicepc..." is an escaped
	 * header without its own "=", which RFC 3261 25 (header = hname "="
	 * hvalue) does not allow: the URI is rejected where that header ends. */
	const char *accept = "<sip:bob@biloxi.example.net?Accept-Contact=sip:bobsdesk."
			     "biloxi.example.net&Call-ID%3D55432%40alicepc.atlanta.example.com>";
	assert_int_equal(validate(SIFT_H_REFER_TO, accept, 0, &err), SIFT_E_URI);
}

/* RFC 3515 2.1: compact form r; RFC 3892 3: compact form b. */
static void test_rfc3515_2_1_compact_form_r(void **state)
{
	(void)state;
	assert_int_equal(sift_header_lookup("r", 1), SIFT_H_REFER_TO);
	assert_int_equal(sift_header_lookup("b", 1), SIFT_H_REFERRED_BY);
	static const char text[] =
		"REFER sip:b@atlanta.example.com SIP/2.0\r\n"
		"Via: SIP/2.0/UDP agenta.atlanta.example.com;branch=z9hG4bK2293940223\r\n"
		"To: <sip:b@atlanta.example.com>\r\n"
		"From: <sip:a@atlanta.example.com>;tag=193402342\r\n"
		"Call-ID: 898234234@agenta.atlanta.example.com\r\n"
		"CSeq: 93809823 REFER\r\n"
		"Max-Forwards: 70\r\n"
		"r: <sip:c@atlanta.example.com>\r\n"
		"b: <sip:a@atlanta.example.com>;cid=\"1@atlanta.example.com\"\r\n"
		"Contact: sip:a@atlanta.example.com\r\n"
		"Content-Length: 0\r\n\r\n";
	sift_header headers[16];
	sift_msg msg;
	sift_msg_init(&msg, headers, 16);
	assert_int_equal(sift_parse(&msg, text, sizeof text - 1, 0), SIFT_OK);
	assert_int_not_equal(sift_msg_first(&msg, SIFT_H_REFER_TO), SIFT_NONE);
	/* A broken r: value is reported with its header id. */
	static const char broken[] =
		"REFER sip:b@atlanta.example.com SIP/2.0\r\n"
		"r: <sip:c@atlanta.example.com\r\n\r\n";
	assert_int_equal(sift_parse(&msg, broken, sizeof broken - 1, 0), SIFT_E_HEADER_VALUE);
	assert_int_equal(msg.error.header_id, SIFT_H_REFER_TO);
	assert_string_equal(msg.error.rule, "RAQUOT");
}

/* RFC 3261 20.10 / RFC 4475 3.1.2.13 liberal receivers: '?' in an addr-spec
 * is accepted by default and rejected when strict (RFC 8217 makes it a
 * MUST NOT for the sender; see sift_addr_spec_check). */
static void test_rfc3515_2_1_refer_to_addr_spec_question_mark(void **state)
{
	(void)state;
	sift_error err;
	const char *text = "sip:c@atlanta.example.com?Replaces=1";
	assert_int_equal(validate(SIFT_H_REFER_TO, text, 0, &err), SIFT_OK);
	assert_error(validate(SIFT_H_REFER_TO, text, SIFT_OPT_STRICT, &err), &err,
		     SIFT_E_HEADER_VALUE, 25, "addr-spec");
}

/* ---- RFC 3892 3 Referred-By ---------------------------------------------- */

static void test_rfc3892_3_referred_by_example(void **state)
{
	(void)state;
	sift_referred_by rb;
	sift_error err;
	assert_int_equal(referred_by(("<sip:referrer@referrer.example>\r\n"
							     "      ;cid=\"20398823.2UWQFN309shb3@referrer.example\""),
						0, &rb, &err), SIFT_OK);
	assert_span(rb.addr.uri, "sip:referrer@referrer.example");
	assert_true(rb.has_cid);
	assert_span(rb.cid, "20398823.2UWQFN309shb3@referrer.example");
	assert_int_equal(referred_by(("sip:referrer@referrer.example"), 0, &rb,
						&err), SIFT_OK);
	assert_false(rb.has_cid);
	assert_int_equal(validate(SIFT_H_REFERRED_BY,
				  "<sip:referrer@referrer.example>;cid=\"1@[2001:db8::1]\"", 0, &err),
			 SIFT_OK);
}

/* RFC 3892 3: sip-clean-msg-id = LDQUOT dot-atom "@" (dot-atom / host) RDQUOT */
static void test_rfc3892_3_cid_is_sip_clean_msg_id(void **state)
{
	(void)state;
	sift_referred_by rb;
	sift_error err;
	static const char *const bad[] = {
		"<sip:r@referrer.example>;cid=20398823@referrer.example",
		"<sip:r@referrer.example>;cid=\"20398823\"",
		"<sip:r@referrer.example>;cid=\"a b@referrer.example\"",
		"<sip:r@referrer.example>;cid=\"a..b@referrer.example\"",
		"<sip:r@referrer.example>;cid",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_error(referred_by((bad[i]), 0, &rb, &err), &err, SIFT_E_HEADER_VALUE,
			     strchr(bad[i], '=') ? 29 : 28, "sip-clean-msg-id");
}

/* ---- RFC 3325 9.1, 9.2 ---------------------------------------------------- */

static void test_rfc3325_9_1_p_asserted_identity_examples(void **state)
{
	(void)state;
	sift_error err;
	assert_int_equal(validate(SIFT_H_P_ASSERTED_IDENTITY,
				  "\"Cullen Jennings\" <sip:fluffy@cisco.com>", SIFT_OPT_STRICT, &err),
			 SIFT_OK);
	assert_int_equal(validate(SIFT_H_P_ASSERTED_IDENTITY, "tel:+14085264000", SIFT_OPT_STRICT, &err),
			 SIFT_OK);
	assert_int_equal(validate(SIFT_H_P_PREFERRED_IDENTITY,
				  "\"Cullen Jennings\" <sip:fluffy@cisco.com>", SIFT_OPT_STRICT, &err),
			 SIFT_OK);
}

/* RFC 3325 9.1: "exactly one name-addr or addr-spec": no header parameters. */
static void test_rfc3325_9_1_no_parameters(void **state)
{
	(void)state;
	sift_error err;
	sift_addr a;
	assert_error(validate(SIFT_H_P_ASSERTED_IDENTITY, "<sip:fluffy@cisco.com>;tag=1", 0, &err),
		     &err, SIFT_E_HEADER_VALUE, 22, "name-addr");
	assert_error(validate(SIFT_H_P_PREFERRED_IDENTITY, "<sip:fluffy@cisco.com> x", 0, &err), &err,
		     SIFT_E_HEADER_VALUE, 23, "name-addr");
	/* An addr-spec runs to the end: a ';' is the URI's (and RFC 8217's concern). */
	assert_int_equal(addr("sip:+14085264000@cisco.com;user=phone", SIFT_ADDR_NO_PARAMS, &a, &err),
			 SIFT_OK);
	assert_span(a.uri, "sip:+14085264000@cisco.com;user=phone");
	assert_int_equal(a.params.len, 0);
	assert_error(validate(SIFT_H_P_ASSERTED_IDENTITY, "tel:+14085264000 x", 0, &err), &err,
		     SIFT_E_HEADER_VALUE, 17, "addr-spec");
}

/* ---- RFC 3327 4 Path, RFC 3608 5 Service-Route ------------------------- */

static void test_rfc3327_4_path_examples(void **state)
{
	(void)state;
	sift_error err;
	assert_int_equal(validate(SIFT_H_PATH, "<sip:P3.EXAMPLEHOME.COM;lr>", SIFT_OPT_STRICT, &err),
			 SIFT_OK);
	assert_int_equal(validate(SIFT_H_PATH, "<sip:P1.EXAMPLEVISITED.COM;lr>", SIFT_OPT_STRICT, &err),
			 SIFT_OK);
	/* RFC 5626 9.2: the first edge proxy's Path with its flow token and ob. */
	assert_int_equal(validate(SIFT_H_PATH,
				  "<sip:VskztcQ/S8p4WPbOnHbuyh5iJvJIW3ib@ep1.example.com;lr;ob>",
				  SIFT_OPT_STRICT, &err),
			 SIFT_OK);
}

/* RFC 3327 4: path-value = name-addr *( SEMI rr-param ) */
static void test_rfc3327_4_path_is_name_addr(void **state)
{
	(void)state;
	sift_error err;
	assert_error(validate(SIFT_H_PATH, "sip:P1.EXAMPLEVISITED.COM;lr", 0, &err), &err,
		     SIFT_E_HEADER_VALUE, 0, "name-addr");
}

static void test_rfc3608_5_service_route(void **state)
{
	(void)state;
	sift_error err;
	assert_int_equal(validate(SIFT_H_SERVICE_ROUTE, "<sip:P2.HOME.EXAMPLE.COM;lr>", SIFT_OPT_STRICT,
				  &err), SIFT_OK);
	assert_int_equal(validate(SIFT_H_SERVICE_ROUTE, "<sip:HSP.HOME.EXAMPLE.COM;lr>", SIFT_OPT_STRICT,
				  &err), SIFT_OK);
	/* sr-value = name-addr *( SEMI rr-param ) */
	assert_error(validate(SIFT_H_SERVICE_ROUTE, "sip:HSP.HOME.EXAMPLE.COM;lr", 0, &err), &err,
		     SIFT_E_HEADER_VALUE, 0, "name-addr");
}

/* ---- RFC 5806 4 Diversion ------------------------------------------------- */

/* Values written to the grammar of RFC 5806 4 (with erratum 3177); the
 * RFC's own examples quote the reason and privacy values (erratum 3178
 * says they should not), which the grammar allows as quoted-string. */
static void test_rfc5806_4_diversion_params(void **state)
{
	(void)state;
	sift_diversion d;
	sift_error err;
	assert_int_equal(diversion(("\"Carol\" <sip:carol@atlanta.example.com>"
							  ";reason=user-busy;counter=1;limit=5"
							  ";privacy=full;screen=no;foo=bar"),
					      0, &d, &err), SIFT_OK);
	assert_span(d.addr.display, "\"Carol\"");
	assert_true(d.has_reason && d.has_counter && d.has_limit && d.has_privacy && d.has_screen);
	assert_span(d.reason, "user-busy");
	assert_int_equal(d.counter, 1);
	assert_int_equal(d.limit, 5);
	assert_span(d.privacy, "full");
	assert_span(d.screen, "no");
	assert_int_equal(diversion(("<sip:3338889999@gw.example.net>"
							  ";reason=\"unconditional\";counter=99;privacy=\"off\""),
					      0, &d, &err), SIFT_OK);
	assert_span(d.reason, "\"unconditional\"");
	assert_int_equal(d.counter, 99);
	assert_false(d.has_limit);
	assert_int_equal(validate(SIFT_H_DIVERSION, "<sip:a@example.com>;reason=deflection", 0, &err),
			 SIFT_OK);
}

/* RFC 5806 4: diversion-counter = "counter" "=" 1*2DIGIT (also limit). */
static void test_rfc5806_4_counter_is_two_digits(void **state)
{
	(void)state;
	sift_diversion d;
	sift_error err;
	assert_error(diversion(("<sip:a@example.com>;counter=100"), 0, &d, &err),
		     &err, SIFT_E_HEADER_VALUE, 28, "diversion-counter");
	assert_error(diversion(("<sip:a@example.com>;counter=x"), 0, &d, &err),
		     &err, SIFT_E_HEADER_VALUE, 28, "diversion-counter");
	assert_error(diversion(("<sip:a@example.com>;limit"), 0, &d, &err), &err,
		     SIFT_E_HEADER_VALUE, 25, "diversion-limit");
	/* reason, privacy and screen: token / quoted-string, not any host. */
	assert_error(diversion(("<sip:a@example.com>;privacy=[2001:db8::1]"), 0,
					  &d, &err),
		     &err, SIFT_E_HEADER_VALUE, 28, "diversion-privacy");
}

/* RFC 5806 4: every diversion parameter is written with a bare "=" and a
 * diversion-extension's value is token / quoted-string; strict mode holds
 * to that, the default mode takes RFC 3261's EQUAL and generic values. */
static void test_rfc5806_4_strict_parameters_have_a_bare_equal(void **state)
{
	(void)state;
	sift_diversion d;
	sift_error err;
	assert_int_equal(diversion("<sip:a@example.com>;counter = 1", 0, &d, &err), SIFT_OK);
	assert_error(diversion("<sip:a@example.com>;counter = 1", SIFT_OPT_STRICT, &d, &err), &err,
		     SIFT_E_HEADER_VALUE, 27, "diversion-params");
	assert_error(diversion("<sip:a@example.com>;reason= \"x\"", SIFT_OPT_STRICT, &d, &err),
		     &err, SIFT_E_HEADER_VALUE, 27, "diversion-params");
	assert_int_equal(diversion("<sip:a@example.com>;foo=[2001:db8::1]", 0, &d, &err), SIFT_OK);
	assert_error(diversion("<sip:a@example.com>;foo=[2001:db8::1]", SIFT_OPT_STRICT, &d, &err),
		     &err, SIFT_E_HEADER_VALUE, 24, "diversion-extension");
	assert_int_equal(diversion("<sip:a@example.com>;reason=user-busy;foo=\"a b\";bar;counter=2",
				   SIFT_OPT_STRICT, &d, &err),
			 SIFT_OK);
	assert_int_equal(d.counter, 2);
}

/* RFC 5806 4: diversion-params = name-addr *(SEMI ...) */
static void test_rfc5806_4_diversion_is_name_addr(void **state)
{
	(void)state;
	sift_error err;
	assert_error(validate(SIFT_H_DIVERSION, "sip:a@example.com;reason=unknown", 0, &err), &err,
		     SIFT_E_HEADER_VALUE, 0, "name-addr");
}

/* ---- RFC 7044 9 History-Info ---------------------------------------------- */

/* The RFC 7044 9 example (the RFC wraps it with "\"; joined here), then a
 * retargeted entry written to the grammar. */
static void test_rfc7044_9_history_info_example(void **state)
{
	(void)state;
	sift_history_info hi;
	sift_error err;
	assert_int_equal(history(("<sip:UserA@ims.example.com?Reason=SIP%3B"
							      "cause%3D302>;index=1;foo=bar"),
						 SIFT_OPT_STRICT, &hi, &err), SIFT_OK);
	assert_span(hi.addr.uri, "sip:UserA@ims.example.com?Reason=SIP%3Bcause%3D302");
	assert_span(hi.index, "1");
	assert_int_equal(hi.index_depth, 1);
	assert_false(hi.has_rc || hi.has_mp || hi.has_np);
	assert_int_equal(history(("<sip:45432@vm.example.net>;index=1.2.1;mp=1.2"),
						 0, &hi, &err), SIFT_OK);
	assert_span(hi.index, "1.2.1");
	assert_int_equal(hi.index_depth, 3);
	assert_true(hi.has_mp);
	assert_span(hi.mp, "1.2");
	sift_span cursor = hi.index;
	uint32_t number = 0;
	assert_true(sift_history_index_next(input, &cursor, &number));
	assert_int_equal(number, 1);
	assert_true(sift_history_index_next(input, &cursor, &number));
	assert_int_equal(number, 2);
	assert_true(sift_history_index_next(input, &cursor, &number));
	assert_int_equal(number, 1);
	assert_false(sift_history_index_next(input, &cursor, &number));
	assert_int_equal(validate(SIFT_H_HISTORY_INFO, "<sip:b@example.com>;index=1.1;rc=1", 0, &err),
			 SIFT_OK);
}

/* RFC 7044 requires the index parameter (hi-index) in every hi-entry. */
static void test_rfc7044_9_index_required(void **state)
{
	(void)state;
	sift_history_info hi;
	sift_error err;
	assert_error(history(("<sip:b@example.com>;rc=1"), 0, &hi, &err),
		     &err, SIFT_E_HEADER_VALUE, 24, "hi-index");
}

/* RFC 7044 9: index-val = number *("." number), number = [ %x31-39 *DIGIT ] DIGIT */
static void test_rfc7044_9_index_val_syntax(void **state)
{
	(void)state;
	sift_history_info hi;
	sift_error err;
	static const char *const bad[] = { "1..1", "1.", ".1", "1.a", "\"1\"" };
	char text[64];
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(text, sizeof text, "<sip:b@example.com>;index=%s", bad[i]);
		assert_error(history((text), 0, &hi, &err), &err,
			     SIFT_E_HEADER_VALUE, 26, "index-val");
	}
	assert_error(history(("<sip:b@example.com>;index=1;np=x"), 0, &hi,
					     &err),
		     &err, SIFT_E_HEADER_VALUE, 31, "index-val");
	/* Leading zeros: RFC 4244 allowed them; RFC 7044 does not (strict). */
	assert_int_equal(history(("<sip:b@example.com>;index=1.01"), 0, &hi,
						 &err), SIFT_OK);
	assert_error(history(("<sip:b@example.com>;index=1.01"),
					     SIFT_OPT_STRICT, &hi, &err),
		     &err, SIFT_E_HEADER_VALUE, 26, "index-val");
	/* Numbers above 2**32-1 do not fit. */
	assert_error(history(("<sip:b@example.com>;index=1.4294967296"), 0,
					     &hi, &err),
		     &err, SIFT_E_NUMBER_RANGE, 28, "index-val");
}

/* RFC 7044 9: hi-targeted-to-uri = name-addr */
static void test_rfc7044_9_hi_targeted_to_uri_is_name_addr(void **state)
{
	(void)state;
	sift_error err;
	assert_error(validate(SIFT_H_HISTORY_INFO, "sip:b@example.com;index=1", 0, &err), &err,
		     SIFT_E_HEADER_VALUE, 0, "name-addr");
}

/* ---- RFC 8217 -------------------------------------------------------------- */

/* RFC 8217 3 and 4: the header fields it updates. */
static void test_rfc8217_3_4_covered_headers(void **state)
{
	(void)state;
	static const char *const covered[] = {
		"To", "t", "From", "f", "Contact", "m", "Reply-To", "Refer-To", "r", "Referred-By", "b",
		"P-Asserted-Identity", "p-preferred-identity", "Permission-Missing", "P-Profile-Key",
		"P-Refused-URI-List", "P-Served-User",
	};
	static const char *const others[] = {
		"Route", "Record-Route", "Path", "Service-Route", "Via", "History-Info", "Diversion",
		"Call-ID", "X-From",
	};
	for (size_t i = 0; i < sizeof covered / sizeof covered[0]; i++)
		assert_true(sift_addr_rfc8217_covers(covered[i], strlen(covered[i])));
	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++)
		assert_false(sift_addr_rfc8217_covers(others[i], strlen(others[i])));
}

/* RFC 8217 3: "the addr-spec form MUST NOT be used if its value would
 * contain a comma, semicolon, or question mark". */
static void test_rfc8217_3_addr_spec_with_reserved_characters(void **state)
{
	(void)state;
	sift_error err;
	/* RFC 8217 1: the degenerate case sip:10.0.0.1,@10.0.0.0 */
	assert_error(spec_check(("sip:10.0.0.1,@10.0.0.0;tag=1"), 0, &err), &err,
		     SIFT_E_HEADER_VALUE, 12, "name-addr");
	assert_error(spec_check(("sip:alice@example.com?Subject=hi"), 0, &err),
		     &err, SIFT_E_HEADER_VALUE, 21, "name-addr");
	/* A URI parameter written after an addr-spec is a header parameter. */
	assert_error(spec_check(("sip:alice@example.com;transport=tcp;tag=1"), 0,
					  &err),
		     &err, SIFT_E_HEADER_VALUE, 21, "name-addr");
	assert_error(spec_check(("sip:alice@example.com ; lr"), 0, &err), &err,
		     SIFT_E_HEADER_VALUE, 22, "name-addr");
	/* P-Asserted-Identity: the addr-spec holds the ';' itself. */
	assert_error(spec_check(("sip:+14085264000@cisco.com;user=phone"),
					  SIFT_ADDR_NO_PARAMS, &err),
		     &err, SIFT_E_HEADER_VALUE, 26, "name-addr");
}

/* RFC 8217 3: name-addr form, and addr-specs without them, are fine. */
static void test_rfc8217_3_name_addr_and_plain_addr_spec_pass(void **state)
{
	(void)state;
	static const char *const fine[] = {
		"<sip:alice@example.com;transport=tcp>;tag=1",
		"Alice <sip:alice@example.com?Subject=hi>",
		"\"Alice, A.\" <sip:10.0.0.1,@10.0.0.0>",
		"sip:+12125551212@server.phone2net.com;tag=887s",
		"sip:alice@example.com;expires=60;q=0.5",
		"tel:+14085264000",
		"*",
		"sip:alice@example.com, sip:bob@example.com",
		"",
	};
	sift_error err;
	for (size_t i = 0; i < sizeof fine / sizeof fine[0]; i++)
		assert_int_equal(spec_check((fine[i]), SIFT_ADDR_ALLOW_STAR, &err),
				 SIFT_OK);
}

/* sift_addr_flags() gives the flags sift_header_validate() uses. */
static void test_addr_flags_per_header(void **state)
{
	(void)state;
	assert_int_equal(sift_addr_flags(SIFT_H_CONTACT), SIFT_ADDR_ALLOW_STAR | SIFT_ADDR_CONTACT);
	assert_int_equal(sift_addr_flags(SIFT_H_PATH), SIFT_ADDR_NAME_ADDR_ONLY);
	assert_int_equal(sift_addr_flags(SIFT_H_P_ASSERTED_IDENTITY), SIFT_ADDR_NO_PARAMS);
	assert_int_equal(sift_addr_flags(SIFT_H_FROM), 0);
	assert_true(sift_header_is_addr(SIFT_H_REFERRED_BY));
	assert_true(sift_header_is_addr(SIFT_H_HISTORY_INFO));
	assert_false(sift_header_is_addr(SIFT_H_CALL_ID));
}

/* err may be NULL; NULL arguments are refused. */
static void test_addr_arguments(void **state)
{
	(void)state;
	sift_addr a;
	sift_diversion d;
	sift_history_info hi;
	sift_referred_by rb;
	sift_span v = value("<sip:a@example.com>;index=x");
	assert_int_equal(sift_history_info_parse(input, v, 0, &hi, NULL), SIFT_E_HEADER_VALUE);
	assert_int_equal(sift_addr_parse(NULL, v, 0, &a, NULL), SIFT_E_ARGUMENT);
	assert_int_equal(sift_diversion_parse(input, v, 0, NULL, NULL), SIFT_E_ARGUMENT);
	assert_int_equal(sift_referred_by_parse(NULL, v, 0, &rb, NULL), SIFT_E_ARGUMENT);
	assert_int_equal(sift_history_info_parse(input, v, 0, NULL, NULL), SIFT_E_ARGUMENT);
	assert_int_equal(sift_diversion_parse(input, v, 0, &d, NULL), SIFT_OK);
}


/* The fast paths of full validation (src/grammar/fast_addr_masks.re, then
 * src/grammar/fast_addr.re) only accept; internal, declared here. */
int sift__addr_masks_accept(const char *buf, sift_span value, unsigned options);
int sift__addr_fast_accept(const char *p, const char *end, unsigned options);
extern int sift__use_simd;

/* The whole-value masks stage accepts only what the DFA stage accepts, and
 * so what sift_addr_parse accepts, with every flag set of the address
 * headers, in both modes: on the values below and every prefix of each,
 * read in place (32 bytes before the value in the buffer) and from an
 * exact-size block (the padded copy). It accepts the common shapes (the
 * first values, which the bench mix has): a broken one would send them
 * all to the slower stages, which this test sees. */
static void test_rfc3261_20_10_address_fast_paths_accept_what_the_parser_accepts(void **state)
{
	(void)state;
	static const char *const common[] = {
		"\"Alice Liddell\" <sip:alice@atlanta.example.com>;tag=1928301774",
		"Bob <sip:bob@biloxi.example.com>;tag=456248",
		"<sip:bob@192.0.2.201;transport=udp>",
		"<sip:proxy5.example.net;lr>",
		"\"Bob\" <sip:bob@biloxi.example.com>",
		"<sip:carol@chicago.example.com>",
		"sip:alice@atlanta.example.com;tag=88sja8x",
		"A. G. Bell <sips:agb@bell-tel.com:5061;maddr=x>;tag=a48s;x=y",
		"Caller<SIP:u@h.example.com>",
		/* users and parameters beyond the host's bytes */
		"<sip:a_b=c@h.example.com;k=[::1];m=x_y:z>;tag=x~y;p%41=q*r",
		"sip:a!b@h.example.com;tag=a'b",
	};
	/* the same for Contact (RFC 3261 20.10, RFC 5626 10): its
	 * contact-params, values of 64 bytes and more */
	static const char *const common_contact[] = {
		"<sip:alice@pc33.atlanta.example.com;transport=udp>;+sip.instance="
		"\"<urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6>\"",
		"<sip:bob@192.0.2.201;transport=udp>;expires=3600;+sip.instance="
		"\"<urn:uuid:00000000-0000-1000-8000-000A95A0E128>\";reg-id=1",
		"<sip:a@b.example.com>;q=0.5;expires=60;reg-id=1",
		"<sip:a@b.example.com>;Q=1.000;EXPIRES=123456789;Reg-Id=999999999;tag=x",
		"\"Display name\" <sip:alice@pc33.atlanta.example.com>;q=0.7;x=y;tag=z",
		"<sip:a@b.example.com>;+SIP.Instance=\"<urn:x:y/z@w&v=u+t$s>\"",
	};
	static const char *const others[] = {
		"\"A\\\"B\" <sip:a@b.example.com>", "<sip:a@b.example.com>;tag", "<sip:a@b.example.com>;tag=",
		"<sip:a@b.example.com>;TAG=x;Tag=y", "<sip:a@b.example.com>;q=0.5;expires=60;reg-id=1",
		"<sip:a@b.example.com>;q=2", "<sip:a@b.example.com>;expires=x", "<sip:a@b.example.com>;reg-id=0",
		"<sip:a@b.example.com>;+sip.instance=\"<urn:x>\"", "*", " *", "*x <sip:a@b.example.com>",
		"<sip:a@1.2.3.4>", "<sip:a@1.2.3.04>", "<sip:a@256.2.3.4>", "<sip:a@1.2.3>", "<sip:a@1.2.3.4.5>",
		"<sip:a@b_c.example.com>", "sip:a@b~c.example.com;tag=1", "<sip:a@b.example.c_m;lr>",
		"<sip:a@-b.example.com>", "<sip:a@b-.example.com>", "<sip:a@b..example.com>",
		"<sip:a@b.example.com.>", "<sip:a@b.example.9com>", "<sip:a@b.1com>", "<sip:a@[::1]>",
		"<sip:a@b.example.com:5060>", "<sip:a@b.example.com:59999>", "<sip:a@b.example.com:65535>",
		"<sip:a@b.example.com:65536>", "<sip:a@b.example.com:123456>", "<sip:a@b.example.com:>",
		"<sip:a:pw@b.example.com>", "<sip:a%41@b.example.com>", "<sip:a;b@b.example.com>",
		"<sip:a@b@c.example.com>", "<sip:@b.example.com>", "<sip:b.example.com;;lr>",
		"<sip:b.example.com;lr=>", "<sip:b.example.com;a=b=c>", "<sip:b.example.com;a=[x]:y>",
		"<sip:b.example.com?x=y>", "<sip:b.example.com> ", " <sip:b.example.com>",
		"<sip:b.example.com>x", "<sip:b.example.com>;a;b=c", "<sip:b.example.com>;a=\"q\"",
		"<sip:b.example.com>;a=b;", "<sip:b.example.com>;;a", "<sip:b.example.com> ;a",
		"<tel:+1-201-555-0123>", "<sips:b.example.com>", "<sipx:b.example.com>", "<sip :b.example.com>",
		"<si", "sip:a@b.example.com?x", "sip:a@b.example.com,sip:c@d", "sip:a@b.example.com x",
		"sip:a@b.example.com;tag=x;a=b", "sip:a@b.example.com>", "a b c <sip:x.example.com>",
		"a\tb <sip:x.example.com>", "a \"b\" <sip:x.example.com>", "\"a\"<sip:x.example.com>",
		"\"\" <sip:x.example.com>", "\"unclosed <sip:x.example.com>", "<sip:x.example.com",
		"<sip:x.example.com>>", "<<sip:x.example.com>", "<sip:x.example.com><sip:y.example.com>",
		"<sip:a@b.example.com>;tag=1\r\n", "<sip:a@b.example.com\x01>", "<sip:a@b.\x80.com>",
		"\"\xc3\xa9\" <sip:a@b.example.com>", "<sip:user=x&y+z$/a@b.example.com>",
		"<sip:a@B.EXAMPLE.COM;TRANSPORT=TCP>", "a <sip:x.example.com>;p=1;q=2;r=3;s=4;t=5;u=6;v=7;w=8",
		"\"a very long display name indeed\" <sip:x.example.com>",
		"a very long token display name indeed <sip:x.example.com>",
		/* DQUOTE SP "<" "sip:" compared at once */
		"\"a\" xsip:b@c.example.com>", "\"a\" <sIp:b@c.example.com>", "\"a\" <sip;b@c.example.com>",
		"\"a\" \x1csip:b@c.example.com>", "\"a\"\x1c<sip:b@c.example.com>",
		/* hosts: the hostname rule on masks of the whole value, IPv4 */
		"<sip:a@255.255.255.255>", "<sip:a@0.0.0.0;lr>", "<sip:a@01.2.3.4>", "<sip:a@1.2.3.256>",
		"<sip:a@199.2.3.4>", "<sip:a@249.1.1.1>", "<sip:a@260.1.1.1>", "<sip:a@1..3.4>",
		"<sip:a@1.2.3.4.>", "sip:a.b-c@x-y.z.example.com.;tag=a.b-c", "sip:a-.b@x.y;tag=1",
		"<sip:a@x.-y.com>", "<sip:a@x-.y.com>", "<sip:a@x.y-.com.>", "<sip:a@a.b.c.d.e.f.g.h.i.j.k1>",
		"<sip:a@a.b.c.d.e.f.g.h.i.j.1k>", "<sip:a@9>", "<sip:a@z>", "<sip:a@.z>", "<sip:a@z..>",
		"\"a.-b\" <sip:x.y-z.example.com:1>;tag=-.", "a.b <sip:-x.example.com>",
		/* contact-params the parser checks, and values of 64 bytes and more */
		"<sip:a@b.example.com>;q=0.", "<sip:a@b.example.com>;q=0.1234", "<sip:a@b.example.com>;q=1.001",
		"<sip:a@b.example.com>;q=1.", "<sip:a@b.example.com>;q=0.5x", "<sip:a@b.example.com>;q",
		"<sip:a@b.example.com>;expires=1234567890", "<sip:a@b.example.com>;expires=0",
		"<sip:a@b.example.com>;expires=12a;x=y", "<sip:a@b.example.com>;expires",
		"<sip:a@b.example.com>;reg-id=01", "<sip:a@b.example.com>;reg-id=1234567890",
		"<sip:a@b.example.com>;reg-idx=1", "<sip:a@b.example.com>;expiresx=1;qq=2",
		"<sip:a@b.example.com>;+sip.instance=\"<urn:%41>\"",
		"<sip:a@b.example.com>;+sip.instance=\"<urn:a;b>\"",
		"<sip:a@b.example.com>;+sip.instance=\"<urn:a,b?c>\"",
		"<sip:a@b.example.com>;+sip.instance=\"<>\"", "<sip:a@b.example.com>;+sip.instance=\"<urn:x>",
		"<sip:a@b.example.com>;+sip.instance=\"<urn:x>\"x", "<sip:a@b.example.com>;+sip.instance=<urn:x>",
		"<sip:a@b.example.com>;+sip.instance", "<sip:a@b.example.com>;+sip.instancex=\"<urn:x>\"",
		"<sip:a@b.example.com>;+sip.instance=\"<urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6-too-long>\"",
		"<sip:a@b.example.com>;+sip.instance=\"<a>b>\"",
		/* a prefix of it ends with a parameter of 64 bytes, a whole WINDOW */
		"<sip:alice@pc33.atlanta.example.com;transport=udp>;+sip.instance="
		"\"<urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6ab>\"",
		"<sip:alice@pc33.atlanta.example.com;transport=udp>;tag=1;+sip.instance="
		"\"<urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6>\";tag;a=b",
		"<sip:alice@pc33.atlanta.example.com;transport=udp>;expires=12345678901234567890",
		"<sip:alice@pc33.atlanta.example.com;transport=udp>;x=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		"<sip:alice@pc33.atlanta.example.com;transport=udp>;x;;y",
		"<sip:alice@pc33.atlanta.example.com;transport=udp>;aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=1",
		"<sip:alice@a-very-long-host-name-of-many-labels.pc33.atlanta.example.com>;tag=1",
		"\"x>y\" <sip:alice@pc33.atlanta.example.com;transport=udp>;tag=1928301774;x=y",
		"sip:alice@pc33.atlanta.example.com;tag=1928301774;x=yyyyyyyyyyyyyyyyyyyyyy",
		"<sip:alice@pc33.atlanta.example.com;transport=udp> ;tag=1928301774;x=yyyyyyyyyy",
		"<sip:alice@pc33.atlanta.example.com;transport=udp>;tag=1928301774;x=yyyyyyyyyyy ",
		"<sip:alice@pc33.atlanta.example.com;transport=udp>;tag=1928301774;x=\"yyyyyyyyyyy\"",
	};
	static const unsigned flags[] = { 0, SIFT_ADDR_NAME_ADDR_ONLY,
					  SIFT_ADDR_ALLOW_STAR | SIFT_ADDR_CONTACT, SIFT_ADDR_NO_PARAMS };
	static const unsigned modes[] = { 0, SIFT_OPT_STRICT };
	int avx2 = __builtin_cpu_supports("avx2");
	size_t common_count = sizeof common / sizeof common[0];
	size_t contact_count = sizeof common_contact / sizeof common_contact[0];
	size_t known_count = common_count + contact_count;
	for (size_t i = 0; i < known_count + sizeof others / sizeof others[0]; i++) {
		const char *text = i < common_count  ? common[i]
				   : i < known_count ? common_contact[i - common_count]
						     : others[i - known_count];
		size_t len = strlen(text);
		for (size_t cut = 0; cut <= len; cut++) {
			char *exact = malloc(cut ? cut : 1), *padded = malloc(32 + cut);
			memcpy(exact, text, cut);
			memset(padded, '"', 32);
			memcpy(padded + 32, text, cut);
			sift_span at_zero = { 0, (uint32_t)cut }, at_32 = { 32, (uint32_t)cut };
			for (size_t f = 0; f < sizeof flags / sizeof flags[0]; f++)
				for (size_t m = 0; m < 2; m++) {
					unsigned options = flags[f] | modes[m];
					sift_addr parsed;
					int fast = sift__addr_fast_accept(exact, exact + cut, options);
					int in_place = sift__addr_masks_accept(padded, at_32, options);
					int copied = sift__addr_masks_accept(exact, at_zero, options);
					if ((in_place || copied) && !fast)
						fail_msg("masks accept what fast_addr.re does not: \"%.*s\" "
							 "options 0x%x",
							 (int)cut, text, options);
					if (fast && sift_addr_parse(exact, at_zero, options, &parsed, NULL) !=
							    SIFT_OK)
						fail_msg("fast_addr.re accepts what the parser rejects: "
							 "\"%.*s\" options 0x%x",
							 (int)cut, text, options);
					assert_int_equal(in_place, copied);
					/* the common shapes, whole, as From and To have them
					 * (Contact its own) */
					if (cut == len && avx2 &&
					    ((i < common_count && flags[f] == 0) ||
					     (i >= common_count && i < known_count &&
					      flags[f] == (SIFT_ADDR_ALLOW_STAR | SIFT_ADDR_CONTACT))))
						if (!in_place)
							fail_msg("a common shape left to the DFA: \"%s\"", text);
				}
			sift__use_simd = 1;
			assert_false(sift__addr_masks_accept(padded, at_32, 0));
			sift__use_simd = 2;
			free(exact);
			free(padded);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc3261_20_10_contact_examples),
		cmocka_unit_test(test_rfc3261_20_10_address_fast_paths_accept_what_the_parser_accepts),
		cmocka_unit_test(test_rfc3261_20_10_contact_star),
		cmocka_unit_test(test_rfc3261_25_qvalue),
		cmocka_unit_test(test_rfc3261_25_c_p_expires_is_delta_seconds),
		cmocka_unit_test(test_rfc3261_10_3_expires_above_2_32_is_2_32_minus_1),
		cmocka_unit_test(test_rfc3261_25_from_params_are_generic),
		cmocka_unit_test(test_rfc5626_9_2_contact_examples),
		cmocka_unit_test(test_rfc5626_3_2_example_empty_param_rejected),
		cmocka_unit_test(test_rfc5626_10_reg_id_range),
		cmocka_unit_test(test_rfc5626_10_sip_instance_syntax),
		cmocka_unit_test(test_rfc3261_20_20_from_and_to_examples),
		cmocka_unit_test(test_rfc3261_25_tag_is_token),
		cmocka_unit_test(test_rfc3261_25_display_name_unescape),
		cmocka_unit_test(test_rfc3261_25_display_name_tokens_only),
		cmocka_unit_test(test_rfc3261_20_31_reply_to),
		cmocka_unit_test(test_rfc3515_2_1_refer_to_examples),
		cmocka_unit_test(test_rfc3515_2_1_compact_form_r),
		cmocka_unit_test(test_rfc3515_2_1_refer_to_addr_spec_question_mark),
		cmocka_unit_test(test_rfc3892_3_referred_by_example),
		cmocka_unit_test(test_rfc3892_3_cid_is_sip_clean_msg_id),
		cmocka_unit_test(test_rfc3325_9_1_p_asserted_identity_examples),
		cmocka_unit_test(test_rfc3325_9_1_no_parameters),
		cmocka_unit_test(test_rfc3327_4_path_examples),
		cmocka_unit_test(test_rfc3327_4_path_is_name_addr),
		cmocka_unit_test(test_rfc3608_5_service_route),
		cmocka_unit_test(test_rfc5806_4_diversion_params),
		cmocka_unit_test(test_rfc5806_4_counter_is_two_digits),
		cmocka_unit_test(test_rfc5806_4_strict_parameters_have_a_bare_equal),
		cmocka_unit_test(test_rfc5806_4_diversion_is_name_addr),
		cmocka_unit_test(test_rfc7044_9_history_info_example),
		cmocka_unit_test(test_rfc7044_9_index_required),
		cmocka_unit_test(test_rfc7044_9_index_val_syntax),
		cmocka_unit_test(test_rfc7044_9_hi_targeted_to_uri_is_name_addr),
		cmocka_unit_test(test_rfc8217_3_4_covered_headers),
		cmocka_unit_test(test_rfc8217_3_addr_spec_with_reserved_characters),
		cmocka_unit_test(test_rfc8217_3_name_addr_and_plain_addr_spec_pass),
		cmocka_unit_test(test_addr_flags_per_header),
		cmocka_unit_test(test_addr_arguments),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	free(input);
	return failed;
}
