/*
 * sipsift/body.h - the message-body layer: multipart bodies (RFC 2046 5.1,
 * RFC 5621) and S/MIME bodies (RFC 3853, RFC 8591, RFC 5751, RFC 5652).
 *
 * Same contract as the header layer: every result is a span into the
 * caller's buffer, nothing is allocated or copied, nothing is read outside
 * the body span given. Errors are SIFT_E_BODY (the body does not follow its
 * media type) with the offset of the first byte that cannot be explained and
 * the rule that failed ("close-delimiter", "dash-boundary", "ContentInfo"),
 * or the code of a typed header parser for a body part's header value.
 * err may be NULL.
 *
 * A multipart body is walked one level at a time with an iterator:
 *
 *   sift_span boundary;
 *   sift_multipart it;
 *   sift_body_part part;
 *   sift_code rc;
 *   if (sift_multipart_boundary(buf, &type, &boundary, &err) == SIFT_OK &&
 *       sift_multipart_begin(&it, buf, msg.body, boundary, 0, &err) == SIFT_OK)
 *       while ((rc = sift_multipart_next(&it, &part, &err)) == SIFT_OK)
 *           ...;   // rc is SIFT_E_NOT_FOUND after the close-delimiter
 *
 * sift_body_walk() walks nested multiparts to a bounded depth.
 */
#ifndef SIPSIFT_BODY_H
#define SIPSIFT_BODY_H

#include "sipsift/fields.h"

