/*
 * fuzz/targets/fuzz_validate.c - sift_header_validate() for every registered
 * header: the typed parser that full validation runs on one value.
 *
 * Input: selector byte, then the header value.
 *   bit 7   SIFT_OPT_STRICT
 *   bits 0-6  header id, modulo SIFT_H_COUNT (grammar/headers.def order)
 * Every typed parser a header family adds to validation is reached through
 * here without a target of its own; fuzz_headers goes deeper on the core
 * parsers' output.
 *
 * Invariants (abort on violation):
 *   - on error: the error holds the returned code, a rule, and an offset
 *     inside the value or right after it;
 *   - the same code without an error struct;
 *   - the same result, offset shifted by one, when the value sits at offset
 *     1 of the input instead of 0 (no dependence on absolute positions).
 */
#include "check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	sift_header_id id = (sift_header_id)((data[0] & 0x7F) % SIFT_H_COUNT);
	unsigned options = (data[0] & 0x80) ? SIFT_OPT_STRICT : 0;
	size_t len = size - 1;
	char *copy = fuzz_dup(data + 1, len);
	sift_span value = { 0, (uint32_t)len };
	sift_span shifted = { 1, (uint32_t)len };
	sift_error err, shifted_err;

	memset(&err, 0x5A, sizeof err);
	sift_code code = sift_header_validate(copy, id, value, options, &err);
	if (code != SIFT_OK) {
		FUZZ_CHECK(err.code == code);
		FUZZ_CHECK(err.rule != NULL);
		FUZZ_CHECK(fuzz_offset_within(err.offset, value));
	}
	FUZZ_CHECK(sift_header_validate(copy, id, value, options, NULL) == code);

	memset(&shifted_err, 0x5A, sizeof shifted_err);
	FUZZ_CHECK(sift_header_validate((const char *)data, id, shifted, options, &shifted_err) ==
		   code);
	if (code != SIFT_OK) {
		FUZZ_CHECK(shifted_err.offset == err.offset + 1);
		FUZZ_CHECK(strcmp(shifted_err.rule, err.rule) == 0);
	}
	free(copy);
	return 0;
}
