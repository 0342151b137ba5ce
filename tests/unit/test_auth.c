/*
 * tests/unit/test_auth.c - challenge, credentials, Authentication-Info
 * (RFC 3261 20.6, 20.7, 20.27, 20.28, 20.44, 22.2, 25), RFC 8760, RFC 7616,
 * RFC 8898 / RFC 6750 Bearer, and Security-Client/-Server/-Verify
 * (RFC 3329 2.2). One test per requirement: the RFCs' own examples are
 * accepted, and each grammar rule rejects a malformed value with the
 * expected code, offset and rule.
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
static const char *text_now;

/* The value text in an exact heap copy; returns its span (offset 0). */
static sift_span load(const char *text)
{
	size_t n = strlen(text);
	free(buf);
	buf = malloc(n ? n : 1);
	memcpy(buf, text, n);
	text_now = text;
	sift_span s = { 0, (uint32_t)n };
	return s;
}

/* Offset of the nth (1-based) occurrence of needle in the loaded text. */
static uint32_t at_nth(const char *needle, int nth)
{
	const char *p = text_now;
	for (;;) {
		p = strstr(p, needle);
		assert_non_null(p);
		if (--nth == 0)
			return (uint32_t)(p - text_now);
		p++;
	}
}

static uint32_t at(const char *needle)
{
	return at_nth(needle, 1);
}

static int span_is(sift_span s, const char *expected)
{
	return s.len == strlen(expected) && memcmp(buf + s.off, expected, s.len) == 0;
}

#define ASSERT_SPAN(s, expected)                                                        \
	do {                                                                            \
		if (!span_is((s), (expected)))                                          \
			fail_msg("span \"%.*s\", want \"%s\"", (int)(s).len, buf + (s).off, \
				 (expected));                                           \
	} while (0)

typedef sift_code (*auth_parser)(const char *, sift_span, unsigned, sift_auth *, sift_error *);

static sift_auth auth;

static sift_code run(auth_parser parse, const char *text, unsigned options)
{
	sift_span value = load(text);
	sift_error err;
	sift_code code = parse(buf, value, options, &auth, &err);
	/* the same answer without an error struct */
	sift_auth again;
	assert_int_equal(parse(buf, value, options, &again, NULL), code);
	return code;
}

/* Fails with SIFT_E_HEADER_VALUE (or code) at offset, naming rule. */
static void expect_fail_(auth_parser parse, const char *text, unsigned options, sift_code code,
			 uint32_t offset, const char *rule)
{
	sift_span value = load(text);
	sift_error err = { SIFT_OK, 0, NULL, 0 };
	sift_code got = parse(buf, value, options, &auth, &err);
	if (got != code || err.offset != offset || !err.rule || strcmp(err.rule, rule) != 0)
		fail_msg("%s: got %s at %u rule %s, want %s at %u rule %s", text, sift_code_name(got),
			 (unsigned)err.offset, err.rule ? err.rule : "(null)", sift_code_name(code),
			 (unsigned)offset, rule);
}

/* at() in the offset argument searches this text: set it first (the comma
 * operator orders it before the call's arguments). */
#define expect_fail(parse, text, ...) (text_now = (text), expect_fail_(parse, text, __VA_ARGS__))

#define CHALLENGE sift_challenge_parse
#define CREDENTIALS sift_credentials_parse
#define AINFO sift_auth_info_parse
#define STRICT SIFT_OPT_STRICT

/* ---- RFC 3261 examples ------------------------------------------------- */

/* RFC 3261 20.7. The example's response has 35 hex digits, which RFC 3261's
 * 32LHEX does not allow and RFC 8760 2.7's *LHEX does: accepted by default,
 * rejected when strict at the 33rd digit (an MD5 digest has 32). */
static void test_rfc3261_20_7_authorization_example(void **state)
{
	(void)state;
	const char *text = "Digest username=\"Alice\", realm=\"atlanta.com\",\r\n"
			   " nonce=\"84a4cc6f3082121f32b42a2187831a9e\",\r\n"
			   " response=\"7587245234b3434cc3412213e5f113a5432\"";
	assert_int_equal(run(CREDENTIALS, text, 0), SIFT_OK);
	assert_int_equal(auth.scheme, SIFT_AUTH_DIGEST);
	ASSERT_SPAN(auth.scheme_name, "Digest");
	ASSERT_SPAN(auth.username, "Alice");
	ASSERT_SPAN(auth.realm, "atlanta.com");
	ASSERT_SPAN(auth.nonce, "84a4cc6f3082121f32b42a2187831a9e");
	ASSERT_SPAN(auth.response, "7587245234b3434cc3412213e5f113a5432");
	assert_int_equal(auth.alg, SIFT_DIGEST_ALG_NONE);
	assert_true(sift_auth_has(&auth, SIFT_AUTHP_RESPONSE));
	assert_false(sift_auth_has(&auth, SIFT_AUTHP_QOP));
	expect_fail(CREDENTIALS, text, STRICT, SIFT_E_HEADER_VALUE, at("7587") + 32, "request-digest");
}

/* RFC 3261 20.28: 27 hex digits; strict wants 32 (the closing quote is
 * the first byte that does not fit). */
static void test_rfc3261_20_28_proxy_authorization_example(void **state)
{
	(void)state;
	const char *text = "Digest username=\"Alice\", realm=\"atlanta.com\",\r\n"
			   "      nonce=\"c60f3082ee1212b402a21831ae\",\r\n"
			   "      response=\"245f23415f11432b3434341c022\"";
	assert_int_equal(run(CREDENTIALS, text, 0), SIFT_OK);
	ASSERT_SPAN(auth.response, "245f23415f11432b3434341c022");
	expect_fail(CREDENTIALS, text, STRICT, SIFT_E_HEADER_VALUE, at("245f") + 27, "request-digest");
}

/* RFC 3261 20.27: stale=FALSE (ABNF strings are case-insensitive), an
 * empty opaque. Accepted in both modes. */
static void test_rfc3261_20_27_proxy_authenticate_example(void **state)
{
	(void)state;
	const char *text = "Digest realm=\"atlanta.com\",\r\n"
			   " domain=\"sip:ss1.carrier.com\", qop=\"auth\",\r\n"
			   " nonce=\"f84f1cec41e6cbe5aea9c8e88d359\",\r\n"
			   " opaque=\"\", stale=FALSE, algorithm=MD5";
	for (unsigned options = 0; options <= STRICT; options += STRICT) {
		assert_int_equal(run(CHALLENGE, text, options), SIFT_OK);
		assert_int_equal(auth.scheme, SIFT_AUTH_DIGEST);
		ASSERT_SPAN(auth.realm, "atlanta.com");
		ASSERT_SPAN(auth.domain, "sip:ss1.carrier.com");
		ASSERT_SPAN(auth.qop, "auth");
		ASSERT_SPAN(auth.nonce, "f84f1cec41e6cbe5aea9c8e88d359");
		assert_true(sift_auth_has(&auth, SIFT_AUTHP_OPAQUE));
		assert_int_equal(auth.opaque.len, 0);
		ASSERT_SPAN(auth.stale_value, "FALSE");
		assert_int_equal(auth.stale, 0);
		assert_int_equal(auth.alg, SIFT_DIGEST_ALG_MD5);
		ASSERT_SPAN(auth.algorithm, "MD5");
	}
}

/* RFC 3261 20.44 */
static void test_rfc3261_20_44_www_authenticate_example(void **state)
{
	(void)state;
	const char *text = "Digest realm=\"atlanta.com\",\r\n"
			   "  domain=\"sip:boxesbybob.com\", qop=\"auth\",\r\n"
			   "  nonce=\"f84f1cec41e6cbe5aea9c8e88d359\",\r\n"
			   "  opaque=\"\", stale=FALSE, algorithm=MD5";
	assert_int_equal(run(CHALLENGE, text, STRICT), SIFT_OK);
	ASSERT_SPAN(auth.domain, "sip:boxesbybob.com");
	assert_int_equal(auth.present,
			 (1u << SIFT_AUTHP_REALM) | (1u << SIFT_AUTHP_DOMAIN) | (1u << SIFT_AUTHP_QOP) |
				 (1u << SIFT_AUTHP_NONCE) | (1u << SIFT_AUTHP_OPAQUE) |
				 (1u << SIFT_AUTHP_STALE) | (1u << SIFT_AUTHP_ALGORITHM));
}

/* RFC 3261 20.6 */
static void test_rfc3261_20_6_authentication_info_example(void **state)
{
	(void)state;
	assert_int_equal(run(AINFO, "nextnonce=\"47364c23432d2e131a5fb210812c\"", STRICT), SIFT_OK);
	assert_int_equal(auth.scheme, SIFT_AUTH_NONE);
	assert_int_equal(auth.scheme_name.len, 0);
	ASSERT_SPAN(auth.nextnonce, "47364c23432d2e131a5fb210812c");
	/* RFC 3261 20.6 ainfo: qop, rspauth, cnonce, nc too */
	assert_int_equal(run(AINFO, "qop=auth, rspauth=\"6629fae49393a05397450978507c4ef1\", "
				    "cnonce=\"0a4f113b\", nc=00000001", STRICT), SIFT_OK);
	ASSERT_SPAN(auth.rspauth, "6629fae49393a05397450978507c4ef1");
	ASSERT_SPAN(auth.qop, "auth");
	assert_int_equal(auth.nonce_count, 1);
}

