/*
 * tests/unit/test_body.c - the message-body layer (include/sipsift/body.h):
 * multipart bodies (RFC 2046 5.1.1, RFC 5621 3), the bounded tree walk, the
 * hostile inputs other SIP stacks have read past the end on, and the S/MIME
 * inspector checked against fixtures OpenSSL made
 * (tests/data/body/make_smime.sh).
 *
 * Every input is copied into a heap block of exactly its length, so the
 * sanitizer build catches a read one byte past the end.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <cmocka.h>

#include "sipsift/sipsift.h"

#define MAX_COPIES 64
static char *copies[MAX_COPIES];
static size_t copy_count;

static char *keep(char *p)
{
	assert_non_null(p);
	assert_true(copy_count < MAX_COPIES);
	copies[copy_count++] = p;
	return p;
}

static int teardown(void **state)
{
	(void)state;
	while (copy_count)
		free(copies[--copy_count]);
	return 0;
}

static int span_is(const char *buf, sift_span s, const char *expected)
{
	return s.len == strlen(expected) && memcmp(buf + s.off, expected, s.len) == 0;
}

/* A message-like buffer: the Content-Type value, then the body with every
 * "\n" written as CRLF (crlf set) or as it is; exact size. */
typedef struct input {
	const char *buf;
	size_t len;
	sift_media_type type;
	sift_span body;
} input;

static input make(const char *content_type, const char *body, int crlf)
{
	size_t ct = strlen(content_type), n = strlen(body), extra = 0;
	for (size_t i = 0; crlf && i < n; i++)
		extra += body[i] == '\n';
	char *b = keep(malloc(ct + n + extra + 1));
	memcpy(b, content_type, ct);
	size_t o = ct;
	for (size_t i = 0; i < n; i++) {
		if (crlf && body[i] == '\n')
			b[o++] = '\r';
		b[o++] = body[i];
	}
	input in = { b, o, { { 0, 0 }, { 0, 0 }, { 0, 0 } }, { (uint32_t)ct, (uint32_t)(o - ct) } };
	sift_span v = { 0, (uint32_t)ct };
	assert_int_equal(sift_media_type_parse(b, v, 0, &in.type, NULL), SIFT_OK);
	return in;
}

/* Runs the iterator to the end; returns the final code and the count. */
static sift_code run(const input *in, unsigned options, unsigned *count, sift_error *err)
{
	sift_span boundary;
	sift_multipart it;
	sift_body_part part;
	*count = 0;
	memset(err, 0, sizeof *err);
	sift_code rc = sift_multipart_boundary(in->buf, &in->type, &boundary, err);
	if (rc != SIFT_OK)
		return rc;
	rc = sift_multipart_begin(&it, in->buf, in->body, boundary, options, err);
	if (rc != SIFT_OK)
		return rc;
	while ((rc = sift_multipart_next(&it, &part, err)) == SIFT_OK) {
		assert_true(part.part.off >= in->body.off);
		assert_true(part.part.off + part.part.len <= in->body.off + in->body.len);
		(*count)++;
	}
	return rc;
}

static void expect_error(const input *in, unsigned options, sift_code code, size_t offset,
			 const char *rule)
{
	unsigned count;
	sift_error err;
	sift_code rc = run(in, options, &count, &err);
	if (rc != code || err.offset != offset || !err.rule || strcmp(err.rule, rule) != 0)
		fail_msg("got %s at %u rule %s; expected %s at %zu rule %s", sift_code_name(rc),
			 (unsigned)err.offset, err.rule ? err.rule : "(null)", sift_code_name(code),
			 offset, rule);
}

static const char figure2_body[] =
	"--boundary1\n"
	"Content-Type: application/sdp\n"
	"\n"
	"v=0\n"
	"o=alice 2890844526 2890842807 IN IP4 atlanta.example.com\n"
	"s=-\n"
	"c=IN IP4 192.0.2.1\n"
	"t=0 0\n"
	"m=audio 20000 RTP/AVP 0\n"
	"a=rtpmap:0 PCMU/8000\n"
	"m=video 20002 RTP/AVP 31\n"
	"a=rtpmap:31 H261/90000\n"
	"\n"
	"--boundary1\n"
	"Content-Type: application/resource-lists+xml\n"
	"Content-Disposition: recipient-list\n"
	"\n"
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\">\n"
	"  <list>\n"
	"    <entry uri=\"sip:bill@example.com\"/>\n"
	"    <entry uri=\"sip:randy@example.net\"/>\n"
	"    <entry uri=\"sip:joe@example.org\"/>\n"
	"  </list>\n"
	"</resource-lists>\n"
	"--boundary1--\n";

