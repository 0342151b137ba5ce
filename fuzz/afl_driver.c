/*
 * fuzz/afl_driver.c - AFL++ persistent-mode driver for the fuzz targets.
 *
 * Built with afl-clang-fast: the test case arrives in shared memory
 * (__AFL_FUZZ_TESTCASE_BUF) and __AFL_LOOP runs up to 10000 cases per
 * process. Each case is copied into a heap buffer of exactly its size, so a
 * sanitizer sees reads past the end as it does under libFuzzer.
 *
 * Outside afl-fuzz (a plain run, `afl-showmap`, reproducing a crash) it
 * reads the input from the file named as the first argument, or stdin.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h> /* read(): AFL++'s __AFL_FUZZ_TESTCASE_LEN expands to a call */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#ifdef __AFL_FUZZ_TESTCASE_LEN
__AFL_FUZZ_INIT();
#endif

static void run_one(const uint8_t *data, size_t size)
{
	uint8_t *exact = malloc(size ? size : 1);
	if (!exact)
		abort();
	if (size)
		memcpy(exact, data, size);
	LLVMFuzzerTestOneInput(exact, size);
	free(exact);
}

/* Reads a whole stream (a crash file given on the command line, or stdin). */
static int run_stream(FILE *f)
{
	size_t size = 0, capacity = 1 << 16;
	uint8_t *data = malloc(capacity);
	while (data) {
		size += fread(data + size, 1, capacity - size, f);
		if (size < capacity)
			break;
		uint8_t *grown = realloc(data, capacity * 2);
		if (!grown)
			free(data);
		data = grown;
		capacity *= 2;
	}
	if (!data)
		return 1;
	run_one(data, size);
	free(data);
	return 0;
}

int main(int argc, char **argv)
{
	/* A file argument means "run this one input" (reproducing a crash);
	 * afl-fuzz runs the target without one. */
	if (argc > 1) {
		FILE *f = fopen(argv[1], "rb");
		if (!f) {
			perror(argv[1]);
			return 1;
		}
		int status = run_stream(f);
		fclose(f);
		return status;
	}
#ifdef __AFL_FUZZ_TESTCASE_LEN
	__AFL_INIT();
	/* Read after __AFL_INIT: the shared memory is mapped there. Outside
	 * afl-fuzz AFL++ falls back to reading stdin into its own buffer. */
	const uint8_t *buf = __AFL_FUZZ_TESTCASE_BUF;
	while (__AFL_LOOP(10000)) {
		size_t len = (size_t)__AFL_FUZZ_TESTCASE_LEN;
		run_one(buf, len);
	}
	return 0;
#else
	/* Not built by afl-clang-fast: one input from stdin. */
	return run_stream(stdin);
#endif
}