/* RFC 3261 22.2 (the examples that 22.4's Digest rules govern). */
static void test_rfc3261_22_2_digest_examples(void **state)
{
	(void)state;
	const char *challenge = "Digest\r\n"
				"        realm=\"biloxi.com\",\r\n"
				"        qop=\"auth,auth-int\",\r\n"
				"        nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\",\r\n"
				"        opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";
	assert_int_equal(run(CHALLENGE, challenge, STRICT), SIFT_OK);
	ASSERT_SPAN(auth.qop, "auth,auth-int");
	ASSERT_SPAN(auth.opaque, "5ccc069c403ebaf9f0171e9517f40e41");
	const char *credentials = "Digest username=\"bob\",\r\n"
				  "        realm=\"biloxi.com\",\r\n"
				  "        nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\",\r\n"
				  "        uri=\"sip:bob@biloxi.com\",\r\n"
				  "        qop=auth,\r\n"
				  "        nc=00000001,\r\n"
				  "        cnonce=\"0a4f113b\",\r\n"
				  "        response=\"6629fae49393a05397450978507c4ef1\",\r\n"
				  "        opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";
	assert_int_equal(run(CREDENTIALS, credentials, STRICT), SIFT_OK);
	ASSERT_SPAN(auth.uri, "sip:bob@biloxi.com");
	ASSERT_SPAN(auth.qop, "auth");
	ASSERT_SPAN(auth.nc, "00000001");
	assert_int_equal(auth.nonce_count, 1);
	ASSERT_SPAN(auth.cnonce, "0a4f113b");
	ASSERT_SPAN(auth.response, "6629fae49393a05397450978507c4ef1");
	/* the params span runs from the first name to the end of the last value */
	assert_int_equal(auth.params.off, at("username"));
	assert_int_equal(auth.params.off + auth.params.len, strlen(credentials));
}

/* RFC 4475 3.3.7: an unknown scheme is well formed (other-response). */
static void test_rfc4475_3_3_7_unknown_scheme(void **state)
{
	(void)state;
	for (unsigned options = 0; options <= STRICT; options += STRICT) {
		assert_int_equal(run(CREDENTIALS, "NoOneKnowsThisScheme opaque-data=here", options), SIFT_OK);
		assert_int_equal(auth.scheme, SIFT_AUTH_OTHER);
		ASSERT_SPAN(auth.scheme_name, "NoOneKnowsThisScheme");
		ASSERT_SPAN(auth.params, "opaque-data=here");
		assert_int_equal(auth.present, 0);
	}
}

/* ---- RFC 8760 and RFC 7616 --------------------------------------------- */

/* RFC 8760 2.7: the six registered values into the enum, any other token
 * kept (OTHER, with its span); names compare case-insensitively. */
static void test_rfc8760_2_7_algorithm_values(void **state)
{
	(void)state;
	static const struct {
		const char *name;
		sift_digest_alg alg;
		unsigned hex;
	} cases[] = {
		{ "MD5", SIFT_DIGEST_ALG_MD5, 32 },
		{ "MD5-sess", SIFT_DIGEST_ALG_MD5_SESS, 32 },
		{ "SHA-256", SIFT_DIGEST_ALG_SHA256, 64 },
		{ "SHA-256-sess", SIFT_DIGEST_ALG_SHA256_SESS, 64 },
		{ "SHA-512-256", SIFT_DIGEST_ALG_SHA512_256, 64 },
		{ "SHA-512-256-sess", SIFT_DIGEST_ALG_SHA512_256_SESS, 64 },
		{ "sha-256", SIFT_DIGEST_ALG_SHA256, 64 },
		{ "SHA-1", SIFT_DIGEST_ALG_OTHER, 0 },
		{ "MD5-sessx", SIFT_DIGEST_ALG_OTHER, 0 },
		{ "AKAv1-MD5", SIFT_DIGEST_ALG_OTHER, 0 },
	};
	char text[96];
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(text, sizeof text, "Digest realm=\"r\", nonce=\"n\", algorithm=%s", cases[i].name);
		assert_int_equal(run(CHALLENGE, text, STRICT), SIFT_OK);
		assert_int_equal(auth.alg, cases[i].alg);
		ASSERT_SPAN(auth.algorithm, cases[i].name);
		assert_int_equal(sift_digest_alg_lookup(cases[i].name, strlen(cases[i].name)), cases[i].alg);
		assert_int_equal(sift_digest_hex_length(cases[i].alg), cases[i].hex);
	}
	assert_int_equal(sift_digest_hex_length(SIFT_DIGEST_ALG_NONE), 32);
	assert_int_equal(sift_digest_alg_lookup("", 0), SIFT_DIGEST_ALG_OTHER);
}

/* RFC 8760 2.7: "A parameter with an empty value (empty string) is allowed
 * when the UAC has not yet received a challenge." */
static void test_rfc8760_2_7_empty_response_allowed(void **state)
{
	(void)state;
	assert_int_equal(run(CREDENTIALS, "Digest username=\"bob\", realm=\"biloxi.com\", nonce=\"\", "
					  "uri=\"sip:biloxi.com\", response=\"\"", STRICT), SIFT_OK);
	assert_true(sift_auth_has(&auth, SIFT_AUTHP_RESPONSE));
	assert_int_equal(auth.response.len, 0);
}

/* RFC 8760 2.2, 2.7 (strict): MD5 32 hex digits, SHA-256 and SHA-512/256
 * 64, an unregistered algorithm at least 32. */
static void test_rfc8760_2_7_response_length_per_algorithm(void **state)
{
	(void)state;
	const char *md5 = "0123456789abcdef0123456789abcdef";
	const char *sha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
	char text[256];
	snprintf(text, sizeof text, "Digest algorithm=MD5, response=\"%s\"", md5);
	assert_int_equal(run(CREDENTIALS, text, STRICT), SIFT_OK);
	snprintf(text, sizeof text, "Digest algorithm=SHA-256-sess, response=\"%s\"", sha);
	assert_int_equal(run(CREDENTIALS, text, STRICT), SIFT_OK);
	/* the algorithm may come after the response */
	snprintf(text, sizeof text, "Digest response=\"%s\", algorithm=SHA-512-256", sha);
	assert_int_equal(run(CREDENTIALS, text, STRICT), SIFT_OK);
	snprintf(text, sizeof text, "Digest algorithm=MD5, response=\"%s\"", sha);
	assert_int_equal(run(CREDENTIALS, text, 0), SIFT_OK);
	expect_fail(CREDENTIALS, text, STRICT, SIFT_E_HEADER_VALUE, at("0123") + 32, "request-digest");
	snprintf(text, sizeof text, "Digest algorithm=SHA-256, response=\"%s\"", md5);
	expect_fail(CREDENTIALS, text, STRICT, SIFT_E_HEADER_VALUE, at("0123") + 32, "request-digest");
	snprintf(text, sizeof text, "Digest algorithm=SHA-1, response=\"%.31s\"", md5);
	expect_fail(CREDENTIALS, text, STRICT, SIFT_E_HEADER_VALUE, at("0123") + 31, "request-digest");
	snprintf(text, sizeof text, "Digest algorithm=SHA-1, response=\"%.40s\"", sha);
	assert_int_equal(run(CREDENTIALS, text, STRICT), SIFT_OK);
}

/* RFC 7616 3.9.1 (the examples RFC 8760 2.6 brings in): qop="auth, auth-int"
 * with a space is accepted by default (not by RFC 3261's qop-options when
 * strict); an abs-path uri is RFC 3261's URI but not RFC 8760's Request-URI. */
