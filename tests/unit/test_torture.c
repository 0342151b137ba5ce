/*
 * tests/unit/test_torture.c - the RFC 4475 and RFC 5118 torture messages,
 * driven by tests/data/torture/expect.tsv: one test per message, named after
 * its file, checking the verdict of the default and strict modes (with the
 * error code the RFC's reason maps to) and, for accepted messages, the values
 * the RFC text states: method, Request-URI, status, number of Via values,
 * Call-ID, CSeq, Content-Length, body length, From/To URI and display name.
 *
 * Run from the top of the tree (make check does), or pass the table's path.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "sipsift/sipsift.h"

/* Internal switch of src/msg/parse.c: 0 runs the scalar line scanner only. */
extern int sift__use_simd;

enum {
	COL_FILE, COL_SECTION, COL_DEFAULT, COL_STRICT, COL_ERROR, COL_KIND, COL_METHOD, COL_RURI,
	COL_STATUS, COL_VIA_COUNT, COL_CALL_ID, COL_CSEQ_NUMBER, COL_CSEQ_METHOD,
	COL_CONTENT_LENGTH, COL_BODY_LEN, COL_FROM_URI, COL_FROM_DISPLAY, COL_TO_URI,
	COL_TO_DISPLAY, COLUMNS
};

typedef struct row {
	char *cell[COLUMNS];
	size_t cell_len[COLUMNS]; /* after \xHH decoding */
	char name[160];
} row;

static const char *data_dir = "tests/data/torture";

/* Decodes the TSV cell escapes (\xHH, \\) in place; returns the length. */
static size_t decode(char *s)
{
	size_t out = 0;
	for (size_t i = 0; s[i];) {
		if (s[i] == '\\' && s[i + 1] == 'x' && s[i + 2] && s[i + 3]) {
			char hex[3] = { s[i + 2], s[i + 3], 0 };
			s[out++] = (char)strtol(hex, NULL, 16);
			i += 4;
		} else if (s[i] == '\\' && s[i + 1] == '\\') {
			s[out++] = '\\';
			i += 2;
		} else {
			s[out++] = s[i++];
		}
	}
	s[out] = 0;
	return out;
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long size = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = malloc((size_t)size + 1);
	*len = fread(buf, 1, (size_t)size, f);
	fclose(f);
	return buf;
}

static int is_absent(const row *r, int col)
{
	return strcmp(r->cell[col], "-") == 0;
}

/* Compares a span (unfolded: folds become one SP, RFC 3261 7.3.1) with a cell. */
static void assert_span(const char *buf, sift_span s, const row *r, int col, const char *what)
{
	char unfolded[4096];
	long n = sift_unfold(buf, s, unfolded, sizeof unfolded);
	assert_true(n >= 0);
	if ((size_t)n != r->cell_len[col] || memcmp(unfolded, r->cell[col], (size_t)n) != 0) {
		print_error("%s: %s is '%.*s', expected '%s'\n", r->cell[COL_FILE], what, (int)n,
			    unfolded, r->cell[col]);
		fail();
	}
}

static void check_verdict(const row *r, const char *buf, size_t len, unsigned options, int col)
{
	sift_header headers[256];
	sift_msg msg;
	sift_msg_init(&msg, headers, 256);
	sift_code code = sift_parse(&msg, buf, len, options);
	int want_ok = strcmp(r->cell[col], "ok") == 0;
	if (want_ok != (code == SIFT_OK)) {
		char text[256];
		sift_error_format(&msg.error, text, sizeof text);
		print_error("%s (%s): expected %s, got %s %s\n", r->cell[COL_FILE],
			    options & SIFT_OPT_STRICT ? "strict" : "default", r->cell[col],
			    code == SIFT_OK ? "ok" : sift_code_name(code), code == SIFT_OK ? "" : text);
		fail();
	}
	if (!want_ok && strcmp(sift_code_name(code), r->cell[COL_ERROR]) != 0) {
		print_error("%s (%s): error %s, expected %s\n", r->cell[COL_FILE],
			    options & SIFT_OPT_STRICT ? "strict" : "default", sift_code_name(code),
			    r->cell[COL_ERROR]);
		fail();
	}
	assert_true(msg.error.offset <= len);
}

static void check_address(const row *r, const char *buf, const sift_msg *msg, sift_header_id id,
			  int uri_col, int display_col)
{
	uint32_t i = sift_msg_first(msg, id);
	if (is_absent(r, uri_col)) {
		assert_int_equal(i, SIFT_NONE);
		return;
	}
	assert_int_not_equal(i, SIFT_NONE);
	sift_addr addr;
	sift_error err;
	assert_int_equal(sift_addr_parse(buf, msg->headers[i].value, 0, &addr, &err), SIFT_OK);
	assert_span(buf, addr.uri, r, uri_col, "URI");
	if (is_absent(r, display_col))
		assert_int_equal(addr.display.len, 0);
	else
		assert_span(buf, addr.display, r, display_col, "display name");
}

