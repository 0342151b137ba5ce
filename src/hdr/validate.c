/*
 * src/hdr/validate.c - which typed parser full validation runs per header.
 *
 * Every registered header gets its family's typed parser; Date is checked
 * only when strict, since RFC 4475 3.1.2.12 lets a liberal receiver accept
 * a non-GMT Date. tests/sh/test_every_header_typed.sh keeps the switch
 * complete: every id of grammar/headers.def has its case here.
 */
#include <string.h>
#include "hdr/internal.h"
#include "grammar/internal.h"
#include "sipsift/auth.h"
#include "sipsift/addr.h"
#include "sipsift/event.h"
#include "sipsift/session.h"
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* 2: the widest SIMD the CPU has (AVX2 where it has it, else SSE2);
 * 1: SSE2 only; 0: the scalar loops only. Tests and fuzz targets set it to
 * run every path; any non-zero value takes the SSE2 paths elsewhere. */
int sift__use_simd = 2;

/* RFC 3261 25: header-value = *(TEXT-UTF8char / UTF8-CONT / LWS): no control
 * characters but HTAB and the line ends of folds. Every header without a
 * typed parser of its own is held to this. Bytes 0x80-0xFF are accepted
 * without checking UTF-8 sequences (RFC 3261 takes UTF8-CONT alone too). */
sift_code sift__check_header_text(const char *buf, sift_span value, sift_error *err)
{
	const char *p = buf + value.off, *end = p + value.len;
#if defined(__SSE2__)
	/* 16 bytes a step: a block with no byte below 0x20 and no DEL is fine
	 * as a whole; one with any (a HTAB, or the CRLF of a fold) goes
	 * through the byte loop below, which knows which of those are allowed. */
	if (sift__use_simd) {
		const __m128i below_space = _mm_set1_epi8(0x1F), del = _mm_set1_epi8(0x7F);
		const char *start = p;
		__m128i bytes;
		while (end - p >= 16) {
			bytes = _mm_loadu_si128((const __m128i *)(const void *)p);
			__m128i control = _mm_cmpeq_epi8(_mm_max_epu8(bytes, below_space), below_space);
			if (_mm_movemask_epi8(_mm_or_si128(control, _mm_cmpeq_epi8(bytes, del))))
				goto bytes_one_by_one;
			p += 16;
		}
		/* The tail (a short Subject: "Project X review") as one more block
		 * that ends at end: the last 16 bytes of the value, or its first
		 * and last 8 below 16, never a byte outside it. A block with any
		 * such byte leaves the tail to the byte loop. */
		if (p < end && end - start >= 8) {
			if (end - start >= 16)
				bytes = _mm_loadu_si128((const __m128i *)(const void *)(end - 16));
			else
				bytes = _mm_unpacklo_epi64(
					_mm_loadl_epi64((const __m128i *)(const void *)start),
					_mm_loadl_epi64((const __m128i *)(const void *)(end - 8)));
			__m128i control = _mm_cmpeq_epi8(_mm_max_epu8(bytes, below_space), below_space);
			if (!_mm_movemask_epi8(_mm_or_si128(control, _mm_cmpeq_epi8(bytes, del))))
				return SIFT_OK;
		}
	}
bytes_one_by_one:
#endif
	for (; p < end; p++) {
		unsigned char c = (unsigned char)*p;
		if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7F)
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "header-value");
	}
	return SIFT_OK;
}

/*
 * The checks of full validation, one per grammar: grammar/headers.def names
 * each header's check in its last column, and the table at the end of this
 * file is built from that column, so a header cannot be registered without
 * one. Each runs the header's typed parser on the value (into a scratch
 * result it drops) and returns its code and error. Only SIFT_OPT_STRICT of
 * options reaches the parsers.
 */
#define CHECK(name)                                                                   \
	static sift_code check_##name(const char *buf, sift_header_id id, sift_span value, \
				      unsigned options, sift_error *err)

