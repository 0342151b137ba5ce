/*
 * tests/unit/test_msg.c - start line, header index and framing (RFC 3261 7,
 * 7.3, 18.3; RFC 5626 4.4.1), one test per requirement.
 *
 * Every input is copied into a heap block of exactly its length, so the
 * sanitizer build catches a read one byte past the end.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include <string.h>
#include <cmocka.h>

#include "sipsift/sipsift.h"

/* Internal switch of src/msg/parse.c: 0 runs the scalar line scanner only. */
extern int sift__use_simd;

#define CAPACITY 1024
static sift_header storage[CAPACITY];
static sift_msg msg;
static char *input;
static size_t input_len;

/* Parses text (exactly len bytes, no terminator) with options. */
static sift_code parse_bytes(const char *text, size_t len, unsigned options)
{
	free(input);
	input = malloc(len ? len : 1);
	memcpy(input, text, len);
	input_len = len;
	sift_msg_init(&msg, storage, CAPACITY);
	return sift_parse(&msg, input, len, options);
}

static sift_code parse(const char *text, unsigned options)
{
	return parse_bytes(text, strlen(text), options);
}

static int span_is(sift_span s, const char *expected)
{
	return s.len == strlen(expected) && memcmp(input + s.off, expected, s.len) == 0;
}

static sift_span value_of(sift_header_id id)
{
	uint32_t i = sift_msg_first(&msg, id);
	assert_int_not_equal(i, SIFT_NONE);
	return msg.headers[i].value;
}

#define OPTIONS_HEAD "OPTIONS sip:bob@example.com SIP/2.0\r\n"
#define BASIC_HEADERS                                                  \
	"Via: SIP/2.0/UDP pc33.example.com;branch=z9hG4bK776asdhds\r\n" \
	"To: <sip:bob@example.com>\r\n"                                 \
	"From: Alice <sip:alice@example.com>;tag=1928301774\r\n"        \
	"Call-ID: a84b4c76e66710\r\n"                                   \
	"CSeq: 314159 OPTIONS\r\n"                                      \
	"Max-Forwards: 70\r\n"

/* RFC 3261 7.1: Request-Line = Method SP Request-URI SP SIP-Version CRLF */
static void request_line_gives_method_uri_and_version(void **state)
{
	(void)state;
	assert_int_equal(parse(OPTIONS_HEAD BASIC_HEADERS "Content-Length: 0\r\n\r\n", 0), SIFT_OK);
	assert_int_equal(msg.kind, SIFT_KIND_REQUEST);
	assert_true(span_is(msg.method, "OPTIONS"));
	assert_int_equal(msg.method_id, SIFT_METHOD_OPTIONS);
	assert_true(span_is(msg.request_uri, "sip:bob@example.com"));
	assert_true(span_is(msg.version, "SIP/2.0"));
	assert_int_equal(msg.body.len, 0);
	assert_int_equal(msg.length, input_len);
}

/* RFC 3261 7.1: methods are case-sensitive; an unknown token is an extension. */
static void method_is_case_sensitive_and_extensions_are_other(void **state)
{
	(void)state;
	assert_int_equal(parse("invite sip:a@b SIP/2.0\r\n\r\n", 0), SIFT_OK);
	assert_int_equal(msg.method_id, SIFT_METHOD_OTHER);
	assert_int_equal(parse("NEWMETHOD sip:a@b SIP/2.0\r\n\r\n", 0), SIFT_OK);
	assert_int_equal(msg.method_id, SIFT_METHOD_OTHER);
	assert_int_equal(sift_method_lookup("SUBSCRIBE", 9), SIFT_METHOD_SUBSCRIBE);
}

/* RFC 3261 7.2: Status-Line = SIP-Version SP Status-Code SP Reason-Phrase CRLF */
static void status_line_gives_code_and_reason(void **state)
{
	(void)state;
	assert_int_equal(parse("SIP/2.0 180 Ringing\r\nCall-ID: x\r\n\r\n", 0), SIFT_OK);
	assert_int_equal(msg.kind, SIFT_KIND_RESPONSE);
	assert_int_equal(msg.status, 180);
	assert_true(span_is(msg.reason, "Ringing"));
}

/* RFC 3261 7.2: Status-Code is 3DIGIT, 100 to 699. */
static void status_code_must_be_three_digits_100_to_699(void **state)
{
	(void)state;
	assert_int_equal(parse("SIP/2.0 099 Low\r\n\r\n", 0), SIFT_E_STATUS_CODE);
	assert_int_equal(parse("SIP/2.0 700 High\r\n\r\n", 0), SIFT_E_STATUS_CODE);
	assert_int_equal(parse("SIP/2.0 2000 OK\r\n\r\n", 0), SIFT_E_STATUS_CODE);
	assert_int_equal(msg.error.offset, 8);
	assert_int_equal(parse("SIP/2.0 4294967301 OK\r\n\r\n", 0), SIFT_E_STATUS_CODE);
}

/* RFC 3261 7.1: only SIP/2.0 is served (505 otherwise). */
static void version_other_than_2_0_is_rejected(void **state)
{
	(void)state;
	assert_int_equal(parse("OPTIONS sip:a@b SIP/7.0\r\n\r\n", 0), SIFT_E_VERSION);
	assert_int_equal(parse("SIP/3.0 200 OK\r\n\r\n", 0), SIFT_E_VERSION);
	assert_int_equal(parse("OPTIONS sip:a@b HTTP/1.1\r\n\r\n", 0), SIFT_E_START_LINE);
}

/* RFC 3261 7.5: CRLFs before the start line are ignored. */
static void leading_crlfs_are_skipped(void **state)
{
	(void)state;
	assert_int_equal(parse("\r\n\r\nOPTIONS sip:a@b SIP/2.0\r\n\r\n", 0), SIFT_OK);
	assert_int_equal(msg.offset, 4);
	assert_true(span_is(msg.method, "OPTIONS"));
	assert_int_equal(parse("\r\n\r\n", 0), SIFT_E_EMPTY);
	assert_int_equal(parse("", 0), SIFT_E_EMPTY);
}

/* RFC 3261 7.3.1: header names are case-insensitive. */
static void header_name_case_does_not_matter(void **state)
{
	(void)state;
	assert_int_equal(parse(OPTIONS_HEAD "cAlL-iD: abc\r\nVIA: SIP/2.0/UDP h;branch=z9hG4bKx\r\n\r\n", 0),
			 SIFT_OK);
	assert_true(span_is(value_of(SIFT_H_CALL_ID), "abc"));
	assert_true(span_is(msg.headers[0].name, "cAlL-iD"));
	assert_int_equal(msg.headers[1].id, SIFT_H_VIA);
}

/*
 * RFC 3261 7.3.1: a list header's value holds a comma or is one element.
 * The index looks for the comma 64 bytes a step, the last step read from
 * the value on or as the input's last 64 bytes: a value of every length up
 * to 150 bytes, with its comma at every position or none, as the last line
 * of the header section (no body, so the value ends near the input's end)
 * and before a body, is split exactly where the comma is.
 */
static void rfc3261_7_3_1_list_value_split_at_its_comma_wherever_it_is(void **state)
{
	(void)state;
	static char text[512];
	for (size_t len = 1; len <= 150; len++) {
		for (size_t comma = 0; comma <= len; comma++) { /* len: no comma */
			for (int body = 0; body < 2; body++) {
				size_t n = 0;
				memcpy(text, OPTIONS_HEAD "Supported: ", strlen(OPTIONS_HEAD "Supported: "));
				n += strlen(OPTIONS_HEAD "Supported: ");
				for (size_t i = 0; i < len; i++)
					text[n++] = i == comma ? ',' : 'a';
				const char *tail = body ? "\r\n\r\nv=0\r\n" : "\r\n\r\n";
				memcpy(text + n, tail, strlen(tail));
				n += strlen(tail);
				assert_int_equal(parse_bytes(text, n, SIFT_OPT_INDEX_ONLY), SIFT_OK);
				assert_int_equal(msg.header_count, comma < len ? 2 : 1);
				assert_int_equal(msg.headers[0].value.len, comma < len ? comma : len);
			}
		}
	}
}

