/*
 * tests/unit/test_start_line.c - the start line's fast paths (RFC 3261 7.1,
 * 7.2) held to the general paths they stand in for:
 *   - the one pass over a start line's first 64 bytes (its line end, SP and
 *     HTAB by masks) parses every line as the byte-by-byte search does;
 *   - the Request-URI's fast path (sift__sip_uri_fast_accept) accepts only
 *     what sift_uri_parse() accepts without headers, with masks from AVX2
 *     and from bytes alike, and accepts the common shapes;
 *   - a Reason-Phrase told plain by nibble classes is what the byte run
 *     (and its DFA) says of it;
 *   - a method told by word compares gets the registry matcher's id.
 * Every value is also cut at every length.
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
int sift__sip_uri_fast_accept(const char *p, const char *end, const char *readable_end);

static const char *const request_uris[] = {
	"sip:bob@biloxi.example.com",
	"sip:alice@pc33.atlanta.example.com;transport=udp",
	"sip:bob@192.0.2.201;transport=udp",
	"sip:registrar.biloxi.example.com",
	"sips:carol@chicago.example.com:5061;lr;maddr=192.0.2.1",
	"SIP:Bob@BILOXI.example.COM:65535",
	"sip:bob@biloxi.example.com:65536",
	"sip:bob@biloxi.example.com:05060",
	"sip:bob@biloxi.example.com:000005060",
	"sip:bob@biloxi.example.com:",
	"sip:bob@biloxi.example.com:50a",
	"sip:+1-212-555-1212@gw.example.com;user=phone",
	"sip:+1;isub=a@b@gw.example.com",
	"sip:a;b=c?d@gw.example.com",
	"sip:a,b@h.example.com",
	"sip:user:secret@h.example.com",
	"sip:us%41r@h.example.com",
	"sip:us%4@h.example.com",
	"sip:u_s~e.r!*'()&+$/@h.example.com",
	"sip:@h.example.com",
	"sip:bob@",
	"sip:bob@@h.example.com",
	"sip:bob@h.example.com@",
	"sip:h.example.com;a=b=c",
	"sip:h.example.com;a==b",
	"sip:h.example.com;=b",
	"sip:h.example.com;a=",
	"sip:h.example.com;;a",
	"sip:h.example.com;",
	"sip:h.example.com;a;b=c;d",
	"sip:h.example.com;maddr=[2001:db8::1];x=[]/:&+$",
	"sip:h.example.com;user=a`b",
	"sip:h.example.com;method=INVITE",
	"sip:h.example.com;ttl=1000",
	"sip:h.example.com;p=%41",
	"sip:h.example.com;p=%4",
	"sip:h.example.com?subject=x",
	"sip:h.example.com;a=b?c=d&e=f",
	"sip:[2001:db8::1]:5060;lr",
	"sip:[2001:db8:::192.0.2.1]",
	"sip:1.2.3.4",
	"sip:1.2.3.04",
	"sip:256.1.1.1",
	"sip:-bad.example.com",
	"sip:bad-.example.com",
	"sip:a..b",
	"sip:example.com.",
	"sip:1example",
	"sip:h_x.example.com",
	"sip:h.example.com>",
	"sip:h\x80.example.com",
	"sip:b\xc3\xa9@h.example.com",
	"sips:a@b",
	"sipx:a@b",
	"tel:+1-201-555-0123",
	"mailto:a@b.example.com",
	"sip:a@this.is.a.rather.long.host.name.example.com;transport=tcp;lr",
	"sip:a@this.is.a.rather.long.host.name.example.com;transport=tcp;lr;x=yyyy",
	"sip:averyveryveryveryverylongusername@averyveryverylonghostname.example.com;p",
};

/* A heap block of exactly len bytes (the sanitizer build catches a read
 * past it). */
static char *block_of(size_t len)
{
	char *block = malloc(len ? len : 1);
	assert_non_null(block);
	return block;
}

