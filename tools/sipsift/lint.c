/*
 * tools/sipsift/lint.c - siplint: lints SIP messages and captures and reports
 * each broken rule with its RFC section.
 *
 *   siplint [--format=text|json|sarif] [--profile=lenient|default|strict]
 *           [--fail-on=error|warning|info] [--enable=RULE] [--disable=RULE]
 *           [--port=N] [--no-summary] [--color=auto|always|never] INPUT...
 *
 * An INPUT is a file (pcap, pcapng, or raw text with one or more messages),
 * a directory (every file in it, recursively) or '-' for standard input.
 */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "sipsift/sipsift.h"
#include "json.h"
#include "lint.h"
#include "lint_input.h"

#define MAX_HEADERS 4096
#define TRACKER_CAPACITY 65536

typedef enum format { FORMAT_TEXT, FORMAT_JSON, FORMAT_SARIF } format;

typedef struct lint {
	sift_check_config config;
	format format;
	sift_severity fail_on;
	int color;
	int summary;
	sift_tracker *tracker;
	void *tracker_memory;
	/* counts */
	unsigned long long messages, parse_failures;
	unsigned long long per_rule[SIFT_RULE_COUNT];
	unsigned long long per_severity[3];
	int failing;
	/* the message being checked, for the callback */
	const lint_where *where;
	lint_where last;        /* where the capture ended, for end-of-capture findings */
	char last_file[1024];
	const char *buf;
	size_t len;
	/* SARIF results are written here as they come, then wrapped at the end */
	FILE *sarif_results;
	unsigned long long sarif_count;
	sift_header headers[MAX_HEADERS];
} lint;

static const char *const severity_names[] = { "info", "warning", "error" };

static void usage(FILE *out, const char *name)
{
	fprintf(out,
		"usage: %s [options] INPUT...\n"
		"  Lints SIP messages: pcap, pcapng, raw text files (one message or many),\n"
		"  directories, or '-' for standard input. Each finding names its rule and RFC section.\n"
		"options:\n"
		"  --format=text|json|sarif     output (default text; json is JSON Lines)\n"
		"  --profile=lenient|default|strict\n"
		"  --fail-on=error|warning|info exit 1 when a finding is at least this severe (default error)\n"
		"  --enable=RULE, --disable=RULE  turn one rule on or off (repeatable)\n"
		"  --port=N                     also treat UDP/TCP port N as SIP in captures (repeatable)\n"
		"  --no-summary                 do not print the summary table\n"
		"  --color=auto|always|never    colour in text output (default auto: when a terminal)\n"
		"  --list-rules                 print the rule table and exit\n"
		"exit status: 0 clean, 1 findings at or above --fail-on, 2 bad usage or unreadable input\n",
		name);
}

/* 1-based line and column of offset in buf, and the line's bounds. */
static void locate(const char *buf, size_t len, uint32_t offset, unsigned *line, unsigned *col,
		   size_t *line_start, size_t *line_end)
{
	size_t start = 0;
	unsigned number = 1;
	if (offset > len)
		offset = (uint32_t)len;
	for (size_t i = 0; i < offset; i++)
		if (buf[i] == '\n') {
			number++;
			start = i + 1;
		}
	size_t end = offset;
	while (end < len && buf[end] != '\r' && buf[end] != '\n')
		end++;
	*line = number;
	*col = (unsigned)(offset - start) + 1;
	*line_start = start;
	*line_end = end;
}