#ifdef __cplusplus
extern "C" {
#endif

/* RFC 2046 5.1.1: a boundary is 1 to 70 bchars. */
#define SIFT_BOUNDARY_MAX 70
/* sift_body_walk() descends at most this many multipart levels. */
#define SIFT_BODY_DEPTH_MAX 8

/* One body part of a multipart body. The header fields sipsift knows are
 * parsed with their typed parsers (fields.h, hdr.h); the others are left in
 * `headers` for the caller. Each value is the last occurrence. */
typedef struct sift_body_part {
	sift_span part;             /* the whole part, headers and body, between
	                               the delimiter line and the CRLF of the next */
	sift_span headers;          /* MIME-part-headers, each line with its line
	                               end; empty when the part has none */
	sift_span body;             /* the part's content after the empty line */
	sift_span content_type;     /* header values without surrounding LWS; */
	sift_span disposition_value;/* empty when absent */
	sift_span content_id_value;
	sift_span transfer_encoding;/* Content-Transfer-Encoding mechanism token */
	sift_media_type type;                  /* valid when has_type */
	sift_content_disposition disposition;  /* valid when has_disposition */
	sift_content_id id;                    /* valid when has_id */
	uint8_t has_type;
	uint8_t has_disposition;
	uint8_t has_id;
	uint8_t has_transfer_encoding;
	uint32_t index;             /* 0 for the first part of its level */
} sift_body_part;

/* Iterator state over one level of a multipart body (sift_multipart_begin).
 * Plain data; copy it freely. */
typedef struct sift_multipart {
	const char *buf;
	sift_span body;
	sift_span boundary;
	sift_span preamble;         /* before the first dash-boundary line */
	sift_span epilogue;         /* after the close-delimiter line; set at the end */
	uint32_t next;              /* offset of the next part's first byte */
	uint32_t count;             /* parts returned so far */
	unsigned options;
	uint8_t done;               /* close-delimiter seen, or an error */
	uint8_t closed;             /* the close-delimiter was seen */
} sift_multipart;

/*
 * The boundary parameter of a multipart media type (RFC 2046 5.1.1): the
 * value without its quotes, checked to be 1 to 70 bchars not ending in a
 * space. Returns SIFT_E_NOT_FOUND when the parameter is absent, SIFT_E_BODY
 * (rule "boundary") when it is not a boundary.
 */
SIFT_API sift_code sift_multipart_boundary(const char *buf, const sift_media_type *type,
					   sift_span *boundary, sift_error *err);

/*
 * Starts iterating the parts of body (a multipart body; boundary as
 * sift_multipart_boundary returns it, inside buf). Finds the first
 * dash-boundary line: at the start of the body or after a line end, the
 * preamble before it ignored (RFC 2046 5.1.1). Line ends are CRLF; a bare LF
 * is accepted unless options has SIFT_OPT_STRICT. A line that starts with
 * "--" boundary but continues with other than transport padding (LWSP) and a
 * line end, or "--", is not a delimiter (it is content).
 * Errors: SIFT_E_ARGUMENT (NULL, a span outside buf is the caller's bug),
 * SIFT_E_BODY with rule "boundary" (not 1-70 bchars), "dash-boundary" (no
 * delimiter line in the body), "multipart-body" (the first delimiter is the
 * close-delimiter: no body part).
 */
SIFT_API sift_code sift_multipart_begin(sift_multipart *it, const char *buf, sift_span body,
					sift_span boundary, unsigned options, sift_error *err);

/*
 * The next body part: SIFT_OK and *part filled, or SIFT_E_NOT_FOUND after the
 * close-delimiter (it->epilogue then holds what follows). Errors end the
 * iteration (later calls return SIFT_E_NOT_FOUND): SIFT_E_BODY with rule
 * "close-delimiter" (the body ends without one; offset = end of the body),
 * "body-part" (the part's header section does not end with an empty line,
 * or an empty part in strict mode), "MIME-part-headers" (a header line
 * without a name and ':'), SIFT_E_LINE_END (bare LF when strict), or the
 * code of the typed parser of Content-Type, Content-Disposition or
 * Content-ID (with *part filled up to that header).
 */
SIFT_API sift_code sift_multipart_next(sift_multipart *it, sift_body_part *part, sift_error *err);

/* Whether a media type is type/subtype (case-insensitive; subtype NULL
 * matches any subtype). 0 for NULL. */
SIFT_API int sift_media_type_is(const char *buf, const sift_media_type *type,
				const char *type_name, const char *subtype_name);

/*
 * Walks a body and every nested multipart to at most SIFT_BODY_DEPTH_MAX
 * levels, with an explicit stack (no recursion). visit is called for each
 * part in document order with its depth (1 for the parts of the top-level
 * multipart); a nonzero return stops the walk (SIFT_OK). A part that is
 * multipart/<any> is visited, then its own parts. type is the message's
 * Content-Type; when it is not multipart (or NULL) nothing is visited.
 * Errors: those of sift_multipart_boundary (a multipart without a boundary
 * is SIFT_E_BODY, rule "boundary"), begin and next, and SIFT_E_BODY with
 * rule "multipart-depth" for nesting deeper than SIFT_BODY_DEPTH_MAX.
 */
typedef int (*sift_body_visit_fn)(void *context, const sift_body_part *part, unsigned depth);

SIFT_API sift_code sift_body_walk(const char *buf, sift_span body, const sift_media_type *type,
				  unsigned options, sift_body_visit_fn visit, void *context,
				  sift_error *err);

/* ---- S/MIME ------------------------------------------------------------- */

typedef enum sift_smime_kind {
	SIFT_SMIME_NONE = 0,          /* not an S/MIME media type */
	SIFT_SMIME_ENVELOPED,         /* application/pkcs7-mime, enveloped-data */
	SIFT_SMIME_AUTH_ENVELOPED,    /* application/pkcs7-mime, auth-enveloped-data
	                                 (RFC 8591 4.2, RFC 5083) */
	SIFT_SMIME_SIGNED_DATA,       /* application/pkcs7-mime, signed-data */
	SIFT_SMIME_PKCS7_OTHER,       /* application/pkcs7-mime, another or no
	                                 smime-type and content not recognized */
	SIFT_SMIME_MULTIPART_SIGNED,  /* multipart/signed (RFC 1847, RFC 5751 3.5.3) */
	SIFT_SMIME_SIGNATURE          /* application/pkcs7-signature */
} sift_smime_kind;

/* Content-encryption algorithms of RFC 3565, RFC 5084 and RFC 3370. */
typedef enum sift_cipher {
	SIFT_CIPHER_NONE = 0,     /* not enveloped, or not looked at */
	SIFT_CIPHER_OTHER,        /* an OID not listed here (see cipher_oid) */
	SIFT_CIPHER_DES_EDE3_CBC, /* 1.2.840.113549.3.7 (3DES) */
	SIFT_CIPHER_AES128_CBC,   /* 2.16.840.1.101.3.4.1.2 */
	SIFT_CIPHER_AES192_CBC,   /* .1.22 */
	SIFT_CIPHER_AES256_CBC,   /* .1.42 */
	SIFT_CIPHER_AES128_GCM,   /* .1.6 */
	SIFT_CIPHER_AES192_GCM,   /* .1.26 */
	SIFT_CIPHER_AES256_GCM    /* .1.46 */
} sift_cipher;

typedef struct sift_smime {
	sift_smime_kind kind;
	sift_span smime_type;     /* smime-type parameter value; empty when absent */
	sift_span name;           /* name parameter (smime.p7m); empty when absent */
	sift_span protocol;       /* multipart/signed protocol, quotes included */
	sift_span micalg;         /* multipart/signed micalg */
	sift_span content_oid;    /* ContentInfo contentType, the OID's content bytes */
	sift_span cipher_oid;     /* contentEncryptionAlgorithm, content bytes */
	sift_cipher cipher;
	uint8_t has_smime_type;
	uint8_t has_protocol;
	uint8_t has_micalg;
	uint8_t der_walked;       /* the DER ContentInfo was read */
} sift_smime;

/*
 * Tells what an S/MIME body is. type is its media type (the message's
 * Content-Type or a body part's); when NULL, body is taken to be a DER
 * ContentInfo (RFC 5652 3). For application/pkcs7-mime (and NULL) the DER is
 * walked, with a bounded reader that checks every length against the bytes
 * left and never recurses: ContentInfo -> EnvelopedData (RFC 5652 6.1) or
 * AuthEnvelopedData (RFC 5083 2.1) -> encryptedContentInfo ->
 * contentEncryptionAlgorithm, whose OID becomes cipher. Definite lengths
 * (DER) are read; indefinite BER lengths are accepted unless strict.
 * Only binary bodies are walked (RFC 5621 3.1 / RFC 8591 3: SIP uses the
 * binary transfer encoding); a base64 body fails with rule "ContentInfo".
 * Returns SIFT_OK with kind NONE for other media types. Errors: SIFT_E_BODY
 * with rules "ContentInfo", "EnvelopedData", "EncryptedContentInfo",
 * "AlgorithmIdentifier", "DER-length", "DER-tag"; *out keeps what was found
 * before the error (kind, parameters).
 */
SIFT_API sift_code sift_smime_inspect(const char *buf, const sift_media_type *type,
				      sift_span body, unsigned options, sift_smime *out,
				      sift_error *err);

/* "AES-128-CBC", "DES-EDE3-CBC", ... ; "none", "other". Static. */
SIFT_API const char *sift_cipher_name(sift_cipher cipher);

#ifdef __cplusplus
}
#endif
#endif