/*
 * Parses OPTIONS_HEAD, then name ": 0" (a value Content-Length takes too),
 * then a padding header when padded (so 32 bytes or more follow the name's
 * start and the index compares it with SSE2; unpadded, a short name is near
 * the end and the byte loop compares it), and returns the id of the first
 * entry, or -1 when the parse fails.
 */
static int indexed_id(const char *name, size_t len, int padded)
{
	static const char pad[] = "X-Pad: 0123456789012345678901234567890123456789\r\n";
	char text[256];
	size_t n = 0;
	/* Copied, not printed: the name may hold a NUL. */
	assert_true(strlen(OPTIONS_HEAD) + len + sizeof pad + 8 < sizeof text);
	memcpy(text, OPTIONS_HEAD, strlen(OPTIONS_HEAD));
	n += strlen(OPTIONS_HEAD);
	memcpy(text + n, name, len);
	n += len;
	memcpy(text + n, ": 0\r\n", 5);
	n += 5;
	if (padded) {
		memcpy(text + n, pad, sizeof pad - 1);
		n += sizeof pad - 1;
	}
	memcpy(text + n, "\r\n", 2);
	n += 2;
	if (parse_bytes(text, n, SIFT_OPT_INDEX_ONLY) != SIFT_OK)
		return -1;
	return msg.headers[0].id;
}

/* RFC 3261 7.3.1: every registered name is found whatever its case, and a
 * name one byte away from a registered one is what the name DFA
 * (sift_header_lookup) says it is: the perfect hash and the DFA agree. The
 * byte is every value but CR, LF and ':' (which end the name or the line)
 * and SP and HTAB (which may stand between a name and its colon),
 * so the hash's case fold (a byte | 0x20 where the name has a letter) is
 * held to A-Z and a-z only: 0x0D is not '-', 0x10 is not '0'. */
static void every_registered_name_is_indexed_in_any_case(void **state)
{
	(void)state;
	char replacements[256];
	size_t count = 0;
	for (unsigned c = 1; c < 256; c++)
		if (c != '\r' && c != '\n' && c != ':' && c != ' ' && c != '\t')
			replacements[count++] = (char)c;
	replacements[count] = 0; /* NUL itself is tried below */
	for (unsigned id = 1; id < SIFT_H_COUNT; id++) {
		const char *canonical = sift_header_name((sift_header_id)id);
		size_t len = strlen(canonical);
		char name[64];
		assert_true(len < sizeof name);
		for (size_t i = 0; i < len; i++)
			name[i] = (char)(i % 2 ? toupper((unsigned char)canonical[i])
					       : tolower((unsigned char)canonical[i]));
		for (int padded = 0; padded < 2; padded++) {
			assert_int_equal(indexed_id(canonical, len, padded), (int)id);
			assert_int_equal(indexed_id(name, len, padded), (int)id);
			for (size_t at = 0; at < len; at++) {
				for (const char *r = replacements;; r++) {
					char mutated[64];
					memcpy(mutated, name, len);
					mutated[at] = *r;
					sift_header_id expected = sift_header_lookup(mutated, len);
					int got = indexed_id(mutated, len, padded);
					/* Not a token: the parse refuses the line. */
					if (got != -1 || expected != SIFT_H_OTHER)
						assert_int_equal(got, (int)expected);
					if (!*r)
						break;
				}
			}
		}
	}
	/* Every single letter: a compact form or an extension header. */
	for (char c = 'a'; c <= 'z'; c++) {
		char upper = (char)toupper((unsigned char)c);
		for (int padded = 0; padded < 2; padded++) {
			assert_int_equal(indexed_id(&c, 1, padded), (int)sift_header_lookup(&c, 1));
			assert_int_equal(indexed_id(&upper, 1, padded), (int)sift_header_lookup(&c, 1));
		}
	}
}

/* RFC 3261 7.3.3: compact forms map to the same id. */
static void compact_forms_map_to_the_long_id(void **state)
{
	(void)state;
	assert_int_equal(parse(OPTIONS_HEAD "v: SIP/2.0/UDP h;branch=z9hG4bKx\r\ni: abc\r\nf: <sip:a@b>;tag=1\r\n"
				"t: <sip:c@d>\r\nm: <sip:e@f>\r\nl: 0\r\nk: 100rel\r\ns: hi\r\n"
				"c: text/plain\r\ne: gzip\r\n\r\n", 0),
			 SIFT_OK);
	static const sift_header_id ids[] = { SIFT_H_VIA, SIFT_H_CALL_ID, SIFT_H_FROM, SIFT_H_TO,
					      SIFT_H_CONTACT, SIFT_H_CONTENT_LENGTH, SIFT_H_SUPPORTED,
					      SIFT_H_SUBJECT, SIFT_H_CONTENT_TYPE, SIFT_H_CONTENT_ENCODING };
	for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
		assert_int_equal(msg.headers[i].id, ids[i]);
		assert_true(msg.headers[i].flags & SIFT_HF_COMPACT);
	}
	assert_int_equal(sift_header_lookup("O", 1), SIFT_H_EVENT);
	assert_int_equal(sift_header_lookup("via", 3), SIFT_H_VIA);
	assert_int_equal(sift_header_lookup("vias", 4), SIFT_H_OTHER);
}

/* RFC 3261 25: HCOLON = *( SP / HTAB ) ":" SWS */
static void white_space_around_the_colon_is_allowed(void **state)
{
	(void)state;
	assert_int_equal(parse(OPTIONS_HEAD "Call-ID \t :  \t abc  \r\nSubject   :\r\n  folded\r\n\r\n", 0),
			 SIFT_OK);
	assert_true(span_is(value_of(SIFT_H_CALL_ID), "abc"));
	assert_true(span_is(value_of(SIFT_H_SUBJECT), "folded"));
}

/* RFC 3261 7.3.1 forbids no empty values for headers like Subject. */
static void empty_values_are_indexed(void **state)
{
	(void)state;
	assert_int_equal(parse(OPTIONS_HEAD "Subject:\r\nX-Empty:   \r\nSupported:\r\n\r\n", 0), SIFT_OK);
	assert_int_equal(msg.header_count, 3);
	for (uint32_t i = 0; i < 3; i++)
		assert_int_equal(msg.headers[i].value.len, 0);
	assert_int_equal(msg.headers[1].id, SIFT_H_OTHER);
}

/* RFC 3261 7.3.1: folds stay in the buffer, flagged; sift_unfold gives one SP. */
static void folded_values_are_flagged_and_unfold_to_one_space(void **state)
{
	(void)state;
	assert_int_equal(parse(OPTIONS_HEAD "Subject: one\r\n two \r\n\tthree\r\nCall-ID: x\r\n\r\n", 0),
			 SIFT_OK);
	const sift_header *h = &msg.headers[0];
	assert_true(h->flags & SIFT_HF_FOLDED);
	assert_false(msg.headers[1].flags & SIFT_HF_FOLDED);
	char out[64];
	long n = sift_unfold(input, h->value, out, sizeof out);
	assert_int_equal(n, 13);
	assert_memory_equal(out, "one two three", 13);
	assert_int_equal(sift_unfold(input, h->value, out, 4), -1);
}

/* RFC 3261 7.3.1: a list header gives one entry per element; commas inside
 * quotes or <> do not split (index only: "x=1,2" is no valid uri-parameter). */
static void list_headers_split_outside_quotes_and_angles(void **state)
{
	(void)state;
	assert_int_equal(parse(OPTIONS_HEAD
			       "Contact: \"Doe, John\" <sip:j@a.example;x=1,2>;q=0.5, <sip:k@b.example>\r\n"
			       "Contact: sip:l@c.example\r\n"
			       "Subject: a, b, c\r\n\r\n",
			       SIFT_OPT_INDEX_ONLY),
			 SIFT_OK);
	assert_int_equal(sift_msg_count(&msg, SIFT_H_CONTACT), 3);
	uint32_t i = sift_msg_first(&msg, SIFT_H_CONTACT);
	assert_true(span_is(msg.headers[i].value, "\"Doe, John\" <sip:j@a.example;x=1,2>;q=0.5"));
	i = sift_msg_next(&msg, i);
	assert_true(span_is(msg.headers[i].value, "<sip:k@b.example>"));
	assert_true(msg.headers[i].flags & SIFT_HF_LIST);
	i = sift_msg_next(&msg, i);
	assert_true(span_is(msg.headers[i].value, "sip:l@c.example"));
	assert_int_equal(sift_msg_next(&msg, i), SIFT_NONE);
	assert_true(span_is(value_of(SIFT_H_SUBJECT), "a, b, c"));
}

