/*
 * tests/unit/test_validate.c - the verdict fast paths of full validation
 * (src/hdr/validate.c, src/hdr/simple.c): for every value, common or near
 * it, and every prefix of it, a check with a fast path gives what its
 * header's parser gives alone: the same code, and on error the same
 * offset and rule; sift_cseq_parse() the same sift_cseq as its general
 * path. Both modes, and (main) every SIMD level.
 *
 * Every value is copied into a heap block of exactly its length (offset 0),
 * so the sanitizer build catches a read one byte past the end.
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

extern int sift__use_simd;
/* src/hdr/internal.h */
sift_code sift__header_validate_general(const char *buf, sift_header_id id, sift_span value,
					unsigned options, sift_error *err);
sift_code sift__cseq_parse_general(const char *buf, sift_span value, sift_cseq *out,
				   sift_error *err);

static const unsigned modes[] = { 0, SIFT_OPT_STRICT };

/* The bytes a value is put after in a buffer: none (the value starts the
 * buffer, so a fast path may not read before it), or 16 of a byte no rule
 * takes or of one every token takes (a fast path may read those before a
 * value, but its verdict must not depend on them). */
static const struct {
	size_t count;
	char byte;
} befores[] = { { 0, 0 }, { 16, '\x01' }, { 16, 'a' } };

/* Every prefix of text, in a heap block that ends where it ends, after
 * each of befores, through sift_header_validate and the parser alone. */
static void same_verdict_after(sift_header_id id, const char *text, size_t cut, size_t b)
{
	size_t before = befores[b].count;
	char *copy = malloc(before + cut ? before + cut : 1);
	assert_non_null(copy);
	memset(copy, befores[b].byte, before);
	memcpy(copy + before, text, cut);
	sift_span value = { (uint32_t)before, (uint32_t)cut };
	for (size_t m = 0; m < sizeof modes / sizeof modes[0]; m++) {
		sift_error fast_error = { 0, 0, NULL, 0 }, general_error = { 0, 0, NULL, 0 };
		sift_code fast = sift_header_validate(copy, id, value, modes[m], &fast_error);
		sift_code general =
			sift__header_validate_general(copy, id, value, modes[m], &general_error);
		if (fast != general ||
		    (fast != SIFT_OK && (fast_error.offset != general_error.offset ||
					 strcmp(fast_error.rule, general_error.rule) != 0))) {
			fail_msg("%s \"%.*s\" after %zu (mode %u): fast %d at %u (%s), parser %d at %u (%s)",
				 sift_header_name(id), (int)cut, text, before, modes[m], (int)fast,
				 fast_error.offset, fast_error.rule ? fast_error.rule : "-",
				 (int)general, general_error.offset,
				 general_error.rule ? general_error.rule : "-");
		}
	}
	free(copy);
}

static void same_verdict(sift_header_id id, const char *text)
{
	size_t len = strlen(text);
	for (size_t cut = 0; cut <= len; cut++)
		for (size_t b = 0; b < sizeof befores / sizeof befores[0]; b++)
			same_verdict_after(id, text, cut, b);
}

static void same_verdicts(sift_header_id id, const char *const *values, size_t count)
{
	for (size_t i = 0; i < count; i++)
		same_verdict(id, values[i]);
}

#define SAME_VERDICTS(id, values) same_verdicts(id, values, sizeof values / sizeof values[0])

/* The numbers: 1*DIGIT and delta-seconds, at and around their bounds. */
static const char *const numbers[] = {
	"0", "70", "255", "256", "0255", "00000000255", "4294967295", "4294967296",
	"04294967295", "99999999999", "18446744073709551616", "1 ", " 1", "1x", "x",
	"-1", "+1", "1.0", "89", "90", "91", "1800", "\t70", "70\r\n", "",
};

/* RFC 3261 20.22: Max-Forwards is 1*DIGIT, 0-255. */
static void rfc3261_20_22_max_forwards_fast_path_gives_the_parsers_verdict(void **state)
{
	(void)state;
	SAME_VERDICTS(SIFT_H_MAX_FORWARDS, numbers);
}

