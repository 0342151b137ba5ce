/*
 * tests/unit/test_rules.c - every lint rule fires on its example and stays
 * quiet on its counter-example: tests/rules/<id>.bad.sip and <id>.good.sip,
 * for every rule in src/check/rules.def. A rule without both files fails.
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

typedef struct findings {
	unsigned count[SIFT_RULE_COUNT];
	uint32_t offset[SIFT_RULE_COUNT];
	size_t len;
} findings;

static void collect(const sift_diagnostic *d, void *context)
{
	findings *f = context;
	assert_true(d->rule < SIFT_RULE_COUNT);
	assert_true(d->packet != 0 || d->offset <= f->len);
	assert_true(strlen(d->detail) < sizeof d->detail);
	f->count[d->rule]++;
	f->offset[d->rule] = d->offset;
}

/*
 * Lints one example file in the default profile (the rule itself
 * force-enabled). A file holds one datagram, or several separated by a line
 * "%%", sent one second apart: those go through the tracker as a capture.
 * combined: through sift_check_tracked() (as siplint does), else through
 * sift_tracker_message() and sift_check_message(); the findings are the same.
 */
static int lint_file_with(const char *path, sift_rule_id rule, findings *f, int combined)
{
	FILE *file = fopen(path, "rb");
	if (!file)
		return -1;
	static char text[65536];
	size_t len = fread(text, 1, sizeof text, file);
	fclose(file);
	sift_check_config config;
	sift_check_config_init(&config, SIFT_PROFILE_DEFAULT);
	config.enabled[rule] = 1;
	static _Alignas(8) unsigned char memory[1 << 16];
	sift_tracker *tracker = sift_tracker_init(memory, sizeof memory, 64, &config);
	assert_non_null(tracker);
	memset(f, 0, sizeof *f);
	size_t at = 0;
	uint32_t packet = 0;
	while (at < len) {
		size_t end = at;
		while (end < len && !(end + 4 <= len && memcmp(text + end, "%%\r\n", 4) == 0 &&
				      (end == 0 || text[end - 1] == '\n')))
			end++;
		size_t part = end - at;
		char *buf = malloc(part ? part : 1); /* exact size: the sanitizer sees over-reads */
		memcpy(buf, text + at, part);
		sift_header headers[64];
		sift_msg msg;
		sift_msg_init(&msg, headers, 64);
		sift_code code = sift_parse(&msg, buf, part, SIFT_OPT_INDEX_ONLY);
		sift_packet_info info = { (uint64_t)packet * 1000000000ull, packet + 1, 0 };
		f->len = part;
		if (combined) {
			sift_check_tracked(&config, tracker, buf, part, &msg, code, &info, collect, f);
		} else {
			int repeat = code == SIFT_OK &&
				     sift_tracker_message(tracker, buf, &msg, &info, collect, f);
			if (!repeat)
				sift_check_message(&config, buf, part, &msg, code, collect, f);
		}
		free(buf);
		packet++;
		at = end + 4;
	}
	f->len = len;
	sift_tracker_finish(tracker, collect, f);
	return 0;
}

/* Both ways, which must agree finding for finding (count and last offset
 * of every rule); f gets the combined one's. */
static int lint_file(const char *path, sift_rule_id rule, findings *f)
{
	findings separate;
	if (lint_file_with(path, rule, &separate, 0) != 0 || lint_file_with(path, rule, f, 1) != 0)
		return -1;
	assert_memory_equal(separate.count, f->count, sizeof f->count);
	assert_memory_equal(separate.offset, f->offset, sizeof f->offset);
	return 0;
}

static void rule_fires_on_its_example_and_not_on_the_fix(void **state)
{
	const sift_rule_id rule = (sift_rule_id)(uintptr_t)*state;
	const sift_rule *info = sift_rule_get(rule);
	char path[256];
	findings f;

	snprintf(path, sizeof path, "tests/rules/%s.bad.sip", info->id);
	if (lint_file(path, rule, &f) != 0) {
		print_error("%s: no example %s\n", info->id, path);
		fail();
	}
	if (f.count[rule] == 0) {
		print_error("%s: does not fire on %s\n", info->id, path);
		fail();
	}
	snprintf(path, sizeof path, "tests/rules/%s.good.sip", info->id);
	if (lint_file(path, rule, &f) != 0) {
		print_error("%s: no counter-example %s\n", info->id, path);
		fail();
	}
	if (f.count[rule] != 0) {
		print_error("%s: fires on its counter-example %s\n", info->id, path);
		fail();
	}
}

