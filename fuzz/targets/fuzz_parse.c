/*
 * fuzz/targets/fuzz_parse.c - sift_parse() on one datagram.
 *
 * Input: one selector byte, then the datagram.
 *   bit 0  SIFT_OPT_INDEX_ONLY
 *   bit 1  SIFT_OPT_STRICT
 *   bits 2-3  header index capacity: 64, 1, 8, 256 (small ones reach
 *             SIFT_E_TOO_MANY_HEADERS)
 * So 0x00 is the default full parse, 0x01 index only, 0x02 strict.
 *
 * Invariants (abort on violation):
 *   - every span (start line parts, each header name and value, body) lies
 *     inside the datagram; header_count <= capacity; the per-id chains are
 *     well formed;
 *   - on error: msg.error holds the returned code, offset <= size, a rule;
 *   - on success: the message lies inside the datagram; in full mode the
 *     Request-URI parses on its own;
 *   - sift_header_validate() on every entry: error offsets inside the value;
 *     after a successful full parse every entry validates;
 *   - determinism: a second parse of a copy at another address, with a
 *     reused sift_msg and dirty storage, gives the same result, with the
 *     widest SIMD, SSE2 alone and the scalar loops (sift__use_simd 2, 1, 0).
 */
#include "check.h"

static const uint32_t capacities[4] = { 64, 1, 8, 256 };

/* src/hdr/validate.c: 2 widest SIMD (default), 1 SSE2, 0 scalar only. */
extern int sift__use_simd;

static void check_error(const sift_error *error, sift_code code, size_t size)
{
	char text[256];
	FUZZ_CHECK(error->code == code);
	FUZZ_CHECK(error->offset <= size);
	FUZZ_CHECK(error->rule != NULL);
	FUZZ_CHECK(sift_strerror(code) != NULL);
	FUZZ_CHECK(sift_code_name(code) != NULL);
	int need = sift_error_format(error, text, sizeof text);
	FUZZ_CHECK(need >= 0);
	FUZZ_CHECK(strlen(text) == ((size_t)need < sizeof text ? (size_t)need : sizeof text - 1));
	FUZZ_CHECK(sift_error_format(error, NULL, 0) == need);
}

static void check_msg(const char *buf, size_t size, const sift_msg *msg, sift_code code,
		      unsigned options, uint32_t capacity)
{
	FUZZ_CHECK(msg->header_capacity == capacity);
	FUZZ_CHECK(msg->header_count <= capacity);
	FUZZ_CHECK(msg->offset <= size);
	FUZZ_SPAN_IN(msg->start_line, size);
	FUZZ_SPAN_IN(msg->method, size);
	FUZZ_SPAN_IN(msg->request_uri, size);
	FUZZ_SPAN_IN(msg->reason, size);
	FUZZ_SPAN_IN(msg->version, size);
	FUZZ_SPAN_IN(msg->body, size);

	for (uint32_t i = 0; i < msg->header_count; i++) {
		const sift_header *h = &msg->headers[i];
		FUZZ_SPAN_IN(h->name, size);
		FUZZ_SPAN_IN(h->value, size);
		FUZZ_CHECK(h->id < SIFT_H_COUNT);
		FUZZ_CHECK(h->name.len > 0);
		FUZZ_CHECK(sift_header_lookup(buf + h->name.off, h->name.len) == h->id);
		/* Chains run forward through entries of the same id. */
		FUZZ_CHECK(h->next == SIFT_NONE ||
			   (h->next > i && h->next < msg->header_count &&
			    msg->headers[h->next].id == h->id));
	}
	for (unsigned id = 0; id < SIFT_H_COUNT; id++) {
		uint32_t first = msg->first[id];
		FUZZ_CHECK(first == SIFT_NONE ||
			   (first < msg->header_count && msg->headers[first].id == id));
	}

	if (code != SIFT_OK) {
		check_error(&msg->error, code, size);
		return;
	}
	FUZZ_CHECK(msg->kind == SIFT_KIND_REQUEST || msg->kind == SIFT_KIND_RESPONSE);
	FUZZ_CHECK((uint64_t)msg->offset + msg->length <= size);
	FUZZ_CHECK(msg->body.off >= msg->offset);
	FUZZ_CHECK((uint64_t)msg->body.off + msg->body.len == (uint64_t)msg->offset + msg->length);
	FUZZ_CHECK(!msg->has_content_length || msg->body.len == msg->content_length);
	FUZZ_SPAN_WITHIN(msg->version, msg->start_line);
	if (msg->kind == SIFT_KIND_REQUEST) {
		FUZZ_SPAN_WITHIN(msg->method, msg->start_line);
		FUZZ_SPAN_WITHIN(msg->request_uri, msg->start_line);
		FUZZ_CHECK(msg->method_id ==
			   sift_method_lookup(buf + msg->method.off, msg->method.len));
		if (!(options & SIFT_OPT_INDEX_ONLY)) {
			sift_uri uri;
			FUZZ_CHECK(sift_uri_parse(buf, msg->request_uri, options & SIFT_OPT_STRICT,
						  &uri, NULL) == SIFT_OK);
		}
	} else {
		FUZZ_CHECK(msg->status >= 100 && msg->status <= 699);
		FUZZ_SPAN_WITHIN(msg->reason, msg->start_line);
	}
}

