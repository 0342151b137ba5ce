/*
 * tests/unit/test_fields.c - the typed parsers of include/sipsift/fields.h:
 * RFC 3261 20 generic and message-body headers, RFC 3313, 3841 (with RFC
 * 3840 feature parameters), 5621 and 8262. One test per requirement: the
 * RFCs' own examples are accepted with the parts they state, and for every
 * grammar rule a malformed value is rejected with the code, the offset of
 * the first byte that cannot be explained, and the rule's name.
 *
 * Every value is copied into a heap block of exactly its length (offset 0),
 * so the sanitizer build catches a read one byte past the end.
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

#define MAX_COPIES 64
static char *copies[MAX_COPIES];
static size_t copy_count;

/* An exact-size heap copy of text (len bytes); freed after each test. */
static const char *bytes(const char *text, size_t len)
{
	char *copy = malloc(len ? len : 1);
	assert_non_null(copy);
	memcpy(copy, text, len);
	assert_true(copy_count < MAX_COPIES);
	copies[copy_count++] = copy;
	return copy;
}

static const char *text(const char *s)
{
	return bytes(s, strlen(s));
}

static sift_span whole(const char *s)
{
	sift_span span = { 0, (uint32_t)strlen(s) };
	return span;
}

static int teardown(void **state)
{
	(void)state;
	while (copy_count)
		free(copies[--copy_count]);
	return 0;
}

static int span_is(const char *buf, sift_span s, const char *expected)
{
	return s.len == strlen(expected) && memcmp(buf + s.off, expected, s.len) == 0;
}

#define SPAN_IS(buf, span, expected)                                                     \
	do {                                                                             \
		if (!span_is((buf), (span), (expected))) {                              \
			print_error("span is '%.*s', expected '%s'\n", (int)(span).len,  \
				    (buf) + (span).off, (expected));                     \
			fail();                                                          \
		}                                                                        \
	} while (0)

static void expect_error(sift_code got, const sift_error *err, sift_code code, uint32_t offset,
			 const char *rule)
{
	if (got != code || err->code != code || err->offset != offset || !err->rule ||
	    strcmp(err->rule, rule) != 0) {
		print_error("got %s at %u rule %s; expected %s at %u rule %s\n", sift_code_name(got),
			    (unsigned)err->offset, err->rule ? err->rule : "(null)",
			    sift_code_name(code), (unsigned)offset, rule);
		fail();
	}
}

/* A list parser over every element of a whole header value. */
typedef sift_code (*item_parser)(const char *, sift_span, unsigned, sift_list_item *, sift_error *);

static unsigned parse_items(item_parser parse, const char *value, sift_list_item *items, unsigned max)
{
	const char *buf = text(value);
	sift_span cursor = whole(value), element;
	unsigned n = 0;
	sift_error err;
	while (sift_list_next(buf, &cursor, &element)) {
		assert_true(n < max);
		assert_int_equal(parse(buf, element, 0, &items[n], &err), SIFT_OK);
		n++;
	}
	return n;
}

static const char *last_buf(void)
{
	return copies[copy_count - 1];
}

/* Runs a list parser on one value and checks the error. */
static void item_rejected(item_parser parse, const char *value, unsigned options, uint32_t offset,
			  const char *rule)
{
	const char *buf = text(value);
	sift_list_item item;
	sift_error err = { SIFT_OK, 0, NULL, 0 };
	expect_error(parse(buf, whole(value), options, &item, &err), &err, SIFT_E_HEADER_VALUE, offset,
		     rule);
	/* The same result without an error struct. */
	assert_int_equal(parse(buf, whole(value), options, &item, NULL), SIFT_E_HEADER_VALUE);
}

/* ---- comma lists ---------------------------------------------------------- */

/* RFC 3261 7.3.1: x *(COMMA x); quoted commas and commas in < > do not split. */
static void rfc3261_7_3_1_list_elements_split_at_top_level_commas(void **state)
{
	(void)state;
	const char *v = "a , \"x,y\" ,<b,c>,\r\n d";
	const char *buf = text(v);
	sift_span cursor = whole(v), e;
	assert_true(sift_list_next(buf, &cursor, &e));
	SPAN_IS(buf, e, "a");
	assert_true(sift_list_next(buf, &cursor, &e));
	SPAN_IS(buf, e, "\"x,y\"");
	assert_true(sift_list_next(buf, &cursor, &e));
	SPAN_IS(buf, e, "<b,c>");
	assert_true(sift_list_next(buf, &cursor, &e));
	SPAN_IS(buf, e, "d");
	assert_false(sift_list_next(buf, &cursor, &e));
	assert_int_equal(cursor.len, 0);
}

/* RFC 3261 25: an element between two commas may not be empty; the
 * iterator hands the empty element over for the element parser to reject. */
static void rfc3261_25_empty_list_elements_are_returned(void **state)
{
	(void)state;
	const char *v = "a,,b,";
	const char *buf = text(v);
	sift_span cursor = whole(v), e;
	const char *expected[] = { "a", "", "b", "" };
	for (unsigned i = 0; i < 4; i++) {
		assert_true(sift_list_next(buf, &cursor, &e));
		SPAN_IS(buf, e, expected[i]);
	}
	assert_false(sift_list_next(buf, &cursor, &e));
	const char *empty = text("  ");
	sift_span c2 = { 0, 2 };
	assert_false(sift_list_next(empty, &c2, &e));
}

/* ---- Accept (RFC 3261 20.1) ------------------------------------------------ */

static void rfc3261_20_1_accept_example(void **state)
{
	(void)state;
	const char *v = "application/sdp;level=1, application/x-private, text/html";
	const char *buf = text(v);
	sift_span cursor = whole(v), e;
	sift_accept_range r;
	sift_error err;
	const char *types[][2] = { { "application", "sdp" }, { "application", "x-private" },
				   { "text", "html" } };
	for (unsigned i = 0; i < 3; i++) {
		assert_true(sift_list_next(buf, &cursor, &e));
		assert_int_equal(sift_accept_parse(buf, e, 0, &r, &err), SIFT_OK);
		SPAN_IS(buf, r.type, types[i][0]);
		SPAN_IS(buf, r.subtype, types[i][1]);
		assert_int_equal(r.q, 1000);
		assert_false(r.has_q);
		if (i == 0) {
			sift_param p;
			assert_true(sift_param_find(buf, r.params, "level", &p));
			SPAN_IS(buf, p.value, "1");
		}
	}
	assert_false(sift_list_next(buf, &cursor, &e));
}

/* RFC 3261 20.1: "An empty Accept header field means that no formats are acceptable." */
static void rfc3261_20_1_empty_accept_is_allowed(void **state)
{
	(void)state;
	const char *buf = text("");
	sift_accept_range r;
	assert_int_equal(sift_accept_parse(buf, whole(""), 0, &r, NULL), SIFT_OK);
	assert_true(r.is_empty);
}

/* RFC 3261 25: accept-param = ("q" EQUAL qvalue) / generic-param. */
static void rfc3261_25_accept_q_is_a_qvalue(void **state)
{
	(void)state;
	const char *v = "*/*; q = 0.125 ;x=\"a;b\"";
	const char *buf = text(v);
	sift_accept_range r;
	assert_int_equal(sift_accept_parse(buf, whole(v), 0, &r, NULL), SIFT_OK);
	assert_true(r.has_q);
	assert_int_equal(r.q, 125);
	SPAN_IS(buf, r.type, "*");
	SPAN_IS(buf, r.subtype, "*");

	sift_error err;
	const char *bad = "text/html;q=2";
	expect_error(sift_accept_parse(text(bad), whole(bad), 0, &r, &err), &err,
		     SIFT_E_HEADER_VALUE, 12, "qvalue");
	bad = "text/html;q=0.1234";
	expect_error(sift_accept_parse(text(bad), whole(bad), 0, &r, &err), &err,
		     SIFT_E_HEADER_VALUE, 12, "qvalue");
	bad = "text/html;q=1.5";
	expect_error(sift_accept_parse(text(bad), whole(bad), 0, &r, &err), &err,
		     SIFT_E_HEADER_VALUE, 12, "qvalue");
	bad = "text/html;q";
	expect_error(sift_accept_parse(text(bad), whole(bad), 0, &r, &err), &err,
		     SIFT_E_HEADER_VALUE, 11, "qvalue");
}