/* The table itself: ids are unique, look up to themselves, cite an RFC. */
static void rule_table_is_consistent(void **state)
{
	(void)state;
	for (unsigned i = 0; i < SIFT_RULE_COUNT; i++) {
		const sift_rule *r = sift_rule_get((sift_rule_id)i);
		assert_non_null(r);
		assert_int_equal(sift_rule_lookup(r->id), i);
		assert_true(strncmp(r->id, "rfc", 3) == 0);
		assert_true(strlen(r->rfc) >= 4 && strlen(r->section) >= 1);
		assert_true(strlen(r->message) > 0 && strlen(r->fix) > 0);
	}
	assert_int_equal(sift_rule_lookup("no-such-rule"), SIFT_RULE_COUNT);
	assert_null(sift_rule_get(SIFT_RULE_COUNT));
}

/* Profiles nest: lenient is a subset of default, default of strict. */
static void profiles_nest(void **state)
{
	(void)state;
	sift_check_config lenient, standard, strict;
	sift_check_config_init(&lenient, SIFT_PROFILE_LENIENT);
	sift_check_config_init(&standard, SIFT_PROFILE_DEFAULT);
	sift_check_config_init(&strict, SIFT_PROFILE_STRICT);
	for (unsigned i = 0; i < SIFT_RULE_COUNT; i++) {
		assert_true(!lenient.enabled[i] || standard.enabled[i]);
		assert_true(!standard.enabled[i] || strict.enabled[i]);
	}
	assert_false(lenient.enabled[SIFT_RULE_MISSING_MAX_FORWARDS]);
	assert_true(standard.enabled[SIFT_RULE_MISSING_MAX_FORWARDS]);
	assert_int_equal(sift_check_config_set(&standard, "rfc3261-missing-max-forwards", 0), 0);
	assert_false(standard.enabled[SIFT_RULE_MISSING_MAX_FORWARDS]);
	assert_int_equal(sift_check_config_set(&standard, "bogus", 1), -1);
}

/* A disabled rule is not reported. */
static void disabled_rule_is_silent(void **state)
{
	(void)state;
	const char text[] = "OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n"
			    "To: <sip:a@b>\r\nFrom: <sip:c@d>;tag=1\r\nCall-ID: x\r\nCSeq: 1 OPTIONS\r\n\r\n";
	sift_header headers[16];
	sift_msg msg;
	sift_msg_init(&msg, headers, 16);
	sift_code code = sift_parse(&msg, text, sizeof text - 1, SIFT_OPT_INDEX_ONLY);
	sift_check_config config;
	sift_check_config_init(&config, SIFT_PROFILE_DEFAULT);
	findings f;
	memset(&f, 0, sizeof f);
	f.len = sizeof text - 1;
	assert_int_equal(sift_check_message(&config, text, sizeof text - 1, &msg, code, collect, &f), 1);
	assert_int_equal(f.count[SIFT_RULE_MISSING_MAX_FORWARDS], 1);
	sift_check_config_set(&config, "rfc3261-missing-max-forwards", 0);
	assert_int_equal(sift_check_message(&config, text, sizeof text - 1, &msg, code, collect, &f), 0);
}

/* Several bad values in one message are each reported (index-only parse). */
static void every_bad_value_is_reported(void **state)
{
	(void)state;
	const char text[] = "OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h;;\r\nMax-Forwards: 70\r\n"
			    "To: \"unclosed <sip:a@b>\r\nFrom: <sip:c@d>;tag=1\r\nCall-ID: x\r\n"
			    "CSeq: 1 OPTIONS\r\n\r\n";
	sift_header headers[16];
	sift_msg msg;
	sift_msg_init(&msg, headers, 16);
	sift_code code = sift_parse(&msg, text, sizeof text - 1, SIFT_OPT_INDEX_ONLY);
	assert_int_equal(code, SIFT_OK);
	sift_check_config config;
	sift_check_config_init(&config, SIFT_PROFILE_DEFAULT);
	findings f;
	memset(&f, 0, sizeof f);
	f.len = sizeof text - 1;
	sift_check_message(&config, text, sizeof text - 1, &msg, code, collect, &f);
	assert_int_equal(f.count[SIFT_RULE_HEADER_SYNTAX], 2);
}

/* rules_addr.c passes over registered headers that are not address
 * headers (and whose names are not 13 or 18 bytes long) without asking
 * sift_addr_rfc8217_covers(): every registered header it covers must be an
 * address header, and the names it knows beyond those 13 or 18 bytes. */
static void rfc8217_covers_only_address_headers(void **state)
{
	(void)state;
	for (unsigned id = 0; id < SIFT_H_COUNT; id++) {
		const char *name = sift_header_name((sift_header_id)id);
		if (id == SIFT_H_OTHER || !name)
			continue;
		if (sift_addr_rfc8217_covers(name, strlen(name)) && strlen(name) != 13 &&
		    strlen(name) != 18)
			assert_true(sift_header_is_addr((sift_header_id)id));
	}
	static const char *const others[] = { "Permission-Missing", "P-Profile-Key",
					       "P-Refused-URI-List", "P-Served-User" };
	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++)
		assert_true(sift_addr_rfc8217_covers(others[i], strlen(others[i])));
}

