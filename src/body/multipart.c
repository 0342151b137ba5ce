/*
 * src/body/multipart.c - multipart bodies (RFC 2046 5.1.1, RFC 5621 3 and 4).
 *
 * The grammar of RFC 2046 5.1.1:
 *   multipart-body := [preamble CRLF] dash-boundary transport-padding CRLF
 *                     body-part *encapsulation close-delimiter
 *                     transport-padding [CRLF epilogue]
 *   encapsulation  := delimiter transport-padding CRLF body-part
 *   delimiter      := CRLF dash-boundary
 *   dash-boundary  := "--" boundary
 *   close-delimiter := delimiter "--"
 *   body-part      := MIME-part-headers [CRLF *OCTET]
 * The boundary is a grammar rule (grammar/rfc2046.abnf, matched by
 * sift__match_boundary); the delimiters have to be searched for, which is
 * done here with memchr over line ends and bounded compares: every read is
 * checked against the end of the body span first. Multipart parsers of other
 * SIP stacks have read past the end of the buffer while matching a boundary
 * at its very end; each such case has a unit test in tests/unit/test_body.c.
 */
#include <string.h>

#include "sipsift/body.h"
#include "sipsift/msg.h"
#include "grammar/internal.h"

static int is_lwsp(char c)
{
	return c == ' ' || c == '\t';
}

/* What starts at d, the first byte of a line. */
enum { NOT_DELIMITER = 0, DELIMITER, CLOSE_DELIMITER, DELIMITER_ERROR };

typedef struct found {
	const char *after;   /* first byte after the delimiter line */
	const char *fail;    /* DELIMITER_ERROR: where */
	const char *rule;
	sift_code code;
} found;

static int delimiter_at(const sift_multipart *it, const char *d, const char *end, found *f)
{
	const char *b = it->buf + it->boundary.off;
	size_t blen = it->boundary.len;
	if ((size_t)(end - d) < 2 + blen || d[0] != '-' || d[1] != '-' || memcmp(d + 2, b, blen) != 0)
		return NOT_DELIMITER;
	const char *q = d + 2 + blen;
	if (end - q >= 2 && q[0] == '-' && q[1] == '-') {
		/* close-delimiter transport-padding [CRLF epilogue] */
		q += 2;
		while (q < end && is_lwsp(*q))
			q++;
		if (q < end && *q == '\r' && end - q >= 2 && q[1] == '\n')
			q += 2;
		else if (q < end && *q == '\n' && !(it->options & SIFT_OPT_STRICT))
			q += 1;
		else if (q < end && (it->options & SIFT_OPT_STRICT)) {
			f->fail = q;
			f->rule = "close-delimiter";
			f->code = *q == '\n' ? SIFT_E_LINE_END : SIFT_E_BODY;
			return DELIMITER_ERROR;
		}
		f->after = q;
		return CLOSE_DELIMITER;
	}
	while (q < end && is_lwsp(*q))
		q++;
	if (q == end || (*q == '\r' && end - q == 1)) {
		/* "--boundary" as the last bytes: a delimiter line that never
		 * ends, so no body part can follow it. */
		f->fail = q;
		f->rule = "delimiter";
		f->code = SIFT_E_BODY;
		return DELIMITER_ERROR;
	}
	if (*q == '\r' && q[1] == '\n') {
		f->after = q + 2;
		return DELIMITER;
	}
	if (*q == '\n') {
		if (it->options & SIFT_OPT_STRICT) {
			f->fail = q;
			f->rule = "delimiter";
			f->code = SIFT_E_LINE_END;
			return DELIMITER_ERROR;
		}
		f->after = q + 1;
		return DELIMITER;
	}
	/* "--boundary" followed by other bytes: content that merely starts
	 * like a delimiter. */
	return NOT_DELIMITER;
}

/* The first line end at or after from whose next line is a delimiter:
 * returns the LF, or NULL (none, or an error with kind DELIMITER_ERROR). */