static void test_rfc7616_3_9_1_sha256_and_md5_examples(void **state)
{
	(void)state;
	const char *challenge = "Digest\r\n"
				"    realm=\"http-auth@example.org\",\r\n"
				"    qop=\"auth, auth-int\",\r\n"
				"    algorithm=SHA-256,\r\n"
				"    nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\",\r\n"
				"    opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";
	assert_int_equal(run(CHALLENGE, challenge, 0), SIFT_OK);
	assert_int_equal(auth.alg, SIFT_DIGEST_ALG_SHA256);
	ASSERT_SPAN(auth.qop, "auth, auth-int");
	expect_fail(CHALLENGE, challenge, STRICT, SIFT_E_HEADER_VALUE, at("auth, ") + 5, "qop-options");

	const char *md5 = "Digest username=\"Mufasa\",\r\n"
			  "    realm=\"http-auth@example.org\",\r\n"
			  "    uri=\"/dir/index.html\",\r\n"
			  "    algorithm=MD5,\r\n"
			  "    nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\",\r\n"
			  "    nc=00000001,\r\n"
			  "    cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\",\r\n"
			  "    qop=auth,\r\n"
			  "    response=\"8ca523f5e9506fed4657c9700eebdbec\",\r\n"
			  "    opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";
	assert_int_equal(run(CREDENTIALS, md5, 0), SIFT_OK);
	ASSERT_SPAN(auth.uri, "/dir/index.html");
	ASSERT_SPAN(auth.response, "8ca523f5e9506fed4657c9700eebdbec");
	sift_error err;
	assert_int_equal(sift_credentials_parse(buf, load(md5), STRICT, &auth, &err), SIFT_E_URI);
	assert_int_equal(err.offset, at("/dir"));

	/* the SHA-256 response, unwrapped from the RFC's line break */
	const char *sha = "Digest username=\"Mufasa\", realm=\"http-auth@example.org\", "
			  "uri=\"sip:www.example.org\", algorithm=SHA-256, "
			  "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", nc=00000001, "
			  "cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\", qop=auth, "
			  "response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\", "
			  "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";
	assert_int_equal(run(CREDENTIALS, sha, STRICT), SIFT_OK);
	assert_int_equal(auth.alg, SIFT_DIGEST_ALG_SHA256);
	assert_int_equal(auth.response.len, 64);
}

/* RFC 7616 3.9.2: SHA-512-256, charset, userhash, and username* (RFC 5987
 * ext-value). */
static void test_rfc7616_3_9_2_userhash_charset_username_star(void **state)
{
	(void)state;
	const char *challenge = "Digest\r\n"
				"    realm=\"api@example.org\",\r\n"
				"    qop=\"auth\",\r\n"
				"    algorithm=SHA-512-256,\r\n"
				"    nonce=\"5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK\",\r\n"
				"    opaque=\"HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS\",\r\n"
				"    charset=UTF-8,\r\n"
				"    userhash=true";
	assert_int_equal(run(CHALLENGE, challenge, STRICT), SIFT_OK);
	assert_int_equal(auth.alg, SIFT_DIGEST_ALG_SHA512_256);
	ASSERT_SPAN(auth.charset, "UTF-8");
	assert_int_equal(auth.userhash, 1);

	const char *hashed = "Digest\r\n"
			     "    username=\"488869477bf257147b804c45308cd62ac4e25eb717b12b298c79e62dcea254ec\",\r\n"
			     "    realm=\"api@example.org\",\r\n"
			     "    uri=\"sip:api.example.org\",\r\n"
			     "    algorithm=SHA-512-256,\r\n"
			     "    nonce=\"5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK\",\r\n"
			     "    nc=00000001,\r\n"
			     "    cnonce=\"NTg6RKcb9boFIAS3KrFK9BGeh+iDa/sm6jUMp2wds69v\",\r\n"
			     "    qop=auth,\r\n"
			     "    response=\"ae66e67d6b427bd3f120414a82e4acff38e8ecd9101d6c861229025f607a79dd\",\r\n"
			     "    opaque=\"HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS\",\r\n"
			     "    userhash=true";
	assert_int_equal(run(CREDENTIALS, hashed, STRICT), SIFT_OK);
	assert_int_equal(auth.userhash, 1);
	assert_int_equal(auth.username.len, 64);

	const char *star = "Digest\r\n"
			   "    username*=UTF-8''J%C3%A4s%C3%B8n%20Doe,\r\n"
			   "    realm=\"api@example.org\",\r\n"
			   "    uri=\"sip:api.example.org\",\r\n"
			   "    algorithm=SHA-512-256,\r\n"
			   "    nonce=\"5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK\",\r\n"
			   "    nc=00000001,\r\n"
			   "    cnonce=\"NTg6RKcb9boFIAS3KrFK9BGeh+iDa/sm6jUMp2wds69v\",\r\n"
			   "    qop=auth,\r\n"
			   "    response=\"ae66e67d6b427bd3f120414a82e4acff38e8ecd9101d6c861229025f607a79dd\",\r\n"
			   "    opaque=\"HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS\",\r\n"
			   "    userhash=false";
	assert_int_equal(run(CREDENTIALS, star, STRICT), SIFT_OK);
	ASSERT_SPAN(auth.username_star, "UTF-8''J%C3%A4s%C3%B8n%20Doe");
	assert_false(sift_auth_has(&auth, SIFT_AUTHP_USERNAME));
	assert_int_equal(auth.userhash, 0);
}

/* RFC 7616 3.4: "Sending both username and username* in the same header
 * option MUST be treated as an error." */
static void test_rfc7616_3_4_username_and_username_star_is_an_error(void **state)
{
	(void)state;
	expect_fail(CREDENTIALS, "Digest username=\"a\", username*=UTF-8''a", 0, SIFT_E_HEADER_VALUE,
		    at("username*"), "username-star");
	expect_fail(CREDENTIALS, "Digest username*=UTF-8''a, username=\"a\"", 0, SIFT_E_HEADER_VALUE,
		    at("username=\""), "username-star");
}

/* RFC 7235 2.1: each parameter name once (also in another case). */
static void test_rfc7235_2_1_known_parameter_twice_is_rejected(void **state)
{
	(void)state;
	expect_fail(CHALLENGE, "Digest realm=\"a\", nonce=\"n\", Realm=\"b\"", 0, SIFT_E_HEADER_VALUE,
		    at("Realm"), "realm");
	expect_fail(CREDENTIALS, "Digest nc=00000001, nc=00000002", 0, SIFT_E_HEADER_VALUE,
		    at_nth("nc=", 2), "nonce-count");
	expect_fail(AINFO, "rspauth=\"\", rspauth=\"\"", 0, SIFT_E_HEADER_VALUE, at_nth("rspauth", 2),
		    "response-auth");
	/* unknown parameters are not checked */
	assert_int_equal(run(CHALLENGE, "Digest realm=\"a\", x=1, x=2", 0), SIFT_OK);
}

/* RFC 7616 3.3-3.5 bind senders ("MUST only generate the quoted string
 * syntax", "MUST NOT generate"): a recipient takes either form by default;
 * strict holds the RFC 3261 25 quoting. */
static void test_rfc7616_quoting_liberal_by_default_exact_when_strict(void **state)
{
	(void)state;
	const char *text = "Digest realm=biloxi.com, nonce=abc, algorithm=\"MD5\", qop=\"auth\", "
			   "nc=\"00000001\", stale=\"true\"";
	assert_int_equal(run(CREDENTIALS, text, 0), SIFT_OK);
	ASSERT_SPAN(auth.realm, "biloxi.com");
	ASSERT_SPAN(auth.algorithm, "MD5");
	ASSERT_SPAN(auth.qop, "auth");
	assert_int_equal(auth.nonce_count, 1);
	expect_fail(CREDENTIALS, text, STRICT, SIFT_E_HEADER_VALUE, at("biloxi"), "realm-value");
	expect_fail(CREDENTIALS, "Digest nonce=abc", STRICT, SIFT_E_HEADER_VALUE, at("abc"), "nonce-value");
	expect_fail(CHALLENGE, "Digest opaque=abc", STRICT, SIFT_E_HEADER_VALUE, at("abc"), "opaque");
	expect_fail(CHALLENGE, "Digest algorithm=\"MD5\"", STRICT, SIFT_E_HEADER_VALUE, at("\"MD5"),
		    "algorithm");
	expect_fail(CHALLENGE, "Digest stale=\"true\"", STRICT, SIFT_E_HEADER_VALUE, at("\"true"), "stale");
	expect_fail(CHALLENGE, "Digest qop=auth", STRICT, SIFT_E_HEADER_VALUE, at("auth"), "qop-options");
	expect_fail(CREDENTIALS, "Digest qop=\"auth\"", STRICT, SIFT_E_HEADER_VALUE, at("\"auth"),
		    "qop-value");
	expect_fail(CREDENTIALS, "Digest nc=\"00000001\"", STRICT, SIFT_E_HEADER_VALUE, at("\"0"), "nc-value");
	expect_fail(CREDENTIALS, "Digest username=bob", STRICT, SIFT_E_HEADER_VALUE, at("bob"),
		    "username-value");
	expect_fail(CREDENTIALS, "Digest cnonce=abc", STRICT, SIFT_E_HEADER_VALUE, at("abc"), "cnonce-value");
	expect_fail(AINFO, "nextnonce=abc", STRICT, SIFT_E_HEADER_VALUE, at("abc"), "nonce-value");
	expect_fail(AINFO, "rspauth=abc", STRICT, SIFT_E_HEADER_VALUE, at("abc"), "response-digest");
}

/* ---- Each grammar rule rejects a malformed value ----------------------- */

