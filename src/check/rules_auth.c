/*
 * src/check/rules_auth.c - lint rules of the auth family: RFC 8760 (Digest
 * algorithms, digest lengths, qop, challenge order) and RFC 8898 (Bearer
 * credentials and challenges, with RFC 6750 2.1).
 *
 * Values that do not parse in the default mode are left to
 * rfc3261-header-syntax; these rules look at values that do. Checking that
 * credentials use an algorithm the challenge offered needs the challenge,
 * which is in another message: not done here.
 */
#include <string.h>
#include "sipsift/check.h"
#include "sipsift/auth.h"
#include "grammar/internal.h"
#include "check/internal.h"

#define report sift__report

/* At most this many Digest challenges of one response are compared with
 * each other (rfc8760-same-realm-same-algorithm): the comparison is
 * quadratic, and real responses carry a handful. */
#define MAX_COMPARED 32

typedef struct challenge_seen {
	uint16_t header_id;
	sift_digest_alg alg;
	sift_span realm;
	sift_span algorithm;
	sift_span value;
} challenge_seen;

/* MD5 unless an algorithm says otherwise (RFC 7616 3.3). */
static int is_md5(sift_digest_alg alg)
{
	return alg == SIFT_DIGEST_ALG_NONE || alg == SIFT_DIGEST_ALG_MD5 ||
	       alg == SIFT_DIGEST_ALG_MD5_SESS;
}

static int same_algorithm(const char *buf, const challenge_seen *a, const challenge_seen *b)
{
	sift_digest_alg x = a->alg == SIFT_DIGEST_ALG_NONE ? SIFT_DIGEST_ALG_MD5 : a->alg;
	sift_digest_alg y = b->alg == SIFT_DIGEST_ALG_NONE ? SIFT_DIGEST_ALG_MD5 : b->alg;
	if (x != y)
		return 0;
	return x != SIFT_DIGEST_ALG_OTHER || sift__spans_equal_nocase(buf, a->algorithm, b->algorithm);
}

/* The auth-scheme token a value starts with, whether or not the rest parses. */
static int scheme_is(const char *buf, sift_span value, const char *scheme)
{
	const char *p = buf + value.off, *end = p + value.len;
	p = sift__skip_sws(p, end);
	const char *q = sift__match_token(p, end);
	return q && sift__equal_nocase(p, (size_t)(q - p), scheme);
}

/* RFC 8760 2.1: the algorithm is one of the registry's (RFC 7616 6.1). */
static void check_algorithm_registered(sift__checker *c, const sift_auth *a)
{
	if (a->alg == SIFT_DIGEST_ALG_OTHER)
		report(c, SIFT_RULE_RFC8760_ALGORITHM_UNREGISTERED, a->algorithm.off, a->algorithm.len,
		       "algorithm=%.*s", (int)a->algorithm.len, c->buf + a->algorithm.off);
}

/* RFC 8760 2.6 (Basic), for challenges and credentials alike. */
static void check_basic(sift__checker *c, const sift_header *h)
{
	if (scheme_is(c->buf, h->value, "Basic"))
		report(c, SIFT_RULE_RFC8760_BASIC_SCHEME, h->value.off, h->value.len, "%s: Basic",
		       sift_header_name((sift_header_id)h->id));
}

