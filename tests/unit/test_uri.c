/*
 * tests/unit/test_uri.c - URI comparison (RFC 3261 19.1.4, RFC 5954 4.2,
 * RFC 3966 4, RFC 8141 3), typed URI parameters (RFC 3261 19.1.1, RFC 5626,
 * RFC 5627), tel URIs (RFC 3966), URNs (RFC 8141) and alert URNs (RFC 7462),
 * one test per requirement, with the RFCs' own examples.
 *
 * Every URI is copied into a heap block of exactly its length, so the
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

/* --- helpers ---------------------------------------------------------------- */

static char *dup_exact(const char *text)
{
	size_t len = strlen(text);
	char *copy = malloc(len ? len : 1);
	assert_non_null(copy);
	memcpy(copy, text, len);
	return copy;
}

static sift_span whole(const char *text)
{
	sift_span s = { 0, (uint32_t)strlen(text) };
	return s;
}

/* sift_uri_equal() on two exact-size copies, checked symmetric. */
static int uri_eq_opt(const char *a, const char *b, unsigned options)
{
	char *ca = dup_exact(a), *cb = dup_exact(b);
	int ab = sift_uri_equal(ca, whole(a), cb, whole(b), options);
	int ba = sift_uri_equal(cb, whole(b), ca, whole(a), options);
	if (ab >= 0 && ba >= 0 && ab != ba) {
		print_error("not symmetric: %s vs %s: %d, %d\n", a, b, ab, ba);
		fail();
	}
	free(ca);
	free(cb);
	return ab;
}

static int uri_eq(const char *a, const char *b)
{
	return uri_eq_opt(a, b, 0);
}

static void assert_equal_uris(const char *a, const char *b)
{
	if (uri_eq(a, b) != 1) {
		print_error("expected equal: %s and %s\n", a, b);
		fail();
	}
}

static void assert_different_uris(const char *a, const char *b)
{
	if (uri_eq(a, b) != 0) {
		print_error("expected different: %s and %s\n", a, b);
		fail();
	}
}

/* Every pair of a set is equal (and each URI equals itself). */
static void assert_all_equal(const char *const *set, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++)
			assert_equal_uris(set[i], set[j]);
}

static char *held; /* the buffer of the last parse_* call */

static sift_code parse_uri(const char *text, unsigned options, sift_uri *uri, sift_error *err)
{
	free(held);
	held = dup_exact(text);
	return sift_uri_parse(held, whole(text), options, uri, err);
}

static int span_is(sift_span s, const char *expected)
{
	return s.len == strlen(expected) && memcmp(held + s.off, expected, s.len) == 0;
}

#define SPAN_IS(s, text)                                                             \
	do {                                                                         \
		if (!span_is((s), (text))) {                                         \
			print_error("%s is \"%.*s\", expected \"%s\"\n", #s, (int)(s).len, \
				    held + (s).off, (text));                         \
			fail();                                                      \
		}                                                                    \
	} while (0)

/* Parses the params of a sip/sips URI into typed parameters. */
static sift_code parse_params(const char *text, unsigned options, sift_uri_params *out,
			      sift_error *err)
{
	sift_uri uri;
	assert_int_equal(parse_uri(text, 0, &uri, NULL), SIFT_OK);
	return sift_uri_params_parse(held, uri.params, options, out, err);
}

/* Typed parameters of a bare parameter list (the text is the params span). */
static sift_code parse_param_list(const char *text, unsigned options, sift_uri_params *out,
				  sift_error *err)
{
	free(held);
	held = dup_exact(text);
	return sift_uri_params_parse(held, whole(text), options, out, err);
}

static sift_code parse_tel(const char *text, sift_tel *out, sift_error *err)
{
	free(held);
	held = dup_exact(text);
	return sift_tel_parse(held, whole(text), 0, out, err);
}

static sift_code parse_urn(const char *text, sift_urn *out, sift_error *err)
{
	free(held);
	held = dup_exact(text);
	return sift_urn_parse(held, whole(text), 0, out, err);
}

static sift_code check_alert(const char *text, unsigned options, sift_alert_urn *out,
			     sift_error *err)
{
	free(held);
	held = dup_exact(text);
	return sift_alert_urn_check(held, whole(text), options, out, err);
}

/* Expects code, offset (into the text) and rule. */
static void expect_error(sift_code got, const sift_error *err, sift_code code, uint32_t offset,
			 const char *rule, const char *text)
{
	if (got != code || err->code != code || err->offset != offset || !err->rule ||
	    strcmp(err->rule, rule) != 0) {
		print_error("%s: got %s at %u (%s), expected %s at %u (%s)\n", text,
			    sift_code_name(got), (unsigned)err->offset, err->rule ? err->rule : "-",
			    sift_code_name(code), (unsigned)offset, rule);
		fail();
	}
}

/* --- RFC 3261 19.1.4 ----------------------------------------------------------- */

/* "The URIs within each of the following sets are equivalent" */
static void test_rfc3261_19_1_4_equivalent_sets(void **state)
{
	(void)state;
	static const char *const escaped_and_case[] = {
		"sip:%61lice@atlanta.com;transport=TCP",
		"sip:alice@AtLanTa.CoM;Transport=tcp",
	};
	static const char *const other_params_ignored[] = {
		"sip:carol@chicago.com",
		"sip:carol@chicago.com;newparam=5",
		"sip:carol@chicago.com;security=on",
	};
	static const char *const params_any_order[] = {
		"sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com",
		"sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com",
	};
	static const char *const headers_any_order[] = {
		"sip:alice@atlanta.com?subject=project%20x&priority=urgent",
		"sip:alice@atlanta.com?priority=urgent&subject=project%20x",
	};
	assert_all_equal(escaped_and_case, 2);
	assert_all_equal(other_params_ignored, 3);
	assert_all_equal(params_any_order, 2);
	assert_all_equal(headers_any_order, 2);
}

/* "The URIs within each of the following sets are not equivalent" */
static void test_rfc3261_19_1_4_not_equivalent_sets(void **state)
{
	(void)state;
	/* different usernames */
	assert_different_uris("SIP:ALICE@AtLanTa.CoM;Transport=udp",
			      "sip:alice@AtLanTa.CoM;Transport=UDP");
	/* can resolve to different ports */
	assert_different_uris("sip:bob@biloxi.com", "sip:bob@biloxi.com:5060");
	/* can resolve to different transports */
	assert_different_uris("sip:bob@biloxi.com", "sip:bob@biloxi.com;transport=udp");
	/* can resolve to different port and transports */
	assert_different_uris("sip:bob@biloxi.com", "sip:bob@biloxi.com:6000;transport=tcp");
	/* different header component */
	assert_different_uris("sip:carol@chicago.com", "sip:carol@chicago.com?Subject=next%20meeting");
	/* even though that's what phone21.boxesbybob.com resolves to */
	assert_different_uris("sip:bob@phone21.boxesbybob.com", "sip:bob@192.0.2.4");
}

/* "Note that equality is not transitive" */
static void test_rfc3261_19_1_4_equality_is_not_transitive(void **state)
{
	(void)state;
	assert_equal_uris("sip:carol@chicago.com", "sip:carol@chicago.com;security=on");
	assert_equal_uris("sip:carol@chicago.com", "sip:carol@chicago.com;security=off");
	assert_different_uris("sip:carol@chicago.com;security=on",
			      "sip:carol@chicago.com;security=off");
}

/* "A SIP and SIPS URI are never equivalent." RFC 5630 5.2: a registrar
 * compares AORs regardless of the scheme (SIFT_URI_EQUAL_SIPS_AS_SIP). */
static void test_rfc3261_19_1_4_sip_and_sips_never_equal(void **state)
{
	(void)state;
	assert_different_uris("sip:alice@atlanta.com", "sips:alice@atlanta.com");
	assert_equal_uris("SIPS:alice@atlanta.com", "sips:alice@atlanta.com");
	assert_int_equal(uri_eq_opt("sip:alice@atlanta.com", "sips:alice@atlanta.com",
				    SIFT_URI_EQUAL_SIPS_AS_SIP), 1);
	assert_int_equal(uri_eq_opt("sip:alice@atlanta.com", "sips:bob@atlanta.com",
				    SIFT_URI_EQUAL_SIPS_AS_SIP), 0);
	assert_int_equal(uri_eq_opt("sip:alice@atlanta.com", "tel:+1",
				    SIFT_URI_EQUAL_SIPS_AS_SIP), 0);
}