static const char *find_delimiter(const sift_multipart *it, const char *from, const char *end,
				  int *kind, found *f)
{
	const char *p = from;
	*kind = NOT_DELIMITER;
	while (p < end) {
		const char *lf = memchr(p, '\n', (size_t)(end - p));
		if (!lf)
			return NULL;
		*kind = delimiter_at(it, lf + 1, end, f);
		if (*kind != NOT_DELIMITER)
			return *kind == DELIMITER_ERROR ? NULL : lf;
		p = lf + 1;
	}
	return NULL;
}

sift_code sift_multipart_boundary(const char *buf, const sift_media_type *type,
				  sift_span *boundary, sift_error *err)
{
	if (!buf || !type || !boundary)
		return SIFT_E_ARGUMENT;
	boundary->off = boundary->len = 0;
	sift_param param;
	if (!sift_param_find(buf, type->params, "boundary", &param))
		return sift__fail(err, SIFT_E_NOT_FOUND, buf, buf + type->params.off + type->params.len,
				  "boundary");
	const char *v = buf + param.value.off;
	const char *vend = v + param.value.len;
	/* RFC 2045 5.1: value := token / quoted-string; a boundary with a
	 * space or one of ( ) , / : = ? must be quoted (RFC 2046 5.1.1). */
	if (vend - v >= 2 && *v == '"' && vend[-1] == '"') {
		v++;
		vend--;
	}
	const char *m = v < vend ? sift__match_boundary(v, vend) : NULL;
	if (!param.has_value || m != vend || vend - v > SIFT_BOUNDARY_MAX)
		return sift__fail(err, SIFT_E_BODY, buf, m && m < vend ? m : v, "boundary");
	*boundary = sift__span(buf, v, vend);
	return SIFT_OK;
}

int sift_media_type_is(const char *buf, const sift_media_type *type, const char *type_name,
		       const char *subtype_name)
{
	if (!buf || !type || !type_name)
		return 0;
	if (!sift__equal_nocase(buf + type->type.off, type->type.len, type_name))
		return 0;
	return !subtype_name ||
	       sift__equal_nocase(buf + type->subtype.off, type->subtype.len, subtype_name);
}

sift_code sift_multipart_begin(sift_multipart *it, const char *buf, sift_span body,
			       sift_span boundary, unsigned options, sift_error *err)
{
	if (!it || !buf)
		return SIFT_E_ARGUMENT;
	memset(it, 0, sizeof *it);
	it->buf = buf;
	it->body = body;
	it->boundary = boundary;
	it->options = options;
	it->done = 1;
	const char *b = buf + boundary.off;
	if (boundary.len == 0 || boundary.len > SIFT_BOUNDARY_MAX ||
	    sift__match_boundary(b, b + boundary.len) != b + boundary.len)
		return sift__fail(err, SIFT_E_BODY, buf, b, "boundary");
	const char *start = buf + body.off, *end = start + body.len;
	found f = { 0 };
	int kind = delimiter_at(it, start, end, &f);
	const char *preamble_end = start;
	if (kind == NOT_DELIMITER) {
		const char *lf = find_delimiter(it, start, end, &kind, &f);
		if (lf)
			preamble_end = lf > start && lf[-1] == '\r' ? lf - 1 : lf;
	}
	if (kind == DELIMITER_ERROR)
		return sift__fail(err, f.code, buf, f.fail, f.rule);
	if (kind == NOT_DELIMITER)
		return sift__fail(err, SIFT_E_BODY, buf, end, "dash-boundary");
	if (kind == CLOSE_DELIMITER)
		return sift__fail(err, SIFT_E_BODY, buf, preamble_end, "multipart-body");
	it->preamble = sift__span(buf, start, preamble_end);
	it->next = (uint32_t)(f.after - buf);
	it->done = 0;
	return SIFT_OK;
}

/* One header field of a part, [p, line_end) with its line end: the known
 * ones go through their typed parsers. */