/* An escaped quote inside a quoted display name does not end it. */
static void escaped_quote_does_not_end_a_quoted_string(void **state)
{
	(void)state;
	assert_int_equal(parse(OPTIONS_HEAD "Contact: \"a \\\", b\" <sip:x@y>, <sip:z@w>\r\n\r\n", 0), SIFT_OK);
	assert_int_equal(sift_msg_count(&msg, SIFT_H_CONTACT), 2);
}

/* first[] and next form a chain per id, in message order. */
static void first_and_next_chain_values_of_one_id(void **state)
{
	(void)state;
	assert_int_equal(parse(OPTIONS_HEAD "Via: SIP/2.0/UDP a;branch=z9hG4bK1\r\nY-Other: 1\r\n"
				"v: SIP/2.0/UDP b;branch=z9hG4bK2, SIP/2.0/TCP c;branch=z9hG4bK3\r\n\r\n", 0),
			 SIFT_OK);
	assert_int_equal(sift_msg_count(&msg, SIFT_H_VIA), 3);
	assert_int_equal(sift_msg_first(&msg, SIFT_H_VIA), 0);
	assert_int_equal(sift_msg_next(&msg, 0), 2);
	assert_int_equal(sift_msg_next(&msg, 2), 3);
	assert_int_equal(sift_msg_first(&msg, SIFT_H_OTHER), 1);
	assert_int_equal(sift_msg_first(&msg, SIFT_H_ROUTE), SIFT_NONE);
}

/* RFC 3261 18.3: in a datagram a smaller Content-Length ends the body there. */
static void datagram_body_ends_at_content_length(void **state)
{
	(void)state;
	assert_int_equal(parse(OPTIONS_HEAD "Content-Length: 4\r\n\r\nbodyEXTRA", 0), SIFT_OK);
	assert_true(span_is(msg.body, "body"));
	assert_int_equal(msg.length, input_len - 5);
	assert_int_equal(parse(OPTIONS_HEAD "\r\nwhole rest", 0), SIFT_OK);
	assert_true(span_is(msg.body, "whole rest"));
	assert_false(msg.has_content_length);
}

/* RFC 3261 18.3: a larger Content-Length than the datagram holds is an error. */
static void datagram_content_length_larger_than_body_is_rejected(void **state)
{
	(void)state;
	assert_int_equal(parse(OPTIONS_HEAD "Content-Length: 10\r\n\r\nshort", 0), SIFT_E_BODY_TRUNCATED);
}

/* RFC 4475 3.1.2.3, 3.3.9: negative, overflowing and conflicting lengths. */
static void content_length_negative_huge_or_conflicting_is_rejected(void **state)
{
	(void)state;
	assert_int_equal(parse(OPTIONS_HEAD "Content-Length: -1\r\n\r\n", 0), SIFT_E_CONTENT_LENGTH);
	assert_int_equal(parse(OPTIONS_HEAD "Content-Length: 4294967296\r\n\r\n", 0), SIFT_E_CONTENT_LENGTH);
	assert_int_equal(parse(OPTIONS_HEAD "Content-Length: 99999999999999999999999999\r\n\r\n", 0),
			 SIFT_E_CONTENT_LENGTH);
	assert_int_equal(parse(OPTIONS_HEAD "Content-Length: 4294967294\r\n\r\n", 0), SIFT_E_BODY_TRUNCATED);
	assert_int_equal(parse(OPTIONS_HEAD "l: 1\r\nContent-Length: 2\r\n\r\nab", 0), SIFT_E_CONTENT_LENGTH);
	assert_int_equal(parse(OPTIONS_HEAD "l: 2\r\nContent-Length: 2\r\n\r\nab", 0), SIFT_OK);
	assert_int_equal(parse(OPTIONS_HEAD "l: 2\r\nContent-Length: 2\r\n\r\nab", SIFT_OPT_STRICT),
			 SIFT_E_CONTENT_LENGTH);
	assert_int_equal(parse(OPTIONS_HEAD "Content-Length: 1 2\r\n\r\nab", 0), SIFT_E_CONTENT_LENGTH);
}

/* RFC 3261 20.14: full validation does not run Content-Length's check on
 * the values the index stored, since the index stores one only after
 * reading it as 1*DIGIT below 2^32: every value it stores passes that
 * check, in every mode, whatever the LWS and folds around it. */
static void rfc3261_20_14_every_content_length_the_index_stores_passes_its_check(void **state)
{
	(void)state;
	static const char *const values[] = {
		"0", "5", " 5", "5 ", "\t5\t", "00005", "4294967294", "4294967295", "4294967296",
		"5\r\n 6", "\r\n 5", "5\r\n ", "", " ", "x", "5x", "-5", "+5", "5;a", "5,6",
		"99999999999999999999", "\x80", "5\x01",
	};
	static const unsigned options[] = { 0, SIFT_OPT_STRICT, SIFT_OPT_INDEX_ONLY,
					    SIFT_OPT_INDEX_ONLY | SIFT_OPT_STRICT };
	char text[256];
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++)
		for (size_t o = 0; o < sizeof options / sizeof options[0]; o++)
			for (int compact = 0; compact < 2; compact++) {
				int n = snprintf(text, sizeof text, "%s%s: %s\r\n\r\nabcde", OPTIONS_HEAD,
						 compact ? "l" : "Content-Length", values[i]);
				parse_bytes(text, (size_t)n, options[o]);
				for (uint32_t at = sift_msg_first(&msg, SIFT_H_CONTENT_LENGTH);
				     at != SIFT_NONE; at = msg.headers[at].next) {
					sift_error error;
					if (sift_header_validate(input, SIFT_H_CONTENT_LENGTH,
								 msg.headers[at].value, options[o],
								 &error) != SIFT_OK)
						fail_msg("Content-Length \"%s\" (options %u) stored but "
							 "refused by its check at %u (%s)",
							 values[i], options[o], error.offset, error.rule);
				}
			}
}

/* RFC 3261 20.14: the index reads the common ": digits" form of
 * Content-Length without its general path (trimming, the digit rule); the
 * same digits with more LWS around them take the general path. Both give
 * the same code and length, alone and repeated, in every mode. */
static void rfc3261_20_14_content_length_common_form_reads_as_the_general_one(void **state)
{
	(void)state;
	static const char *const numbers[] = {
		"0", "5", "05", "00000000000000000000005", "4294967294", "4294967295",
		"4294967296", "18446744073709551621", "99999999999999999999", "1x", "x1",
		"1 1", "-1", "+1",
	};
	static const unsigned options[] = { 0, SIFT_OPT_STRICT, SIFT_OPT_INDEX_ONLY };
	char text[512];
	for (size_t i = 0; i < sizeof numbers / sizeof numbers[0]; i++)
		for (size_t j = 0; j < sizeof numbers / sizeof numbers[0]; j++)
			for (size_t o = 0; o < sizeof options / sizeof options[0]; o++) {
				sift_code codes[2];
				uint32_t lengths[2];
				for (int general = 0; general < 2; general++) {
					const char *lws = general ? "  \t" : "";
					int n = snprintf(text, sizeof text,
							 "%sContent-Length: %s%s%s\r\nl: %s%s%s\r\n\r\n",
							 OPTIONS_HEAD, lws, numbers[i], lws, lws,
							 numbers[j], lws);
					codes[general] = parse_bytes(text, (size_t)n, options[o]);
					lengths[general] = msg.content_length;
				}
				if (codes[0] != codes[1] ||
				    (codes[0] == SIFT_OK && lengths[0] != lengths[1]))
					fail_msg("Content-Length %s then %s (options %u): %d/%u, with LWS "
						 "%d/%u",
						 numbers[i], numbers[j], options[o], (int)codes[0],
						 lengths[0], (int)codes[1], lengths[1]);
			}
}