/* "Comparison of the userinfo of SIP and SIPS URIs is case-sensitive. This
 * includes userinfo containing passwords or formatted as
 * telephone-subscribers." */
static void test_rfc3261_19_1_4_userinfo_is_case_sensitive(void **state)
{
	(void)state;
	assert_different_uris("sip:alice@atlanta.com", "sip:Alice@atlanta.com");
	assert_different_uris("sip:alice:secret@atlanta.com", "sip:alice:SECRET@atlanta.com");
	assert_equal_uris("sip:alice:secret@atlanta.com", "sip:alice:secr%65t@atlanta.com");
	assert_different_uris("sip:+1-212-555-1212;Ext=1@gw.example.com;user=phone",
			      "sip:+1-212-555-1212;ext=1@gw.example.com;user=phone");
	/* %41 is 'A', not 'a', in a case-sensitive component. */
	assert_equal_uris("sip:%41lice@atlanta.com", "sip:Alice@atlanta.com");
	assert_different_uris("sip:%41lice@atlanta.com", "sip:alice@atlanta.com");
}

/* "A URI omitting the user component will not match a URI that includes
 * one. A URI omitting the password component will not match a URI that
 * includes one." */
static void test_rfc3261_19_1_4_user_and_password_presence(void **state)
{
	(void)state;
	assert_different_uris("sip:atlanta.com", "sip:alice@atlanta.com");
	assert_different_uris("sip:alice@atlanta.com", "sip:alice:secret@atlanta.com");
	assert_different_uris("sip:alice:@atlanta.com", "sip:alice@atlanta.com");
	assert_equal_uris("sip:alice:@atlanta.com", "sip:alice:@ATLANTA.com");
}

/* "Characters other than those in the "reserved" set (see RFC 2396 [5]) are
 * equivalent to their ""%" HEX HEX" encoding": an escaped reserved character
 * differs from the character itself. */
static void test_rfc3261_19_1_4_escapes_compare_decoded_except_reserved(void **state)
{
	(void)state;
	assert_equal_uris("sip:%61%6C%69%63%65@atlanta.com", "sip:alice@atlanta.com");
	assert_equal_uris("sip:%61lice@atlanta.com", "sip:%61lice@atlanta.com");
	assert_equal_uris("sip:a%7e@atlanta.com", "sip:a~@atlanta.com");
	/* hex digits of an escape in any case */
	assert_equal_uris("sip:%3b@atlanta.com", "sip:%3B@atlanta.com");
	/* reserved characters: ; / ? : @ & = + $ , */
	assert_different_uris("sip:alice%3Bday=tuesday@atlanta.com",
			      "sip:alice;day=tuesday@atlanta.com");
	assert_different_uris("sip:a%2Bb@atlanta.com", "sip:a+b@atlanta.com");
	assert_different_uris("sip:a%26b@atlanta.com", "sip:a&b@atlanta.com");
	/* in parameters and headers too */
	assert_equal_uris("sip:atlanta.com;tr%61nsport=tcp", "sip:atlanta.com;transport=TCP");
	assert_equal_uris("sip:atlanta.com;foo=%62ar", "sip:atlanta.com;FOO=BAR");
	assert_different_uris("sip:atlanta.com;foo=a%2Bb", "sip:atlanta.com;foo=a+b");
	assert_equal_uris("sip:atlanta.com?subject=a%20b", "sip:atlanta.com?%73ubject=a%20b");
}

/* "Comparison of all other components of the URI is case-insensitive" */
static void test_rfc3261_19_1_4_host_params_case_insensitive(void **state)
{
	(void)state;
	assert_equal_uris("sip:alice@ATLANTA.COM", "sip:alice@atlanta.com");
	assert_equal_uris("sip:alice@atlanta.com;user=PHONE", "sip:alice@atlanta.com;USER=phone");
	assert_equal_uris("sip:alice@atlanta.com;method=invite", "sip:alice@atlanta.com;method=INVITE");
	assert_different_uris("sip:alice@atlanta.com", "sip:alice@atlanta.com.");
}

/* "a URI omitting the optional port component will not match a URI
 * explicitly declaring port 5060. The same is true for the
 * transport-parameter, ttl-parameter, user-parameter, and method
 * components." */
static void test_rfc3261_19_1_4_defaults_are_never_assumed(void **state)
{
	(void)state;
	assert_different_uris("sip:alice@atlanta.com", "sip:alice@atlanta.com:5060");
	assert_different_uris("sips:alice@atlanta.com", "sips:alice@atlanta.com:5061");
	assert_equal_uris("sip:alice@atlanta.com:5060", "sip:alice@atlanta.com:05060");
	assert_different_uris("sip:alice@atlanta.com:5060", "sip:alice@atlanta.com:5070");
	assert_different_uris("sip:alice@atlanta.com", "sip:alice@atlanta.com;transport=udp");
	assert_different_uris("sip:alice@atlanta.com", "sip:alice@atlanta.com;ttl=1");
	assert_different_uris("sip:alice@atlanta.com", "sip:alice@atlanta.com;user=ip");
	assert_different_uris("sip:alice@atlanta.com", "sip:alice@atlanta.com;method=INVITE");
	assert_different_uris("sip:alice@atlanta.com;transport=udp",
			      "sip:alice@atlanta.com;transport=tcp");
}

/* "A URI that includes an maddr parameter will not match a URI that
 * contains no maddr parameter"; maddr values are hosts. */
static void test_rfc3261_19_1_4_maddr_must_be_in_both(void **state)
{
	(void)state;
	assert_different_uris("sip:alice@atlanta.com;maddr=239.255.255.1", "sip:alice@atlanta.com");
	assert_equal_uris("sip:alice@atlanta.com;maddr=239.255.255.1;ttl=15",
			  "sip:alice@atlanta.com;ttl=015;maddr=239.255.255.1");
	assert_equal_uris("sip:alice@atlanta.com;maddr=[::1]", "sip:alice@atlanta.com;maddr=[0::0:1]");
	assert_equal_uris("sip:alice@atlanta.com;maddr=Host.Example", "sip:alice@atlanta.com;maddr=host.example");
	assert_different_uris("sip:alice@atlanta.com;maddr=[::1]", "sip:alice@atlanta.com;maddr=[::2]");
}

/* "Any uri-parameter appearing in both URIs must match"; "All other
 * uri-parameters appearing in only one URI are ignored". lr is one of them. */
static void test_rfc3261_19_1_4_other_params_compared_only_in_both(void **state)
{
	(void)state;
	assert_equal_uris("sip:p.example.com;lr", "sip:p.example.com");
	assert_equal_uris("sip:p.example.com;lr", "sip:p.example.com;LR");
	assert_different_uris("sip:p.example.com;lr", "sip:p.example.com;lr=on");
	assert_different_uris("sip:p.example.com;foo=1", "sip:p.example.com;foo=2");
	/* the first of a repeated name counts */
	assert_equal_uris("sip:p.example.com;foo=1;foo=2", "sip:p.example.com;foo=1");
	assert_different_uris("sip:p.example.com;foo=2;foo=1", "sip:p.example.com;foo=1");
}

/* "URI header components are never ignored. Any present header component
 * MUST be present in both URIs and match": the same headers in any order,
 * names case-insensitive and compact forms (RFC 3261 7.3.3) equal to long
 * ones; values compared case-sensitively. */
static void test_rfc3261_19_1_4_headers_must_match_as_a_set(void **state)
{
	(void)state;
	assert_different_uris("sip:alice@atlanta.com?subject=x", "sip:alice@atlanta.com");
	assert_different_uris("sip:alice@atlanta.com?subject=x&subject=x",
			      "sip:alice@atlanta.com?subject=x");
	assert_different_uris("sip:alice@atlanta.com?subject=x&priority=urgent",
			      "sip:alice@atlanta.com?subject=x&subject=x");
	assert_equal_uris("sip:alice@atlanta.com?Subject=x", "sip:alice@atlanta.com?subject=x");
	assert_equal_uris("sip:alice@atlanta.com?s=x", "sip:alice@atlanta.com?subject=x");
	assert_equal_uris("sip:alice@atlanta.com?X-Foo=1&y=2", "sip:alice@atlanta.com?y=2&x-foo=1");
	assert_different_uris("sip:alice@atlanta.com?subject=X", "sip:alice@atlanta.com?subject=x");
	assert_equal_uris("sip:alice@atlanta.com?subject=%58", "sip:alice@atlanta.com?subject=X");
	assert_different_uris("sip:alice@atlanta.com?body=", "sip:alice@atlanta.com?body=a");
}

/* --- RFC 5954 -------------------------------------------------------------------- */