/* RFC 3261 20.14: Content-Length is 1*DIGIT. */
static void rfc3261_20_14_content_length_fast_path_gives_the_parsers_verdict(void **state)
{
	(void)state;
	SAME_VERDICTS(SIFT_H_CONTENT_LENGTH, numbers);
}

/* RFC 3261 20.19, 20.23: Expires and Min-Expires are delta-seconds. */
static void rfc3261_20_19_delta_seconds_fast_path_gives_the_parsers_verdict(void **state)
{
	(void)state;
	SAME_VERDICTS(SIFT_H_EXPIRES, numbers);
	SAME_VERDICTS(SIFT_H_MIN_EXPIRES, numbers);
}

/* RFC 4028 5: Min-SE = delta-seconds *(SEMI generic-param), 90 at least
 * when strict. */
static void rfc4028_5_min_se_fast_path_gives_the_parsers_verdict(void **state)
{
	(void)state;
	static const char *const values[] = {
		"90;lr", "90 ;x=1", "90;", "120;a=b;c",
	};
	SAME_VERDICTS(SIFT_H_MIN_SE, numbers);
	SAME_VERDICTS(SIFT_H_MIN_SE, values);
}

/* RFC 4028 4: Session-Expires = delta-seconds *(SEMI se-params). */
static void rfc4028_4_session_expires_fast_path_gives_the_parsers_verdict(void **state)
{
	(void)state;
	static const char *const values[] = {
		"1800;refresher=uac", "1800;refresher=uas", "1800;refresher=uax",
		"1800;refresher=UAC", "1800;Refresher=uac", "89;refresher=uac",
		"4294967295;refresher=uas", "4294967296;refresher=uas", "1800;refresher=uac;x",
		"1800;refresher=", "1800;refresher", "1800 ;refresher=uac", "1800;x=1",
		"01800;refresher=uac", "12345678901;refresher=uac", ";refresher=uac",
	};
	SAME_VERDICTS(SIFT_H_SESSION_EXPIRES, numbers);
	SAME_VERDICTS(SIFT_H_SESSION_EXPIRES, values);
}

/* RFC 3261 20.8: callid = word [ "@" word ]. */
static void rfc3261_20_8_call_id_fast_path_gives_the_parsers_verdict(void **state)
{
	(void)state;
	static const char *const values[] = {
		"a84b4c76e66710@pc33.atlanta.example.com", "843817637684230@998sdasdh09",
		"f81d4fae-7dec-11d0-a765-00a0c91e6bf6@foo.bar.com", "abc", "a@b", "@b", "a@",
		"a@@b", "a@b@c", "a b", "a@b ", "<a>@b", "a%b!c~d'e`f(g)h<i>j\"k/l[m]n?o{p}q",
		"a\x80@b", "a;b@c:d", "x\tx",
	};
	SAME_VERDICTS(SIFT_H_CALL_ID, values);
}

/* RFC 3261 20.15: Content-Type = media-type. */
static void rfc3261_20_15_content_type_fast_path_gives_the_parsers_verdict(void **state)
{
	(void)state;
	static const char *const values[] = {
		"application/sdp", "application/pidf+xml", "multipart/mixed;boundary=unique",
		"text/plain; charset=utf-8", "a/b", "*/*", "/sdp", "application/", "application",
		"application /sdp", "application/sdp ", "application/sdp;", "a/b/c",
		"application/vnd.3gpp.sms", "APPLICATION/SDP", "app@lication/sdp",
		"a/sdp", "ab/c", "application/x", "application/x+y", "a+b/c+d", "a/b+",
		"application/sdp/x", "application//sdp", "a/b c", "a/\x80", "\x80" "/a",
		"message/sipfrag;version=2.0", "application/pidf+xml;x", "a b/c",
	};
	SAME_VERDICTS(SIFT_H_CONTENT_TYPE, values);
}

