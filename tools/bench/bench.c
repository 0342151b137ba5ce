/*
 * tools/bench/bench.c - sipsift against the peer parsers and the memory
 * floor, on the same messages, one after another, pinned to one core.
 *
 *   bench [--corpus DIR] [--quick] [--json FILE] [--scaling DIR]
 *   bench --count LIBRARY MODE N [--corpus DIR]
 *
 * Libraries: sipsift index (SIFT_OPT_INDEX_ONLY), sipsift full (validation
 * of every header, then the top Via and CSeq parsed for their parts), GNU
 * oSIP2, sofia-sip, libre (tools/bench/peer_*.c), and the floor: memchr for
 * every LF, memcpy. Each parses the message and touches Call-ID, CSeq and the
 * top Via branch. Times are the median of REPS repetitions, each long enough
 * (10 ms, 1 ms with --quick) for the clock. Allocations per parse come from
 * the malloc/calloc/realloc interposed below, counted over one pass.
 *
 * --scaling DIR: sipsift and memchr on generated messages from 200 B to
 * 64 KiB (one long header value) and from 1 to 500 headers, written as
 * DIR/scaling-bytes.dat and DIR/scaling-headers.dat for gnuplot.
 * --count: runs the mix N times through one library inside
 * bench_counted_loop(), for valgrind --tool=callgrind
 * --toggle-collect=bench_counted_loop (make bench-callgrind).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/utsname.h>
#include "sipsift/sipsift.h"
#include "bench.h"

volatile uint64_t bench_sink;

/* --- allocation counter: every library's malloc comes through here ----- */
extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);
static uint64_t allocations;

void *malloc(size_t size)
{
	allocations++;
	return __libc_malloc(size);
}

void *calloc(size_t count, size_t size)
{
	allocations++;
	return __libc_calloc(count, size);
}

void *realloc(void *p, size_t size)
{
	allocations++;
	return __libc_realloc(p, size);
}

void free(void *p)
{
	__libc_free(p);
}

/* --- sipsift and the floor ----------------------------------------------- */
enum { HEADER_CAPACITY = 1024 };
static sift_header header_storage[HEADER_CAPACITY];
/* One sift_msg, initialised once and reused by every parse, as a stack
 * keeps one per receive loop (sift_parse() resets it; msg.h). */
static sift_msg msg;

static int sipsift_init(void)
{
	return 0;
}

static int no_prepare(bench_message *message)
{
	(void)message;
	return 0;
}

static void no_release(bench_message *message)
{
	(void)message;
}

static int sipsift_index_parse(const bench_message *message)
{
	if (sift_parse(&msg, message->data, message->len, SIFT_OPT_INDEX_ONLY) != SIFT_OK)
		return 0;
	int found;
	sift_span span = sift_msg_value(&msg, SIFT_H_CALL_ID, &found);
	bench_touch(message->data + span.off, span.len);
	span = sift_msg_value(&msg, SIFT_H_CSEQ, &found);
	bench_touch(message->data + span.off, span.len);
	span = sift_msg_value(&msg, SIFT_H_VIA, &found);
	bench_touch(message->data + span.off, span.len);
	return found;
}

/* Full validation, then the parts a stack reads: the top Via's branch and
 * the CSeq number, which full validation parsed and keeps in the msg
 * (msg.h), as the peers keep them in their structures. */
static int sipsift_full_parse(const bench_message *message)
{
	if (sift_parse(&msg, message->data, message->len, 0) != SIFT_OK || !msg.has_cseq ||
	    !msg.has_top_via)
		return 0;
	int found;
	sift_span span = sift_msg_value(&msg, SIFT_H_CALL_ID, &found);
	bench_touch(message->data + span.off, span.len);
	bench_sink += msg.cseq.number;
	bench_touch(message->data + msg.top_via.branch.off, msg.top_via.branch.len);
	return found;
}

/* The parse alone, for the scaling runs: their messages need not carry the
 * headers a stack would read. */
static int sipsift_index_only(const bench_message *message)
{
	return sift_parse(&msg, message->data, message->len, SIFT_OPT_INDEX_ONLY) == SIFT_OK;
}

static int sipsift_full_only(const bench_message *message)
{
	return sift_parse(&msg, message->data, message->len, 0) == SIFT_OK;
}

static int memchr_parse(const bench_message *message)
{
	const char *p = message->data, *end = p + message->len;
	uint64_t lines = 0;
	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		lines++;
		p++;
	}
	bench_sink += lines;
	return 1;
}