/* RFC 3261 8.1.1.5: CSeq is a 32-bit unsigned integer (RFC 4475 3.1.2.4). */
static void cseq_overflow_is_a_range_error(void **state)
{
	(void)state;
	assert_int_equal(parse(OPTIONS_HEAD "CSeq: 4294967295 OPTIONS\r\n\r\n", 0), SIFT_OK);
	assert_int_equal(parse(OPTIONS_HEAD "CSeq: 4294967296 OPTIONS\r\n\r\n", 0), SIFT_E_NUMBER_RANGE);
	assert_int_equal(parse(OPTIONS_HEAD "CSeq: 36893488147419103232 OPTIONS\r\n\r\n", 0),
			 SIFT_E_NUMBER_RANGE);
	assert_int_equal(msg.error.header_id, SIFT_H_CSEQ);
	/* index only does not look at CSeq */
	assert_int_equal(parse(OPTIONS_HEAD "CSeq: 36893488147419103232 OPTIONS\r\n\r\n", SIFT_OPT_INDEX_ONLY),
			 SIFT_OK);
}

/* RFC 3261 8.1.1.5: the CSeq method matches the request method. */
static void cseq_method_must_match_request_method(void **state)
{
	(void)state;
	assert_int_equal(parse(OPTIONS_HEAD "CSeq: 1 INVITE\r\n\r\n", 0), SIFT_E_CSEQ_METHOD);
	assert_int_equal(parse(OPTIONS_HEAD "CSeq: 1 options\r\n\r\n", 0), SIFT_E_CSEQ_METHOD);
}

/* RFC 3261 17.1.3, 17.2.3: a transaction is matched on the top Via's
 * branch and sent-by and the CSeq method, so full validation keeps the
 * first Via and the CSeq it parsed, as sift_via_parse() and
 * sift_cseq_parse() give them; an index-only parse keeps neither. */
static void rfc3261_17_2_3_full_parse_keeps_top_via_and_cseq(void **state)
{
	(void)state;
	const char *text = "INVITE sip:bob@example.com SIP/2.0\r\n"
			   "Via: SIP/2.0/TCP client.example.com:5070;branch=z9hG4bK74bf9;rport,"
			   " SIP/2.0/UDP proxy.example.net;branch=z9hG4bKother\r\n"
			   "Via: SIP/2.0/UDP third.example.org;maddr=192.0.2.1;branch=z9hG4bKthird\r\n"
			   "CSeq: 4711 INVITE\r\n\r\n";
	assert_int_equal(parse(text, 0), SIFT_OK);
	assert_true(msg.has_top_via);
	assert_true(span_is(msg.top_via.transport, "TCP"));
	assert_true(span_is(msg.top_via.host, "client.example.com"));
	assert_int_equal(msg.top_via.port, 5070);
	assert_true(span_is(msg.top_via.branch, "z9hG4bK74bf9"));
	assert_true(msg.top_via.has_rport);
	assert_true(span_is(msg.top_via.params, "branch=z9hG4bK74bf9;rport"));
	assert_true(msg.has_cseq);
	assert_int_equal(msg.cseq.number, 4711);
	assert_true(span_is(msg.cseq.method, "INVITE"));
	assert_int_equal(msg.cseq.method_id, SIFT_METHOD_INVITE);
	/* What sift_via_parse() gives for the same value. */
	sift_via via;
	assert_int_equal(sift_via_parse(input, msg.headers[sift_msg_first(&msg, SIFT_H_VIA)].value,
					0, &via, NULL),
			 SIFT_OK);
	assert_memory_equal(&via.branch, &msg.top_via.branch, sizeof via.branch);
	assert_memory_equal(&via.host, &msg.top_via.host, sizeof via.host);

	/* A top Via with white space inside is kept the same way. */
	assert_int_equal(parse("OPTIONS sip:bob@example.com SIP/2.0\r\n"
			       "Via: SIP / 2.0 / UDP host.example.com ; branch = z9hG4bKsp\r\n"
			       "CSeq: 1 OPTIONS\r\n\r\n",
			       0),
			 SIFT_OK);
	assert_true(msg.has_top_via);
	assert_true(span_is(msg.top_via.branch, "z9hG4bKsp"));
	assert_true(span_is(msg.top_via.protocol_version, "2.0"));

	/* Index only: neither is parsed. */
	assert_int_equal(parse(text, SIFT_OPT_INDEX_ONLY), SIFT_OK);
	assert_false(msg.has_top_via);
	assert_false(msg.has_cseq);

	/* Without the headers, or when the parse fails at the Via. */
	assert_int_equal(parse(OPTIONS_HEAD "Call-ID: a\r\n\r\n", 0), SIFT_OK);
	assert_false(msg.has_top_via);
	assert_false(msg.has_cseq);
	assert_int_equal(parse(OPTIONS_HEAD "CSeq: 2 OPTIONS\r\nVia: SIP/2.0/UDP ;x\r\n\r\n", 0),
			 SIFT_E_HEADER_VALUE);
	assert_false(msg.has_top_via);
	assert_true(msg.has_cseq);
	assert_int_equal(msg.cseq.number, 2);
}

/* The whole Via grammar alone, without sift_via_parse()'s fast path
 * (src/hdr/via.c). */
sift_code sift__via_parse_general(const char *buf, sift_span value, unsigned options,
				  sift_via *out, sift_error *err);

static int spans_equal(sift_span a, sift_span b)
{
	return a.off == b.off && a.len == b.len;
}

/* RFC 3261 20.42: sift_via_parse() reads the common via-parm on a fast
 * path; for every value, common or near it, it gives what the whole
 * grammar gives: the same code, the same fields, the same error. */