/* RFC 3261 25: media-range = ... ( m-type SLASH m-subtype ) *( SEMI m-parameter ). */
static void rfc3261_25_media_range_malformed_is_rejected(void **state)
{
	(void)state;
	sift_accept_range r;
	sift_error err;
	const char *bad = "text";
	expect_error(sift_accept_parse(text(bad), whole(bad), 0, &r, &err), &err,
		     SIFT_E_HEADER_VALUE, 4, "SLASH");
	bad = "/html";
	expect_error(sift_accept_parse(text(bad), whole(bad), 0, &r, &err), &err,
		     SIFT_E_HEADER_VALUE, 0, "media-range");
	bad = "text/";
	expect_error(sift_accept_parse(text(bad), whole(bad), 0, &r, &err), &err,
		     SIFT_E_HEADER_VALUE, 5, "m-subtype");
	bad = "text/html foo";
	expect_error(sift_accept_parse(text(bad), whole(bad), 0, &r, &err), &err,
		     SIFT_E_HEADER_VALUE, 10, "accept-range");
	bad = "text/html;=x";
	expect_error(sift_accept_parse(text(bad), whole(bad), 0, &r, &err), &err,
		     SIFT_E_HEADER_VALUE, 10, "accept-param");
	/* "*" is a token, so "*" "/" "html" passes the ABNF; strict refuses it (H14.1). */
	bad = "*/html";
	assert_int_equal(sift_accept_parse(text(bad), whole(bad), 0, &r, &err), SIFT_OK);
	expect_error(sift_accept_parse(text(bad), whole(bad), SIFT_OPT_STRICT, &r, &err), &err,
		     SIFT_E_HEADER_VALUE, 2, "media-range");
}

/* ---- Accept-Encoding, Accept-Language (RFC 3261 20.2, 20.3) ------------ */

static void rfc3261_20_2_accept_encoding_example(void **state)
{
	(void)state;
	sift_accept_item a;
	const char *buf = text("gzip");
	assert_int_equal(sift_accept_encoding_parse(buf, whole("gzip"), 0, &a, NULL), SIFT_OK);
	SPAN_IS(buf, a.value, "gzip");
	buf = text("*;q=0");
	assert_int_equal(sift_accept_encoding_parse(buf, whole("*;q=0"), 0, &a, NULL), SIFT_OK);
	SPAN_IS(buf, a.value, "*");
	assert_int_equal(a.q, 0);
	/* 20.2: "An empty Accept-Encoding header field is permissible." */
	assert_int_equal(sift_accept_encoding_parse(text(""), whole(""), 0, &a, NULL), SIFT_OK);
	assert_true(a.is_empty);
}

static void rfc3261_25_codings_malformed_is_rejected(void **state)
{
	(void)state;
	sift_accept_item a;
	sift_error err;
	const char *bad = "@zip";
	expect_error(sift_accept_encoding_parse(text(bad), whole(bad), 0, &a, &err), &err,
		     SIFT_E_HEADER_VALUE, 0, "codings");
	bad = "gz ip";
	expect_error(sift_accept_encoding_parse(text(bad), whole(bad), 0, &a, &err), &err,
		     SIFT_E_HEADER_VALUE, 3, "encoding");
	bad = "gzip;q=x";
	expect_error(sift_accept_encoding_parse(text(bad), whole(bad), 0, &a, &err), &err,
		     SIFT_E_HEADER_VALUE, 7, "qvalue");
}

static void rfc3261_20_3_accept_language_example(void **state)
{
	(void)state;
	const char *v = "da, en-gb;q=0.8, en;q=0.7";
	const char *buf = text(v);
	sift_span cursor = whole(v), e;
	sift_accept_item a;
	const char *ranges[] = { "da", "en-gb", "en" };
	const unsigned q[] = { 1000, 800, 700 };
	for (unsigned i = 0; i < 3; i++) {
		assert_true(sift_list_next(buf, &cursor, &e));
		assert_int_equal(sift_accept_language_parse(buf, e, 0, &a, NULL), SIFT_OK);
		SPAN_IS(buf, a.value, ranges[i]);
		assert_int_equal(a.q, q[i]);
		assert_int_equal(a.has_q, i > 0);
	}
}

static void rfc3261_25_language_range_malformed_is_rejected(void **state)
{
	(void)state;
	sift_accept_item a;
	sift_error err;
	const char *bad = "1en";
	expect_error(sift_accept_language_parse(text(bad), whole(bad), 0, &a, &err), &err,
		     SIFT_E_HEADER_VALUE, 0, "language-range");
	bad = "abcdefghi"; /* 1*8ALPHA */
	expect_error(sift_accept_language_parse(text(bad), whole(bad), 0, &a, &err), &err,
		     SIFT_E_HEADER_VALUE, 8, "language");
}

/* ---- Token lists ------------------------------------------------------------ */

static void rfc3261_20_5_allow_example(void **state)
{
	(void)state;
	sift_list_item items[8];
	assert_int_equal(parse_items(sift_allow_parse, "INVITE, ACK, OPTIONS, CANCEL, BYE", items, 8), 5);
	const char *buf = last_buf();
	SPAN_IS(buf, items[0].value, "INVITE");
	assert_int_equal(items[0].kind, SIFT_METHOD_INVITE);
	assert_int_equal(items[4].kind, SIFT_METHOD_BYE);
	/* RFC 3261 25: Allow = "Allow" HCOLON [Method *(COMMA Method)] */
	assert_int_equal(sift_allow_parse(text(""), whole(""), 0, &items[0], NULL), SIFT_OK);
	assert_true(items[0].is_empty);
	/* Extension methods are tokens; method names are case-sensitive. */
	assert_int_equal(sift_allow_parse(text("invite"), whole("invite"), 0, &items[0], NULL), SIFT_OK);
	assert_int_equal(items[0].kind, SIFT_METHOD_OTHER);
}

static void rfc3261_25_method_malformed_is_rejected(void **state)
{
	(void)state;
	item_rejected(sift_allow_parse, "INV ITE", 0, 4, "Method");
	item_rejected(sift_allow_parse, "@", 0, 0, "Method");
}

/* RFC 3261 20.32, 20.29, 20.37, 20.40 examples. */
static void rfc3261_20_32_option_tag_examples(void **state)
{
	(void)state;
	sift_list_item item;
	const char *buf = text("100rel");
	assert_int_equal(sift_option_tag_parse(buf, whole("100rel"), 0, &item, NULL), SIFT_OK); /* Require */
	SPAN_IS(buf, item.value, "100rel");
	assert_true(sift_option_tag_known(buf + item.value.off, item.value.len));
	buf = text("foo");
	assert_int_equal(sift_option_tag_parse(buf, whole("foo"), 0, &item, NULL), SIFT_OK); /* Proxy-Require, Unsupported */
	assert_false(sift_option_tag_known(buf + item.value.off, item.value.len));
	assert_int_equal(sift_supported_parse(text("100rel"), whole("100rel"), 0, &item, NULL), SIFT_OK);
	/* Supported may be empty; Require may not. */
	assert_int_equal(sift_supported_parse(text(""), whole(""), 0, &item, NULL), SIFT_OK);
	assert_true(item.is_empty);
	/* RFC 4475 3.3.5: unknown tags are well formed. */
	sift_list_item items[4];
	assert_int_equal(parse_items(sift_option_tag_parse,
				     "nothingSupportsThis, nothingSupportsThisEither", items, 4), 2);
}

static void rfc3261_25_option_tag_malformed_is_rejected(void **state)
{
	(void)state;
	item_rejected(sift_option_tag_parse, "", 0, 0, "option-tag");
	item_rejected(sift_option_tag_parse, "foo bar", 0, 4, "option-tag");
	item_rejected(sift_supported_parse, "tim:er", 0, 3, "option-tag");
}

static void rfc3261_20_12_content_encoding_examples(void **state)
{
	(void)state;
	sift_list_item item;
	const char *buf = text("gzip");
	assert_int_equal(sift_content_encoding_parse(buf, whole("gzip"), 0, &item, NULL), SIFT_OK);
	SPAN_IS(buf, item.value, "gzip");
	assert_int_equal(sift_content_encoding_parse(text("tar"), whole("tar"), 0, &item, NULL), SIFT_OK); /* e: tar */
	item_rejected(sift_content_encoding_parse, "", 0, 0, "content-coding");
	item_rejected(sift_content_encoding_parse, "g/zip", 0, 1, "content-coding");
}

static void rfc3261_20_13_content_language_example(void **state)
{
	(void)state;
	sift_list_item item;
	const char *buf = text("fr");
	assert_int_equal(sift_content_language_parse(buf, whole("fr"), 0, &item, NULL), SIFT_OK);
	SPAN_IS(buf, item.value, "fr");
	assert_int_equal(sift_content_language_parse(text("en-US"), whole("en-US"), 0, &item, NULL), SIFT_OK);
	item_rejected(sift_content_language_parse, "e1", 0, 1, "language-tag");
	item_rejected(sift_content_language_parse, "*", 0, 0, "language-tag");
	item_rejected(sift_content_language_parse, "en-", 0, 2, "language-tag");
}

