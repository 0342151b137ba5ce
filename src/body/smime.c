/*
 * src/body/smime.c - what an S/MIME body is (RFC 3853, RFC 8591, RFC 5751
 * 3.2 and 3.5, RFC 5652) and, for enveloped data, which content-encryption
 * algorithm it names.
 *
 * The DER reader is deliberately small: one tag-length-value at a time,
 * single-byte tags, lengths of at most four bytes, each length checked
 * against the bytes left in its enclosing element before anything is read.
 * No allocation, no recursion: the walk goes down a fixed path
 * (ContentInfo -> [0] -> EnvelopedData -> EncryptedContentInfo ->
 * AlgorithmIdentifier) and skips the siblings before it. OpenSSL is used only
 * by the tests (tests/data/body/make_smime.sh) to check it.
 */
#include <string.h>

#include "sipsift/body.h"
#include "sipsift/msg.h"
#include "grammar/internal.h"

typedef struct der {
	const char *buf;   /* for error offsets */
	unsigned options;
	sift_error *err;
} der;

/* One element: tag, where its content starts, where it ends (for an
 * indefinite length: the end of the enclosing element, set by the caller
 * once the element has been skipped). */
typedef struct tlv {
	unsigned char tag;
	const unsigned char *content;
	const unsigned char *end;
	uint8_t indefinite;
} tlv;

/* Reads the tag and length at *p, within [*p, end). */
static sift_code der_read(der *d, const unsigned char *p, const unsigned char *end, tlv *t,
			  const char *rule)
{
	if (end - p < 2)
		return sift__fail(d->err, SIFT_E_BODY, d->buf, (const char *)p, rule);
	t->tag = p[0];
	if ((t->tag & 0x1f) == 0x1f) /* high tag numbers: none on our path */
		return sift__fail(d->err, SIFT_E_BODY, d->buf, (const char *)p, "DER-tag");
	unsigned char l = p[1];
	p += 2;
	t->indefinite = 0;
	if (l < 0x80) {
		if ((size_t)(end - p) < l)
			return sift__fail(d->err, SIFT_E_BODY, d->buf, (const char *)p - 1, "DER-length");
		t->content = p;
		t->end = p + l;
		return SIFT_OK;
	}
	if (l == 0x80) {
		/* BER indefinite length (RFC 5652 allows BER); only on
		 * constructed elements, and DER forbids it. */
		if (!(t->tag & 0x20) || (d->options & SIFT_OPT_STRICT))
			return sift__fail(d->err, SIFT_E_BODY, d->buf, (const char *)p - 1, "DER-length");
		t->indefinite = 1;
		t->content = p;
		t->end = end;
		return SIFT_OK;
	}
	unsigned n = l & 0x7f;
	if (n > 4 || (size_t)(end - p) < n)
		return sift__fail(d->err, SIFT_E_BODY, d->buf, (const char *)p - 1, "DER-length");
	uint32_t len = 0;
	for (unsigned i = 0; i < n; i++)
		len = (len << 8) | p[i];
	p += n;
	if ((size_t)(end - p) < len)
		return sift__fail(d->err, SIFT_E_BODY, d->buf, (const char *)p - 1 - n, "DER-length");
	t->content = p;
	t->end = p + len;
	return SIFT_OK;
}

/* The end of element t (its bytes after the content). For an indefinite
 * length, walks the elements inside to the matching end-of-contents with a
 * nesting counter, not recursion; every step moves forward. */
static sift_code der_skip(der *d, const tlv *t, const unsigned char *end,
			  const unsigned char **after)
{
	if (!t->indefinite) {
		*after = t->end;
		return SIFT_OK;
	}
	const unsigned char *p = t->content;
	unsigned long depth = 1;
	while (depth > 0) {
		if (end - p >= 2 && p[0] == 0 && p[1] == 0) {
			p += 2;
			depth--;
			continue;
		}
		tlv in;
		sift_code rc = der_read(d, p, end, &in, "DER-length");
		if (rc != SIFT_OK)
			return rc;
		if (in.indefinite) {
			depth++;
			p = in.content;
		} else {
			p = in.end;
		}
	}
	*after = p;
	return SIFT_OK;
}

/* The content bytes of the OIDs we name (RFC 5652 4, 6.1; RFC 5083 1.1;
 * RFC 3370 5.1; RFC 3565 4.1; RFC 5084 3). */
/* der_read() of the element at p, which must carry `tag`: any other tag is
 * an error at p naming `rule`, as a malformed element is. */
static sift_code der_expect(der *d, const unsigned char *p, const unsigned char *end,
			    unsigned tag, tlv *t, const char *rule)
{
	sift_code rc = der_read(d, p, end, t, rule);
	if (rc == SIFT_OK && t->tag != tag)
		rc = sift__fail(d->err, SIFT_E_BODY, d->buf, (const char *)p, rule);
	return rc;
}

static const unsigned char oid_enveloped[] = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x03 };
static const unsigned char oid_signed[] = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02 };
static const unsigned char oid_auth_enveloped[] = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d,
						    0x01, 0x09, 0x10, 0x01, 0x17 };
