/*
 * fuzz/targets/check.h - invariant helpers shared by the fuzz targets.
 *
 * Every check is a hard abort() (never assert(), which NDEBUG would remove),
 * so libFuzzer, AFL++ and the replay driver all see a violation as a crash.
 * FUZZ_CHECK prints the failed condition and its line first, which is what
 * shows up at the top of a crash report.
 */
#ifndef SIPSIFT_FUZZ_CHECK_H
#define SIPSIFT_FUZZ_CHECK_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sipsift/sipsift.h"

/* The entry point every target defines and every driver calls. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond)                                                              \
	do {                                                                          \
		if (!(cond))                                                          \
			fuzz_fail(__FILE__, __LINE__, #cond);                         \
	} while (0)

static inline void fuzz_fail(const char *file, int line, const char *what)
{
	fprintf(stderr, "%s:%d: invariant violated: %s\n", file, line, what);
	fflush(stderr);
	abort();
}

/* A span lies inside a buffer of `size` bytes: [off, off + len) within
 * [0, size). An empty span may sit at off == size (an empty body at the end).
 * 64-bit arithmetic, so off + len cannot wrap. */
static inline int fuzz_span_in(sift_span s, size_t size)
{
	return (uint64_t)s.off + s.len <= (uint64_t)size;
}

/* The bytes of a span lie inside another span (a parameter inside its list,
 * a host inside the header value it was parsed from). An empty span holds
 * no bytes: parsers leave absent parts as {0, 0}, so it passes wherever it
 * is (fuzz_span_in still checks it against the buffer). */
static inline int fuzz_span_within(sift_span inner, sift_span outer)
{
	return inner.len == 0 ||
	       (inner.off >= outer.off &&
		(uint64_t)inner.off + inner.len <= (uint64_t)outer.off + outer.len);
}

/* An offset lies inside a span or right after its end (parsers report
 * "expected X here" at the end of the text). */
static inline int fuzz_offset_within(uint32_t offset, sift_span outer)
{
	return offset >= outer.off && (uint64_t)offset <= (uint64_t)outer.off + outer.len;
}

#define FUZZ_SPAN_IN(s, size) FUZZ_CHECK(fuzz_span_in((s), (size)))
#define FUZZ_SPAN_WITHIN(inner, outer) FUZZ_CHECK(fuzz_span_within((inner), (outer)))

/* A span shifted by `delta` bytes: the same text parsed at another offset. */
static inline sift_span fuzz_span_shift(sift_span s, uint32_t delta)
{
	sift_span shifted = { s.off + delta, s.len };
	return shifted;
}

static inline int fuzz_span_eq(sift_span a, sift_span b)
{
	return a.off == b.off && a.len == b.len;
}

/* `moved` is `span` after its text moved by delta bytes. Empty spans hold
 * no text: any two are the same (an absent part may stay at {0, 0}). */
static inline int fuzz_span_moved(sift_span moved, sift_span span, uint32_t delta)
{
	if (moved.len == 0 && span.len == 0)
		return 1;
	return fuzz_span_eq(moved, fuzz_span_shift(span, delta));
}

/* Two error reports are the same report: code, offset, rule text, header. */
static inline int fuzz_error_eq(const sift_error *a, const sift_error *b)
{
	if (a->code != b->code || a->offset != b->offset || a->header_id != b->header_id)
		return 0;
	if (!a->rule || !b->rule)
		return a->rule == b->rule;
	return strcmp(a->rule, b->rule) == 0;
}

/* A heap copy of exactly `size` bytes, so that ASan reports any read past
 * the end (libFuzzer's own buffer is exact too, but the targets also build
 * inputs of their own). malloc(0) gives a unique pointer on glibc and under
 * ASan; the 1-byte fallback is for other allocators. Running out of memory
 * is no finding: abort. */
static inline char *fuzz_dup(const void *data, size_t size)
{
	char *copy = malloc(size);
	if (!copy && size == 0)
		copy = malloc(1);
	if (!copy)
		abort();
	if (size)
		memcpy(copy, data, size);
	return copy;
}

/* One step of an iterator walk over `list`: `more` is what the iterator
 * returned, `before` the cursor's length before the call. The cursor stays
 * inside the list, every step that gives an element consumes bytes, and the
 * walk ends with the cursor empty. Returns `more`. */
static inline int fuzz_walk_step(int more, sift_span cursor, uint32_t before, sift_span list)
{
	FUZZ_SPAN_WITHIN(cursor, list);
	if (more)
		FUZZ_CHECK(cursor.len < before);
	else
		FUZZ_CHECK(cursor.len == 0);
	return more;
}

/* A sift_param_next() walk over a params span ends (every step consumes
 * bytes) and stays inside the span; with validated = 1 (the span came from a
 * parser that accepted it) every parameter has a name. sift_param_find()
 * finds each name the walk gives. */
