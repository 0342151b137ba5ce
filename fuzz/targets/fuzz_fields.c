/*
 * fuzz/targets/fuzz_fields.c - the typed parsers of sipsift/fields.h on one
 * value (RFC 3261 20 generic and body headers, RFC 3313, 3841, 8262).
 *
 * Input: selector byte, then the header value.
 *   byte 0: bit 7 SIFT_OPT_STRICT; (byte & 0x7F) % PARSER_COUNT picks:
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
 * The value is parsed from a heap copy of exactly its bytes (span at offset
 * 0), then again at offset 1 of the original input (after the selector).
 * Invariants (abort on violation):
 *   - every span the parser returns lies inside the value, parts where they
 *     belong (the handling value inside the params, id-left inside the id);
 *   - an error has the returned code, a rule and an offset inside the value;
 *   - the same code without an error struct; the same result, shifted, at
 *     the other offset; param lists and iterators end and stay inside;
 *   - numbers: a value the default mode clamps is a range error when strict.
 */
#include "check.h"

enum {
	P_ALLOW, P_OPTION_TAG, P_SUPPORTED, P_CONTENT_ENCODING, P_CONTENT_LANGUAGE, P_IN_REPLY_TO,
	P_REQUEST_DISPOSITION, P_MEDIA_AUTHORIZATION, P_ACCEPT, P_ACCEPT_ENCODING,
	P_ACCEPT_LANGUAGE, P_MIME_VERSION, P_CONTENT_DISPOSITION, P_CONTENT_ID, P_DELTA_SECONDS,
	P_RETRY_AFTER, P_TIMESTAMP, P_WARNING, P_SERVER, P_TEXT, P_ACCEPT_CONTACT,
	P_REJECT_CONTACT, P_LIST, PARSER_COUNT
};

#define MAX_SPANS 64

typedef struct parsed {
	sift_code code;
	sift_error error;
	sift_span spans[MAX_SPANS];
	unsigned span_count;
	uint32_t numbers[8];
} parsed;

static void add(parsed *p, sift_span span)
{
	if (p->span_count < MAX_SPANS)
		p->spans[p->span_count++] = span;
}

typedef sift_code (*item_parser)(const char *, sift_span, unsigned, sift_list_item *, sift_error *);

static item_parser item_parser_of(int which)
{
	switch (which) {
	case P_ALLOW: return sift_allow_parse;
	case P_OPTION_TAG: return sift_option_tag_parse;
	case P_SUPPORTED: return sift_supported_parse;
	case P_CONTENT_ENCODING: return sift_content_encoding_parse;
	case P_CONTENT_LANGUAGE: return sift_content_language_parse;
	case P_IN_REPLY_TO: return sift_in_reply_to_parse;
	case P_REQUEST_DISPOSITION: return sift_request_disposition_parse;
	case P_MEDIA_AUTHORIZATION: return sift_media_authorization_parse;
	default: return NULL;
	}
}