static void rfc3261_20_42_via_fast_path_gives_what_the_grammar_gives(void **state)
{
	(void)state;
	static const char *const values[] = {
		"SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds",
		"SIP/2.0/UDP pc33.atlanta.example.com:5060;branch=z9hG4bK776asdhds;rport",
		"SIP/2.0/TCP 192.0.2.1:65535;received=192.0.2.200;rport=5061;branch=z9hG4bKx",
		"SIP/2.0/TLS [2001:db8::9:1]:5061;branch=z9hG4bKv6",
		"SIP/2.0/SCTP h.example.com;BRANCH=z9hG4bKcase;Received=10.0.0.1;RPORT",
		"SIP/2.0/WSS h.example.com;branch=first;branch=second;rport=1;rport",
		"SIP/2.0/UDP h.example.com;branch=z9hG4bKa;x-ext;y-ext=token.value;hidden",
		"SIP/2.0/UDP h.example.com:65536;branch=z9hG4bKport",
		"SIP/2.0/UDP h.example.com:000005060;branch=z9hG4bKzeros",
		"SIP/2.0/UDP h.example.com:;branch=z9hG4bKnoport",
		"SIP/2.0/UDP h.example.com;maddr=224.2.0.1;ttl=16;branch=z9hG4bKm",
		"SIP/2.0/UDP h.example.com;received=2001:db8::1;branch=z9hG4bKv6r",
		"SIP/2.0/UDP h.example.com;received=[2001:db8::1]",
		"SIP/2.0/UDP h.example.com;received=192.0.2.300",
		"SIP/2.0/UDP h.example.com;branch",
		"SIP/2.0/UDP h.example.com;branch=",
		"SIP/2.0/UDP h.example.com;rport=x",
		"SIP/2.0/UDP h.example.com;ext=\"quoted value\"",
		"SIP/2.0/UDP h.example.com;",
		"SIP/2.0/UDP h.example.com;;branch=z9hG4bKempty",
		"SIP/2.0/UDP h.example.com ;branch=z9hG4bKsws",
		"SIP/2.0/UDP  h.example.com;branch=z9hG4bKtwo",
		"SIP/2.0/UDP h.example.com;branch=z9hG4bKa,",
		"SIP/2.0/UDP",
		"SIP/2.0/UDP ",
		"SIP/2.0/ UDP h.example.com",
		"SIP/2.0/UDPX h.example.com",
		"SIP/2.0/UD",
		"SIP/3.0/UDP h.example.com;branch=z9hG4bKv3",
		"sip/2.0/udp h.example.com;branch=z9hG4bKlower",
		"SIP/2.0/UDP h.example.com.;branch=z9hG4bKdot",
		"SIP/2.0/UDP -bad.example.com;branch=z9hG4bKdash",
		/* the received, rport, port and name shortcuts of the fast path */
		"SIP/2.0/UDP proxy1.example.net:5060;branch=z9hG4bKp1x7sd8f9g0h1j2;received=198.51.100.11;rport=5060",
		"SIP/2.0/UDP h.example.com:5060;branch=z9hG4bKa;rport=5060;received=192.0.2.101",
		"SIP/2.0/UDP h.example.com;received=255.255.255.255;rport=65535",
		"SIP/2.0/UDP h.example.com;received=0.0.0.0;branch=z9hG4bKzero",
		"SIP/2.0/UDP h.example.com;received=256.1.1.1;branch=z9hG4bKbig",
		"SIP/2.0/UDP h.example.com;received=01.2.3.4;branch=z9hG4bKlead",
		"SIP/2.0/UDP h.example.com;received=1.2.3.4x;branch=z9hG4bKtail",
		"SIP/2.0/UDP h.example.com;received=1.2.3.4.5;branch=z9hG4bKfive",
		"SIP/2.0/UDP h.example.com;received=1..2.3;branch=z9hG4bKempty",
		"SIP/2.0/UDP h.example.com;received=.1.2.3;branch=z9hG4bKdot",
		"SIP/2.0/UDP h.example.com;received=1.2.3.;branch=z9hG4bKdot",
		"SIP/2.0/UDP h.example.com;received=1234567890123456789;branch=z9hG4bKrun",
		"SIP/2.0/UDP h.example.com;received=;branch=z9hG4bKnone",
		"SIP/2.0/UDP h.example.com;received;branch=z9hG4bKnovalue",
		"SIP/2.0/UDP h.example.com;received=249.250.251.252",
		"SIP/2.0/UDP h.example.com;received=10.0.0.1",
		"SIP/2.0/UDP h.example.com:50600;rport=123456;branch=z9hG4bKlong",
		"SIP/2.0/UDP h.example.com:506;rport=12345;branch=z9hG4bKshort",
		"SIP/2.0/UDP h.example.com:5a60;branch=z9hG4bKhex",
		"SIP/2.0/UDP h.example.com:0;rport=0",
		"SIP/2.0/UDP h.example.com:9999;rport=1234;branch=z9hG4bK4digits",
		"SIP/2.0/UDP h.example.com:0000;rport=0999",
		"SIP/2.0/UDP h.example.com:1029",
		"SIP/2.0/UDP h.example.com:8765;branch=z9hG4bK4",
		"SIP/2.0/UDP h.example.com:00000;rport=00000",
		"SIP/2.0/UDP h.example.com:65536;rport=5060",
		"SIP/2.0/UDP h.example.com:5060;rport=5060;branch=z9hG4bK:x",
		"SIP/2.0/UDP h.example.com;rport,;branch=z9hG4bKcomma",
		"SIP/2.0/UDP h.example.com;rportx=1;branchx=2;receivedx=3",
		"SIP/2.0/UDP h.example.com;Rport=1;bRanch=b;RECEIVED=1.2.3.4",
		"SIP/2.0/UDP h.example.com;rport=;branch=z9hG4bKempty",
		"SIP/2.0/UDP h.example.com;branch=z9hG4bK~tilde_underscore+plus",
		"SIP/2.0/UDP h.example.com;branch=",
		"SIP/2.0/UDP h.example.com;branch=;rport",
	};
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
		size_t len = strlen(values[i]);
		for (size_t cut = 0; cut <= len; cut++) {
			char *copy = malloc(cut ? cut : 1);
			memcpy(copy, values[i], cut);
			sift_span value = { 0, (uint32_t)cut };
			sift_via fast, general;
			sift_error fast_error = { 0, 0, NULL, 0 }, general_error = { 0, 0, NULL, 0 };
			sift_code fast_code = sift_via_parse(copy, value, 0, &fast, &fast_error);
			sift_code general_code =
				sift__via_parse_general(copy, value, 0, &general, &general_error);
			if (fast_code != general_code ||
			    (fast_code != SIFT_OK && fast_error.offset != general_error.offset) ||
			    (fast_code == SIFT_OK &&
			     !(spans_equal(fast.protocol_name, general.protocol_name) &&
			       spans_equal(fast.protocol_version, general.protocol_version) &&
			       spans_equal(fast.transport, general.transport) &&
			       spans_equal(fast.host, general.host) &&
			       fast.host_kind == general.host_kind &&
			       spans_equal(fast.port_text, general.port_text) &&
			       fast.port == general.port && fast.has_port == general.has_port &&
			       fast.has_rport == general.has_rport &&
			       spans_equal(fast.params, general.params) &&
			       spans_equal(fast.branch, general.branch) &&
			       spans_equal(fast.received, general.received) &&
			       spans_equal(fast.rport, general.rport) &&
			       spans_equal(fast.maddr, general.maddr) &&
			       spans_equal(fast.ttl, general.ttl)))) {
				print_message("Via \"%.*s\": fast path %d, whole grammar %d\n", (int)cut,
					      values[i], (int)fast_code, (int)general_code);
				free(copy);
				fail();
			}
			/* full validation's verdict-only check: the same code, offset and rule */
			sift_error check_error = { 0, 0, NULL, 0 };
			sift_code check_code = sift_header_validate(copy, SIFT_H_VIA, value, 0, &check_error);
			if (check_code != general_code ||
			    (check_code != SIFT_OK && (check_error.offset != general_error.offset ||
						       check_error.rule != general_error.rule))) {
				print_message("Via \"%.*s\": check %d, whole grammar %d\n", (int)cut,
					      values[i], (int)check_code, (int)general_code);
				free(copy);
				fail();
			}
			free(copy);
		}
	}
}

/* RFC 3261 7: lines end in CRLF; a CR alone is an error. */
static void cr_without_lf_is_rejected(void **state)
{
	(void)state;
	assert_int_equal(parse(OPTIONS_HEAD "Subject: a\rb\r\n\r\n", 0), SIFT_E_LINE_END);
	assert_int_equal(msg.error.offset, strlen(OPTIONS_HEAD "Subject: a"));
	assert_int_equal(parse("OPTIONS sip:a@b SIP/2.0\r\rCall-ID: x\r\n\r\n", 0), SIFT_E_LINE_END);
}

/* Bare LF: accepted by default (peers send it), rejected when strict. */
static void bare_lf_is_accepted_by_default_and_rejected_when_strict(void **state)
{
	(void)state;
	const char *text = "OPTIONS sip:a@b SIP/2.0\nCall-ID: x\nSubject: a\n b\nContent-Length: 2\n\nhi";
	assert_int_equal(parse(text, 0), SIFT_OK);
	assert_true(span_is(value_of(SIFT_H_CALL_ID), "x"));
	assert_true(span_is(msg.body, "hi"));
	assert_int_equal(parse(text, SIFT_OPT_STRICT), SIFT_E_LINE_END);
	assert_int_equal(msg.error.offset, strlen("OPTIONS sip:a@b SIP/2.0"));
}

/* NUL bytes: a header value may not hold one (RFC 3261 25 header-value);
 * the body may hold anything; nothing stops at a NUL. */
static void nul_bytes_in_headers_and_body(void **state)
{
	(void)state;
	static const char with_nul_header[] = OPTIONS_HEAD "X-Bin: a\0b\r\nContent-Length: 0\r\n\r\n";
	assert_int_equal(parse_bytes(with_nul_header, sizeof with_nul_header - 1, SIFT_OPT_INDEX_ONLY), SIFT_OK);
	assert_int_equal(msg.headers[0].value.len, 3);
	assert_int_equal(parse_bytes(with_nul_header, sizeof with_nul_header - 1, 0), SIFT_E_HEADER_VALUE);
	assert_int_equal(msg.error.offset, strlen(OPTIONS_HEAD "X-Bin: a"));
	static const char with_nul_body[] = OPTIONS_HEAD "Content-Length: 5\r\n\r\na\0b\0c";
	assert_int_equal(parse_bytes(with_nul_body, sizeof with_nul_body - 1, 0), SIFT_OK);
	assert_int_equal(msg.body.len, 5);
	static const char nul_in_name[] = OPTIONS_HEAD "X\0Y: 1\r\n\r\n";
	assert_int_equal(parse_bytes(nul_in_name, sizeof nul_in_name - 1, 0), SIFT_E_HEADER_LINE);
}