/* Each entry through the typed parser registered for its id, as tools do. */
static void validate_entries(const char *buf, size_t size, const sift_msg *msg, sift_code code,
			     unsigned options)
{
	int all_must_pass = code == SIFT_OK && !(options & SIFT_OPT_INDEX_ONLY);
	for (uint32_t i = 0; i < msg->header_count; i++) {
		const sift_header *h = &msg->headers[i];
		sift_error error;
		memset(&error, 0, sizeof error);
		sift_code got = sift_header_validate(buf, (sift_header_id)h->id, h->value,
						     options & SIFT_OPT_STRICT, &error);
		FUZZ_CHECK(got == sift_header_validate(buf, (sift_header_id)h->id, h->value,
						       options & SIFT_OPT_STRICT, NULL));
		if (got != SIFT_OK) {
			FUZZ_CHECK(!all_must_pass);
			FUZZ_CHECK(error.code == got);
			FUZZ_CHECK(error.rule != NULL);
			FUZZ_CHECK(error.offset <= size);
			FUZZ_CHECK(fuzz_offset_within(error.offset, h->value));
		}
	}
}

static void check_same(const sift_msg *a, const sift_msg *b)
{
	FUZZ_CHECK(a->kind == b->kind);
	FUZZ_CHECK(fuzz_span_eq(a->start_line, b->start_line));
	FUZZ_CHECK(fuzz_span_eq(a->method, b->method));
	FUZZ_CHECK(a->method_id == b->method_id);
	FUZZ_CHECK(fuzz_span_eq(a->request_uri, b->request_uri));
	FUZZ_CHECK(a->status == b->status);
	FUZZ_CHECK(fuzz_span_eq(a->reason, b->reason));
	FUZZ_CHECK(fuzz_span_eq(a->version, b->version));
	FUZZ_CHECK(a->header_count == b->header_count);
	for (uint32_t i = 0; i < a->header_count; i++) {
		const sift_header *x = &a->headers[i], *y = &b->headers[i];
		FUZZ_CHECK(fuzz_span_eq(x->name, y->name));
		FUZZ_CHECK(fuzz_span_eq(x->value, y->value));
		FUZZ_CHECK(x->id == y->id && x->flags == y->flags && x->next == y->next);
	}
	FUZZ_CHECK(memcmp(a->first, b->first, sizeof a->first) == 0);
	FUZZ_CHECK(fuzz_span_eq(a->body, b->body));
	FUZZ_CHECK(a->content_length == b->content_length);
	FUZZ_CHECK(a->has_content_length == b->has_content_length);
	FUZZ_CHECK(a->length == b->length);
	FUZZ_CHECK(a->offset == b->offset);
	FUZZ_CHECK(fuzz_error_eq(&a->error, &b->error));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	unsigned options = 0;
	if (data[0] & 1)
		options |= SIFT_OPT_INDEX_ONLY;
	if (data[0] & 2)
		options |= SIFT_OPT_STRICT;
	uint32_t capacity = capacities[(data[0] >> 2) & 3];
	const char *buf = (const char *)data + 1;
	size_t len = size - 1;

	sift_header *storage = malloc(capacity * sizeof *storage);
	sift_header *storage2 = malloc(capacity * sizeof *storage2);
	if (!storage || !storage2)
		abort();
	sift_msg msg, msg2;
	FUZZ_CHECK(sift_msg_init(&msg, storage, capacity) == SIFT_OK);
	sift_code code = sift_parse(&msg, buf, len, options);
	check_msg(buf, len, &msg, code, options, capacity);
	validate_entries(buf, len, &msg, code, options);

	/* Determinism: the same bytes elsewhere in memory, parsed by a sift_msg
	 * that was used before (with the other index mode) over dirty storage,
	 * with the widest SIMD, with SSE2 alone and with the scalar loops. */
	char *copy = fuzz_dup(buf, len);
	for (int simd = 2; simd >= 0; simd--) {
		memset(storage2, 0xA5, capacity * sizeof *storage2);
		FUZZ_CHECK(sift_msg_init(&msg2, storage2, capacity) == SIFT_OK);
		(void)sift_parse(&msg2, copy, len, options ^ SIFT_OPT_INDEX_ONLY);
		sift__use_simd = simd;
		FUZZ_CHECK(sift_parse(&msg2, copy, len, options) == code);
		sift__use_simd = 2;
		check_same(&msg, &msg2);
	}

	free(copy);
	free(storage2);
	free(storage);
	return 0;
}