static void check_challenges(sift__checker *c)
{
	static const sift_header_id ids[] = { SIFT_H_WWW_AUTHENTICATE, SIFT_H_PROXY_AUTHENTICATE };
	const sift_msg *msg = c->msg;
	challenge_seen seen[MAX_COMPARED];
	unsigned seen_count = 0, digest_count = 0, md5_count = 0;
	const sift_header *first_digest = NULL;
	sift_auth a;
	sift_error err;

	for (size_t k = 0; k < 2; k++) {
		for (uint32_t i = sift_msg_first(msg, ids[k]); i != SIFT_NONE; i = sift_msg_next(msg, i)) {
			const sift_header *h = &msg->headers[i];
			const char *name = sift_header_name(ids[k]);
			check_basic(c, h);
			if (sift__check_parsed(c, i, SIFT__PARSE_CHALLENGE, 0, &a, NULL) != SIFT_OK)
				continue;
			if (a.scheme == SIFT_AUTH_BEARER) {
				/* RFC 8898 4 Figure 3 (what the default parse leaves
				 * to the strict one) and 2.2/2.3: the AS address. */
				sift_auth strict;
				if (sift_challenge_parse(c->buf, h->value, SIFT_OPT_STRICT, &strict, &err) != SIFT_OK)
					report(c, SIFT_RULE_RFC8898_BEARER_CHALLENGE_SYNTAX, err.offset,
					       err.offset < h->value.off + h->value.len ? 1 : 0,
					       "%s: expected %s", name, err.rule);
				if (!sift_auth_has(&a, SIFT_AUTHP_AUTHZ_SERVER))
					report(c, SIFT_RULE_RFC8898_BEARER_NO_AUTHZ_SERVER, h->value.off,
					       h->value.len, "%s: Bearer without authz_server", name);
				continue;
			}
			if (a.scheme != SIFT_AUTH_DIGEST)
				continue;
			digest_count++;
			if (!first_digest)
				first_digest = h;
			if (is_md5(a.alg))
				md5_count++;
			check_algorithm_registered(c, &a);
			/* RFC 8760 2.6 item 8: "A UAS MUST always send a qop parameter" */
			if (!sift_auth_has(&a, SIFT_AUTHP_QOP))
				report(c, SIFT_RULE_RFC8760_QOP_MISSING, h->value.off, h->value.len,
				       "%s without qop", name);
			/* RFC 8760 2.3: one algorithm per realm and header field name. */
			if (!sift_auth_has(&a, SIFT_AUTHP_REALM) || seen_count == MAX_COMPARED)
				continue;
			challenge_seen now = { (uint16_t)ids[k], a.alg, a.realm, a.algorithm, h->value };
			for (unsigned j = 0; j < seen_count; j++) {
				const challenge_seen *old = &seen[j];
				if (old->header_id != now.header_id || old->realm.len != now.realm.len ||
				    memcmp(c->buf + old->realm.off, c->buf + now.realm.off, now.realm.len) != 0 ||
				    !same_algorithm(c->buf, old, &now))
					continue;
				report(c, SIFT_RULE_RFC8760_SAME_REALM_SAME_ALGORITHM, h->value.off,
				       h->value.len, "%s: realm \"%.*s\", algorithm %.*s again", name,
				       (int)now.realm.len, c->buf + now.realm.off,
				       now.algorithm.len ? (int)now.algorithm.len : 3,
				       now.algorithm.len ? c->buf + now.algorithm.off : "MD5");
				break;
			}
			seen[seen_count++] = now;
		}
	}
	/* RFC 8760 3: MD5 "remains only for backward compatibility ... its use
	 * is NOT RECOMMENDED". A 401/407 whose every Digest challenge is MD5
	 * leaves a client no other choice. */
	if (msg->kind == SIFT_KIND_RESPONSE && (msg->status == 401 || msg->status == 407) &&
	    digest_count > 0 && md5_count == digest_count)
		report(c, SIFT_RULE_RFC8760_MD5_ONLY, first_digest->value.off, first_digest->value.len,
		       "%u Digest challenge%s, all MD5", digest_count, digest_count == 1 ? "" : "s");
}

/* Digest parameters that have no place in Bearer credentials. */
static int is_digest_param(sift_auth_param_id id)
{
	switch (id) {
	case SIFT_AUTHP_REALM: case SIFT_AUTHP_NONCE: case SIFT_AUTHP_OPAQUE:
	case SIFT_AUTHP_ALGORITHM: case SIFT_AUTHP_QOP: case SIFT_AUTHP_USERNAME:
	case SIFT_AUTHP_USERNAME_STAR: case SIFT_AUTHP_URI: case SIFT_AUTHP_RESPONSE:
	case SIFT_AUTHP_CNONCE: case SIFT_AUTHP_NC: case SIFT_AUTHP_USERHASH:
		return 1;
	default:
		return 0;
	}
}

