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
		FUZZ_SPAN_WITHIN(cursor, params);
		if (!more) {
			FUZZ_CHECK(cursor.len == 0);
			break;
		}
		FUZZ_CHECK(cursor.len < before);
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

#endif