/* RFC 5621 3, Figure 2: two body parts, SDP and a recipient list. */
static void rfc5621_3_figure2_two_body_parts(void **state)
{
	(void)state;
	input in = make("multipart/mixed;boundary=\"boundary1\"", figure2_body, 1);
	sift_span boundary;
	sift_multipart it;
	sift_body_part part;
	sift_error err;
	assert_int_equal(sift_multipart_boundary(in.buf, &in.type, &boundary, &err), SIFT_OK);
	assert_true(span_is(in.buf, boundary, "boundary1"));
	assert_int_equal(sift_multipart_begin(&it, in.buf, in.body, boundary, SIFT_OPT_STRICT, &err), SIFT_OK);
	assert_int_equal(it.preamble.len, 0);

	assert_int_equal(sift_multipart_next(&it, &part, &err), SIFT_OK);
	assert_int_equal(part.index, 0);
	assert_true(part.has_type);
	assert_true(sift_media_type_is(in.buf, &part.type, "application", "sdp"));
	assert_true(span_is(in.buf, part.headers, "Content-Type: application/sdp\r\n"));
	assert_int_equal(memcmp(in.buf + part.body.off, "v=0\r\n", 5), 0);
	/* the empty line before the delimiter is the part's last line end */
	assert_int_equal(memcmp(in.buf + part.body.off + part.body.len - 12, "H261/90000\r\n", 12), 0);
	assert_false(part.has_disposition);

	assert_int_equal(sift_multipart_next(&it, &part, &err), SIFT_OK);
	assert_int_equal(part.index, 1);
	assert_true(sift_media_type_is(in.buf, &part.type, "application", "resource-lists+xml"));
	assert_true(part.has_disposition);
	assert_int_equal(part.disposition.disposition, SIFT_DISPOSITION_RECIPIENT_LIST);
	assert_int_equal(memcmp(in.buf + part.body.off + part.body.len - 17, "</resource-lists>", 17), 0);

	assert_int_equal(sift_multipart_next(&it, &part, &err), SIFT_E_NOT_FOUND);
	assert_true(it.closed);
	assert_int_equal(it.epilogue.len, 0);
	assert_int_equal(sift_multipart_next(&it, &part, &err), SIFT_E_NOT_FOUND);
}

/* RFC 8262 3.3 example (REFER with a multipart body): the part's Content-ID. */
static void rfc8262_3_3_refer_example_content_id(void **state)
{
	(void)state;
	input in = make("multipart/mixed; boundary=boundary1",
			"--boundary1\n"
			"Content-Type: application/resource-lists+xml\n"
			"Content-Disposition: recipient-list\n"
			"Content-ID: <cn35t8jf02@example.com>\n"
			"\n"
			"<resource-lists/>\n"
			"--boundary1--\n", 1);
	sift_span boundary;
	sift_multipart it;
	sift_body_part part;
	assert_int_equal(sift_multipart_boundary(in.buf, &in.type, &boundary, NULL), SIFT_OK);
	assert_int_equal(sift_multipart_begin(&it, in.buf, in.body, boundary, 0, NULL), SIFT_OK);
	assert_int_equal(sift_multipart_next(&it, &part, NULL), SIFT_OK);
	assert_true(part.has_id);
	assert_true(span_is(in.buf, part.id.id, "cn35t8jf02@example.com"));
	assert_true(span_is(in.buf, part.body, "<resource-lists/>"));
}