/* RFC 5954 4.2: "The following URIs are equivalent because the underlying
 * binary representation of the IP addresses are the same although their
 * textual representations vary" */
static void test_rfc5954_4_2_ip_addresses_compare_binary(void **state)
{
	(void)state;
	assert_equal_uris("sip:bob@[::ffff:192.0.2.128]", "sip:bob@[::ffff:c000:280]");
	assert_equal_uris("sip:bob@[2001:db8::9:1]", "sip:bob@[2001:db8::9:01]");
	assert_equal_uris("sip:bob@[0:0:0:0:0:FFFF:129.144.52.38]", "sip:bob@[::FFFF:129.144.52.38]");
	assert_equal_uris("sip:[::1]", "sip:[0:0:0:0:0:0:0:1]");
	assert_equal_uris("sip:[2001:DB8::1]:5060", "sip:[2001:db8:0::0:1]:5060");
	assert_equal_uris("sip:[::]", "sip:[0:0:0:0:0:0:0:0]");
	assert_equal_uris("sip:[1:2:3:4:5:6:7::]", "sip:[1:2:3:4:5:6:7:0]");
	assert_different_uris("sip:bob@[2001:db8::9:1]", "sip:bob@[2001:db8::9:1:0]");
	assert_different_uris("sip:bob@[::1]", "sip:bob@[::1]:5060");
}

/* RFC 5954 3.1 / RFC 5118 4.10: the three-colon form the RFC 3261 ABNF
 * allowed names the same address as the two-colon form. */
static void test_rfc5954_3_1_three_colon_form_is_the_same_address(void **state)
{
	(void)state;
	sift_uri uri;
	assert_int_equal(parse_uri("sip:user@[2001:db8:::192.0.2.1]", 0, &uri, NULL), SIFT_OK);
	assert_int_equal(uri.host_kind, SIFT_HOST_IPV6);
	assert_equal_uris("sip:user@[2001:db8:::192.0.2.1]", "sip:user@[2001:db8::192.0.2.1]");
	assert_equal_uris("sip:user@[2001:db8:::192.0.2.1]", "sip:user@[2001:db8::c000:201]");
	assert_different_uris("sip:user@[2001:db8:::192.0.2.1]", "sip:user@[2001:db8::192.0.2.2]");
}

/* An IPv4-mapped IPv6 reference is not the IPv4 host: different
 * components (19.1.4 compares components, RFC 5954 their representations). */
static void test_rfc5954_4_2_ipv4_mapped_is_not_the_ipv4_host(void **state)
{
	(void)state;
	assert_different_uris("sip:bob@[::ffff:192.0.2.128]", "sip:bob@192.0.2.128");
	assert_equal_uris("sip:bob@192.0.2.128", "sip:bob@192.0.2.128");
	assert_different_uris("sip:bob@192.0.2.128", "sip:bob@192.0.2.129");
}

/* --- results and errors ------------------------------------------------------------- */

/* A URI that does not parse: a distinct negative result, and the error. */
static void test_uri_equal_reports_which_uri_does_not_parse(void **state)
{
	(void)state;
	char *a = dup_exact("sip:alice@"), *b = dup_exact("sip:alice@atlanta.com");
	sift_error err = { SIFT_OK, 0, NULL, 0 };
	assert_int_equal(sift_uri_equal_err(a, whole("sip:alice@"), b, whole("sip:alice@atlanta.com"), 0,
					    &err),
			 SIFT_URI_EQUAL_BAD_A);
	expect_error(SIFT_E_URI, &err, SIFT_E_URI, 10, "host", "sip:alice@");
	assert_int_equal(sift_uri_equal_err(b, whole("sip:alice@atlanta.com"), a, whole("sip:alice@"), 0,
					    &err),
			 SIFT_URI_EQUAL_BAD_B);
	assert_int_equal(err.offset, 10);
	assert_int_equal(sift_uri_equal(a, whole("sip:alice@"), a, whole("sip:alice@"), 0),
			 SIFT_URI_EQUAL_BAD_A);
	free(a);
	free(b);
	assert_int_equal(uri_eq("sip:a@b:99999", "sip:a@b"), SIFT_URI_EQUAL_BAD_A);
	assert_int_equal(uri_eq("sip:a@b", "nonsense"), SIFT_URI_EQUAL_BAD_B);
}

/* Spans into bigger buffers: offsets are honoured, nothing outside read. */
static void test_uri_equal_compares_spans_inside_buffers(void **state)
{
	(void)state;
	const char *text = "xx<sip:ALICE@atlanta.com;transport=tcp>yy<sip:ALICE@ATLANTA.com;Transport=TCP>";
	char *buf = dup_exact(text);
	sift_span a = { 3, 35 }, b = { 42, 35 };
	assert_int_equal(sift_uri_equal(buf, a, buf, b, 0), 1);
	sift_span shorter = { 42, 34 };
	assert_int_equal(sift_uri_equal(buf, a, buf, shorter, 0), 0);
	free(buf);
}

/* tel URIs, RFC 3966 4. */
static void test_rfc3966_4_tel_uri_comparison(void **state)
{
	(void)state;
	/* "must be equal, after removing all visual separators" */
	assert_equal_uris("tel:+1-201-555-0123", "tel:+12015550123");
	assert_equal_uris("tel:+1-201-555-0123", "TEL:+1.201.(555).0123");
	/* "Both must be either a 'local-number' or a 'global-number'" */
	assert_different_uris("tel:+12015550123;phone-context=x.example", "tel:12015550123;phone-context=x.example");
	/* phone-context "compared as a host name ... or digit by digit" */
	assert_equal_uris("tel:7042;phone-context=example.com", "tel:7042;PHONE-CONTEXT=EXAMPLE.COM");
	assert_equal_uris("tel:863-1234;phone-context=+1-914-555", "tel:8631234;phone-context=+1914555");
	assert_different_uris("tel:863-1234;phone-context=+1-914-555", "tel:863-1234;phone-context=+1-914-556");
	/* "If one URI has a parameter name not found in the other, the two URIs
	 * are not equal"; order does not matter. */
	assert_different_uris("tel:+12015550123", "tel:+12015550123;ext=1");
	assert_equal_uris("tel:+12015550123;ext=1-2;foo=bar", "tel:+12015550123;FOO=BAR;ext=12");
	/* local-number-digits may hold hex digits: case-insensitive */
	assert_equal_uris("tel:ABC;phone-context=example.com", "tel:abc;phone-context=example.com");
	/* a tel URI never equals a SIP URI carrying the same number */
	assert_different_uris("tel:+12015550123", "sip:+12015550123@gw.example.com;user=phone");
}

/* URNs, RFC 8141 3.1-3.2. */
static void test_rfc8141_3_urn_equivalence(void **state)
{
	(void)state;
	/* 3.2: "the following URNs are equivalent to each other" */
	static const char *const equivalent[] = {
		"urn:example:a123,z456",  "URN:example:a123,z456",      "urn:EXAMPLE:a123,z456",
		"urn:example:a123,z456?+abc", "urn:example:a123,z456?=xyz",
	};
	assert_all_equal(equivalent, 5);
	/* "... not equivalent to each other or to those above" */
	static const char *const different[] = {
		"urn:example:a123,z456/foo", "urn:example:a123,z456/bar", "urn:example:A123,z456",
		"urn:example:a123,Z456",     "urn:example:%D0%B0123,z456",
	};
	for (size_t i = 0; i < 5; i++) {
		assert_different_uris(different[i], equivalent[0]);
		for (size_t j = 0; j < 5; j++)
			if (i != j)
				assert_different_uris(different[i], different[j]);
	}
	/* percent-encoding: hex case folded, never decoded */
	assert_equal_uris("urn:example:%d0%b0", "urn:example:%D0%B0");
	assert_different_uris("urn:example:a%2C", "urn:example:a,");
	/* f-component: not part of an RFC 3261 absoluteURI, but of a URN */
	sift_urn urn;
	assert_int_equal(parse_urn("urn:example:a123,z456#789", &urn, NULL), SIFT_OK);
	assert_true(urn.has_f);
	SPAN_IS(urn.f_component, "789");
}

/* Any other absoluteURI: scheme case-folded, the rest byte for byte. */
static void test_other_schemes_compare_bytes_after_scheme(void **state)
{
	(void)state;
	assert_equal_uris("http://www.example.com/a", "HTTP://www.example.com/a");
	assert_different_uris("http://www.example.com/a", "http://WWW.example.com/a");
	assert_different_uris("http://www.example.com/a", "https://www.example.com/a");
	assert_different_uris("mailto:a@example.com", "mailto:a%40example.com");
	/* a urn that is no RFC 8141 namestring stays an ordinary absoluteURI */
	assert_equal_uris("urn:x:y", "URN:x:y");
	assert_different_uris("urn:x:y", "urn:X:y");
}