static const unsigned char oid_des_ede3_cbc[] = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x03, 0x07 };
static const unsigned char oid_aes_prefix[] = { 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01 };

static int oid_is(const tlv *t, const unsigned char *oid, size_t len)
{
	return (size_t)(t->end - t->content) == len && memcmp(t->content, oid, len) == 0;
}

static sift_cipher cipher_of(const tlv *t)
{
	if (oid_is(t, oid_des_ede3_cbc, sizeof oid_des_ede3_cbc))
		return SIFT_CIPHER_DES_EDE3_CBC;
	if ((size_t)(t->end - t->content) != sizeof oid_aes_prefix + 1 ||
	    memcmp(t->content, oid_aes_prefix, sizeof oid_aes_prefix) != 0)
		return SIFT_CIPHER_OTHER;
	switch (t->content[sizeof oid_aes_prefix]) {
	case 2: return SIFT_CIPHER_AES128_CBC;
	case 22: return SIFT_CIPHER_AES192_CBC;
	case 42: return SIFT_CIPHER_AES256_CBC;
	case 6: return SIFT_CIPHER_AES128_GCM;
	case 26: return SIFT_CIPHER_AES192_GCM;
	case 46: return SIFT_CIPHER_AES256_GCM;
	default: return SIFT_CIPHER_OTHER;
	}
}

static sift_span span_of(const char *buf, const unsigned char *from, const unsigned char *to)
{
	return sift__span(buf, (const char *)from, (const char *)to);
}

/* ContentInfo ::= SEQUENCE { contentType OID, content [0] EXPLICIT ANY }
 * (RFC 5652 3), then for (auth-)enveloped data down to the algorithm. */
static sift_code walk_content_info(der *d, const unsigned char *p, const unsigned char *end,
				   sift_smime *out)
{
	const char *buf = d->buf;
	tlv ci, oid, ctx, env, item, alg, alg_oid;
	/* the tag first: text (a base64 body) fails here, not on its "length" */
	if (p == end || *p != 0x30)
		return sift__fail(d->err, SIFT_E_BODY, buf, (const char *)p, "ContentInfo");
	sift_code rc = der_expect(d, p, end, 0x30, &ci, "ContentInfo");
	if (rc != SIFT_OK)
		return rc;
	rc = der_read(d, ci.content, ci.end, &oid, "ContentInfo");
	if (rc != SIFT_OK)
		return rc;
	if (oid.tag != 0x06 || oid.indefinite)
		return sift__fail(d->err, SIFT_E_BODY, buf, (const char *)ci.content, "ContentInfo");
	out->content_oid = span_of(buf, oid.content, oid.end);
	out->der_walked = 1;
	int auth = oid_is(&oid, oid_auth_enveloped, sizeof oid_auth_enveloped);
	if (oid_is(&oid, oid_signed, sizeof oid_signed)) {
		if (out->kind == SIFT_SMIME_PKCS7_OTHER)
			out->kind = SIFT_SMIME_SIGNED_DATA;
		return SIFT_OK;
	}
	if (!auth && !oid_is(&oid, oid_enveloped, sizeof oid_enveloped))
		return SIFT_OK; /* another content type: named by content_oid */
	if (out->kind == SIFT_SMIME_PKCS7_OTHER)
		out->kind = auth ? SIFT_SMIME_AUTH_ENVELOPED : SIFT_SMIME_ENVELOPED;
	rc = der_expect(d, oid.end, ci.end, 0xa0, &ctx, "ContentInfo");
	if (rc != SIFT_OK)
		return rc;
	/* EnvelopedData ::= SEQUENCE { version, originatorInfo [0] IMPLICIT
	 * OPTIONAL, recipientInfos SET, encryptedContentInfo, ... } (RFC 5652
	 * 6.1); AuthEnvelopedData has the same head (RFC 5083 2.1). */
	rc = der_expect(d, ctx.content, ctx.end, 0x30, &env, "EnvelopedData");
	if (rc != SIFT_OK)
		return rc;
	const unsigned char *q = env.content;
	rc = der_expect(d, q, env.end, 0x02, &item, "EnvelopedData"); /* version INTEGER */
	if (rc != SIFT_OK)
		return rc;
	q = item.end;
	rc = der_read(d, q, env.end, &item, "EnvelopedData");
	if (rc != SIFT_OK)
		return rc;
	if (item.tag == 0xa0) { /* originatorInfo */
		rc = der_skip(d, &item, env.end, &q);
		if (rc != SIFT_OK)
			return rc;
		rc = der_read(d, q, env.end, &item, "EnvelopedData");
		if (rc != SIFT_OK)
			return rc;
	}
	if (item.tag != 0x31) /* recipientInfos SET */
		return sift__fail(d->err, SIFT_E_BODY, buf, (const char *)q, "EnvelopedData");
	rc = der_skip(d, &item, env.end, &q);
	if (rc != SIFT_OK)
		return rc;
	/* EncryptedContentInfo ::= SEQUENCE { contentType, contentEncryptionAlgorithm,
	 * encryptedContent [0] IMPLICIT OPTIONAL } (RFC 5652 6.1) */
	rc = der_expect(d, q, env.end, 0x30, &item, "EncryptedContentInfo");
	if (rc != SIFT_OK)
		return rc;
	tlv ct;
	rc = der_read(d, item.content, item.end, &ct, "EncryptedContentInfo");
	if (rc != SIFT_OK)
		return rc;
	if (ct.tag != 0x06 || ct.indefinite)
		return sift__fail(d->err, SIFT_E_BODY, buf, (const char *)item.content, "EncryptedContentInfo");
	rc = der_expect(d, ct.end, item.end, 0x30, &alg, "AlgorithmIdentifier");
	if (rc != SIFT_OK)
		return rc;
	rc = der_read(d, alg.content, alg.end, &alg_oid, "AlgorithmIdentifier");
	if (rc != SIFT_OK)
		return rc;
	if (alg_oid.tag != 0x06 || alg_oid.indefinite || alg_oid.end == alg_oid.content)
		return sift__fail(d->err, SIFT_E_BODY, buf, (const char *)alg.content, "AlgorithmIdentifier");
	out->cipher_oid = span_of(buf, alg_oid.content, alg_oid.end);
	out->cipher = cipher_of(&alg_oid);
	return SIFT_OK;
}