static void rfc3261_20_21_in_reply_to_example(void **state)
{
	(void)state;
	sift_list_item items[4];
	assert_int_equal(parse_items(sift_in_reply_to_parse,
				     "70710@saturn.bell-tel.com, 17320@saturn.bell-tel.com", items, 4), 2);
	SPAN_IS(last_buf(), items[1].value, "17320@saturn.bell-tel.com");
	item_rejected(sift_in_reply_to_parse, "a@b@c", 0, 3, "callid");
	item_rejected(sift_in_reply_to_parse, "", 0, 0, "callid");
}

/* RFC 3841 9.1 example and 10 grammar. */
static void rfc3841_10_request_disposition_example(void **state)
{
	(void)state;
	sift_list_item items[4];
	assert_int_equal(parse_items(sift_request_disposition_parse, "proxy, recurse, parallel", items, 4), 3);
	assert_int_equal(items[0].kind, SIFT_DIRECTIVE_PROXY);
	assert_int_equal(items[1].kind, SIFT_DIRECTIVE_RECURSE);
	assert_int_equal(items[2].kind, SIFT_DIRECTIVE_PARALLEL);
	/* ABNF strings are case-insensitive (RFC 5234 2.3). */
	assert_int_equal(sift_request_disposition_parse(text("No-Fork"), whole("No-Fork"), 0, &items[0], NULL),
			 SIFT_OK);
	assert_int_equal(items[0].kind, SIFT_DIRECTIVE_NO_FORK);
	item_rejected(sift_request_disposition_parse, "proxyfoo", 0, 5, "directive");
	item_rejected(sift_request_disposition_parse, "forward", 0, 0, "directive");
	item_rejected(sift_request_disposition_parse, "", 0, 0, "directive");
}

/* RFC 3313 5: P-Media-Authorization-Token = 1*HEXDIG (a token of that shape;
 * ABNF HEXDIG letters match either case). */
static void rfc3313_5_media_authorization_token(void **state)
{
	(void)state;
	sift_list_item items[4];
	assert_int_equal(parse_items(sift_media_authorization_parse,
				     "0020000100100101706466322e6578616d706c652e636f6d0000000000000000, ABCDEF09",
				     items, 4), 2);
	item_rejected(sift_media_authorization_parse, "12g4", 0, 2, "P-Media-Authorization-Token");
	item_rejected(sift_media_authorization_parse, "", 0, 0, "P-Media-Authorization-Token");
}

/* ---- MIME-Version, Content-Disposition, Content-ID ------------------------ */

static void rfc3261_20_24_mime_version_example(void **state)
{
	(void)state;
	sift_mime_version v;
	sift_error err;
	assert_int_equal(sift_mime_version_parse(text("1.0"), whole("1.0"), 0, &v, NULL), SIFT_OK);
	assert_int_equal(v.major, 1);
	assert_int_equal(v.minor, 0);
	expect_error(sift_mime_version_parse(text("1"), whole("1"), 0, &v, &err), &err,
		     SIFT_E_HEADER_VALUE, 1, "MIME-Version");
	expect_error(sift_mime_version_parse(text("1."), whole("1."), 0, &v, &err), &err,
		     SIFT_E_HEADER_VALUE, 2, "MIME-Version");
	expect_error(sift_mime_version_parse(text("v1.0"), whole("v1.0"), 0, &v, &err), &err,
		     SIFT_E_HEADER_VALUE, 0, "MIME-Version");
	expect_error(sift_mime_version_parse(text("1.0 x"), whole("1.0 x"), 0, &v, &err), &err,
		     SIFT_E_HEADER_VALUE, 4, "MIME-Version");
	const char *big = "1.99999999999";
	expect_error(sift_mime_version_parse(text(big), whole(big), 0, &v, &err), &err,
		     SIFT_E_NUMBER_RANGE, 2, "MIME-Version");
}

static void rfc3261_20_11_content_disposition_example(void **state)
{
	(void)state;
	sift_content_disposition d;
	const char *buf = text("session");
	assert_int_equal(sift_content_disposition_parse(buf, whole("session"), 0, &d, NULL), SIFT_OK);
	SPAN_IS(buf, d.type, "session");
	assert_int_equal(d.disposition, SIFT_DISPOSITION_SESSION);
	/* 20.11: no handling parameter means "required" is assumed. */
	assert_int_equal(d.handling_kind, SIFT_HANDLING_ABSENT);
}

/* RFC 5621 8.1 example, 9.4 by-reference; RFC 8262 1.4.2 recipient-list. */
static void rfc5621_8_1_handling_parameter(void **state)
{
	(void)state;
	sift_content_disposition d;
	const char *v = "signal; handling=optional";
	const char *buf = text(v);
	assert_int_equal(sift_content_disposition_parse(buf, whole(v), 0, &d, NULL), SIFT_OK);
	assert_int_equal(d.disposition, SIFT_DISPOSITION_SIGNAL);
	assert_int_equal(d.handling_kind, SIFT_HANDLING_OPTIONAL);
	SPAN_IS(buf, d.handling, "optional");
	v = "by-reference;handling=REQUIRED";
	assert_int_equal(sift_content_disposition_parse(text(v), whole(v), 0, &d, NULL), SIFT_OK);
	assert_int_equal(d.disposition, SIFT_DISPOSITION_BY_REFERENCE);
	assert_int_equal(d.handling_kind, SIFT_HANDLING_REQUIRED);
	v = "recipient-list";
	assert_int_equal(sift_content_disposition_parse(text(v), whole(v), 0, &d, NULL), SIFT_OK);
	assert_int_equal(d.disposition, SIFT_DISPOSITION_RECIPIENT_LIST);
	v = "early-session;handling=sometimes;x=\"y\"";
	assert_int_equal(sift_content_disposition_parse(text(v), whole(v), 0, &d, NULL), SIFT_OK);
	assert_int_equal(d.disposition, SIFT_DISPOSITION_EARLY_SESSION);
	assert_int_equal(d.handling_kind, SIFT_HANDLING_OTHER);
	v = "x-mine";
	assert_int_equal(sift_content_disposition_parse(text(v), whole(v), 0, &d, NULL), SIFT_OK);
	assert_int_equal(d.disposition, SIFT_DISPOSITION_OTHER);
}

static void rfc3261_25_disposition_malformed_is_rejected(void **state)
{
	(void)state;
	sift_content_disposition d;
	sift_error err;
	const char *bad = "";
	expect_error(sift_content_disposition_parse(text(bad), whole(bad), 0, &d, &err), &err,
		     SIFT_E_HEADER_VALUE, 0, "disp-type");
	bad = "session;handling";
	expect_error(sift_content_disposition_parse(text(bad), whole(bad), 0, &d, &err), &err,
		     SIFT_E_HEADER_VALUE, 16, "handling-param");
	bad = "session;handling=\"optional\"";
	expect_error(sift_content_disposition_parse(text(bad), whole(bad), 0, &d, &err), &err,
		     SIFT_E_HEADER_VALUE, 17, "handling-param");
	bad = "session render";
	expect_error(sift_content_disposition_parse(text(bad), whole(bad), 0, &d, &err), &err,
		     SIFT_E_HEADER_VALUE, 8, "disp-param");
	bad = "session;;";
	expect_error(sift_content_disposition_parse(text(bad), whole(bad), 0, &d, &err), &err,
		     SIFT_E_HEADER_VALUE, 8, "disp-param");
}

/* RFC 8262 1.4.1, 1.4.2 and 3.4.3 examples. */
static void rfc8262_3_2_content_id_examples(void **state)
{
	(void)state;
	sift_content_id id;
	const char *v = "<target123@atlanta.example.com>";
	const char *buf = text(v);
	assert_int_equal(sift_content_id_parse(buf, whole(v), 0, &id, NULL), SIFT_OK);
	SPAN_IS(buf, id.id, "target123@atlanta.example.com");
	SPAN_IS(buf, id.left, "target123");
	SPAN_IS(buf, id.right, "atlanta.example.com");
	v = "<cn35t8jf02@example.com>";
	assert_int_equal(sift_content_id_parse(text(v), whole(v), 0, &id, NULL), SIFT_OK);
	/* RFC 5322 3.6.4: id-right may be a no-fold-literal. */
	v = "<a.b+c@[192.0.2.1]>";
	buf = text(v);
	assert_int_equal(sift_content_id_parse(buf, whole(v), 0, &id, NULL), SIFT_OK);
	SPAN_IS(buf, id.right, "[192.0.2.1]");
}