/* RFC 3261 20.1: Accept = [ accept-range *(COMMA accept-range) ], one
 * element per entry; strict refuses "*" with a subtype other than "*". */
static void rfc3261_20_1_accept_fast_path_gives_the_parsers_verdict(void **state)
{
	(void)state;
	static const char *const values[] = {
		"application/sdp", "application/pidf+xml", "*/*", "*/sdp", "text/*", "**/x",
		"application/sdp;q=0.5", "application/sdp;level=1", "application/ sdp",
		"application/sdp ", "/", "a/", "/b", "a/b/c", "a/b,c/d", "*", "*/", "a*/b",
		"application/pidf+xml", "x/y+z", "a/b;q=1",
	};
	SAME_VERDICTS(SIFT_H_ACCEPT, values);
}

/* RFC 3261 20.3: language = language-range *(SEMI accept-param). */
static void rfc3261_20_3_accept_language_fast_path_gives_the_parsers_verdict(void **state)
{
	(void)state;
	static const char *const values[] = {
		"en", "fr;q=0.5", "da", "en-gb;q=0.8", "en;q=0.7", "*", "abcdefgh", "abcdefghi",
		"en;q=1", "en;q=1.000", "en;q=1.001", "en;q=0.", "en;q=0.1234", "en;q=2",
		"en;q=", "en;Q=0.5", "en ;q=0.5", "en;q=0.5;x", "e1", "EN", "en;x=1", "en;q=0.5 ",
		"en;q=1.", "en;q=0.99a", "en;q=.5",
	};
	SAME_VERDICTS(SIFT_H_ACCEPT_LANGUAGE, values);
}

/* RFC 3323 4.2: Privacy-hdr = priv-value *(";" priv-value). */
static void rfc3323_4_2_privacy_fast_path_gives_the_parsers_verdict(void **state)
{
	(void)state;
	static const char *const values[] = {
		"none", "id", "header;session", "user ; critical", "x-ext", "none;", ";none",
		"no ne", "\"none\"",
	};
	SAME_VERDICTS(SIFT_H_PRIVACY, values);
}

/* RFC 6665 8.2.1, 8.2.2: event-type = event-package *("." event-template). */
static void rfc6665_8_2_event_fast_path_gives_the_parsers_verdict(void **state)
{
	(void)state;
	static const char *const values[] = {
		"presence", "dialog", "presence.winfo", "refer;id=93809824", "presence;x",
		".presence", "presence.", "a..b", "pres%ence", "pres ence", "presence ",
		"message-summary", "conference;rate=1", "a,b", "presence.winfo.x", "presence..winfo",
		"presence.winfo.", ".presence.winfo", "presence-winfo", "dialog.x-y.z-w",
		"a.b.c.d.e.f.g.h.i", "0123456789abcdef.0123456789abcdef", "abcdefgh.",
		"abcdefgh..", "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijkl.m",
	};
	SAME_VERDICTS(SIFT_H_EVENT, values);
	SAME_VERDICTS(SIFT_H_ALLOW_EVENTS, values);
}

/* RFC 6665 8.2.3: Subscription-State = substate-value *( SEMI
 * subexp-params ). */
static void rfc6665_8_2_3_subscription_state_fast_path_gives_the_parsers_verdict(void **state)
{
	(void)state;
	static const char *const values[] = {
		"active;expires=599", "active", "pending;expires=600;retry-after=30",
		"terminated;reason=timeout", "active;expires=4294967295",
		"active;expires=4294967296", "active;expires=", "active;expires=x",
		"active;expires=12345678901", "active;Expires=599", "active ;expires=599",
		"active;expires=599 ", "active;expires=599;", "x-state;expires=1",
		";expires=1", "active;expires=0599",
	};
	SAME_VERDICTS(SIFT_H_SUBSCRIPTION_STATE, values);
}

