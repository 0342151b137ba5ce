/*
 * fuzz/targets/fuzz_body.c - the message-body layer (sipsift/body.h):
 * the multipart iterator, the bounded tree walk and the S/MIME inspector.
 *
 * Input: byte 0 selects, byte 1 is the boundary length n (taken modulo 80,
 * so lengths above the 70 of RFC 2046 reach the checks), then n boundary
 * bytes, then the body.
 *   byte 0: bit 7 SIFT_OPT_STRICT; (byte & 3):
 *     0 sift_multipart_begin / next over the body with that boundary
 *     1 sift_body_walk with Content-Type multipart/mixed;boundary="<bytes>"
 *     2 sift_smime_inspect on the body as DER (type NULL), and with
 *       application/pkcs7-mime and multipart/signed types
 *     3 all three
 *
 * The input is laid out in a heap buffer of exactly its size: `delta`
 * leading bytes, the Content-Type text, the body. It runs at delta 0 and 1.
 * Invariants (abort on violation):
 *   - every span returned lies inside the body (parts, headers, bodies,
 *     header values, OIDs), preamble and epilogue too;
 *   - errors carry a rule and an offset inside the body (or its end);
 *   - the iterator moves forward on every part and ends; the walk ends;
 *   - the same result without an error struct, and shifted by one byte.
 */
#include "check.h"

#define MAX_SPANS 256

typedef struct result {
	sift_code code[3];
	uint32_t error_offset[3];
	const char *error_rule[3];
	sift_span spans[MAX_SPANS];
	unsigned span_count;
	unsigned parts;
	int cipher;
	int kind;
} result;

static void add(result *r, sift_span s)
{
	if (r->span_count < MAX_SPANS)
		r->spans[r->span_count++] = s;
}

static void add_part(result *r, const sift_body_part *p)
{
	add(r, p->part);
	add(r, p->headers);
	add(r, p->body);
	add(r, p->content_type);
	add(r, p->disposition_value);
	add(r, p->content_id_value);
	add(r, p->transfer_encoding);
	add(r, p->type.type);
	add(r, p->type.subtype);
	add(r, p->type.params);
	add(r, p->id.id);
}

static int visit(void *context, const sift_body_part *part, unsigned depth)
{
	result *r = context;
	if (depth < 1 || depth > SIFT_BODY_DEPTH_MAX)
		fuzz_fail(__FILE__, __LINE__, "walk depth out of range");
	r->parts++;
	add_part(r, part);
	return 0;
}

static void record(result *r, int slot, sift_code code, const sift_error *err)
{
	r->code[slot] = code;
	if (err && code != SIFT_OK && code != SIFT_E_NOT_FOUND) {
		r->error_offset[slot] = err->offset;
		r->error_rule[slot] = err->rule;
	}
}

static void run(int mode, const char *buf, sift_span ct, sift_span boundary, sift_span body,
		unsigned options, result *r, int with_err)
{
	sift_error e, *err = with_err ? &e : NULL;
	memset(r, 0, sizeof *r);
	if (mode == 0 || mode == 3) {
		sift_multipart it;
		sift_body_part part;
		sift_code rc = sift_multipart_begin(&it, buf, body, boundary, options, err);
		if (rc == SIFT_OK) {
			add(r, it.preamble);
			uint32_t last = it.next;
			unsigned guard = 0;
			while ((rc = sift_multipart_next(&it, &part, err)) == SIFT_OK) {
				add_part(r, &part);
				r->parts++;
				FUZZ_CHECK(it.done || it.next > last);
				last = it.next;
				FUZZ_CHECK(++guard <= body.len + 1);
			}
			add(r, it.epilogue);
		}
		record(r, 0, rc, err);
	}
	if (mode == 1 || mode == 3) {
		sift_media_type type;
		if (sift_media_type_parse(buf, ct, 0, &type, NULL) == SIFT_OK)
			record(r, 1, sift_body_walk(buf, body, &type, options, visit, r, err), err);
	}
	if (mode == 2 || mode == 3) {
		sift_smime s;
		sift_code rc = sift_smime_inspect(buf, NULL, body, options, &s, err);
		record(r, 2, rc, err);
		add(r, s.content_oid);
		add(r, s.cipher_oid);
		r->cipher = s.cipher;
		r->kind = s.kind;
		FUZZ_CHECK(s.cipher == SIFT_CIPHER_NONE || s.der_walked);
		if (s.cipher != SIFT_CIPHER_NONE)
			FUZZ_CHECK(s.cipher_oid.len > 0);
	}
}

