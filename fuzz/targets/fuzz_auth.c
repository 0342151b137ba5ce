/*
 * fuzz/targets/fuzz_auth.c - the auth family's parsers on one value
 * (include/sipsift/auth.h).
 *
 * Input: selector byte, then the header value (fuzz_value_target() of
 * check.h, which also parses the value at offset 0 and at offset 1).
 *   byte 0: bit 7 SIFT_OPT_STRICT; (byte & 0x7F) % 4 picks, in the order of
 *   the table `parsers` below:
 *     0 sift_challenge_parse      2 sift_auth_info_parse
 *     1 sift_credentials_parse    3 sift_sec_mechanism_parse
 *
 * Invariants (abort on violation), besides the driver's (spans inside the
 * value, error reports, the same code without an error struct, the same
 * result shifted):
 *   - captured parameter values lie inside the parameter list; a
 *     parameter not captured has an empty span; the algorithm enum matches
 *     the algorithm text; nc is 8 digits and nonce_count their value;
 *   - sift_auth_param_next() walks the list of an accepted value to its
 *     end, inside it, and gives each captured parameter the same span;
 *     on any span (accepted or not) it ends and stays inside;
 *   - what strict accepts, the default mode accepts with the same parts
 *     (FUZZ_STRICT_SAME_RESULT).
 * And, on every input whatever its selector byte (the value is the input
 * after its first byte, in a heap copy of exactly its bytes), of the fast
 * path of src/hdr/auth.c (the common "name=value, " list): each of the
 * three auth parsers, default and strict, with sift__use_simd 2, 1 and 0,
 * returns what sift__auth_parse_general (the whole grammar alone, scalar
 * matchers) returns: the same code, error offset and rule, and the same
 * sift_auth, field by field; and where full validation's verdict-only
 * walk (sift__auth_accept, challenge and credentials, default mode) says
 * yes at any SIMD level, sift__auth_parse_general accepts the value.
 */
#include "check.h"
#include "hdr/internal.h" /* sift__auth_parse_general, sift__auth_accept, sift__use_simd */

/* sift__auth_parse_general's which; also the selector's parser order. */
enum { P_CHALLENGE, P_CREDENTIALS, P_AUTH_INFO };

static sift_code (*const auth_parsers[])(const char *, sift_span, unsigned, sift_auth *,
					  sift_error *) = {
	[P_CHALLENGE] = sift_challenge_parse,
	[P_CREDENTIALS] = sift_credentials_parse,
	[P_AUTH_INFO] = sift_auth_info_parse,
};

/* The captured values, in sift_auth_param_id order (index 0 unused). */
static void auth_values(const sift_auth *a, sift_span out[SIFT_AUTHP_COUNT])
{
	memset(out, 0, sizeof(sift_span) * SIFT_AUTHP_COUNT);
	out[SIFT_AUTHP_REALM] = a->realm;
	out[SIFT_AUTHP_DOMAIN] = a->domain;
	out[SIFT_AUTHP_NONCE] = a->nonce;
	out[SIFT_AUTHP_OPAQUE] = a->opaque;
	out[SIFT_AUTHP_STALE] = a->stale_value;
	out[SIFT_AUTHP_ALGORITHM] = a->algorithm;
	out[SIFT_AUTHP_QOP] = a->qop;
	out[SIFT_AUTHP_CHARSET] = a->charset;
	out[SIFT_AUTHP_USERHASH] = a->userhash_value;
	out[SIFT_AUTHP_USERNAME] = a->username;
	out[SIFT_AUTHP_USERNAME_STAR] = a->username_star;
	out[SIFT_AUTHP_URI] = a->uri;
	out[SIFT_AUTHP_RESPONSE] = a->response;
	out[SIFT_AUTHP_CNONCE] = a->cnonce;
	out[SIFT_AUTHP_NC] = a->nc;
	out[SIFT_AUTHP_NEXTNONCE] = a->nextnonce;
	out[SIFT_AUTHP_RSPAUTH] = a->rspauth;
	out[SIFT_AUTHP_SCOPE] = a->scope;
	out[SIFT_AUTHP_AUTHZ_SERVER] = a->authz_server;
	out[SIFT_AUTHP_ERROR] = a->error;
}

/* A walk over any span ends, each step consumes bytes, every part stays
 * inside. Returns the end of the last parameter's value (or the span's
 * start when there is none). */