static void test_rfc3261_25_auth_scheme_and_lws(void **state)
{
	(void)state;
	expect_fail(CHALLENGE, "", 0, SIFT_E_HEADER_VALUE, 0, "auth-scheme");
	expect_fail(CREDENTIALS, "\"Digest\" realm=\"a\"", 0, SIFT_E_HEADER_VALUE, 0, "auth-scheme");
	expect_fail(CHALLENGE, "Digest,realm=\"a\"", 0, SIFT_E_HEADER_VALUE, 6, "LWS");
	expect_fail(CHALLENGE, "Digest", 0, SIFT_E_HEADER_VALUE, 6, "LWS");
	/* the scheme is case-insensitive */
	assert_int_equal(run(CHALLENGE, "dIgEsT realm=\"a\"", STRICT), SIFT_OK);
	assert_int_equal(auth.scheme, SIFT_AUTH_DIGEST);
}

static void test_rfc3261_25_param_lists(void **state)
{
	(void)state;
	expect_fail(CREDENTIALS, "Digest realm=\"a\",, nonce=\"b\"", 0, SIFT_E_HEADER_VALUE, at(", n"),
		    "dig-resp");
	expect_fail(CHALLENGE, "Digest realm=\"a\" nonce=\"b\"", 0, SIFT_E_HEADER_VALUE, at("nonce"),
		    "digest-cln");
	expect_fail(CHALLENGE, "Digest realm=\"a\",", 0, SIFT_E_HEADER_VALUE, 17, "digest-cln");
	expect_fail(CHALLENGE, "Digest realm", 0, SIFT_E_HEADER_VALUE, 12, "auth-param");
	expect_fail(CHALLENGE, "Digest realm=\"abc", 0, SIFT_E_HEADER_VALUE, at("\"abc"), "quoted-string");
	expect_fail(CHALLENGE, "Digest realm=", 0, SIFT_E_HEADER_VALUE, 13, "realm-value");
	expect_fail(CHALLENGE, "Digest x=a@b", 0, SIFT_E_HEADER_VALUE, at("@"), "digest-cln");
	expect_fail(CHALLENGE, "Other x=\"a\" y", 0, SIFT_E_HEADER_VALUE, at("y"), "auth-param");
	expect_fail(AINFO, "", 0, SIFT_E_HEADER_VALUE, 0, "ainfo");
	expect_fail(AINFO, "nextnonce=\"a\" ;x", 0, SIFT_E_HEADER_VALUE, at(";"), "ainfo");
}

static void test_rfc3261_25_digest_cln_values(void **state)
{
	(void)state;
	expect_fail(CHALLENGE, "Digest stale=maybe", 0, SIFT_E_HEADER_VALUE, at("maybe"), "stale");
	expect_fail(CHALLENGE, "Digest algorithm=\"MD5 x\"", 0, SIFT_E_HEADER_VALUE, at(" x"), "algorithm");
	expect_fail(CHALLENGE, "Digest qop=\"auth,,auth-int\"", 0, SIFT_E_HEADER_VALUE, at(",auth-"),
		    "qop-options");
	expect_fail(CHALLENGE, "Digest qop=\"\"", 0, SIFT_E_HEADER_VALUE, at("\"\"") + 1, "qop-options");
	expect_fail(CHALLENGE, "Digest domain=sip", 0, SIFT_E_HEADER_VALUE, at("sip"), "domain");
	expect_fail(CHALLENGE, "Digest domain=\"\"", STRICT, SIFT_E_HEADER_VALUE, at("\"\"") + 1, "domain");
	assert_int_equal(run(CHALLENGE, "Digest domain=\"\"", 0), SIFT_OK);
	/* domain = LDQUOT URI *( 1*SP URI ) RDQUOT */
	assert_int_equal(run(CHALLENGE, "Digest domain=\"sip:a.example.com  /path sip:[2001:db8::1]\"", 0),
			 SIFT_OK);
	sift_error err;
	assert_int_equal(sift_challenge_parse(buf, load("Digest domain=\"sip:a.example.com <bad>\""), 0,
					      &auth, &err), SIFT_E_URI);
	assert_true(err.offset >= at("<bad>") && err.offset < at("<bad>") + 5);
	/* RFC 8760 2.6 item 1: when strict, each domain URI is a Request-URI */
	assert_int_equal(sift_challenge_parse(buf, load("Digest domain=\"sip:a.example.com /path\""),
					      STRICT, &auth, &err), SIFT_E_URI);
	assert_int_equal(err.offset, at("/path"));
	expect_fail(CHALLENGE, "Digest charset=latin1", 0, SIFT_E_HEADER_VALUE, at("latin1"), "digest-charset");
	assert_int_equal(run(CHALLENGE, "Digest charset=\"utf-8\"", 0), SIFT_OK);
	expect_fail(CHALLENGE, "Digest userhash=yes", 0, SIFT_E_HEADER_VALUE, at("yes"), "userhash");
}

static void test_rfc3261_25_dig_resp_values(void **state)
{
	(void)state;
	sift_error err;
	assert_int_equal(sift_credentials_parse(buf, load("Digest uri=\"sip:[bad\""), 0, &auth, &err),
			 SIFT_E_URI);
	assert_true(err.offset >= at("sip:") && err.offset <= at("bad\"") + 3);
	assert_int_equal(sift_credentials_parse(buf, load("Digest uri=sip"), 0, &auth, &err), SIFT_E_URI);
	assert_true(err.offset >= at("sip") && err.offset <= at("sip") + 3);
	expect_fail(CREDENTIALS, "Digest response=\"0123ABCD\"", 0, SIFT_E_HEADER_VALUE, at("ABCD"),
		    "request-digest");
	expect_fail(CREDENTIALS, "Digest response=\"xyz\"", 0, SIFT_E_HEADER_VALUE, at("xyz"),
		    "request-digest");
	expect_fail(CREDENTIALS, "Digest nc=0000001", 0, SIFT_E_HEADER_VALUE, at("0000001") + 7, "nc-value");
	expect_fail(CREDENTIALS, "Digest nc=000000001", 0, SIFT_E_HEADER_VALUE, at("000000001") + 8, "nc-value");
	expect_fail(CREDENTIALS, "Digest nc=0000000G", 0, SIFT_E_HEADER_VALUE, at("G"), "nc-value");
	expect_fail(CREDENTIALS, "Digest nc=0000000A", 0, SIFT_E_HEADER_VALUE, at("A"), "nc-value");
	assert_int_equal(run(CREDENTIALS, "Digest nc=ffffffff", STRICT), SIFT_OK);
	assert_int_equal(auth.nonce_count, 0xFFFFFFFFu);
	assert_int_equal(run(CREDENTIALS, "Digest nc=0a1b2c3d", STRICT), SIFT_OK);
	assert_int_equal(auth.nonce_count, 0x0a1b2c3du);
	assert_int_equal(run(CREDENTIALS, "Digest nc=f0e1d2c3", 0), SIFT_OK);
	assert_int_equal(auth.nonce_count, 0xf0e1d2c3u);
	expect_fail(CREDENTIALS, "Digest qop=\"auth,auth-int\"", 0, SIFT_E_HEADER_VALUE, at(","), "qop-value");
	expect_fail(CREDENTIALS, "Digest username*=J%C3%A4son", 0, SIFT_E_HEADER_VALUE, at("J%"), "ext-value");
	expect_fail(CREDENTIALS, "Digest username*=\"UTF-8''a\"", STRICT, SIFT_E_HEADER_VALUE,
		    at("\"UTF"), "ext-value");
	expect_fail(AINFO, "rspauth=\"abcX\"", 0, SIFT_E_HEADER_VALUE, at("X"), "response-digest");
}

/* RFC 3261 20.6 ainfo has no auth-param; RFC 7615's Authentication-Info
 * has: accepted by default, rejected when strict. */
static void test_rfc3261_20_6_ainfo_unknown_parameter_strict_only(void **state)
{
	(void)state;
	assert_int_equal(run(AINFO, "nextnonce=\"a\", extra=1", 0), SIFT_OK);
	expect_fail(AINFO, "nextnonce=\"a\", extra=1", STRICT, SIFT_E_HEADER_VALUE, at("extra"), "ainfo");
}

/* ---- RFC 8898 and RFC 6750 Bearer -------------------------------------- */