/* RFC 3261 20.35, 20.41: Server, User-Agent = server-val *(LWS server-val). */
static void rfc3261_20_35_server_fast_path_gives_the_parsers_verdict(void **state)
{
	(void)state;
	static const char *const values[] = {
		"sipsift-bench/1.0", "registrar/3.1", "HomeServer2", "Softphone Beta1.5",
		"(comment) x/1", "x/", "/1", "x/1 (c)", "x/1(", "x\x01",
	};
	SAME_VERDICTS(SIFT_H_SERVER, values);
	SAME_VERDICTS(SIFT_H_USER_AGENT, values);
}

/* RFC 3261 20.36, 20.25: Subject, Organization = [TEXT-UTF8-TRIM]. */
static void rfc3261_20_36_text_fast_path_gives_the_parsers_verdict(void **state)
{
	(void)state;
	static const char *const values[] = {
		"Project X review", "Boxes by Bob", " lead", "trail ", "a\x01z", "a\x7fz",
		"\xc3\xa9t\xc3\xa9", "\xff\xfe", "tab\there", "fold\r\n more",
		"a long subject line of more than sixteen bytes \x02 with a control",
	};
	SAME_VERDICTS(SIFT_H_SUBJECT, values);
	SAME_VERDICTS(SIFT_H_ORGANIZATION, values);
}

/* RFC 3261 20.5, 20.37, 20.32, 20.12: the one-token list elements (Allow
 * a Method, Supported an option-tag or none, Require an option-tag,
 * Content-Encoding a content-coding): their checks' DFA, in the check
 * itself, against the general verdict. */
static void rfc3261_20_5_token_element_fast_path_gives_the_parsers_verdict(void **state)
{
	(void)state;
	static const char *const values[] = {
		"INVITE", "ACK", "OPTIONS", "SUBSCRIBE", "100rel", "replaces", "timer", "gruu",
		"path", "outbound", "a", "ab", "abc", "abcd", "abcdefg", "abcdefgh",
		"abcdefghijklmnop", "abcdefghijklmnopq", "x-ext.v1", "a!b", "a%b", "a*b", "a_b",
		"a+b", "a`b", "a'b", "a~b", "a/b", "a b", "a,b", "a;b", "a\x01" "b", "a\x80" "b",
		"INVITE ", " INVITE", "I@", "@", "/", "abc/", "/abc", "ab.cdefghij-klmn",
		"abcdefg\x7f", "\x7f" "abcdefg", "abcdefghijklmno\x01",
	};
	SAME_VERDICTS(SIFT_H_ALLOW, values);
	SAME_VERDICTS(SIFT_H_SUPPORTED, values);
	SAME_VERDICTS(SIFT_H_REQUIRE, values);
	SAME_VERDICTS(SIFT_H_CONTENT_ENCODING, values);
}

/* RFC 3261 20.4, 20.9, 20.18 (RFC 7462, 7463): Alert-Info, Call-Info,
 * Error-Info = LAQUOT absoluteURI RAQUOT *( SEMI param ). */