static uint32_t walk_auth_params(const char *buf, sift_span params, const sift_auth *a)
{
	sift_span cursor = params, values[SIFT_AUTHP_COUNT];
	sift_auth_param param;
	uint32_t last_end = params.off;
	if (a)
		auth_values(a, values);
	for (;;) {
		uint32_t before = cursor.len;
		memset(&param, 0x5A, sizeof param);
		int more = sift_auth_param_next(buf, &cursor, &param);
		if (!fuzz_walk_step(more, cursor, before, params))
			return last_end;
		FUZZ_CHECK(param.name.len > 0);
		FUZZ_SPAN_WITHIN(param.name, params);
		FUZZ_SPAN_WITHIN(param.value, params);
		FUZZ_SPAN_WITHIN(param.content, param.value);
		FUZZ_CHECK(param.quoted <= 1);
		FUZZ_CHECK(param.quoted ? param.value.len >= 2 && param.content.len == param.value.len - 2
					: fuzz_span_eq(param.content, param.value));
		FUZZ_CHECK((unsigned)param.id < SIFT_AUTHP_COUNT);
		FUZZ_CHECK(param.id == sift_auth_param_lookup(buf + param.name.off, param.name.len));
		if (a && param.id != SIFT_AUTHP_OTHER && sift_auth_has(a, param.id))
			FUZZ_CHECK(fuzz_span_moved(values[param.id], param.content, 0));
		last_end = param.value.off + param.value.len;
	}
}