/* --- property tests over a generated set ------------------------------------------ */

/*
 * URIs built from variants of each component; variants of one component
 * share a class when RFC 3261 19.1.4 / RFC 5954 make them equal. Only
 * parameters that must match when present in either (transport, maddr)
 * are used, so equality is transitive over this set, and two URIs are
 * equal exactly when every component's class matches.
 */
typedef struct variant {
	const char *text;
	int cls;
} variant;

static const variant schemes[] = { { "sip:", 0 }, { "SIP:", 0 }, { "sips:", 1 } };
static const variant users[] = {
	{ "", 0 },       { "alice@", 1 },        { "%61lice@", 1 },         { "%61%6c%69%63%65@", 1 },
	{ "Alice@", 2 }, { "alice:pw@", 3 },     { "alice:p%77@", 3 },      { "alice;x=y@", 4 },
	{ "alice%3Bx=y@", 5 },
};
static const variant hosts[] = {
	{ "atlanta.com", 0 },           { "AtLanTa.CoM", 0 },
	{ "[::1]", 1 },                 { "[0:0:0:0:0:0:0:1]", 1 },        { "[0::1]", 1 },
	{ "[::ffff:192.0.2.1]", 2 },    { "[::FFFF:C000:201]", 2 },         { "[0:0:0:0:0:ffff:192.0.2.1]", 2 },
	{ "192.0.2.1", 3 },             { "[2001:db8:::192.0.2.1]", 4 },    { "[2001:DB8::C000:201]", 4 },
};
static const variant ports[] = { { "", 0 }, { ":5060", 1 }, { ":05060", 1 }, { ":5070", 2 } };
static const variant params[] = {
	{ "", 0 },
	{ ";transport=tcp", 1 },  { ";Transport=TCP", 1 },   { ";tr%61nsport=tcp", 1 },
	{ ";transport=udp", 2 },  { ";maddr=[::1]", 3 },     { ";MADDR=[0::1]", 3 },
	{ ";transport=tcp;maddr=[::1]", 4 }, { ";maddr=[::1];transport=TCP", 4 },
};
static const variant headers[] = {
	{ "", 0 },
	{ "?subject=x&priority=urgent", 1 }, { "?priority=urgent&subject=x", 1 },
	{ "?s=x&Priority=urgent", 1 },       { "?%73ubject=%78&priority=urgent", 1 },
	{ "?subject=X&priority=urgent", 2 },
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

typedef struct generated {
	char text[160];
	int cls[6];
} generated;

static uint32_t lcg(uint32_t *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return *seed >> 8;
}

/* count URIs: class tuples drawn at random, three URIs per tuple from its
 * variants, so each class holds several spellings. */
static size_t generate(generated *out, size_t count, uint32_t seed)
{
	const variant *parts[6] = { schemes, users, hosts, ports, params, headers };
	const size_t sizes[6] = { N(schemes), N(users), N(hosts), N(ports), N(params), N(headers) };
	size_t n = 0;
	while (n < count) {
		int want[6];
		for (int k = 0; k < 6; k++)
			want[k] = parts[k][lcg(&seed) % sizes[k]].cls;
		for (int copy = 0; copy < 3 && n < count; copy++) {
			generated *g = &out[n++];
			g->text[0] = 0;
			for (int k = 0; k < 6; k++) {
				/* a random variant of the wanted class */
				size_t pick;
				do
					pick = lcg(&seed) % sizes[k];
				while (parts[k][pick].cls != want[k]);
				strcat(g->text, parts[k][pick].text);
				g->cls[k] = want[k];
			}
		}
	}
	return n;
}

static int same_class(const generated *a, const generated *b)
{
	return memcmp(a->cls, b->cls, sizeof a->cls) == 0;
}

#define GENERATED 360
#define TRIPLES 72

/* Reflexive, symmetric, and equal exactly when the classes match. */
static void test_property_equality_matches_component_classes(void **state)
{
	(void)state;
	static generated set[GENERATED];
	generate(set, GENERATED, 0x5EED);
	char *bufs[GENERATED];
	for (size_t i = 0; i < GENERATED; i++) {
		bufs[i] = dup_exact(set[i].text);
		sift_uri uri;
		if (sift_uri_parse(bufs[i], whole(set[i].text), 0, &uri, NULL) != SIFT_OK) {
			print_error("generated URI does not parse: %s\n", set[i].text);
			fail();
		}
	}
	unsigned equal_pairs = 0;
	for (size_t i = 0; i < GENERATED; i++) {
		for (size_t j = 0; j < GENERATED; j++) {
			int got = sift_uri_equal(bufs[i], whole(set[i].text), bufs[j], whole(set[j].text), 0);
			int want = same_class(&set[i], &set[j]);
			if (got != want) {
				print_error("%s vs %s: %d, expected %d\n", set[i].text, set[j].text, got, want);
				fail();
			}
			equal_pairs += (unsigned)got;
		}
	}
	/* the generator makes classes of several spellings */
	assert_true(equal_pairs > 3 * GENERATED);
	/* transitive over the triples of a subset */
	for (size_t i = 0; i < TRIPLES; i++)
		for (size_t j = 0; j < TRIPLES; j++) {
			int ij = sift_uri_equal(bufs[i], whole(set[i].text), bufs[j], whole(set[j].text), 0);
			if (!ij)
				continue;
			for (size_t k = 0; k < TRIPLES; k++) {
				int jk = sift_uri_equal(bufs[j], whole(set[j].text), bufs[k],
							whole(set[k].text), 0);
				int ik = sift_uri_equal(bufs[i], whole(set[i].text), bufs[k],
							whole(set[k].text), 0);
				if (jk && !ik) {
					print_error("not transitive: %s, %s, %s\n", set[i].text, set[j].text,
						    set[k].text);
					fail();
				}
			}
		}
	for (size_t i = 0; i < GENERATED; i++)
		free(bufs[i]);
}

/* With parameters that count only when in both URIs (lr, other-params),
 * equality stays reflexive and symmetric, and is not transitive. */
static void test_property_other_params_keep_reflexive_and_symmetric(void **state)
{
	(void)state;
	static const char *const extras[] = { "", ";lr", ";foo=1", ";FOO=1", ";foo=2", ";lr;foo=%31" };
	static generated set[GENERATED / 3];
	generate(set, N(set), 0xC0FFEE);
	char text[N(set)][200];
	char *bufs[N(set)];
	for (size_t i = 0; i < N(set); i++) {
		/* the extra parameters go before the headers */
		const char *q = strchr(set[i].text, '?');
		size_t head = q ? (size_t)(q - set[i].text) : strlen(set[i].text);
		snprintf(text[i], sizeof text[i], "%.*s%s%s", (int)head, set[i].text, extras[i % N(extras)],
			 set[i].text + head);
		bufs[i] = dup_exact(text[i]);
	}
	for (size_t i = 0; i < N(set); i++) {
		assert_int_equal(sift_uri_equal(bufs[i], whole(text[i]), bufs[i], whole(text[i]), 0), 1);
		for (size_t j = 0; j < N(set); j++) {
			int ij = sift_uri_equal(bufs[i], whole(text[i]), bufs[j], whole(text[j]), 0);
			int ji = sift_uri_equal(bufs[j], whole(text[j]), bufs[i], whole(text[i]), 0);
			assert_int_equal(ij, ji);
			/* dropping parameters found in one URI only changes nothing
			 * when the rest is of one class */
			if (same_class(&set[i], &set[j]) && i % N(extras) != 2 && i % N(extras) != 4 &&
			    j % N(extras) != 2 && j % N(extras) != 4)
				assert_int_equal(ij, 1);
		}
	}
	for (size_t i = 0; i < N(set); i++)
		free(bufs[i]);
}

/* --- typed URI parameters ------------------------------------------------------------ */

/* RFC 3261 19.1.3 examples and 19.1.1's maddr/ttl example. */
static void test_rfc3261_19_1_1_typed_parameters(void **state)
{
	(void)state;
	sift_uri_params p;
	assert_int_equal(parse_params("sip:alice@atlanta.com;maddr=239.255.255.1;ttl=15", 0, &p, NULL),
			 SIFT_OK);
	assert_true(p.has_maddr && p.has_ttl && !p.has_transport && !p.has_user && !p.has_lr);
	SPAN_IS(p.maddr, "239.255.255.1");
	assert_int_equal(p.maddr_kind, SIFT_HOST_IPV4);
	assert_int_equal(p.ttl, 15);
	SPAN_IS(p.ttl_text, "15");

	assert_int_equal(parse_params("sip:alice:secretword@atlanta.com;transport=tcp", 0, &p, NULL),
			 SIFT_OK);
	assert_true(p.has_transport);
	SPAN_IS(p.transport, "tcp");

	assert_int_equal(parse_params("sip:+1-212-555-1212:1234@gateway.com;user=phone", 0, &p, NULL),
			 SIFT_OK);
	assert_true(p.has_user);
	SPAN_IS(p.user, "phone");

	assert_int_equal(parse_params("sip:atlanta.com;method=REGISTER?to=alice%40atlanta.com", 0, &p,
				      NULL),
			 SIFT_OK);
	assert_true(p.has_method);
	SPAN_IS(p.method, "REGISTER");
	assert_int_equal(p.method_id, SIFT_METHOD_REGISTER);

	/* "alice;day=tuesday" is the user: no parameters at all */
	assert_int_equal(parse_params("sip:alice;day=tuesday@atlanta.com", 0, &p, NULL), SIFT_OK);
	assert_false(p.has_transport || p.has_user || p.has_method || p.has_maddr || p.has_ttl);

	/* names are case-insensitive and may be escaped; the first counts */
	assert_int_equal(parse_params("sip:h;TR%41NSPORT=SCTP;transport=udp;Lr;maddr=[2001:db8::1]",
				      0, &p, NULL),
			 SIFT_OK);
	SPAN_IS(p.transport, "SCTP");
	assert_true(p.has_lr);
	assert_int_equal(p.maddr_kind, SIFT_HOST_IPV6);
	SPAN_IS(p.maddr, "[2001:db8::1]");
}

/* RFC 5627 5.1 gr and RFC 5626 5.4 ob. */
static void test_rfc5627_gr_and_rfc5626_ob_parameters(void **state)
{
	(void)state;
	sift_uri_params p;
	assert_int_equal(parse_params("sip:callee@example.com;gr=urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
				      0, &p, NULL),
			 SIFT_OK);
	assert_true(p.has_gr);
	SPAN_IS(p.gr, "urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6");
	assert_int_equal(parse_params("sip:alice@example.com;gr", 0, &p, NULL), SIFT_OK);
	assert_true(p.has_gr);
	assert_int_equal(p.gr.len, 0);
	/* RFC 5626 example Contact: <sip:192.0.2.2;transport=tcp;ob> */
	assert_int_equal(parse_params("sip:192.0.2.2;transport=tcp;ob", 0, &p, NULL), SIFT_OK);
	assert_true(p.has_ob && p.has_transport);
	sift_error err;
	expect_error(parse_params("sip:192.0.2.2;ob=1", SIFT_OPT_STRICT, &p, &err), &err, SIFT_E_URI,
		     16, "ob-param", "ob=1");
}

/* RFC 3261 25: ttl = 1*3DIGIT ; 0 to 255 */
static void test_rfc3261_25_ttl_range(void **state)
{
	(void)state;
	sift_uri_params p;
	sift_error err;
	assert_int_equal(parse_params("sip:h;ttl=0", 0, &p, NULL), SIFT_OK);
	assert_int_equal(p.ttl, 0);
	assert_int_equal(parse_params("sip:h;ttl=255", 0, &p, NULL), SIFT_OK);
	assert_int_equal(p.ttl, 255);
	expect_error(parse_params("sip:h;ttl=256", 0, &p, &err), &err, SIFT_E_NUMBER_RANGE, 10, "ttl",
		     "ttl=256");
	expect_error(parse_params("sip:h;ttl=99999999999", 0, &p, &err), &err, SIFT_E_NUMBER_RANGE, 10,
		     "ttl", "ttl=99999999999");
	expect_error(parse_params("sip:h;ttl=0010", 0, &p, &err), &err, SIFT_E_URI, 13, "ttl",
		     "ttl=0010");
	expect_error(parse_params("sip:h;ttl=1a", 0, &p, &err), &err, SIFT_E_URI, 10, "ttl", "ttl=1a");
	expect_error(parse_params("sip:h;ttl", 0, &p, &err), &err, SIFT_E_URI, 9, "ttl", "ttl");
}

/* The named alternatives of uri-parameter, which other-param would let
 * through: each malformed value rejected with its rule. */
static void test_rfc3261_25_named_parameters_are_checked(void **state)
{
	(void)state;
	sift_uri_params p;
	sift_error err;
	expect_error(parse_params("sip:h;transport", 0, &p, &err), &err, SIFT_E_URI, 15,
		     "transport-param", "transport");
	expect_error(parse_params("sip:h;transport=a[b", 0, &p, &err), &err, SIFT_E_URI, 16,
		     "transport-param", "transport=a[b");
	/* "user=" is not even an other-param (pvalue = 1*paramchar): only a
	 * list handed in by a caller can hold it. */
	expect_error(parse_param_list("user=", 0, &p, &err), &err, SIFT_E_URI, 5, "user-param",
		     "user=");
	expect_error(parse_param_list("lr;maddr", 0, &p, &err), &err, SIFT_E_URI, 8, "maddr-param",
		     "lr;maddr");
	expect_error(parse_params("sip:h;method=IN/VITE", 0, &p, &err), &err, SIFT_E_URI, 13,
		     "method-param", "method=IN/VITE");
	expect_error(parse_params("sip:h;maddr=[::1", 0, &p, &err), &err, SIFT_E_URI, 12, "maddr-param",
		     "maddr=[::1");
	expect_error(parse_params("sip:h;maddr=%41", 0, &p, &err), &err, SIFT_E_URI, 12, "maddr-param",
		     "maddr=%41");
	expect_error(parse_params("sip:h;lr=on", SIFT_OPT_STRICT, &p, &err), &err, SIFT_E_URI, 8,
		     "lr-param", "lr=on strict");
	assert_int_equal(parse_params("sip:h;lr=on", 0, &p, NULL), SIFT_OK);
	assert_true(p.has_lr);
	/* a tolerated RFC 3261 IPv6 form in maddr */
	assert_int_equal(parse_params("sip:h;maddr=[2001:db8:::192.0.2.1]", 0, &p, NULL), SIFT_OK);
}

/* RFC 5630: the SIPS scheme. */
static void test_rfc5630_uri_is_secure(void **state)
{
	(void)state;
	sift_uri uri;
	assert_int_equal(parse_uri("sips:alice@atlanta.com", 0, &uri, NULL), SIFT_OK);
	assert_true(sift_uri_is_secure(&uri));
	assert_int_equal(parse_uri("SIPS:alice@atlanta.com", 0, &uri, NULL), SIFT_OK);
	assert_true(sift_uri_is_secure(&uri));
	assert_int_equal(parse_uri("sip:alice@atlanta.com;transport=tls", 0, &uri, NULL), SIFT_OK);
	assert_false(sift_uri_is_secure(&uri));
	assert_false(sift_uri_is_secure(NULL));
}

/* --- tel URIs ------------------------------------------------------------------- */

/* RFC 3966 6 examples. */
static void test_rfc3966_6_examples(void **state)
{
	(void)state;
	sift_tel tel;
	sift_uri uri;
	assert_int_equal(parse_tel("tel:+1-201-555-0123", &tel, NULL), SIFT_OK);
	assert_true(tel.is_global);
	SPAN_IS(tel.number, "+1-201-555-0123");
	assert_false(tel.has_phone_context || tel.has_ext || tel.has_isub);

	assert_int_equal(parse_tel("tel:7042;phone-context=example.com", &tel, NULL), SIFT_OK);
	assert_false(tel.is_global);
	SPAN_IS(tel.number, "7042");
	assert_true(tel.has_phone_context);
	assert_false(tel.context_is_number);
	SPAN_IS(tel.phone_context, "example.com");

	assert_int_equal(parse_tel("tel:863-1234;phone-context=+1-914-555", &tel, NULL), SIFT_OK);
	SPAN_IS(tel.number, "863-1234");
	assert_true(tel.context_is_number);
	SPAN_IS(tel.phone_context, "+1-914-555");

	/* the same through a parsed URI's opaque part */
	assert_int_equal(parse_uri("tel:+1-201-555-0123;ext=1234;isub=abc", 0, &uri, NULL), SIFT_OK);
	assert_int_equal(uri.scheme, SIFT_SCHEME_TEL);
	assert_int_equal(sift_tel_parse(held, uri.opaque, 0, &tel, NULL), SIFT_OK);
	SPAN_IS(tel.ext, "1234");
	SPAN_IS(tel.isub, "abc");
	SPAN_IS(tel.params, "ext=1234;isub=abc");
	/* and a SIP URI's user part with user=phone (RFC 3261 19.1.6) */
	assert_int_equal(parse_uri("sip:+1-212-555-1212;ext=12@gateway.com;user=phone", 0, &uri, NULL),
			 SIFT_OK);
	assert_int_equal(sift_tel_parse(held, uri.user, 0, &tel, NULL), SIFT_OK);
	SPAN_IS(tel.number, "+1-212-555-1212");
	SPAN_IS(tel.ext, "12");
}

/* RFC 3966 3 and 5.1.5: malformed telephone-subscribers, with offsets. */
static void test_rfc3966_3_malformed_tel_uris(void **state)
{
	(void)state;
	sift_tel tel;
	sift_error err;
	/* a local number needs its phone-context */
	expect_error(parse_tel("tel:7042", &tel, &err), &err, SIFT_E_URI, 8, "context", "tel:7042");
	expect_error(parse_tel("tel:+", &tel, &err), &err, SIFT_E_URI, 4, "global-number-digits",
		     "tel:+");
	expect_error(parse_tel("tel:+-", &tel, &err), &err, SIFT_E_URI, 4, "global-number-digits",
		     "tel:+-");
	expect_error(parse_tel("tel:;phone-context=a.b", &tel, &err), &err, SIFT_E_URI, 4,
		     "local-number-digits", "tel:;...");
	expect_error(parse_tel("tel:+1 2", &tel, &err), &err, SIFT_E_URI, 6, "par", "tel:+1 2");
	expect_error(parse_tel("tel:+1;ext=12a", &tel, &err), &err, SIFT_E_URI, 13, "extension",
		     "tel:+1;ext=12a");
	expect_error(parse_tel("tel:+1;ext", &tel, &err), &err, SIFT_E_URI, 10, "extension",
		     "tel:+1;ext");
	expect_error(parse_tel("tel:+1;isub=", &tel, &err), &err, SIFT_E_URI, 12, "isdn-subaddress",
		     "tel:+1;isub=");
	expect_error(parse_tel("tel:12;phone-context=", &tel, &err), &err, SIFT_E_URI, 21,
		     "descriptor", "tel:12;phone-context=");
	expect_error(parse_tel("tel:12;phone-context=-x", &tel, &err), &err, SIFT_E_URI, 21,
		     "descriptor", "tel:12;phone-context=-x");
	expect_error(parse_tel("tel:+1;=x", &tel, &err), &err, SIFT_E_URI, 7, "pname", "tel:+1;=x");
	expect_error(parse_tel("tel:+1;a=", &tel, &err), &err, SIFT_E_URI, 9, "pvalue", "tel:+1;a=");
	expect_error(parse_tel("tel:+1;a=b\"", &tel, &err), &err, SIFT_E_URI, 10, "pvalue",
		     "tel:+1;a=b\"");
	/* phone-context on a global number is an ordinary parameter */
	assert_int_equal(parse_tel("tel:+1;phone-context=x_y", &tel, NULL), SIFT_OK);
	assert_false(tel.has_phone_context);
	/* visual separators are allowed anywhere in the digits */
	assert_int_equal(parse_tel("tel:+(1).201-555", &tel, NULL), SIFT_OK);
	assert_int_equal(parse_tel("tel:*21#;phone-context=example.com", &tel, NULL), SIFT_OK);
	/* the URI parser sees the same errors */
	sift_uri uri;
	expect_error(parse_uri("tel:7042", 0, &uri, &err), &err, SIFT_E_URI, 4, "telephone-subscriber",
		     "uri tel:7042");
}

/* --- URNs ----------------------------------------------------------------------------- */

/* RFC 8141 2: NID and NSS, rq- and f-components. */
static void test_rfc8141_2_urn_parts(void **state)
{
	(void)state;
	sift_urn urn;
	sift_uri uri;
	assert_int_equal(parse_urn("urn:example:a123,z456", &urn, NULL), SIFT_OK);
	SPAN_IS(urn.nid, "example");
	SPAN_IS(urn.nss, "a123,z456");
	assert_false(urn.has_r || urn.has_q || urn.has_f);
	assert_int_equal(parse_urn("urn:example:foo-bar-baz-qux?+CCResolve:cc=uk", &urn, NULL), SIFT_OK);
	SPAN_IS(urn.r_component, "CCResolve:cc=uk");
	assert_int_equal(parse_urn("urn:example:weather?=op=map&lat=39.56&lon=-104.85", &urn, NULL),
			 SIFT_OK);
	SPAN_IS(urn.q_component, "op=map&lat=39.56&lon=-104.85");
	assert_int_equal(parse_urn("urn:example:x?+r?=q#f", &urn, NULL), SIFT_OK);
	SPAN_IS(urn.r_component, "r");
	SPAN_IS(urn.q_component, "q");
	SPAN_IS(urn.f_component, "f");
	/* a URN through the URI parser */
	assert_int_equal(parse_uri("urn:alert:service:call-waiting", 0, &uri, NULL), SIFT_OK);
	assert_int_equal(uri.scheme, SIFT_SCHEME_URN);
	assert_int_equal(parse_uri("URN:ietf:rfc:3261", 0, &uri, NULL), SIFT_OK);
	assert_int_equal(uri.scheme, SIFT_SCHEME_URN);
}

static void test_rfc8141_2_malformed_urns(void **state)
{
	(void)state;
	sift_urn urn;
	sift_uri uri;
	sift_error err;
	expect_error(parse_urn("urx:ab:c", &urn, &err), &err, SIFT_E_URI, 2, "namestring", "urx:ab:c");
	expect_error(parse_urn("urn:a:b", &urn, &err), &err, SIFT_E_URI, 4, "NID", "urn:a:b");
	expect_error(parse_urn("urn:ab-:c", &urn, &err), &err, SIFT_E_URI, 6, "NID", "urn:ab-:c");
	expect_error(parse_urn("urn:abcdefghijabcdefghijabcdefghijabc:c", &urn, &err), &err, SIFT_E_URI,
		     36, "NID", "33-character NID");
	expect_error(parse_urn("urn:ab", &urn, &err), &err, SIFT_E_URI, 6, "NID", "urn:ab");
	expect_error(parse_urn("urn:ab:", &urn, &err), &err, SIFT_E_URI, 7, "NSS", "urn:ab:");
	expect_error(parse_urn("urn:ab:/c", &urn, &err), &err, SIFT_E_URI, 7, "NSS", "urn:ab:/c");
	expect_error(parse_urn("urn:ab:c?x", &urn, &err), &err, SIFT_E_URI, 8, "namestring",
		     "urn:ab:c?x");
	expect_error(parse_urn("urn:ab:c?+", &urn, &err), &err, SIFT_E_URI, 10, "r-component",
		     "urn:ab:c?+");
	expect_error(parse_urn("urn:ab:c?+?=q", &urn, &err), &err, SIFT_E_URI, 10, "r-component",
		     "urn:ab:c?+?=q");
	expect_error(parse_urn("urn:ab:c?=", &urn, &err), &err, SIFT_E_URI, 10, "q-component",
		     "urn:ab:c?=");
	expect_error(parse_urn("urn:ab:c#a b", &urn, &err), &err, SIFT_E_URI, 10, "namestring",
		     "urn:ab:c#a b");
	/* the URI parser: an absoluteURI by default, the RFC 8141 error strict */
	assert_int_equal(parse_uri("urn:a:b", 0, &uri, NULL), SIFT_OK);
	assert_int_equal(uri.scheme, SIFT_SCHEME_OTHER);
	expect_error(parse_uri("urn:a:b", SIFT_OPT_STRICT, &uri, &err), &err, SIFT_E_URI, 4, "NID",
		     "strict urn:a:b");
}

/* --- RFC 7462 alert URNs ---------------------------------------------------------------- */

/* Every alert URN the RFC shows (8.2, 10.3). */
static void test_rfc7462_examples(void **state)
{
	(void)state;
	static const char *const examples[] = {
		"urn:alert:service:call-waiting",
		"urn:alert:service:recall:transfer",
		"urn:alert:source:external",
		"urn:alert:source:internal",
		"urn:alert:priority:high",
		"urn:alert:priority:low",
		"urn:alert:priority:normal",
		"urn:alert:duration:short",
		"urn:alert:delay:yes",
		"urn:alert:locale:country:za",
		"urn:alert:service:call-waiting:abc@example",
		"urn:alert:service:call-waiting:def@example",
		"urn:alert:service:call-waiting:abc@example:xyz",
		"urn:alert:service:ghi@example",
		"urn:alert:jkl@example:a1",
		"urn:alert:jkl@example:a2",
		"urn:alert:distinctive@foo:long-long",
		"urn:alert:distinctive@foo:short-long-short",
		"urn:alert:distinctive@foo:short-short-long",
		"urn:alert:distinctive@foo:short-short@bar",
		"urn:alert:source:external:bar@example",
		"urn:alert:source:foo@example",
	};
	for (size_t i = 0; i < N(examples); i++) {
		sift_error err = { SIFT_OK, 0, NULL, 0 };
		if (check_alert(examples[i], SIFT_OPT_STRICT, NULL, &err) != SIFT_OK) {
			print_error("%s: %s at %u\n", examples[i], err.rule, (unsigned)err.offset);
			fail();
		}
	}
	sift_alert_urn alert;
	assert_int_equal(check_alert("urn:alert:service:recall:transfer", 0, &alert, NULL), SIFT_OK);
	SPAN_IS(alert.category, "service");
	SPAN_IS(alert.indication, "recall:transfer");
	assert_false(alert.is_private);
	assert_int_equal(check_alert("urn:alert:service:call-waiting:abc@example:xyz", 0, &alert, NULL),
			 SIFT_OK);
	assert_true(alert.is_private);
	SPAN_IS(alert.private_part, "abc@example:xyz");
	/* every registered identifier of RFC 7462 9.2.1 */
	static const char *const registered[] = {
		"service:normal",   "service:call-waiting", "service:forward",   "service:recall:callback",
		"service:recall:hold", "source:unclassified", "source:friend", "source:family",
		"duration:normal",  "duration:long",       "delay:none",        "locale:default",
	};
	for (size_t i = 0; i < N(registered); i++) {
		char text[64];
		snprintf(text, sizeof text, "urn:alert:%s", registered[i]);
		assert_int_equal(check_alert(text, SIFT_OPT_STRICT, NULL, NULL), SIFT_OK);
	}
}

/* RFC 7462 7 grammar: malformed alert URNs with offset and rule. */
static void test_rfc7462_7_malformed_alert_urns(void **state)
{
	(void)state;
	sift_error err;
	expect_error(check_alert("urn:alerts:service:normal", 0, NULL, &err), &err, SIFT_E_URI, 9,
		     "alert-URN", "urn:alerts:");
	expect_error(check_alert("urn:alert:service", 0, NULL, &err), &err, SIFT_E_URI, 17,
		     "alert-indication", "urn:alert:service");
	expect_error(check_alert("urn:alert:-service:normal", 0, NULL, &err), &err, SIFT_E_URI, 10,
		     "alert-category", "urn:alert:-service");
	expect_error(check_alert("urn:alert:service:", 0, NULL, &err), &err, SIFT_E_URI, 18,
		     "alert-ind-part", "urn:alert:service:");
	expect_error(check_alert("urn:alert:service:normal-", 0, NULL, &err), &err, SIFT_E_URI, 24,
		     "alert-label", "urn:alert:service:normal-");
	expect_error(check_alert("urn:alert:service:x@", 0, NULL, &err), &err, SIFT_E_URI, 20,
		     "provider", "urn:alert:service:x@");
	expect_error(check_alert("urn:alert:service:a_b", 0, NULL, &err), &err, SIFT_E_URI, 19,
		     "alert-label", "urn:alert:service:a_b");
	/* Non-Reserved LDH labels (RFC 5890): no "--" at 3-4, at most 63 */
	expect_error(check_alert("urn:alert:service:xn--abc", 0, NULL, &err), &err, SIFT_E_URI, 18,
		     "alert-label", "xn--abc");
	char long_label[128];
	snprintf(long_label, sizeof long_label, "urn:alert:service:%064d", 0);
	expect_error(check_alert(long_label, 0, NULL, &err), &err, SIFT_E_URI, 18, "alert-label",
		     "64-character label");
}

/* RFC 7462 9.2.1 registry and 10.2 private extensions. */
static void test_rfc7462_9_2_unregistered_names_are_reported(void **state)
{
	(void)state;
	sift_error err;
	expect_error(check_alert("urn:alert:colour:red", 0, NULL, &err), &err, SIFT_E_NOT_FOUND, 10,
		     "alert-category", "urn:alert:colour:red");
	expect_error(check_alert("urn:alert:service:ringing", 0, NULL, &err), &err, SIFT_E_NOT_FOUND, 18,
		     "alert-indication", "urn:alert:service:ringing");
	expect_error(check_alert("urn:alert:service:recall", 0, NULL, &err), &err, SIFT_E_NOT_FOUND, 18,
		     "alert-indication", "urn:alert:service:recall");
	expect_error(check_alert("urn:alert:service:recall:later", 0, NULL, &err), &err,
		     SIFT_E_NOT_FOUND, 25, "alert-indication", "recall:later");
	expect_error(check_alert("urn:alert:service:normal:loud", 0, NULL, &err), &err,
		     SIFT_E_NOT_FOUND, 25, "alert-indication", "normal:loud");
	expect_error(check_alert("urn:alert:locale:country:zaf", 0, NULL, &err), &err, SIFT_E_NOT_FOUND,
		     25, "alert-indication", "country:zaf");
	expect_error(check_alert("urn:alert:priority:forward", 0, NULL, &err), &err, SIFT_E_NOT_FOUND,
		     19, "alert-indication", "priority:forward");
	/* names compare case-insensitively; strict wants them as registered */
	assert_int_equal(check_alert("URN:ALERT:Service:Normal", 0, NULL, NULL), SIFT_OK);
	expect_error(check_alert("urn:alert:Service:normal", SIFT_OPT_STRICT, NULL, &err), &err,
		     SIFT_E_NOT_FOUND, 10, "alert-category", "strict Service");
	/* anything after a private-name is the provider's */
	assert_int_equal(check_alert("urn:alert:service:recall:x@example:anything:else", 0, NULL, NULL),
			 SIFT_OK);
	assert_int_equal(check_alert("urn:alert:x@example:y", 0, NULL, NULL), SIFT_OK);
}

/* Argument checks. */
static void test_bad_arguments_are_refused(void **state)
{
	(void)state;
	sift_span empty = { 0, 0 };
	sift_uri_params p;
	sift_tel tel;
	sift_urn urn;
	assert_int_equal(sift_uri_params_parse(NULL, empty, 0, &p, NULL), SIFT_E_ARGUMENT);
	assert_int_equal(sift_tel_parse("x", empty, 0, NULL, NULL), SIFT_E_ARGUMENT);
	assert_int_equal(sift_urn_parse(NULL, empty, 0, &urn, NULL), SIFT_E_ARGUMENT);
	assert_int_equal(sift_alert_urn_check(NULL, empty, 0, NULL, NULL), SIFT_E_ARGUMENT);
	assert_int_equal(sift_uri_equal(NULL, empty, "x", empty, 0), SIFT_URI_EQUAL_BAD_A);
	assert_int_equal(sift_uri_equal_parsed(NULL, NULL, NULL, NULL, 0), 0);
	(void)tel;
	/* empty inputs are errors, not crashes */
	char *buf = dup_exact("x");
	assert_int_equal(sift_tel_parse(buf, empty, 0, &tel, NULL), SIFT_E_URI);
	assert_int_equal(sift_urn_parse(buf, empty, 0, &urn, NULL), SIFT_E_URI);
	assert_int_equal(sift_alert_urn_check(buf, empty, 0, NULL, NULL), SIFT_E_URI);
	assert_int_equal(sift_uri_params_parse(buf, empty, 0, &p, NULL), SIFT_OK);
	free(buf);
}

static int teardown(void **state)
{
	(void)state;
	free(held);
	held = NULL;
	return 0;
}

/* sift_param_next on bytes no parser checked (a bare LF, a lone '=')
 * still ends: every call moves the cursor (fuzz finding of the event
 * target, tests/regress/event/iterators-raw-params-no-progress). */
static void test_param_walk_ends_on_unchecked_bytes(void **state)
{
	(void)state;
	static const char *const inputs[] = { "\nx", "\n", "=", ";;\r\n=;", "a=\"unterminated", "\t\n\t" };
	for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
		const char *buf = inputs[i];
		sift_span cursor = { 0, (uint32_t)strlen(buf) };
		sift_param param;
		unsigned calls = 0;
		while (sift_param_next(buf, &cursor, &param)) {
			assert_true(param.name.off + param.name.len <= strlen(buf));
			assert_true(++calls <= strlen(buf));
		}
	}
}