/* RFC 6750 2.1 (its example token) and RFC 8898 2.1.3: "Bearer" SP b64token. */
static void test_rfc6750_2_1_bearer_b64token(void **state)
{
	(void)state;
	assert_int_equal(run(CREDENTIALS, "Bearer mF_9.B5f-4.1JqM", STRICT), SIFT_OK);
	assert_int_equal(auth.scheme, SIFT_AUTH_BEARER);
	ASSERT_SPAN(auth.token, "mF_9.B5f-4.1JqM");
	assert_int_equal(auth.params.len, 0);
	assert_int_equal(run(CREDENTIALS,
			     "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl/+x==", STRICT),
			 SIFT_OK);
	ASSERT_SPAN(auth.token, "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl/+x==");
	/* Not a b64token: RFC 3261 other-response by default, an error when strict. */
	assert_int_equal(run(CREDENTIALS, "Bearer abc=def", 0), SIFT_OK);
	assert_int_equal(auth.token.len, 0);
	ASSERT_SPAN(auth.params, "abc=def");
	expect_fail(CREDENTIALS, "Bearer abc=def", STRICT, SIFT_E_HEADER_VALUE, at("def"), "b64token");
	expect_fail(CREDENTIALS, "Bearer realm=\"x\", nonce=\"y\"", STRICT, SIFT_E_HEADER_VALUE,
		    at("\"x"), "b64token");
	expect_fail(CREDENTIALS, "Bearer a b", 0, SIFT_E_HEADER_VALUE, at(" b") + 1, "auth-param");
	expect_fail(CREDENTIALS, "Bearer =abc", STRICT, SIFT_E_HEADER_VALUE, at("=abc"), "b64token");
}

/* RFC 8898 4 Figure 3: bearer-cln = realm / scope-param /
 * authz-server-param / error-param / auth-param. */
static void test_rfc8898_4_bearer_challenge(void **state)
{
	(void)state;
	const char *text = "Bearer realm=\"atlanta.example.com\", "
			   "scope=\"sip:register openid profile\", "
			   "authz_server=\"https://as.example.com:8443/token?x=1\", "
			   "error=\"invalid_token\"";
	assert_int_equal(run(CHALLENGE, text, STRICT), SIFT_OK);
	assert_int_equal(auth.scheme, SIFT_AUTH_BEARER);
	ASSERT_SPAN(auth.realm, "atlanta.example.com");
	ASSERT_SPAN(auth.scope, "sip:register openid profile");
	ASSERT_SPAN(auth.authz_server, "https://as.example.com:8443/token?x=1");
	ASSERT_SPAN(auth.error, "invalid_token");
	/* RFC 8898 1.4.1 (Figure 1) writes the parameter name in quotes; that
	 * is not the auth-param of Figure 3 and is rejected. */
	expect_fail(CHALLENGE, "Bearer \"authz_server\"=\"https://as.example.com/\"", 0,
		    SIFT_E_HEADER_VALUE, at("\"authz"), "bearer-cln");
	assert_int_equal(run(CHALLENGE, "Bearer authz_server=\"https://as.example.com/\"", STRICT), SIFT_OK);
}

/* The Figure 3 values are checked when strict; by default a Bearer
 * challenge needs only be RFC 3261's auth-params (lint reports the rest). */
static void test_rfc8898_4_bearer_challenge_values_strict(void **state)
{
	(void)state;
	const char *http = "Bearer authz_server=\"http://as.example.com/\"";
	assert_int_equal(run(CHALLENGE, http, 0), SIFT_OK);
	expect_fail(CHALLENGE, http, STRICT, SIFT_E_HEADER_VALUE, at("http:"), "authz-server-param");
	expect_fail(CHALLENGE, "Bearer authz_server=\"https://as.example.com/a b\"", STRICT,
		    SIFT_E_HEADER_VALUE, at(" b"), "authz-server-param");
	expect_fail(CHALLENGE, "Bearer scope=openid", STRICT, SIFT_E_HEADER_VALUE, at("openid"), "scope-param");
	expect_fail(CHALLENGE, "Bearer scope=\"a  b\"", STRICT, SIFT_E_HEADER_VALUE, at("  b"), "scope-param");
	expect_fail(CHALLENGE, "Bearer scope=\"\"", STRICT, SIFT_E_HEADER_VALUE, at("\"\"") + 1, "scope-param");
	expect_fail(CHALLENGE, "Bearer error=\"a\\\"b\"", STRICT, SIFT_E_HEADER_VALUE, at("\\"), "error-param");
	expect_fail(CHALLENGE, "Bearer realm=r", STRICT, SIFT_E_HEADER_VALUE, at("=r") + 1, "realm-value");
	expect_fail(CHALLENGE, "Bearer realm=\"a\" scope=\"b\"", 0, SIFT_E_HEADER_VALUE, at("scope"),
		    "bearer-cln");
}

/* ---- The parameter iterator -------------------------------------------- */

static void test_auth_param_next_walks_every_parameter(void **state)
{
	(void)state;
	const char *text = "Digest realm=\"a,b\", x-ext=tok, nonce=\"n\\\"q\" , Y=\"\"";
	assert_int_equal(run(CHALLENGE, text, STRICT), SIFT_OK);
	sift_span cursor = auth.params;
	sift_auth_param p;
	assert_true(sift_auth_param_next(buf, &cursor, &p));
	ASSERT_SPAN(p.name, "realm");
	ASSERT_SPAN(p.value, "\"a,b\"");
	ASSERT_SPAN(p.content, "a,b");
	assert_int_equal(p.id, SIFT_AUTHP_REALM);
	assert_int_equal(p.quoted, 1);
	assert_true(sift_auth_param_next(buf, &cursor, &p));
	ASSERT_SPAN(p.name, "x-ext");
	ASSERT_SPAN(p.value, "tok");
	ASSERT_SPAN(p.content, "tok");
	assert_int_equal(p.id, SIFT_AUTHP_OTHER);
	assert_int_equal(p.quoted, 0);
	assert_true(sift_auth_param_next(buf, &cursor, &p));
	ASSERT_SPAN(p.content, "n\\\"q");
	assert_int_equal(p.id, SIFT_AUTHP_NONCE);
	assert_true(sift_auth_param_next(buf, &cursor, &p));
	ASSERT_SPAN(p.name, "Y");
	assert_int_equal(p.content.len, 0);
	assert_false(sift_auth_param_next(buf, &cursor, &p));
	assert_int_equal(cursor.len, 0);
	/* text that is no parameter ends the walk */
	sift_span junk = load("a=1, @@@, b=2");
	assert_true(sift_auth_param_next(buf, &junk, &p));
	assert_false(sift_auth_param_next(buf, &junk, &p));
	assert_int_equal(junk.len, 0);
	assert_int_equal(sift_auth_param_lookup("USERNAME*", 9), SIFT_AUTHP_USERNAME_STAR);
	assert_int_equal(sift_auth_param_lookup("authz_server", 12), SIFT_AUTHP_AUTHZ_SERVER);
}

/* ---- RFC 3329 Security-Client / -Server / -Verify ---------------------- */

static sift_sec_mechanism mech;

static sift_code run_mech(const char *text, unsigned options)
{
	sift_span value = load(text);
	sift_code code = sift_sec_mechanism_parse(buf, value, options, &mech, NULL);
	sift_error err;
	sift_sec_mechanism again;
	assert_int_equal(sift_sec_mechanism_parse(buf, value, options, &again, &err), code);
	return code;
}

static void expect_mech_fail(const char *text, unsigned options, uint32_t offset, const char *rule)
{
	sift_error err = { SIFT_OK, 0, NULL, 0 };
	sift_code code = sift_sec_mechanism_parse(buf, load(text), options, &mech, &err);
	if (code != SIFT_E_HEADER_VALUE || err.offset != offset || !err.rule || strcmp(err.rule, rule) != 0)
		fail_msg("%s: got %s at %u rule %s, want at %u rule %s", text, sift_code_name(code),
			 (unsigned)err.offset, err.rule ? err.rule : "(null)", (unsigned)offset, rule);
}

/* RFC 3329 2.2, with values in the form of the section 3.1 example
 * (the RFC text is not in the tree: docs/auth.md). */
static void test_rfc3329_examples(void **state)
{
	(void)state;
	assert_int_equal(run_mech("tls", STRICT), SIFT_OK);
	assert_int_equal(mech.mechanism, SIFT_SEC_MECH_TLS);
	assert_int_equal(mech.q_thousandths, 1000);
	assert_int_equal(run_mech("digest", STRICT), SIFT_OK);
	assert_int_equal(mech.mechanism, SIFT_SEC_MECH_DIGEST);
	assert_int_equal(run_mech("ipsec-ike;q=0.1", STRICT), SIFT_OK);
	assert_int_equal(mech.mechanism, SIFT_SEC_MECH_IPSEC_IKE);
	ASSERT_SPAN(mech.q, "0.1");
	assert_int_equal(mech.q_thousandths, 100);
	assert_int_equal(run_mech("tls;q=0.2", STRICT), SIFT_OK);
	assert_int_equal(mech.q_thousandths, 200);
	assert_int_equal(run_mech("ipsec-man ; q = 1.000", STRICT), SIFT_OK);
	assert_int_equal(mech.mechanism, SIFT_SEC_MECH_IPSEC_MAN);
	assert_int_equal(mech.q_thousandths, 1000);
	assert_int_equal(run_mech("Digest;d-alg=md5;d-qop=auth-int;"
				  "d-ver=\"0123456789abcdef0123456789abcdef\";q=0.005", STRICT), SIFT_OK);
	assert_int_equal(mech.mechanism, SIFT_SEC_MECH_DIGEST);
	ASSERT_SPAN(mech.d_alg, "md5");
	ASSERT_SPAN(mech.d_qop, "auth-int");
	ASSERT_SPAN(mech.d_ver, "0123456789abcdef0123456789abcdef");
	assert_int_equal(mech.q_thousandths, 5);
	/* 3GPP TS 33.203 ipsec-3gpp: an extension mechanism with generic-params */
	assert_int_equal(run_mech("ipsec-3gpp;alg=hmac-sha-1-96;spi-c=1111;spi-s=2222;port-c=5062;"
				  "port-s=5064", STRICT), SIFT_OK);
	assert_int_equal(mech.mechanism, SIFT_SEC_MECH_OTHER);
	ASSERT_SPAN(mech.name, "ipsec-3gpp");
	sift_param param;
	assert_int_equal(sift_param_find(buf, mech.params, "spi-s", &param), 1);
	ASSERT_SPAN(param.value, "2222");
}

