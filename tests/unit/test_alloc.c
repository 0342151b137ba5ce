/*
 * tests/unit/test_alloc.c - parsing allocates nothing (DESIGN.md "Data
 * model"; issue: zero allocations per parse, proven by counting).
 *
 * This binary interposes malloc, calloc and realloc: the executable's
 * definitions take precedence over glibc's for every caller, the library
 * included, and forward to glibc's __libc_* entry points. It is built
 * without sanitizers, which interpose the same functions.
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

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *p, size_t size);

static volatile int counting;
static volatile unsigned long allocations;

void *malloc(size_t size)
{
	if (counting)
		allocations++;
	return __libc_malloc(size);
}

void *calloc(size_t count, size_t size)
{
	if (counting)
		allocations++;
	return __libc_calloc(count, size);
}

void *realloc(void *p, size_t size)
{
	if (counting)
		allocations++;
	return __libc_realloc(p, size);
}

static const char invite[] =
	"INVITE sip:bob@biloxi.example.com SIP/2.0\r\n"
	"Via: SIP/2.0/TCP client.atlanta.example.com:5060;branch=z9hG4bK74bf9\r\n"
	"Via: SIP/2.0/UDP [2001:db8::1]:5060;branch=z9hG4bK77ef4c2312983.1;received=192.0.2.1\r\n"
	"Max-Forwards: 70\r\n"
	"From: \"Alice, A.\" <sip:alice@atlanta.example.com>;tag=9fxced76sl\r\n"
	"To: Bob <sip:bob@biloxi.example.com>\r\n"
	"Call-ID: 3848276298220188511@atlanta.example.com\r\n"
	"CSeq: 1 INVITE\r\n"
	"Contact: <sip:alice@client.atlanta.example.com;transport=tcp>;expires=3600\r\n"
	"Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>\r\n"
	"Subject: folded\r\n value\r\n"
	"Content-Type: application/sdp; charset=utf-8\r\n"
	"Content-Length: 4\r\n"
	"\r\n"
	"v=0\n";

static const char response[] =
	"SIP/2.0 200 OK\r\n"
	"v: SIP/2.0/UDP a.example.com;branch=z9hG4bKx;rport=5060\r\n"
	"f: <tel:+1-201-555-0123>;tag=1\r\nt: <sip:b@c>;tag=2\r\ni: abc@d\r\n"
	"CSeq: 2 BYE\r\nl: 0\r\n\r\n";

/* Parses 10,000 messages in each mode, then frames and unfolds. */
static void parsing_ten_thousand_messages_allocates_nothing(void **state)
{
	(void)state;
	sift_header headers[64];
	sift_msg msg;
	char unfolded[64];
	static const unsigned modes[] = { 0, SIFT_OPT_INDEX_ONLY, SIFT_OPT_STRICT, SIFT_OPT_STREAM };
	sift_msg_init(&msg, headers, 64);
	allocations = 0;
	counting = 1;
	unsigned ok = 0;
	for (int i = 0; i < 10000; i++) {
		for (size_t m = 0; m < sizeof modes / sizeof modes[0]; m++) {
			ok += sift_parse(&msg, invite, sizeof invite - 1, modes[m]) == SIFT_OK;
			ok += sift_parse(&msg, response, sizeof response - 1, modes[m]) == SIFT_OK;
		}
		sift_frame_result frame;
		ok += sift_frame(invite, sizeof invite - 1, 0, &frame) == SIFT_FRAME_MESSAGE;
		uint32_t subject = sift_msg_first(&msg, SIFT_H_CSEQ);
		ok += sift_unfold(response, msg.headers[subject].value, unfolded, sizeof unfolded) > 0;
	}
	counting = 0;
	assert_int_equal(ok, 10000u * 10u);
	assert_int_equal(allocations, 0);
}

/* Full validation of a message holding every registered header
 * (tests/data/every-header.sip) runs every typed parser; 10,000 parses of
 * it, default and strict, allocate nothing either. */
static void every_typed_parser_allocates_nothing(void **state)
{
	(void)state;
	static char text[16384];
	FILE *f = fopen("tests/data/every-header.sip", "rb");
	assert_non_null(f);
	size_t len = fread(text, 1, sizeof text, f);
	fclose(f);
	assert_true(len > 0 && len < sizeof text);
	sift_header headers[128];
	sift_msg msg;
	sift_msg_init(&msg, headers, 128);
	assert_int_equal(sift_parse(&msg, text, len, 0), SIFT_OK);
	/* The fixture must hold every header of grammar/headers.def. */
	for (unsigned id = 1; id < SIFT_H_COUNT; id++)
		if (sift_msg_first(&msg, (sift_header_id)id) == SIFT_NONE)
			fail_msg("tests/data/every-header.sip lacks %s",
				 sift_header_name((sift_header_id)id));
	unsigned ok = 0;
	allocations = 0;
	counting = 1;
	for (int i = 0; i < 10000; i++) {
		ok += sift_parse(&msg, text, len, 0) == SIFT_OK;
		ok += sift_parse(&msg, text, len, SIFT_OPT_STRICT) == SIFT_OK;
	}
	counting = 0;
	assert_int_equal(ok, 20000u);
	assert_int_equal(allocations, 0);
}

/* The counter itself works: a control allocation is seen. */
static void the_counter_sees_an_allocation(void **state)
{
	(void)state;
	allocations = 0;
	counting = 1;
	void *p = malloc(16);
	counting = 0;
	__builtin_memset(p, 0, 16);
	free(p);
	assert_int_equal(allocations, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_counter_sees_an_allocation),
		cmocka_unit_test(parsing_ten_thousand_messages_allocates_nothing),
		cmocka_unit_test(every_typed_parser_allocates_nothing),
	};
	return cmocka_run_group_tests_name("alloc", tests, NULL, NULL);
}
