/*
 * tools/sipsift/typed_auth.c - `sipsift dump --typed` for the auth family:
 * challenges, credentials and Authentication-Info as "auth" (scheme,
 * captured Digest/Bearer parameters, every auth-param), Security-Client,
 * -Server and -Verify as "sec_mechanism".
 */
#include <stddef.h>
#include "typed.h"

static const char *scheme_name(sift_auth_scheme scheme)
{
	switch (scheme) {
	case SIFT_AUTH_DIGEST: return "digest";
	case SIFT_AUTH_BEARER: return "bearer";
	case SIFT_AUTH_OTHER: return "other";
	default: return NULL;
	}
}

static const char *alg_name(sift_digest_alg alg)
{
	static const char *const names[] = {
		NULL, "MD5", "MD5-sess", "SHA-256", "SHA-256-sess", "SHA-512-256",
		"SHA-512-256-sess", "other",
	};
	return (unsigned)alg < sizeof names / sizeof names[0] ? names[alg] : NULL;
}

/* "key":"value" for each captured parameter, in sift_auth_param_id order. */
static void auth_fields(FILE *out, const char *buf, const sift_auth *a)
{
	static const struct {
		const char *key;
		sift_auth_param_id id;
		size_t offset;
	} fields[] = {
#define FIELD(key, id, member) { key, id, offsetof(sift_auth, member) }
		FIELD("realm", SIFT_AUTHP_REALM, realm),
		FIELD("domain", SIFT_AUTHP_DOMAIN, domain),
		FIELD("nonce", SIFT_AUTHP_NONCE, nonce),
		FIELD("opaque", SIFT_AUTHP_OPAQUE, opaque),
		FIELD("stale", SIFT_AUTHP_STALE, stale_value),
		FIELD("algorithm", SIFT_AUTHP_ALGORITHM, algorithm),
		FIELD("qop", SIFT_AUTHP_QOP, qop),
		FIELD("charset", SIFT_AUTHP_CHARSET, charset),
		FIELD("userhash", SIFT_AUTHP_USERHASH, userhash_value),
		FIELD("username", SIFT_AUTHP_USERNAME, username),
		FIELD("username*", SIFT_AUTHP_USERNAME_STAR, username_star),
		FIELD("uri", SIFT_AUTHP_URI, uri),
		FIELD("response", SIFT_AUTHP_RESPONSE, response),
		FIELD("cnonce", SIFT_AUTHP_CNONCE, cnonce),
		FIELD("nc", SIFT_AUTHP_NC, nc),
		FIELD("nextnonce", SIFT_AUTHP_NEXTNONCE, nextnonce),
		FIELD("rspauth", SIFT_AUTHP_RSPAUTH, rspauth),
		FIELD("scope", SIFT_AUTHP_SCOPE, scope),
		FIELD("authz_server", SIFT_AUTHP_AUTHZ_SERVER, authz_server),
		FIELD("error", SIFT_AUTHP_ERROR, error),
#undef FIELD
	};
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		if (!sift_auth_has(a, fields[i].id))
			continue;
		const sift_span *s = (const sift_span *)(const void *)((const char *)a + fields[i].offset);
		typed_comma_span(out, fields[i].key, buf, *s, 1);
	}
}

static void auth_params(FILE *out, const char *buf, sift_span params)
{
	sift_auth_param param;
	int first = 1;
	fputs("\"params\":[", out);
	while (sift_auth_param_next(buf, &params, &param)) {
		fputs(first ? "{" : ",{", out);
		first = 0;
		typed_span(out, "name", buf, param.name, 1);
		typed_comma_span(out, "value", buf, param.content, 1);
		typed_comma_bool(out, "quoted", param.quoted);
		fputc('}', out);
	}
	fputc(']', out);
}

static int auth_value_json(FILE *out, const char *buf, sift_header_id id, sift_span value)
{
	sift_auth a;
	sift_code code;
	if (id == SIFT_H_WWW_AUTHENTICATE || id == SIFT_H_PROXY_AUTHENTICATE)
		code = sift_challenge_parse(buf, value, 0, &a, NULL);
	else if (id == SIFT_H_AUTHORIZATION || id == SIFT_H_PROXY_AUTHORIZATION)
		code = sift_credentials_parse(buf, value, 0, &a, NULL);
	else
		code = sift_auth_info_parse(buf, value, 0, &a, NULL);
	if (code != SIFT_OK)
		return 0;
	fputs(",\"auth\":{", out);
	typed_name(out, "scheme", scheme_name(a.scheme));
	typed_comma_span(out, "scheme_name", buf, a.scheme_name, a.scheme != SIFT_AUTH_NONE);
	if (a.scheme == SIFT_AUTH_BEARER && a.token.len)
		typed_comma_span(out, "token", buf, a.token, 1);
	if (sift_auth_has(&a, SIFT_AUTHP_ALGORITHM))
		fprintf(out, ",\"algorithm_id\":\"%s\"", alg_name(a.alg));
	if (sift_auth_has(&a, SIFT_AUTHP_NC))
		typed_comma_uint(out, "nonce_count", a.nonce_count, 1);
	auth_fields(out, buf, &a);
	fputc(',', out);
	auth_params(out, buf, a.params);
	fputc('}', out);
	return 1;
}

static int sec_mechanism_json(FILE *out, const char *buf, sift_span value)
{
	static const char *const names[] = { "other", "digest", "tls", "ipsec-ike", "ipsec-man" };
	sift_sec_mechanism m;
	if (sift_sec_mechanism_parse(buf, value, 0, &m, NULL) != SIFT_OK)
		return 0;
	fprintf(out, ",\"sec_mechanism\":{\"mechanism\":\"%s\",", names[m.mechanism]);
	typed_span(out, "name", buf, m.name, 1);
	typed_comma_q(out, m.q_thousandths, m.has_q);
	typed_comma_span(out, "d_alg", buf, m.d_alg, m.has_d_alg);
	typed_comma_span(out, "d_qop", buf, m.d_qop, m.has_d_qop);
	typed_comma_span(out, "d_ver", buf, m.d_ver, m.has_d_ver);
	typed_comma_params_end(out, buf, m.params);
	return 1;
}

int typed_auth_json(FILE *out, const char *buf, sift_header_id id, sift_span value)
{
	switch (id) {
	case SIFT_H_WWW_AUTHENTICATE:
	case SIFT_H_PROXY_AUTHENTICATE:
	case SIFT_H_AUTHORIZATION:
	case SIFT_H_PROXY_AUTHORIZATION:
	case SIFT_H_AUTHENTICATION_INFO:
		return auth_value_json(out, buf, id, value);
	case SIFT_H_SECURITY_CLIENT:
	case SIFT_H_SECURITY_SERVER:
	case SIFT_H_SECURITY_VERIFY:
		return sec_mechanism_json(out, buf, value);
	default:
		return 0;
	}
}
