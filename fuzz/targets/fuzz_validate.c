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
 * And one of Via's own, on every input whatever its selector byte:
 *   - where sift__via_is_common (src/hdr/via.c) accepts
 *     the value, sift_via_parse accepts it too, with either option:
 *     validation answers SIFT_OK from that verdict alone.
 */
#include "check.h"
#include "grammar/internal.h"
#include "hdr/internal.h"

/* The verdict-only fast path of the address headers
 * (src/grammar/fast_addr.re) must accept only what sift_addr_parse accepts
 * with the same options: for a value of an address header, with each
 * set of SIFT_ADDR_* flags validation uses, a fast accept where the parser
 * fails aborts. */

static void check_address_fast_path(const fuzz_value *v)
{
	static const unsigned flags[] = {
		0, SIFT_ADDR_NAME_ADDR_ONLY, SIFT_ADDR_ALLOW_STAR | SIFT_ADDR_CONTACT,
		SIFT_ADDR_NO_PARAMS,
	};
	switch (v->arg) {
	case SIFT_H_FROM: case SIFT_H_TO: case SIFT_H_CONTACT: case SIFT_H_ROUTE:
	case SIFT_H_RECORD_ROUTE: case SIFT_H_REPLY_TO: case SIFT_H_REFER_TO:
	case SIFT_H_P_ASSERTED_IDENTITY: case SIFT_H_P_PREFERRED_IDENTITY: case SIFT_H_PATH:
	case SIFT_H_SERVICE_ROUTE:
		break;
	default:
		return;
	}
	const char *p = v->buf + v->value.off;
	for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
		unsigned options = (v->options & SIFT_OPT_STRICT) | flags[i];
		sift_addr addr;
		if (sift__addr_fast_accept(p, p + v->value.len, options) &&
		    sift_addr_parse(v->buf, v->value, options, &addr, NULL) != SIFT_OK) {
			fprintf(stderr, "address fast path accepts what sift_addr_parse rejects "
					"(options 0x%x)\n", options);
			abort();
		}
	}
}

/* arg: the header id */
static sift_code run_validate(const fuzz_value *v, fuzz_parsed *out)
{
	(void)out; /* nothing to record but the code and the error */
	check_address_fast_path(v);
	if (v->err)
		memset(v->err, 0x5A, sizeof *v->err); /* the validator fills it */
	return sift_header_validate(v->buf, (sift_header_id)v->arg, v->value, v->options, v->err);
}

/* The Via invariant above, on a heap copy of exactly the value's bytes. */
static void check_via_common(const uint8_t *data, size_t size)
{
	if (size < 1)
		return;
	size_t len = size - 1;
	char *copy = fuzz_dup(data + 1, len);
	if (sift__via_is_common(copy, copy + len)) {
		sift_via via;
		sift_span value = { 0, (uint32_t)len };
		if (sift_via_parse(copy, value, 0, &via, NULL) != SIFT_OK ||
		    sift_via_parse(copy, value, SIFT_OPT_STRICT, &via, NULL) != SIFT_OK) {
			fprintf(stderr, "fuzz_validate: sift__via_is_common accepts a value "
					"sift_via_parse rejects\n");
			abort();
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
	check_via_common(data, size);
	return fuzz_value_target(&table, data, size);
}
