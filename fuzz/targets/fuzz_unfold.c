/*
 * fuzz/targets/fuzz_unfold.c - sift_unfold() on raw values and on the
 * values of a parsed message.
 *
 * Input: any bytes, used twice:
 *   1. the whole input as one value span: unfolded into a heap buffer of
 *      exactly the value's size (ASan sees any write past it); the result
 *      is >= 0 and <= the value length, exactly that many bytes of room
 *      are enough and one fewer is not, and the output is the same every
 *      time. When the input has the shape of a header value (every LF
 *      followed by SP/HTAB, every CR followed by LF, as the message parser
 *      guarantees), the output holds no CR or LF at all.
 *   2. the input as a datagram (sift_parse, index only): every header value
 *      unfolds into a buffer of its size, and the output has no fold left
 *      ([CR] LF followed by SP or HTAB).
 */
#include "check.h"

/* Every LF followed by SP/HTAB, every CR by LF: a value from the parser. */
static int value_shaped(const char *p, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (p[i] == '\n' && !(i + 1 < len && (p[i + 1] == ' ' || p[i + 1] == '\t')))
			return 0;
		if (p[i] == '\r' && !(i + 1 < len && p[i + 1] == '\n'))
			return 0;
	}
	return 1;
}

/* No LF followed by SP/HTAB (a CR before it makes no difference). */
static int has_fold(const char *p, size_t len)
{
	for (size_t i = 0; i + 1 < len; i++)
		if (p[i] == '\n' && (p[i + 1] == ' ' || p[i + 1] == '\t'))
			return 1;
	return 0;
}

/* Unfolds buf's value into an exact buffer; checks size handling. Returns
 * the output (caller frees) and its length in *out_len. */
static char *unfold_checked(const char *buf, sift_span value, long *out_len)
{
	char *out = malloc(value.len ? value.len : 1);
	if (!out)
		abort();
	long n = sift_unfold(buf, value, out, value.len);
	FUZZ_CHECK(n >= 0);
	FUZZ_CHECK((uint64_t)n <= value.len);

	/* Exactly n bytes of room suffice and give the same bytes; n - 1 do
	 * not. */
	char *exact = malloc(n ? (size_t)n : 1);
	if (!exact)
		abort();
	FUZZ_CHECK(sift_unfold(buf, value, exact, (size_t)n) == n);
	FUZZ_CHECK(n == 0 || memcmp(exact, out, (size_t)n) == 0);
	if (n > 0)
		FUZZ_CHECK(sift_unfold(buf, value, exact, (size_t)n - 1) == -1);
	free(exact);
	*out_len = n;
	return out;
}

static void unfold_raw(const uint8_t *data, size_t size)
{
	char *buf = fuzz_dup(data, size);
	sift_span value = { 0, (uint32_t)size };
	long n;
	char *out = unfold_checked(buf, value, &n);
	if (value_shaped(buf, size)) {
		FUZZ_CHECK(!memchr(out, '\n', (size_t)n));
		FUZZ_CHECK(!memchr(out, '\r', (size_t)n));
	}
	/* An output without LF holds no fold: unfolding it again gives it back
	 * unchanged. */
	if (!memchr(out, '\n', (size_t)n)) {
		long again;
		char *twice = unfold_checked(out, (sift_span){ 0, (uint32_t)n }, &again);
		FUZZ_CHECK(again == n);
		FUZZ_CHECK(n == 0 || memcmp(twice, out, (size_t)n) == 0);
		free(twice);
	}
	free(out);
	free(buf);
}

static void unfold_message(const uint8_t *data, size_t size)
{
	sift_header storage[64];
	sift_msg msg;
	FUZZ_CHECK(sift_msg_init(&msg, storage, 64) == SIFT_OK);
	(void)sift_parse(&msg, (const char *)data, size, SIFT_OPT_INDEX_ONLY);
	for (uint32_t i = 0; i < msg.header_count; i++) {
		sift_span value = msg.headers[i].value;
		FUZZ_SPAN_IN(value, size);
		long n;
		char *out = unfold_checked((const char *)data, value, &n);
		FUZZ_CHECK(!has_fold(out, (size_t)n));
		/* Without SIFT_HF_FOLDED there was nothing to unfold. */
		if (!(msg.headers[i].flags & SIFT_HF_FOLDED))
			FUZZ_CHECK((uint64_t)n == value.len &&
				   (n == 0 || memcmp(out, data + value.off, (size_t)n) == 0));
		free(out);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unfold_raw(data, size);
	unfold_message(data, size);
	return 0;
}