static void check_auth(const char *buf, sift_span value, const sift_auth *a, int which)
{
	sift_span values[SIFT_AUTHP_COUNT];
	FUZZ_CHECK(a->scheme <= SIFT_AUTH_OTHER);
	FUZZ_CHECK((a->scheme == SIFT_AUTH_NONE) == (which == P_AUTH_INFO));
	FUZZ_CHECK((a->present & ~((1u << SIFT_AUTHP_COUNT) - 1u)) == 0 && !(a->present & 1u));
	FUZZ_SPAN_WITHIN(a->scheme_name, value);
	FUZZ_SPAN_WITHIN(a->params, value);
	FUZZ_SPAN_WITHIN(a->token, value);
	FUZZ_CHECK(a->scheme == SIFT_AUTH_NONE || a->scheme_name.len > 0);
	if (a->token.len) {
		FUZZ_CHECK(a->scheme == SIFT_AUTH_BEARER && which == P_CREDENTIALS);
		FUZZ_CHECK(a->params.len == 0 && a->present == 0);
	} else {
		FUZZ_CHECK(a->params.len > 0);
	}
	auth_values(a, values);
	for (unsigned id = 1; id < SIFT_AUTHP_COUNT; id++) {
		if (sift_auth_has(a, (sift_auth_param_id)id))
			FUZZ_SPAN_WITHIN(values[id], a->params);
		else
			FUZZ_CHECK(values[id].len == 0);
	}
	FUZZ_CHECK(sift_auth_has(a, SIFT_AUTHP_ALGORITHM) == (a->alg != SIFT_DIGEST_ALG_NONE));
	if (a->alg != SIFT_DIGEST_ALG_NONE)
		FUZZ_CHECK(a->alg == sift_digest_alg_lookup(buf + a->algorithm.off, a->algorithm.len));
	if (sift_auth_has(a, SIFT_AUTHP_NC)) {
		uint32_t n = 0;
		FUZZ_CHECK(a->nc.len == 8);
		for (uint32_t i = 0; i < 8; i++) {
			char ch = buf[a->nc.off + i];
			FUZZ_CHECK((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'));
			n = n * 16 + (uint32_t)(ch <= '9' ? ch - '0' : ch - 'a' + 10);
		}
		FUZZ_CHECK(n == a->nonce_count);
	} else {
		FUZZ_CHECK(a->nonce_count == 0);
	}
	FUZZ_CHECK(a->stale <= 1 && a->userhash <= 1);
	/* the walk reaches the end of an accepted list */
	uint32_t end = walk_auth_params(buf, a->params, a);
	FUZZ_CHECK(a->params.len == 0 || end == a->params.off + a->params.len);
}

static void check_sec(const char *buf, sift_span value, const sift_sec_mechanism *m)
{
	FUZZ_CHECK(m->mechanism <= SIFT_SEC_MECH_IPSEC_MAN);
	FUZZ_CHECK(m->name.len > 0);
	FUZZ_SPAN_WITHIN(m->name, value);
	FUZZ_SPAN_WITHIN(m->params, value);
	FUZZ_CHECK(m->has_q <= 1 && m->has_d_alg <= 1 && m->has_d_qop <= 1 && m->has_d_ver <= 1);
	FUZZ_CHECK(m->q_thousandths <= 1000);
	FUZZ_CHECK(m->has_q || m->q_thousandths == 1000);
	FUZZ_CHECK(m->has_q == (m->q.len > 0));
	FUZZ_CHECK(m->has_d_alg == (m->d_alg.len > 0));
	FUZZ_CHECK(m->has_d_qop == (m->d_qop.len > 0));
	FUZZ_CHECK(m->has_d_ver == (m->d_ver.len > 0));
	FUZZ_SPAN_WITHIN(m->q, m->params);
	FUZZ_SPAN_WITHIN(m->d_alg, m->params);
	FUZZ_SPAN_WITHIN(m->d_qop, m->params);
	FUZZ_SPAN_WITHIN(m->d_ver, m->params);
	fuzz_walk_params(buf, m->params, 1);
}

/* arg: P_CHALLENGE, P_CREDENTIALS or P_AUTH_INFO */
static sift_code run_auth(const fuzz_value *v, fuzz_parsed *out)
{
	sift_auth a;
	sift_span values[SIFT_AUTHP_COUNT];
	memset(&a, 0x5A, sizeof a); /* the parser clears it */
	sift_code code = auth_parsers[v->arg](v->buf, v->value, v->options, &a, v->err);
	fuzz_add(out, a.scheme_name); fuzz_add(out, a.params); fuzz_add(out, a.token);
	auth_values(&a, values);
	for (unsigned id = 1; id < SIFT_AUTHP_COUNT; id++)
		fuzz_add(out, values[id]);
	fuzz_num(out, a.scheme);
	fuzz_num(out, a.present);
	fuzz_num(out, a.alg);
	fuzz_num(out, a.nonce_count);
	fuzz_num(out, (uint32_t)a.stale << 1 | a.userhash);
	if (code == SIFT_OK)
		check_auth(v->buf, v->value, &a, v->arg);
	return code;
}

static sift_code run_sec_mechanism(const fuzz_value *v, fuzz_parsed *out)
{
	sift_sec_mechanism m;
	memset(&m, 0x5A, sizeof m); /* the parser clears it */
	sift_code code = sift_sec_mechanism_parse(v->buf, v->value, v->options, &m, v->err);
	fuzz_add(out, m.name); fuzz_add(out, m.params); fuzz_add(out, m.q); fuzz_add(out, m.d_alg);
	fuzz_add(out, m.d_qop); fuzz_add(out, m.d_ver);
	fuzz_num(out, m.mechanism);
	fuzz_num(out, m.q_thousandths);
	fuzz_num(out, (uint32_t)m.has_q << 3 | (uint32_t)m.has_d_alg << 2 |
			      (uint32_t)m.has_d_qop << 1 | m.has_d_ver);
	if (code == SIFT_OK)
		check_sec(v->buf, v->value, &m);
	return code;
}

/* The iterator on any text: ends, stays inside. */
static void walk_any_text(const char *buf, sift_span value)
{
	walk_auth_params(buf, value, NULL);
}

static const fuzz_value_parser parsers[] = {
	{ run_auth, P_CHALLENGE },
	{ run_auth, P_CREDENTIALS },
	{ run_auth, P_AUTH_INFO },
	{ run_sec_mechanism, 0 },
};

/* Field by field, the captured values through auth_values(). */
static int auths_equal(const sift_auth *a, const sift_auth *b)
{
	sift_span va[SIFT_AUTHP_COUNT], vb[SIFT_AUTHP_COUNT];
	auth_values(a, va);
	auth_values(b, vb);
	for (unsigned id = 1; id < SIFT_AUTHP_COUNT; id++)
		if (!fuzz_span_eq(va[id], vb[id]))
			return 0;
	return a->scheme == b->scheme && fuzz_span_eq(a->scheme_name, b->scheme_name) &&
	       fuzz_span_eq(a->params, b->params) && fuzz_span_eq(a->token, b->token) &&
	       a->present == b->present && a->alg == b->alg && a->nonce_count == b->nonce_count &&
	       a->stale == b->stale && a->userhash == b->userhash;
}

static void check_fast_path(const uint8_t *data, size_t size)
{
	static const unsigned modes[] = { 0, SIFT_OPT_STRICT };
	if (size < 1)
		return;
	size_t len = size - 1;
	char *copy = fuzz_dup(data + 1, len);
	sift_span value = { 0, (uint32_t)len };
	for (unsigned which = P_CHALLENGE; which <= P_AUTH_INFO; which++) {
		for (size_t m = 0; m < sizeof modes / sizeof modes[0]; m++) {
			sift_auth general, fast;
			sift_error general_err = { 0 }, fast_err = { 0 };
			sift__use_simd = 0;
			sift_code general_code = sift__auth_parse_general(copy, value, modes[m], which,
									  &general, &general_err);
			for (int simd = 2; simd >= 0; simd--) {
				sift__use_simd = simd;
				sift_code code = auth_parsers[which](copy, value, modes[m], &fast, &fast_err);
				if (code != general_code || !auths_equal(&fast, &general) ||
				    (code != SIFT_OK && (fast_err.offset != general_err.offset ||
							 strcmp(fast_err.rule, general_err.rule) != 0))) {
					fprintf(stderr, "fuzz_auth: the fast path and the general path differ "
							"(parser %u, options 0x%x, simd %d; codes %d, %d)\n",
						which, modes[m], simd, (int)code, (int)general_code);
					abort();
				}
			}
			for (int simd = 2; simd >= 0 && modes[m] == 0 && which != P_AUTH_INFO; simd--) {
				sift__use_simd = simd;
				if (sift__auth_accept(copy, value, which) && general_code != SIFT_OK) {
					fprintf(stderr, "fuzz_auth: the verdict walk accepts what the "
							"parser rejects (parser %u, simd %d; code %d)\n",
						which, simd, (int)general_code);
					abort();
				}
			}
			sift__use_simd = 2;
		}
	}
	free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const fuzz_value_table table = {
		parsers, sizeof parsers / sizeof parsers[0], FUZZ_STRICT_SAME_RESULT, walk_any_text
	};
	check_fast_path(data, size);
	return fuzz_value_target(&table, data, size);
}