static char copy_target[1 << 17];

static int memcpy_parse(const bench_message *message)
{
	memcpy(copy_target, message->data, message->len);
	bench_touch(copy_target, message->len);
	return 1;
}

static const bench_library bench_sipsift_index = { "sipsift", "index", sipsift_init, no_prepare,
						   sipsift_index_parse, no_release };
static const bench_library bench_sipsift_full = { "sipsift", "full", sipsift_init, no_prepare,
						  sipsift_full_parse, no_release };
static const bench_library scaled_index = { "sipsift", "index", sipsift_init, no_prepare,
					    sipsift_index_only, no_release };
static const bench_library scaled_full = { "sipsift", "full", sipsift_init, no_prepare,
					   sipsift_full_only, no_release };
static const bench_library bench_memchr = { "memchr", "floor", sipsift_init, no_prepare,
					    memchr_parse, no_release };
static const bench_library bench_memcpy = { "memcpy", "floor", sipsift_init, no_prepare,
					    memcpy_parse, no_release };

static const bench_library *const libraries[] = {
	&bench_sipsift_index, &bench_sipsift_full, &bench_osip, &bench_sofia, &bench_libre,
	&bench_memchr, &bench_memcpy,
};
enum { LIBRARY_COUNT = sizeof libraries / sizeof libraries[0], REPS = 5, MAX_MESSAGES = 64 };

/* --- timing -------------------------------------------------------------- */
static uint64_t now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

static int compare_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* Median ns per message over REPS repetitions of `rounds` passes over the
 * messages; rounds grows until one repetition takes at least min_ns. */
static double measure(const bench_library *library, bench_message *messages, size_t count,
		      uint64_t min_ns)
{
	uint64_t rounds = 1;
	for (;;) {
		uint64_t start = now_ns();
		for (uint64_t r = 0; r < rounds; r++)
			for (size_t i = 0; i < count; i++)
				library->parse(&messages[i]);
		uint64_t took = now_ns() - start;
		if (took >= min_ns || rounds >= (1u << 30))
			break;
		rounds = took ? rounds * 2 > rounds * min_ns / took + 1 ? rounds * 2
							       : rounds * min_ns / took + 1
			      : rounds * 16;
	}
	double samples[REPS];
	for (int rep = 0; rep < REPS; rep++) {
		uint64_t start = now_ns();
		for (uint64_t r = 0; r < rounds; r++)
			for (size_t i = 0; i < count; i++)
				library->parse(&messages[i]);
		samples[rep] = (double)(now_ns() - start) / (double)(rounds * count);
	}
	qsort(samples, REPS, sizeof samples[0], compare_double);
	return samples[REPS / 2];
}

static double allocations_per_message(const bench_library *library, bench_message *messages,
				      size_t count)
{
	uint64_t before = allocations;
	for (size_t i = 0; i < count; i++)
		library->parse(&messages[i]);
	return (double)(allocations - before) / (double)count;
}

/* --- input ---------------------------------------------------------------- */
static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, n = 0;
	char *data = malloc(cap);
	for (size_t got; data && (got = fread(data + n, 1, cap - n, f)) > 0;) {
		n += got;
		if (n == cap)
			data = realloc(data, cap *= 2);
	}
	fclose(f);
	*len = n;
	return data;
}

/* The messages named in DIR/MIX, in its order. */
static size_t load_mix(const char *dir, bench_message *messages)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/MIX", dir);
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "bench: %s: %s\n", path, strerror(errno));
		exit(2);
	}
	size_t count = 0;
	char line[512];
	while (fgets(line, sizeof line, f) && count < MAX_MESSAGES) {
		line[strcspn(line, "\r\n")] = 0;
		if (!line[0] || line[0] == '#')
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, line);
		bench_message *m = &messages[count];
		m->name = strdup(line);
		m->data = read_file(path, &m->len);
		m->peer = NULL;
		if (!m->data) {
			fprintf(stderr, "bench: %s: %s\n", path, strerror(errno));
			exit(2);
		}
		count++;
	}
	fclose(f);
	return count;
}

static void pin_to_one_core(void)
{
	cpu_set_t set;
	if (sched_getaffinity(0, sizeof set, &set) != 0)
		return;
	int last = -1;
	for (int cpu = 0; cpu < CPU_SETSIZE; cpu++)
		if (CPU_ISSET(cpu, &set))
			last = cpu;
	if (last < 0)
		return;
	CPU_ZERO(&set);
	CPU_SET(last, &set);
	if (sched_setaffinity(0, sizeof set, &set) != 0)
		perror("bench: sched_setaffinity");
}