/* The check that runs `parser` into a scratch `type`. */
#define CHECK_PARSED(name, type, parser)                       \
	CHECK(name)                                            \
	{                                                      \
		(void)id;                                      \
		type parsed;                                   \
		return parser(buf, value, options & SIFT_OPT_STRICT, &parsed, err); \
	}

/*
 * The verdict fast paths of the checks below. Each one only ACCEPTS, and
 * only values its header's parser accepts with the same options; every
 * other value goes to that parser unchanged, so every error (code, offset,
 * rule) is the parser's. The message index takes the LWS around a value
 * and a list element away (RFC 3261 7.3.1), so the common shapes have no
 * SWS; a value that has any is the parser's. sift__header_validate_general
 * at the end of this file runs the parsers alone, and test_validate and
 * fuzz_validate hold each fast path to them.
 */

/* [p, end) is 1*DIGIT (RFC 3261 25) of at most 10 digits, at most max. */
static inline int number_within(const char *p, const char *end, uint64_t max)
{
	if (p >= end || end - p > 10)
		return 0;
	uint64_t number = 0;
	do {
		unsigned digit = (unsigned)(unsigned char)*p - '0';
		if (digit > 9)
			return 0;
		number = number * 10 + digit;
	} while (++p < end);
	return number <= max;
}


/* [p, end) is one token (RFC 3261 25). */
static inline int is_token(const char *p, const char *end)
{
	return sift__match_token_fast(p, end) == end;
}

/* RFC 3261 25 header-value: unregistered headers (SIFT_H_OTHER). */
CHECK(header_text)
{
	(void)id;
	(void)options;
	return sift__check_header_text(buf, value, err);
}

/* The address headers (RFC 3261 20.10, 20.20, 20.30, 20.34, 20.39): the
 * common shapes are accepted by the byte-class masks of
 * src/grammar/fast_addr_masks.re, then by the DFA of
 * src/grammar/fast_addr.re, each accepting only what the next one accepts
 * (the DFA only what sift_addr_parse accepts) with the same options; every
 * other value, and so every error, is sift_addr_parse's. */
static __attribute__((noinline)) sift_code addr_check_rest(const char *buf, sift_span value,
							     unsigned options, sift_error *err)
{
	if (buf && sift__addr_fast_accept(buf + value.off, buf + value.off + value.len, options))
		return SIFT_OK;
	sift_addr parsed;
	return sift_addr_parse(buf, value, options, &parsed, err);
}

/* The masks stage first, without the frame the rest needs (its scratch
 * sift_addr): it calls addr_check_rest in its tail for what it leaves. */
static sift_code addr_check(const char *buf, sift_span value, unsigned options, sift_error *err)
{
	return sift__addr_masks_check(buf, value, options, err, addr_check_rest);
}

/* The headers whose value is name-addr / addr-spec with header parameters
 * and nothing more: From, To (RFC 3261 20.20, 20.39), Reply-To (20.31),
 * Refer-To (RFC 3515 2.1); Contact (RFC 3261 20.10) with "*"; Route,
 * Record-Route (20.34, 20.30), Path (RFC 3327 4), Service-Route (RFC 3608
 * 5) name-addr only; P-Asserted-Identity, P-Preferred-Identity (RFC 3325
 * 9.1, 9.2) without parameters: sift_addr_flags() has each one's flags. */
CHECK(addr)
{
	return addr_check(buf, value, (options & SIFT_OPT_STRICT) | sift__addr_flags(id), err);
}

/* Via (RFC 3261 20.42): sift_via_parse's verdict, no sift_via filled. */
CHECK(via)
{
	(void)id;
	return sift__via_check(buf, value, options & SIFT_OPT_STRICT, err);
}

CHECK_PARSED(referred_by, sift_referred_by, sift_referred_by_parse)  /* RFC 3892 3 */
CHECK_PARSED(diversion, sift_diversion, sift_diversion_parse)        /* RFC 5806 4 */
CHECK_PARSED(history_info, sift_history_info, sift_history_info_parse) /* RFC 7044 9 */

/* Call-ID (RFC 3261 20.8): word ["@" word]. Apart, so that the common
 * value's test below needs no frame. */