static void format_time(uint64_t time_ns, char *out, size_t size)
{
	time_t seconds = (time_t)(time_ns / 1000000000ull);
	struct tm tm;
	gmtime_r(&seconds, &tm);
	size_t n = strftime(out, size, "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(out + n, size - n, ".%06uZ", (unsigned)(time_ns % 1000000000ull / 1000));
}

static void print_text(lint *l, const sift_diagnostic *d, const sift_rule *rule)
{
	const lint_where *w = l->where;
	static const char *const colors[] = { "\033[1;36m", "\033[1;35m", "\033[1;31m" };
	unsigned line = 0, col = 0;
	size_t start = 0, end = 0;
	int in_message = d->packet == 0 && l->buf;
	if (in_message)
		locate(l->buf, l->len, d->offset, &line, &col, &start, &end);
	printf("%s:%u", w->file, d->packet ? d->packet : w->packet);
	if (w->has_flow && d->packet == 0)
		printf(" (%s -> %s)", w->src, w->dst);
	if (in_message)
		printf(" %u:%u", line, col);
	printf(": %s%s%s: %s", l->color ? colors[d->severity] : "", severity_names[d->severity],
	       l->color ? "\033[0m" : "", rule->message);
	if (d->detail[0])
		printf(": %s", d->detail);
	printf(" [%s, RFC %s %s]\n", rule->id, rule->rfc, rule->section);
	if (!in_message)
		return;
	/* The offending line and a caret under the column. */
	printf("  ");
	for (size_t i = start; i < end && i < start + 200; i++) {
		unsigned char c = (unsigned char)l->buf[i];
		putchar(c >= 0x20 && c != 0x7F ? c : '?');
	}
	printf("\n  %*s%s^%s\n", (int)(col - 1 < 200 ? col - 1 : 200), "",
	       l->color ? "\033[1;32m" : "", l->color ? "\033[0m" : "");
}

static void print_json(lint *l, const sift_diagnostic *d, const sift_rule *rule, FILE *out,
		       int sarif)
{
	const lint_where *w = l->where;
	unsigned line = 0, col = 0;
	size_t start, end;
	int in_message = d->packet == 0 && l->buf;
	if (in_message)
		locate(l->buf, l->len, d->offset, &line, &col, &start, &end);
	char message[512];
	snprintf(message, sizeof message, "%s%s%s", rule->message, d->detail[0] ? ": " : "", d->detail);
	if (sarif) {
		fprintf(out, "%s{\"ruleId\":\"%s\",\"ruleIndex\":%u,\"level\":\"%s\",\"message\":{\"text\":",
			l->sarif_count++ ? "," : "", rule->id, (unsigned)d->rule,
			d->severity == SIFT_SEVERITY_ERROR ? "error"
			: d->severity == SIFT_SEVERITY_WARNING ? "warning" : "note");
		json_string(out, message, strlen(message));
		fprintf(out, "},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":");
		json_string(out, w->file, strlen(w->file));
		fprintf(out, "}");
		if (in_message)
			fprintf(out, ",\"region\":{\"startLine\":%u,\"startColumn\":%u}", line, col);
		fprintf(out, "}}],\"properties\":{\"packet\":%u,\"rfc\":\"RFC %s %s\"",
			d->packet ? d->packet : w->packet, rule->rfc, rule->section);
		if (w->has_flow) {
			fprintf(out, ",\"src\":");
			json_string(out, w->src, strlen(w->src));
			fprintf(out, ",\"dst\":");
			json_string(out, w->dst, strlen(w->dst));
		}
		fprintf(out, "}}\n");
		return;
	}
	fprintf(out, "{\"rule\":\"%s\",\"severity\":\"%s\",\"rfc\":\"%s\",\"section\":\"%s\",\"file\":",
		rule->id, severity_names[d->severity], rule->rfc, rule->section);
	json_string(out, w->file, strlen(w->file));
	fprintf(out, ",\"packet\":%u,\"time\":", d->packet ? d->packet : w->packet);
	if (w->has_time && d->packet == 0) {
		char when[64];
		format_time(w->time_ns, when, sizeof when);
		fprintf(out, "\"%s\"", when);
	} else {
		fprintf(out, "null");
	}
	if (w->has_flow && d->packet == 0) {
		fprintf(out, ",\"src\":");
		json_string(out, w->src, strlen(w->src));
		fprintf(out, ",\"dst\":");
		json_string(out, w->dst, strlen(w->dst));
	} else {
		fprintf(out, ",\"src\":null,\"dst\":null");
	}
	if (in_message)
		fprintf(out, ",\"offset\":%u,\"line\":%u,\"col\":%u", (unsigned)d->offset, line, col);
	else
		fprintf(out, ",\"offset\":null,\"line\":null,\"col\":null");
	fprintf(out, ",\"message\":");
	json_string(out, message, strlen(message));
	fprintf(out, "}\n");
}

static void on_diagnostic(const sift_diagnostic *d, void *context)
{
	lint *l = context;
	const sift_rule *rule = sift_rule_get(d->rule);
	l->per_rule[d->rule]++;
	l->per_severity[d->severity]++;
	if (d->severity >= l->fail_on)
		l->failing = 1;
	switch (l->format) {
	case FORMAT_TEXT:
		print_text(l, d, rule);
		break;
	case FORMAT_JSON:
		print_json(l, d, rule, stdout, 0);
		break;
	case FORMAT_SARIF:
		print_json(l, d, rule, l->sarif_results, 1);
		break;
	}
}

/* One message: parse (index only: the checker re-parses every value and
 * reports each bad one), track, check. len is the datagram or frame. */
static void lint_message(void *context, const lint_where *where, const char *buf, size_t len)
{
	lint *l = context;
	sift_msg msg;
	sift_msg_init(&msg, l->headers, MAX_HEADERS);
	unsigned options = SIFT_OPT_INDEX_ONLY | (l->config.parse_options & SIFT_OPT_STRICT);
	sift_code code = sift_parse(&msg, buf, len, options);
	l->messages++;
	l->where = where;
	if (strcmp(l->last_file, where->file) != 0)
		snprintf(l->last_file, sizeof l->last_file, "%s", where->file);
	l->last.file = l->last_file;
	l->buf = buf;
	l->len = len;
	if (code != SIFT_OK)
		l->parse_failures++;
	/* The tracker, then the single-message rules unless it is a
	 * retransmission, sharing the parses of From, To, Via and CSeq. */
	sift_packet_info info = { where->time_ns, where->packet, (uint8_t)where->reliable };
	sift_check_tracked(&l->config, l->tracker, buf, len, &msg, code, &info, on_diagnostic, l);
	l->buf = NULL;
}

static void print_sarif(lint *l)
{
	printf("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\","
	       "\"runs\":[{\"tool\":{\"driver\":{\"name\":\"siplint\",\"version\":\"%s\","
	       "\"informationUri\":\"https://example.invalid/sipsift/docs/rules.md\",\"rules\":[",
	       sift_version());
	for (unsigned i = 0; i < SIFT_RULE_COUNT; i++) {
		const sift_rule *r = sift_rule_get((sift_rule_id)i);
		char help[512];
		printf("%s{\"id\":\"%s\",\"shortDescription\":{\"text\":", i ? "," : "", r->id);
		json_string(stdout, r->message, strlen(r->message));
		snprintf(help, sizeof help, "RFC %s section %s. Fix: %s.", r->rfc, r->section, r->fix);
		printf("},\"fullDescription\":{\"text\":");
		json_string(stdout, help, strlen(help));
		printf("},\"defaultConfiguration\":{\"level\":\"%s\",\"enabled\":%s},"
		       "\"properties\":{\"rfc\":\"%s\",\"section\":\"%s\"}}",
		       r->severity == SIFT_SEVERITY_ERROR ? "error"
		       : r->severity == SIFT_SEVERITY_WARNING ? "warning" : "note",
		       l->config.enabled[i] ? "true" : "false", r->rfc, r->section);
	}
	printf("]}},\"results\":[");
	rewind(l->sarif_results);
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, l->sarif_results)) > 0)
		fwrite(chunk, 1, n, stdout);
	printf("]}]}\n");
}