static void test_rfc3329_2_2_malformed(void **state)
{
	(void)state;
	expect_mech_fail("", 0, 0, "mechanism-name");
	expect_mech_fail(";q=1", 0, 0, "mechanism-name");
	expect_mech_fail("tls q=1", 0, 4, "sec-mechanism");
	expect_mech_fail("tls;q=2", 0, 6, "preference");
	expect_mech_fail("tls;q=0.1234", 0, 6, "preference");
	expect_mech_fail("tls;q=1.5", 0, 6, "preference");
	expect_mech_fail("digest;d-alg=\"md5\"", 0, 13, "digest-algorithm");
	expect_mech_fail("digest;d-qop", 0, 12, "digest-qop");
	expect_mech_fail("digest;d-ver=0123", 0, 13, "digest-verify");
	expect_mech_fail("digest;d-ver=\"0123X\"", 0, 13, "digest-verify");
	expect_mech_fail("digest;d-ver=\"\"", 0, 13, "digest-verify");
	assert_int_equal(run_mech("digest;d-ver=\"0123\"", 0), SIFT_OK);
	expect_mech_fail("digest;d-ver=\"0123\"", STRICT, 13, "digest-verify");
	expect_mech_fail("tls;;q=1", 0, 4, "mech-parameters");
}

/* ---- Full validation of messages --------------------------------------- */

#define REGISTER_HEAD                                                               \
	"REGISTER sip:registrar.biloxi.example.com SIP/2.0\r\n"                      \
	"Via: SIP/2.0/UDP bobspc.biloxi.example.com:5060;branch=z9hG4bKnashds7\r\n" \
	"Max-Forwards: 70\r\n"                                                       \
	"To: Bob <sip:bob@biloxi.example.com>\r\n"                                   \
	"From: Bob <sip:bob@biloxi.example.com>;tag=456248\r\n"                      \
	"Call-ID: 843817637684230@998sdasdh09\r\n"                                   \
	"CSeq: 1826 REGISTER\r\n"

static sift_code parse_message(const char *text, unsigned options, sift_msg *msg)
{
	static sift_header headers[32];
	sift_span whole = load(text);
	sift_msg_init(msg, headers, 32);
	return sift_parse(msg, buf, whole.len, options);
}

/* sift_parse() runs these parsers on every auth and Security-* value. */
static void test_message_validation_runs_the_auth_parsers(void **state)
{
	(void)state;
	sift_msg msg;
	assert_int_equal(parse_message(REGISTER_HEAD
				       "Authorization: Digest username=\"bob\", nc=0000001\r\n"
				       "Content-Length: 0\r\n\r\n", 0, &msg),
			 SIFT_E_HEADER_VALUE);
	assert_int_equal(msg.error.header_id, SIFT_H_AUTHORIZATION);
	assert_string_equal(msg.error.rule, "nc-value");
	assert_int_equal(msg.error.offset, at("0000001") + 7);
	assert_int_equal(parse_message(REGISTER_HEAD
				       "Security-Client: ipsec-3gpp;q=5, tls\r\n"
				       "Content-Length: 0\r\n\r\n", 0, &msg),
			 SIFT_E_HEADER_VALUE);
	assert_int_equal(msg.error.header_id, SIFT_H_SECURITY_CLIENT);
	assert_int_equal(msg.error.offset, at("5,"));
	const char *good = REGISTER_HEAD
		"Authorization: Digest username=\"bob\", realm=\"biloxi.example.com\",\r\n"
		" nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"sip:registrar.biloxi.example.com\",\r\n"
		" response=\"6629fae49393a05397450978507c4ef1\", qop=auth, nc=00000001, cnonce=\"0a4f113b\"\r\n"
		"Proxy-Authorization: Bearer mF_9.B5f-4.1JqM\r\n"
		"Security-Client: tls, digest;q=0.1\r\n"
		"Security-Verify: ipsec-ike;q=0.1\r\n"
		"Content-Length: 0\r\n\r\n";
	assert_int_equal(parse_message(good, STRICT, &msg), SIFT_OK);
	assert_int_equal(sift_msg_count(&msg, SIFT_H_SECURITY_CLIENT), 2);
	const char *challenge = "SIP/2.0 401 Unauthorized\r\n"
		"Via: SIP/2.0/UDP bobspc.biloxi.example.com:5060;branch=z9hG4bKnashds7\r\n"
		"To: Bob <sip:bob@biloxi.example.com>;tag=2493k59kd\r\n"
		"From: Bob <sip:bob@biloxi.example.com>;tag=456248\r\n"
		"Call-ID: 843817637684230@998sdasdh09\r\n"
		"CSeq: 1826 REGISTER\r\n"
		"WWW-Authenticate: Digest realm=\"biloxi.example.com\", qop=\"auth\", nonce=\"abc\", algorithm=SHA-256\r\n"
		"WWW-Authenticate: Bearer realm=\"biloxi.example.com\", authz_server=\"https://as.example.com/\"\r\n"
		"Authentication-Info: nextnonce=\"def\", qop=auth, rspauth=\"\", cnonce=\"0a4f113b\", nc=00000001\r\n"
		"Security-Server: ipsec-ike;q=0.1, tls;q=0.2\r\n"
		"Content-Length: 0\r\n\r\n";
	assert_int_equal(parse_message(challenge, STRICT, &msg), SIFT_OK);
}

/* The parsers without their fast path (src/hdr/auth.c; which: 0
 * challenge, 1 credentials, 2 Authentication-Info). */
sift_code sift__auth_parse_general(const char *buf, sift_span value, unsigned options,
				   unsigned which, sift_auth *out, sift_error *err);
/* Full validation's verdict-only walk (src/hdr/internal.h). */
int sift__auth_accept(const char *buf, sift_span value, unsigned which);
extern int sift__use_simd;

static int spans_equal(sift_span a, sift_span b)
{
	return a.off == b.off && a.len == b.len;
}

/* Field by field: the scheme, every span, the flags and numbers. */
static int auths_equal(const sift_auth *a, const sift_auth *b)
{
	const sift_span *x[] = { &a->scheme_name, &a->params, &a->token, &a->realm, &a->domain,
				 &a->nonce, &a->opaque, &a->stale_value, &a->algorithm, &a->qop,
				 &a->charset, &a->userhash_value, &a->username, &a->username_star,
				 &a->uri, &a->response, &a->cnonce, &a->nc, &a->nextnonce,
				 &a->rspauth, &a->scope, &a->authz_server, &a->error };
	const sift_span *y[] = { &b->scheme_name, &b->params, &b->token, &b->realm, &b->domain,
				 &b->nonce, &b->opaque, &b->stale_value, &b->algorithm, &b->qop,
				 &b->charset, &b->userhash_value, &b->username, &b->username_star,
				 &b->uri, &b->response, &b->cnonce, &b->nc, &b->nextnonce,
				 &b->rspauth, &b->scope, &b->authz_server, &b->error };
	for (size_t i = 0; i < sizeof x / sizeof x[0]; i++)
		if (!spans_equal(*x[i], *y[i]))
			return 0;
	return a->scheme == b->scheme && a->present == b->present && a->alg == b->alg &&
	       a->nonce_count == b->nonce_count && a->stale == b->stale &&
	       a->userhash == b->userhash;
}

/* Values of the common Digest shape and of shapes next to it, for the
 * fast paths' tests below. */