static char *dup_exact(const char *text, size_t len)
{
	char *copy = block_of(len);
	memcpy(copy, text, len);
	return copy;
}

/* What the general path says of [text, text + len): 1 when it accepts
 * with options 0 and strict, a SIP or SIPS URI without headers. */
static int general_accepts(const char *copy, size_t len)
{
	sift_span span = { 0, (uint32_t)len };
	for (unsigned strict = 0; strict <= 1; strict++) {
		sift_uri uri;
		if (sift_uri_parse(copy, span, strict ? SIFT_OPT_STRICT : 0, &uri, NULL) != SIFT_OK)
			return 0;
		if (uri.headers.len ||
		    (uri.scheme != SIFT_SCHEME_SIP && uri.scheme != SIFT_SCHEME_SIPS))
			return 0;
	}
	return 1;
}

/* The fast path on [text, text + len): alone in an exact heap block, and
 * followed in the buffer by the rest of a start line and more (the
 * message's case; its masks from AVX2 where the CPU has it). Both say the
 * same, and say yes only where the general path does. Returns the verdict. */
static int fast_path_checked(const char *text, size_t len)
{
	char *alone = dup_exact(text, len);
	int fast_alone = sift__sip_uri_fast_accept(alone, alone + len, alone + len);
	static const char after[] = " SIP/2.0\r\nVia: SIP/2.0/UDP h.example.com;branch=z9hG4bKx\r\n"
				    "Max-Forwards: 70\r\n\r\n";
	char *message = block_of(len + sizeof after - 1);
	memcpy(message, text, len);
	memcpy(message + len, after, sizeof after - 1);
	int fast_message =
		sift__sip_uri_fast_accept(message, message + len, message + len + sizeof after - 1);
	/* The byte after the span may not be a SP: the host scanner must not
	 * read on then. */
	message[len] = '.';
	int fast_dot =
		sift__sip_uri_fast_accept(message, message + len, message + len + sizeof after - 1);
	int general = general_accepts(alone, len);
	if (fast_alone != fast_message || fast_alone != fast_dot || (fast_alone && !general))
		fail_msg("\"%.*s\": fast path alone %d, in a message %d, before '.' %d, general %d",
			 (int)len, text, fast_alone, fast_message, fast_dot, general);
	free(alone);
	free(message);
	return fast_alone;
}

/* RFC 3261 19.1.1, 25: the Request-URI's fast path accepts nothing the
 * URI parser rejects or finds headers in, on the listed URIs and every
 * cut of them, at every SIMD level. */
static void rfc3261_19_1_1_request_uri_fast_path_accepts_only_what_the_parser_accepts(void **state)
{
	(void)state;
	for (int level = 2; level >= 0; level--) {
		sift__use_simd = level;
		for (size_t i = 0; i < sizeof request_uris / sizeof request_uris[0]; i++) {
			size_t len = strlen(request_uris[i]);
			for (size_t cut = 0; cut <= len; cut++)
				fast_path_checked(request_uris[i], cut);
		}
	}
	sift__use_simd = 2;
}

/* The same on every string of a small alphabet after "sip:" (every way
 * the separators and the escape can meet), up to 6 bytes, and on longer
 * random ones around the masks' 32 and 63 bytes. */
static void rfc3261_25_request_uri_fast_path_on_every_short_string(void **state)
{
	(void)state;
	static const char alphabet[] = "a1@:;=.-?%[_";
	const size_t symbols = sizeof alphabet - 1;
	char text[96] = "sip:";
	for (size_t length = 0; length <= 6; length++) {
		size_t count = 1;
		for (size_t i = 0; i < length; i++)
			count *= symbols;
		for (size_t n = 0; n < count; n++) {
			size_t rest = n;
			for (size_t i = 0; i < length; i++, rest /= symbols)
				text[4 + i] = alphabet[rest % symbols];
			fast_path_checked(text, 4 + length);
		}
	}
	static const char common[] = "abcxyz0189-.@;=:";
	uint32_t seed = 2463534242u;
	size_t accepted = 0;
	for (int round = 0; round < 100000; round++) {
		seed ^= seed << 13, seed ^= seed >> 17, seed ^= seed << 5;
		size_t length = 20 + seed % 50;
		for (size_t i = 4; i < length; i++) {
			seed ^= seed << 13, seed ^= seed >> 17, seed ^= seed << 5;
			text[i] = (seed >> 8) % 8 ? "abcxyz0189."[seed % 11] : common[seed % 16];
		}
		accepted += (size_t)fast_path_checked(text, length);
	}
	assert_true(accepted > 1000);
}