/* RFC 2046 5.1.1: boundary := 0*69<bchars> bcharsnospace, quoted or not. */
static void rfc2046_5_1_1_boundary_parameter(void **state)
{
	(void)state;
	sift_span b;
	sift_error err;
	input in = make("multipart/mixed; boundary=\"gc0pJq0M:08jU534c0p\"", "", 0);
	assert_int_equal(sift_multipart_boundary(in.buf, &in.type, &b, &err), SIFT_OK);
	assert_true(span_is(in.buf, b, "gc0pJq0M:08jU534c0p"));
	in = make("multipart/mixed; boundary=\"simple boundary\"", "", 0);
	assert_int_equal(sift_multipart_boundary(in.buf, &in.type, &b, &err), SIFT_OK);
	assert_true(span_is(in.buf, b, "simple boundary"));
	in = make("multipart/mixed; boundary=abc", "", 0);
	assert_int_equal(sift_multipart_boundary(in.buf, &in.type, &b, &err), SIFT_OK);
	assert_true(span_is(in.buf, b, "abc"));

	char ct[128] = "multipart/mixed;boundary=";
	size_t n = strlen(ct);
	memset(ct + n, 'x', 70);
	ct[n + 70] = 0;
	in = make(ct, "", 0);
	assert_int_equal(sift_multipart_boundary(in.buf, &in.type, &b, &err), SIFT_OK);
	assert_int_equal(b.len, 70);
	ct[n + 70] = 'x';
	ct[n + 71] = 0;
	in = make(ct, "", 0);
	assert_int_equal(sift_multipart_boundary(in.buf, &in.type, &b, &err), SIFT_E_BODY);
	assert_string_equal(err.rule, "boundary");
	assert_int_equal(err.offset, n + 70);

	/* bcharsnospace last: a trailing space is not a boundary */
	in = make("multipart/mixed; boundary=\"ab \"", "", 0);
	assert_int_equal(sift_multipart_boundary(in.buf, &in.type, &b, &err), SIFT_E_BODY);
	assert_int_equal(err.offset, 29);
	in = make("multipart/mixed; boundary=\"\"", "", 0);
	assert_int_equal(sift_multipart_boundary(in.buf, &in.type, &b, &err), SIFT_E_BODY);
	in = make("multipart/mixed; charset=x", "", 0);
	assert_int_equal(sift_multipart_boundary(in.buf, &in.type, &b, &err), SIFT_E_NOT_FOUND);
}

/* RFC 2046 5.1.1: preamble and epilogue are ignored; transport padding
 * (LWSP) may follow a boundary; the first delimiter may start the body. */
static void rfc2046_5_1_1_preamble_padding_epilogue(void **state)
{
	(void)state;
	input in = make("multipart/mixed;boundary=b",
			"This is the preamble.\n"
			"--b \t\n"
			"\n"
			"implicitly typed plain ASCII text\n"
			"--b\n"
			"Content-type: text/plain; charset=us-ascii\n"
			"\n"
			"explicitly typed\n"
			"--b--  \n"
			"This is the epilogue.\n", 1);
	sift_span boundary;
	sift_multipart it;
	sift_body_part part;
	assert_int_equal(sift_multipart_boundary(in.buf, &in.type, &boundary, NULL), SIFT_OK);
	assert_int_equal(sift_multipart_begin(&it, in.buf, in.body, boundary, SIFT_OPT_STRICT, NULL), SIFT_OK);
	assert_true(span_is(in.buf, it.preamble, "This is the preamble."));
	assert_int_equal(sift_multipart_next(&it, &part, NULL), SIFT_OK);
	assert_false(part.has_type); /* RFC 2046 5.1: defaults to text/plain */
	assert_int_equal(part.headers.len, 0);
	assert_true(span_is(in.buf, part.body, "implicitly typed plain ASCII text"));
	assert_int_equal(sift_multipart_next(&it, &part, NULL), SIFT_OK);
	assert_true(part.has_type); /* header names are case-insensitive */
	assert_true(span_is(in.buf, part.body, "explicitly typed"));
	assert_int_equal(sift_multipart_next(&it, &part, NULL), SIFT_E_NOT_FOUND);
	assert_true(span_is(in.buf, it.epilogue, "This is the epilogue.\r\n"));
}

