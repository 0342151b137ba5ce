/*
 * src/check/rules_body.c - lint rules of message bodies, on the body layer
 * (include/sipsift/body.h): multipart syntax and RFC 5621 (6.2, 8.2, 9.2),
 * body parts without Content-Type (RFC 2046 5.1), Content-ID uniqueness and
 * cid: references (RFC 8262 3.3, 3.4.1), S/MIME (RFC 5751 3.2.2, 3.5.3;
 * RFC 8591 4.2, RFC 3853 2).
 *
 * The walk is sift_body_walk()'s: depth bounded, no recursion. What the
 * rules remember about parts (ids, bodies) is kept in fixed arrays; a
 * message with more parts than they hold is checked for the first ones.
 */
#include <string.h>

#include "sipsift/check.h"
#include "sipsift/body.h"
#include "check/internal.h"
#include "grammar/internal.h"

#define report sift__report
#define first sift__check_first

#define MAX_PARTS 64

typedef struct body_state {
	sift__checker *c;
	unsigned options;
	uint32_t part_count;           /* parts visited, in document order */
	uint32_t id_count;
	sift_span ids[MAX_PARTS];      /* Content-ID id-left "@" id-right */
	int32_t id_part[MAX_PARTS];    /* the part it names; -1 for the message */
	uint32_t leaf_count;
	sift_span leaves[MAX_PARTS];   /* bodies of non-multipart parts */
	uint32_t leaf_part[MAX_PARTS];
} body_state;


static int span_equal(const char *buf, sift_span a, sift_span b)
{
	return a.len == b.len && memcmp(buf + a.off, buf + b.off, a.len) == 0;
}

/* RFC 8262 3.4.1: "A UA MUST set the value of the Content-ID header field
 * to a value that is unique in the context of the SIP message." */
static void remember_id(body_state *st, sift_span id, sift_span where, int32_t part)
{
	const char *buf = st->c->buf;
	for (uint32_t i = 0; i < st->id_count; i++)
		if (span_equal(buf, st->ids[i], id)) {
			report(st->c, SIFT_RULE_RFC8262_CONTENT_ID_DUPLICATE, where.off, where.len,
			       "Content-ID <%.*s> already used", (int)id.len, buf + id.off);
			return;
		}
	if (st->id_count < MAX_PARTS) {
		st->ids[st->id_count] = id;
		st->id_part[st->id_count++] = part;
	}
}

/* The S/MIME rules for one entity (the message or a body part). */
static void check_smime(body_state *st, const sift_media_type *type, sift_span body,
			sift_span where)
{
	sift__checker *c = st->c;
	sift_smime s;
	sift_code rc = sift_smime_inspect(c->buf, type, body, 0, &s, NULL);
	if (s.kind == SIFT_SMIME_NONE)
		return;
	if (s.kind == SIFT_SMIME_MULTIPART_SIGNED) {
		/* RFC 5751 3.5.3: "The multipart/signed Content-Type has two
		 * required parameters: the protocol parameter and the micalg
		 * parameter." */
		if (!s.has_protocol || !s.has_micalg)
			report(c, SIFT_RULE_RFC5751_MULTIPART_SIGNED_PARAMS, where.off, where.len,
			       "multipart/signed without %s", !s.has_protocol ? "protocol" : "micalg");
		return;
	}
	if (s.kind == SIFT_SMIME_SIGNATURE)
		return;
	/* RFC 5751 3.2.2: "the optional "smime-type" parameter ... SHOULD be
	 * assigned"; the receiver otherwise has to open the CMS to know. */
	if (!s.has_smime_type)
		report(c, SIFT_RULE_RFC5751_SMIME_TYPE_MISSING, where.off, where.len,
		       "application/pkcs7-mime without smime-type");
	/* RFC 3853 2 moved SIP S/MIME from 3DES to AES; RFC 8591 4.2 asks for
	 * AES-128-GCM in auth-enveloped-data. */
	if (rc == SIFT_OK && s.cipher == SIFT_CIPHER_DES_EDE3_CBC)
		report(c, SIFT_RULE_RFC8591_SMIME_3DES, s.cipher_oid.off, s.cipher_oid.len,
		       "enveloped-data names only 3DES (DES-EDE3-CBC) as content encryption");
}

/* The explicit disposition type of a part, or an empty span. */
static sift_span disposition_type(const sift_body_part *p)
{
	sift_span none = { 0, 0 };
	return p->has_disposition ? p->disposition.type : none;
}

