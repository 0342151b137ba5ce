/*
 * fuzz/targets/fuzz_uri.c - sift_uri_parse(), sift_param_next(),
 * sift_uri_equal() and the typed URI accessors on pairs of URIs.
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
 *   - parsing is deterministic: a second parse fills the same struct;
 *   - sift_uri_equal(a, a) is 1 for every URI that parses (with and without
 *     SIFT_URI_EQUAL_SIPS_AS_SIP), SIFT_URI_EQUAL_BAD_A for one that does
 *     not, and the copy at another offset is equal to it;
 *   - the typed accessors (sift_uri_params_parse on a sip/sips URI's params,
 *     sift_tel_parse, sift_urn_parse, sift_alert_urn_check on the raw text):
 *     spans inside what they parsed, errors with a rule and an offset
 *     inside, the same code without an error struct; and the grammars
 *     nest: a telephone-subscriber sift_tel_parse accepts after "tel:" is a
 *     tel URI, an RFC 8141 namestring without a fragment is a URN for the
 *     URI parser, strict too, and a well-formed alert URN is a namestring.
 * The Reason-Phrase run of full validation ends where its DFA does, on
 * URI A's bytes (check_reason_phrase), and the Request-URI's fast path
 * accepts URI A only where the URI parser does (check_request_uri_fast_path).
 * Per pair (check_pair): A and B written back to back in one buffer parse
 * exactly as A and B alone (a parser must stop at the end of its span even
 * when the next byte would continue the URI); sift_uri_equal(a, b) equals
 * sift_uri_equal(b, a) (or reports the URI that does not parse, A first),
 * and is the same when A and B are cut from the back-to-back buffer.
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

/* The same parse twice gives the same parts (no hidden state). */
static int same_uri(const sift_uri *a, const sift_uri *b)
{
	return a->scheme == b->scheme && a->host_kind == b->host_kind && a->port == b->port &&
	       a->has_user == b->has_user && a->has_port == b->has_port &&
	       fuzz_span_eq(a->scheme_name, b->scheme_name) && fuzz_span_eq(a->user, b->user) &&
	       fuzz_span_eq(a->password, b->password) && fuzz_span_eq(a->host, b->host) &&
	       fuzz_span_eq(a->port_text, b->port_text) && fuzz_span_eq(a->params, b->params) &&
	       fuzz_span_eq(a->headers, b->headers) && fuzz_span_eq(a->opaque, b->opaque);
}

static void check_error(sift_code code, const sift_error *err, sift_span text)
{
	FUZZ_CHECK(err->code == code);
	FUZZ_CHECK(err->rule != NULL);
	FUZZ_CHECK(fuzz_offset_within(err->offset, text));
}

/* sift_uri_params_parse on the params of a parsed sip/sips URI. */
static void check_uri_params(const uri_case *c)
{
	sift_uri_params p;
	sift_error err;
	memset(&err, 0, sizeof err);
	memset(&p, 0x5A, sizeof p);
	sift_code code = sift_uri_params_parse(c->buf, c->uri.params, c->options, &p, &err);
	if (code == SIFT_OK) {
		sift_span spans[] = { p.transport, p.user, p.method, p.maddr, p.ttl_text, p.gr };
		for (size_t i = 0; i < sizeof spans / sizeof spans[0]; i++) {
			FUZZ_SPAN_IN(spans[i], c->len);
			FUZZ_SPAN_WITHIN(spans[i], c->uri.params);
		}
		FUZZ_CHECK(!p.has_ttl || (p.ttl_text.len >= 1 && p.ttl_text.len <= 3));
		FUZZ_CHECK(!p.has_maddr || p.maddr.len > 0);
		FUZZ_CHECK(!p.has_transport || p.transport.len > 0);
	} else {
		FUZZ_CHECK(code == SIFT_E_URI || code == SIFT_E_NUMBER_RANGE);
		check_error(code, &err, c->uri.params);
	}
	sift_uri_params again;
	FUZZ_CHECK(sift_uri_params_parse(c->buf, c->uri.params, c->options, &again, NULL) == code);
}