static void rfc8262_3_2_msg_id_malformed_is_rejected(void **state)
{
	(void)state;
	sift_content_id id;
	sift_error err;
	const char *bad = "target@example.com";
	expect_error(sift_content_id_parse(text(bad), whole(bad), 0, &id, &err), &err,
		     SIFT_E_HEADER_VALUE, 0, "msg-id");
	bad = "<@example.com>";
	expect_error(sift_content_id_parse(text(bad), whole(bad), 0, &id, &err), &err,
		     SIFT_E_HEADER_VALUE, 1, "id-left");
	bad = "<a.@example.com>";
	expect_error(sift_content_id_parse(text(bad), whole(bad), 0, &id, &err), &err,
		     SIFT_E_HEADER_VALUE, 2, "msg-id");
	bad = "<a@>";
	expect_error(sift_content_id_parse(text(bad), whole(bad), 0, &id, &err), &err,
		     SIFT_E_HEADER_VALUE, 3, "id-right");
	bad = "<a@b";
	expect_error(sift_content_id_parse(text(bad), whole(bad), 0, &id, &err), &err,
		     SIFT_E_HEADER_VALUE, 4, "msg-id");
	/* RFC 8262 3.2 drops RFC 5322's comments: (CFWS) is not allowed. */
	bad = "<a@b> (c)";
	expect_error(sift_content_id_parse(text(bad), whole(bad), 0, &id, &err), &err,
		     SIFT_E_HEADER_VALUE, 6, "Content-ID");
}

/* RFC 8262 3.2: one msg-id; "Content-ID" HCOLON msg-id has no list. */
static void rfc8262_3_2_content_id_is_a_single_value(void **state)
{
	(void)state;
	sift_content_id id;
	sift_error err;
	const char *bad = "<a@b>, <c@d>";
	expect_error(sift_content_id_parse(text(bad), whole(bad), 0, &id, &err), &err,
		     SIFT_E_HEADER_VALUE, 5, "Content-ID");
}

/* ---- Numbers ------------------------------------------------------------- */

static void rfc3261_20_19_expires_and_min_expires_examples(void **state)
{
	(void)state;
	sift_delta_seconds d;
	assert_int_equal(sift_delta_seconds_parse(text("5"), whole("5"), 0, &d, NULL), SIFT_OK);
	assert_int_equal(d.seconds, 5);
	assert_int_equal(sift_delta_seconds_parse(text("60"), whole("60"), 0, &d, NULL), SIFT_OK);
	assert_int_equal(d.seconds, 60);
	assert_int_equal(sift_delta_seconds_parse(text("4294967295"), whole("4294967295"), SIFT_OPT_STRICT,
						  &d, NULL), SIFT_OK);
	assert_int_equal(d.seconds, UINT32_MAX);
	assert_false(d.clamped);
}

/* RFC 3261 20.19: 0 to 2**32-1; 10.2.1: larger MAY be treated as 2**32-1
 * (RFC 4475 3.1.2.4: Expires 10**100 in scalar02). */
static void rfc3261_20_19_expires_above_2_32_is_clamped_or_strict_range_error(void **state)
{
	(void)state;
	sift_delta_seconds d;
	sift_error err;
	char big[102];
	big[0] = '1';
	memset(big + 1, '0', 100);
	big[101] = 0;
	const char *buf = text(big);
	assert_int_equal(sift_delta_seconds_parse(buf, whole(big), 0, &d, NULL), SIFT_OK);
	assert_int_equal(d.seconds, UINT32_MAX);
	assert_true(d.clamped);
	expect_error(sift_delta_seconds_parse(buf, whole(big), SIFT_OPT_STRICT, &d, &err), &err,
		     SIFT_E_NUMBER_RANGE, 0, "delta-seconds");
	expect_error(sift_delta_seconds_parse(text("4294967296"), whole("4294967296"), SIFT_OPT_STRICT, &d,
					      &err), &err, SIFT_E_NUMBER_RANGE, 0, "delta-seconds");
}

static void rfc3261_25_delta_seconds_malformed_is_rejected(void **state)
{
	(void)state;
	sift_delta_seconds d;
	sift_error err;
	expect_error(sift_delta_seconds_parse(text("-1"), whole("-1"), 0, &d, &err), &err,
		     SIFT_E_HEADER_VALUE, 0, "delta-seconds");
	expect_error(sift_delta_seconds_parse(text("5 s"), whole("5 s"), 0, &d, &err), &err,
		     SIFT_E_HEADER_VALUE, 2, "delta-seconds");
	expect_error(sift_delta_seconds_parse(text(""), whole(""), 0, &d, &err), &err,
		     SIFT_E_HEADER_VALUE, 0, "delta-seconds");
}

static void rfc3261_20_33_retry_after_examples(void **state)
{
	(void)state;
	sift_retry_after r;
	const char *v = "18000;duration=3600";
	const char *buf = text(v);
	assert_int_equal(sift_retry_after_parse(buf, whole(v), 0, &r, NULL), SIFT_OK);
	assert_int_equal(r.seconds, 18000);
	assert_true(r.has_duration);
	assert_int_equal(r.duration, 3600);
	assert_int_equal(r.comment.len, 0);
	v = "120 (I'm in a meeting)";
	buf = text(v);
	assert_int_equal(sift_retry_after_parse(buf, whole(v), 0, &r, NULL), SIFT_OK);
	assert_int_equal(r.seconds, 120);
	SPAN_IS(buf, r.comment, "(I'm in a meeting)");
	assert_false(r.has_duration);
	v = "60 (back (soon) \\) ok) ;duration=10;x";
	buf = text(v);
	assert_int_equal(sift_retry_after_parse(buf, whole(v), 0, &r, NULL), SIFT_OK);
	SPAN_IS(buf, r.comment, "(back (soon) \\) ok)");
	assert_int_equal(r.duration, 10);
}

/* RFC 4475 3.1.2.5: RFC 3261 gives Retry-After no range; a value above
 * 2**32-1 is clamped by default and a range error when strict. */
static void rfc4475_3_1_2_5_huge_retry_after(void **state)
{
	(void)state;
	sift_retry_after r;
	sift_error err;
	const char *v = "949302838503028349304023988";
	const char *buf = text(v);
	assert_int_equal(sift_retry_after_parse(buf, whole(v), 0, &r, NULL), SIFT_OK);
	assert_true(r.clamped);
	assert_int_equal(r.seconds, UINT32_MAX);
	expect_error(sift_retry_after_parse(buf, whole(v), SIFT_OPT_STRICT, &r, &err), &err,
		     SIFT_E_NUMBER_RANGE, 0, "delta-seconds");
}

static void rfc3261_25_retry_after_malformed_is_rejected(void **state)
{
	(void)state;
	sift_retry_after r;
	sift_error err;
	const char *bad = "(soon)";
	expect_error(sift_retry_after_parse(text(bad), whole(bad), 0, &r, &err), &err,
		     SIFT_E_HEADER_VALUE, 0, "delta-seconds");
	bad = "120 (unclosed";
	expect_error(sift_retry_after_parse(text(bad), whole(bad), 0, &r, &err), &err,
		     SIFT_E_HEADER_VALUE, 13, "RPAREN");
	bad = "120;duration=abc";
	expect_error(sift_retry_after_parse(text(bad), whole(bad), 0, &r, &err), &err,
		     SIFT_E_HEADER_VALUE, 13, "delta-seconds");
	bad = "120 x";
	expect_error(sift_retry_after_parse(text(bad), whole(bad), 0, &r, &err), &err,
		     SIFT_E_HEADER_VALUE, 4, "retry-param");
	bad = "120 (a\x01)";
	expect_error(sift_retry_after_parse(text(bad), whole(bad), 0, &r, &err), &err,
		     SIFT_E_HEADER_VALUE, 6, "ctext");
	bad = "120 (a\\\n)";
	expect_error(sift_retry_after_parse(text(bad), whole(bad), 0, &r, &err), &err,
		     SIFT_E_HEADER_VALUE, 6, "quoted-pair");
}

