/*
 * tools/sipsift/main.c - the sipsift command.
 *
 *   sipsift dump [--stream] [--strict] [--index-only] FILE...   ("-" is stdin)
 *
 * dump prints one JSON object per message, one per line: what the parser
 * saw, or the error with its offset and failing ABNF rule. A FILE holds one
 * datagram, or with --stream a TCP byte stream of many messages.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sipsift/sipsift.h"
#include "json.h"
#include "lint.h"
#include "typed.h"
#include "uri_compare.h"

#define MAX_HEADERS 4096
#define MAX_INPUT (64u << 20) /* 64 MiB per file */

static sift_header storage[MAX_HEADERS];

static void usage(FILE *out)
{
	fprintf(out,
		"usage: sipsift dump [--stream] [--strict] [--index-only] [--typed] FILE...\n"
		"       sipsift lint [options] INPUT...   (also installed as siplint; --help)\n"
		"       sipsift uri-compare [--strict] [--sips-as-sip] URI-A URI-B   (--help)\n"
		"  Parses SIP messages and prints one JSON object per message.\n"
		"  FILE is one datagram, or with --stream a byte stream of messages;\n"
		"  '-' reads standard input.\n"
		"  --strict      reject what RFC 3261 forbids but peers commonly send\n"
		"  --index-only  framing, start line and header index only\n"
		"  --typed       add each header value's parsed parts (\"via\", \"addr\", ...)\n");
}

/* Reads a whole file (or stdin for "-") into a malloc'd buffer. */
static char *read_input(const char *path, size_t *len)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "sipsift: %s: %s\n", path, strerror(errno));
		return NULL;
	}
	size_t size = 0, capacity = 65536;
	char *buf = malloc(capacity);
	while (buf) {
		size_t n = fread(buf + size, 1, capacity - size, f);
		size += n;
		if (size < capacity)
			break;
		if (capacity >= MAX_INPUT) {
			fprintf(stderr, "sipsift: %s: larger than %u bytes\n", path, MAX_INPUT);
			free(buf);
			buf = NULL;
			break;
		}
		char *bigger = realloc(buf, capacity * 2);
		if (!bigger) {
			free(buf);
			buf = NULL;
			break;
		}
		buf = bigger;
		capacity *= 2;
	}
	if (ferror(f)) {
		fprintf(stderr, "sipsift: %s: read error\n", path);
		free(buf);
		buf = NULL;
	}
	if (f != stdin)
		fclose(f);
	*len = size;
	return buf;
}

static void span_field(const char *name, const char *buf, sift_span s, int present)
{
	printf(",\"%s\":", name);
	if (present)
		json_string(stdout, buf + s.off, s.len);
	else
		fputs("null", stdout);
}

static void print_error(const sift_error *e, uint32_t base)
{
	char text[512];
	sift_error_format(e, text, sizeof text);
	printf(",\"error\":{\"code\":\"%s\",\"offset\":%u,\"rule\":", sift_code_name(e->code),
	       (unsigned)(e->offset - base));
	json_string(stdout, e->rule ? e->rule : "", e->rule ? strlen(e->rule) : 0);
	printf(",\"message\":");
	json_string(stdout, text, strlen(text));
	putchar('}');
}

/* One JSON line for a parse of buf (a whole datagram, or one framed message). */
static int typed; /* --typed: add each value's parsed parts */

static int print_message(const char *file, unsigned index, uint32_t stream_offset,
			 const char *buf, size_t len, unsigned options, const sift_error *frame_error)
{
	sift_msg msg;
	sift_msg_init(&msg, storage, MAX_HEADERS);
	sift_code code = frame_error ? frame_error->code : sift_parse(&msg, buf, len, options);
	int ok = code == SIFT_OK;
	int request = msg.kind == SIFT_KIND_REQUEST, response = msg.kind == SIFT_KIND_RESPONSE;

	printf("{\"file\":");
	json_string(stdout, file, strlen(file));
	printf(",\"index\":%u,\"offset\":%u,\"ok\":%s,\"kind\":%s", index, (unsigned)stream_offset,
	       ok ? "true" : "false", request ? "\"request\"" : response ? "\"response\"" : "null");
	span_field("method", buf, msg.method, request);
	span_field("ruri", buf, msg.request_uri, request);
	span_field("version", buf, msg.version, request || response);
	if (response)
		printf(",\"status\":%u", msg.status);
	else
		printf(",\"status\":null");
	span_field("reason", buf, msg.reason, response);
	printf(",\"headers\":[");
	for (uint32_t i = 0; i < msg.header_count; i++) {
		const sift_header *h = &msg.headers[i];
		printf(i ? ",{\"name\":" : "{\"name\":");
		json_string(stdout, buf + h->name.off, h->name.len);
		printf(",\"id\":");
		const char *id = sift_header_name((sift_header_id)h->id);
		if (id)
			json_string(stdout, id, strlen(id));
		else
			fputs("null", stdout);
		printf(",\"value\":");
		json_string(stdout, buf + h->value.off, h->value.len);
		if (typed)
			typed_json(stdout, buf, (sift_header_id)h->id, h->value);
		putchar('}');
	}
	printf("]");
	if (ok && typed)
		typed_body_json(stdout, buf, &msg);
	if (ok)
		printf(",\"body_len\":%u,\"error\":null}\n", (unsigned)msg.body.len);
	else {
		printf(",\"body_len\":null");
		print_error(frame_error ? frame_error : &msg.error, 0);
		printf("}\n");
	}
	return ok;
}

