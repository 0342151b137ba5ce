/*
 * src/hdr/fields_validate.c - full validation of the headers of
 * include/sipsift/fields.h: which parser runs for which header id.
 * sift_header_validate() (validate.c) hands these ids here.
 */
#include "hdr/internal.h"

sift_code sift__fields_validate(const char *buf, sift_header_id id, sift_span value,
				unsigned options, sift_error *err)
{
	union {
		sift_list_item item;
		sift_accept_range range;
		sift_accept_item accept;
		sift_mime_version version;
		sift_content_disposition disposition;
		sift_content_id content_id;
		sift_delta_seconds delta;
		sift_retry_after retry;
		sift_timestamp timestamp;
		sift_warning warning;
		sift_caller_prefs prefs;
		sift_span text;
	} parsed;

	switch (id) {
	case SIFT_H_ACCEPT:
		return sift_accept_parse(buf, value, options, &parsed.range, err);
	case SIFT_H_ACCEPT_ENCODING:
		return sift_accept_encoding_parse(buf, value, options, &parsed.accept, err);
	case SIFT_H_ACCEPT_LANGUAGE:
		return sift_accept_language_parse(buf, value, options, &parsed.accept, err);
	/* The one-token elements: their parsers' verdicts, no item filled. */
	case SIFT_H_ALLOW:
		return sift__token_element_check(buf, value, "Method", 1, err);
	case SIFT_H_SUPPORTED:
		return sift__token_element_check(buf, value, "option-tag", 1, err);
	case SIFT_H_REQUIRE:
	case SIFT_H_PROXY_REQUIRE:
	case SIFT_H_UNSUPPORTED:
		return sift__token_element_check(buf, value, "option-tag", 0, err);
	case SIFT_H_CONTENT_ENCODING:
		return sift__token_element_check(buf, value, "content-coding", 0, err);
	case SIFT_H_CONTENT_LANGUAGE:
		return sift_content_language_parse(buf, value, options, &parsed.item, err);
	case SIFT_H_IN_REPLY_TO:
		return sift_in_reply_to_parse(buf, value, options, &parsed.item, err);
	case SIFT_H_MIME_VERSION:
		return sift_mime_version_parse(buf, value, options, &parsed.version, err);
	case SIFT_H_CONTENT_DISPOSITION:
		return sift_content_disposition_parse(buf, value, options, &parsed.disposition, err);
	case SIFT_H_CONTENT_ID:
		return sift_content_id_parse(buf, value, options, &parsed.content_id, err);
	case SIFT_H_EXPIRES:
	case SIFT_H_MIN_EXPIRES:
		return sift_delta_seconds_parse(buf, value, options, &parsed.delta, err);
	case SIFT_H_RETRY_AFTER:
		return sift_retry_after_parse(buf, value, options, &parsed.retry, err);
	case SIFT_H_TIMESTAMP:
		return sift_timestamp_parse(buf, value, options, &parsed.timestamp, err);
	case SIFT_H_WARNING:
		return sift_warning_parse(buf, value, options, &parsed.warning, err);
	case SIFT_H_SERVER:
	case SIFT_H_USER_AGENT:
		return sift_server_parse(buf, value, options, NULL, err);
	case SIFT_H_SUBJECT:
	case SIFT_H_ORGANIZATION:
		return sift_text_parse(buf, value, options, &parsed.text, err);
	case SIFT_H_ACCEPT_CONTACT:
		return sift_accept_contact_parse(buf, value, options, &parsed.prefs, err);
	case SIFT_H_REJECT_CONTACT:
		return sift_reject_contact_parse(buf, value, options, &parsed.prefs, err);
	case SIFT_H_REQUEST_DISPOSITION:
		return sift_request_disposition_parse(buf, value, options, &parsed.item, err);
	case SIFT_H_P_MEDIA_AUTHORIZATION:
		return sift_media_authorization_parse(buf, value, options, &parsed.item, err);
	default:
		return sift__check_header_text(buf, value, err);
	}
}
