/*
 * src/hdr/session_identity.c - Identity (RFC 8224 4.1, with errata 6499;
 * the obsoleted RFC 4474 9 form by default) and Identity-Info (RFC 4474 9).
 *
 *   Identity = "Identity" HCOLON signed-identity-digest SEMI
 *              ident-info *( SEMI ident-info-params )
 *   signed-identity-digest = 1*(base64-char / base64url-char / ".")
 *       (strict: base64url-char and "." alone, as erratum 6499 corrects it)
 *   ident-info = "info" EQUAL ident-info-uri
 *   ident-info-uri = LAQUOT absoluteURI RAQUOT
 *   ident-info-params = ident-info-alg / ident-type / ident-info-extension
 *   Identity-Info = "Identity-Info" HCOLON rfc4474-ident-info
 *                   *( SEMI rfc4474-ident-info-params )
 *
 * ident-info-uri is not a gen-value (it has < >), so the parameter lists
 * are walked here rather than by sift__parse_header_params.
 */
#include <string.h>
#include "hdr/internal.h"
#include "sipsift/session.h"

static int span_is(const char *buf, sift_span s, const char *literal)
{
	return sift__equal_nocase(buf + s.off, s.len, literal);
}

static int whole_token(const char *buf, sift_span s)
{
	const char *p = buf + s.off, *end = p + s.len;
	return s.len > 0 && sift__match_token_bv(p, end) == end;
}

/* RFC 8225: a JWS compact serialisation, header.payload.signature. */
static void split_jws(const char *buf, sift_identity *out)
{
	const char *p = buf + out->digest.off, *end = p + out->digest.len;
	const char *dot1 = NULL, *dot2 = NULL;
	for (const char *q = p; q < end; q++) {
		if (*q != '.')
			continue;
		if (dot2) /* a third dot: not a JWS */
			return;
		if (dot1)
			dot2 = q;
		else
			dot1 = q;
	}
	if (!dot2)
		return;
	out->jws_header = sift__span(buf, p, dot1);
	out->jws_payload = sift__span(buf, dot1 + 1, dot2);
	out->jws_signature = sift__span(buf, dot2 + 1, end);
}

static sift_code identity_fail(sift_identity *out, sift_code code)
{
	static const sift_identity empty;
	*out = empty;
	return code;
}