static inline void fuzz_walk_params(const char *buf, sift_span params, int validated)
{
	sift_span cursor = params;
	sift_param param;
	for (;;) {
		uint32_t before = cursor.len;
		memset(&param, 0x5A, sizeof param);
		int more = sift_param_next(buf, &cursor, &param);
		if (!fuzz_walk_step(more, cursor, before, params))
			break;
		FUZZ_SPAN_WITHIN(param.name, params);
		FUZZ_CHECK(param.has_value == 0 || param.has_value == 1);
		if (param.has_value)
			FUZZ_SPAN_WITHIN(param.value, params);
		if (validated)
			FUZZ_CHECK(param.name.len > 0);
		/* sift_param_find() finds a parameter by the name the walk gave
		 * (the first one of that name, which may come earlier). */
		char name[64];
		if (param.name.len > 0 && param.name.len < sizeof name &&
		    !memchr(buf + param.name.off, '\0', param.name.len)) {
			sift_param found;
			memcpy(name, buf + param.name.off, param.name.len);
			name[param.name.len] = '\0';
			FUZZ_CHECK(sift_param_find(buf, params, name, &found) == 1);
			FUZZ_CHECK(found.name.len == param.name.len);
			FUZZ_CHECK(found.name.off <= param.name.off);
		}
	}
}

/* --- one header value through a table of parsers ---------------------------
 *
 * The value targets (fuzz_headers, fuzz_session, fuzz_event, fuzz_auth,
 * fuzz_addr, fuzz_fields, fuzz_validate) share one input format and one
 * driver, fuzz_value_target():
 *   byte 0: bit 7 SIFT_OPT_STRICT; (byte & 0x7F) % count picks the parser
 *           of the target's table (so the table's order is the seeds' format);
 *   the rest: the header value.
 * The value is parsed from a heap copy of exactly its bytes (span at offset
 * 0), then again at offset 1 of the original input (after the selector).
 * Each table entry runs its parser, records the result in a fuzz_parsed (the
 * spans and numbers it returned, in a fixed order, so that two runs compare)
 * and checks the parser's own invariants on success. The driver checks for
 * every parser:
 *   - every recorded span lies inside the value (inside the input, shifted);
 *   - an error has the returned code, a rule and an offset inside the value
 *     or right after it;
 *   - the same code without an error struct (the entry run with err NULL);
 *   - the same result at offset 1: code, numbers, every span moved by one,
 *     the error's offset moved by one and the same rule;
 * and what the target's flags add (FUZZ_STRICT_*, FUZZ_VALUE_ERRORS). */

#define FUZZ_MAX_SPANS 64
#define FUZZ_MAX_NUMBERS 24

typedef struct fuzz_parsed {
	sift_code code;
	sift_error error;
	sift_span spans[FUZZ_MAX_SPANS];
	unsigned span_count;
	uint64_t numbers[FUZZ_MAX_NUMBERS];
	unsigned number_count;
} fuzz_parsed;

/* Records a span / a number of the result, in order (no more than the
 * array holds: a walk over a long list records its first elements). */
static inline void fuzz_add(fuzz_parsed *p, sift_span span)
{
	if (p->span_count < FUZZ_MAX_SPANS)
		p->spans[p->span_count++] = span;
}

static inline void fuzz_num(fuzz_parsed *p, uint64_t n)
{
	if (p->number_count < FUZZ_MAX_NUMBERS)
		p->numbers[p->number_count++] = n;
}

/* One run of one table entry: the value in buf, the mode, the entry's arg
 * (which parser of a family, its flags) and where the error goes (NULL: the
 * run without an error struct). */
typedef struct fuzz_value {
	const char *buf;
	sift_span value;
	unsigned options;
	int arg;
	sift_error *err;
} fuzz_value;

typedef sift_code (*fuzz_value_fn)(const fuzz_value *v, fuzz_parsed *out);

typedef struct fuzz_value_parser {
	fuzz_value_fn run;
	int arg;
} fuzz_value_parser;

enum {
	/* strict accepts no value the default mode rejects */
	FUZZ_STRICT_SUBSET = 1u << 0,
	/* a value strict accepts, the default mode parses to the same result */
	FUZZ_STRICT_SAME_RESULT = 1u << 1,
	/* every error is SIFT_E_HEADER_VALUE or SIFT_E_NUMBER_RANGE */
	FUZZ_VALUE_ERRORS = 1u << 2,
};

typedef struct fuzz_value_table {
	const fuzz_value_parser *parsers;
	unsigned count;
	unsigned flags;
	/* run on every value whichever parser is picked (an iterator that must
	 * end and stay inside on any text), or NULL */
	void (*any_text)(const char *buf, sift_span value);
} fuzz_value_table;

