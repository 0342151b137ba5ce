/*
 * tools/sipsift/lint_input.c - siplint's inputs.
 *
 * Raw text holds one message or a stream of them: messages are framed with
 * sift_frame() (RFC 3261 18.3); the last one may lack Content-Length, as a
 * datagram may, and then runs to the end of the file. pcap and pcapng files
 * (recognised by their magic numbers, whatever their name) go to
 * capture.c.
 */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "sipsift/sipsift.h"
#include "capture.h"
#include "lint_input.h"

#define MAX_FILE (1ull << 32)

void lint_input_init(lint_input *input)
{
	memset(input, 0, sizeof *input);
}

void lint_input_add_port(lint_input *input, unsigned port)
{
	if (input->port_count < sizeof input->ports / sizeof input->ports[0])
		input->ports[input->port_count++] = port;
}

void lint_input_free(lint_input *input)
{
	(void)input;
}

static char *read_stream(FILE *f, size_t *len)
{
	size_t size = 0, capacity = 1 << 16;
	char *buf = malloc(capacity);
	while (buf) {
		size += fread(buf + size, 1, capacity - size, f);
		if (size < capacity)
			break;
		if (capacity >= MAX_FILE) {
			free(buf);
			return NULL;
		}
		char *bigger = realloc(buf, capacity * 2);
		if (!bigger) {
			free(buf);
			return NULL;
		}
		buf = bigger;
		capacity *= 2;
	}
	*len = size;
	return buf;
}

/* Frames a raw byte stream into messages. */
static void lint_raw(const char *file, const char *buf, size_t len, lint_message_fn callback,
		     void *context)
{
	lint_where where;
	memset(&where, 0, sizeof where);
	where.file = file;
	size_t at = 0;
	while (at < len) {
		sift_frame_result frame;
		sift_frame_kind kind = sift_frame(buf + at, len - at, 0, &frame);
		if (kind == SIFT_FRAME_PING || kind == SIFT_FRAME_PONG) {
			at += frame.length;
			continue;
		}
		where.packet++;
		if (kind == SIFT_FRAME_MESSAGE) {
			callback(context, &where, buf + at, frame.length);
			at += frame.length;
			continue;
		}
		/* No Content-Length, or truncated: the rest is one message. */
		callback(context, &where, buf + at, len - at);
		break;
	}
}

static int lint_file(lint_input *input, const char *path, lint_message_fn callback, void *context)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "siplint: %s: %s\n", path, strerror(errno));
		return -1;
	}
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	/* A capture in a file is read packet by packet (a 10 GB trace needs no
	 * 10 GB of memory); raw text, and a capture on a pipe, is read whole. */
	if (f != stdin) {
		unsigned char head[4];
		size_t got = fread(head, 1, sizeof head, f);
		struct stat st;
		if (capture_is_capture(head, got) && fstat(fileno(f), &st) == 0 &&
		    fseek(f, 0, SEEK_SET) == 0) {
			char error[512];
			input->capture.captures++;
			int progress = input->progress && st.st_size > (8 << 20);
			/* capture_read_stream closes f. */
			if (capture_read_stream(name, f, (uint64_t)st.st_size, input->ports,
						input->port_count, progress, callback, context,
						&input->capture, error, sizeof error) != 0) {
				fprintf(stderr, "siplint: %s: %s\n", name, error);
				return -1;
			}
			return 0;
		}
		rewind(f);
	}
	size_t len = 0;
	char *buf = read_stream(f, &len);
	int failed = !buf || ferror(f);
	if (f != stdin)
		fclose(f);
	if (failed) {
		fprintf(stderr, "siplint: %s: cannot read (too large or I/O error)\n", path);
		free(buf);
		return -1;
	}
	int status = 0;
	if (capture_is_capture((const unsigned char *)buf, len)) {
		char error[512];
		input->capture.captures++;
		/* A bar only where someone watches and the wait is long. */
		int progress = input->progress && len > (8u << 20);
		if (capture_read(name, (const unsigned char *)buf, len, input->ports, input->port_count,
				 progress, callback, context, &input->capture, error, sizeof error) != 0) {
			fprintf(stderr, "siplint: %s: %s\n", name, error);
			status = -1;
		}
	} else {
		lint_raw(name, buf, len, callback, context);
	}
	free(buf);
	return status;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every regular file below a directory, in name order (stable output). */
static int lint_directory(lint_input *input, const char *path, lint_message_fn callback,
			  void *context, int depth)
{
	DIR *dir = opendir(path);
	if (!dir) {
		fprintf(stderr, "siplint: %s: %s\n", path, strerror(errno));
		return -1;
	}
	char **names = NULL;
	size_t count = 0, capacity = 0;
	struct dirent *e;
	while ((e = readdir(dir))) {
		if (e->d_name[0] == '.')
			continue;
		if (count == capacity) {
			capacity = capacity ? capacity * 2 : 64;
			char **bigger = realloc(names, capacity * sizeof *names);
			if (!bigger)
				break;
			names = bigger;
		}
		names[count++] = strdup(e->d_name);
	}
	closedir(dir);
	qsort(names, count, sizeof *names, compare_names);
	int status = 0;
	for (size_t i = 0; i < count; i++) {
		size_t n = strlen(path) + strlen(names[i]) + 2;
		char *child = malloc(n);
		size_t base = strlen(path);
		while (base > 1 && path[base - 1] == '/')
			base--;
		snprintf(child, n, "%.*s/%s", (int)base, path, names[i]);
		struct stat st;
		if (stat(child, &st) == 0 && S_ISDIR(st.st_mode)) {
			if (depth < 32 && lint_directory(input, child, callback, context, depth + 1) != 0)
				status = -1;
		} else if (stat(child, &st) == 0 && S_ISREG(st.st_mode)) {
			if (lint_file(input, child, callback, context) != 0)
				status = -1;
		}
		free(child);
		free(names[i]);
	}
	free(names);
	return status;
}

int lint_input_path(lint_input *input, const char *path, lint_message_fn callback, void *context)
{
	struct stat st;
	if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return lint_directory(input, path, callback, context, 0);
	return lint_file(input, path, callback, context);
}
