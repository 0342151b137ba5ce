/*
 * tools/bench/bench.h - what the bench harness and the peer adapters share.
 *
 * A library is a name, a mode and three functions: prepare (once per
 * message, outside the timing: e.g. libre's mbuf), parse (timed: parse the
 * whole message into the library's own structure and touch Call-ID, CSeq
 * and the top Via branch, so no lazy parser skips work), release.
 */
#ifndef SIPSIFT_BENCH_H
#define SIPSIFT_BENCH_H

#include <stddef.h>
#include <stdint.h>

typedef struct bench_message {
	const char *name;
	char *data;
	size_t len;
	void *peer;      /* per-message state of the library being measured */
} bench_message;

typedef struct bench_library {
	const char *library;
	const char *mode;
	int (*init)(void);                                /* once; 0 = ok */
	int (*prepare)(bench_message *message);           /* untimed; 0 = ok */
	int (*parse)(const bench_message *message);       /* timed; 1 = parsed */
	void (*release)(bench_message *message);          /* untimed */
} bench_library;

/* Whatever a parse touched goes here, so the compiler keeps the work. */
extern volatile uint64_t bench_sink;

/* Hashes a few bytes into bench_sink. */
static inline void bench_touch(const char *p, size_t len)
{
	uint64_t h = len;
	if (p && len) {
		h = h * 31 + (unsigned char)p[0];
		h = h * 31 + (unsigned char)p[len - 1];
	}
	bench_sink += h;
}

extern const bench_library bench_osip, bench_sofia, bench_libre;

#endif
