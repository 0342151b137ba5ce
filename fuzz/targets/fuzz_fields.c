/*
 * fuzz/targets/fuzz_fields.c - the typed parsers of sipsift/fields.h on one
 * value (RFC 3261 20 generic and body headers, RFC 3313, 3841, 8262).
 *
 * Input: selector byte, then the header value (fuzz_value_target() of
 * check.h, which also parses the value at offset 0 and at offset 1).
 *   byte 0: bit 7 SIFT_OPT_STRICT; (byte & 0x7F) % 23 picks, in the order
 *   of the table `parsers` below:
 *     0 sift_allow_parse              12 sift_content_disposition_parse
 *     1 sift_option_tag_parse         13 sift_content_id_parse
 *     2 sift_supported_parse          14 sift_delta_seconds_parse
 *     3 sift_content_encoding_parse   15 sift_retry_after_parse
 *     4 sift_content_language_parse   16 sift_timestamp_parse
 *     5 sift_in_reply_to_parse        17 sift_warning_parse
 *     6 sift_request_disposition_parse 18 sift_server_parse + sift_server_val_next
 *     7 sift_media_authorization_parse 19 sift_text_parse
 *     8 sift_accept_parse             20 sift_accept_contact_parse
 *     9 sift_accept_encoding_parse    21 sift_reject_contact_parse
 *    10 sift_accept_language_parse    22 sift_list_next over the value
 *    11 sift_mime_version_parse
 *
 * Invariants (abort on violation), besides the driver's (spans inside the
 * value, error reports, the same code without an error struct, the same
 * result shifted, the same rule):
 *   - parts lie where they belong (the handling value inside the params,
 *     id-left inside the id); param lists and iterators end and stay inside;
 *   - every error is SIFT_E_HEADER_VALUE or SIFT_E_NUMBER_RANGE
 *     (FUZZ_VALUE_ERRORS);
 *   - numbers: a value the default mode clamps is a range error when strict.
 */
#include "check.h"
#include "grammar/internal.h"
#include "hdr/internal.h"

/* The list-item parsers (sift_list_item), in the table's order: arg is
 * their index here. */
enum {
	P_ALLOW, P_OPTION_TAG, P_SUPPORTED, P_CONTENT_ENCODING, P_CONTENT_LANGUAGE, P_IN_REPLY_TO,
	P_REQUEST_DISPOSITION, P_MEDIA_AUTHORIZATION
};

static sift_code run_item(const fuzz_value *v, fuzz_parsed *out)
{
	static sift_code (*const parse[])(const char *, sift_span, unsigned, sift_list_item *,
					   sift_error *) = {
		[P_ALLOW] = sift_allow_parse,
		[P_OPTION_TAG] = sift_option_tag_parse,
		[P_SUPPORTED] = sift_supported_parse,
		[P_CONTENT_ENCODING] = sift_content_encoding_parse,
		[P_CONTENT_LANGUAGE] = sift_content_language_parse,
		[P_IN_REPLY_TO] = sift_in_reply_to_parse,
		[P_REQUEST_DISPOSITION] = sift_request_disposition_parse,
		[P_MEDIA_AUTHORIZATION] = sift_media_authorization_parse,
	};
	int which = v->arg;
	sift_list_item it;
	memset(&it, 0x5A, sizeof it); /* the parser clears it */
	sift_code code = parse[which](v->buf, v->value, v->options, &it, v->err);
	fuzz_add(out, it.value);
	fuzz_num(out, it.kind);
	fuzz_num(out, it.is_empty);
	if (code == SIFT_OK) {
		FUZZ_SPAN_WITHIN(it.value, v->value);
		FUZZ_CHECK(it.is_empty == (it.value.len == 0));
		if (which == P_ALLOW)
			FUZZ_CHECK(it.kind == sift_method_lookup(v->buf + it.value.off, it.value.len));
		if (which == P_REQUEST_DISPOSITION)
			FUZZ_CHECK(it.kind >= SIFT_DIRECTIVE_PROXY && it.kind <= SIFT_DIRECTIVE_NO_QUEUE);
		if (which != P_ALLOW && which != P_SUPPORTED)
			FUZZ_CHECK(!it.is_empty);
	}
	return code;
}