static __attribute__((noinline)) sift_code call_id_check_rest(const char *buf, sift_span value,
								unsigned options, sift_error *err)
{
	const char *p = buf + value.off, *end = p + value.len;
	if (buf && sift__match_callid_fast(p, end) == end)
		return SIFT_OK;
	return sift_callid_parse(buf, value, options & SIFT_OPT_STRICT, NULL, err);
}

CHECK(call_id)
{
	(void)id;
	/* The whole value one callid: no frame of the parser, no SWS. */
	if (buf && sift__is_plain_split_once(buf + value.off, buf + value.off + value.len, '@'))
		return SIFT_OK;
	return call_id_check_rest(buf, value, options, err);
}

/* CSeq (RFC 3261 20.16), without the method's registry lookup. */
CHECK(cseq)
{
	(void)id;
	(void)options;
	return sift__cseq_check(buf, value, err);
}

/* Max-Forwards (RFC 3261 20.22): an integer in the range 0-255. */
CHECK(max_forwards)
{
	(void)id;
	(void)options;
	if (buf && number_within(buf + value.off, buf + value.off + value.len, 255))
		return SIFT_OK;
	uint32_t number;
	return sift__uint_parse_general(buf, value, 255, &number, err);
}

/* Content-Length (RFC 3261 20.14): 1*DIGIT, read within 32 bits. */
CHECK(content_length)
{
	(void)id;
	(void)options;
	if (buf && number_within(buf + value.off, buf + value.off + value.len, UINT32_MAX))
		return SIFT_OK;
	uint32_t number;
	return sift__uint_parse_general(buf, value, UINT32_MAX, &number, err);
}

/* Content-Type (RFC 3261 20.15): media-type. */
CHECK(media_type)
{
	(void)id;
	(void)options;
	const char *p = buf + value.off, *end = p + value.len;
	if (buf && (sift__is_plain_split_once(p, end, '/') == 2 || sift__is_bare_media_type(p, end)))
		return SIFT_OK;
	return sift__media_type_check(buf, value, err);
}

/* Date (RFC 3261 20.17): only when strict, since RFC 4475 3.1.2.12 lets a
 * liberal receiver accept a Date that is not in GMT. */
CHECK(date)
{
	(void)id;
	return options & SIFT_OPT_STRICT ? sift_date_parse(buf, value, SIFT_OPT_STRICT, NULL, err)
					 : SIFT_OK;
}

/* The auth family (src/hdr/auth.c; RFC 3261 20.6, 20.7, 20.27, 20.28,
 * 20.44, RFC 8760, RFC 8898, RFC 3329 2.2). */
/* In the default mode a value the verdict-only walk accepts needs no
 * sift_auth; any other goes to the parser, which gives the error. */
CHECK(challenge)
{
	(void)id;
	return sift__challenge_check(buf, value, options, err);
}

CHECK(credentials)
{
	(void)id;
	return sift__credentials_check(buf, value, options, err);
}
CHECK_PARSED(auth_info, sift_auth, sift_auth_info_parse)
CHECK_PARSED(sec_mechanism, sift_sec_mechanism, sift_sec_mechanism_parse)

/* fields.h: RFC 3261 20 generic and body headers, RFC 3313, 3841, 8262. */
CHECK_PARSED(accept_encoding, sift_accept_item, sift_accept_encoding_parse)
CHECK_PARSED(content_language, sift_list_item, sift_content_language_parse)
CHECK_PARSED(in_reply_to, sift_list_item, sift_in_reply_to_parse)
CHECK_PARSED(mime_version, sift_mime_version, sift_mime_version_parse)
CHECK_PARSED(content_disposition, sift_content_disposition, sift_content_disposition_parse)
CHECK_PARSED(content_id, sift_content_id, sift_content_id_parse)
CHECK_PARSED(retry_after, sift_retry_after, sift_retry_after_parse)
CHECK_PARSED(timestamp, sift_timestamp, sift_timestamp_parse)
CHECK_PARSED(warning, sift_warning, sift_warning_parse)
CHECK_PARSED(accept_contact, sift_caller_prefs, sift_accept_contact_parse)
CHECK_PARSED(reject_contact, sift_caller_prefs, sift_reject_contact_parse)
CHECK_PARSED(request_disposition, sift_list_item, sift_request_disposition_parse)
CHECK_PARSED(media_authorization, sift_list_item, sift_media_authorization_parse)