static inline sift_code fuzz_value_call(const fuzz_value_parser *p, const char *buf,
					sift_span value, unsigned options, fuzz_parsed *out,
					sift_error *err)
{
	fuzz_value v = { buf, value, options, p->arg, err };
	memset(out, 0, sizeof *out);
	return p->run(&v, out);
}

static inline void fuzz_value_run(const fuzz_value_table *t, const fuzz_value_parser *p,
				  const char *buf, sift_span value, unsigned options,
				  fuzz_parsed *out)
{
	out->code = fuzz_value_call(p, buf, value, options, out, &out->error);
	if (out->code != SIFT_OK) {
		if (t->flags & FUZZ_VALUE_ERRORS)
			FUZZ_CHECK(out->code == SIFT_E_HEADER_VALUE || out->code == SIFT_E_NUMBER_RANGE);
		FUZZ_CHECK(out->error.code == out->code);
		FUZZ_CHECK(out->error.rule != NULL);
		FUZZ_CHECK(fuzz_offset_within(out->error.offset, value));
	}
}

/* The code of a run without an error struct. */
static inline sift_code fuzz_value_quiet(const fuzz_value_parser *p, const char *buf,
					 sift_span value, unsigned options)
{
	fuzz_parsed scratch;
	return fuzz_value_call(p, buf, value, options, &scratch, NULL);
}

/* `moved` is the result `ref` with every span moved by delta bytes. */
static inline void fuzz_parsed_moved(const fuzz_parsed *moved, const fuzz_parsed *ref,
				     uint32_t delta)
{
	FUZZ_CHECK(moved->code == ref->code);
	FUZZ_CHECK(moved->number_count == ref->number_count);
	FUZZ_CHECK(memcmp(moved->numbers, ref->numbers, sizeof ref->numbers) == 0);
	FUZZ_CHECK(moved->span_count == ref->span_count);
	for (unsigned i = 0; i < ref->span_count; i++)
		FUZZ_CHECK(fuzz_span_moved(moved->spans[i], ref->spans[i], delta));
}

static inline int fuzz_value_target(const fuzz_value_table *t, const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	const fuzz_value_parser *p = &t->parsers[(data[0] & 0x7F) % t->count];
	unsigned options = (data[0] & 0x80) ? SIFT_OPT_STRICT : 0;
	size_t len = size - 1;
	char *copy = fuzz_dup(data + 1, len);
	sift_span value = { 0, (uint32_t)len };
	sift_span shifted_value = { 1, (uint32_t)len };

	fuzz_parsed alone, shifted;
	fuzz_value_run(t, p, copy, value, options, &alone);
	for (unsigned i = 0; i < alone.span_count; i++)
		FUZZ_SPAN_IN(alone.spans[i], len);
	FUZZ_CHECK(fuzz_value_quiet(p, copy, value, options) == alone.code);

	if (t->flags & FUZZ_STRICT_SUBSET) {
		if (options & SIFT_OPT_STRICT) {
			if (alone.code == SIFT_OK)
				FUZZ_CHECK(fuzz_value_quiet(p, copy, value, 0) == SIFT_OK);
		} else if (alone.code != SIFT_OK) {
			FUZZ_CHECK(fuzz_value_quiet(p, copy, value, SIFT_OPT_STRICT) != SIFT_OK);
		}
	}
	if ((t->flags & FUZZ_STRICT_SAME_RESULT) && (options & SIFT_OPT_STRICT) &&
	    alone.code == SIFT_OK) {
		fuzz_parsed liberal;
		fuzz_value_run(t, p, copy, value, 0, &liberal);
		fuzz_parsed_moved(&liberal, &alone, 0);
	}
	if (t->any_text)
		t->any_text(copy, value);

	fuzz_value_run(t, p, (const char *)data, shifted_value, options, &shifted);
	for (unsigned i = 0; i < shifted.span_count; i++)
		FUZZ_SPAN_IN(shifted.spans[i], size);
	fuzz_parsed_moved(&shifted, &alone, 1);
	if (alone.code != SIFT_OK) {
		FUZZ_CHECK(shifted.error.offset == alone.error.offset + 1);
		FUZZ_CHECK(strcmp(shifted.error.rule, alone.error.rule) == 0);
	}
	free(copy);
	return 0;
}

/* The entry point of a value target: the table `parsers` (an array in
 * scope) with the FUZZ_* flags and the any_text walk (or NULL). */
#define FUZZ_VALUE_TARGET(parsers, flags, any_text)                                  \
	int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)                 \
	{                                                                            \
		static const fuzz_value_table table = {                              \
			parsers, sizeof parsers / sizeof parsers[0], flags, any_text \
		};                                                                   \
		return fuzz_value_target(&table, data, size);                        \
	}

#endif