static sift_code run_accept(const fuzz_value *v, fuzz_parsed *out)
{
	sift_accept_range r;
	memset(&r, 0x5A, sizeof r);
	sift_code code = sift_accept_parse(v->buf, v->value, v->options, &r, v->err);
	fuzz_add(out, r.type); fuzz_add(out, r.subtype); fuzz_add(out, r.params);
	fuzz_num(out, r.q);
	fuzz_num(out, r.has_q);
	fuzz_num(out, r.is_empty);
	if (code == SIFT_OK) {
		FUZZ_CHECK(r.q <= 1000 && (r.has_q || r.q == 1000));
		FUZZ_CHECK(r.is_empty || (r.type.len > 0 && r.subtype.len > 0));
		FUZZ_SPAN_WITHIN(r.type, v->value);
		FUZZ_SPAN_WITHIN(r.subtype, v->value);
		FUZZ_SPAN_WITHIN(r.params, v->value);
		fuzz_walk_params(v->buf, r.params, 1);
	}
	return code;
}

/* arg: 1 for Accept-Encoding, 0 for Accept-Language */
static sift_code run_accept_item(const fuzz_value *v, fuzz_parsed *out)
{
	sift_accept_item a;
	memset(&a, 0x5A, sizeof a);
	sift_code code = v->arg ? sift_accept_encoding_parse(v->buf, v->value, v->options, &a, v->err)
				: sift_accept_language_parse(v->buf, v->value, v->options, &a, v->err);
	fuzz_add(out, a.value); fuzz_add(out, a.params);
	fuzz_num(out, a.q);
	fuzz_num(out, a.has_q);
	fuzz_num(out, a.is_empty);
	if (code == SIFT_OK) {
		FUZZ_CHECK(a.q <= 1000);
		FUZZ_CHECK(a.is_empty == (a.value.len == 0));
		FUZZ_SPAN_WITHIN(a.value, v->value);
		FUZZ_SPAN_WITHIN(a.params, v->value);
		fuzz_walk_params(v->buf, a.params, 1);
	}
	return code;
}

static sift_code run_mime_version(const fuzz_value *v, fuzz_parsed *out)
{
	sift_mime_version mv;
	memset(&mv, 0x5A, sizeof mv);
	sift_code code = sift_mime_version_parse(v->buf, v->value, v->options, &mv, v->err);
	fuzz_num(out, code == SIFT_OK ? mv.major : 0);
	fuzz_num(out, code == SIFT_OK ? mv.minor : 0);
	return code;
}

static sift_code run_content_disposition(const fuzz_value *v, fuzz_parsed *out)
{
	sift_content_disposition d;
	memset(&d, 0x5A, sizeof d);
	sift_code code = sift_content_disposition_parse(v->buf, v->value, v->options, &d, v->err);
	fuzz_add(out, d.type); fuzz_add(out, d.params); fuzz_add(out, d.handling);
	fuzz_num(out, d.disposition);
	fuzz_num(out, d.handling_kind);
	if (code == SIFT_OK) {
		FUZZ_CHECK(d.type.len > 0);
		FUZZ_SPAN_WITHIN(d.type, v->value);
		FUZZ_SPAN_WITHIN(d.params, v->value);
		FUZZ_SPAN_WITHIN(d.handling, d.params);
		FUZZ_CHECK(d.handling_kind <= SIFT_HANDLING_OTHER);
		FUZZ_CHECK((d.handling_kind == SIFT_HANDLING_ABSENT) == (d.handling.len == 0));
		fuzz_walk_params(v->buf, d.params, 1);
	}
	return code;
}

static sift_code run_content_id(const fuzz_value *v, fuzz_parsed *out)
{
	sift_content_id c;
	memset(&c, 0x5A, sizeof c);
	sift_code code = sift_content_id_parse(v->buf, v->value, v->options, &c, v->err);
	fuzz_add(out, c.id); fuzz_add(out, c.left); fuzz_add(out, c.right);
	if (code == SIFT_OK) {
		FUZZ_CHECK(c.left.len > 0 && c.right.len > 0);
		FUZZ_SPAN_WITHIN(c.id, v->value);
		FUZZ_SPAN_WITHIN(c.left, c.id);
		FUZZ_SPAN_WITHIN(c.right, c.id);
		FUZZ_CHECK(c.left.len + 1 + c.right.len == c.id.len);
		FUZZ_CHECK(v->buf[c.left.off + c.left.len] == '@');
	}
	return code;
}