static const char *const fast_path_values[] = {
	"Digest username=\"bob\", realm=\"biloxi.example.com\", "
	"nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"sip:registrar.biloxi.example.com\", "
	"response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\", "
	"algorithm=SHA-256, cnonce=\"0a4f113b\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\", "
	"qop=auth, nc=00000001",
	"Digest realm=\"biloxi.example.com\", qop=\"auth\", "
	"nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", "
	"opaque=\"5ccc069c403ebaf9f0171e9517f40e41\", algorithm=MD5",
	"Digest realm=\"atlanta.com\", domain=\"sip:ss1.carrier.com\", qop=\"auth,auth-int\", "
	"nonce=\"f84f1cec41e6cbe5aea9c8e88d359\", opaque=\"\", stale=FALSE, algorithm=MD5-sess, "
	"charset=UTF-8, userhash=true",
	"Digest username=\"bob\",realm=\"b\",nonce=\"n\",uri=\"sip:a%41@b\",response=\"\","
	"algorithm=\"MD5\",qop=auth-int,nc=0000000A,cnonce=\"c\",userhash=false",
	"Digest username=\"bob\", username*=UTF-8''bob, realm=\"x\"",
	"Digest username*=UTF-8''J%C3%A4s, realm=\"api@example.org\", uri=\"/doc/index.html\"",
	"Digest realm=\"a\", realm=\"b\", nonce=\"0123456789abcdef0123456789abcdef\"",
	"DIGEST REALM=\"x\", Nonce=\"0123456789abcdef0123456789abcdef\", ALGORITHM=sha-256",
	"Digest  realm=\"x\" , nonce = \"0123456789abcdef0123456789abcdef\",\r\n qop=\"auth\"",
	"Digest realm=\"x\",\tnonce=\"0123456789abcdef0123456789abcdef\", opaque=\"a\\\"b\"",
	"Digest realm=\"caf\xc3\xa9.example.com\", nonce=\"0123456789abcdef0123456789abcdef\"",
	"Digest realm=\"x\", nonce=\"0123456789abcdef0123456789abcdef\", nc=0000001, response=\"xyz\"",
	"Digest response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1z\", "
	"uri=\"sip:[::1]\", algorithm=SHA-512-256-sess, qop=auth, nc=ffffffff",
	"Digest uri=\"sip:+12125551212\", realm=\"0123456789abcdef\", nonce=\"n\"",
	"Digest uri=\"x:a+%41\", realm=\"0123456789abcdef\", nonce=\"n\"",
	"Digest uri=\"sip:alice%zz.example.com\", realm=\"0123456789abcdef\", nonce=\"n\"",
	"Digest uri=\"sips:bob`x\", realm=\"0123456789abcdef0123456789\", stale=true, x-y=\"z\", "
	"x-y=z, qop=\"auth, auth-int\"",
	"Digest realm=\"x\", domain=\"\", nonce=\"0123456789abcdef0123456789abcdef\",",
	"Bearer realm=\"x\", scope=\"a b\", authz_server=\"https://as.example.com/\", "
	"error=\"invalid_token\"",
	"Bearer mF_9.B5f-4.1JqM",
	"Basic realm=\"0123456789abcdef0123456789abcdef\"",
	"nextnonce=\"0123456789abcdef0123456789abcdef\", qop=auth, "
	"rspauth=\"6629fae49393a05397450978507c4ef1\", cnonce=\"0a4f113b\", nc=00000001, x=\"y\"",
	/* for the verdict walk of full validation: 32 bytes and more after
	 * "Digest ", upper case names, URIs next to scheme ":" token */
	"Digest USERNAME=\"bob\", Realm=\"biloxi.example.com\", NONCE=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", "
	"URI=\"sip:registrar.biloxi.example.com\", Response=\"753927fa0e85d155564e2e272a28d1802ca10daf\", "
	"Algorithm=SHA-256, CNonce=\"0a4f113b\", Opaque=\"5ccc069c403e\", QOP=auth, NC=00000001",
	"Digest username=\"bob\", realm=\"biloxi.example.com\", uri=\"sip:+1@b\", nonce=\"0123456789\"",
	"Digest username=\"bob\", realm=\"biloxi.example.com\", uri=\"1ip:a\", nonce=\"0123456789\"",
	"Digest username=\"bob\", realm=\"biloxi.example.com\", uri=\"s_p:a\", nonce=\"0123456789\"",
	"Digest username=\"bob\", realm=\"biloxi.example.com\", uri=\"sip:\", nonce=\"0123456789\"",
	"Digest username=\"bob\", realm=\"biloxi.example.com\", uri=\"sip:a`b\", nonce=\"0123456789\"",
	"Digest username=\"bob\", realm=\"biloxi.example.com\", uri=\"sip:a b\", nonce=\"0123456789\"",
	"Digest username=\"bob\", realm=\"biloxi.example.com\", uri=sip, nonce=\"0123456789\", nc=\"00000001\"",
	"Digest username=\"bob\", realm=\"biloxi.example.com\", response=abc, algorithm=\"MD5\", qop=\"a\"",
	"Digest realm=\"biloxi.example.com\", qop=\"auth, auth-int\", stale=TRUE, domain=\"sip:a sip:b\", "
	"charset=utf-8, userhash=FALSE, algorithm=\"\", nonce=\"0123456789abcdef0123456789abcdef\"",
	"Digest realm=\"biloxi.example.com\", qop=\"\", stale=maybe, domain=sip, charset=UTF-16",
	"Digest nonce=\"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\", realm=\"x\", x=y",
	"Digest x-y=\"z\", nextnonce=\"abc\", rspauth=\"12\", scope=a, error=b, authz_server=c, xx=\"01234567\"",
	"Digest realm=\"biloxi.example.com\",nonce=\"0123456789abcdef\",,opaque=\"x\"",
	"Digest realm=\"biloxi.example.com\", nonce=\"0123456789abcdef\"  , opaque=\"x\"",
};

/*
 * RFC 3261 25 (with RFC 8760 and RFC 7616): the fast path of the common
 * parameter list ("Digest" SP name=token / name="text" separated by ", ")
 * answers only as the whole grammar does. Every prefix of values of the
 * common shape and of shapes next to it (white space, folds, upper case,
 * a name twice, username*, escapes, bad values, other schemes), each
 * parser, default and strict, SIMD 2, 1 and 0: the same code, error
 * offset and rule, and the same sift_auth field by field.
 */
static void test_rfc3261_25_digest_fast_path_gives_what_the_grammar_gives(void **state)
{
	(void)state;
	static const unsigned modes[] = { 0, SIFT_OPT_STRICT };
	for (size_t i = 0; i < sizeof fast_path_values / sizeof fast_path_values[0]; i++) {
		size_t n = strlen(fast_path_values[i]);
		for (size_t len = 0; len <= n; len++) {
			char *copy = malloc(len ? len : 1);
			memcpy(copy, fast_path_values[i], len);
			sift_span value = { 0, (uint32_t)len };
			for (unsigned which = 0; which < 3; which++) {
				for (size_t m = 0; m < 2; m++) {
					sift_auth general, fast;
					sift_error general_err = { 0 }, fast_err = { 0 };
					sift__use_simd = 0;
					sift_code general_code = sift__auth_parse_general(
						copy, value, modes[m], which, &general, &general_err);
					for (int simd = 2; simd >= 0; simd--) {
						sift__use_simd = simd;
						sift_code code =
							which == 0   ? sift_challenge_parse(copy, value, modes[m], &fast, &fast_err)
							: which == 1 ? sift_credentials_parse(copy, value, modes[m], &fast, &fast_err)
								     : sift_auth_info_parse(copy, value, modes[m], &fast, &fast_err);
						if (code != general_code || !auths_equal(&fast, &general) ||
						    (code != SIFT_OK &&
						     (fast_err.offset != general_err.offset ||
						      strcmp(fast_err.rule, general_err.rule) != 0)))
							fail_msg("value %zu prefix %zu parser %u mode %zu simd %d: "
								 "the fast path and the grammar differ",
								 i, len, which, m, simd);
					}
				}
			}
			sift__use_simd = 2;
			free(copy);
		}
	}
}

/*
 * RFC 3261 25 (with RFC 8760 and RFC 7616): full validation's verdict-only
 * walk (sift__auth_accept) accepts only what sift_challenge_parse() and
 * sift_credentials_parse() accept in the default mode, on every prefix of
 * the values above at every SIMD level, and does accept the common shape
 * (the REGISTER and 401 of RFC 8760 2.6 and RFC 7616 3.9.1) where the CPU
 * has AVX2.
 */
static void test_rfc3261_25_digest_verdict_walk_accepts_only_what_the_parser_accepts(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof fast_path_values / sizeof fast_path_values[0]; i++) {
		size_t n = strlen(fast_path_values[i]);
		for (size_t len = 0; len <= n; len++) {
			char *copy = malloc(len ? len : 1);
			memcpy(copy, fast_path_values[i], len);
			sift_span value = { 0, (uint32_t)len };
			for (unsigned which = 0; which < 2; which++) {
				sift_auth parsed;
				sift__use_simd = 0;
				sift_code code = sift__auth_parse_general(copy, value, 0, which, &parsed, NULL);
				for (int simd = 2; simd >= 0; simd--) {
					sift__use_simd = simd;
					if (sift__auth_accept(copy, value, which) && code != SIFT_OK)
						fail_msg("value %zu prefix %zu parser %u simd %d: the walk "
							 "accepts what the parser rejects",
							 i, len, which, simd);
				}
			}
			sift__use_simd = 2;
			free(copy);
		}
	}
	if (!__builtin_cpu_supports("avx2"))
		return;
	static const unsigned accepted[][2] = { { 0, 1 }, { 1, 0 }, { 2, 0 }, { 22, 1 }, { 34, 0 } };
	for (size_t k = 0; k < sizeof accepted / sizeof accepted[0]; k++) {
		const char *text = fast_path_values[accepted[k][0]];
		sift_span value = { 0, (uint32_t)strlen(text) };
		assert_int_equal(sift__auth_accept(text, value, accepted[k][1]), 1);
	}
}