/* The fast path is taken for the shapes it is made for (a broken one that
 * accepts nothing would pass the tests above). */
static void rfc3261_19_1_1_request_uri_fast_path_takes_the_common_shapes(void **state)
{
	(void)state;
	static const char *const common[] = {
		"sip:bob@biloxi.example.com",
		"sip:alice@pc33.atlanta.example.com;transport=udp",
		"sip:bob@192.0.2.201;transport=udp",
		"sip:registrar.biloxi.example.com",
		"sips:carol@chicago.example.com:5061;lr;maddr=192.0.2.1",
		"SIP:Bob@BILOXI.example.COM:65535",
		"sip:+1-212-555-1212@gw.example.com;user=phone",
		"sip:h.example.com;maddr=[2001:db8::1];x=[]/:&+$",
		"sip:[2001:db8::1]:5060;lr",
		"sip:a@this.is.a.long.host.example.com;transport=tcp;lr;x=yyyy",
	};
	for (int level = 2; level >= 0; level--) {
		sift__use_simd = level;
		for (size_t i = 0; i < sizeof common / sizeof common[0]; i++)
			if (!fast_path_checked(common[i], strlen(common[i])))
				fail_msg("\"%s\" not taken by the fast path", common[i]);
	}
	sift__use_simd = 2;
}

/* Everything sift_parse() says of a start line. */
typedef struct start_result {
	sift_code code;
	uint32_t offset;
	const char *rule;
	sift_msg_kind kind;
	sift_span start_line, method, request_uri, reason, version;
	uint16_t method_id, status;
	uint32_t header_count;
} start_result;

static start_result parse_line(const char *line, size_t len, unsigned options, int level,
			       const char *rest)
{
	size_t rest_len = strlen(rest);
	char *buf = block_of(len + rest_len);
	memcpy(buf, line, len);
	memcpy(buf + len, rest, rest_len);
	sift_header storage[16];
	sift_msg msg;
	sift_msg_init(&msg, storage, 16);
	sift__use_simd = level;
	start_result r;
	memset(&r, 0, sizeof r);
	r.code = sift_parse(&msg, buf, len + rest_len, options);
	sift__use_simd = 2;
	r.offset = r.code ? msg.error.offset : 0;
	r.rule = r.code ? msg.error.rule : NULL;
	r.kind = msg.kind;
	r.start_line = msg.start_line;
	r.method = msg.method;
	r.request_uri = msg.request_uri;
	r.reason = msg.reason;
	r.version = msg.version;
	r.method_id = msg.method_id;
	r.status = msg.status;
	r.header_count = msg.header_count;
	free(buf);
	return r;
}

static int spans_equal(sift_span a, sift_span b)
{
	return a.off == b.off && a.len == b.len;
}

static int results_equal(const start_result *a, const start_result *b)
{
	return a->code == b->code && a->offset == b->offset &&
	       (a->rule == b->rule || (a->rule && b->rule && strcmp(a->rule, b->rule) == 0)) &&
	       a->kind == b->kind && spans_equal(a->start_line, b->start_line) &&
	       spans_equal(a->method, b->method) && spans_equal(a->request_uri, b->request_uri) &&
	       spans_equal(a->reason, b->reason) && spans_equal(a->version, b->version) &&
	       a->method_id == b->method_id && a->status == b->status &&
	       a->header_count == b->header_count;
}