static void cpu_model(char *out, size_t size)
{
	snprintf(out, size, "unknown CPU");
	FILE *f = fopen("/proc/cpuinfo", "r");
	if (!f)
		return;
	char line[512];
	while (fgets(line, sizeof line, f))
		if (strncmp(line, "model name", 10) == 0) {
			char *colon = strchr(line, ':');
			if (colon) {
				colon += 1 + (colon[1] == ' ');
				colon[strcspn(colon, "\n")] = 0;
				snprintf(out, size, "%s", colon);
			}
			break;
		}
	fclose(f);
}

static const bench_library *find_library(const char *name, const char *mode)
{
	for (size_t i = 0; i < LIBRARY_COUNT; i++)
		if (strcmp(libraries[i]->library, name) == 0 && strcmp(libraries[i]->mode, mode) == 0)
			return libraries[i];
	return NULL;
}

/* The loop callgrind counts (--toggle-collect=bench_counted_loop). */
__attribute__((noinline)) void bench_counted_loop(const bench_library *library,
						  bench_message *messages, size_t count,
						  unsigned long rounds);
__attribute__((noinline)) void bench_counted_loop(const bench_library *library,
						  bench_message *messages, size_t count,
						  unsigned long rounds)
{
	for (unsigned long r = 0; r < rounds; r++)
		for (size_t i = 0; i < count; i++)
			library->parse(&messages[i]);
}

/* --- scaling ------------------------------------------------------------- */
/* A valid OPTIONS of about `bytes` bytes with `headers` header fields in all:
 * the mandatory ones, X-Pad headers up to the count, and the rest of the
 * size in the last X-Pad value (or Subject). */
static size_t make_scaled(char *out, size_t cap, size_t bytes, unsigned headers)
{
	static const char *const fixed[] = {
		"Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds",
		"To: <sip:bob@biloxi.example.com>",
		"From: <sip:alice@atlanta.example.com>;tag=1928301774",
		"Call-ID: a84b4c76e66710@pc33.atlanta.example.com",
		"CSeq: 1 OPTIONS",
		"Max-Forwards: 70",
		"Content-Length: 0",
	};
	size_t n = (size_t)snprintf(out, cap, "OPTIONS sip:bob@biloxi.example.com SIP/2.0\r\n");
	unsigned written = 0;
	for (size_t i = 0; i < sizeof fixed / sizeof fixed[0] && written < headers; i++, written++)
		n += (size_t)snprintf(out + n, cap - n, "%s\r\n", fixed[i]);
	unsigned pads = headers > written ? headers - written : 0;
	for (unsigned i = 0; i < pads; i++) {
		n += (size_t)snprintf(out + n, cap - n, "X-Pad-%u: %s", i, "value");
		if (i + 1 < pads)
			n += (size_t)snprintf(out + n, cap - n, "\r\n");
	}
	if (pads == 0)
		n += (size_t)snprintf(out + n, cap - n, "Subject: s");
	while (n + 4 < bytes && n + 4 < cap) {
		out[n] = (char)('a' + n % 26);
		n++;
	}
	n += (size_t)snprintf(out + n, cap - n, "\r\n\r\n");
	return n;
}