static int media_equal(const char *buf, const sift_media_type *a, const sift_media_type *b)
{
	return sift__spans_equal_nocase(buf, a->type, b->type) &&
	       sift__spans_equal_nocase(buf, a->subtype, b->subtype);
}

/* RFC 5621 6.2 and 8.2 on one multipart/alternative (its own explicit
 * disposition type in `own`, empty when absent). */
static void check_alternative(body_state *st, sift_span body, const sift_media_type *type,
			      sift_span own)
{
	sift__checker *c = st->c;
	const char *buf = c->buf;
	sift_span boundary;
	sift_multipart it;
	sift_body_part part;
	if (sift_multipart_boundary(buf, type, &boundary, NULL) != SIFT_OK ||
	    sift_multipart_begin(&it, buf, body, boundary, st->options, NULL) != SIFT_OK)
		return;
	sift_span disp = own;
	sift_media_type seen[16];
	unsigned seen_count = 0, reported_disp = 0, reported_type = 0;
	while (sift_multipart_next(&it, &part, NULL) == SIFT_OK) {
		sift_span d = disposition_type(&part);
		/* 8.2: "The UA MUST use the same disposition type for the
		 * 'multipart/alternative' body and all its top-level body
		 * parts." Only types written out are compared. */
		if (d.len && disp.len && !sift__spans_equal_nocase(buf, d, disp) && !reported_disp) {
			report(c, SIFT_RULE_RFC5621_ALTERNATIVE_DISPOSITION, part.disposition_value.off,
			       part.disposition_value.len, "disposition %.*s where %.*s was given",
			       (int)d.len, buf + d.off, (int)disp.len, buf + disp.off);
			reported_disp = 1;
		}
		if (d.len && !disp.len)
			disp = d;
		/* 6.2: for session and early-session, no two parts of one
		 * content type. A part without a disposition has the default:
		 * session for application/sdp (RFC 3261 20.11). */
		if (!part.has_type)
			continue;
		int session = d.len ? (sift__equal_nocase(buf + d.off, d.len, "session") ||
				       sift__equal_nocase(buf + d.off, d.len, "early-session"))
				    : sift_media_type_is(buf, &part.type, "application", "sdp");
		if (!session)
			continue;
		for (unsigned i = 0; i < seen_count && !reported_type; i++)
			if (media_equal(buf, &seen[i], &part.type)) {
				report(c, SIFT_RULE_RFC5621_ALTERNATIVE_SAME_TYPE, part.content_type.off,
				       part.content_type.len, "second %.*s/%.*s part",
				       (int)part.type.type.len, buf + part.type.type.off,
				       (int)part.type.subtype.len, buf + part.type.subtype.off);
				reported_type = 1;
			}
		if (seen_count < 16)
			seen[seen_count++] = part.type;
	}
}

static int visit(void *context, const sift_body_part *part, unsigned depth)
{
	body_state *st = context;
	sift__checker *c = st->c;
	uint32_t index = st->part_count++;
	(void)depth;
	if (part->has_id)
		remember_id(st, part->id.id, part->content_id_value, (int32_t)index);
	if (!part->has_type) {
		/* RFC 2046 5.1: a part without Content-Type is text/plain;
		 * charset=us-ascii, which a SIP body part rarely is. */
		if (part->body.len)
			report(c, SIFT_RULE_RFC5621_PART_WITHOUT_CONTENT_TYPE, part->part.off,
			       part->body.len ? 1 : 0, "body part %u has no Content-Type", index + 1);
		return 0;
	}
	sift_span where = part->content_type;
	check_smime(st, &part->type, part->body, where);
	if (sift_media_type_is(c->buf, &part->type, "multipart", "alternative"))
		check_alternative(st, part->body, &part->type, disposition_type(part));
	if (!sift_media_type_is(c->buf, &part->type, "multipart", NULL) && st->leaf_count < MAX_PARTS) {
		st->leaves[st->leaf_count] = part->body;
		st->leaf_part[st->leaf_count++] = index;
	}
	return 0;
}

/* cid: URLs (RFC 2392) in [p, end): each one's content-id is looked up.
 * from_part is the referencing part's index, or -1 for a header field. */