static void print_summary(lint *l, const lint_input *input, FILE *out)
{
	sift_tracker_stats stats;
	sift_tracker_get_stats(l->tracker, &stats);
	fprintf(out,
		"siplint: %llu messages (%llu retransmissions, %llu unparsable), %llu transactions, "
		"%llu dialogs; %llu errors, %llu warnings, %llu infos\n",
		l->messages, (unsigned long long)stats.retransmissions, l->parse_failures,
		(unsigned long long)stats.transactions, (unsigned long long)stats.dialogs,
		l->per_severity[SIFT_SEVERITY_ERROR], l->per_severity[SIFT_SEVERITY_WARNING],
		l->per_severity[SIFT_SEVERITY_INFO]);
	const capture_stats *c = &input->capture;
	if (c->captures)
		fprintf(out,
			"siplint: captures: %llu packets, %llu SIP over UDP, %llu SIP over TCP, %llu not SIP, "
			"%llu undecodable, %llu fragments dropped, %llu TCP retransmissions, %llu TCP bytes "
			"missing, %llu flows evicted\n",
			(unsigned long long)c->packets, (unsigned long long)c->sip_udp,
			(unsigned long long)c->sip_tcp, (unsigned long long)c->not_sip,
			(unsigned long long)c->undecodable, (unsigned long long)c->fragments_dropped,
			(unsigned long long)c->tcp_retransmitted, (unsigned long long)c->tcp_gaps,
			(unsigned long long)c->flows_evicted);
	int any = 0;
	for (unsigned i = 0; i < SIFT_RULE_COUNT; i++) {
		if (!l->per_rule[i])
			continue;
		const sift_rule *r = sift_rule_get((sift_rule_id)i);
		if (!any++)
			fprintf(out, "  %-40s %-8s %8s\n", "rule", "severity", "count");
		fprintf(out, "  %-40s %-8s %8llu\n", r->id, severity_names[r->severity], l->per_rule[i]);
	}
}

static int parse_severity(const char *text, sift_severity *out)
{
	for (int i = 0; i < 3; i++)
		if (strcmp(text, severity_names[i]) == 0) {
			*out = (sift_severity)i;
			return 0;
		}
	return -1;
}

static void list_rules(void)
{
	for (unsigned i = 0; i < SIFT_RULE_COUNT; i++) {
		const sift_rule *r = sift_rule_get((sift_rule_id)i);
		static const char *const profiles[] = { "lenient", "default", "strict" };
		printf("%-40s %-8s RFC %-5s %-9s %-8s %s\n", r->id, severity_names[r->severity], r->rfc,
		       r->section, profiles[r->profile], r->message);
	}
}