static void scaling(const char *dir, uint64_t min_ns)
{
	static const size_t sizes[] = { 200, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536 };
	static const unsigned counts[] = { 1, 2, 5, 10, 20, 50, 100, 200, 300, 500 };
	static char data[70000];
	bench_message m = { "scaled", data, 0, NULL };
	char path[1024];
	const bench_library *measured[] = { &scaled_index, &scaled_full, &bench_memchr };

	snprintf(path, sizeof path, "%s/scaling-bytes.dat", dir);
	FILE *f = fopen(path, "w");
	if (!f) {
		fprintf(stderr, "bench: %s: %s\n", path, strerror(errno));
		exit(2);
	}
	printf("\nScaling with size (7 headers, one long Subject):\n%8s %12s %12s %12s\n",
	       "bytes", "index ns", "full ns", "memchr ns");
	fprintf(f, "# bytes index_ns full_ns memchr_ns\n");
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		m.len = make_scaled(data, sizeof data, sizes[i], 7);
		double ns[3];
		for (int l = 0; l < 3; l++) {
			if (!measured[l]->parse(&m)) {
				fprintf(stderr, "bench: scaled message of %zu bytes does not parse\n", m.len);
				exit(1);
			}
			ns[l] = measure(measured[l], &m, 1, min_ns);
		}
		printf("%8zu %12.0f %12.0f %12.0f\n", m.len, ns[0], ns[1], ns[2]);
		fprintf(f, "%zu %.1f %.1f %.1f\n", m.len, ns[0], ns[1], ns[2]);
	}
	fclose(f);

	snprintf(path, sizeof path, "%s/scaling-headers.dat", dir);
	f = fopen(path, "w");
	if (!f) {
		fprintf(stderr, "bench: %s: %s\n", path, strerror(errno));
		exit(2);
	}
	printf("\nScaling with header count (short headers):\n%8s %8s %12s %12s %12s\n", "headers",
	       "bytes", "index ns", "full ns", "memchr ns");
	fprintf(f, "# headers bytes index_ns full_ns memchr_ns\n");
	for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
		m.len = make_scaled(data, sizeof data, 0, counts[i]);
		double ns[3];
		for (int l = 0; l < 3; l++) {
			if (!measured[l]->parse(&m)) {
				fprintf(stderr, "bench: message with %u headers does not parse\n", counts[i]);
				exit(1);
			}
			ns[l] = measure(measured[l], &m, 1, min_ns);
		}
		printf("%8u %8zu %12.0f %12.0f %12.0f\n", counts[i], m.len, ns[0], ns[1], ns[2]);
		fprintf(f, "%u %zu %.1f %.1f %.1f\n", counts[i], m.len, ns[0], ns[1], ns[2]);
	}
	fclose(f);
}

