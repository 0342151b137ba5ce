/*
 * fuzz/targets/fuzz_auth.c - the auth family's parsers on one value
 * (include/sipsift/auth.h).
 *
 * Input: selector byte, then the header value.
 *   byte 0: bit 7 SIFT_OPT_STRICT; (byte & 0x7F) % PARSER_COUNT picks:
 *     0 sift_challenge_parse      2 sift_auth_info_parse
 *     1 sift_credentials_parse    3 sift_sec_mechanism_parse
 *
 * The value is parsed from a heap copy of exactly its bytes (span at
 * offset 0), then again at offset 1 of the original input (after the
 * selector byte).
 * Invariants (abort on violation):
 *   - every span the parser returns lies inside the value; captured
 *     parameter values lie inside the parameter list; a parameter not
 *     captured has an empty span; the algorithm enum matches the
 *     algorithm text; nc is 8 digits and nonce_count their value;
 *   - sift_auth_param_next() walks the list of an accepted value to its
 *     end, inside it, and gives each captured parameter the same span;
 *     on any span (accepted or not) it ends and stays inside;
 *   - what strict accepts, the default mode accepts with the same parts;
 *   - an error has the returned code, a rule and an offset inside the
 *     value; the same code without an error struct; the same result,
 *     shifted, at the other offset.
 */
#include "check.h"

enum { P_CHALLENGE, P_CREDENTIALS, P_AUTH_INFO, P_SEC_MECHANISM, PARSER_COUNT };

typedef struct parsed {
	sift_code code;
	sift_error error;
	sift_span spans[32];
	unsigned span_count;
	uint32_t numbers[8];
} parsed;

static void add(parsed *p, sift_span span)
{
	p->spans[p->span_count++] = span;
}

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
		FUZZ_SPAN_WITHIN(cursor, params);
		if (!more) {
			FUZZ_CHECK(cursor.len == 0);
			return last_end;
		}
		FUZZ_CHECK(cursor.len < before);
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

static void run(int which, const char *buf, sift_span value, unsigned options, parsed *out)
{
	sift_error *err = &out->error;
	memset(out, 0, sizeof *out);
	if (which == P_SEC_MECHANISM) {
		sift_sec_mechanism m;
		memset(&m, 0x5A, sizeof m); /* the parser clears it */
		out->code = sift_sec_mechanism_parse(buf, value, options, &m, err);
		add(out, m.name); add(out, m.params); add(out, m.q); add(out, m.d_alg);
		add(out, m.d_qop); add(out, m.d_ver);
		out->numbers[0] = m.mechanism;
		out->numbers[1] = m.q_thousandths;
		out->numbers[2] = (uint32_t)m.has_q << 3 | (uint32_t)m.has_d_alg << 2 |
				  (uint32_t)m.has_d_qop << 1 | m.has_d_ver;
		if (out->code == SIFT_OK)
			check_sec(buf, value, &m);
	} else {
		sift_auth a;
		sift_span values[SIFT_AUTHP_COUNT];
		memset(&a, 0x5A, sizeof a); /* the parser clears it */
		out->code = which == P_CHALLENGE     ? sift_challenge_parse(buf, value, options, &a, err)
			    : which == P_CREDENTIALS ? sift_credentials_parse(buf, value, options, &a, err)
						     : sift_auth_info_parse(buf, value, options, &a, err);
		add(out, a.scheme_name); add(out, a.params); add(out, a.token);
		auth_values(&a, values);
		for (unsigned id = 1; id < SIFT_AUTHP_COUNT; id++)
			add(out, values[id]);
		out->numbers[0] = a.scheme;
		out->numbers[1] = a.present;
		out->numbers[2] = a.alg;
		out->numbers[3] = a.nonce_count;
		out->numbers[4] = (uint32_t)a.stale << 1 | a.userhash;
		if (out->code == SIFT_OK)
			check_auth(buf, value, &a, which);
	}
	if (out->code != SIFT_OK) {
		FUZZ_CHECK(out->error.code == out->code);
		FUZZ_CHECK(out->error.rule != NULL);
		FUZZ_CHECK(fuzz_offset_within(out->error.offset, value));
	}
}

static sift_code run_without_error(int which, const char *buf, sift_span value, unsigned options)
{
	sift_auth a;
	sift_sec_mechanism m;
	switch (which) {
	case P_CHALLENGE:
		return sift_challenge_parse(buf, value, options, &a, NULL);
	case P_CREDENTIALS:
		return sift_credentials_parse(buf, value, options, &a, NULL);
	case P_AUTH_INFO:
		return sift_auth_info_parse(buf, value, options, &a, NULL);
	default:
		return sift_sec_mechanism_parse(buf, value, options, &m, NULL);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	int which = (data[0] & 0x7F) % PARSER_COUNT;
	unsigned options = (data[0] & 0x80) ? SIFT_OPT_STRICT : 0;
	size_t len = size - 1;
	char *copy = fuzz_dup(data + 1, len);
	sift_span value = { 0, (uint32_t)len };
	sift_span shifted_value = { 1, (uint32_t)len };

	parsed alone, shifted;
	run(which, copy, value, options, &alone);
	for (unsigned i = 0; i < alone.span_count; i++)
		FUZZ_SPAN_IN(alone.spans[i], len);
	FUZZ_CHECK(run_without_error(which, copy, value, options) == alone.code);

	/* Strict accepts less, never something else. */
	if (options && alone.code == SIFT_OK) {
		parsed liberal;
		run(which, copy, value, 0, &liberal);
		FUZZ_CHECK(liberal.code == SIFT_OK);
		FUZZ_CHECK(liberal.span_count == alone.span_count);
		for (unsigned i = 0; i < alone.span_count; i++)
			FUZZ_CHECK(fuzz_span_moved(liberal.spans[i], alone.spans[i], 0));
		FUZZ_CHECK(memcmp(liberal.numbers, alone.numbers, sizeof alone.numbers) == 0);
	}

	/* The iterator on any text: ends, stays inside. */
	walk_auth_params(copy, value, NULL);

	run(which, (const char *)data, shifted_value, options, &shifted);
	FUZZ_CHECK(shifted.code == alone.code);
	FUZZ_CHECK(memcmp(shifted.numbers, alone.numbers, sizeof alone.numbers) == 0);
	FUZZ_CHECK(shifted.span_count == alone.span_count);
	for (unsigned i = 0; i < alone.span_count; i++) {
		FUZZ_SPAN_IN(shifted.spans[i], size);
		FUZZ_CHECK(fuzz_span_moved(shifted.spans[i], alone.spans[i], 1));
	}
	if (alone.code != SIFT_OK)
		FUZZ_CHECK(shifted.error.offset == alone.error.offset + 1);
	free(copy);
	return 0;
}
