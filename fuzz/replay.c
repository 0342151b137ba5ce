/*
 * fuzz/replay.c - runs inputs through a fuzz target without a fuzzer.
 *
 *   replay FILE|DIR...
 *
 * Each FILE, and every regular file directly inside each DIR (sorted by
 * name, dot files skipped), is read into a heap buffer of exactly its size
 * and passed to LLVMFuzzerTestOneInput() once. A violated invariant aborts
 * and a sanitizer stops the run at its first report; either way the input
 * that was running is named on stderr ("replay: crashed on PATH"). Prints
 * "replay: N inputs" and exits 0 when every input ran; 1 when a path cannot
 * be read. REPLAY_VERBOSE=1 names every input as it starts.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Sanitizer runtimes call this before they exit on a report; absent (NULL)
 * in a build without sanitizers. */
extern void __sanitizer_set_death_callback(void (*callback)(void)) __attribute__((weak));

static const char *current; /* the input being run */
static int verbose;

static void say_crashed(void)
{
	static const char prefix[] = "replay: crashed on ";
	const char *path = current;
	if (!path)
		return;
	/* write(2) only: this runs in a signal handler too. */
	ssize_t ignored = write(2, prefix, sizeof prefix - 1);
	ignored = write(2, path, strlen(path));
	ignored = write(2, "\n", 1);
	(void)ignored;
}

static void on_signal(int sig)
{
	say_crashed();
	signal(sig, SIG_DFL);
	raise(sig);
}

static int run_file(const char *path, unsigned long *count)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	size_t size = 0, capacity = 4096;
	uint8_t *data = malloc(capacity);
	for (;;) {
		if (!data) {
			fprintf(stderr, "replay: %s: out of memory\n", path);
			fclose(f);
			return -1;
		}
		size += fread(data + size, 1, capacity - size, f);
		if (size < capacity)
			break;
		capacity *= 2;
		uint8_t *grown = realloc(data, capacity);
		if (!grown)
			free(data);
		data = grown;
	}
	int failed = ferror(f);
	fclose(f);
	if (failed) {
		fprintf(stderr, "replay: %s: read error\n", path);
		free(data);
		return -1;
	}
	/* Exactly size bytes, so ASan sees reads past the input. */
	uint8_t *exact = malloc(size ? size : 1);
	if (!exact) {
		free(data);
		return -1;
	}
	memcpy(exact, data, size);
	free(data);
	if (verbose)
		fprintf(stderr, "replay: running %s (%zu bytes)\n", path, size);
	current = path;
	LLVMFuzzerTestOneInput(exact, size);
	current = NULL;
	free(exact);
	(*count)++;
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_dir(const char *path, unsigned long *count)
{
	DIR *dir = opendir(path);
	if (!dir) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	char **names = NULL;
	size_t n = 0, capacity = 0;
	struct dirent *entry;
	int status = 0;
	while ((entry = readdir(dir)) != NULL) {
		if (entry->d_name[0] == '.')
			continue;
		if (n == capacity) {
			capacity = capacity ? 2 * capacity : 64;
			char **grown = realloc(names, capacity * sizeof *names);
			if (!grown) {
				status = -1;
				break;
			}
			names = grown;
		}
		size_t len = strlen(path) + 1 + strlen(entry->d_name) + 1;
		names[n] = malloc(len);
		if (!names[n]) {
			status = -1;
			break;
		}
		snprintf(names[n], len, "%s/%s", path, entry->d_name);
		n++;
	}
	closedir(dir);
	if (n)
		qsort(names, n, sizeof *names, by_name);
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		if (status == 0 && stat(names[i], &st) == 0 && S_ISREG(st.st_mode) &&
		    run_file(names[i], count) != 0)
			status = -1;
		free(names[i]);
	}
	free(names);
	return status;
}

int main(int argc, char **argv)
{
	unsigned long count = 0;
	int status = 0;
	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE|DIR...\n", argv[0]);
		return 2;
	}
	const char *env = getenv("REPLAY_VERBOSE");
	verbose = env && *env && strcmp(env, "0") != 0;
	/* Under a sanitizer its own handlers report and then call back; the
	 * deadly signals it handles are left to it. abort() (an invariant) is
	 * caught here, unless ASAN_OPTIONS=handle_abort=1 asks ASan for a stack
	 * trace, in which case ASan keeps the signal and calls back. */
	signal(SIGABRT, on_signal);
	if (__sanitizer_set_death_callback) {
		__sanitizer_set_death_callback(say_crashed);
	} else {
		signal(SIGSEGV, on_signal);
		signal(SIGBUS, on_signal);
		signal(SIGFPE, on_signal);
	}
	for (int i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) != 0) {
			fprintf(stderr, "replay: %s: %s\n", argv[i], strerror(errno));
			status = 1;
		} else if (S_ISDIR(st.st_mode) ? run_dir(argv[i], &count) != 0
					       : run_file(argv[i], &count) != 0) {
			status = 1;
		}
	}
	printf("replay: %lu inputs\n", count);
	return status;
}