/* sift_tel_parse, sift_urn_parse and sift_alert_urn_check on the raw text,
 * whatever sift_uri_parse said of it. */
static void check_accessors(const uri_case *c)
{
	sift_span text = whole(c->len);
	sift_error err;
	sift_uri uri;
	int tel_prefix = c->len >= 4 && (c->buf[0] | 32) == 't' && (c->buf[1] | 32) == 'e' &&
			 (c->buf[2] | 32) == 'l' && c->buf[3] == ':';

	sift_tel tel;
	memset(&err, 0, sizeof err);
	sift_code code = sift_tel_parse(c->buf, text, c->options, &tel, &err);
	if (code == SIFT_OK) {
		sift_span spans[] = { tel.number, tel.params, tel.ext, tel.isub, tel.phone_context };
		for (size_t i = 0; i < sizeof spans / sizeof spans[0]; i++)
			FUZZ_SPAN_IN(spans[i], c->len);
		FUZZ_CHECK(tel.number.len > 0);
		FUZZ_CHECK(tel.is_global == (c->buf[tel.number.off] == '+'));
		FUZZ_CHECK(tel.is_global || tel.has_phone_context);
		FUZZ_CHECK(!tel.has_phone_context || tel.phone_context.len > 0);
		FUZZ_CHECK(!tel.has_isub || tel.isub.len > 0);
		fuzz_walk_params(c->buf, tel.params, 1);
		/* What sift_tel_parse accepts is an RFC 3966 telephone-subscriber. */
		if (tel_prefix) {
			FUZZ_CHECK(sift_uri_parse(c->buf, text, c->options, &uri, NULL) == SIFT_OK);
			FUZZ_CHECK(uri.scheme == SIFT_SCHEME_TEL);
		}
	} else {
		FUZZ_CHECK(code == SIFT_E_URI);
		check_error(code, &err, text);
	}
	FUZZ_CHECK(sift_tel_parse(c->buf, text, c->options, &tel, NULL) == code);

	sift_urn urn;
	memset(&err, 0, sizeof err);
	code = sift_urn_parse(c->buf, text, c->options, &urn, &err);
	if (code == SIFT_OK) {
		sift_span spans[] = { urn.nid, urn.nss, urn.r_component, urn.q_component, urn.f_component };
		for (size_t i = 0; i < sizeof spans / sizeof spans[0]; i++)
			FUZZ_SPAN_IN(spans[i], c->len);
		FUZZ_CHECK(urn.nid.off == 4 && urn.nid.len >= 2 && urn.nid.len <= 32);
		FUZZ_CHECK(urn.nss.off == urn.nid.off + urn.nid.len + 1 && urn.nss.len > 0);
		FUZZ_CHECK(!urn.has_r || urn.r_component.len > 0);
		FUZZ_CHECK(!urn.has_q || urn.q_component.len > 0);
		/* A namestring without a fragment is an RFC 3261 absoluteURI and
		 * the URI parser calls it a URN, strict or not. */
		if (!urn.has_f) {
			FUZZ_CHECK(sift_uri_parse(c->buf, text, SIFT_OPT_STRICT, &uri, NULL) == SIFT_OK);
			FUZZ_CHECK(uri.scheme == SIFT_SCHEME_URN);
			FUZZ_CHECK(sift_uri_parse(c->buf, text, 0, &uri, NULL) == SIFT_OK);
			FUZZ_CHECK(uri.scheme == SIFT_SCHEME_URN);
		}
	} else {
		FUZZ_CHECK(code == SIFT_E_URI);
		check_error(code, &err, text);
	}
	sift_code urn_code = code;
	FUZZ_CHECK(sift_urn_parse(c->buf, text, c->options, &urn, NULL) == code);

	sift_alert_urn alert;
	memset(&err, 0, sizeof err);
	memset(&alert, 0x5A, sizeof alert);
	code = sift_alert_urn_check(c->buf, text, c->options, &alert, &err);
	if (code == SIFT_OK) {
		FUZZ_SPAN_IN(alert.category, c->len);
		FUZZ_SPAN_IN(alert.indication, c->len);
		FUZZ_SPAN_IN(alert.private_part, c->len);
		FUZZ_CHECK(alert.category.off == 10 && alert.category.len > 0 && alert.indication.len > 0);
		FUZZ_CHECK(alert.is_private == (alert.private_part.len > 0));
	} else {
		FUZZ_CHECK(code == SIFT_E_URI || code == SIFT_E_NOT_FOUND);
		check_error(code, &err, text);
	}
	/* The alert-URN grammar is a namestring (RFC 7462 7, RFC 8141 2). */
	if (code == SIFT_OK || code == SIFT_E_NOT_FOUND)
		FUZZ_CHECK(urn_code == SIFT_OK);
	FUZZ_CHECK(sift_alert_urn_check(c->buf, text, c->options, NULL, NULL) == code);
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

	/* Deterministic: the same parts a second time. */
	sift_uri twice;
	memset(&twice, 0xA5, sizeof twice);
	FUZZ_CHECK(sift_uri_parse(c->buf, whole(c->len), c->options, &twice, NULL) == c->code);
	if (c->code == SIFT_OK)
		FUZZ_CHECK(same_uri(&twice, &c->uri));

	/* Reflexive: every URI that parses equals itself. */
	int self = sift_uri_equal(c->buf, whole(c->len), c->buf, whole(c->len), c->options);
	FUZZ_CHECK(self == (c->code == SIFT_OK ? 1 : SIFT_URI_EQUAL_BAD_A));
	if (c->code == SIFT_OK) {
		FUZZ_CHECK(sift_uri_equal_parsed(c->buf, &c->uri, c->buf, &c->uri,
						 SIFT_URI_EQUAL_SIPS_AS_SIP) == 1);
		if (c->uri.scheme == SIFT_SCHEME_SIP || c->uri.scheme == SIFT_SCHEME_SIPS)
			check_uri_params(c);
		if (c->uri.scheme == SIFT_SCHEME_TEL) {
			sift_tel tel;
			if (sift_tel_parse(c->buf, c->uri.opaque, c->options, &tel, NULL) == SIFT_OK) {
				FUZZ_SPAN_WITHIN(tel.number, c->uri.opaque);
				FUZZ_SPAN_WITHIN(tel.params, c->uri.opaque);
			}
		}
	} else {
		sift_error err;
		memset(&err, 0, sizeof err);
		FUZZ_CHECK(sift_uri_equal_err(c->buf, whole(c->len), c->buf, whole(c->len), c->options,
					      &err) == SIFT_URI_EQUAL_BAD_A);
		FUZZ_CHECK(fuzz_error_eq(&err, &c->error));
	}
	check_accessors(c);

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
		/* The same URI at another offset of another buffer is equal. */
		FUZZ_CHECK(sift_uri_equal(moved, span, c->buf, whole(c->len), c->options) == 1);
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

	/* Symmetric, or the URI that does not parse, A first. */
	int ab = sift_uri_equal(a->buf, whole(a->len), b->buf, whole(b->len), a->options);
	int ba = sift_uri_equal(b->buf, whole(b->len), a->buf, whole(a->len), a->options);
	if (a->code == SIFT_OK && b->code == SIFT_OK) {
		FUZZ_CHECK(ab == 0 || ab == 1);
		FUZZ_CHECK(ab == ba);
		FUZZ_CHECK(sift_uri_equal(both, first, both, second, a->options) == ab);
		int sips_ab = sift_uri_equal_parsed(a->buf, &a->uri, b->buf, &b->uri,
						    SIFT_URI_EQUAL_SIPS_AS_SIP);
		FUZZ_CHECK(sips_ab == sift_uri_equal_parsed(b->buf, &b->uri, a->buf, &a->uri,
							    SIFT_URI_EQUAL_SIPS_AS_SIP));
		/* The option only ever adds equal pairs. */
		FUZZ_CHECK(!ab || sips_ab);
	} else {
		FUZZ_CHECK(ab == (a->code != SIFT_OK ? SIFT_URI_EQUAL_BAD_A : SIFT_URI_EQUAL_BAD_B));
		FUZZ_CHECK(ba == (b->code != SIFT_OK ? SIFT_URI_EQUAL_BAD_A : SIFT_URI_EQUAL_BAD_B));
	}
	free(both);
}