/* More address headers than the checker keeps parsed (16): the ones past
 * it are parsed again, and still reported. */
static void values_past_the_kept_parses_are_checked(void **state)
{
	(void)state;
	char text[4096];
	int n = snprintf(text, sizeof text,
			 "OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n"
			 "Max-Forwards: 70\r\nTo: <sip:a@b>\r\nFrom: <sip:c@d>;tag=1\r\n"
			 "Call-ID: x\r\nCSeq: 1 OPTIONS\r\n");
	for (int i = 0; i < 24; i++)
		n += snprintf(text + n, sizeof text - (size_t)n, "Route: <sip:p%d@example.com;lr>%s\r\n", i,
			      i == 23 ? ";ob" : "");
	n += snprintf(text + n, sizeof text - (size_t)n, "\r\n");
	sift_header headers[64];
	sift_msg msg;
	sift_msg_init(&msg, headers, 64);
	sift_code code = sift_parse(&msg, text, (size_t)n, SIFT_OPT_INDEX_ONLY);
	assert_int_equal(code, SIFT_OK);
	sift_check_config config;
	sift_check_config_init(&config, SIFT_PROFILE_DEFAULT);
	findings f;
	memset(&f, 0, sizeof f);
	f.len = (size_t)n;
	sift_check_message(&config, text, (size_t)n, &msg, code, collect, &f);
	assert_int_equal(f.count[SIFT_RULE_RFC5626_OB_PLACEMENT], 1);
	assert_int_equal(f.offset[SIFT_RULE_RFC5626_OB_PLACEMENT], (uint32_t)(n - 6)); /* "ob" */
}

/* Trackers whose set count is not a power of two (the modulo way to a set;
 * siplint's takes the mask way) find a message again: the retransmission. */
static void tracker_of_any_capacity_finds_repeats(void **state)
{
	(void)state;
	static const uint32_t capacities[] = { 12, 100, 64 };
	const char text[] = "OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n"
			    "Max-Forwards: 70\r\nTo: <sip:a@b>\r\nFrom: <sip:c@d>;tag=1\r\n"
			    "Call-ID: x\r\nCSeq: 1 OPTIONS\r\n\r\n";
	for (size_t k = 0; k < sizeof capacities / sizeof capacities[0]; k++) {
		sift_check_config config;
		sift_check_config_init(&config, SIFT_PROFILE_DEFAULT);
		static _Alignas(8) unsigned char memory[1 << 16];
		sift_tracker *tracker = sift_tracker_init(memory, sizeof memory, capacities[k], &config);
		assert_non_null(tracker);
		sift_header headers[16];
		sift_msg msg;
		sift_msg_init(&msg, headers, 16);
		assert_int_equal(sift_parse(&msg, text, sizeof text - 1, SIFT_OPT_INDEX_ONLY), SIFT_OK);
		findings f;
		memset(&f, 0, sizeof f);
		f.len = sizeof text - 1;
		for (uint32_t n = 0; n < 3; n++) {
			sift_packet_info info = { n * 1000000000ull, n + 1, 0 };
			assert_int_equal(sift_check_tracked(&config, tracker, text, sizeof text - 1, &msg,
							    SIFT_OK, &info, collect, &f),
					 n > 0);
		}
		sift_tracker_stats stats;
		sift_tracker_get_stats(tracker, &stats);
		assert_int_equal(stats.retransmissions, 2);
		assert_int_equal(stats.transactions, 1);
	}
}

int main(void)
{
	struct CMUnitTest tests[SIFT_RULE_COUNT + 7];
	static char names[SIFT_RULE_COUNT][96];
	size_t n = 0;
	for (unsigned i = 0; i < SIFT_RULE_COUNT; i++) {
		snprintf(names[i], sizeof names[i], "%s", sift_rule_get((sift_rule_id)i)->id);
		tests[n] = (struct CMUnitTest){ names[i], rule_fires_on_its_example_and_not_on_the_fix,
						NULL, NULL, (void *)(uintptr_t)i };
		n++;
	}
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(rule_table_is_consistent);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(profiles_nest);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(disabled_rule_is_silent);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(every_bad_value_is_reported);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(rfc8217_covers_only_address_headers);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(values_past_the_kept_parses_are_checked);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(tracker_of_any_capacity_finds_repeats);
	return _cmocka_run_group_tests("rules", tests, n, NULL, NULL);
}