/* Accept (RFC 3261 20.1): one accept-range, most often a media-range
 * type "/" subtype without parameters. Strict refuses "*" with a subtype
 * other than "*": a type that begins with "*" is the parser's. */
CHECK(accept)
{
	(void)id;
	const char *p = buf + value.off, *end = p + value.len;
	if (buf && (sift__is_plain_split_once(p, end, '/') == 2 ||
		    (value.len && *p != '*' && sift__is_bare_media_type(p, end))))
		return SIFT_OK;
	sift_accept_range parsed;
	return sift_accept_parse(buf, value, options & SIFT_OPT_STRICT, &parsed, err);
}

/* qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ) (RFC 3261 25) */
static inline int is_qvalue(const char *p, const char *end)
{
	if (p >= end || end - p > 5 || (*p != '0' && *p != '1'))
		return 0;
	if (end - p == 1)
		return 1;
	if (p[1] != '.')
		return 0;
	for (const char *d = p + 2; d < end; d++)
		if (*p == '0' ? (unsigned)(*d - '0') > 9 : *d != '0')
			return 0;
	return 1;
}

/* Accept-Language (RFC 3261 20.3): one language, most often a
 * language-range of 1*8ALPHA alone or with SEMI "q" EQUAL qvalue ("en",
 * "fr;q=0.5"). */
CHECK(accept_language)
{
	(void)id;
	if (buf) {
		const char *p = buf + value.off, *end = p + value.len, *q = p;
		while (q < end && q - p < 8 && (unsigned)((*q | 0x20) - 'a') < 26)
			q++;
		if (q > p && (q == end || (end - q > 3 && memcmp(q, ";q=", 3) == 0 &&
					   is_qvalue(q + 3, end))))
			return SIFT_OK;
	}
	sift_accept_item parsed;
	return sift_accept_language_parse(buf, value, options & SIFT_OPT_STRICT, &parsed, err);
}

/* Expires, Min-Expires (RFC 3261 20.19, 20.23): delta-seconds, which
 * both modes accept below 2^32. */
CHECK(delta_seconds)
{
	(void)id;
	if (buf && number_within(buf + value.off, buf + value.off + value.len, UINT32_MAX))
		return SIFT_OK;
	sift_delta_seconds parsed;
	return sift_delta_seconds_parse(buf, value, options & SIFT_OPT_STRICT, &parsed, err);
}

/* Subject, Organization (RFC 3261 20.36, 20.25): by default the verdict
 * of sift_text_parse() is header-value's on the value without its SWS,
 * and SWS is header-value too: the value as it is. */
CHECK(text)
{
	(void)id;
	if (buf && !(options & SIFT_OPT_STRICT) && sift__check_header_text(buf, value, NULL) == SIFT_OK)
		return SIFT_OK;
	sift_span parsed;
	return sift_text_parse(buf, value, options & SIFT_OPT_STRICT, &parsed, err);
}

/* The one-token elements, by their parsers' verdicts with no item filled:
 * Allow holds a Method (RFC 3261 20.5), Supported an option-tag or none
 * (20.37), Require, Proxy-Require, Unsupported an option-tag (20.32,
 * 20.29, 20.40), Content-Encoding a content-coding (20.12). */
#define CHECK_TOKEN_ELEMENT(name, rule, may_be_empty)                              \
	CHECK(name)                                                                 \
	{                                                                           \
		(void)id;                                                           \
		(void)options;                                                      \
		if (buf && sift__is_short_plain_token(buf + value.off,              \
						      buf + value.off + value.len,  \
						      value.off + value.len >= 16,  \
						      sift__use_simd))              \
			return SIFT_OK;                                             \
		return sift__token_element_check(buf, value, rule, may_be_empty, err); \
	}