/* The values the RFC states, on the default-mode parse. */
static void check_values(const row *r, const char *buf, size_t len)
{
	sift_header headers[256];
	sift_msg msg;
	sift_msg_init(&msg, headers, 256);
	assert_int_equal(sift_parse(&msg, buf, len, 0), SIFT_OK);
	if (strcmp(r->cell[COL_KIND], "request") == 0) {
		assert_int_equal(msg.kind, SIFT_KIND_REQUEST);
		assert_span(buf, msg.method, r, COL_METHOD, "method");
		assert_span(buf, msg.request_uri, r, COL_RURI, "Request-URI");
	} else {
		assert_int_equal(msg.kind, SIFT_KIND_RESPONSE);
		assert_int_equal(msg.status, strtoul(r->cell[COL_STATUS], NULL, 10));
	}
	assert_int_equal(sift_msg_count(&msg, SIFT_H_VIA), strtoul(r->cell[COL_VIA_COUNT], NULL, 10));
	uint32_t i = sift_msg_first(&msg, SIFT_H_CALL_ID);
	if (is_absent(r, COL_CALL_ID))
		assert_int_equal(i, SIFT_NONE);
	else
		assert_span(buf, msg.headers[i].value, r, COL_CALL_ID, "Call-ID");
	i = sift_msg_first(&msg, SIFT_H_CSEQ);
	if (!is_absent(r, COL_CSEQ_NUMBER)) {
		sift_cseq cseq;
		assert_int_not_equal(i, SIFT_NONE);
		assert_int_equal(sift_cseq_parse(buf, msg.headers[i].value, 0, &cseq, NULL), SIFT_OK);
		assert_int_equal(cseq.number, strtoul(r->cell[COL_CSEQ_NUMBER], NULL, 10));
		assert_span(buf, cseq.method, r, COL_CSEQ_METHOD, "CSeq method");
	}
	if (is_absent(r, COL_CONTENT_LENGTH))
		assert_false(msg.has_content_length);
	else
		assert_int_equal(msg.content_length, strtoul(r->cell[COL_CONTENT_LENGTH], NULL, 10));
	assert_int_equal(msg.body.len, strtoul(r->cell[COL_BODY_LEN], NULL, 10));
	check_address(r, buf, &msg, SIFT_H_FROM, COL_FROM_URI, COL_FROM_DISPLAY);
	check_address(r, buf, &msg, SIFT_H_TO, COL_TO_URI, COL_TO_DISPLAY);
}

static void torture_message(void **state)
{
	const row *r = *state;
	char path[512];
	size_t len;
	snprintf(path, sizeof path, "%s/%s", data_dir, r->cell[COL_FILE]);
	char *file = read_file(path, &len);
	assert_non_null(file);
	/* An exact-size copy, so a read past the end is caught by the sanitizer. */
	char *buf = malloc(len);
	memcpy(buf, file, len);
	free(file);

	check_verdict(r, buf, len, 0, COL_DEFAULT);
	check_verdict(r, buf, len, SIFT_OPT_STRICT, COL_STRICT);
	if (strcmp(r->cell[COL_DEFAULT], "ok") == 0)
		check_values(r, buf, len);
	/* Index only must never fail where full validation passes. */
	sift_header headers[256];
	sift_msg msg;
	sift_msg_init(&msg, headers, 256);
	sift_code indexed = sift_parse(&msg, buf, len, SIFT_OPT_INDEX_ONLY);
	if (strcmp(r->cell[COL_DEFAULT], "ok") == 0)
		assert_int_equal(indexed, SIFT_OK);
	free(buf);
}

int main(int argc, char **argv)
{
	const char *table = argc > 1 ? argv[1] : "tests/data/torture/expect.tsv";
	size_t len;
	char *text = read_file(table, &len);
	if (!text) {
		fprintf(stderr, "test_torture: cannot read %s\n", table);
		return 1;
	}
	text[len] = 0;
	row *rows = calloc(128, sizeof *rows);
	struct CMUnitTest *tests = calloc(128, sizeof *tests);
	size_t count = 0;
	int header_seen = 0;
	for (char *line = strtok(text, "\n"); line && count < 128; line = strtok(NULL, "\n")) {
		if (line[0] == '#' || line[0] == 0)
			continue;
		if (!header_seen) { /* the column names */
			header_seen = 1;
			continue;
		}
		row *r = &rows[count];
		int col = 0;
		char *cell = line;
		while (col < COLUMNS) {
			char *tab = strchr(cell, '\t');
			if (tab)
				*tab = 0;
			r->cell[col] = cell;
			r->cell_len[col] = decode(cell);
			col++;
			if (!tab)
				break;
			cell = tab + 1;
		}
		if (col != COLUMNS) {
			fprintf(stderr, "test_torture: %s: row %zu has %d columns\n", table, count + 1, col);
			return 1;
		}
		snprintf(r->name, sizeof r->name, "%s (%s)", r->cell[COL_FILE], r->cell[COL_SECTION]);
		tests[count].name = r->name;
		tests[count].test_func = torture_message;
		tests[count].initial_state = r;
		count++;
	}
	if (count == 0) {
		fprintf(stderr, "test_torture: %s holds no rows\n", table);
		return 1;
	}
	int failed = _cmocka_run_group_tests("torture (simd)", tests, count, NULL, NULL);
	sift__use_simd = 1;
	failed += _cmocka_run_group_tests("torture (sse2)", tests, count, NULL, NULL);
	sift__use_simd = 0;
	failed += _cmocka_run_group_tests("torture (scalar)", tests, count, NULL, NULL);
	free(tests);
	free(rows);
	free(text);
	return failed;
}
