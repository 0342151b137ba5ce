/*
 * fuzz/targets/fuzz_validate.c - sift_header_validate() for every registered
 * header: the typed parser that full validation runs on one value.
 *
 * Input: selector byte, then the header value (fuzz_value_target() of
 * check.h, with one table entry per header id).
 *   bit 7   SIFT_OPT_STRICT
 *   bits 0-6  header id, modulo SIFT_H_COUNT (grammar/headers.def order)
 * Every typed parser a header family adds to validation is reached through
 * here without a target of its own; fuzz_headers goes deeper on the core
 * parsers' output.
 *
 * Invariants (abort on violation), the driver's:
 *   - on error: the error holds the returned code, a rule, and an offset
 *     inside the value or right after it;
 *   - the same code without an error struct;
 *   - the same result, offset shifted by one and the same rule, when the
 *     value sits at offset 1 of the input instead of 0 (no dependence on
 *     absolute positions).
 * And, on every input whatever its selector byte, of the verdicts that
 * answer SIFT_OK for full validation without their typed parser (the
 * value is the input after its first byte, in a heap copy of exactly its
 * bytes, default and strict):
 *   - where sift__via_is_common (src/hdr/via.c) accepts the value,
 *     sift_via_parse accepts it too;
 *   - where sift__addr_fast_accept (src/grammar/fast_addr.re) accepts it
 *     with a set of SIFT_ADDR_* flags validation uses, sift_addr_parse
 *     accepts it with the same flags.
 */
#include "check.h"
#include "grammar/internal.h"
#include "hdr/internal.h"

/* arg: the header id */
static sift_code run_validate(const fuzz_value *v, fuzz_parsed *out)
{
	(void)out; /* nothing to record but the code and the error */
	if (v->err)
		memset(v->err, 0x5A, sizeof *v->err); /* the validator fills it */
	return sift_header_validate(v->buf, (sift_header_id)v->arg, v->value, v->options, v->err);
}

/* The verdict invariants above. */
static void check_verdicts(const uint8_t *data, size_t size)
{
	/* The flag sets of the address headers in sift_header_validate. */
	static const unsigned address_flags[] = {
		0, SIFT_ADDR_NAME_ADDR_ONLY, SIFT_ADDR_ALLOW_STAR | SIFT_ADDR_CONTACT,
		SIFT_ADDR_NO_PARAMS,
	};
	static const unsigned modes[] = { 0, SIFT_OPT_STRICT };
	if (size < 1)
		return;
	size_t len = size - 1;
	char *copy = fuzz_dup(data + 1, len);
	sift_span value = { 0, (uint32_t)len };
	int via = sift__via_is_common(copy, copy + len);
	for (size_t m = 0; m < sizeof modes / sizeof modes[0]; m++) {
		sift_via parsed_via;
		if (via && sift_via_parse(copy, value, modes[m], &parsed_via, NULL) != SIFT_OK) {
			fprintf(stderr, "fuzz_validate: sift__via_is_common accepts a value "
					"sift_via_parse rejects\n");
			abort();
		}
		for (size_t f = 0; f < sizeof address_flags / sizeof address_flags[0]; f++) {
			unsigned options = modes[m] | address_flags[f];
			sift_addr addr;
			if (sift__addr_fast_accept(copy, copy + len, options) &&
			    sift_addr_parse(copy, value, options, &addr, NULL) != SIFT_OK) {
				fprintf(stderr, "fuzz_validate: sift__addr_fast_accept accepts a value "
						"sift_addr_parse rejects (options 0x%x)\n",
					options);
				abort();
			}
		}
	}
	free(copy);
}

static fuzz_value_parser parsers[SIFT_H_COUNT];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const fuzz_value_table table = { parsers, SIFT_H_COUNT, 0, NULL };
	if (!parsers[0].run)
		for (int id = 0; id < SIFT_H_COUNT; id++)
			parsers[id] = (fuzz_value_parser){ run_validate, id };
	check_verdicts(data, size);
	return fuzz_value_target(&table, data, size);
}