static void rfc3261_20_9_info_fast_path_gives_the_parsers_verdict(void **state)
{
	(void)state;
	static const char *const values[] = {
		"<http://www.example.com/sounds/moo.wav>",
		"<http://www.example.com/alice/photo.jpg>;purpose=icon",
		"<http://www.example.com/alice/>;purpose=info",
		"<https://www.example.com/alice/card.vcf>;purpose=card",
		"<sip:not-in-service-error@atlanta.com>", "<urn:alert:service:normal>",
		"<urn:alert:tone:bogus>;appearance=1", "<http://a>", "<http:>", "<http:/>",
		"<http://>", "<h://x>", "<1http://x.example.com/y>", "<-://x.example.com/y>",
		"<http//x.example.com/y>", "<http://x.example.com/y", "<http://x.example.com/y>x",
		"<http://x.example.com/y> ", "<http://x.example.com/y >", "< http://x.example.com/y>",
		"<http://x.example.com/y%41/z>", "<http://x.example.com/y?q=1>",
		"<http://x.example.com:8080/y/z>", "<http://user@x.example.com/y>",
		"<http://x.example.com/y>;purpose=", "<http://x.example.com/y>;purpose",
		"<http://x.example.com/y>;purpose=\"icon\"", "<http://x.example.com/y>;purpose=a b",
		"<http://x.example.com/y>;Purpose=icon", "<http://x.example.com/y>;appearance=2",
		"<http://x.example.com/y>;appearance=x", "<http://x.example.com/y>;purpose=icon;x",
		"<http://x.example.com/y>;purpose=icon,<http://z>",
		"<HTTP://X.EXAMPLE.COM/Y>", "<a.b-c://x>", "<x:////////////////>",
		"<http://x.example.com/a-very-long-path/with/many/segments/and.more.bytes/z>",
		"<http://x.example.com/a-very-long-path/with/many/segments/and.more.bytes/z",
		"<http://x.example.com/a-very-long-path/with/many/segments/and.more.byte\x01/z>",
		"<http://x.example.com/0123456789ab>",
	};
	SAME_VERDICTS(SIFT_H_ALERT_INFO, values);
	SAME_VERDICTS(SIFT_H_CALL_INFO, values);
	SAME_VERDICTS(SIFT_H_ERROR_INFO, values);
	/* A byte no plain URI holds at every place of a long one, so that it
	 * falls in every block and in the overlapping last one. */
	static const char base[] = "<http://x.example.com/abcdefghijklmnopqrstuvwxyz0123456789>";
	static const char others[] = { '?', ' ', '%', '\x01', '>', '<', '@', '~' };
	for (size_t at = 1; at + 1 < sizeof base - 1; at++) {
		for (size_t k = 0; k < sizeof others; k++) {
			char text[sizeof base];
			memcpy(text, base, sizeof base);
			text[at] = others[k];
			same_verdict(SIFT_H_CALL_INFO, text);
		}
	}
}

/* The one-pass shape of Call-ID, Server and User-Agent, Content-Type and
 * Accept values (runs of alphanum, "-" and "." around at most one "@" or
 * "/"), at every length around its loads (8, 16, 32 and 48 bytes) with
 * the separator, a second one, and a byte outside the runs at every
 * place. */
static void rfc3261_25_plain_runs_fast_path_gives_the_parsers_verdict(void **state)
{
	(void)state;
	static const sift_header_id ids[] = {
		SIFT_H_CALL_ID, SIFT_H_SERVER, SIFT_H_USER_AGENT, SIFT_H_CONTENT_TYPE, SIFT_H_ACCEPT,
	};
	static const char others[] = { '@', '/', ' ', '+', '*', '\x80', ';', '(' };
	char text[64];
	for (size_t len = 1; len <= 52; len++) {
		for (size_t at = 0; at < len; at++) {
			for (size_t k = 0; k < sizeof others; k++) {
				for (size_t second = 0; second <= len; second += len / 3 + 1) {
					memset(text, 'a', len);
					text[len] = '\0';
					for (size_t i = 0; i < len; i += 7)
						text[i] = (char)('0' + i % 10);
					text[at] = others[k];
					if (second < len && second != at)
						text[second] = others[(k + 1) % sizeof others];
					for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
						sift_span value = { 0, (uint32_t)len };
						char *copy = malloc(len);
						assert_non_null(copy);
						memcpy(copy, text, len);
						for (size_t m = 0; m < sizeof modes / sizeof modes[0]; m++) {
							sift_error e1 = { 0, 0, NULL, 0 }, e2 = { 0, 0, NULL, 0 };
							sift_code fast = sift_header_validate(copy, ids[i], value,
											      modes[m], &e1);
							sift_code general = sift__header_validate_general(
								copy, ids[i], value, modes[m], &e2);
							if (fast != general ||
							    (fast != SIFT_OK && e1.offset != e2.offset))
								fail_msg("%s \"%s\": fast %d, parser %d",
									 sift_header_name(ids[i]), text,
									 (int)fast, (int)general);
						}
						free(copy);
					}
				}
			}
		}
	}
}