/* RFC 3261 25: hostname = *( domainlabel "." ) toplabel [ "." ]. The host
 * scanner decides a run of alphanum, "-" and "." that is a hostname by bit
 * masks, 16 bytes a step, and leaves every other host to the DFA generated
 * from the ABNF; both must find the same end and kind. Every string of up
 * to 7 bytes over letters, a digit, "-", "." and two bytes that end a host,
 * and random longer ones, at every SIMD level, ending at the end of the
 * bytes and followed by a parameter (so that 16 bytes can be read). */
extern int sift__use_simd;
const char *sift__scan_host(const char *p, const char *end, unsigned *kind);
const char *sift__scan_host_dfa(const char *p, const char *end, unsigned *kind);

static void host_scanners_agree(const char *text, size_t length)
{
	char buf[128];
	static const char tail[] = ";transport=udp;lr;maddr=x";
	memcpy(buf, text, length);
	memcpy(buf + length, tail, sizeof tail - 1);
	size_t ends[2] = { length, length + sizeof tail - 1 };
	for (int level = 2; level >= 0; level--) {
		sift__use_simd = level;
		for (int e = 0; e < 2; e++) {
			unsigned kind = 99, dfa_kind = 99;
			const char *got = sift__scan_host(buf, buf + ends[e], &kind);
			const char *want = sift__scan_host_dfa(buf, buf + ends[e], &dfa_kind);
			if (got != want || (want && kind != dfa_kind)) {
				print_message("host \"%.*s\" (SIMD level %d, end %zu): %ld/%u, DFA %ld/%u\n",
					      (int)length, text, level, ends[e],
					      got ? (long)(got - buf) : -1L, kind,
					      want ? (long)(want - buf) : -1L, dfa_kind);
				fail();
			}
		}
	}
	sift__use_simd = 2;
}

