/*
 * fuzz/targets/fuzz_uri.c - sift_uri_parse() and sift_param_next() on pairs
 * of URIs.
 *
 * Input: options byte, split byte, then the text of two URIs.
 *   byte 0: bit 0 SIFT_OPT_STRICT
 *   byte 1: where the text splits: URI A is the first (byte % (len + 1))
 *           bytes, URI B the rest
 *
 * Per URI (check_uri), parsed from a heap copy of exactly its bytes:
 *   - every span lies inside the URI; the parts lie where they belong
 *     (scheme before opaque, host inside opaque, port text digits);
 *   - an error has a code, a rule and an offset inside the URI;
 *   - the sift_param_next() walk over the params: every call consumes
 *     bytes, so it ends; names and values lie inside the params; the
 *     parameters of a parsed URI have names;
 *   - the same text at another offset of another buffer parses the same,
 *     shifted; parsing without an error struct gives the same code.
 * Per pair (check_pair): A and B written back to back in one buffer parse
 * exactly as A and B alone (a parser must stop at the end of its span even
 * when the next byte would continue the URI). The comparisons of two parsed
 * URIs belong in check_pair.
 */
#include "check.h"

typedef struct uri_case {
	char *buf;          /* heap copy of exactly the URI's bytes */
	size_t len;
	unsigned options;
	sift_code code;
	sift_uri uri;
	sift_error error;
} uri_case;

static sift_span whole(size_t len)
{
	sift_span span = { 0, (uint32_t)len };
	return span;
}

static void check_uri_spans(const sift_uri *uri, size_t len)
{
	FUZZ_SPAN_IN(uri->scheme_name, len);
	FUZZ_SPAN_IN(uri->user, len);
	FUZZ_SPAN_IN(uri->password, len);
	FUZZ_SPAN_IN(uri->host, len);
	FUZZ_SPAN_IN(uri->port_text, len);
	FUZZ_SPAN_IN(uri->params, len);
	FUZZ_SPAN_IN(uri->headers, len);
	FUZZ_SPAN_IN(uri->opaque, len);
}

static void check_parsed(const uri_case *c)
{
	const sift_uri *uri = &c->uri;
	FUZZ_CHECK(uri->scheme_name.off == 0 && uri->scheme_name.len > 0);
	FUZZ_CHECK(uri->opaque.off == uri->scheme_name.len + 1);
	FUZZ_CHECK((uint64_t)uri->opaque.off + uri->opaque.len == c->len);
	FUZZ_CHECK(c->buf[uri->scheme_name.len] == ':');
	FUZZ_CHECK(uri->scheme <= SIFT_SCHEME_URN);
	if (uri->scheme == SIFT_SCHEME_SIP || uri->scheme == SIFT_SCHEME_SIPS) {
		FUZZ_CHECK(uri->host.len > 0);
		FUZZ_CHECK(uri->host_kind >= SIFT_HOST_NAME && uri->host_kind <= SIFT_HOST_IPV6);
		FUZZ_CHECK(uri->host_kind != SIFT_HOST_IPV6 || c->buf[uri->host.off] == '[');
		FUZZ_SPAN_WITHIN(uri->host, uri->opaque);
	}
	FUZZ_CHECK(uri->has_port == (uri->port_text.len > 0));
	for (uint32_t i = 0; i < uri->port_text.len; i++) {
		char digit = c->buf[uri->port_text.off + i];
		FUZZ_CHECK(digit >= '0' && digit <= '9');
	}
	FUZZ_CHECK(uri->has_port || uri->port == 0);
	FUZZ_SPAN_WITHIN(uri->params, uri->opaque);
	FUZZ_SPAN_WITHIN(uri->headers, uri->opaque);
}