/* A line that starts with "--" boundary but goes on is content. */
static void rfc2046_5_1_1_boundary_prefix_line_is_content(void **state)
{
	(void)state;
	input in = make("multipart/mixed;boundary=b",
			"--b\n\n--bc is text\n--b-x\n--b--\n", 1);
	sift_span boundary;
	sift_multipart it;
	sift_body_part part;
	assert_int_equal(sift_multipart_boundary(in.buf, &in.type, &boundary, NULL), SIFT_OK);
	assert_int_equal(sift_multipart_begin(&it, in.buf, in.body, boundary, 0, NULL), SIFT_OK);
	assert_int_equal(sift_multipart_next(&it, &part, NULL), SIFT_OK);
	assert_true(span_is(in.buf, part.body, "--bc is text\r\n--b-x"));
	assert_int_equal(sift_multipart_next(&it, &part, NULL), SIFT_E_NOT_FOUND);
}

/* RFC 2046 5.1.1 says CRLF; a bare LF is accepted unless strict. */
static void rfc2046_5_1_1_bare_lf_only_when_not_strict(void **state)
{
	(void)state;
	input in = make("multipart/mixed;boundary=b",
			"--b\nContent-Type: text/plain\n\nhi\n--b--\n", 0);
	unsigned count;
	sift_error err;
	assert_int_equal(run(&in, 0, &count, &err), SIFT_E_NOT_FOUND);
	assert_int_equal(count, 1);
	assert_int_equal(run(&in, SIFT_OPT_STRICT, &count, &err), SIFT_E_LINE_END);
}

/* Hostile: a boundary that appears nowhere. */
static void hostile_boundary_not_found(void **state)
{
	(void)state;
	input in = make("multipart/mixed;boundary=b", "no delimiter here\r\n-b\r\n", 0);
	expect_error(&in, 0, SIFT_E_BODY, in.len, "dash-boundary");
	in = make("multipart/mixed;boundary=b", "", 0);
	expect_error(&in, 0, SIFT_E_BODY, in.len, "dash-boundary");
	in = make("multipart/mixed;boundary=b", "-", 0);
	expect_error(&in, 0, SIFT_E_BODY, in.len, "dash-boundary");
}

/* Hostile: "--b" as the very last bytes, with no line end, as the first
 * delimiter and as a later one (and "--b\r", "--b  "). */
static void hostile_boundary_at_end_without_crlf(void **state)
{
	(void)state;
	input in = make("multipart/mixed;boundary=b", "--b", 0);
	expect_error(&in, 0, SIFT_E_BODY, in.len, "delimiter");
	in = make("multipart/mixed;boundary=b", "preamble\r\n--b\r", 0);
	expect_error(&in, 0, SIFT_E_BODY, in.len - 1, "delimiter");
	in = make("multipart/mixed;boundary=b", "--b\r\n\r\nbody\r\n--b", 0);
	expect_error(&in, 0, SIFT_E_BODY, in.len, "delimiter");
	in = make("multipart/mixed;boundary=b", "--b\r\n\r\nbody\r\n--b  ", 0);
	expect_error(&in, 0, SIFT_E_BODY, in.len, "delimiter");
	/* "--b-" at the end: neither a delimiter nor a close-delimiter */
	in = make("multipart/mixed;boundary=b", "--b\r\n\r\nbody\r\n--b-", 0);
	expect_error(&in, 0, SIFT_E_BODY, in.len, "close-delimiter");
	/* a boundary longer than the body */
	in = make("multipart/mixed;boundary=boundaryboundary", "--bound", 0);
	expect_error(&in, 0, SIFT_E_BODY, in.len, "dash-boundary");
}

/* Hostile: a boundary longer than 70 characters given to begin(). */
static void hostile_boundary_longer_than_70(void **state)
{
	(void)state;
	char body[200] = "--";
	memset(body + 2, 'b', 71);
	strcpy(body + 73, "\r\n\r\nx\r\n");
	char *buf = keep(malloc(strlen(body)));
	memcpy(buf, body, strlen(body));
	sift_span span = { 0, (uint32_t)strlen(body) }, boundary = { 2, 71 };
	sift_multipart it;
	sift_error err;
	assert_int_equal(sift_multipart_begin(&it, buf, span, boundary, 0, &err), SIFT_E_BODY);
	assert_string_equal(err.rule, "boundary");
	sift_body_part part;
	assert_int_equal(sift_multipart_next(&it, &part, &err), SIFT_E_NOT_FOUND);
	boundary.len = 0;
	assert_int_equal(sift_multipart_begin(&it, buf, span, boundary, 0, &err), SIFT_E_BODY);
}