static void rfc3261_20_38_timestamp_example(void **state)
{
	(void)state;
	sift_timestamp t;
	sift_error err;
	const char *buf = text("54");
	assert_int_equal(sift_timestamp_parse(buf, whole("54"), 0, &t, NULL), SIFT_OK);
	SPAN_IS(buf, t.time, "54");
	assert_int_equal(t.delay.len, 0);
	const char *v = "54.5 0.25";
	buf = text(v);
	assert_int_equal(sift_timestamp_parse(buf, whole(v), 0, &t, NULL), SIFT_OK);
	SPAN_IS(buf, t.time, "54.5");
	SPAN_IS(buf, t.delay, "0.25");
	expect_error(sift_timestamp_parse(text("x"), whole("x"), 0, &t, &err), &err,
		     SIFT_E_HEADER_VALUE, 0, "Timestamp");
	expect_error(sift_timestamp_parse(text("54x"), whole("54x"), 0, &t, &err), &err,
		     SIFT_E_HEADER_VALUE, 2, "Timestamp");
	expect_error(sift_timestamp_parse(text("54 x"), whole("54 x"), 0, &t, &err), &err,
		     SIFT_E_HEADER_VALUE, 3, "delay");
}

/* ---- Text ----------------------------------------------------------------- */

static void rfc3261_20_43_warning_examples(void **state)
{
	(void)state;
	sift_warning w;
	const char *v = "307 isi.edu \"Session parameter 'foo' not understood\"";
	const char *buf = text(v);
	assert_int_equal(sift_warning_parse(buf, whole(v), 0, &w, NULL), SIFT_OK);
	assert_int_equal(w.code, 307);
	SPAN_IS(buf, w.agent, "isi.edu");
	SPAN_IS(buf, w.text, "\"Session parameter 'foo' not understood\"");
	v = "301 isi.edu \"Incompatible network address type 'E.164'\"";
	assert_int_equal(sift_warning_parse(text(v), whole(v), 0, &w, NULL), SIFT_OK);
	assert_int_equal(w.code, 301);
	v = "399 192.0.2.1:5060 \"x, y\"";
	buf = text(v);
	assert_int_equal(sift_warning_parse(buf, whole(v), 0, &w, NULL), SIFT_OK);
	SPAN_IS(buf, w.agent, "192.0.2.1:5060");
	assert_string_equal(sift_warning_code_text(307), "Session description parameter not understood");
	assert_string_equal(sift_warning_code_text(380), "SIPS Not Allowed");
	assert_null(sift_warning_code_text(398));
}

/* RFC 4475 3.1.2.5: "Warning: 1812 overture ..." has a 4-digit warn-code. */
static void rfc3261_25_warning_malformed_is_rejected(void **state)
{
	(void)state;
	sift_warning w;
	sift_error err;
	const char *bad = "1812 overture \"In Progress\"";
	expect_error(sift_warning_parse(text(bad), whole(bad), 0, &w, &err), &err,
		     SIFT_E_HEADER_VALUE, 3, "warn-code");
	bad = "30 isi.edu \"x\"";
	expect_error(sift_warning_parse(text(bad), whole(bad), 0, &w, &err), &err,
		     SIFT_E_HEADER_VALUE, 0, "warn-code");
	bad = "307  isi.edu \"x\"";
	expect_error(sift_warning_parse(text(bad), whole(bad), 0, &w, &err), &err,
		     SIFT_E_HEADER_VALUE, 4, "warn-agent");
	bad = "307 isi.edu x";
	expect_error(sift_warning_parse(text(bad), whole(bad), 0, &w, &err), &err,
		     SIFT_E_HEADER_VALUE, 12, "warn-text");
	bad = "307 isi.edu";
	expect_error(sift_warning_parse(text(bad), whole(bad), 0, &w, &err), &err,
		     SIFT_E_HEADER_VALUE, 11, "warning-value");
	bad = "307 isi.edu \"x\" y";
	expect_error(sift_warning_parse(text(bad), whole(bad), 0, &w, &err), &err,
		     SIFT_E_HEADER_VALUE, 16, "warning-value");
}

/* RFC 3261 20.35 and 20.41 examples; RFC 4475 3.1.1.11 User-Agent. */
static void rfc3261_20_35_server_and_user_agent_examples(void **state)
{
	(void)state;
	uint32_t count = 0;
	assert_int_equal(sift_server_parse(text("HomeServer v2"), whole("HomeServer v2"), 0, &count, NULL),
			 SIFT_OK);
	assert_int_equal(count, 2);
	assert_int_equal(sift_server_parse(text("Softphone Beta1.5"), whole("Softphone Beta1.5"), 0, &count,
					   NULL), SIFT_OK);
	const char *v = "SIPimp.org/0.2.5 (curses)";
	const char *buf = text(v);
	sift_span cursor = whole(v);
	sift_server_val s;
	assert_int_equal(sift_server_val_next(buf, &cursor, 0, &s, NULL), SIFT_OK);
	SPAN_IS(buf, s.product, "SIPimp.org");
	SPAN_IS(buf, s.version, "0.2.5");
	assert_false(s.is_comment);
	assert_int_equal(sift_server_val_next(buf, &cursor, 0, &s, NULL), SIFT_OK);
	assert_true(s.is_comment);
	SPAN_IS(buf, s.comment, "(curses)");
	assert_int_equal(sift_server_val_next(buf, &cursor, 0, &s, NULL), SIFT_E_NOT_FOUND);
	v = "Foo / 1.0 (a (nested \\( comment) here)\r\n Bar";
	assert_int_equal(sift_server_parse(text(v), whole(v), 0, &count, NULL), SIFT_OK);
	assert_int_equal(count, 3);
}

static void rfc3261_25_server_val_malformed_is_rejected(void **state)
{
	(void)state;
	sift_error err;
	const char *bad = "";
	expect_error(sift_server_parse(text(bad), whole(bad), 0, NULL, &err), &err,
		     SIFT_E_HEADER_VALUE, 0, "server-val");
	bad = "Foo/";
	expect_error(sift_server_parse(text(bad), whole(bad), 0, NULL, &err), &err,
		     SIFT_E_HEADER_VALUE, 3, "LWS");
	bad = "Foo, Inc.";
	expect_error(sift_server_parse(text(bad), whole(bad), 0, NULL, &err), &err,
		     SIFT_E_HEADER_VALUE, 3, "LWS");
	bad = "Foo (bar";
	expect_error(sift_server_parse(text(bad), whole(bad), 0, NULL, &err), &err,
		     SIFT_E_HEADER_VALUE, 8, "RPAREN");
	bad = "Foo @";
	expect_error(sift_server_parse(text(bad), whole(bad), 0, NULL, &err), &err,
		     SIFT_E_HEADER_VALUE, 4, "server-val");
}

/* RFC 3261 25 comment nests; the parser bounds the depth (no recursion). */
static void rfc3261_25_comment_nesting_is_bounded(void **state)
{
	(void)state;
	char v[2 * SIFT_COMMENT_DEPTH_MAX + 8];
	size_t n = 0;
	for (unsigned i = 0; i < SIFT_COMMENT_DEPTH_MAX; i++)
		v[n++] = '(';
	for (unsigned i = 0; i < SIFT_COMMENT_DEPTH_MAX; i++)
		v[n++] = ')';
	v[n] = 0;
	assert_int_equal(sift_server_parse(text(v), whole(v), 0, NULL, NULL), SIFT_OK);
	memmove(v + 1, v, n + 1);
	v[0] = '(';
	v[n + 1] = ')';
	v[n + 2] = 0;
	sift_error err;
	expect_error(sift_server_parse(text(v), whole(v), 0, NULL, &err), &err,
		     SIFT_E_HEADER_VALUE, SIFT_COMMENT_DEPTH_MAX, "comment");
	/* A million open parentheses: refused at the bound, in linear time. */
	size_t big = 1u << 20;
	char *deep = malloc(big);
	memset(deep, '(', big);
	sift_span all = { 0, (uint32_t)big };
	expect_error(sift_server_parse(deep, all, 0, NULL, &err), &err, SIFT_E_HEADER_VALUE,
		     SIFT_COMMENT_DEPTH_MAX, "comment");
	free(deep);
}

/* RFC 3261 20.36, 20.25 examples; both may be empty (RFC 4475 3.1.1.1 "s :"). */
static void rfc3261_20_36_subject_and_organization_examples(void **state)
{
	(void)state;
	sift_span t;
	const char *buf = text("Need more boxes");
	assert_int_equal(sift_text_parse(buf, whole("Need more boxes"), SIFT_OPT_STRICT, &t, NULL), SIFT_OK);
	SPAN_IS(buf, t, "Need more boxes");
	assert_int_equal(sift_text_parse(text("Tech Support"), whole("Tech Support"), SIFT_OPT_STRICT, &t, NULL),
			 SIFT_OK);
	assert_int_equal(sift_text_parse(text("Boxes by Bob"), whole("Boxes by Bob"), SIFT_OPT_STRICT, &t, NULL),
			 SIFT_OK);
	assert_int_equal(sift_text_parse(text(""), whole(""), SIFT_OPT_STRICT, &t, NULL), SIFT_OK);
	assert_int_equal(t.len, 0);
	const char *utf8 = "Caf\xc3\xa9 \xe2\x98\x95";
	assert_int_equal(sift_text_parse(text(utf8), whole(utf8), SIFT_OPT_STRICT, &t, NULL), SIFT_OK);
}