CHECK_TOKEN_ELEMENT(methods, "Method", 1)
CHECK_TOKEN_ELEMENT(supported, "option-tag", 1)
CHECK_TOKEN_ELEMENT(option_tags, "option-tag", 0)
CHECK_TOKEN_ELEMENT(content_codings, "content-coding", 0)
#undef CHECK_TOKEN_ELEMENT

/* Server, User-Agent (RFC 3261 20.35, 20.41): product / comment. One
 * product and nothing else, sift_server_parse()'s own shortcut without its
 * frame; the plain one ("bobphone/2.4") without any. */
static __attribute__((noinline)) sift_code server_check_rest(const char *buf, sift_span value,
							       unsigned options, sift_error *err)
{
	const char *p = buf + value.off, *end = p + value.len;
	if (buf && value.len && *p != '(' && sift__match_product_fast(p, end) == end)
		return SIFT_OK;
	return sift_server_parse(buf, value, options & SIFT_OPT_STRICT, NULL, err);
}

CHECK(server)
{
	(void)id;
	if (buf && sift__is_plain_split_once(buf + value.off, buf + value.off + value.len, '/'))
		return SIFT_OK;
	return server_check_rest(buf, value, options, err);
}

/* The event family (src/hdr/event.c). */

/* event-type = event-package *( "." event-template ), both token-nodot
 * (RFC 6665 8.4): a token without "." ("presence", "dialog") is one. */
static inline int is_plain_event_type(const char *p, const char *end)
{
	return is_token(p, end) && !memchr(p, '.', (size_t)(end - p));
}

/* Event (RFC 6665 8.2.1): the event-type alone, no event-param. */
CHECK(event)
{
	(void)id;
	if (buf && is_plain_event_type(buf + value.off, buf + value.off + value.len))
		return SIFT_OK;
	sift_event parsed;
	return sift_event_parse(buf, value, options & SIFT_OPT_STRICT, &parsed, err);
}

/* Allow-Events (RFC 6665 8.2.2): one list element, one event-type. */
CHECK(allow_events)
{
	(void)id;
	if (buf && is_plain_event_type(buf + value.off, buf + value.off + value.len))
		return SIFT_OK;
	sift_event_list parsed;
	return sift_allow_events_parse(buf, value, options & SIFT_OPT_STRICT, &parsed, err);
}

/* Subscription-State (RFC 6665 8.2.3): substate-value, a token, alone or
 * with SEMI "expires" EQUAL delta-seconds (below 2^32: the parser's
 * bound), the usual "active;expires=599". */
CHECK(subscription_state)
{
	(void)id;
	if (buf) {
		const char *p = buf + value.off, *end = p + value.len;
		const char *q = sift__match_token_fast(p, end);
		if (q == end ||
		    (q && end - q > 9 && memcmp(q, ";expires=", 9) == 0 &&
		     number_within(q + 9, end, UINT32_MAX)))
			return SIFT_OK;
	}
	sift_subscription_state parsed;
	return sift_subscription_state_parse(buf, value, options & SIFT_OPT_STRICT, &parsed, err);
}

CHECK_PARSED(refer_sub, sift_refer_sub, sift_refer_sub_parse)
CHECK_PARSED(entity_tag, sift_span, sift_entity_tag_parse)
CHECK_PARSED(info_package, sift_info_package, sift_info_package_parse)
CHECK_PARSED(recv_info, sift_event_list, sift_recv_info_parse)

