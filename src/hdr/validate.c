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

/* The address headers (RFC 3261 20.10, 20.20, 20.30, 20.34, 20.39): the
 * common shapes are accepted by the DFA of src/grammar/fast_addr.re, which
 * accepts only what sift_addr_parse accepts with the same options; every
 * other value, and so every error, is sift_addr_parse's. */

static sift_code addr_check(const char *buf, sift_span value, unsigned options,
			    sift_addr *scratch, sift_error *err)
{
	if (buf && sift__addr_fast_accept(buf + value.off, buf + value.off + value.len, options))
		return SIFT_OK;
	return sift_addr_parse(buf, value, options, scratch, err);
}

sift_code sift_header_validate(const char *buf, sift_header_id id, sift_span value,
			       unsigned options, sift_error *err)
{
	unsigned strict = options & SIFT_OPT_STRICT;
	union {
		sift_via via;
		sift_addr addr;
		sift_auth auth;
		sift_sec_mechanism sec;
		sift_referred_by referred_by;
		sift_diversion diversion;
		sift_history_info history_info;
		sift_event event;
		sift_event_list list;
		sift_subscription_state substate;
		sift_refer_sub refer_sub;
		sift_info_package info_package;
		sift_span tag;
		/* session and dialog family (sipsift/session.h) */
		sift_dialog_match dialog_match;
		sift_target_dialog target_dialog;
		sift_rack rack;
		sift_min_se min_se;
		sift_reason reason;
		sift_privacy privacy;
		sift_identity identity;
		sift_identity_info identity_info;
		sift_priority priority;
	} parsed;
	uint32_t number;

	switch (id) {
	case SIFT_H_VIA: /* RFC 3261 20.42 */
		return sift_via_parse(buf, value, strict, &parsed.via, err);
	case SIFT_H_FROM:
	case SIFT_H_TO:
		return addr_check(buf, value, strict, &parsed.addr, err);
	case SIFT_H_CONTACT:
		return addr_check(buf, value, strict | SIFT_ADDR_ALLOW_STAR | SIFT_ADDR_CONTACT,
				  &parsed.addr, err);
	case SIFT_H_ROUTE:
	case SIFT_H_RECORD_ROUTE:
		return addr_check(buf, value, strict | SIFT_ADDR_NAME_ADDR_ONLY, &parsed.addr, err);
	/* Address headers of RFC 3261 20.31 and the extensions (src/hdr/addr_ext.c). */
	case SIFT_H_REPLY_TO:             /* RFC 3261 20.31: name-addr / addr-spec */
	case SIFT_H_REFER_TO:             /* RFC 3515 2.1: name-addr / addr-spec */
		return addr_check(buf, value, strict, &parsed.addr, err);
	case SIFT_H_P_ASSERTED_IDENTITY:  /* RFC 3325 9.1: no parameters */
	case SIFT_H_P_PREFERRED_IDENTITY: /* RFC 3325 9.2 */
		return addr_check(buf, value, strict | SIFT_ADDR_NO_PARAMS, &parsed.addr, err);
	case SIFT_H_PATH:                 /* RFC 3327 4: name-addr only */
	case SIFT_H_SERVICE_ROUTE:        /* RFC 3608 5: name-addr only */
		return addr_check(buf, value, strict | SIFT_ADDR_NAME_ADDR_ONLY, &parsed.addr, err);
	case SIFT_H_REFERRED_BY:          /* RFC 3892 3 */
		return sift_referred_by_parse(buf, value, strict, &parsed.referred_by, err);
	case SIFT_H_DIVERSION:            /* RFC 5806 4 */
		return sift_diversion_parse(buf, value, strict, &parsed.diversion, err);
	case SIFT_H_HISTORY_INFO:         /* RFC 7044 9 */
		return sift_history_info_parse(buf, value, strict, &parsed.history_info, err);
	case SIFT_H_CALL_ID:
		return sift_callid_parse(buf, value, strict, NULL, err);
	case SIFT_H_CSEQ:
		return sift__cseq_check(buf, value, err);
	case SIFT_H_MAX_FORWARDS:
		/* RFC 3261 20.22: an integer in the range 0-255 */
		return sift_uint_parse(buf, value, 255, &number, err);
	case SIFT_H_CONTENT_LENGTH:
		return sift_uint_parse(buf, value, UINT32_MAX, &number, err);
	case SIFT_H_CONTENT_TYPE:
		return sift__media_type_check(buf, value, err);
	case SIFT_H_DATE:
		return strict ? sift_date_parse(buf, value, strict, NULL, err) : SIFT_OK;
	/* auth family (src/hdr/auth.c; RFC 3261 20.6, 20.7, 20.27, 20.28,
	 * 20.44, RFC 8760, RFC 8898, RFC 3329 2.2) */
	case SIFT_H_WWW_AUTHENTICATE:
	case SIFT_H_PROXY_AUTHENTICATE:
		return sift_challenge_parse(buf, value, strict, &parsed.auth, err);
	case SIFT_H_AUTHORIZATION:
	case SIFT_H_PROXY_AUTHORIZATION:
		return sift_credentials_parse(buf, value, strict, &parsed.auth, err);
	case SIFT_H_AUTHENTICATION_INFO:
		return sift_auth_info_parse(buf, value, strict, &parsed.auth, err);
	case SIFT_H_SECURITY_CLIENT:
	case SIFT_H_SECURITY_SERVER:
	case SIFT_H_SECURITY_VERIFY:
		return sift_sec_mechanism_parse(buf, value, strict, &parsed.sec, err);
	/* fields.h: RFC 3261 20 generic and body headers, RFC 3313, 3841, 8262 */
	case SIFT_H_ACCEPT: case SIFT_H_ACCEPT_ENCODING: case SIFT_H_ACCEPT_LANGUAGE:
	case SIFT_H_ALLOW: case SIFT_H_SUPPORTED: case SIFT_H_REQUIRE: case SIFT_H_PROXY_REQUIRE:
	case SIFT_H_UNSUPPORTED: case SIFT_H_CONTENT_ENCODING: case SIFT_H_CONTENT_LANGUAGE:
	case SIFT_H_IN_REPLY_TO: case SIFT_H_MIME_VERSION: case SIFT_H_CONTENT_DISPOSITION:
	case SIFT_H_CONTENT_ID: case SIFT_H_EXPIRES: case SIFT_H_MIN_EXPIRES: case SIFT_H_RETRY_AFTER:
	case SIFT_H_TIMESTAMP: case SIFT_H_WARNING: case SIFT_H_SERVER: case SIFT_H_USER_AGENT:
	case SIFT_H_SUBJECT: case SIFT_H_ORGANIZATION: case SIFT_H_ACCEPT_CONTACT:
	case SIFT_H_REJECT_CONTACT: case SIFT_H_REQUEST_DISPOSITION: case SIFT_H_P_MEDIA_AUTHORIZATION:
		return sift__fields_validate(buf, id, value, strict, err);
	/* Event family (src/hdr/event.c) */
	case SIFT_H_EVENT:
		return sift_event_parse(buf, value, strict, &parsed.event, err);
	case SIFT_H_ALLOW_EVENTS:
		return sift_allow_events_parse(buf, value, strict, &parsed.list, err);
	case SIFT_H_SUBSCRIPTION_STATE:
		return sift_subscription_state_parse(buf, value, strict, &parsed.substate, err);
	case SIFT_H_REFER_SUB:
		return sift_refer_sub_parse(buf, value, strict, &parsed.refer_sub, err);
	case SIFT_H_SIP_ETAG:
	case SIFT_H_SIP_IF_MATCH:
		return sift_entity_tag_parse(buf, value, strict, &parsed.tag, err);
	case SIFT_H_INFO_PACKAGE:
		return sift_info_package_parse(buf, value, strict, &parsed.info_package, err);
	case SIFT_H_RECV_INFO:
		return sift_recv_info_parse(buf, value, strict, &parsed.list, err);
	/* session and dialog family (src/hdr/session_*.c) */
	case SIFT_H_REPLACES:
		return sift_replaces_parse(buf, value, strict, &parsed.dialog_match, err);
	case SIFT_H_JOIN:
		return sift_join_parse(buf, value, strict, &parsed.dialog_match, err);
	case SIFT_H_TARGET_DIALOG:
		return sift_target_dialog_parse(buf, value, strict, &parsed.target_dialog, err);
	case SIFT_H_RACK:
		return sift_rack_parse(buf, value, strict, &parsed.rack, err);
	case SIFT_H_RSEQ:
		return sift_rseq_parse(buf, value, strict, &number, err);
	case SIFT_H_SESSION_EXPIRES:
		return sift__session_expires_check(buf, value, strict, err);
	case SIFT_H_MIN_SE:
		return sift_min_se_parse(buf, value, strict, &parsed.min_se, err);
	case SIFT_H_REASON:
		return sift_reason_parse(buf, value, strict, &parsed.reason, err);
	case SIFT_H_PRIVACY:
		return sift_privacy_parse(buf, value, strict, &parsed.privacy, err);
	case SIFT_H_IDENTITY:
		return sift_identity_parse(buf, value, strict, &parsed.identity, err);
	case SIFT_H_IDENTITY_INFO:
		return sift_identity_info_parse(buf, value, strict, &parsed.identity_info, err);
	case SIFT_H_MAX_BREADTH:
		return sift_max_breadth_parse(buf, value, strict, &number, err);
	case SIFT_H_FLOW_TIMER:
		return sift_flow_timer_parse(buf, value, strict, &number, err);
	case SIFT_H_PRIORITY:
		return sift_priority_parse(buf, value, strict, &parsed.priority, err);
	case SIFT_H_ALERT_INFO:
	case SIFT_H_CALL_INFO:
	case SIFT_H_ERROR_INFO:
		return sift__info_value_check(buf, id, value, strict, err);
	default:
		return sift__check_header_text(buf, value, err);
	}
}