sift_code sift_identity_parse(const char *buf, sift_span value, unsigned options,
			      sift_identity *out, sift_error *err)
{
	static const sift_identity empty;
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	unsigned strict = options & SIFT_OPT_STRICT;
	const char *p = buf + value.off, *end = p + value.len, *q;
	p = sift__skip_sws(p, end);

	if (p < end && *p == '"') {
		/* RFC 4474 9: a quoted base64 digest and nothing else. */
		q = sift__match_rfc4474_identity_digest(p, end);
		if (!q || q != end)
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf, q ? q : p,
					  "rfc4474-signed-identity-digest");
		while (q > p && q[-1] != '"') /* back over RDQUOT's SWS */
			q--;
		out->digest = sift__span(buf, p, q);
		out->is_rfc4474 = 1;
		return SIFT_OK;
	}
	if (!(q = sift__match_signed_identity_digest(p, end)))
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "signed-identity-digest");
	if (!memchr(p, '.', (size_t)(q - p))) {
		/* No dot, so no JWS: the base64 digest of RFC 4474 and its
		 * drafts, here unquoted with its "=" padding and no
		 * parameters, as in RFC 4475 3.1.1.11 (a valid message in
		 * every mode). */
		const char *r = q;
		for (int pad = 0; pad < 2 && r < end && *r == '='; pad++)
			r++;
		if (r != q || sift__skip_sws(r, end) == end) {
			if (sift__skip_sws(r, end) != end)
				return sift__fail(err, SIFT_E_HEADER_VALUE, buf, r,
						  "rfc4474-signed-identity-digest");
			out->digest = sift__span(buf, p, r);
			out->is_rfc4474 = 1;
			return SIFT_OK;
		}
	}
	out->digest = sift__span(buf, p, q);
	split_jws(buf, out);
	/* RFC 8224 4.1 and RFC 8225: the digest is a JWS (three segments,
	 * a signature); the ABNF alone admits any run of dots. */
	if (strict && out->jws_signature.len == 0)
		return identity_fail(out, sift__fail(err, SIFT_E_HEADER_VALUE, buf, q,
						     "signed-identity-digest"));
	/* Erratum 6499: the segments are base64url (RFC 7515 7.1, RFC 4648
	 * 5), so strict refuses the printed rule's "/" and "+", which no JWS
	 * holds; by default both alphabets pass. */
	if (strict)
		for (const char *r = p; r < q; r++)
			if (*r == '/' || *r == '+')
				return identity_fail(out, sift__fail(err, SIFT_E_HEADER_VALUE, buf, r,
								     "base64url-char"));

	/* SEMI ident-info *( SEMI ident-info-params ) */
	const char *first = NULL;
	unsigned index = 0;
	sift_code code = SIFT_OK;
	for (;; index++) {
		const char *s = sift__skip_sws(q, end);
		if (s >= end || *s != ';')
			break;
		s = sift__skip_sws(s + 1, end);
		if (!first)
			first = s;
		const char *name_end = sift__match_token_bv(s, end);
		if (!name_end)
			return identity_fail(out, sift__fail(err, SIFT_E_HEADER_VALUE, buf, s,
							     index ? "ident-info-params" : "ident-info"));
		sift_span name = sift__span(buf, s, name_end);
		const char *t = sift__skip_sws(name_end, end);
		q = name_end;
		if (span_is(buf, name, "info")) {
			/* ident-info = "info" EQUAL ident-info-uri */
			if (t >= end || *t != '=')
				return identity_fail(out, sift__fail(err, SIFT_E_HEADER_VALUE, buf, t,
								     "ident-info"));
			t = sift__skip_sws(t + 1, end);
			if (!(q = sift__session_angle_uri(buf, t, end, options, &out->info_uri, err,
							  &code)))
				return identity_fail(out, code);
			if (out->has_info || (strict && index != 0))
				/* one info, and (strict) first, as the ABNF orders */
				return identity_fail(out, sift__fail(err, SIFT_E_HEADER_VALUE, buf, s,
								     "ident-info"));
			out->has_info = 1;
			continue;
		}
		if (strict && index == 0)
			return identity_fail(out, sift__fail(err, SIFT_E_HEADER_VALUE, buf, s,
							     "ident-info"));
		/* ident-info-alg / ident-type / ident-info-extension:
		 * all generic-param in form */
		sift_span param_value = sift__span(buf, name_end, name_end);
		if (t < end && *t == '=') {
			const char *v = sift__skip_sws(t + 1, end);
			const char *v_end = sift__match_gen_value(v, end);
			if (!v_end)
				return identity_fail(out, sift__fail(err, SIFT_E_HEADER_VALUE, buf, v,
								     "gen-value"));
			param_value = sift__span(buf, v, v_end);
			q = v_end;
		}
		int alg = span_is(buf, name, "alg"), ppt = !alg && span_is(buf, name, "ppt");
		if ((alg || ppt) && strict && !whole_token(buf, param_value))
			return identity_fail(out, sift__fail(err, SIFT_E_HEADER_VALUE, buf,
							     buf + param_value.off,
							     alg ? "ident-info-alg" : "ident-type"));
		if (alg)
			out->alg = param_value;
		else if (ppt)
			out->ppt = param_value;
	}
	if (sift__skip_sws(q, end) != end)
		return identity_fail(out, sift__fail(err, SIFT_E_HEADER_VALUE, buf,
						     sift__skip_sws(q, end), "ident-info-params"));
	/* RFC 8224 4.1: SEMI ident-info is not optional. */
	if (!out->has_info)
		return identity_fail(out, sift__fail(err, SIFT_E_HEADER_VALUE, buf, end, "ident-info"));
	out->params = sift__span(buf, first, q);
	return SIFT_OK;
}

sift_code sift_identity_info_parse(const char *buf, sift_span value, unsigned options,
				   sift_identity_info *out, sift_error *err)
{
	static const sift_identity_info empty;
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	sift_code code = SIFT_OK;
	const char *p = buf + value.off, *end = p + value.len, *q;
	p = sift__skip_sws(p, end);
	if (!(q = sift__session_angle_uri(buf, p, end, options, &out->uri, err, &code))) {
		*out = empty;
		return code;
	}
	const char *after = sift__parse_header_params(buf, q, end, &out->params, err,
						      "ident-info-params");
	if (!after) {
		*out = empty;
		return SIFT_E_HEADER_VALUE;
	}
	after = sift__skip_sws(after, end);
	if (after != end) {
		*out = empty;
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, after, "ident-info-params");
	}
	sift_param alg;
	if (sift_param_find(buf, out->params, "alg", &alg)) {
		if ((options & SIFT_OPT_STRICT) && !whole_token(buf, alg.value)) {
			*out = empty;
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf,
					  buf + (alg.has_value ? alg.value.off : alg.name.off + alg.name.len),
					  "ident-info-alg");
		}
		out->alg = alg.value;
	}
	return SIFT_OK;
}