static void rfc3261_25_text_utf8_trim_malformed_is_rejected(void **state)
{
	(void)state;
	sift_span t;
	sift_error err;
	/* Not UTF-8: header-value text by default, TEXT-UTF8-TRIM when strict. */
	const char *latin1 = "caf\xe9";
	assert_int_equal(sift_text_parse(text(latin1), whole(latin1), 0, &t, NULL), SIFT_OK);
	expect_error(sift_text_parse(text(latin1), whole(latin1), SIFT_OPT_STRICT, &t, &err), &err,
		     SIFT_E_HEADER_VALUE, 3, "TEXT-UTF8-TRIM");
	const char *ctl = "a\x01z";
	expect_error(sift_text_parse(bytes(ctl, 3), whole(ctl), 0, &t, &err), &err, SIFT_E_HEADER_VALUE,
		     1, "header-value");
	expect_error(sift_text_parse(bytes(ctl, 3), whole(ctl), SIFT_OPT_STRICT, &t, &err), &err,
		     SIFT_E_HEADER_VALUE, 1, "TEXT-UTF8-TRIM");
}

/* ---- Caller preferences (RFC 3841) ---------------------------------------- */

/* RFC 3841 9.2 examples. */
static void rfc3841_10_accept_and_reject_contact_examples(void **state)
{
	(void)state;
	sift_caller_prefs c;
	const char *v = "*;audio;require";
	assert_int_equal(sift_accept_contact_parse(text(v), whole(v), SIFT_OPT_STRICT, &c, NULL), SIFT_OK);
	assert_true(c.has_require);
	assert_false(c.has_explicit);
	assert_int_equal(c.feature_count, 1);
	v = "*;video;explicit";
	assert_int_equal(sift_accept_contact_parse(text(v), whole(v), SIFT_OPT_STRICT, &c, NULL), SIFT_OK);
	assert_true(c.has_explicit);
	v = "*;methods=\"BYE\";class=\"business\";q=1.0";
	assert_int_equal(sift_accept_contact_parse(text(v), whole(v), SIFT_OPT_STRICT, &c, NULL), SIFT_OK);
	assert_int_equal(c.feature_count, 2);
	v = "*;actor=\"msg-taker\";video";
	assert_int_equal(sift_reject_contact_parse(text(v), whole(v), SIFT_OPT_STRICT, &c, NULL), SIFT_OK);
	assert_int_equal(c.feature_count, 2);
	assert_false(c.has_require);
	/* RFC 3840 9: tag-value-list, numeric, string-value, other-tags. */
	v = "*;methods=\"INVITE,BYE\";+sip.instance=\"<urn:uuid:f81d4fae>\";+x.n=\"#>=3\"";
	assert_int_equal(sift_accept_contact_parse(text(v), whole(v), SIFT_OPT_STRICT, &c, NULL), SIFT_OK);
	assert_int_equal(c.feature_count, 3);
}

/* RFC 3841 10 ac-value / rc-value; RFC 3840 9 feature-param (strict). */
static void rfc3841_10_caller_prefs_malformed_is_rejected(void **state)
{
	(void)state;
	sift_caller_prefs c;
	sift_error err;
	const char *bad = "audio";
	expect_error(sift_accept_contact_parse(text(bad), whole(bad), 0, &c, &err), &err,
		     SIFT_E_HEADER_VALUE, 0, "ac-value");
	expect_error(sift_reject_contact_parse(text(bad), whole(bad), 0, &c, &err), &err,
		     SIFT_E_HEADER_VALUE, 0, "rc-value");
	bad = "*;";
	expect_error(sift_accept_contact_parse(text(bad), whole(bad), 0, &c, &err), &err,
		     SIFT_E_HEADER_VALUE, 2, "ac-params");
	bad = "* audio";
	expect_error(sift_reject_contact_parse(text(bad), whole(bad), 0, &c, &err), &err,
		     SIFT_E_HEADER_VALUE, 2, "rc-value");
	/* An unescaped ":" is no token-nobang: generic-param by default. */
	bad = "*;+g.3gpp.icsi-ref=\"urn:urn-7:3gpp-service.ims.icsi.mmtel\"";
	assert_int_equal(sift_accept_contact_parse(text(bad), whole(bad), 0, &c, NULL), SIFT_OK);
	expect_error(sift_accept_contact_parse(text(bad), whole(bad), SIFT_OPT_STRICT, &c, &err), &err,
		     SIFT_E_HEADER_VALUE, 19, "feature-param");
	const char *good = "*;+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel\"";
	assert_int_equal(sift_accept_contact_parse(text(good), whole(good), SIFT_OPT_STRICT, &c, NULL), SIFT_OK);
	bad = "*;audio=TRUE"; /* feature values are quoted */
	expect_error(sift_accept_contact_parse(text(bad), whole(bad), SIFT_OPT_STRICT, &c, &err), &err,
		     SIFT_E_HEADER_VALUE, 8, "feature-param");
}

/* ---- Whole messages ------------------------------------------------------- */

#define HEAD                                                            \
	"OPTIONS sip:bob@example.com SIP/2.0\r\n"                       \
	"Via: SIP/2.0/UDP pc33.example.com;branch=z9hG4bK776asdhds\r\n" \
	"To: <sip:bob@example.com>\r\n"                                 \
	"From: <sip:alice@example.com>;tag=1928301774\r\n"              \
	"Call-ID: a84b4c76e66710\r\n"                                   \
	"CSeq: 314159 OPTIONS\r\n"                                      \
	"Max-Forwards: 70\r\n"

/* Full validation runs these parsers on every value, compact forms too. */
static void full_validation_checks_every_field_header(void **state)
{
	(void)state;
	const char *good = HEAD
		"Accept: application/sdp;level=1, application/x-private, text/html\r\n"
		"Accept-Encoding: gzip\r\nAccept-Language: da, en-gb;q=0.8, en;q=0.7\r\n"
		"Allow: INVITE, ACK, OPTIONS, CANCEL, BYE\r\nk: 100rel\r\nSupported:\r\n"
		"Require: 100rel\r\nProxy-Require: foo\r\nIn-Reply-To: 70710@saturn.bell-tel.com\r\n"
		"MIME-Version: 1.0\r\nContent-Disposition: session;handling=optional\r\n"
		"Content-ID: <cn35t8jf02@example.com>\r\ne: gzip\r\nContent-Language: fr\r\n"
		"Expires: 5\r\nTimestamp: 54\r\nWarning: 307 isi.edu \"x\"\r\nServer: HomeServer v2\r\n"
		"User-Agent: Softphone Beta1.5\r\ns: Tech Support\r\nOrganization:\r\n"
		"a: *;audio;require\r\nj: *;video\r\nd: proxy, recurse\r\n"
		"P-Media-Authorization: 0020\r\nContent-Length: 0\r\n\r\n";
	sift_header headers[64];
	sift_msg msg;
	sift_msg_init(&msg, headers, 64);
	const char *buf = text(good);
	assert_int_equal(sift_parse(&msg, buf, strlen(good), 0), SIFT_OK);
	assert_int_equal(sift_parse(&msg, buf, strlen(good), SIFT_OPT_STRICT), SIFT_OK);

	const char *bad = HEAD "Warning: 1812 overture \"In Progress\"\r\nContent-Length: 0\r\n\r\n";
	buf = text(bad);
	assert_int_equal(sift_parse(&msg, buf, strlen(bad), 0), SIFT_E_HEADER_VALUE);
	assert_int_equal(msg.error.header_id, SIFT_H_WARNING);
	assert_string_equal(msg.error.rule, "warn-code");
	assert_int_equal(msg.error.offset, (uint32_t)(strstr(bad, "1812") - bad) + 3);
	assert_int_equal(sift_parse(&msg, buf, strlen(bad), SIFT_OPT_INDEX_ONLY), SIFT_OK);

	/* Expires above 2**32-1: clamped by default, a range error when strict. */
	const char *big = HEAD "Expires: 99999999999\r\nContent-Length: 0\r\n\r\n";
	buf = text(big);
	assert_int_equal(sift_parse(&msg, buf, strlen(big), 0), SIFT_OK);
	assert_int_equal(sift_parse(&msg, buf, strlen(big), SIFT_OPT_STRICT), SIFT_E_NUMBER_RANGE);
	assert_int_equal(msg.error.header_id, SIFT_H_EXPIRES);
}