/* Runs the parser; `err` may be NULL (then only the code is compared). */
static sift_code run_one(int which, const char *buf, sift_span value, unsigned options, parsed *out,
			 sift_error *err)
{
	item_parser item = item_parser_of(which);
	if (item) {
		sift_list_item it;
		memset(&it, 0x5A, sizeof it); /* the parser clears it */
		sift_code code = item(buf, value, options, &it, err);
		add(out, it.value);
		out->numbers[0] = it.kind;
		out->numbers[1] = it.is_empty;
		if (code == SIFT_OK) {
			FUZZ_SPAN_WITHIN(it.value, value);
			FUZZ_CHECK(it.is_empty == (it.value.len == 0));
			if (which == P_ALLOW)
				FUZZ_CHECK(it.kind == sift_method_lookup(buf + it.value.off, it.value.len));
			if (which == P_REQUEST_DISPOSITION)
				FUZZ_CHECK(it.kind >= SIFT_DIRECTIVE_PROXY && it.kind <= SIFT_DIRECTIVE_NO_QUEUE);
			if (which != P_ALLOW && which != P_SUPPORTED)
				FUZZ_CHECK(!it.is_empty);
		}
		return code;
	}
	switch (which) {
	case P_ACCEPT: {
		sift_accept_range r;
		memset(&r, 0x5A, sizeof r);
		sift_code code = sift_accept_parse(buf, value, options, &r, err);
		add(out, r.type); add(out, r.subtype); add(out, r.params);
		out->numbers[0] = r.q;
		out->numbers[1] = r.has_q;
		out->numbers[2] = r.is_empty;
		if (code == SIFT_OK) {
			FUZZ_CHECK(r.q <= 1000 && (r.has_q || r.q == 1000));
			FUZZ_CHECK(r.is_empty || (r.type.len > 0 && r.subtype.len > 0));
			FUZZ_SPAN_WITHIN(r.type, value);
			FUZZ_SPAN_WITHIN(r.subtype, value);
			FUZZ_SPAN_WITHIN(r.params, value);
			fuzz_walk_params(buf, r.params, 1);
		}
		return code;
	}
	case P_ACCEPT_ENCODING:
	case P_ACCEPT_LANGUAGE: {
		sift_accept_item a;
		memset(&a, 0x5A, sizeof a);
		sift_code code = which == P_ACCEPT_ENCODING
					 ? sift_accept_encoding_parse(buf, value, options, &a, err)
					 : sift_accept_language_parse(buf, value, options, &a, err);
		add(out, a.value); add(out, a.params);
		out->numbers[0] = a.q;
		out->numbers[1] = a.has_q;
		out->numbers[2] = a.is_empty;
		if (code == SIFT_OK) {
			FUZZ_CHECK(a.q <= 1000);
			FUZZ_CHECK(a.is_empty == (a.value.len == 0));
			FUZZ_SPAN_WITHIN(a.value, value);
			FUZZ_SPAN_WITHIN(a.params, value);
			fuzz_walk_params(buf, a.params, 1);
		}
		return code;
	}
	case P_MIME_VERSION: {
		sift_mime_version v;
		memset(&v, 0x5A, sizeof v);
		sift_code code = sift_mime_version_parse(buf, value, options, &v, err);
		out->numbers[0] = code == SIFT_OK ? v.major : 0;
		out->numbers[1] = code == SIFT_OK ? v.minor : 0;
		return code;
	}
	case P_CONTENT_DISPOSITION: {
		sift_content_disposition d;
		memset(&d, 0x5A, sizeof d);
		sift_code code = sift_content_disposition_parse(buf, value, options, &d, err);
		add(out, d.type); add(out, d.params); add(out, d.handling);
		out->numbers[0] = d.disposition;
		out->numbers[1] = d.handling_kind;
		if (code == SIFT_OK) {
			FUZZ_CHECK(d.type.len > 0);
			FUZZ_SPAN_WITHIN(d.type, value);
			FUZZ_SPAN_WITHIN(d.params, value);
			FUZZ_SPAN_WITHIN(d.handling, d.params);
			FUZZ_CHECK(d.handling_kind <= SIFT_HANDLING_OTHER);
			FUZZ_CHECK((d.handling_kind == SIFT_HANDLING_ABSENT) == (d.handling.len == 0));
			fuzz_walk_params(buf, d.params, 1);
		}
		return code;
	}
	case P_CONTENT_ID: {
		sift_content_id c;
		memset(&c, 0x5A, sizeof c);
		sift_code code = sift_content_id_parse(buf, value, options, &c, err);
		add(out, c.id); add(out, c.left); add(out, c.right);
		if (code == SIFT_OK) {
			FUZZ_CHECK(c.left.len > 0 && c.right.len > 0);
			FUZZ_SPAN_WITHIN(c.id, value);
			FUZZ_SPAN_WITHIN(c.left, c.id);
			FUZZ_SPAN_WITHIN(c.right, c.id);
			FUZZ_CHECK(c.left.len + 1 + c.right.len == c.id.len);
			FUZZ_CHECK(buf[c.left.off + c.left.len] == '@');
		}
		return code;
	}
	case P_DELTA_SECONDS: {
		sift_delta_seconds d;
		memset(&d, 0x5A, sizeof d);
		sift_code code = sift_delta_seconds_parse(buf, value, options, &d, err);
		out->numbers[0] = code == SIFT_OK ? d.seconds : 0;
		out->numbers[1] = code == SIFT_OK ? d.clamped : 0;
		if (code == SIFT_OK && d.clamped) {
			FUZZ_CHECK(!(options & SIFT_OPT_STRICT) && d.seconds == UINT32_MAX);
			FUZZ_CHECK(sift_delta_seconds_parse(buf, value, SIFT_OPT_STRICT, &d, NULL) ==
				   SIFT_E_NUMBER_RANGE);
		}
		return code;
	}
	case P_RETRY_AFTER: {
		sift_retry_after r;
		memset(&r, 0x5A, sizeof r);
		sift_code code = sift_retry_after_parse(buf, value, options, &r, err);
		add(out, r.comment); add(out, r.params);
		if (code == SIFT_OK) {
			out->numbers[0] = r.seconds;
			out->numbers[1] = r.duration;
			out->numbers[2] = r.clamped;
			out->numbers[3] = r.has_duration;
			FUZZ_CHECK(r.has_duration || r.duration == 0);
			FUZZ_SPAN_WITHIN(r.comment, value);
			FUZZ_SPAN_WITHIN(r.params, value);
			FUZZ_CHECK(r.comment.len == 0 ||
				   (buf[r.comment.off] == '(' && buf[r.comment.off + r.comment.len - 1] == ')'));
			fuzz_walk_params(buf, r.params, 1);
			if (r.clamped)
				FUZZ_CHECK(sift_retry_after_parse(buf, value, SIFT_OPT_STRICT, &r, NULL) ==
					   SIFT_E_NUMBER_RANGE);
		}
		return code;
	}
	case P_TIMESTAMP: {
		sift_timestamp t;
		memset(&t, 0x5A, sizeof t);
		sift_code code = sift_timestamp_parse(buf, value, options, &t, err);
		add(out, t.time); add(out, t.delay);
		if (code == SIFT_OK) {
			FUZZ_CHECK(t.time.len > 0);
			FUZZ_SPAN_WITHIN(t.time, value);
			FUZZ_SPAN_WITHIN(t.delay, value);
		}
		return code;
	}
	case P_WARNING: {
		sift_warning w;
		memset(&w, 0x5A, sizeof w);
		sift_code code = sift_warning_parse(buf, value, options, &w, err);
		add(out, w.agent); add(out, w.text);
		out->numbers[0] = w.code;
		if (code == SIFT_OK) {
			FUZZ_CHECK(w.code <= 999 && w.agent.len > 0 && w.text.len >= 2);
			FUZZ_SPAN_WITHIN(w.agent, value);
			FUZZ_SPAN_WITHIN(w.text, value);
			FUZZ_CHECK(buf[w.text.off] == '"');
		}
		return code;
	}
	case P_SERVER: {
		uint32_t count = 0;
		sift_code code = sift_server_parse(buf, value, options, &count, err);
		out->numbers[0] = code == SIFT_OK ? count : 0;
		if (code != SIFT_OK)
			return code;
		/* The iterator gives exactly count server-vals, each consuming bytes. */
		sift_span cursor = value;
		sift_server_val s;
		uint32_t n = 0;
		for (;;) {
			uint32_t before = cursor.len;
			memset(&s, 0x5A, sizeof s);
			sift_code next = sift_server_val_next(buf, &cursor, options, &s, NULL);
			if (next == SIFT_E_NOT_FOUND)
				break;
			FUZZ_CHECK(next == SIFT_OK);
			FUZZ_CHECK(cursor.len < before);
			FUZZ_SPAN_WITHIN(cursor, value);
			if (s.is_comment) {
				FUZZ_CHECK(s.comment.len >= 2 && s.product.len == 0);
				FUZZ_SPAN_WITHIN(s.comment, value);
				add(out, s.comment);
			} else {
				FUZZ_CHECK(s.product.len > 0 && s.comment.len == 0);
				FUZZ_SPAN_WITHIN(s.product, value);
				FUZZ_SPAN_WITHIN(s.version, value);
				add(out, s.product);
				add(out, s.version);
			}
			n++;
		}
		FUZZ_CHECK(n == count);
		return code;
	}
	case P_TEXT: {
		sift_span t;
		memset(&t, 0x5A, sizeof t);
		sift_code code = sift_text_parse(buf, value, options, &t, err);
		add(out, t);
		if (code == SIFT_OK)
			FUZZ_SPAN_WITHIN(t, value);
		return code;
	}
	case P_ACCEPT_CONTACT:
	case P_REJECT_CONTACT: {
		sift_caller_prefs c;
		memset(&c, 0x5A, sizeof c);
		sift_code code = which == P_ACCEPT_CONTACT
					 ? sift_accept_contact_parse(buf, value, options, &c, err)
					 : sift_reject_contact_parse(buf, value, options, &c, err);
		add(out, c.params);
		out->numbers[0] = c.feature_count;
		out->numbers[1] = c.has_require;
		out->numbers[2] = c.has_explicit;
		if (code == SIFT_OK) {
			FUZZ_SPAN_WITHIN(c.params, value);
			fuzz_walk_params(buf, c.params, 1);
			if (which == P_REJECT_CONTACT)
				FUZZ_CHECK(!c.has_require && !c.has_explicit);
			/* Strict accepts a subset of what the default accepts. */
			if (options & SIFT_OPT_STRICT)
				FUZZ_CHECK((which == P_ACCEPT_CONTACT
						    ? sift_accept_contact_parse(buf, value, 0, &c, NULL)
						    : sift_reject_contact_parse(buf, value, 0, &c, NULL)) == SIFT_OK);
		}
		return code;
	}
	case P_LIST: {
		/* Not a parser: the walk ends, each step consumes bytes and stays
		 * inside; elements hold no SWS at their ends. */
		sift_span cursor = value, element;
		unsigned steps = 0;
		while (sift_list_next(buf, &cursor, &element)) {
			FUZZ_SPAN_WITHIN(element, value);
			FUZZ_SPAN_WITHIN(cursor, value);
			FUZZ_CHECK(++steps <= value.len + 1);
			if (element.len) {
				char a = buf[element.off], b = buf[element.off + element.len - 1];
				FUZZ_CHECK(a != ' ' && a != '\t' && b != ' ' && b != '\t');
			}
			add(out, element);
		}
		FUZZ_CHECK(cursor.len == 0);
		out->numbers[0] = steps;
		return SIFT_OK;
	}
	default:
		FUZZ_CHECK(!"unknown parser");
		return SIFT_E_ARGUMENT;
	}
}