/* Hostile: a part whose header section never ends (no empty line). */
static void hostile_part_without_header_section_end(void **state)
{
	(void)state;
	input in = make("multipart/mixed;boundary=b",
			"--b\r\nContent-Type: text/plain\r\n--b--\r\n", 0);
	/* the CRLF before "--b--" belongs to the delimiter (RFC 2046 5.1.1) */
	expect_error(&in, 0, SIFT_E_BODY, in.body.off + 29, "body-part");
	in = make("multipart/mixed;boundary=b", "--b\r\njust text\r\n--b--", 0);
	expect_error(&in, 0, SIFT_E_BODY, in.body.off + 14, "body-part");
	/* a header line without a name and ':' */
	in = make("multipart/mixed;boundary=b", "--b\r\n: x\r\n\r\n\r\n--b--", 0);
	expect_error(&in, 0, SIFT_E_BODY, in.body.off + 5, "MIME-part-headers");
	/* a malformed Content-Type value: the typed parser's error */
	in = make("multipart/mixed;boundary=b", "--b\r\nContent-Type: text\r\n\r\n\r\n--b--", 0);
	unsigned count;
	sift_error err;
	assert_int_equal(run(&in, 0, &count, &err), SIFT_E_HEADER_VALUE);
}

/* Hostile: no close-delimiter: the body ends inside a part. */
static void hostile_close_delimiter_missing(void **state)
{
	(void)state;
	input in = make("multipart/mixed;boundary=b",
			"--b\r\nContent-Type: text/plain\r\n\r\nhello\r\n", 0);
	expect_error(&in, 0, SIFT_E_BODY, in.len, "close-delimiter");
	in = make("multipart/mixed;boundary=b", "--b\r\n\r\nhello\r\n--b\r\n\r\nmore", 0);
	expect_error(&in, 0, SIFT_E_BODY, in.len, "close-delimiter");
	/* the first delimiter is the close-delimiter: no body part */
	in = make("multipart/mixed;boundary=b", "--b--\r\n", 0);
	expect_error(&in, 0, SIFT_E_BODY, in.body.off, "multipart-body");
}

/* Every prefix of a good body: an error or the end, never a read past it
 * (the sanitizer build checks the reads; each prefix is its own block). */
static void hostile_every_truncation_stays_inside(void **state)
{
	(void)state;
	const char *ct = "multipart/mixed;boundary=\"boundary1\"";
	input full = make(ct, figure2_body, 1);
	for (size_t cut = 0; cut <= full.body.len; cut++) {
		char *b = malloc(full.body.off + cut);
		assert_non_null(b);
		memcpy(b, full.buf, full.body.off + cut);
		input in = full;
		in.buf = b;
		in.body.len = (uint32_t)cut;
		unsigned count;
		sift_error err;
		sift_code rc = run(&in, 0, &count, &err);
		if (rc != SIFT_E_NOT_FOUND)
			assert_true(err.offset <= in.body.off + cut);
		free(b);
	}
}

/* An empty part between two delimiters, "--b\r\n--b": accepted by default,
 * rejected when strict (RFC 2046 5.1.1 gives each part its own CRLF). */
static void rfc2046_5_1_1_empty_part(void **state)
{
	(void)state;
	input in = make("multipart/mixed;boundary=b", "--b\r\n--b\r\n\r\nx\r\n--b--", 0);
	unsigned count;
	sift_error err;
	assert_int_equal(run(&in, 0, &count, &err), SIFT_E_NOT_FOUND);
	assert_int_equal(count, 2);
	assert_int_equal(run(&in, SIFT_OPT_STRICT, &count, &err), SIFT_E_BODY);
	assert_string_equal(err.rule, "body-part");
}

static int count_visit(void *context, const sift_body_part *part, unsigned depth)
{
	unsigned *seen = context;
	(void)part;
	seen[0]++;
	if (depth > seen[1])
		seen[1] = depth;
	return 0;
}