/* Parses c->buf[0..len) and checks everything about that URI alone. */
static void check_uri(uri_case *c)
{
	memset(&c->uri, 0x5A, sizeof c->uri);
	memset(&c->error, 0, sizeof c->error);
	c->code = sift_uri_parse(c->buf, whole(c->len), c->options, &c->uri, &c->error);
	check_uri_spans(&c->uri, c->len);
	if (c->code == SIFT_OK) {
		check_parsed(c);
	} else {
		FUZZ_CHECK(c->code == SIFT_E_URI || c->code == SIFT_E_NUMBER_RANGE);
		FUZZ_CHECK(c->error.code == c->code);
		FUZZ_CHECK(c->error.rule != NULL);
		FUZZ_CHECK(c->error.offset <= c->len);
	}
	/* sift_param_next() trusts its span to be validated (uri.h), so only
	 * the params of a parsed URI are walked. */
	if (c->code == SIFT_OK)
		fuzz_walk_params(c->buf, c->uri.params, 1);

	/* Without an error struct: the same code. */
	sift_uri again;
	FUZZ_CHECK(sift_uri_parse(c->buf, whole(c->len), c->options, &again, NULL) == c->code);

	/* Elsewhere in memory, at offset 3 of a bigger buffer: same result,
	 * shifted by 3. */
	char *moved = malloc(c->len + 3);
	if (!moved)
		abort();
	memcpy(moved, "<<<", 3);
	if (c->len)
		memcpy(moved + 3, c->buf, c->len);
	sift_span span = { 3, (uint32_t)c->len };
	sift_error error;
	memset(&error, 0, sizeof error);
	FUZZ_CHECK(sift_uri_parse(moved, span, c->options, &again, &error) == c->code);
	if (c->code == SIFT_OK) {
		FUZZ_CHECK(again.scheme == c->uri.scheme && again.host_kind == c->uri.host_kind);
		FUZZ_CHECK(again.port == c->uri.port && again.has_port == c->uri.has_port);
		FUZZ_CHECK(again.has_user == c->uri.has_user);
		FUZZ_CHECK(fuzz_span_moved(again.scheme_name, c->uri.scheme_name, 3));
		FUZZ_CHECK(fuzz_span_moved(again.host, c->uri.host, 3));
		FUZZ_CHECK(fuzz_span_moved(again.params, c->uri.params, 3));
		FUZZ_CHECK(fuzz_span_moved(again.headers, c->uri.headers, 3));
		FUZZ_CHECK(fuzz_span_moved(again.opaque, c->uri.opaque, 3));
	} else {
		FUZZ_CHECK(error.offset == c->error.offset + 3);
	}
	free(moved);
}

/* Properties of two URIs together. */
static void check_pair(const uri_case *a, const uri_case *b)
{
	/* Back to back: "AB" with A's span and B's span. */
	char *both = malloc(a->len + b->len ? a->len + b->len : 1);
	if (!both)
		abort();
	if (a->len)
		memcpy(both, a->buf, a->len);
	if (b->len)
		memcpy(both + a->len, b->buf, b->len);
	sift_uri uri;
	sift_span first = { 0, (uint32_t)a->len }, second = { (uint32_t)a->len, (uint32_t)b->len };
	FUZZ_CHECK(sift_uri_parse(both, first, a->options, &uri, NULL) == a->code);
	if (a->code == SIFT_OK)
		FUZZ_CHECK(fuzz_span_eq(uri.opaque, a->uri.opaque));
	FUZZ_CHECK(sift_uri_parse(both, second, b->options, &uri, NULL) == b->code);
	if (b->code == SIFT_OK)
		FUZZ_CHECK(fuzz_span_moved(uri.opaque, b->uri.opaque, (uint32_t)a->len));
	free(both);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	unsigned options = (data[0] & 1) ? SIFT_OPT_STRICT : 0;
	const char *text = (const char *)data + 2;
	size_t len = size - 2;
	size_t split = data[1] % (len + 1);

	uri_case a, b;
	a.options = b.options = options;
	a.len = split;
	a.buf = fuzz_dup(text, split);
	b.len = len - split;
	b.buf = fuzz_dup(text + split, len - split);

	check_uri(&a);
	check_uri(&b);
	check_pair(&a, &b);

	free(a.buf);
	free(b.buf);
	return 0;
}
