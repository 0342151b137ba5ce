/*
 * src/hdr/validate.c - which typed parser full validation runs per header.
 *
 * Every registered header gets its family's typed parser; Date is checked
 * only when strict, since RFC 4475 3.1.2.12 lets a liberal receiver accept
 * a non-GMT Date. tests/sh/test_every_header_typed.sh keeps the switch
 * complete: every id of grammar/headers.def has its case here.
 */
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
		while (end - p >= 16) {
			__m128i bytes = _mm_loadu_si128((const __m128i *)(const void *)p);
			__m128i control = _mm_cmpeq_epi8(_mm_max_epu8(bytes, below_space), below_space);
			if (_mm_movemask_epi8(_mm_or_si128(control, _mm_cmpeq_epi8(bytes, del))))
				break;
			p += 16;
		}
	}
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

/* RFC 3261 25 header-value: unregistered headers (SIFT_H_OTHER). */
CHECK(header_text)
{
	(void)id;
	(void)options;
	return sift__check_header_text(buf, value, err);
}

/* The address headers (RFC 3261 20.10, 20.20, 20.30, 20.34, 20.39): the
 * common shapes are accepted by the DFA of src/grammar/fast_addr.re, which
 * accepts only what sift_addr_parse accepts with the same options; every
 * other value, and so every error, is sift_addr_parse's. */
static sift_code addr_check(const char *buf, sift_span value, unsigned options, sift_error *err)
{
	if (buf && sift__addr_fast_accept(buf + value.off, buf + value.off + value.len, options))
		return SIFT_OK;
	sift_addr parsed;
	return sift_addr_parse(buf, value, options, &parsed, err);
}

/* The headers whose value is name-addr / addr-spec with header parameters
 * and nothing more: From, To (RFC 3261 20.20, 20.39), Reply-To (20.31),
 * Refer-To (RFC 3515 2.1); Contact (RFC 3261 20.10) with "*"; Route,
 * Record-Route (20.34, 20.30), Path (RFC 3327 4), Service-Route (RFC 3608
 * 5) name-addr only; P-Asserted-Identity, P-Preferred-Identity (RFC 3325
 * 9.1, 9.2) without parameters: sift_addr_flags() has each one's flags. */
CHECK(addr)
{
	return addr_check(buf, value, (options & SIFT_OPT_STRICT) | sift_addr_flags(id), err);
}

CHECK_PARSED(via, sift_via, sift_via_parse)                          /* RFC 3261 20.42 */
CHECK_PARSED(referred_by, sift_referred_by, sift_referred_by_parse)  /* RFC 3892 3 */
CHECK_PARSED(diversion, sift_diversion, sift_diversion_parse)        /* RFC 5806 4 */
CHECK_PARSED(history_info, sift_history_info, sift_history_info_parse) /* RFC 7044 9 */

/* Call-ID (RFC 3261 20.8): word ["@" word]. */
CHECK(call_id)
{
	(void)id;
	return sift_callid_parse(buf, value, options & SIFT_OPT_STRICT, NULL, err);
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
	uint32_t number;
	return sift_uint_parse(buf, value, 255, &number, err);
}

/* Content-Length (RFC 3261 20.14): 1*DIGIT, read within 32 bits. */
CHECK(content_length)
{
	(void)id;
	(void)options;
	uint32_t number;
	return sift_uint_parse(buf, value, UINT32_MAX, &number, err);
}

/* Content-Type (RFC 3261 20.15): media-type. */
CHECK(media_type)
{
	(void)id;
	(void)options;
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
	if (!(options & SIFT_OPT_STRICT) && sift__auth_accept(buf, value, 0))
		return SIFT_OK;
	sift_auth parsed;
	return sift_challenge_parse(buf, value, options & SIFT_OPT_STRICT, &parsed, err);
}

CHECK(credentials)
{
	(void)id;
	if (!(options & SIFT_OPT_STRICT) && sift__auth_accept(buf, value, 1))
		return SIFT_OK;
	sift_auth parsed;
	return sift_credentials_parse(buf, value, options & SIFT_OPT_STRICT, &parsed, err);
}
CHECK_PARSED(auth_info, sift_auth, sift_auth_info_parse)
CHECK_PARSED(sec_mechanism, sift_sec_mechanism, sift_sec_mechanism_parse)