static void test_rfc3261_25_hostname_by_masks_is_what_the_dfa_finds(void **state)
{
	(void)state;
	static const char alphabet[] = "aZ0-.:;";
	const size_t symbols = sizeof alphabet - 1;
	char text[80];
	for (size_t length = 1; length <= 7; length++) {
		size_t count = 1;
		for (size_t i = 0; i < length; i++)
			count *= symbols;
		for (size_t n = 0; n < count; n++) {
			size_t rest = n;
			for (size_t i = 0; i < length; i++, rest /= symbols)
				text[i] = alphabet[rest % symbols];
			host_scanners_agree(text, length);
		}
	}
	/* Longer names (up to 70 bytes: past the masks' 63), mostly label
	 * bytes, from a fixed seed. */
	static const char label[] = "abcxyzABCXYZ0189-.";
	uint32_t seed = 2463534242u;
	for (int round = 0; round < 200000; round++) {
		seed ^= seed << 13, seed ^= seed >> 17, seed ^= seed << 5;
		size_t length = 8 + seed % 63;
		for (size_t i = 0; i < length; i++) {
			seed ^= seed << 13, seed ^= seed >> 17, seed ^= seed << 5;
			text[i] = (seed >> 8) % 50 == 0 ? alphabet[5 + seed % 2]
							 : label[seed % (sizeof label - 1)];
		}
		host_scanners_agree(text, length);
	}
}