static sift_code part_field(const sift_multipart *it, const char *p, const char *line_end,
			    sift_body_part *part, sift_error *err)
{
	const char *buf = it->buf;
	const char *name_end = sift__match_token(p, line_end);
	if (!name_end)
		return sift__fail(err, SIFT_E_BODY, buf, p, "MIME-part-headers");
	const char *q = name_end;
	while (q < line_end && is_lwsp(*q))
		q++;
	if (q == line_end || *q != ':')
		return sift__fail(err, SIFT_E_BODY, buf, q, "MIME-part-headers");
	q++;
	const char *vend = line_end;
	while (vend > q && (vend[-1] == '\n' || vend[-1] == '\r' || is_lwsp(vend[-1])))
		vend--;
	while (q < vend && (is_lwsp(*q) || *q == '\r' || *q == '\n'))
		q++;
	sift_span value = sift__span(buf, q, vend);
	size_t nlen = (size_t)(name_end - p);
	unsigned strict = it->options & SIFT_OPT_STRICT;
	sift_code rc = SIFT_OK;
	if (sift__equal_nocase(p, nlen, "Content-Type")) {
		part->content_type = value;
		part->has_type = 1;
		rc = sift_media_type_parse(buf, value, strict, &part->type, err);
	} else if (sift__equal_nocase(p, nlen, "Content-Disposition")) {
		part->disposition_value = value;
		part->has_disposition = 1;
		rc = sift_content_disposition_parse(buf, value, strict, &part->disposition, err);
	} else if (sift__equal_nocase(p, nlen, "Content-ID")) {
		part->content_id_value = value;
		part->has_id = 1;
		rc = sift_content_id_parse(buf, value, strict, &part->id, err);
	} else if (sift__equal_nocase(p, nlen, "Content-Transfer-Encoding")) {
		/* RFC 2045 6.1: mechanism := "7bit" / "8bit" / "binary" /
		 * "quoted-printable" / "base64" / ietf-token / x-token, all tokens */
		const char *t = q < vend ? sift__match_token(q, vend) : NULL;
		if (t != vend)
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf, t ? t : q, "mechanism");
		part->transfer_encoding = value;
		part->has_transfer_encoding = 1;
	}
	if (rc != SIFT_OK && err)
		err->header_id = SIFT_H_NONE;
	return rc;
}

/* MIME-part-headers [CRLF *OCTET] in [s, ce). */
static sift_code part_sections(const sift_multipart *it, const char *s, const char *ce,
			       sift_body_part *part, sift_error *err)
{
	const char *buf = it->buf;
	int strict = (it->options & SIFT_OPT_STRICT) != 0;
	const char *p = s;
	for (;;) {
		if (p == ce) {
			/* The part ends right after a header line: no body. */
			part->headers = sift__span(buf, s, ce);
			part->body = sift__span(buf, ce, ce);
			return SIFT_OK;
		}
		size_t empty = 0;
		if (*p == '\r' && ce - p >= 2 && p[1] == '\n')
			empty = 2;
		else if (*p == '\n') {
			if (strict)
				return sift__fail(err, SIFT_E_LINE_END, buf, p, "body-part");
			empty = 1;
		}
		if (empty) {
			part->headers = sift__span(buf, s, p);
			part->body = sift__span(buf, p + empty, ce);
			return SIFT_OK;
		}
		/* A header line, with its continuation lines (RFC 822 3.1.1
		 * folding, which RFC 2045 keeps). */
		const char *line = p;
		for (;;) {
			const char *lf = memchr(p, '\n', (size_t)(ce - p));
			if (!lf)
				return sift__fail(err, SIFT_E_BODY, buf, ce, "body-part");
			if (strict && (lf == p || lf[-1] != '\r'))
				return sift__fail(err, SIFT_E_LINE_END, buf, lf, "body-part");
			p = lf + 1;
			if (p == ce || !is_lwsp(*p))
				break;
		}
		sift_code rc = part_field(it, line, p, part, err);
		if (rc != SIFT_OK)
			return rc;
	}
}