static void run(int which, const char *buf, sift_span value, unsigned options, parsed *out)
{
	memset(out, 0, sizeof *out);
	out->code = run_one(which, buf, value, options, out, &out->error);
	if (out->code != SIFT_OK) {
		FUZZ_CHECK(out->code == SIFT_E_HEADER_VALUE || out->code == SIFT_E_NUMBER_RANGE);
		FUZZ_CHECK(out->error.code == out->code);
		FUZZ_CHECK(out->error.rule != NULL);
		FUZZ_CHECK(fuzz_offset_within(out->error.offset, value));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	int which = (data[0] & 0x7F) % PARSER_COUNT;
	unsigned options = (data[0] & 0x80) ? SIFT_OPT_STRICT : 0;
	size_t len = size - 1;
	char *copy = fuzz_dup(data + 1, len);
	sift_span value = { 0, (uint32_t)len };
	sift_span shifted_value = { 1, (uint32_t)len };

	parsed alone, shifted, quiet;
	run(which, copy, value, options, &alone);
	for (unsigned i = 0; i < alone.span_count; i++)
		FUZZ_SPAN_IN(alone.spans[i], len);
	memset(&quiet, 0, sizeof quiet);
	FUZZ_CHECK(run_one(which, copy, value, options, &quiet, NULL) == alone.code);

	run(which, (const char *)data, shifted_value, options, &shifted);
	FUZZ_CHECK(shifted.code == alone.code);
	FUZZ_CHECK(memcmp(shifted.numbers, alone.numbers, sizeof alone.numbers) == 0);
	FUZZ_CHECK(shifted.span_count == alone.span_count);
	for (unsigned i = 0; i < alone.span_count; i++) {
		FUZZ_SPAN_IN(shifted.spans[i], size);
		FUZZ_CHECK(fuzz_span_moved(shifted.spans[i], alone.spans[i], 1));
	}
	if (alone.code != SIFT_OK) {
		FUZZ_CHECK(shifted.error.offset == alone.error.offset + 1);
		FUZZ_CHECK(strcmp(shifted.error.rule, alone.error.rule) == 0);
	}
	free(copy);
	return 0;
}