typedef struct counts {
	unsigned n[SIFT_RULE_COUNT];
} counts;

static void count(const sift_diagnostic *d, void *context)
{
	((counts *)context)->n[d->rule]++;
}

/* RFC 8262 3.2: Content-ID well formed (rfc3261-header-syntax with its
 * rule) and single (rfc3261-header-repeated: Content-ID is SINGLE in the
 * registry). */
static void rfc8262_3_2_lint_reports_malformed_and_repeated_content_id(void **state)
{
	(void)state;
	const char *msgs[] = {
		HEAD "Content-ID: cn35t8jf02@example.com\r\nContent-Type: text/plain\r\nContent-Length: 1\r\n\r\nx",
		HEAD "Content-ID: <a@example.com>\r\nContent-ID: <b@example.com>\r\n"
		     "Content-Type: text/plain\r\nContent-Length: 1\r\n\r\nx",
	};
	const sift_rule_id rules[] = { SIFT_RULE_HEADER_SYNTAX, SIFT_RULE_HEADER_REPEATED };
	for (unsigned i = 0; i < 2; i++) {
		sift_header headers[32];
		sift_msg msg;
		sift_msg_init(&msg, headers, 32);
		const char *buf = text(msgs[i]);
		size_t len = strlen(msgs[i]);
		sift_code code = sift_parse(&msg, buf, len, SIFT_OPT_INDEX_ONLY);
		assert_int_equal(code, SIFT_OK);
		sift_check_config config;
		sift_check_config_init(&config, SIFT_PROFILE_DEFAULT);
		counts c;
		memset(&c, 0, sizeof c);
		sift_check_message(&config, buf, len, &msg, code, count, &c);
		assert_int_equal(c.n[rules[i]], 1);
	}
}

/* --- The common values full validation answers without its general path:
 * each test fails when that shortcut accepts what the grammar does not, or
 * reports an error the general path would not (every SIMD level). --- */

extern int sift__use_simd;

/* sift_header_validate on an exact-size copy, default mode, at every SIMD
 * level: code, and for an error its offset and rule. */
static void expect_verdict(sift_header_id id, const char *value, sift_code code, uint32_t offset,
			 const char *rule)
{
	const char *buf = text(value);
	for (int level = 2; level >= 0; level--) {
		sift__use_simd = level;
		sift_error err;
		memset(&err, 0, sizeof err);
		sift_code got = sift_header_validate(buf, id, whole(value), 0, &err);
		sift__use_simd = 2;
		assert_int_equal(got, code);
		if (code != SIFT_OK) {
			assert_int_equal(err.offset, offset);
			assert_string_equal(err.rule, rule);
		}
	}
}

/* RFC 3261 20.22: Max-Forwards is an integer 0-255; 20.14: Content-Length
 * 1*DIGIT (read within 32 bits). A value that is digits alone is decided
 * without the SWS matcher: out of range is still a range error, a byte
 * after the digits still the value's. */
static void rfc3261_20_22_max_forwards_digits_alone_in_range(void **state)
{
	(void)state;
	expect_verdict(SIFT_H_MAX_FORWARDS, "70", SIFT_OK, 0, NULL);
	expect_verdict(SIFT_H_MAX_FORWARDS, "255", SIFT_OK, 0, NULL);
	expect_verdict(SIFT_H_MAX_FORWARDS, "0070", SIFT_OK, 0, NULL);
	expect_verdict(SIFT_H_MAX_FORWARDS, "256", SIFT_E_NUMBER_RANGE, 0, "1*DIGIT");
	expect_verdict(SIFT_H_MAX_FORWARDS, "99999999999999999999", SIFT_E_NUMBER_RANGE, 0, "1*DIGIT");
	expect_verdict(SIFT_H_MAX_FORWARDS, "7a", SIFT_E_HEADER_VALUE, 1, "1*DIGIT");
	expect_verdict(SIFT_H_MAX_FORWARDS, "7 0", SIFT_E_HEADER_VALUE, 1, "1*DIGIT");
	expect_verdict(SIFT_H_MAX_FORWARDS, "", SIFT_E_HEADER_VALUE, 0, "1*DIGIT");
	expect_verdict(SIFT_H_CONTENT_LENGTH, "4294967295", SIFT_OK, 0, NULL);
	expect_verdict(SIFT_H_CONTENT_LENGTH, "4294967296", SIFT_E_NUMBER_RANGE, 0, "1*DIGIT");
	uint32_t number = 0;
	const char *buf = text("70");
	assert_int_equal(sift_uint_parse(buf, whole("70"), 255, &number, NULL), SIFT_OK);
	assert_int_equal(number, 70);
}

/* RFC 3261 20.5 Allow (Method = token), 20.37 Supported and 20.32 Require
 * (option-tag = token): an element that is one token from its first byte
 * to its last passes without the general path; any other byte is an error
 * where the token stops. */
static void rfc3261_20_5_allow_element_is_one_token(void **state)
{
	(void)state;
	expect_verdict(SIFT_H_ALLOW, "INVITE", SIFT_OK, 0, NULL);
	expect_verdict(SIFT_H_ALLOW, "x-y.z!%*_+`'~", SIFT_OK, 0, NULL);
	expect_verdict(SIFT_H_ALLOW, "", SIFT_OK, 0, NULL);
	expect_verdict(SIFT_H_ALLOW, "IN@VITE", SIFT_E_HEADER_VALUE, 2, "Method");
	expect_verdict(SIFT_H_ALLOW, "INVITE@", SIFT_E_HEADER_VALUE, 6, "Method");
	expect_verdict(SIFT_H_ALLOW, "INV ITE", SIFT_E_HEADER_VALUE, 4, "Method");
	expect_verdict(SIFT_H_SUPPORTED, "timer", SIFT_OK, 0, NULL);
	expect_verdict(SIFT_H_SUPPORTED, "ti@mer", SIFT_E_HEADER_VALUE, 2, "option-tag");
	expect_verdict(SIFT_H_REQUIRE, "", SIFT_E_HEADER_VALUE, 0, "option-tag");
}

/* RFC 3261 20.15: media-type = m-type SLASH m-subtype *(SEMI m-parameter),
 * both tokens: "application/sdp" needs no DFA; a missing subtype, a SEMI
 * without a parameter or a byte after the subtype is still an error. */
static void rfc3261_20_15_content_type_token_slash_token(void **state)
{
	(void)state;
	expect_verdict(SIFT_H_CONTENT_TYPE, "application/sdp", SIFT_OK, 0, NULL);
	expect_verdict(SIFT_H_CONTENT_TYPE, "application/pidf+xml", SIFT_OK, 0, NULL);
	expect_verdict(SIFT_H_CONTENT_TYPE, "application /sdp", SIFT_OK, 0, NULL);
	expect_verdict(SIFT_H_CONTENT_TYPE, "application/", SIFT_E_HEADER_VALUE, 11, "media-type");
	expect_verdict(SIFT_H_CONTENT_TYPE, "application/sdp;", SIFT_E_HEADER_VALUE, 15, "media-type");
	expect_verdict(SIFT_H_CONTENT_TYPE, "application/sdp@", SIFT_E_HEADER_VALUE, 15, "media-type");
	expect_verdict(SIFT_H_CONTENT_TYPE, "/sdp", SIFT_E_HEADER_VALUE, 0, "m-type");
	expect_verdict(SIFT_H_ACCEPT, "application/sdp", SIFT_OK, 0, NULL);
	expect_verdict(SIFT_H_ACCEPT, "application/sdp;", SIFT_E_HEADER_VALUE, 16, "accept-param");
}

/* RFC 3261 20.41, 20.35: server-val = product / comment, product = token
 * [SLASH product-version]. One product that is the whole value is one
 * server-val; a byte after it needs LWS before it. */
static void rfc3261_20_41_user_agent_one_product(void **state)
{
	(void)state;
	expect_verdict(SIFT_H_USER_AGENT, "sipsift-bench/1.0", SIFT_OK, 0, NULL);
	expect_verdict(SIFT_H_USER_AGENT, "bobphone/2.4", SIFT_OK, 0, NULL);
	expect_verdict(SIFT_H_SERVER, "a/1.0 b", SIFT_OK, 0, NULL);
	expect_verdict(SIFT_H_USER_AGENT, "a/", SIFT_E_HEADER_VALUE, 1, "LWS");
	expect_verdict(SIFT_H_USER_AGENT, "a/1.0(x)", SIFT_E_HEADER_VALUE, 5, "LWS");
	expect_verdict(SIFT_H_USER_AGENT, "sipsift-bench/1.0@x", SIFT_E_HEADER_VALUE, 17, "LWS");
	const char *buf = text("sipsift-bench/1.0 (x)");
	uint32_t count = 0;
	assert_int_equal(sift_server_parse(buf, whole("sipsift-bench/1.0 (x)"), 0, &count, NULL),
			 SIFT_OK);
	assert_int_equal(count, 2);
	buf = text("sipsift-bench/1.0");
	assert_int_equal(sift_server_parse(buf, whole("sipsift-bench/1.0"), 0, &count, NULL),
			 SIFT_OK);
	assert_int_equal(count, 1);
}