sift_code sift_multipart_next(sift_multipart *it, sift_body_part *part, sift_error *err)
{
	if (!it || !part || !it->buf)
		return SIFT_E_ARGUMENT;
	memset(part, 0, sizeof *part);
	if (it->done)
		return SIFT_E_NOT_FOUND;
	it->done = 1;
	const char *buf = it->buf;
	const char *end = buf + it->body.off + it->body.len;
	const char *s = buf + it->next;
	/* The line end of the delimiter line before s may serve as the CRLF
	 * of the next delimiter: that is an empty part. */
	found f = { 0 };
	int kind;
	const char *lf = find_delimiter(it, s - 1, end, &kind, &f);
	if (kind == DELIMITER_ERROR)
		return sift__fail(err, f.code, buf, f.fail, f.rule);
	if (!lf)
		return sift__fail(err, SIFT_E_BODY, buf, end, "close-delimiter");
	const char *ce = lf < s ? s : (lf > s && lf[-1] == '\r' ? lf - 1 : lf);
	if ((it->options & SIFT_OPT_STRICT) && lf >= s && ce == lf)
		return sift__fail(err, SIFT_E_LINE_END, buf, lf, "delimiter");
	if ((it->options & SIFT_OPT_STRICT) && lf < s)
		return sift__fail(err, SIFT_E_BODY, buf, s, "body-part");
	part->part = sift__span(buf, s, ce);
	part->index = it->count;
	sift_code rc = part_sections(it, s, ce, part, err);
	if (rc != SIFT_OK)
		return rc;
	it->count++;
	it->next = (uint32_t)(f.after - buf);
	if (kind == CLOSE_DELIMITER) {
		it->closed = 1;
		it->epilogue = sift__span(buf, f.after, end);
	} else {
		it->done = 0;
	}
	return SIFT_OK;
}

sift_code sift_body_walk(const char *buf, sift_span body, const sift_media_type *type,
			 unsigned options, sift_body_visit_fn visit, void *context, sift_error *err)
{
	if (!buf)
		return SIFT_E_ARGUMENT;
	if (!type || !sift_media_type_is(buf, type, "multipart", NULL))
		return SIFT_OK;
	/* An explicit stack: nesting is bounded by SIFT_BODY_DEPTH_MAX and
	 * costs no C stack frames. */
	sift_multipart stack[SIFT_BODY_DEPTH_MAX];
	sift_span boundary;
	sift_code rc = sift_multipart_boundary(buf, type, &boundary, err);
	if (rc == SIFT_E_NOT_FOUND)
		return sift__fail(err, SIFT_E_BODY, buf, buf + type->type.off, "boundary");
	if (rc != SIFT_OK)
		return rc;
	rc = sift_multipart_begin(&stack[0], buf, body, boundary, options, err);
	if (rc != SIFT_OK)
		return rc;
	unsigned depth = 1;
	sift_body_part part;
	while (depth > 0) {
		rc = sift_multipart_next(&stack[depth - 1], &part, err);
		if (rc == SIFT_E_NOT_FOUND) {
			depth--;
			continue;
		}
		if (rc != SIFT_OK)
			return rc;
		if (visit && visit(context, &part, depth))
			return SIFT_OK;
		if (!part.has_type || !sift_media_type_is(buf, &part.type, "multipart", NULL))
			continue;
		if (depth == SIFT_BODY_DEPTH_MAX)
			return sift__fail(err, SIFT_E_BODY, buf, buf + part.part.off, "multipart-depth");
		rc = sift_multipart_boundary(buf, &part.type, &boundary, err);
		if (rc == SIFT_E_NOT_FOUND)
			return sift__fail(err, SIFT_E_BODY, buf, buf + part.content_type.off, "boundary");
		if (rc != SIFT_OK)
			return rc;
		rc = sift_multipart_begin(&stack[depth], buf, part.body, boundary, options, err);
		if (rc != SIFT_OK)
			return rc;
		depth++;
	}
	return SIFT_OK;
}