static sift_code run_delta_seconds(const fuzz_value *v, fuzz_parsed *out)
{
	sift_delta_seconds d;
	memset(&d, 0x5A, sizeof d);
	sift_code code = sift_delta_seconds_parse(v->buf, v->value, v->options, &d, v->err);
	fuzz_num(out, code == SIFT_OK ? d.seconds : 0);
	fuzz_num(out, code == SIFT_OK ? d.clamped : 0);
	if (code == SIFT_OK && d.clamped) {
		FUZZ_CHECK(!(v->options & SIFT_OPT_STRICT) && d.seconds == UINT32_MAX);
		FUZZ_CHECK(sift_delta_seconds_parse(v->buf, v->value, SIFT_OPT_STRICT, &d, NULL) ==
			   SIFT_E_NUMBER_RANGE);
	}
	return code;
}

static sift_code run_retry_after(const fuzz_value *v, fuzz_parsed *out)
{
	const char *buf = v->buf;
	sift_retry_after r;
	memset(&r, 0x5A, sizeof r);
	sift_code code = sift_retry_after_parse(buf, v->value, v->options, &r, v->err);
	fuzz_add(out, r.comment); fuzz_add(out, r.params);
	if (code != SIFT_OK)
		return code;
	fuzz_num(out, r.seconds);
	fuzz_num(out, r.duration);
	fuzz_num(out, r.clamped);
	fuzz_num(out, r.has_duration);
	FUZZ_CHECK(r.has_duration || r.duration == 0);
	FUZZ_SPAN_WITHIN(r.comment, v->value);
	FUZZ_SPAN_WITHIN(r.params, v->value);
	FUZZ_CHECK(r.comment.len == 0 ||
		   (buf[r.comment.off] == '(' && buf[r.comment.off + r.comment.len - 1] == ')'));
	fuzz_walk_params(buf, r.params, 1);
	if (r.clamped)
		FUZZ_CHECK(sift_retry_after_parse(buf, v->value, SIFT_OPT_STRICT, &r, NULL) ==
			   SIFT_E_NUMBER_RANGE);
	return code;
}

static sift_code run_timestamp(const fuzz_value *v, fuzz_parsed *out)
{
	sift_timestamp t;
	memset(&t, 0x5A, sizeof t);
	sift_code code = sift_timestamp_parse(v->buf, v->value, v->options, &t, v->err);
	fuzz_add(out, t.time); fuzz_add(out, t.delay);
	if (code == SIFT_OK) {
		FUZZ_CHECK(t.time.len > 0);
		FUZZ_SPAN_WITHIN(t.time, v->value);
		FUZZ_SPAN_WITHIN(t.delay, v->value);
	}
	return code;
}

static sift_code run_warning(const fuzz_value *v, fuzz_parsed *out)
{
	sift_warning w;
	memset(&w, 0x5A, sizeof w);
	sift_code code = sift_warning_parse(v->buf, v->value, v->options, &w, v->err);
	fuzz_add(out, w.agent); fuzz_add(out, w.text);
	fuzz_num(out, w.code);
	if (code == SIFT_OK) {
		FUZZ_CHECK(w.code <= 999 && w.agent.len > 0 && w.text.len >= 2);
		FUZZ_SPAN_WITHIN(w.agent, v->value);
		FUZZ_SPAN_WITHIN(w.text, v->value);
		FUZZ_CHECK(v->buf[w.text.off] == '"');
	}
	return code;
}