/* 8-bit bytes (UTF-8 and not) in values and the reason phrase (RFC 4475 3.1.1.12). */
static void eight_bit_bytes_are_accepted_in_text(void **state)
{
	(void)state;
	assert_int_equal(parse("SIP/2.0 200 \xd0\x9e\xd0\x9a\r\nSubject: \xe2\x82\xac \xff\xfe\r\n\r\n", 0), SIFT_OK);
	assert_int_equal(msg.reason.len, 4);
	assert_int_equal(value_of(SIFT_H_SUBJECT).len, 6);
}

/* A 64 KiB header value is indexed whole. */
static void a_64_kib_header_value_is_indexed(void **state)
{
	(void)state;
	size_t n = 65536;
	size_t head = strlen(OPTIONS_HEAD "X-Big: ");
	char *text = malloc(head + n + 4);
	memcpy(text, OPTIONS_HEAD "X-Big: ", head);
	memset(text + head, 'a', n);
	memcpy(text + head + n, "\r\n\r\n", 4);
	assert_int_equal(parse_bytes(text, head + n + 4, 0), SIFT_OK);
	assert_int_equal(msg.headers[0].value.len, n);
	free(text);
}

/* 500 headers are indexed; the chain for one id links all of them. */
static void five_hundred_headers_are_indexed(void **state)
{
	(void)state;
	char *text = malloc(64 * 501);
	size_t len = (size_t)sprintf(text, "%s", OPTIONS_HEAD);
	for (int i = 0; i < 500; i++)
		len += (size_t)sprintf(text + len, "Route: <sip:p%d.example.com;lr>\r\n", i);
	len += (size_t)sprintf(text + len, "\r\n");
	assert_int_equal(parse_bytes(text, len, 0), SIFT_OK);
	assert_int_equal(msg.header_count, 500);
	assert_int_equal(sift_msg_count(&msg, SIFT_H_ROUTE), 500);
	free(text);
}

/* The index capacity is the caller's: running out is an error, and the
 * entries before it are kept (nothing parsed is lost). */
static void full_index_is_an_error_and_keeps_what_was_parsed(void **state)
{
	(void)state;
	sift_header small[3];
	const char text[] = OPTIONS_HEAD "X-A: 1\r\nX-B: 2\r\nX-C: 3\r\nX-D: 4\r\n\r\n";
	sift_msg m;
	sift_msg_init(&m, small, 3);
	assert_int_equal(sift_parse(&m, text, sizeof text - 1, 0), SIFT_E_TOO_MANY_HEADERS);
	assert_int_equal(m.header_count, 3);
	assert_int_equal(m.error.offset, strlen(OPTIONS_HEAD "X-A: 1\r\nX-B: 2\r\nX-C: 3\r\n"));
	assert_int_equal(sift_msg_init(&m, small, 0), SIFT_E_ARGUMENT);
	assert_int_equal(sift_msg_init(&m, NULL, 3), SIFT_E_ARGUMENT);
}

/* On a header error, the start line and earlier headers stay available. */
static void error_keeps_start_line_and_earlier_headers(void **state)
{
	(void)state;
	assert_int_equal(parse(OPTIONS_HEAD "Call-ID: abc\r\nVia: SIP/2.0/UDP h;;\r\n\r\n", 0), SIFT_E_HEADER_VALUE);
	assert_true(span_is(msg.method, "OPTIONS"));
	assert_true(span_is(value_of(SIFT_H_CALL_ID), "abc"));
	assert_int_equal(msg.error.header_id, SIFT_H_VIA);
	assert_string_equal(msg.error.rule, "via-params");
	char text[256];
	sift_error_format(&msg.error, text, sizeof text);
	assert_non_null(strstr(text, "Via: expected via-params at offset"));
}

/* RFC 3261 7: the header section ends in an empty line. */
static void missing_empty_line_is_reported(void **state)
{
	(void)state;
	assert_int_equal(parse(OPTIONS_HEAD "Call-ID: abc\r\n", 0), SIFT_E_NO_BODY_SEPARATOR);
	assert_int_equal(parse(OPTIONS_HEAD "Call-ID: abc", 0), SIFT_E_NO_BODY_SEPARATOR);
	assert_int_equal(parse("OPTIONS sip:a@b SIP/2.0", 0), SIFT_E_NO_BODY_SEPARATOR);
}

/* Header lines need a token name and a colon (RFC 3261 7.3.1). */
static void malformed_header_lines_are_rejected(void **state)
{
	(void)state;
	assert_int_equal(parse(OPTIONS_HEAD "NoColonHere\r\n\r\n", 0), SIFT_E_HEADER_LINE);
	assert_int_equal(parse(OPTIONS_HEAD ": novalue\r\n\r\n", 0), SIFT_E_HEADER_LINE);
	assert_int_equal(parse(OPTIONS_HEAD " leading: space\r\n\r\n", 0), SIFT_E_HEADER_LINE);
	assert_int_equal(parse(OPTIONS_HEAD "Bad Name: x\r\n\r\n", 0), SIFT_E_HEADER_LINE);
}

/* Method tokens running into the end of the input are not read past. */
static void truncated_start_lines_do_not_read_past_the_end(void **state)
{
	(void)state;
	static const char *const prefixes[] = { "I", "INVITE", "INVITE ", "INVITE s", "INVITE sip:a@b",
						"INVITE sip:a@b ", "INVITE sip:a@b SIP/2", "SIP/2.0 20",
						"SIP/2.0 200", "SIP/" };
	for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
		assert_int_not_equal(parse(prefixes[i], 0), SIFT_OK);
}

/* A %-escape at the very end of a URI (the peers' "Contact: %" advisory). */
static void percent_escape_at_the_end_of_a_uri_is_rejected(void **state)
{
	(void)state;
	assert_int_equal(parse_bytes(OPTIONS_HEAD "Contact: %", strlen(OPTIONS_HEAD "Contact: %"), 0),
			 SIFT_E_NO_BODY_SEPARATOR);
	assert_int_equal(parse(OPTIONS_HEAD "Contact: %\r\n\r\n", 0), SIFT_E_URI);
	assert_int_equal(parse(OPTIONS_HEAD "Contact: <sip:a%4@b>\r\n\r\n", 0), SIFT_E_URI);
	assert_int_equal(parse(OPTIONS_HEAD "Contact: <sip:a%\r\n\r\n", 0), SIFT_E_HEADER_VALUE);
	assert_int_equal(parse("OPTIONS sip:a%2 SIP/2.0\r\n\r\n", 0), SIFT_E_URI);
}

/* Request-URI: no <> (RFC 4475 3.1.2.7), one SP each side (3.1.2.9). */
static void request_uri_spacing_and_brackets(void **state)
{
	(void)state;
	assert_int_equal(parse("OPTIONS <sip:a@b> SIP/2.0\r\n\r\n", 0), SIFT_E_START_LINE);
	assert_int_equal(parse("OPTIONS  sip:a@b SIP/2.0\r\n\r\n", 0), SIFT_E_START_LINE);
	assert_int_equal(parse("OPTIONS sip:a@b  SIP/2.0\r\n\r\n", 0), SIFT_E_START_LINE);
	assert_int_equal(parse("OPTIONS sip:a@b SIP/2.0  \r\n\r\n", 0), SIFT_OK);
	assert_int_equal(parse("OPTIONS sip:a@b SIP/2.0  \r\n\r\n", SIFT_OPT_STRICT), SIFT_E_START_LINE);
}

/* --- streams ------------------------------------------------------------- */

#define STREAM_MSG(body) OPTIONS_HEAD "Call-ID: s\r\nContent-Length: " body "\r\n\r\n"