/* RFC 8898 2.1.3, 2.1.4: Authorization with "Bearer" carries an access
 * token "as specified in [RFC6750]": "Bearer" 1*SP b64token (2.1). */
static void check_bearer_credentials(sift__checker *c, const sift_header *h)
{
	sift_auth a;
	sift_error err;
	const char *name = sift_header_name((sift_header_id)h->id);
	if (sift_credentials_parse(c->buf, h->value, SIFT_OPT_STRICT, &a, &err) == SIFT_OK ||
	    !err.rule || strcmp(err.rule, "b64token") != 0)
		return;
	/* What follows the scheme, read as auth-params. */
	const char *p = c->buf + h->value.off, *end = p + h->value.len;
	p = sift__skip_sws(p, end);
	p = sift__skip_sws(sift__match_token(p, end), end);
	sift_span rest = sift__span(c->buf, p, end);
	sift_auth_param param;
	while (sift_auth_param_next(c->buf, &rest, &param)) {
		if (is_digest_param(param.id)) {
			report(c, SIFT_RULE_RFC8898_BEARER_DIGEST_PARAMS, param.name.off, param.name.len,
			       "%s: Bearer with %.*s", name, (int)param.name.len, c->buf + param.name.off);
			return;
		}
	}
	report(c, SIFT_RULE_RFC8898_BEARER_TOKEN_SYNTAX, err.offset,
	       err.offset < h->value.off + h->value.len ? 1 : 0, "%s: expected b64token", name);
}

static void check_credentials(sift__checker *c)
{
	static const sift_header_id ids[] = { SIFT_H_AUTHORIZATION, SIFT_H_PROXY_AUTHORIZATION };
	const sift_msg *msg = c->msg;
	sift_auth a;
	for (size_t k = 0; k < 2; k++) {
		for (uint32_t i = sift_msg_first(msg, ids[k]); i != SIFT_NONE; i = sift_msg_next(msg, i)) {
			const sift_header *h = &msg->headers[i];
			const char *name = sift_header_name(ids[k]);
			check_basic(c, h);
			if (scheme_is(c->buf, h->value, "Bearer")) {
				check_bearer_credentials(c, h);
				continue;
			}
			if (sift__check_parsed(c, i, SIFT__PARSE_CREDENTIALS, 0, &a, NULL) != SIFT_OK ||
			    a.scheme != SIFT_AUTH_DIGEST)
				continue;
			check_algorithm_registered(c, &a);
			int has_response = sift_auth_has(&a, SIFT_AUTHP_RESPONSE) && a.response.len > 0;
			/* RFC 8760 2.6 item 8: "a UAC MUST send the qop parameter in
			 * any resulting authorization header field" (a response without
			 * a challenge yet has an empty response, 2.7). */
			if (has_response && !sift_auth_has(&a, SIFT_AUTHP_QOP))
				report(c, SIFT_RULE_RFC8760_QOP_MISSING, h->value.off, h->value.len,
				       "%s without qop", name);
			/* RFC 8760 2.2, 2.7: 32 hex digits for MD5, 64 for SHA-256 and
			 * SHA-512/256, at least 32 for another algorithm. */
			unsigned want = sift_digest_hex_length(a.alg);
			if (has_response && (want ? a.response.len != want : a.response.len < 32))
				report(c, SIFT_RULE_RFC8760_RESPONSE_LENGTH, a.response.off, a.response.len,
				       "%u hex digits for %.*s, want %s%u", (unsigned)a.response.len,
				       a.algorithm.len ? (int)a.algorithm.len : 3,
				       a.algorithm.len ? c->buf + a.algorithm.off : "MD5",
				       want ? "" : "at least ", want ? want : 32);
		}
	}
}

void sift__check_auth(sift__checker *c)
{
	check_challenges(c);
	check_credentials(c);
}