static sift_code run_server(const fuzz_value *v, fuzz_parsed *out)
{
	uint32_t count = 0;
	sift_code code = sift_server_parse(v->buf, v->value, v->options, &count, v->err);
	fuzz_num(out, code == SIFT_OK ? count : 0);
	if (code != SIFT_OK)
		return code;
	/* The iterator gives exactly count server-vals, each consuming bytes. */
	sift_span cursor = v->value;
	sift_server_val s;
	uint32_t n = 0;
	for (;;) {
		uint32_t before = cursor.len;
		memset(&s, 0x5A, sizeof s);
		sift_code next = sift_server_val_next(v->buf, &cursor, v->options, &s, NULL);
		/* at the end the cursor may keep trailing whitespace (fields.h does
		 * not promise it empty): no fuzz_walk_step() end check */
		if (next == SIFT_E_NOT_FOUND)
			break;
		FUZZ_CHECK(next == SIFT_OK);
		FUZZ_CHECK(cursor.len < before);
		FUZZ_SPAN_WITHIN(cursor, v->value);
		if (s.is_comment) {
			FUZZ_CHECK(s.comment.len >= 2 && s.product.len == 0);
			FUZZ_SPAN_WITHIN(s.comment, v->value);
			fuzz_add(out, s.comment);
		} else {
			FUZZ_CHECK(s.product.len > 0 && s.comment.len == 0);
			FUZZ_SPAN_WITHIN(s.product, v->value);
			FUZZ_SPAN_WITHIN(s.version, v->value);
			fuzz_add(out, s.product);
			fuzz_add(out, s.version);
		}
		n++;
	}
	FUZZ_CHECK(n == count);
	return code;
}

static sift_code run_text(const fuzz_value *v, fuzz_parsed *out)
{
	sift_span t;
	memset(&t, 0x5A, sizeof t);
	sift_code code = sift_text_parse(v->buf, v->value, v->options, &t, v->err);
	fuzz_add(out, t);
	if (code == SIFT_OK)
		FUZZ_SPAN_WITHIN(t, v->value);
	return code;
}

/* arg: 1 for Accept-Contact, 0 for Reject-Contact */
static sift_code run_caller_prefs(const fuzz_value *v, fuzz_parsed *out)
{
	sift_code (*parse)(const char *, sift_span, unsigned, sift_caller_prefs *, sift_error *) =
		v->arg ? sift_accept_contact_parse : sift_reject_contact_parse;
	sift_caller_prefs c;
	memset(&c, 0x5A, sizeof c);
	sift_code code = parse(v->buf, v->value, v->options, &c, v->err);
	fuzz_add(out, c.params);
	fuzz_num(out, c.feature_count);
	fuzz_num(out, c.has_require);
	fuzz_num(out, c.has_explicit);
	if (code == SIFT_OK) {
		FUZZ_SPAN_WITHIN(c.params, v->value);
		fuzz_walk_params(v->buf, c.params, 1);
		if (!v->arg)
			FUZZ_CHECK(!c.has_require && !c.has_explicit);
		/* Strict accepts a subset of what the default accepts. */
		if (v->options & SIFT_OPT_STRICT)
			FUZZ_CHECK(parse(v->buf, v->value, 0, &c, NULL) == SIFT_OK);
	}
	return code;
}

/* Not a parser: the walk ends, each step consumes bytes and stays inside;
 * elements hold no SWS at their ends. */
static sift_code run_list(const fuzz_value *v, fuzz_parsed *out)
{
	sift_span cursor = v->value, element;
	unsigned steps = 0;
	while (sift_list_next(v->buf, &cursor, &element)) {
		FUZZ_SPAN_WITHIN(element, v->value);
		FUZZ_SPAN_WITHIN(cursor, v->value);
		FUZZ_CHECK(++steps <= v->value.len + 1);
		if (element.len) {
			char a = v->buf[element.off], b = v->buf[element.off + element.len - 1];
			FUZZ_CHECK(a != ' ' && a != '\t' && b != ' ' && b != '\t');
		}
		fuzz_add(out, element);
	}
	FUZZ_CHECK(cursor.len == 0);
	fuzz_num(out, steps);
	return SIFT_OK;
}

static const fuzz_value_parser parsers[] = {
	{ run_item, P_ALLOW },
	{ run_item, P_OPTION_TAG },
	{ run_item, P_SUPPORTED },
	{ run_item, P_CONTENT_ENCODING },
	{ run_item, P_CONTENT_LANGUAGE },
	{ run_item, P_IN_REPLY_TO },
	{ run_item, P_REQUEST_DISPOSITION },
	{ run_item, P_MEDIA_AUTHORIZATION },
	{ run_accept, 0 },
	{ run_accept_item, 1 },
	{ run_accept_item, 0 },
	{ run_mime_version, 0 },
	{ run_content_disposition, 0 },
	{ run_content_id, 0 },
	{ run_delta_seconds, 0 },
	{ run_retry_after, 0 },
	{ run_timestamp, 0 },
	{ run_warning, 0 },
	{ run_server, 0 },
	{ run_text, 0 },
	{ run_caller_prefs, 1 },
	{ run_caller_prefs, 0 },
	{ run_list, 0 },
};