/* fields.h: RFC 3261 20 generic and body headers, RFC 3313, 3841, 8262. */
CHECK_PARSED(accept, sift_accept_range, sift_accept_parse)
CHECK_PARSED(accept_encoding, sift_accept_item, sift_accept_encoding_parse)
CHECK_PARSED(accept_language, sift_accept_item, sift_accept_language_parse)
CHECK_PARSED(content_language, sift_list_item, sift_content_language_parse)
CHECK_PARSED(in_reply_to, sift_list_item, sift_in_reply_to_parse)
CHECK_PARSED(mime_version, sift_mime_version, sift_mime_version_parse)
CHECK_PARSED(content_disposition, sift_content_disposition, sift_content_disposition_parse)
CHECK_PARSED(content_id, sift_content_id, sift_content_id_parse)
CHECK_PARSED(delta_seconds, sift_delta_seconds, sift_delta_seconds_parse)
CHECK_PARSED(retry_after, sift_retry_after, sift_retry_after_parse)
CHECK_PARSED(timestamp, sift_timestamp, sift_timestamp_parse)
CHECK_PARSED(warning, sift_warning, sift_warning_parse)
CHECK_PARSED(text, sift_span, sift_text_parse)
CHECK_PARSED(accept_contact, sift_caller_prefs, sift_accept_contact_parse)
CHECK_PARSED(reject_contact, sift_caller_prefs, sift_reject_contact_parse)
CHECK_PARSED(request_disposition, sift_list_item, sift_request_disposition_parse)
CHECK_PARSED(media_authorization, sift_list_item, sift_media_authorization_parse)

/* The one-token elements, by their parsers' verdicts with no item filled:
 * Allow holds a Method (RFC 3261 20.5), Supported an option-tag or none
 * (20.37), Require, Proxy-Require, Unsupported an option-tag (20.32,
 * 20.29, 20.40), Content-Encoding a content-coding (20.12). */
#define CHECK_TOKEN_ELEMENT(name, rule, may_be_empty)                              \
	CHECK(name)                                                                 \
	{                                                                           \
		(void)id;                                                           \
		(void)options;                                                      \
		return sift__token_element_check(buf, value, rule, may_be_empty, err); \
	}
CHECK_TOKEN_ELEMENT(methods, "Method", 1)
CHECK_TOKEN_ELEMENT(supported, "option-tag", 1)
CHECK_TOKEN_ELEMENT(option_tags, "option-tag", 0)
CHECK_TOKEN_ELEMENT(content_codings, "content-coding", 0)
#undef CHECK_TOKEN_ELEMENT

/* Server, User-Agent (RFC 3261 20.35, 20.41): product / comment. */
CHECK(server)
{
	(void)id;
	return sift_server_parse(buf, value, options & SIFT_OPT_STRICT, NULL, err);
}

/* The event family (src/hdr/event.c). */
CHECK_PARSED(event, sift_event, sift_event_parse)
CHECK_PARSED(allow_events, sift_event_list, sift_allow_events_parse)
CHECK_PARSED(subscription_state, sift_subscription_state, sift_subscription_state_parse)
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
CHECK_PARSED(min_se, sift_min_se, sift_min_se_parse)
CHECK_PARSED(reason, sift_reason, sift_reason_parse)
CHECK_PARSED(privacy, sift_privacy, sift_privacy_parse)
CHECK_PARSED(identity, sift_identity, sift_identity_parse)
CHECK_PARSED(identity_info, sift_identity_info, sift_identity_info_parse)
CHECK_PARSED(max_breadth, uint32_t, sift_max_breadth_parse)
CHECK_PARSED(flow_timer, uint32_t, sift_flow_timer_parse)
CHECK_PARSED(priority, sift_priority, sift_priority_parse)

/* Session-Expires (RFC 4028 4): delta-seconds and the refresher param. */
CHECK(session_expires)
{
	(void)id;
	return sift__session_expires_check(buf, value, options & SIFT_OPT_STRICT, err);
}

/* Alert-Info, Call-Info, Error-Info (RFC 3261 20.4, 20.9, 20.18; RFC 7462):
 * one grammar, each header's own parameters. */
CHECK(info_value)
{
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