/* [delta bytes] multipart/mixed;boundary="<boundary>" <body> */
static char *layout(const uint8_t *bnd, size_t blen, const uint8_t *body, size_t len,
		    uint32_t delta, sift_span *ct, sift_span *boundary, sift_span *body_span)
{
	static const char head[] = "multipart/mixed;boundary=\"";
	size_t hlen = sizeof head - 1;
	size_t total = delta + hlen + blen + 1 + len;
	char *b = malloc(total ? total : 1);
	if (!b)
		abort();
	memset(b, 'x', delta);
	memcpy(b + delta, head, hlen);
	if (blen)
		memcpy(b + delta + hlen, bnd, blen);
	b[delta + hlen + blen] = '"';
	if (len)
		memcpy(b + delta + hlen + blen + 1, body, len);
	ct->off = delta;
	ct->len = (uint32_t)(hlen + blen + 1);
	boundary->off = (uint32_t)(delta + hlen);
	boundary->len = (uint32_t)blen;
	body_span->off = (uint32_t)(delta + hlen + blen + 1);
	body_span->len = (uint32_t)len;
	return b;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	int mode = data[0] & 3;
	unsigned options = (data[0] & 0x80) ? SIFT_OPT_STRICT : 0;
	size_t blen = data[1] % 80;
	if (blen > size - 2)
		blen = size - 2;
	const uint8_t *bnd = data + 2, *body = data + 2 + blen;
	size_t len = size - 2 - blen;

	static result alone, quiet, shifted;
	sift_span ct, boundary, span, ct1, boundary1, span1;
	char *b0 = layout(bnd, blen, body, len, 0, &ct, &boundary, &span);
	char *b1 = layout(bnd, blen, body, len, 1, &ct1, &boundary1, &span1);

	run(mode, b0, ct, boundary, span, options, &alone, 1);
	for (unsigned i = 0; i < alone.span_count; i++) {
		FUZZ_SPAN_WITHIN(alone.spans[i], span);
		FUZZ_SPAN_IN(alone.spans[i], span.off + span.len);
	}
	for (int k = 0; k < 3; k++)
		if (alone.code[k] != SIFT_OK && alone.code[k] != SIFT_E_NOT_FOUND &&
		    (k != 0 || alone.code[k] != SIFT_E_ARGUMENT)) {
			FUZZ_CHECK(alone.error_rule[k] != NULL);
			/* boundary errors point into the Content-Type text */
			FUZZ_CHECK(alone.error_offset[k] <= span.off + span.len);
		}

	run(mode, b0, ct, boundary, span, options, &quiet, 0);
	FUZZ_CHECK(memcmp(quiet.code, alone.code, sizeof alone.code) == 0);
	FUZZ_CHECK(quiet.span_count == alone.span_count && quiet.parts == alone.parts);

	run(mode, b1, ct1, boundary1, span1, options, &shifted, 1);
	FUZZ_CHECK(memcmp(shifted.code, alone.code, sizeof alone.code) == 0);
	FUZZ_CHECK(shifted.span_count == alone.span_count && shifted.parts == alone.parts);
	FUZZ_CHECK(shifted.cipher == alone.cipher && shifted.kind == alone.kind);
	for (unsigned i = 0; i < alone.span_count; i++)
		FUZZ_CHECK(fuzz_span_moved(shifted.spans[i], alone.spans[i], 1));
	for (int k = 0; k < 3; k++)
		if (alone.error_rule[k]) {
			FUZZ_CHECK(shifted.error_offset[k] == alone.error_offset[k] + 1);
			FUZZ_CHECK(strcmp(shifted.error_rule[k], alone.error_rule[k]) == 0);
		}

	/* The S/MIME inspector with media types of its own. */
	if (mode == 2) {
		static const char *const types[] = {
			"application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m",
			"application/pkcs7-mime",
			"multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256",
		};
		for (size_t t = 0; t < 3; t++) {
			size_t tl = strlen(types[t]);
			char *b = malloc(tl + len + 1);
			if (!b)
				abort();
			memcpy(b, types[t], tl);
			if (len)
				memcpy(b + tl, body, len);
			sift_span tv = { 0, (uint32_t)tl }, bs = { (uint32_t)tl, (uint32_t)len };
			sift_media_type type;
			sift_smime s;
			sift_error err;
			if (sift_media_type_parse(b, tv, 0, &type, NULL) == SIFT_OK) {
				sift_code rc = sift_smime_inspect(b, &type, bs, options, &s, &err);
				FUZZ_CHECK(sift_smime_inspect(b, &type, bs, options, &s, NULL) == rc);
				FUZZ_SPAN_WITHIN(s.cipher_oid, bs);
				FUZZ_SPAN_WITHIN(s.content_oid, bs);
				FUZZ_SPAN_WITHIN(s.smime_type, tv);
				if (rc != SIFT_OK)
					FUZZ_CHECK(fuzz_offset_within(err.offset, bs));
			}
			free(b);
		}
	}
	free(b0);
	free(b1);
	return 0;
}