static void fast_path_differs(const char *what)
{
	fprintf(stderr, "fuzz_fields: %s: the fast path and the general path differ\n", what);
	abort();
}

static int same_verdict(sift_code a, const sift_error *ea, sift_code b, const sift_error *eb)
{
	return a == b && (a == SIFT_OK || (ea->code == eb->code && ea->offset == eb->offset &&
					   strcmp(ea->rule, eb->rule) == 0));
}

/* The shortcuts full validation takes on the whole value (bytes after the
 * selector), held to the general paths: the whole-production matchers to
 * their one-rule DFAs at every SIMD level, the one-token element check to
 * sift__token_element_verdict, sift_uint_parse to its general path, and
 * sift_server_parse's one-product answer to the walk of sift_server_val_next. */
static void check_fast_paths(const uint8_t *data, size_t size)
{
	static const struct {
		const char *rule;
		int may_be_empty;
	} elements[] = { { "Method", 1 }, { "option-tag", 1 }, { "option-tag", 0 },
			 { "content-coding", 0 } };
	static const uint32_t maxima[] = { 255, UINT32_MAX };
	if (size < 1)
		return;
	size_t len = size - 1;
	char *copy = fuzz_dup(data + 1, len);
	const char *p = copy, *end = copy + len;
	sift_span value = { 0, (uint32_t)len };
	for (int level = 2; level >= 0; level--) {
		sift__use_simd = level;
		if (sift__match_token_fast(p, end) != sift__match_token(p, end))
			fast_path_differs("token");
		if (sift__match_callid_fast(p, end) != sift__match_callid(p, end))
			fast_path_differs("callid");
		if (sift__match_product_fast(p, end) != sift__match_product(p, end))
			fast_path_differs("product");
		if (sift__match_media_type_fast(p, end) != sift__match_media_type(p, end))
			fast_path_differs("media-type");
	}
	sift__use_simd = 2;
	for (size_t i = 0; i < sizeof elements / sizeof elements[0]; i++) {
		sift_error fast_err, general_err;
		sift_code fast = sift__token_element_check(copy, value, elements[i].rule,
							   elements[i].may_be_empty, &fast_err);
		sift_code general = sift__token_element_verdict(copy, value, elements[i].rule,
								elements[i].may_be_empty, &general_err);
		if (!same_verdict(fast, &fast_err, general, &general_err))
			fast_path_differs("one-token element");
	}
	for (size_t i = 0; i < sizeof maxima / sizeof maxima[0]; i++) {
		sift_error fast_err, general_err;
		uint32_t fast_number = 0xA5A5A5A5u, general_number = 0xA5A5A5A5u;
		sift_code fast = sift_uint_parse(copy, value, maxima[i], &fast_number, &fast_err);
		sift_code general = sift__uint_parse_general(copy, value, maxima[i], &general_number,
							     &general_err);
		if (!same_verdict(fast, &fast_err, general, &general_err) ||
		    fast_number != general_number)
			fast_path_differs("1*DIGIT");
	}
	/* The walk: every server-val until none is left. */
	sift_span cursor = value;
	sift_server_val val;
	sift_error walk_err;
	sift_code walk;
	uint32_t n = 0;
	while ((walk = sift_server_val_next(copy, &cursor, 0, &val, &walk_err)) == SIFT_OK)
		n++;
	if (walk == SIFT_E_NOT_FOUND) {
		walk = n ? SIFT_OK : SIFT_E_HEADER_VALUE;
		walk_err.code = walk;
		walk_err.offset = (uint32_t)(sift__skip_sws(p, end) - copy);
		walk_err.rule = "server-val";
	}
	for (int counted = 0; counted < 2; counted++) {
		uint32_t count = 0;
		sift_error err;
		sift_code code = sift_server_parse(copy, value, 0, counted ? &count : NULL, &err);
		if (!same_verdict(code, &err, walk, &walk_err) ||
		    (counted && code == SIFT_OK && count != n))
			fast_path_differs("server-val");
	}
	free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const fuzz_value_table table = { parsers, sizeof parsers / sizeof parsers[0],
						FUZZ_VALUE_ERRORS, NULL };
	check_fast_paths(data, size);
	return fuzz_value_target(&table, data, size);
}