/* Nested multiparts are walked with an explicit stack of bounded depth. */
static void body_walk_nested_and_depth_bound(void **state)
{
	(void)state;
	/* levels l1..lN, each one part holding the next multipart */
	char body[4096], ct[64];
	for (unsigned levels = 2; levels <= SIFT_BODY_DEPTH_MAX + 1; levels++) {
		size_t o = 0;
		for (unsigned i = 1; i < levels; i++)
			o += (size_t)snprintf(body + o, sizeof body - o,
					      "--l%u\r\nContent-Type: multipart/mixed;boundary=l%u\r\n\r\n",
					      i, i + 1);
		o += (size_t)snprintf(body + o, sizeof body - o, "--l%u\r\n\r\nleaf\r\n--l%u--", levels, levels);
		for (unsigned i = levels - 1; i >= 1; i--)
			o += (size_t)snprintf(body + o, sizeof body - o, "\r\n--l%u--", i);
		snprintf(ct, sizeof ct, "multipart/mixed;boundary=l1");
		input in = make(ct, body, 0);
		unsigned seen[2] = { 0, 0 };
		sift_error err;
		sift_code rc = sift_body_walk(in.buf, in.body, &in.type, 0, count_visit, seen, &err);
		if (levels <= SIFT_BODY_DEPTH_MAX) {
			assert_int_equal(rc, SIFT_OK);
			assert_int_equal(seen[0], levels);
			assert_int_equal(seen[1], levels);
		} else {
			assert_int_equal(rc, SIFT_E_BODY);
			assert_string_equal(err.rule, "multipart-depth");
		}
	}
	/* not multipart: nothing visited */
	input plain = make("application/sdp", "v=0\r\n", 0);
	unsigned seen[2] = { 0, 0 };
	assert_int_equal(sift_body_walk(plain.buf, plain.body, &plain.type, 0, count_visit, seen, NULL), SIFT_OK);
	assert_int_equal(seen[0], 0);
	/* multipart without a boundary parameter */
	input nob = make("multipart/mixed", "--b\r\n\r\n--b--", 0);
	sift_error err;
	assert_int_equal(sift_body_walk(nob.buf, nob.body, &nob.type, 0, count_visit, seen, &err), SIFT_E_BODY);
	assert_string_equal(err.rule, "boundary");
}

/* ---- S/MIME ------------------------------------------------------------- */

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open %s (run from the source tree)", path);
	char tmp[8192];
	size_t n = fread(tmp, 1, sizeof tmp, f);
	fclose(f);
	char *b = keep(malloc(n ? n : 1));
	memcpy(b, tmp, n);
	*len = n;
	return b;
}

/* RFC 5652 6.1 via OpenSSL: the DER walker names the cipher OpenSSL used
 * for each fixture (tests/data/body/ciphers.txt, written by make_smime.sh). */
static void rfc5652_6_1_cipher_matches_openssl(void **state)
{
	(void)state;
	FILE *f = fopen("tests/data/body/ciphers.txt", "r");
	assert_non_null(f);
	char file[128], alg[64];
	unsigned checked = 0;
	while (fscanf(f, "%127s %63s", file, alg) == 2) {
		char path[256];
		size_t len;
		snprintf(path, sizeof path, "tests/data/body/%s", file);
		char *der = read_file(path, &len);
		sift_span body = { 0, (uint32_t)len };
		sift_smime s;
		sift_error err;
		assert_int_equal(sift_smime_inspect(der, NULL, body, SIFT_OPT_STRICT, &s, &err), SIFT_OK);
		assert_true(s.der_walked);
		if (strcasecmp(sift_cipher_name(s.cipher), alg) != 0)
			fail_msg("%s: sipsift says %s, OpenSSL %s", file, sift_cipher_name(s.cipher), alg);
		assert_int_equal(s.kind, strstr(alg, "gcm") ? SIFT_SMIME_AUTH_ENVELOPED : SIFT_SMIME_ENVELOPED);
		checked++;
	}
	fclose(f);
	assert_true(checked >= 5);
}