/* RFC 3986 3.2.2 (RFC 5954 4.1): IPv4address = dec-octet "." dec-octet "."
 * dec-octet "." dec-octet. The host scanner takes a run of digits and
 * three dots for one by its dec-octets, without the DFA: every quad of
 * octets written with and without leading zeros, in and out of 0-255,
 * and runs that are no IPv4address or only begin with one, must give the
 * DFA's end and kind. */
static void test_rfc3986_3_2_2_ipv4address_by_octets_is_what_the_dfa_finds(void **state)
{
	(void)state;
	static const char *const octets[] = { "0",   "00",  "01",  "1",   "9",   "10",  "09",
					      "99",  "100", "199", "200", "249", "250", "255",
					      "256", "260", "300", "999", "1000" };
	const size_t count = sizeof octets / sizeof octets[0];
	char text[64];
	for (size_t a = 0; a < count; a++)
		for (size_t b = 0; b < count; b++)
			for (size_t c = 0; c < count; c++)
				for (size_t d = 0; d < count; d++) {
					int length = snprintf(text, sizeof text, "%s.%s.%s.%s", octets[a],
							      octets[b], octets[c], octets[d]);
					host_scanners_agree(text, (size_t)length);
				}
	static const char *const others[] = { "1.2.3",     "1.2.3.4.",  "1.2.3.4.5", "1..2.3",
					      ".1.2.3.4",  "1.2.3.4-5", "1.2.3.4a",  "1.2.3.4.a",
					      "1-2.3.4.5", "1.2.3.4.5.6.7.8.9.10.11.12.13.14.15.16",
					      "01234567890123456789012345678901.1.2.3" };
	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++)
		host_scanners_agree(others[i], strlen(others[i]));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc3261_19_1_4_equivalent_sets),
		cmocka_unit_test(test_rfc3261_19_1_4_not_equivalent_sets),
		cmocka_unit_test(test_rfc3261_19_1_4_equality_is_not_transitive),
		cmocka_unit_test(test_rfc3261_19_1_4_sip_and_sips_never_equal),
		cmocka_unit_test(test_rfc3261_19_1_4_userinfo_is_case_sensitive),
		cmocka_unit_test(test_rfc3261_19_1_4_user_and_password_presence),
		cmocka_unit_test(test_rfc3261_19_1_4_escapes_compare_decoded_except_reserved),
		cmocka_unit_test(test_rfc3261_19_1_4_host_params_case_insensitive),
		cmocka_unit_test(test_rfc3261_19_1_4_defaults_are_never_assumed),
		cmocka_unit_test(test_rfc3261_19_1_4_maddr_must_be_in_both),
		cmocka_unit_test(test_rfc3261_19_1_4_other_params_compared_only_in_both),
		cmocka_unit_test(test_rfc3261_19_1_4_headers_must_match_as_a_set),
		cmocka_unit_test(test_rfc5954_4_2_ip_addresses_compare_binary),
		cmocka_unit_test(test_rfc5954_3_1_three_colon_form_is_the_same_address),
		cmocka_unit_test(test_rfc5954_4_2_ipv4_mapped_is_not_the_ipv4_host),
		cmocka_unit_test(test_uri_equal_reports_which_uri_does_not_parse),
		cmocka_unit_test(test_uri_equal_compares_spans_inside_buffers),
		cmocka_unit_test(test_rfc3966_4_tel_uri_comparison),
		cmocka_unit_test(test_rfc8141_3_urn_equivalence),
		cmocka_unit_test(test_other_schemes_compare_bytes_after_scheme),
		cmocka_unit_test(test_property_equality_matches_component_classes),
		cmocka_unit_test(test_property_other_params_keep_reflexive_and_symmetric),
		cmocka_unit_test(test_rfc3261_19_1_1_typed_parameters),
		cmocka_unit_test(test_rfc5627_gr_and_rfc5626_ob_parameters),
		cmocka_unit_test(test_rfc3261_25_ttl_range),
		cmocka_unit_test(test_rfc3261_25_named_parameters_are_checked),
		cmocka_unit_test(test_rfc5630_uri_is_secure),
		cmocka_unit_test(test_rfc3966_6_examples),
		cmocka_unit_test(test_rfc3966_3_malformed_tel_uris),
		cmocka_unit_test(test_rfc8141_2_urn_parts),
		cmocka_unit_test(test_rfc8141_2_malformed_urns),
		cmocka_unit_test(test_rfc7462_examples),
		cmocka_unit_test(test_rfc7462_7_malformed_alert_urns),
		cmocka_unit_test(test_rfc7462_9_2_unregistered_names_are_reported),
		cmocka_unit_test(test_bad_arguments_are_refused),
		cmocka_unit_test(test_param_walk_ends_on_unchecked_bytes),
		cmocka_unit_test(test_rfc3261_25_hostname_by_masks_is_what_the_dfa_finds),
		cmocka_unit_test(test_rfc3986_3_2_2_ipv4address_by_octets_is_what_the_dfa_finds),
	};
	return cmocka_run_group_tests_name("uri", tests, NULL, teardown);
}