/* RFC 3261 18.3: on a stream, Content-Length delimits messages. */
static void several_messages_in_one_stream_buffer(void **state)
{
	(void)state;
	const char stream[] = STREAM_MSG("3") "abc" "\r\n\r\n" STREAM_MSG("0") "\r\n" STREAM_MSG("2") "xy";
	size_t at = 0, len = sizeof stream - 1;
	int kinds[16], count = 0;
	sift_frame_result r;
	while (at < len && count < 16) {
		sift_frame(stream + at, len - at, 0, &r);
		kinds[count++] = r.kind;
		assert_true(r.kind != SIFT_FRAME_ERROR && r.kind != SIFT_FRAME_NEED_MORE);
		if (r.kind == SIFT_FRAME_MESSAGE) {
			sift_msg_init(&msg, storage, CAPACITY);
			assert_int_equal(sift_parse(&msg, stream + at, r.length, SIFT_OPT_STREAM), SIFT_OK);
			assert_int_equal(msg.length, r.length);
		}
		at += r.length;
	}
	assert_int_equal(at, len);
	int expected[] = { SIFT_FRAME_MESSAGE, SIFT_FRAME_PING, SIFT_FRAME_MESSAGE, SIFT_FRAME_PONG,
			   SIFT_FRAME_MESSAGE };
	assert_int_equal(count, 5);
	assert_memory_equal(kinds, expected, sizeof expected);
}

/* Framing a message split at every byte: need more, then exactly one message. */
static void message_split_at_every_byte_position(void **state)
{
	(void)state;
	const char text[] = STREAM_MSG("5") "hello";
	size_t len = sizeof text - 1;
	for (size_t cut = 1; cut <= len; cut++) {
		char *part = malloc(cut);
		memcpy(part, text, cut);
		sift_frame_result r;
		sift_frame_kind kind = sift_frame(part, cut, 0, &r);
		if (cut < len)
			assert_int_equal(kind, SIFT_FRAME_NEED_MORE);
		else {
			assert_int_equal(kind, SIFT_FRAME_MESSAGE);
			assert_int_equal(r.length, len);
		}
		free(part);
	}
}

/* RFC 3261 18.3, 20.14: Content-Length is mandatory on streams. */
static void stream_without_content_length_is_a_framing_error(void **state)
{
	(void)state;
	const char text[] = OPTIONS_HEAD "Call-ID: s\r\n\r\n";
	sift_frame_result r;
	assert_int_equal(sift_frame(text, sizeof text - 1, 0, &r), SIFT_FRAME_ERROR);
	assert_int_equal(r.error.code, SIFT_E_CONTENT_LENGTH);
	assert_int_equal(parse(text, SIFT_OPT_STREAM), SIFT_E_CONTENT_LENGTH);
	assert_int_equal(parse(OPTIONS_HEAD "Content-Length: x\r\n\r\n", SIFT_OPT_STREAM), SIFT_E_CONTENT_LENGTH);
}

/* A huge Content-Length on a stream waits for bytes; an overflowing one is an error. */
static void stream_huge_content_length(void **state)
{
	(void)state;
	const char wait[] = OPTIONS_HEAD "Content-Length: 4000000000\r\n\r\n";
	const char overflow[] = OPTIONS_HEAD "Content-Length: 18446744073709551617\r\n\r\n";
	sift_frame_result r;
	assert_int_equal(sift_frame(wait, sizeof wait - 1, 0, &r), SIFT_FRAME_NEED_MORE);
	assert_int_equal(sift_frame(overflow, sizeof overflow - 1, 0, &r), SIFT_FRAME_ERROR);
	assert_int_equal(r.error.code, SIFT_E_CONTENT_LENGTH);
}

/* RFC 5626 4.4.1: CRLFCRLF is a ping, CRLF a pong; a server waits on a lone CRLF. */
static void keep_alive_ping_and_pong(void **state)
{
	(void)state;
	sift_frame_result r;
	assert_int_equal(sift_frame("\r\n\r\n", 4, 0, &r), SIFT_FRAME_PING);
	assert_int_equal(r.length, 4);
	assert_int_equal(sift_frame("\r\n", 2, 0, &r), SIFT_FRAME_PONG);
	assert_int_equal(r.length, 2);
	assert_int_equal(sift_frame("\r\n", 2, SIFT_OPT_RECEIVES_PINGS, &r), SIFT_FRAME_NEED_MORE);
	assert_int_equal(sift_frame("\r\n\r", 3, 0, &r), SIFT_FRAME_NEED_MORE);
	assert_int_equal(sift_frame("\r", 1, 0, &r), SIFT_FRAME_NEED_MORE);
	assert_int_equal(sift_frame("\r\nOPT", 5, 0, &r), SIFT_FRAME_PONG);
	assert_int_equal(sift_frame("\rX", 2, 0, &r), SIFT_FRAME_ERROR);
	assert_int_equal(sift_frame("", 0, 0, &r), SIFT_FRAME_NEED_MORE);
}

/* A broken header line does not stop framing: sift_parse reports it. */
static void framing_survives_a_malformed_header(void **state)
{
	(void)state;
	const char text[] = OPTIONS_HEAD "garbage line\r\nContent-Length: 2\r\n\r\nhi";
	sift_frame_result r;
	assert_int_equal(sift_frame(text, sizeof text - 1, 0, &r), SIFT_FRAME_MESSAGE);
	assert_int_equal(r.length, sizeof text - 1);
	assert_int_equal(parse(text, SIFT_OPT_STREAM), SIFT_E_HEADER_LINE);
}

/* Arguments: NULLs and oversize inputs are refused, not crashed on. */
static void bad_arguments_are_refused(void **state)
{
	(void)state;
	sift_msg_init(&msg, storage, CAPACITY);
	assert_int_equal(sift_parse(&msg, NULL, 10, 0), SIFT_E_ARGUMENT);
	assert_int_equal(sift_parse(NULL, "x", 1, 0), SIFT_E_ARGUMENT);
	assert_int_equal(sift_frame("x", 1, 0, NULL), SIFT_FRAME_ERROR);
	assert_non_null(sift_strerror(SIFT_CODE_COUNT));
	assert_string_equal(sift_code_name(SIFT_E_URI), "URI");
	assert_null(sift_header_name((sift_header_id)9999));
}

static int teardown(void **state)
{
	(void)state;
	free(input);
	input = NULL;
	return 0;
}

/* RFC 3261 25: header-value = *(TEXT-UTF8char / UTF8-CONT / LWS), so a
 * control byte anywhere in a long value without a typed parser (Subject) is
 * reported at its own offset: before, inside and after each 16-byte block
 * of the SIMD check, and HTAB and 0x80-0xFF are not reported. */
static void control_byte_in_long_header_text_is_found_at_its_offset(void **state)
{
	(void)state;
	char text[512];
	const char *head = OPTIONS_HEAD BASIC_HEADERS "Subject: ";
	for (size_t at = 0; at < 70; at++) {
		size_t n = (size_t)snprintf(text, sizeof text, "%s", head);
		size_t value = n;
		for (size_t i = 0; i < 80; i++)
			text[n++] = i % 7 == 3 ? '\t' : i % 5 == 1 ? (char)0xC3 : 'x';
		text[value + at] = at % 2 ? 0x7F : 0x01;
		n += (size_t)snprintf(text + n, sizeof text - n, "\r\n\r\n");
		assert_int_equal(parse_bytes(text, n, 0), SIFT_E_HEADER_VALUE);
		assert_int_equal(msg.error.offset, value + at);
	}
	size_t n = (size_t)snprintf(text, sizeof text, "%s", head);
	for (size_t i = 0; i < 80; i++)
		text[n++] = i % 7 == 3 ? '\t' : i % 5 == 1 ? (char)0xC3 : 'x';
	n += (size_t)snprintf(text + n, sizeof text - n, "\r\n\r\n");
	assert_int_equal(parse_bytes(text, n, 0), SIFT_OK);
}

/* RFC 3261 20.8: callid = word [ "@" word ]; the parts split at the '@'. */
static void rfc3261_20_8_call_id_parts(void **state)
{
	(void)state;
	const char *text = " f81d4fae-7dec-11d0-a765-00a0c91e6bf6@foo.bar.com ";
	sift_span value = { 0, (uint32_t)strlen(text) };
	sift_callid callid;
	assert_int_equal(sift_callid_parse(text, value, 0, &callid, NULL), SIFT_OK);
	assert_int_equal(callid.id.off, 1);
	assert_int_equal(callid.id.len, 48);
	assert_int_equal(callid.local.len, 36);
	assert_true(callid.has_host);
	assert_memory_equal(text + callid.host.off, "foo.bar.com", 11);
	text = "abc";
	value.len = 3;
	assert_int_equal(sift_callid_parse(text, value, 0, &callid, NULL), SIFT_OK);
	assert_false(callid.has_host);
	assert_int_equal(callid.local.len, 3);
	sift_error err;
	text = "a@b@c";
	value.len = 5;
	assert_int_equal(sift_callid_parse(text, value, 0, &callid, &err), SIFT_E_HEADER_VALUE);
	assert_int_equal(err.offset, 3);
	assert_string_equal(err.rule, "callid");
}