static void smime_param(const char *buf, sift_span params, const char *name, sift_span *value,
			uint8_t *has)
{
	sift_param param;
	if (sift_param_find(buf, params, name, &param) && param.has_value) {
		*value = param.value;
		if (has)
			*has = 1;
	}
}

static int value_is(const char *buf, sift_span v, const char *literal)
{
	/* the parameter value, with or without quotes */
	if (v.len >= 2 && buf[v.off] == '"' && buf[v.off + v.len - 1] == '"') {
		v.off++;
		v.len -= 2;
	}
	return sift__equal_nocase(buf + v.off, v.len, literal);
}

sift_code sift_smime_inspect(const char *buf, const sift_media_type *type, sift_span body,
			     unsigned options, sift_smime *out, sift_error *err)
{
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	memset(out, 0, sizeof *out);
	if (type) {
		if (sift_media_type_is(buf, type, "multipart", "signed")) {
			/* RFC 5751 3.5.3: protocol and micalg are required */
			out->kind = SIFT_SMIME_MULTIPART_SIGNED;
			smime_param(buf, type->params, "protocol", &out->protocol, &out->has_protocol);
			smime_param(buf, type->params, "micalg", &out->micalg, &out->has_micalg);
			return SIFT_OK;
		}
		if (sift_media_type_is(buf, type, "application", "pkcs7-signature")) {
			out->kind = SIFT_SMIME_SIGNATURE;
			return SIFT_OK;
		}
		if (!sift_media_type_is(buf, type, "application", "pkcs7-mime") &&
		    !sift_media_type_is(buf, type, "application", "x-pkcs7-mime"))
			return SIFT_OK;
		smime_param(buf, type->params, "smime-type", &out->smime_type, &out->has_smime_type);
		smime_param(buf, type->params, "name", &out->name, NULL);
	}
	/* RFC 5751 3.2.2: the smime-type names the CMS content; the DER
	 * says the same or more. */
	out->kind = SIFT_SMIME_PKCS7_OTHER;
	if (out->has_smime_type) {
		if (value_is(buf, out->smime_type, "enveloped-data"))
			out->kind = SIFT_SMIME_ENVELOPED;
		else if (value_is(buf, out->smime_type, "auth-enveloped-data"))
			out->kind = SIFT_SMIME_AUTH_ENVELOPED;
		else if (value_is(buf, out->smime_type, "signed-data"))
			out->kind = SIFT_SMIME_SIGNED_DATA;
	}
	der d = { buf, options, err };
	const unsigned char *p = (const unsigned char *)buf + body.off;
	return walk_content_info(&d, p, p + body.len, out);
}

const char *sift_cipher_name(sift_cipher cipher)
{
	static const char *const names[] = {
		[SIFT_CIPHER_NONE] = "none",
		[SIFT_CIPHER_OTHER] = "other",
		[SIFT_CIPHER_DES_EDE3_CBC] = "DES-EDE3-CBC",
		[SIFT_CIPHER_AES128_CBC] = "AES-128-CBC",
		[SIFT_CIPHER_AES192_CBC] = "AES-192-CBC",
		[SIFT_CIPHER_AES256_CBC] = "AES-256-CBC",
		[SIFT_CIPHER_AES128_GCM] = "AES-128-GCM",
		[SIFT_CIPHER_AES192_GCM] = "AES-192-GCM",
		[SIFT_CIPHER_AES256_GCM] = "AES-256-GCM",
	};
	return (unsigned)cipher < sizeof names / sizeof names[0] ? names[cipher] : "other";
}
