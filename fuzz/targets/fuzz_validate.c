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
 * And, on every input whatever its selector byte, of the fast paths that
 * full validation takes before (or instead of) the whole grammar (the
 * value is the input after its first byte, in a heap copy of exactly its
 * bytes, default and strict):
 *   - sift_via_parse (with its fast path for the common via-parm,
 *     src/hdr/via.c) and sift__via_parse_general (the whole grammar alone)
 *     return the same code, and on success the same sift_via, field by
 *     field;
 *   - where sift__addr_fast_accept (src/grammar/fast_addr.re) accepts it
 *     with a set of SIFT_ADDR_* flags validation uses, sift_addr_parse
 *     accepts it with the same flags;
 *   - where sift__addr_masks_accept (src/grammar/fast_addr_masks.re)
 *     accepts it, read from the exact copy or in place after 32 bytes of
 *     the input (it reads the buffer before the value), so does
 *     sift__addr_fast_accept, and the two reads give the same verdict;
 *     sift__addr_masks_check with sift_addr_parse as its fallback returns
 *     sift_addr_parse's code;
 *   - sift__scan_host (src/grammar/scan_uri.re: its hostname and
 *     IPv4address without the DFA) finds the end and kind that
 *     sift__scan_host_dfa finds, from each of the first 64 bytes of the
 *     value, at every SIMD level;
 *   - sift_header_validate, with the verdict fast paths of the checks
 *     (src/hdr/validate.c), and sift__header_validate_general (each
 *     header's parser alone) return the same code, and on error the same
 *     offset and rule, for every header id, at every SIMD level;
 *   - sift_cseq_parse (with its shortcut for "number SP method") and
 *     sift__cseq_parse_general return the same code, and the same
 *     sift_cseq or error.
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

static int span_equal(sift_span a, sift_span b)
{
	return a.off == b.off && a.len == b.len;
}

/* Field by field: the struct's padding is not part of the result. */
static int via_equal(const sift_via *a, const sift_via *b)
{
	return span_equal(a->protocol_name, b->protocol_name) &&
	       span_equal(a->protocol_version, b->protocol_version) &&
	       span_equal(a->transport, b->transport) && span_equal(a->host, b->host) &&
	       a->host_kind == b->host_kind && span_equal(a->port_text, b->port_text) &&
	       a->port == b->port && a->has_port == b->has_port && a->has_rport == b->has_rport &&
	       span_equal(a->params, b->params) && span_equal(a->branch, b->branch) &&
	       span_equal(a->received, b->received) && span_equal(a->rport, b->rport) &&
	       span_equal(a->maddr, b->maddr) && span_equal(a->ttl, b->ttl);
}

/* sift_addr_parse as the fallback of sift__addr_masks_check. */
static sift_code addr_parse_code(const char *buf, sift_span value, unsigned options,
				 sift_error *err)
{
	sift_addr addr;
	return sift_addr_parse(buf, value, options, &addr, err);
}

/* The invariants above on the fast paths. */
static void check_fast_paths(const uint8_t *data, size_t size)
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
	for (size_t m = 0; m < sizeof modes / sizeof modes[0]; m++) {
		/* at every SIMD level: the fast path has a step for each */
		for (int level = 2; level >= 0; level--) {
			sift__use_simd = level;
			sift_via fast, general;
			sift_code fast_code = sift_via_parse(copy, value, modes[m], &fast, NULL);
			sift_code general_code =
				sift__via_parse_general(copy, value, modes[m], &general, NULL);
			if (fast_code != general_code ||
			    (fast_code == SIFT_OK && !via_equal(&fast, &general))) {
				fprintf(stderr, "fuzz_validate: sift_via_parse's fast path and the "
						"general path differ (codes %d, %d, SIMD level %d)\n",
					(int)fast_code, (int)general_code, level);
				abort();
			}
			sift_code check_code = sift_header_validate(copy, SIFT_H_VIA, value, modes[m], NULL);
			if (check_code != general_code) {
				fprintf(stderr, "fuzz_validate: check_via and the general path differ "
						"(codes %d, %d, SIMD level %d)\n",
					(int)check_code, (int)general_code, level);
				abort();
			}
		}
		sift__use_simd = 2;
		for (size_t f = 0; f < sizeof address_flags / sizeof address_flags[0]; f++) {
			unsigned options = modes[m] | address_flags[f];
			sift_addr addr;
			int masks = sift__addr_masks_accept(copy, value, options);
			if (len >= 31) {
				/* the value's bytes from 31 on, after 32 bytes of the
				 * input and after 31 of the copy */
				sift_span later = { 32, (uint32_t)(len - 31) };
				sift_span later_copy = { 31, (uint32_t)(len - 31) };
				if (sift__addr_masks_accept(copy, later_copy, options) !=
				    sift__addr_masks_accept((const char *)data, later, options)) {
					fprintf(stderr, "fuzz_validate: sift__addr_masks_accept "
							"depends on the bytes before the value\n");
					abort();
				}
			}
			if (sift__addr_masks_check(copy, value, options, NULL, addr_parse_code) !=
			    sift_addr_parse(copy, value, options, &addr, NULL)) {
				fprintf(stderr, "fuzz_validate: sift__addr_masks_check and "
						"sift_addr_parse differ (options 0x%x)\n",
					options);
				abort();
			}
			if (masks && !sift__addr_fast_accept(copy, copy + len, options)) {
				fprintf(stderr, "fuzz_validate: sift__addr_masks_accept accepts a value "
						"sift__addr_fast_accept does not (options 0x%x)\n",
					options);
				abort();
			}
			if (sift__addr_fast_accept(copy, copy + len, options) &&
			    sift_addr_parse(copy, value, options, &addr, NULL) != SIFT_OK) {
				fprintf(stderr, "fuzz_validate: sift__addr_fast_accept accepts a value "
						"sift_addr_parse rejects (options 0x%x)\n",
					options);
				abort();
			}
		}
	}
	for (int level = 2; level >= 0; level--) {
		sift__use_simd = level;
		for (size_t m = 0; m < sizeof modes / sizeof modes[0]; m++) {
			for (int id = 0; id < SIFT_H_COUNT; id++) {
				sift_error fast_error = { 0, 0, NULL, 0 }, general_error = { 0, 0, NULL, 0 };
				sift_code fast = sift_header_validate(copy, (sift_header_id)id, value,
								      modes[m], &fast_error);
				sift_code general = sift__header_validate_general(
					copy, (sift_header_id)id, value, modes[m], &general_error);
				if (fast != general ||
				    (fast != SIFT_OK && (fast_error.offset != general_error.offset ||
							 strcmp(fast_error.rule, general_error.rule) != 0))) {
					fprintf(stderr, "fuzz_validate: the check of header %d and its "
							"parser differ (codes %d, %d; SIMD level %d)\n",
						id, (int)fast, (int)general, level);
					abort();
				}
			}
		}
		sift_cseq fast, general;
		sift_error fast_error = { 0, 0, NULL, 0 }, general_error = { 0, 0, NULL, 0 };
		sift_code fast_code = sift_cseq_parse(copy, value, 0, &fast, &fast_error);
		sift_code general_code = sift__cseq_parse_general(copy, value, &general, &general_error);
		if (fast_code != general_code ||
		    (fast_code == SIFT_OK
			     ? (fast.number != general.number || !span_equal(fast.method, general.method) ||
				fast.method_id != general.method_id)
			     : (fast_error.offset != general_error.offset ||
				strcmp(fast_error.rule, general_error.rule) != 0))) {
			fprintf(stderr, "fuzz_validate: sift_cseq_parse's shortcut and its general "
					"path differ (codes %d, %d)\n",
				(int)fast_code, (int)general_code);
			abort();
		}
	}
	sift__use_simd = 2;
	for (size_t at = 0; at <= len && at < 64; at++) {
		unsigned want_kind = 0;
		const char *want = sift__scan_host_dfa(copy + at, copy + len, &want_kind);
		for (int level = 2; level >= 0; level--) {
			unsigned kind = 0;
			sift__use_simd = level;
			const char *got = sift__scan_host(copy + at, copy + len, &kind);
			if (got != want || (want && kind != want_kind)) {
				fprintf(stderr, "fuzz_validate: sift__scan_host and its DFA differ at "
						"byte %zu (SIMD level %d)\n",
					at, level);
				abort();
			}
		}
		sift__use_simd = 2;
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
	check_fast_paths(data, size);
	return fuzz_value_target(&table, data, size);
}