/* RFC 3261 25 header-value, the check of every header without a parser
 * of its own, read 16 bytes at a time with a last block that overlaps:
 * at every length around the blocks, a control byte or DEL at every place
 * is found there, and HTAB, CR, LF and 8-bit bytes pass. */
static void rfc3261_25_header_value_blocks_find_every_control_byte(void **state)
{
	(void)state;
	static const char bytes_in[] = { 0x00, 0x01, 0x1F, 0x7F, '\t', '\r', '\n', (char)0x80,
					 (char)0xFF, ' ', '~' };
	char text[48];
	for (size_t len = 0; len <= 40; len++) {
		for (size_t at = 0; at <= len; at++) {
			for (size_t k = 0; k < sizeof bytes_in; k++) {
				memset(text, 'x', len);
				if (at < len)
					text[at] = bytes_in[k];
				unsigned char c = (unsigned char)bytes_in[k];
				int bad = at < len && ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') ||
						       c == 0x7F);
				char *copy = malloc(len ? len : 1);
				assert_non_null(copy);
				memcpy(copy, text, len);
				sift_span value = { 0, (uint32_t)len };
				sift_error error = { 0, 0, NULL, 0 };
				sift_code code = sift_header_validate(copy, SIFT_H_OTHER, value, 0, &error);
				if (bad) {
					assert_int_equal(code, SIFT_E_HEADER_VALUE);
					assert_int_equal(error.offset, at);
					assert_string_equal(error.rule, "header-value");
				} else {
					assert_int_equal(code, SIFT_OK);
				}
				/* Subject by default: the same verdict (SWS is no such byte) */
				sift_error subject_error = { 0, 0, NULL, 0 };
				code = sift_header_validate(copy, SIFT_H_SUBJECT, value, 0, &subject_error);
				assert_int_equal(code, bad ? SIFT_E_HEADER_VALUE : SIFT_OK);
				if (bad)
					assert_int_equal(subject_error.offset, at);
				free(copy);
			}
		}
	}
}

/* RFC 3261 20.16: CSeq = 1*DIGIT LWS Method. sift_cseq_parse() reads the
 * common "number SP registered-method" without its general path; it gives
 * the same code, error and sift_cseq. */