/* RFC 3261 20.8, 25: callid = word ["@" word]; "@" is no word character,
 * so a second one, or one that ends the value, is an error. */
static void rfc3261_20_8_call_id_word_at_word(void **state)
{
	(void)state;
	expect_verdict(SIFT_H_CALL_ID, "a84b4c76e66710@pc33.atlanta.example.com", SIFT_OK, 0, NULL);
	expect_verdict(SIFT_H_CALL_ID, "843817637684230@998sdasdh09", SIFT_OK, 0, NULL);
	expect_verdict(SIFT_H_CALL_ID, "abc@", SIFT_E_HEADER_VALUE, 3, "callid");
	expect_verdict(SIFT_H_CALL_ID, "@abc", SIFT_E_HEADER_VALUE, 0, "callid");
	expect_verdict(SIFT_H_CALL_ID, "a@b@c", SIFT_E_HEADER_VALUE, 3, "callid");
	expect_verdict(SIFT_H_CALL_ID, "a84b4c76e66710@pc33.atlanta.example.com@", SIFT_E_HEADER_VALUE,
		     39, "callid");
	expect_verdict(SIFT_H_CALL_ID, "a84b4c76e66710@pc33.atlanta.example.co m", SIFT_E_HEADER_VALUE,
		     38, "callid");
}

/* RFC 3261 20.16: CSeq = 1*DIGIT LWS Method; a registered method name that
 * ends the value is its token, an extension method is looked up as one. */
static void rfc3261_20_16_cseq_method_is_a_token(void **state)
{
	(void)state;
	static const struct {
		const char *value;
		sift_code code;
		uint32_t number, offset;
		uint16_t method_id;
		const char *method;
	} cases[] = {
		{ "314159 INVITE", SIFT_OK, 314159, 0, SIFT_METHOD_INVITE, "INVITE" },
		{ "1 FOO", SIFT_OK, 1, 0, SIFT_METHOD_OTHER, "FOO" },
		{ "1 INVITE ", SIFT_OK, 1, 0, SIFT_METHOD_INVITE, "INVITE" },
		{ "1 INVITE@", SIFT_E_HEADER_VALUE, 1, 8, SIFT_METHOD_INVITE, "INVITE" },
		{ "4294967296 INVITE", SIFT_E_NUMBER_RANGE, 0, 0, SIFT_METHOD_OTHER, "" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *buf = text(cases[i].value);
		sift_cseq cseq;
		sift_error err;
		memset(&err, 0, sizeof err);
		assert_int_equal(sift_cseq_parse(buf, whole(cases[i].value), 0, &cseq, &err),
				 cases[i].code);
		if (cases[i].code != SIFT_OK)
			assert_int_equal(err.offset, cases[i].offset);
		assert_int_equal(cseq.number, cases[i].number);
		assert_int_equal(cseq.method_id, cases[i].method_id);
		assert_true(span_is(buf, cseq.method, cases[i].method));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(rfc3261_7_3_1_list_elements_split_at_top_level_commas, teardown),
		cmocka_unit_test_teardown(rfc3261_25_empty_list_elements_are_returned, teardown),
		cmocka_unit_test_teardown(rfc3261_20_1_accept_example, teardown),
		cmocka_unit_test_teardown(rfc3261_20_1_empty_accept_is_allowed, teardown),
		cmocka_unit_test_teardown(rfc3261_25_accept_q_is_a_qvalue, teardown),
		cmocka_unit_test_teardown(rfc3261_25_media_range_malformed_is_rejected, teardown),
		cmocka_unit_test_teardown(rfc3261_20_2_accept_encoding_example, teardown),
		cmocka_unit_test_teardown(rfc3261_25_codings_malformed_is_rejected, teardown),
		cmocka_unit_test_teardown(rfc3261_20_3_accept_language_example, teardown),
		cmocka_unit_test_teardown(rfc3261_25_language_range_malformed_is_rejected, teardown),
		cmocka_unit_test_teardown(rfc3261_20_5_allow_example, teardown),
		cmocka_unit_test_teardown(rfc3261_25_method_malformed_is_rejected, teardown),
		cmocka_unit_test_teardown(rfc3261_20_32_option_tag_examples, teardown),
		cmocka_unit_test_teardown(rfc3261_25_option_tag_malformed_is_rejected, teardown),
		cmocka_unit_test_teardown(rfc3261_20_12_content_encoding_examples, teardown),
		cmocka_unit_test_teardown(rfc3261_20_13_content_language_example, teardown),
		cmocka_unit_test_teardown(rfc3261_20_21_in_reply_to_example, teardown),
		cmocka_unit_test_teardown(rfc3841_10_request_disposition_example, teardown),
		cmocka_unit_test_teardown(rfc3313_5_media_authorization_token, teardown),
		cmocka_unit_test_teardown(rfc3261_20_24_mime_version_example, teardown),
		cmocka_unit_test_teardown(rfc3261_20_11_content_disposition_example, teardown),
		cmocka_unit_test_teardown(rfc5621_8_1_handling_parameter, teardown),
		cmocka_unit_test_teardown(rfc3261_25_disposition_malformed_is_rejected, teardown),
		cmocka_unit_test_teardown(rfc8262_3_2_content_id_examples, teardown),
		cmocka_unit_test_teardown(rfc8262_3_2_msg_id_malformed_is_rejected, teardown),
		cmocka_unit_test_teardown(rfc8262_3_2_content_id_is_a_single_value, teardown),
		cmocka_unit_test_teardown(rfc3261_20_19_expires_and_min_expires_examples, teardown),
		cmocka_unit_test_teardown(rfc3261_20_19_expires_above_2_32_is_clamped_or_strict_range_error, teardown),
		cmocka_unit_test_teardown(rfc3261_25_delta_seconds_malformed_is_rejected, teardown),
		cmocka_unit_test_teardown(rfc3261_20_33_retry_after_examples, teardown),
		cmocka_unit_test_teardown(rfc4475_3_1_2_5_huge_retry_after, teardown),
		cmocka_unit_test_teardown(rfc3261_25_retry_after_malformed_is_rejected, teardown),
		cmocka_unit_test_teardown(rfc3261_20_38_timestamp_example, teardown),
		cmocka_unit_test_teardown(rfc3261_20_43_warning_examples, teardown),
		cmocka_unit_test_teardown(rfc3261_25_warning_malformed_is_rejected, teardown),
		cmocka_unit_test_teardown(rfc3261_20_35_server_and_user_agent_examples, teardown),
		cmocka_unit_test_teardown(rfc3261_25_server_val_malformed_is_rejected, teardown),
		cmocka_unit_test_teardown(rfc3261_25_comment_nesting_is_bounded, teardown),
		cmocka_unit_test_teardown(rfc3261_20_36_subject_and_organization_examples, teardown),
		cmocka_unit_test_teardown(rfc3261_25_text_utf8_trim_malformed_is_rejected, teardown),
		cmocka_unit_test_teardown(rfc3841_10_accept_and_reject_contact_examples, teardown),
		cmocka_unit_test_teardown(rfc3841_10_caller_prefs_malformed_is_rejected, teardown),
		cmocka_unit_test_teardown(full_validation_checks_every_field_header, teardown),
		cmocka_unit_test_teardown(rfc8262_3_2_lint_reports_malformed_and_repeated_content_id, teardown),
		cmocka_unit_test_teardown(rfc3261_20_22_max_forwards_digits_alone_in_range, teardown),
		cmocka_unit_test_teardown(rfc3261_20_5_allow_element_is_one_token, teardown),
		cmocka_unit_test_teardown(rfc3261_20_15_content_type_token_slash_token, teardown),
		cmocka_unit_test_teardown(rfc3261_20_41_user_agent_one_product, teardown),
		cmocka_unit_test_teardown(rfc3261_20_8_call_id_word_at_word, teardown),
		cmocka_unit_test_teardown(rfc3261_20_16_cseq_method_is_a_token, teardown),
	};
	return cmocka_run_group_tests_name("fields", tests, NULL, NULL);
}