/* RFC 3261 7.1, 7.2: the start line read by masks over its first 64 bytes
 * (SIMD levels 2 and 1, a message of 64 bytes or more) gives what the byte
 * by byte search gives (level 0), for every line listed and every cut of
 * it, in default, strict and index-only mode. */
static void rfc3261_7_start_line_by_masks_is_what_the_byte_search_finds(void **state)
{
	(void)state;
	static const char *const lines[] = {
		"INVITE sip:bob@biloxi.example.com SIP/2.0",
		"ACK sip:bob@192.0.2.201;transport=udp SIP/2.0",
		"REGISTER sip:registrar.biloxi.example.com SIP/2.0",
		"SUBSCRIBE sip:bob@biloxi.example.com SIP/2.0",
		"NOTIFY sip:alice@pc33.atlanta.example.com SIP/2.0 ",
		"OPTIONS sip:carol@chicago.example.com SIP/2.0\t",
		"OPTIONS\tsip:carol@chicago.example.com SIP/2.0",
		"OPTIONS sip:carol@chicago.example.com\tSIP/2.0",
		"OPTIONS  sip:carol@chicago.example.com SIP/2.0",
		"OPTIONS sip:carol@chicago.example.com  SIP/2.0",
		"OPTIONS sip:carol@chicago.example.com SIP/2.01",
		"OPTIONS sip:carol@chicago.example.com SIP/02.0",
		"OPTIONS sip:carol@chicago.example.com SIP/3.0",
		"OPTIONS sip:carol@chicago.example.com sip/2.0",
		"OPTIONS sip:carol@chicago.example.com SIP/2.0x",
		"OPTIONS sip:carol@chicago.example.com?x=y SIP/2.0",
		"OPTIONS <sip:carol@chicago.example.com> SIP/2.0",
		"OPTIONS sip:carol@chicago.example.com:99999 SIP/2.0",
		"OPTION\x01S sip:carol@chicago.example.com SIP/2.0",
		"NEWMETHOD sip:carol@chicago.example.com SIP/2.0",
		"INVITEX sip:carol@chicago.example.com SIP/2.0",
		"INVITE\tX sip:carol@chicago.example.com SIP/2.0",
		"ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEF sip:c@chicago.example.com SIP/2.0",
		"ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFG sip:c@chicago.example.com SIP/2.0",
		"INVITE sip:a@this.is.a.rather.long.host.name.example.com;transport=tcp SIP/2.0",
		"INVITE sip:a@this.is.a.long.host.example.com;transport=tcp;lr SIP/2.0",
		"INVITE sip:a@this.is.a.long.host.example.com;transport=tcp;l SIP/2.0",
		"INVITE tel:+1-201-555-0123 SIP/2.0",
		"INVITE urn:service:sos SIP/2.0",
		"SIP/2.0 100 Trying",
		"SIP/2.0 180 Ringing",
		"SIP/2.0 200 OK",
		"SIP/2.0 401 Unauthorized",
		"SIP/2.0 200",
		"SIP/2.0 200 ",
		"SIP/2.0 099 Low",
		"SIP/2.0 2000 OK",
		"SIP/2.0 200 \xc3\xa9t\xc3\xa9",
		"SIP/2.0 200 a\x01",
		"SIP/2.0  200 OK",
		"SIP/2.1 200 OK",
		"SIP/2.0 404 A very long reason phrase that goes well past sixty-four bytes",
	};
	static const char *const ends[] = { "\r\n", "\n", "\r", "\rx", "" };
	static const unsigned options[] = { 0, SIFT_OPT_STRICT, SIFT_OPT_INDEX_ONLY };
	static const char headers[] = "Via: SIP/2.0/UDP h.example.com;branch=z9hG4bKx\r\n"
				      "Max-Forwards: 70\r\nCall-ID: a@b\r\n\r\n";
	char rest[256];
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		size_t len = strlen(lines[i]);
		for (size_t cut = 0; cut <= len; cut++) {
			for (size_t e = 0; e < sizeof ends / sizeof ends[0]; e++) {
				snprintf(rest, sizeof rest, "%s%s", ends[e], headers);
				for (size_t o = 0; o < sizeof options / sizeof options[0]; o++) {
					start_result bytes = parse_line(lines[i], cut, options[o], 0, rest);
					for (int level = 1; level <= 2; level++) {
						start_result masks =
							parse_line(lines[i], cut, options[o], level, rest);
						if (!results_equal(&bytes, &masks))
							fail_msg("\"%.*s\" end %zu options %u level %d: "
								 "code %d/%d offset %u/%u",
								 (int)cut, lines[i], e, options[o], level,
								 bytes.code, masks.code, bytes.offset,
								 masks.offset);
					}
				}
			}
		}
	}
}