static void rfc3261_20_16_cseq_fast_path_gives_what_the_grammar_gives(void **state)
{
	(void)state;
	static const char *const values[] = {
		"314159 INVITE", "1 ACK", "42 BYE", "1826 REGISTER", "8775 NOTIFY", "2 CANCEL",
		"4294967295 OPTIONS", "4294967296 OPTIONS", "00000000001 INFO", "1 invite",
		"1 FOO", "1  INVITE", "1\tINVITE", "1 INVITE ", "1 INVITEX", "1 INV@TE", "1",
		"1 ", "INVITE", " 1 INVITE", "1 SUBSCRIBE", "1 PUBLISH", "1 MESSAGE", "1 PRACK",
		"1 UPDATE", "1 REFER", "1 OPTIONS\r\n", "1\r\n INVITE",
		/* runs of digits across the 8 bytes read at once */
		"12 ACK", "123 ACK", "1234 ACK", "12345 ACK", "123456 ACK", "1234567 ACK",
		"12345678 ACK", "123456789 ACK", "1234567890 ACK", "9999999 INVITE",
		"99999999 INVITE", "0000000 BYE", "1234567/ ACK", "123:4567 ACK", "1234\xb5" "678 ACK",
		/* methods read as the word that ends the value */
		"1 NOTIFYX", "1 XNOTIFY", "1 REGISTER", "1 REGISTERX", "1 SUBSCRIBEX", "1 ACk",
		"1 A", "1 AC", "1 ACKA", "1 INFO\x80",
	};
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
		size_t len = strlen(values[i]);
		for (size_t cut = 0; cut <= len; cut++)
		for (size_t b = 0; b < sizeof befores / sizeof befores[0]; b++) {
			size_t before = befores[b].count;
			char *copy = malloc(before + cut ? before + cut : 1);
			assert_non_null(copy);
			memset(copy, befores[b].byte, before);
			memcpy(copy + before, values[i], cut);
			sift_span value = { (uint32_t)before, (uint32_t)cut };
			sift_cseq fast, general;
			memset(&fast, 0x5A, sizeof fast);
			memset(&general, 0xA5, sizeof general);
			sift_error fast_error = { 0, 0, NULL, 0 }, general_error = { 0, 0, NULL, 0 };
			sift_code fast_code = sift_cseq_parse(copy, value, 0, &fast, &fast_error);
			sift_code general_code =
				sift__cseq_parse_general(copy, value, &general, &general_error);
			assert_int_equal(fast_code, general_code);
			if (fast_code != SIFT_OK) {
				assert_int_equal(fast_error.offset, general_error.offset);
				assert_string_equal(fast_error.rule, general_error.rule);
			} else {
				assert_int_equal(fast.number, general.number);
				assert_int_equal(fast.method.off, general.method.off);
				assert_int_equal(fast.method.len, general.method.len);
				assert_int_equal(fast.method_id, general.method_id);
			}
			same_verdict_after(SIFT_H_CSEQ, values[i], cut, b);
			free(copy);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rfc3261_20_22_max_forwards_fast_path_gives_the_parsers_verdict),
		cmocka_unit_test(rfc3261_20_14_content_length_fast_path_gives_the_parsers_verdict),
		cmocka_unit_test(rfc3261_20_19_delta_seconds_fast_path_gives_the_parsers_verdict),
		cmocka_unit_test(rfc4028_5_min_se_fast_path_gives_the_parsers_verdict),
		cmocka_unit_test(rfc4028_4_session_expires_fast_path_gives_the_parsers_verdict),
		cmocka_unit_test(rfc3261_20_8_call_id_fast_path_gives_the_parsers_verdict),
		cmocka_unit_test(rfc3261_20_15_content_type_fast_path_gives_the_parsers_verdict),
		cmocka_unit_test(rfc3261_20_1_accept_fast_path_gives_the_parsers_verdict),
		cmocka_unit_test(rfc3261_20_3_accept_language_fast_path_gives_the_parsers_verdict),
		cmocka_unit_test(rfc3323_4_2_privacy_fast_path_gives_the_parsers_verdict),
		cmocka_unit_test(rfc6665_8_2_event_fast_path_gives_the_parsers_verdict),
		cmocka_unit_test(rfc6665_8_2_3_subscription_state_fast_path_gives_the_parsers_verdict),
		cmocka_unit_test(rfc3261_20_35_server_fast_path_gives_the_parsers_verdict),
		cmocka_unit_test(rfc3261_20_36_text_fast_path_gives_the_parsers_verdict),
		cmocka_unit_test(rfc3261_20_5_token_element_fast_path_gives_the_parsers_verdict),
		cmocka_unit_test(rfc3261_20_9_info_fast_path_gives_the_parsers_verdict),
		cmocka_unit_test(rfc3261_25_plain_runs_fast_path_gives_the_parsers_verdict),
		cmocka_unit_test(rfc3261_25_header_value_blocks_find_every_control_byte),
		cmocka_unit_test(rfc3261_20_16_cseq_fast_path_gives_what_the_grammar_gives),
	};
	/* Three times: with the widest SIMD the CPU has (AVX2 or SSE2), with
	 * SSE2 alone, and with the scalar paths alone. */
	int failed = cmocka_run_group_tests_name("validate (simd)", tests, NULL, NULL);
	sift__use_simd = 1;
	failed += cmocka_run_group_tests_name("validate (sse2)", tests, NULL, NULL);
	sift__use_simd = 0;
	failed += cmocka_run_group_tests_name("validate (scalar)", tests, NULL, NULL);
	return failed;
}