/* RFC 5751 3.2.2 / RFC 3853: the media type's parameters, and the DER. */
static void rfc5751_3_2_2_smime_type_and_signed_data(void **state)
{
	(void)state;
	size_t len;
	char *der = read_file("tests/data/body/enveloped-des3.der", &len);
	const char *ct = "application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m";
	size_t n = strlen(ct);
	char *buf = keep(malloc(n + len));
	memcpy(buf, ct, n);
	memcpy(buf + n, der, len);
	sift_media_type type;
	sift_span v = { 0, (uint32_t)n }, body = { (uint32_t)n, (uint32_t)len };
	assert_int_equal(sift_media_type_parse(buf, v, 0, &type, NULL), SIFT_OK);
	sift_smime s;
	assert_int_equal(sift_smime_inspect(buf, &type, body, 0, &s, NULL), SIFT_OK);
	assert_int_equal(s.kind, SIFT_SMIME_ENVELOPED);
	assert_true(s.has_smime_type);
	assert_true(span_is(buf, s.smime_type, "enveloped-data"));
	assert_true(span_is(buf, s.name, "smime.p7m"));
	assert_int_equal(s.cipher, SIFT_CIPHER_DES_EDE3_CBC);
	assert_true(s.cipher_oid.off >= body.off && s.cipher_oid.off + s.cipher_oid.len <= body.off + body.len);

	char *sig = read_file("tests/data/body/signed.der", &len);
	sift_span sbody = { 0, (uint32_t)len };
	assert_int_equal(sift_smime_inspect(sig, NULL, sbody, 0, &s, NULL), SIFT_OK);
	assert_int_equal(s.kind, SIFT_SMIME_SIGNED_DATA);
	assert_int_equal(s.cipher, SIFT_CIPHER_NONE);
}

/* RFC 5751 3.5.3: multipart/signed protocol and micalg. */
static void rfc5751_3_5_3_multipart_signed_parameters(void **state)
{
	(void)state;
	input in = make("multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256; boundary=b", "", 0);
	sift_smime s;
	assert_int_equal(sift_smime_inspect(in.buf, &in.type, in.body, 0, &s, NULL), SIFT_OK);
	assert_int_equal(s.kind, SIFT_SMIME_MULTIPART_SIGNED);
	assert_true(s.has_protocol && s.has_micalg);
	assert_true(span_is(in.buf, s.micalg, "sha-256"));
	in = make("multipart/signed; boundary=b", "", 0);
	assert_int_equal(sift_smime_inspect(in.buf, &in.type, in.body, 0, &s, NULL), SIFT_OK);
	assert_false(s.has_protocol || s.has_micalg);
	in = make("application/sdp", "v=0", 0);
	assert_int_equal(sift_smime_inspect(in.buf, &in.type, in.body, 0, &s, NULL), SIFT_OK);
	assert_int_equal(s.kind, SIFT_SMIME_NONE);
}

/* Hostile DER: every truncation of every fixture fails cleanly inside the
 * bytes; lengths larger than what is left; base64 text; indefinite lengths
 * only when not strict. */