/* The walk's byte classes (token, qdtext, LHEX; RFC 3261 25), each of the
 * 256 bytes in a token value, a quoted-string and a response of the
 * common shape: where the CPU has AVX2, the walk accepts a token or LHEX
 * byte exactly where the parser does, and a quoted byte only where the
 * parser does. */
static void test_rfc3261_25_digest_verdict_walk_byte_classes(void **state)
{
	(void)state;
	if (!__builtin_cpu_supports("avx2"))
		return;
	static const char *const shapes[] = {
		"Digest realm=\"biloxi.example.com\", x=a?b, nonce=\"0123456789abcdef\"",
		"Digest username=\"bob\", response=\"0123456789abcdef?0123456789abcdef\", realm=\"biloxi\"",
		"Digest realm=\"biloxi.example.com\", opaque=\"a?b\", nonce=\"0123456789abcdef\"",
	};
	sift__use_simd = 2;
	for (size_t k = 0; k < sizeof shapes / sizeof shapes[0]; k++) {
		size_t n = strlen(shapes[k]);
		size_t at = (size_t)(strchr(shapes[k], '?') - shapes[k]);
		char *copy = malloc(n);
		memcpy(copy, shapes[k], n);
		sift_span value = { 0, (uint32_t)n };
		for (unsigned byte = 0; byte < 256; byte++) {
			copy[at] = (char)byte;
			sift_auth parsed;
			int ok = sift_credentials_parse(copy, value, 0, &parsed, NULL) == SIFT_OK;
			int accepted = sift__auth_accept(copy, value, 1);
			if (k < 2 ? accepted != ok : accepted && !ok)
				fail_msg("shape %zu byte 0x%02x: walk %d, parser %d", k, byte, accepted, ok);
		}
		free(copy);
	}
}

/*
 * RFC 3261 25 (with RFC 8760 and RFC 7616): on values of the walk's shape
 * ("Digest" SP, name=token / name="qdtext" joined by ", ", names of up to
 * 15 bytes, no username*), sift__auth_accept gives the parser's answer in
 * the default mode, yes and no: every name the walk tells apart in lower,
 * upper and mixed case, names next to them (one letter off, one longer or
 * shorter, the 8-byte names before and after the 9-byte ones), with values
 * that each known name's rule takes or refuses, in a challenge and in
 * credentials. Where the CPU has AVX2 and BMI2.
 */
static void test_rfc3261_25_digest_verdict_walk_answers_as_the_parser(void **state)
{
	(void)state;
	if (!__builtin_cpu_supports("avx2") || !__builtin_cpu_supports("bmi2"))
		return;
	static const char *const names[] = {
		"realm", "domain", "nonce", "opaque", "stale", "algorithm", "qop", "charset",
		"userhash", "username", "uri", "response", "cnonce", "nc", "REALM", "Domain",
		"NONCE", "OpAqUe", "STALE", "ALGORITHM", "Algorithm", "QOP", "CharSet", "USERHASH",
		"UserName", "URI", "Response", "CNonce", "NC", "nC", "blgorith", "algorith",
		"algorithmm", "algorithn", "vsername", "tserhash", "usernamf", "usernamee",
		"userhasg", "responsf", "qresponse", "nonc", "noncf", "nonces", "cnoncf", "ncc",
		"n", "x", "urj", "urii", "qoq", "stalf", "domaim", "realn", "opaquf", "charseu",
		"x-y", "a.b", "nextnonce", "rspauth", "scope", "error", "authz_server",
		"abcdefghijklmno", "nonce_count", "realm-x", "ALGORITHm", "zzzzzzzzz",
	};
	static const char *const values[] = {
		"\"0123456789abcdef0123456789abcdef\"", "\"\"", "MD5", "SHA-256-sess", "00000001",
		"0000000g", "000000001", "\"auth\"", "auth", "\"auth,auth-int\"", "\"auth, auth-int\"",
		"\"sip:biloxi.example.com\"", "\"SIP:a.b\"", "\"sip:+1\"", "\"x:y%41\"", "\"sips:a`b\"",
		"\"sip:bob@biloxi.example.com\"", "true", "FALSE", "maybe", "\"a b\"", "x%y", "UTF-8",
		"\"utf-8\"", "\"0123456789ABCDEF\"", "\"MD5\"", "\"M D5\"", "sip",
		"\"00000001\"", "\"0000001\"", "\"00000001 \"", "\"sip:\"", "\"sip:a\"",
		"\"SIP:%41\"", "\"sip:a b\"", "\"sIp:+a\"", "\"tel:+1\"", "\"auth-int\"",
	};
	char text[512];
	sift__use_simd = 2;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		for (size_t j = 0; j < sizeof values / sizeof values[0]; j++) {
			for (unsigned which = 0; which < 2; which++) {
				for (unsigned at = 0; at < 2; at++) {
					/* the parameter first, and between two others */
					int n = at == 0 ? snprintf(text, sizeof text,
								   "Digest %s=%s, realm=\"biloxi.example.com\", x=\"0123456789\"",
								   names[i], values[j])
							: snprintf(text, sizeof text,
								   "Digest cnonce=\"0a4f113b\",%s=%s, y=\"0123456789abcdef\"",
								   names[i], values[j]);
					sift_span value = { 0, (uint32_t)n };
					sift_auth parsed;
					int ok = sift__auth_parse_general(text, value, 0, which, &parsed, NULL) ==
						 SIFT_OK;
					int walk = sift__auth_accept(text, value, which);
					if (walk != ok)
						fail_msg("%s (parser %u): the walk says %d, the parser %d", text,
							 which, walk, ok);
				}
			}
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc3261_20_7_authorization_example),
		cmocka_unit_test(test_rfc3261_20_28_proxy_authorization_example),
		cmocka_unit_test(test_rfc3261_20_27_proxy_authenticate_example),
		cmocka_unit_test(test_rfc3261_20_44_www_authenticate_example),
		cmocka_unit_test(test_rfc3261_20_6_authentication_info_example),
		cmocka_unit_test(test_rfc3261_22_2_digest_examples),
		cmocka_unit_test(test_rfc4475_3_3_7_unknown_scheme),
		cmocka_unit_test(test_rfc8760_2_7_algorithm_values),
		cmocka_unit_test(test_rfc8760_2_7_empty_response_allowed),
		cmocka_unit_test(test_rfc8760_2_7_response_length_per_algorithm),
		cmocka_unit_test(test_rfc7616_3_9_1_sha256_and_md5_examples),
		cmocka_unit_test(test_rfc7616_3_9_2_userhash_charset_username_star),
		cmocka_unit_test(test_rfc7616_3_4_username_and_username_star_is_an_error),
		cmocka_unit_test(test_rfc7235_2_1_known_parameter_twice_is_rejected),
		cmocka_unit_test(test_rfc7616_quoting_liberal_by_default_exact_when_strict),
		cmocka_unit_test(test_rfc3261_25_auth_scheme_and_lws),
		cmocka_unit_test(test_rfc3261_25_param_lists),
		cmocka_unit_test(test_rfc3261_25_digest_cln_values),
		cmocka_unit_test(test_rfc3261_25_dig_resp_values),
		cmocka_unit_test(test_rfc3261_20_6_ainfo_unknown_parameter_strict_only),
		cmocka_unit_test(test_rfc6750_2_1_bearer_b64token),
		cmocka_unit_test(test_rfc8898_4_bearer_challenge),
		cmocka_unit_test(test_rfc8898_4_bearer_challenge_values_strict),
		cmocka_unit_test(test_auth_param_next_walks_every_parameter),
		cmocka_unit_test(test_rfc3329_examples),
		cmocka_unit_test(test_rfc3329_2_2_malformed),
		cmocka_unit_test(test_message_validation_runs_the_auth_parsers),
		cmocka_unit_test(test_rfc3261_25_digest_fast_path_gives_what_the_grammar_gives),
		cmocka_unit_test(test_rfc3261_25_digest_verdict_walk_accepts_only_what_the_parser_accepts),
		cmocka_unit_test(test_rfc3261_25_digest_verdict_walk_byte_classes),
		cmocka_unit_test(test_rfc3261_25_digest_verdict_walk_answers_as_the_parser),
	};
	int failed = cmocka_run_group_tests_name("auth", tests, NULL, NULL);
	free(buf);
	return failed;
}