int tool_lint(int argc, char **argv)
{
	const char *name = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
	static lint l; /* large (the header index): not on the stack */
	sift_profile profile = SIFT_PROFILE_DEFAULT;
	int color_mode = -1; /* -1 auto */
	lint_input input;
	lint_input_init(&input);
	input.progress = isatty(2);
	l.format = FORMAT_TEXT;
	l.fail_on = SIFT_SEVERITY_ERROR;
	l.summary = 1;

	/* Options first (the profile decides the defaults of --enable/--disable). */
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strncmp(a, "--profile=", 10) == 0) {
			if (strcmp(a + 10, "lenient") == 0)
				profile = SIFT_PROFILE_LENIENT;
			else if (strcmp(a + 10, "default") == 0)
				profile = SIFT_PROFILE_DEFAULT;
			else if (strcmp(a + 10, "strict") == 0)
				profile = SIFT_PROFILE_STRICT;
			else {
				fprintf(stderr, "%s: unknown profile '%s'\n", name, a + 10);
				return 2;
			}
		}
	}
	sift_check_config_init(&l.config, profile);
	int inputs = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			usage(stdout, name);
			return 0;
		} else if (strcmp(a, "--list-rules") == 0) {
			list_rules();
			return 0;
		} else if (strncmp(a, "--profile=", 10) == 0) {
			continue;
		} else if (strncmp(a, "--format=", 9) == 0) {
			if (strcmp(a + 9, "text") == 0)
				l.format = FORMAT_TEXT;
			else if (strcmp(a + 9, "json") == 0)
				l.format = FORMAT_JSON;
			else if (strcmp(a + 9, "sarif") == 0)
				l.format = FORMAT_SARIF;
			else {
				fprintf(stderr, "%s: unknown format '%s'\n", name, a + 9);
				return 2;
			}
		} else if (strncmp(a, "--fail-on=", 10) == 0) {
			if (parse_severity(a + 10, &l.fail_on) != 0) {
				fprintf(stderr, "%s: --fail-on takes error, warning or info\n", name);
				return 2;
			}
		} else if (strncmp(a, "--enable=", 9) == 0 || strncmp(a, "--disable=", 10) == 0) {
			int enable = a[2] == 'e';
			const char *id = strchr(a, '=') + 1;
			if (sift_check_config_set(&l.config, id, enable) != 0) {
				fprintf(stderr, "%s: unknown rule '%s' (see --list-rules)\n", name, id);
				return 2;
			}
		} else if (strncmp(a, "--port=", 7) == 0) {
			char *end;
			long port = strtol(a + 7, &end, 10);
			if (*end || port < 1 || port > 65535) {
				fprintf(stderr, "%s: --port takes a number from 1 to 65535\n", name);
				return 2;
			}
			lint_input_add_port(&input, (unsigned)port);
		} else if (strcmp(a, "--no-summary") == 0) {
			l.summary = 0;
		} else if (strncmp(a, "--color=", 8) == 0) {
			color_mode = strcmp(a + 8, "always") == 0 ? 1 : strcmp(a + 8, "never") == 0 ? 0 : -1;
		} else if (a[0] == '-' && a[1] != 0) {
			fprintf(stderr, "%s: unknown option '%s'\n", name, a);
			usage(stderr, name);
			return 2;
		} else {
			inputs++;
		}
	}
	if (!inputs) {
		usage(stderr, name);
		return 2;
	}
	l.color = color_mode == -1 ? (isatty(STDOUT_FILENO) && !getenv("NO_COLOR")) : color_mode;
	if (l.format == FORMAT_SARIF && !(l.sarif_results = tmpfile())) {
		fprintf(stderr, "%s: cannot create a temporary file: %s\n", name, strerror(errno));
		return 2;
	}
	size_t size = sift_tracker_size(TRACKER_CAPACITY);
	l.tracker_memory = malloc(size);
	l.tracker = sift_tracker_init(l.tracker_memory, size, TRACKER_CAPACITY, &l.config);
	if (!l.tracker) {
		fprintf(stderr, "%s: out of memory\n", name);
		return 2;
	}

	int unreadable = 0;
	for (int i = 1; i < argc; i++) {
		if (argv[i][0] == '-' && argv[i][1] != 0)
			continue;
		if (lint_input_path(&input, argv[i], lint_message, &l) != 0)
			unreadable = 1;
	}
	l.where = &l.last;
	sift_tracker_finish(l.tracker, on_diagnostic, &l);
	if (l.format == FORMAT_SARIF)
		print_sarif(&l);
	if (l.summary)
		print_summary(&l, &input, l.format == FORMAT_TEXT ? stdout : stderr);
	free(l.tracker_memory);
	if (l.sarif_results)
		fclose(l.sarif_results);
	lint_input_free(&input);
	return unreadable ? 2 : l.failing ? 1 : 0;
}