static void check_cids(body_state *st, sift_span text, int64_t from_part)
{
	sift__checker *c = st->c;
	const char *buf = c->buf;
	const char *p = buf + text.off, *end = p + text.len;
	while (end - p > 4) {
		/* The first "cid:" at or after p with a byte after it: each ':'
		 * (memchr, most values hold one or two) is tested as the fourth
		 * byte of one. Every header value and leaf body is searched, so
		 * a byte-by-byte test was 4% of siplint's time. */
		const char *hit = NULL;
		for (const char *at = p + 3; end - at > 1;) {
			const char *colon = memchr(at, ':', (size_t)(end - 1 - at));
			if (!colon)
				break;
			const char *q = colon - 3;
			if ((q[0] | 0x20) == 'c' && (q[1] | 0x20) == 'i' && (q[2] | 0x20) == 'd' &&
			    (q == buf + text.off || q[-1] == '<' || q[-1] == '"' || q[-1] == '\'' ||
			     q[-1] == ' ' || q[-1] == '=' || q[-1] == ':')) {
				hit = q;
				break;
			}
			at = colon + 1;
		}
		if (!hit)
			return;
		const char *s = hit + 4, *e = s;
		int escaped = 0;
		while (e < end && *e != '>' && *e != '"' && *e != '\'' && *e != '<' && *e != ' ' &&
		       *e != '\t' && *e != '\r' && *e != '\n' && *e != ';' && *e != ')') {
			escaped |= *e == '%';
			e++;
		}
		p = e;
		/* A %-escaped cid is compared decoded by a receiver; skip it
		 * rather than guess. An empty one names nothing either. */
		if (escaped || e == s)
			continue;
		sift_span id = sift__span(buf, s, e);
		int64_t target = -2;
		for (uint32_t i = 0; i < st->id_count; i++)
			if (span_equal(buf, st->ids[i], id)) {
				target = st->id_part[i];
				break;
			}
		sift_span url = sift__span(buf, hit, e);
		if (target == -2)
			report(c, SIFT_RULE_RFC8262_CID_UNRESOLVED, url.off, url.len,
			       "%.*s names no Content-ID", (int)url.len, buf + url.off);
		else if (from_part >= 0 && target <= from_part)
			report(c, SIFT_RULE_RFC5621_BACKWARD_REFERENCE, url.off, url.len,
			       "%.*s in body part %u names %s", (int)url.len, buf + url.off,
			       (unsigned)from_part + 1, target < 0 ? "the message-body" : "an earlier part");
	}
}

void sift__check_body(sift__checker *c)
{
	const sift_msg *msg = c->msg;
	const sift_header *h = first(c, SIFT_H_CONTENT_TYPE);
	sift_media_type type;
	/* The counts only: the arrays (1.5 KiB) are read below their counts,
	 * and copying a zeroed state per message cost more than the rules. */
	body_state st;
	st.c = c;
	st.options = c->config->parse_options & SIFT_OPT_STRICT;
	st.part_count = 0;
	st.id_count = 0;
	st.leaf_count = 0;
	const sift_header *cid = first(c, SIFT_H_CONTENT_ID);
	sift_content_id id;
	if (cid && msg->body.len && sift_content_id_parse(c->buf, cid->value, 0, &id, NULL) == SIFT_OK)
		remember_id(&st, id.id, cid->value, -1);
	int typed = h && msg->body.len && sift_media_type_parse(c->buf, h->value, 0, &type, NULL) == SIFT_OK;
	if (typed)
		check_smime(&st, &type, msg->body, h->value);
	if (typed && sift_media_type_is(c->buf, &type, "multipart", NULL)) {
		if (sift_media_type_is(c->buf, &type, "multipart", "alternative")) {
			const sift_header *dh = first(c, SIFT_H_CONTENT_DISPOSITION);
			sift_content_disposition d;
			sift_span own = { 0, 0 };
			if (dh && sift_content_disposition_parse(c->buf, dh->value, 0, &d, NULL) == SIFT_OK)
				own = d.type;
			check_alternative(&st, msg->body, &type, own);
		}
		sift_error err = { SIFT_OK, 0, NULL, SIFT_H_NONE };
		sift_code rc = sift_body_walk(c->buf, msg->body, &type, st.options, visit, &st, &err);
		if (rc != SIFT_OK) {
			uint32_t at = err.offset;
			report(c, SIFT_RULE_RFC5621_MULTIPART_SYNTAX, at, at < c->len ? 1 : 0,
			       "%s at offset %u: %s", err.rule ? err.rule : "multipart-body",
			       (unsigned)at, sift_strerror(rc));
		}
	}
	/* References: every header value, then every leaf part's body. */
	for (uint32_t i = 0; i < msg->header_count; i++)
		check_cids(&st, msg->headers[i].value, -1);
	for (uint32_t i = 0; i < st.leaf_count; i++)
		check_cids(&st, st.leaves[i], st.leaf_part[i]);
}