/* The session and dialog family (src/hdr/session_*.c). */
CHECK_PARSED(replaces, sift_dialog_match, sift_replaces_parse)
CHECK_PARSED(join, sift_dialog_match, sift_join_parse)
CHECK_PARSED(target_dialog, sift_target_dialog, sift_target_dialog_parse)
CHECK_PARSED(rack, sift_rack, sift_rack_parse)
CHECK_PARSED(rseq, uint32_t, sift_rseq_parse)
CHECK_PARSED(reason, sift_reason, sift_reason_parse)
CHECK_PARSED(identity, sift_identity, sift_identity_parse)
CHECK_PARSED(identity_info, sift_identity_info, sift_identity_info_parse)
CHECK_PARSED(max_breadth, uint32_t, sift_max_breadth_parse)
CHECK_PARSED(flow_timer, uint32_t, sift_flow_timer_parse)
CHECK_PARSED(priority, sift_priority, sift_priority_parse)

/* RFC 4028 4, 5: strict holds Session-Expires and Min-SE to 90 seconds
 * at least (src/hdr/session_timer.c). */
#define SESSION_TIMER_MINIMUM 90

/* Session-Expires (RFC 4028 4): delta-seconds and the refresher param,
 * nearly always delta-seconds alone or with SEMI "refresher" EQUAL ("uac" /
 * "uas") and no SWS, which both modes accept. */
CHECK(session_expires)
{
	(void)id;
	if (buf) {
		const char *p = buf + value.off, *end = p + value.len;
		uint64_t seconds;
		const char *q = sift__digits_run(p, end, &seconds);
		if (q > p && seconds <= UINT32_MAX &&
		    (!(options & SIFT_OPT_STRICT) || seconds >= SESSION_TIMER_MINIMUM) &&
		    (q == end || (end - q == 14 && memcmp(q, ";refresher=ua", 13) == 0 &&
				  (q[13] == 'c' || q[13] == 's'))))
			return SIFT_OK;
	}
	return sift__session_expires_check(buf, value, options & SIFT_OPT_STRICT, err);
}

/* Min-SE (RFC 4028 5): delta-seconds *(SEMI generic-param), nearly always
 * the number alone. */
CHECK(min_se)
{
	(void)id;
	if (buf) {
		const char *p = buf + value.off, *end = p + value.len;
		uint64_t seconds;
		if (sift__digits_run(p, end, &seconds) == end && end > p && seconds <= UINT32_MAX &&
		    (!(options & SIFT_OPT_STRICT) || seconds >= SESSION_TIMER_MINIMUM))
			return SIFT_OK;
	}
	sift_min_se parsed;
	return sift_min_se_parse(buf, value, options & SIFT_OPT_STRICT, &parsed, err);
}
#undef SESSION_TIMER_MINIMUM

/* Privacy (RFC 3323 4.2): priv-value *(";" priv-value), most often one
 * priv-value, a token. */
CHECK(privacy)
{
	(void)id;
	if (buf && is_token(buf + value.off, buf + value.off + value.len))
		return SIFT_OK;
	sift_privacy parsed;
	return sift_privacy_parse(buf, value, options & SIFT_OPT_STRICT, &parsed, err);
}

/* Alert-Info, Call-Info, Error-Info (RFC 3261 20.4, 20.9, 20.18; RFC 7462):
 * one grammar, each header's own parameters. */
CHECK(info_value)
{
	/* Most often "<" scheme "://" plain URI ">", alone or with
	 * ";purpose=" token (RFC 3261 20.9 info-param): both modes accept it
	 * for each of the three (a generic-param for the other two; no
	 * urn:alert: URI, which has no "//"). */
	if (buf) {
		const char *p = buf + value.off, *end = p + value.len;
		const char *q = sift__match_plain_angle_net_uri(p, end);
		if (q && (q == end || (end - q > 9 && memcmp(q, ";purpose=", 9) == 0 &&
				       is_token(q + 9, end))))
			return SIFT_OK;
	}
	return sift__info_value_check(buf, id, value, options & SIFT_OPT_STRICT, err);
}

#undef CHECK_PARSED
#undef CHECK

/* Each header's check, from the last column of grammar/headers.def. */
const sift__value_check sift__value_checks[SIFT_H_COUNT] = {
	[SIFT_H_OTHER] = check_header_text,
#define SIFT_HEADER(id, name, compact, kind, rfc, section, check) [SIFT_H_##id] = check_##check,
#include "headers.def"
#undef SIFT_HEADER
};