/* --- main ----------------------------------------------------------------- */
static void usage(void)
{
	fprintf(stderr, "usage: bench [--corpus DIR] [--quick] [--json FILE] [--scaling DIR]\n"
			"       bench --count LIBRARY MODE N [--corpus DIR]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	const char *corpus = "corpus/bench", *json_path = NULL, *scaling_dir = NULL;
	const char *count_library = NULL, *count_mode = NULL;
	unsigned long count_rounds = 0;
	int quick = 0;
	sift_msg_init(&msg, header_storage, HEADER_CAPACITY);
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--corpus") == 0 && i + 1 < argc)
			corpus = argv[++i];
		else if (strcmp(argv[i], "--json") == 0 && i + 1 < argc)
			json_path = argv[++i];
		else if (strcmp(argv[i], "--scaling") == 0 && i + 1 < argc)
			scaling_dir = argv[++i];
		else if (strcmp(argv[i], "--quick") == 0)
			quick = 1;
		else if (strcmp(argv[i], "--count") == 0 && i + 3 < argc) {
			count_library = argv[++i];
			count_mode = argv[++i];
			count_rounds = strtoul(argv[++i], NULL, 10);
		} else
			usage();
	}

	static bench_message messages[MAX_MESSAGES];
	size_t count = load_mix(corpus, messages);
	if (count == 0) {
		fprintf(stderr, "bench: no messages in %s/MIX\n", corpus);
		return 2;
	}
	size_t mix_bytes = 0;
	for (size_t i = 0; i < count; i++)
		mix_bytes += messages[i].len;
	for (size_t l = 0; l < LIBRARY_COUNT; l++)
		if (libraries[l]->init() != 0) {
			fprintf(stderr, "bench: %s does not initialise\n", libraries[l]->library);
			return 1;
		}

	if (count_library) {
		const bench_library *library = find_library(count_library, count_mode);
		if (!library)
			usage();
		for (size_t i = 0; i < count; i++)
			if (library->prepare(&messages[i]) != 0)
				return 1;
		bench_counted_loop(library, messages, count, count_rounds);
		printf("counted: %s %s %lu rounds of %zu messages\n", library->library, library->mode,
		       count_rounds, count);
		return 0;
	}

	pin_to_one_core();
	uint64_t min_ns = quick ? 1000000u : 10000000u;
	static double ns[LIBRARY_COUNT][MAX_MESSAGES], mix_ns[LIBRARY_COUNT], allocs[LIBRARY_COUNT][MAX_MESSAGES];
	static double mix_allocs[LIBRARY_COUNT];
	for (size_t l = 0; l < LIBRARY_COUNT; l++) {
		const bench_library *library = libraries[l];
		for (size_t i = 0; i < count; i++) {
			if (library->prepare(&messages[i]) != 0 || !library->parse(&messages[i])) {
				fprintf(stderr, "bench: %s %s does not parse %s\n", library->library,
					library->mode, messages[i].name);
				return 1;
			}
		}
		for (size_t i = 0; i < count; i++) {
			allocs[l][i] = allocations_per_message(library, &messages[i], 1);
			ns[l][i] = measure(library, &messages[i], 1, min_ns);
		}
		mix_allocs[l] = allocations_per_message(library, messages, count);
		mix_ns[l] = measure(library, messages, count, min_ns);
		for (size_t i = 0; i < count; i++)
			library->release(&messages[i]);
	}

	char cpu[256];
	cpu_model(cpu, sizeof cpu);
	time_t t = time(NULL);
	char date[32];
	strftime(date, sizeof date, "%Y-%m-%d", gmtime(&t));
	printf("sipsift bench: %s, one core, median of %d, %s\n", cpu, REPS, date);
	printf("%-24s %6s", "message", "bytes");
	for (size_t l = 0; l < LIBRARY_COUNT; l++) {
		char label[32];
		snprintf(label, sizeof label, "%s/%s", libraries[l]->library, libraries[l]->mode);
		printf(" %15s", label);
	}
	printf("   (ns per message)\n");
	for (size_t i = 0; i < count; i++) {
		printf("%-24s %6zu", messages[i].name, messages[i].len);
		for (size_t l = 0; l < LIBRARY_COUNT; l++)
			printf(" %15.0f", ns[l][i]);
		printf("\n");
	}
	printf("\nMix: %zu messages, %zu bytes on average\n", count, mix_bytes / count);
	printf("%-20s %10s %10s %8s %10s %10s %10s %10s\n", "library/mode", "ns/msg", "MB/s",
	       "allocs", "x memchr", "x osip2", "x sofia", "x libre");
	for (size_t l = 0; l < LIBRARY_COUNT; l++) {
		char label[32];
		snprintf(label, sizeof label, "%s/%s", libraries[l]->library, libraries[l]->mode);
		double mbps = (double)mix_bytes / count / mix_ns[l] * 1000.0;
		printf("%-20s %10.0f %10.0f %8.1f %10.2f %10.2f %10.2f %10.2f\n", label, mix_ns[l], mbps,
		       mix_allocs[l], mix_ns[l] / mix_ns[5], mix_ns[l] / mix_ns[2], mix_ns[l] / mix_ns[3],
		       mix_ns[l] / mix_ns[4]);
	}
	printf("(x peer: this library's time over the peer's; below 1 is faster)\n");

	if (json_path) {
		FILE *f = fopen(json_path, "w");
		if (!f) {
			fprintf(stderr, "bench: %s: %s\n", json_path, strerror(errno));
			return 2;
		}
		struct utsname u;
		uname(&u);
		fprintf(f, "{\"machine\": {\"cpu\": \"%s\", \"kernel\": \"%s %s\", \"date\": \"%s\", "
			   "\"pinned\": true, \"repetitions\": %d, \"quick\": %s},\n \"results\": [",
			cpu, u.sysname, u.release, date, REPS, quick ? "true" : "false");
		const char *sep = "\n  ";
		for (size_t l = 0; l < LIBRARY_COUNT; l++)
			for (size_t i = 0; i < count; i++) {
				fprintf(f, "%s{\"library\": \"%s\", \"mode\": \"%s\", \"message\": \"%s\", "
					   "\"ns_per_msg\": %.1f, \"mb_per_s\": %.1f, \"allocs_per_msg\": %.1f}",
					sep, libraries[l]->library, libraries[l]->mode, messages[i].name,
					ns[l][i], (double)messages[i].len / ns[l][i] * 1000.0, allocs[l][i]);
				sep = ",\n  ";
			}
		fprintf(f, "],\n \"mix\": [");
		sep = "\n  ";
		for (size_t l = 0; l < LIBRARY_COUNT; l++) {
			fprintf(f, "%s{\"library\": \"%s\", \"mode\": \"%s\", \"ns_per_msg\": %.1f, "
				   "\"mb_per_s\": %.1f, \"allocs_per_msg\": %.1f}",
				sep, libraries[l]->library, libraries[l]->mode, mix_ns[l],
				(double)mix_bytes / count / mix_ns[l] * 1000.0, mix_allocs[l]);
			sep = ",\n  ";
		}
		fprintf(f, "]}\n");
		fclose(f);
	}
	if (scaling_dir)
		scaling(scaling_dir, min_ns);
	return 0;
}