/* RFC 3261 7.2, 25: a Reason-Phrase told plain by nibble classes (level
 * 2) ends where the byte-by-byte run and its DFA end (level 0): every
 * byte value, alone and between letters, at every place in a phrase of up
 * to 33 bytes, default and strict. */
static void rfc3261_7_2_reason_phrase_by_classes_is_what_the_run_finds(void **state)
{
	(void)state;
	static const char headers[] = "\r\nVia: SIP/2.0/UDP h.example.com;branch=z9hG4bKx\r\n"
				      "Max-Forwards: 70\r\nCall-ID: a@b\r\nCSeq: 1 INVITE\r\n\r\n";
	char line[64];
	for (unsigned byte = 0; byte < 256; byte++) {
		for (size_t length = 1; length <= 33; length += 4) {
			for (size_t at = 0; at < length; at += 3) {
				memcpy(line, "SIP/2.0 200 ", 12);
				memset(line + 12, 'k', length);
				line[12 + at] = (char)byte;
				for (unsigned strict = 0; strict <= 1; strict++) {
					unsigned options = strict ? SIFT_OPT_STRICT : 0;
					start_result bytes = parse_line(line, 12 + length, options, 0, headers);
					start_result classes =
						parse_line(line, 12 + length, options, 2, headers);
					if (!results_equal(&bytes, &classes))
						fail_msg("byte %u at %zu of %zu: code %d/%d offset %u/%u", byte,
							 at, length, bytes.code, classes.code, bytes.offset,
							 classes.offset);
				}
			}
		}
	}
}

/* RFC 3261 7.1: a registered method told by word compares (levels 1 and
 * 2, the line's masks known) gets the id the registry's matcher gives
 * (level 0): every registered name, each cut short, each with a byte more,
 * each with one byte changed (case included), and names past 8 and 15
 * bytes. Methods are case-sensitive. */