/* RFC 3261 20.17: the example Date, its fields; and "GMT" is required. */
static void rfc3261_20_17_date_fields(void **state)
{
	(void)state;
	const char *text = "Sat, 13 Nov 2010 23:29:00 GMT";
	sift_span value = { 0, (uint32_t)strlen(text) };
	sift_date date;
	assert_int_equal(sift_date_parse(text, value, 0, &date, NULL), SIFT_OK);
	assert_int_equal(date.weekday, 6);
	assert_int_equal(date.day, 13);
	assert_int_equal(date.month, 11);
	assert_int_equal(date.year, 2010);
	assert_int_equal(date.hour, 23);
	assert_int_equal(date.minute, 29);
	assert_int_equal(date.second, 0);
	sift_error err;
	text = "Sat, 13 Nov 2010 23:29:00 PST";
	assert_int_equal(sift_date_parse(text, value, 0, &date, &err), SIFT_E_HEADER_VALUE);
	assert_string_equal(err.rule, "rfc1123-date");
}

/* RFC 3261 7.2, 25: Reason-Phrase = *(reserved / unreserved / escaped /
 * UTF8-NONASCII / UTF8-CONT / SP / HTAB). Full validation reads the run
 * of bytes that are a whole element on their own without the DFA, and
 * hands the rest to it; the two must end alike. Every byte, alone and
 * between plain ones, before and after an escape, and every pair of bytes
 * from a set that holds each kind of element and its neighbours. */
const char *sift__match_reason_phrase(const char *p, const char *end);
const char *sift__match_reason_phrase_fast(const char *p, const char *end);

static void reason_phrase_ends_agree(const char *text, size_t length)
{
	char *copy = malloc(length ? length : 1);
	memcpy(copy, text, length);
	const char *got = sift__match_reason_phrase_fast(copy, copy + length);
	const char *want = sift__match_reason_phrase(copy, copy + length);
	if (got != want) {
		print_message("reason phrase of %zu bytes: %ld, DFA %ld\n", length,
			      (long)(got - copy), (long)(want - copy));
		free(copy);
		fail();
	}
	free(copy);
}

static void rfc3261_7_2_reason_phrase_run_ends_where_the_dfa_ends(void **state)
{
	(void)state;
	char text[16];
	for (unsigned c = 0; c < 256; c++) {
		static const char *const frames[][2] = {
			{ "", "" }, { "Ok ", "x" }, { "%4", "1 y" }, { "a\t", "%41" }, { "\xC3", "\xA9!" },
		};
		for (size_t f = 0; f < sizeof frames / sizeof frames[0]; f++) {
			size_t before = strlen(frames[f][0]), after = strlen(frames[f][1]);
			memcpy(text, frames[f][0], before);
			text[before] = (char)c;
			memcpy(text + before + 1, frames[f][1], after);
			for (size_t length = 0; length <= before + 1 + after; length++)
				reason_phrase_ends_agree(text, length);
		}
	}
	static const char pairs[] = "aZ09 \t%;/?:@&=+$,-_.!~*'()\"#<>[]\\^`{|}\x7F\x80\xBF\xC0\xDF\xE0\xF0\xFF\r\n";
	for (size_t i = 0; i < sizeof pairs - 1; i++)
		for (size_t j = 0; j < sizeof pairs - 1; j++) {
			text[0] = pairs[i];
			text[1] = pairs[j];
			text[2] = 'k';
			reason_phrase_ends_agree(text, 3);
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(request_line_gives_method_uri_and_version),
		cmocka_unit_test(method_is_case_sensitive_and_extensions_are_other),
		cmocka_unit_test(status_line_gives_code_and_reason),
		cmocka_unit_test(status_code_must_be_three_digits_100_to_699),
		cmocka_unit_test(version_other_than_2_0_is_rejected),
		cmocka_unit_test(leading_crlfs_are_skipped),
		cmocka_unit_test(header_name_case_does_not_matter),
		cmocka_unit_test(compact_forms_map_to_the_long_id),
		cmocka_unit_test(every_registered_name_is_indexed_in_any_case),
		cmocka_unit_test(white_space_around_the_colon_is_allowed),
		cmocka_unit_test(empty_values_are_indexed),
		cmocka_unit_test(folded_values_are_flagged_and_unfold_to_one_space),
		cmocka_unit_test(list_headers_split_outside_quotes_and_angles),
		cmocka_unit_test(escaped_quote_does_not_end_a_quoted_string),
		cmocka_unit_test(first_and_next_chain_values_of_one_id),
		cmocka_unit_test(datagram_body_ends_at_content_length),
		cmocka_unit_test(datagram_content_length_larger_than_body_is_rejected),
		cmocka_unit_test(content_length_negative_huge_or_conflicting_is_rejected),
		cmocka_unit_test(rfc3261_20_14_every_content_length_the_index_stores_passes_its_check),
		cmocka_unit_test(rfc3261_20_14_content_length_common_form_reads_as_the_general_one),
		cmocka_unit_test(cseq_overflow_is_a_range_error),
		cmocka_unit_test(cseq_method_must_match_request_method),
		cmocka_unit_test(rfc3261_17_2_3_full_parse_keeps_top_via_and_cseq),
		cmocka_unit_test(rfc3261_20_42_via_fast_path_gives_what_the_grammar_gives),
		cmocka_unit_test(cr_without_lf_is_rejected),
		cmocka_unit_test(bare_lf_is_accepted_by_default_and_rejected_when_strict),
		cmocka_unit_test(nul_bytes_in_headers_and_body),
		cmocka_unit_test(eight_bit_bytes_are_accepted_in_text),
		cmocka_unit_test(a_64_kib_header_value_is_indexed),
		cmocka_unit_test(five_hundred_headers_are_indexed),
		cmocka_unit_test(full_index_is_an_error_and_keeps_what_was_parsed),
		cmocka_unit_test(error_keeps_start_line_and_earlier_headers),
		cmocka_unit_test(missing_empty_line_is_reported),
		cmocka_unit_test(malformed_header_lines_are_rejected),
		cmocka_unit_test(truncated_start_lines_do_not_read_past_the_end),
		cmocka_unit_test(percent_escape_at_the_end_of_a_uri_is_rejected),
		cmocka_unit_test(request_uri_spacing_and_brackets),
		cmocka_unit_test(several_messages_in_one_stream_buffer),
		cmocka_unit_test(message_split_at_every_byte_position),
		cmocka_unit_test(stream_without_content_length_is_a_framing_error),
		cmocka_unit_test(stream_huge_content_length),
		cmocka_unit_test(keep_alive_ping_and_pong),
		cmocka_unit_test(framing_survives_a_malformed_header),
		cmocka_unit_test(bad_arguments_are_refused),
		cmocka_unit_test(control_byte_in_long_header_text_is_found_at_its_offset),
		cmocka_unit_test(rfc3261_20_8_call_id_parts),
		cmocka_unit_test(rfc3261_20_17_date_fields),
		cmocka_unit_test(rfc3261_7_2_reason_phrase_run_ends_where_the_dfa_ends),
		cmocka_unit_test(rfc3261_7_3_1_list_value_split_at_its_comma_wherever_it_is),
	};
	/* Three times: with the widest SIMD the CPU has (AVX2 or SSE2), with
	 * SSE2 alone, and with the scalar paths alone. */
	int failed = cmocka_run_group_tests_name("msg (simd)", tests, NULL, teardown);
	sift__use_simd = 1;
	failed += cmocka_run_group_tests_name("msg (sse2)", tests, NULL, teardown);
	sift__use_simd = 0;
	failed += cmocka_run_group_tests_name("msg (scalar)", tests, NULL, teardown);
	return failed;
}