/* Full validation reads a status line's Reason-Phrase (RFC 3261 7.2) as a
 * run of bytes that are each a whole element, then the DFA from where the
 * run stops (src/msg/parse.c): it must end where the DFA alone ends, on
 * URI A's bytes (escapes, UTF-8, anything) from each of its first bytes. */
const char *sift__match_reason_phrase(const char *p, const char *end);
const char *sift__match_reason_phrase_fast(const char *p, const char *end);

static void check_reason_phrase(const uri_case *c)
{
	const char *end = c->buf + c->len;
	for (const char *p = c->buf; p < end && p < c->buf + 8; p++)
		FUZZ_CHECK(sift__match_reason_phrase_fast(p, end) == sift__match_reason_phrase(p, end));
}

/* The Request-URI's fast path of full validation (src/uri/uri.c) accepts
 * only what sift_uri_parse() accepts, default and strict, as a SIP or SIPS
 * URI without headers; the same verdict on URI A alone (masks a byte a
 * step when short), followed by the rest of a start line (AVX2 masks, the
 * host scanner reading on) and followed by a byte that is not a SP, at
 * SIMD levels 2 and 0. */
extern int sift__use_simd;
int sift__sip_uri_fast_accept(const char *p, const char *end, const char *readable_end);

static void check_request_uri_fast_path(const uri_case *c)
{
	static const char after[] = " SIP/2.0\r\nVia: SIP/2.0/UDP h.example.com;branch=z9hG4bK1\r\n"
				    "Max-Forwards: 70\r\n\r\n";
	char *message = malloc(c->len + sizeof after - 1);
	FUZZ_CHECK(message != NULL);
	memcpy(message, c->buf, c->len);
	memcpy(message + c->len, after, sizeof after - 1);
	const char *message_end = message + c->len + sizeof after - 1;
	int saved = sift__use_simd;
	for (int level = 2; level >= 0; level -= 2) {
		sift__use_simd = level;
		int alone = sift__sip_uri_fast_accept(c->buf, c->buf + c->len, c->buf + c->len);
		message[c->len] = ' ';
		int in_message = sift__sip_uri_fast_accept(message, message + c->len, message_end);
		message[c->len] = '.';
		int before_dot = sift__sip_uri_fast_accept(message, message + c->len, message_end);
		FUZZ_CHECK(alone == in_message && alone == before_dot);
		if (!alone)
			continue;
		for (unsigned strict = 0; strict <= 1; strict++) {
			sift_uri uri;
			FUZZ_CHECK(sift_uri_parse(c->buf, whole(c->len), strict ? SIFT_OPT_STRICT : 0, &uri,
						  NULL) == SIFT_OK);
			FUZZ_CHECK(uri.headers.len == 0);
			FUZZ_CHECK(uri.scheme == SIFT_SCHEME_SIP || uri.scheme == SIFT_SCHEME_SIPS);
		}
	}
	sift__use_simd = saved;
	free(message);
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
	check_reason_phrase(&a);
	check_request_uri_fast_path(&a);

	free(a.buf);
	free(b.buf);
	return 0;
}