static int dump_file(const char *path, unsigned options)
{
	size_t len;
	char *buf = read_input(path, &len);
	if (!buf)
		return -1;
	int all_ok = 1;
	if (!(options & SIFT_OPT_STREAM)) {
		all_ok = print_message(path, 0, 0, buf, len, options, NULL);
		free(buf);
		return all_ok;
	}
	size_t at = 0;
	unsigned index = 0;
	while (at < len) {
		sift_frame_result frame;
		switch (sift_frame(buf + at, len - at, options, &frame)) {
		case SIFT_FRAME_PING:
		case SIFT_FRAME_PONG:
			at += frame.length;
			continue;
		case SIFT_FRAME_MESSAGE:
			all_ok &= print_message(path, index++, (uint32_t)at, buf + at, frame.length,
						options, NULL);
			at += frame.length;
			continue;
		case SIFT_FRAME_NEED_MORE:
			frame.error.code = SIFT_E_NO_BODY_SEPARATOR;
			frame.error.offset = (uint32_t)(len - at);
			frame.error.rule = "message";
			frame.error.header_id = SIFT_H_NONE;
			print_message(path, index++, (uint32_t)at, buf + at, len - at, options,
				      &frame.error);
			all_ok = 0;
			at = len;
			break;
		case SIFT_FRAME_ERROR:
			print_message(path, index++, (uint32_t)at, buf + at, len - at, options,
				      &frame.error);
			all_ok = 0;
			at = len;
			break;
		}
	}
	free(buf);
	return all_ok;
}

int main(int argc, char **argv)
{
	/* Installed as siplint too (a link): the lint command by its own name. */
	const char *name = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
	if (strcmp(name, "siplint") == 0)
		return tool_lint(argc, argv);
	if (argc >= 2 && strcmp(argv[1], "lint") == 0) {
		argv[1] = "sipsift lint";
		return tool_lint(argc - 1, argv + 1);
	}
	if (argc >= 2 && strcmp(argv[1], "uri-compare") == 0) {
		argv[1] = "sipsift uri-compare";
		return tool_uri_compare(argc - 1, argv + 1);
	}
	if (argc < 2 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
		usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("sipsift %s\n", sift_version());
		return 0;
	}
	if (strcmp(argv[1], "dump") != 0) {
		fprintf(stderr, "sipsift: unknown command '%s'\n", argv[1]);
		usage(stderr);
		return 2;
	}
	unsigned options = 0;
	int files = 0, status = 0;
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--stream") == 0)
			options |= SIFT_OPT_STREAM;
		else if (strcmp(argv[i], "--strict") == 0)
			options |= SIFT_OPT_STRICT;
		else if (strcmp(argv[i], "--index-only") == 0)
			options |= SIFT_OPT_INDEX_ONLY;
		else if (strcmp(argv[i], "--typed") == 0)
			typed = 1;
		else if (argv[i][0] == '-' && argv[i][1] != 0) {
			fprintf(stderr, "sipsift: unknown option '%s'\n", argv[i]);
			usage(stderr);
			return 2;
		}
	}
	for (int i = 2; i < argc; i++) {
		if (argv[i][0] == '-' && argv[i][1] != 0)
			continue;
		files++;
		int result = dump_file(argv[i], options);
		if (result < 0)
			status = 2;
		else if (result == 0 && status == 0)
			status = 1;
	}
	if (!files) {
		usage(stderr);
		return 2;
	}
	return status;
}