static void rfc3261_7_1_method_by_words_is_what_the_registry_matcher_finds(void **state)
{
	(void)state;
	static const char rest[] = " sip:bob@biloxi.example.com SIP/2.0\r\n"
				   "Via: SIP/2.0/UDP h.example.com;branch=z9hG4bKx\r\nMax-Forwards: 70\r\n\r\n";
	static const char *const others[] = { "A", "SUBSCRIBES", "SUBSCRIBEX1234567",
					      "ABCDEFGHIJKLMNO", "ABCDEFGHIJKLMNOP",
					      "INVITE\x80", "\x80INVITE" };
	char name[40];
	size_t registered = 0;
	for (unsigned id = 1; sift_method_name((sift_method_id)id); id++) {
		const char *method = sift_method_name((sift_method_id)id);
		size_t len = strlen(method);
		registered++;
		for (int variant = 0; variant < 3 + (int)len * 2; variant++) {
			size_t n = len;
			memcpy(name, method, len);
			if (variant == 1)
				n = len - 1; /* cut short */
			else if (variant == 2)
				name[n++] = 'E'; /* a byte more */
			else if (variant >= 3 && variant < 3 + (int)len)
				name[variant - 3] ^= 0x20; /* case changed */
			else if (variant >= 3 + (int)len)
				name[variant - 3 - len] ^= 0x01; /* another byte */
			for (unsigned o = 0; o <= 1; o++) {
				unsigned options = o ? SIFT_OPT_INDEX_ONLY : 0;
				start_result bytes = parse_line(name, n, options, 0, rest);
				if (variant == 0)
					assert_int_equal(bytes.method_id, id);
				for (int level = 1; level <= 2; level++) {
					start_result words = parse_line(name, n, options, level, rest);
					if (!results_equal(&bytes, &words))
						fail_msg("\"%.*s\" level %d: method %u/%u code %d/%d",
							 (int)n, name, level, bytes.method_id,
							 words.method_id, bytes.code, words.code);
				}
			}
		}
	}
	assert_true(registered >= 14);
	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
		start_result bytes = parse_line(others[i], strlen(others[i]), 0, 0, rest);
		for (int level = 1; level <= 2; level++) {
			start_result words = parse_line(others[i], strlen(others[i]), 0, level, rest);
			if (!results_equal(&bytes, &words))
				fail_msg("\"%s\" level %d", others[i], level);
		}
	}
}

/* RFC 3261 7.2 (RFC 4475 3.1.1.x): a line that starts with "SIP/" in any
 * case is a Status-Line, anything else a Request-Line. Every byte value
 * in each of the first four places of "SIP/2.0 200 OK": the status path
 * is taken exactly where the bytes equal "SIP/" ignoring ASCII case, at
 * every SIMD level (a SIP-Version error at the line's first byte is the
 * status path's; the request path reads a version only after two SP). */
static void rfc3261_7_2_status_line_starts_with_sip_slash_in_any_case(void **state)
{
	(void)state;
	static const char rest[] = "\r\nVia: SIP/2.0/UDP h.example.com;branch=z9hG4bKx\r\n\r\n";
	char line[] = "SIP/2.0 200 OK";
	for (size_t at = 0; at < 4; at++) {
		for (unsigned byte = 0; byte < 256; byte++) {
			line[at] = (char)byte;
			unsigned char want = (unsigned char)"SIP/"[at];
			int status = byte == want ||
				     (want != '/' && (byte | 0x20) == (want | 0x20) &&
				      ((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z'));
			for (int level = 0; level <= 2; level++) {
				start_result r = parse_line(line, sizeof line - 1, 0, level, rest);
				int took_status = r.code == SIFT_OK
						  ? r.kind == SIFT_KIND_RESPONSE
						  : ((strcmp(r.rule, "SIP-Version") == 0 && r.offset == 0) ||
						     strcmp(r.rule, "Status-Line") == 0 ||
						     strcmp(r.rule, "Status-Code") == 0);
				if (took_status != status)
					fail_msg("byte %u at %zu level %d: status path %d, want %d (rule %s)",
						 byte, at, level, took_status, status,
						 r.rule ? r.rule : "-");
			}
		}
		line[at] = "SIP/"[at];
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rfc3261_19_1_1_request_uri_fast_path_accepts_only_what_the_parser_accepts),
		cmocka_unit_test(rfc3261_25_request_uri_fast_path_on_every_short_string),
		cmocka_unit_test(rfc3261_19_1_1_request_uri_fast_path_takes_the_common_shapes),
		cmocka_unit_test(rfc3261_7_start_line_by_masks_is_what_the_byte_search_finds),
		cmocka_unit_test(rfc3261_7_2_reason_phrase_by_classes_is_what_the_run_finds),
		cmocka_unit_test(rfc3261_7_1_method_by_words_is_what_the_registry_matcher_finds),
		cmocka_unit_test(rfc3261_7_2_status_line_starts_with_sip_slash_in_any_case),
	};
	return cmocka_run_group_tests_name("start line", tests, NULL, NULL);
}