int sift__header_check_is_addr(sift_header_id id)
{
	return (unsigned)id < SIFT_H_COUNT && sift__value_checks[id] == check_addr;
}

sift_code sift_header_validate(const char *buf, sift_header_id id, sift_span value,
			       unsigned options, sift_error *err)
{
	if ((unsigned)id >= SIFT_H_COUNT)
		id = SIFT_H_OTHER;
	return sift__value_checks[id](buf, id, value, options, err);
}

/* What each check with a verdict fast path above gives without it: its
 * header's parser alone (SIFT_OPT_STRICT of options passed on); every other
 * header's check as sift_header_validate() runs it. */
sift_code sift__header_validate_general(const char *buf, sift_header_id id, sift_span value,
					unsigned options, sift_error *err)
{
	if ((unsigned)id >= SIFT_H_COUNT)
		id = SIFT_H_OTHER;
	const sift__value_check check = sift__value_checks[id];
	const unsigned strict = options & SIFT_OPT_STRICT;
	union {
		uint32_t number;
		sift_span span;
		sift_media_type media_type;
		sift_session_expires session_expires;
		sift_min_se min_se;
		sift_privacy privacy;
		sift_event event;
		sift_event_list event_list;
		sift_subscription_state subscription_state;
		sift_accept_range accept;
		sift_accept_item accept_item;
		sift_delta_seconds delta_seconds;
		sift_info_value info_value;
	} scratch;
	if (check == check_call_id)
		return sift_callid_parse(buf, value, strict, NULL, err);
	if (check == check_max_forwards)
		return sift__uint_parse_general(buf, value, 255, &scratch.number, err);
	if (check == check_content_length)
		return sift__uint_parse_general(buf, value, UINT32_MAX, &scratch.number, err);
	if (check == check_media_type)
		return sift_media_type_parse(buf, value, strict, &scratch.media_type, err);
	if (check == check_server)
		return sift_server_parse(buf, value, strict, NULL, err);
	if (check == check_session_expires)
		return sift_session_expires_parse(buf, value, strict, &scratch.session_expires, err);
	if (check == check_min_se)
		return sift_min_se_parse(buf, value, strict, &scratch.min_se, err);
	if (check == check_privacy)
		return sift_privacy_parse(buf, value, strict, &scratch.privacy, err);
	if (check == check_event)
		return sift_event_parse(buf, value, strict, &scratch.event, err);
	if (check == check_allow_events)
		return sift_allow_events_parse(buf, value, strict, &scratch.event_list, err);
	if (check == check_subscription_state)
		return sift_subscription_state_parse(buf, value, strict, &scratch.subscription_state,
						     err);
	if (check == check_accept)
		return sift_accept_parse(buf, value, strict, &scratch.accept, err);
	if (check == check_accept_language)
		return sift_accept_language_parse(buf, value, strict, &scratch.accept_item, err);
	if (check == check_delta_seconds)
		return sift_delta_seconds_parse(buf, value, strict, &scratch.delta_seconds, err);
	if (check == check_text)
		return sift_text_parse(buf, value, strict, &scratch.span, err);
	if (check == check_info_value) {
		sift_code (*parse)(const char *, sift_span, unsigned, sift_info_value *, sift_error *) =
			id == SIFT_H_ALERT_INFO  ? sift_alert_info_parse
			: id == SIFT_H_CALL_INFO ? sift_call_info_parse
						 : sift_error_info_parse;
		return parse(buf, value, strict, &scratch.info_value, err);
	}
	if (check == check_methods)
		return sift__token_element_verdict(buf, value, "Method", 1, err);
	if (check == check_supported)
		return sift__token_element_verdict(buf, value, "option-tag", 1, err);
	if (check == check_option_tags)
		return sift__token_element_verdict(buf, value, "option-tag", 0, err);
	if (check == check_content_codings)
		return sift__token_element_verdict(buf, value, "content-coding", 0, err);
	return check(buf, id, value, options, err);
}