static void hostile_der_truncated_and_overlong(void **state)
{
	(void)state;
	static const char *const files[] = { "enveloped-des3.der", "enveloped-aes128.der",
					     "enveloped-aes-128-gcm.der", "signed.der" };
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		char path[256];
		size_t len;
		snprintf(path, sizeof path, "tests/data/body/%s", files[i]);
		char *der = read_file(path, &len);
		for (size_t cut = 0; cut < len; cut++) {
			char *b = malloc(cut ? cut : 1);
			assert_non_null(b);
			memcpy(b, der, cut);
			sift_span body = { 0, (uint32_t)cut };
			sift_smime s;
			sift_error err = { 0 };
			sift_code rc = sift_smime_inspect(b, NULL, body, 0, &s, &err);
			if (rc != SIFT_OK) {
				assert_int_equal(rc, SIFT_E_BODY);
				assert_true(err.offset <= cut);
			}
			free(b);
		}
	}
	/* a length that claims more than is there */
	static const char overlong[] = { 0x30, (char)0x84, 0x7f, (char)0xff, (char)0xff, (char)0xff, 0x06 };
	char *b = keep(malloc(sizeof overlong));
	memcpy(b, overlong, sizeof overlong);
	sift_span body = { 0, sizeof overlong };
	sift_smime s;
	sift_error err;
	assert_int_equal(sift_smime_inspect(b, NULL, body, 0, &s, &err), SIFT_E_BODY);
	assert_string_equal(err.rule, "DER-length");
	/* base64 is not walked */
	input in = make("application/pkcs7-mime; smime-type=enveloped-data", "MIAGCSqGSIb3DQEHA6CAMIACAQAx", 0);
	assert_int_equal(sift_smime_inspect(in.buf, &in.type, in.body, 0, &s, &err), SIFT_E_BODY);
	assert_string_equal(err.rule, "ContentInfo");
	assert_int_equal(s.kind, SIFT_SMIME_ENVELOPED);
	/* BER indefinite length: ContentInfo with an enveloped-data OID */
	static const char ber[] = { 0x30, (char)0x80, 0x06, 0x09, 0x2a, (char)0x86, 0x48, (char)0x86,
				    (char)0xf7, 0x0d, 0x01, 0x07, 0x03, (char)0xa0, (char)0x80, 0x30,
				    (char)0x80, 0x02, 0x01, 0x00, 0x31, (char)0x80, 0x30, 0x00, 0x00,
				    0x00, 0x30, 0x0d, 0x06, 0x09, 0x2a, (char)0x86, 0x48, (char)0x86,
				    (char)0xf7, 0x0d, 0x01, 0x07, 0x01, 0x30, 0x00 };
	b = keep(malloc(sizeof ber));
	memcpy(b, ber, sizeof ber);
	body.len = sizeof ber;
	assert_int_equal(sift_smime_inspect(b, NULL, body, SIFT_OPT_STRICT, &s, &err), SIFT_E_BODY);
	assert_string_equal(err.rule, "DER-length");
	assert_int_equal(sift_smime_inspect(b, NULL, body, 0, &s, &err), SIFT_E_BODY);
	assert_string_equal(err.rule, "AlgorithmIdentifier"); /* empty AlgorithmIdentifier */
	assert_int_equal(err.offset, sizeof ber);
}

static void code_body_has_name_and_sentence(void **state)
{
	(void)state;
	assert_string_equal(sift_code_name(SIFT_E_BODY), "BODY");
	assert_non_null(strstr(sift_strerror(SIFT_E_BODY), "media type"));
	assert_string_equal(sift_cipher_name(SIFT_CIPHER_AES128_GCM), "AES-128-GCM");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(rfc5621_3_figure2_two_body_parts, teardown),
		cmocka_unit_test_teardown(rfc8262_3_3_refer_example_content_id, teardown),
		cmocka_unit_test_teardown(rfc2046_5_1_1_boundary_parameter, teardown),
		cmocka_unit_test_teardown(rfc2046_5_1_1_preamble_padding_epilogue, teardown),
		cmocka_unit_test_teardown(rfc2046_5_1_1_boundary_prefix_line_is_content, teardown),
		cmocka_unit_test_teardown(rfc2046_5_1_1_bare_lf_only_when_not_strict, teardown),
		cmocka_unit_test_teardown(rfc2046_5_1_1_empty_part, teardown),
		cmocka_unit_test_teardown(hostile_boundary_not_found, teardown),
		cmocka_unit_test_teardown(hostile_boundary_at_end_without_crlf, teardown),
		cmocka_unit_test_teardown(hostile_boundary_longer_than_70, teardown),
		cmocka_unit_test_teardown(hostile_part_without_header_section_end, teardown),
		cmocka_unit_test_teardown(hostile_close_delimiter_missing, teardown),
		cmocka_unit_test_teardown(hostile_every_truncation_stays_inside, teardown),
		cmocka_unit_test_teardown(body_walk_nested_and_depth_bound, teardown),
		cmocka_unit_test_teardown(rfc5652_6_1_cipher_matches_openssl, teardown),
		cmocka_unit_test_teardown(rfc5751_3_2_2_smime_type_and_signed_data, teardown),
		cmocka_unit_test_teardown(rfc5751_3_5_3_multipart_signed_parameters, teardown),
		cmocka_unit_test_teardown(hostile_der_truncated_and_overlong, teardown),
		cmocka_unit_test_teardown(code_body_has_name_and_sentence, teardown),
	};
	return cmocka_run_group_tests_name("body", tests, NULL, NULL);
}
