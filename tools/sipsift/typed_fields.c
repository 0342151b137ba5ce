/*
 * tools/sipsift/typed_fields.c - `sipsift dump --typed` for the headers of
 * sipsift/fields.h: RFC 3261 20 generic and body headers, RFC 3313, 3841,
 * 8262. One JSON object per value, keyed by what the header holds.
 */
#include <string.h>
#include "json.h"
#include "typed.h"

static void q_json(FILE *out, unsigned q, int has_q)
{
	if (has_q)
		fprintf(out, ",\"q\":%u.%03u", q / 1000, q % 1000);
	else
		fputs(",\"q\":null", out);
}

static int list_item_json(FILE *out, const char *buf, sift_header_id id, sift_span value)
{
	static const char *const directives[] = {
		NULL, "proxy", "redirect", "cancel", "no-cancel", "fork", "no-fork", "recurse",
		"no-recurse", "parallel", "sequential", "queue", "no-queue",
	};
	sift_list_item item;
	sift_code code;
	const char *key;
	switch (id) {
	case SIFT_H_ALLOW:
		code = sift_allow_parse(buf, value, 0, &item, NULL), key = "method";
		break;
	case SIFT_H_SUPPORTED:
		code = sift_supported_parse(buf, value, 0, &item, NULL), key = "option_tag";
		break;
	case SIFT_H_REQUIRE:
	case SIFT_H_PROXY_REQUIRE:
	case SIFT_H_UNSUPPORTED:
		code = sift_option_tag_parse(buf, value, 0, &item, NULL), key = "option_tag";
		break;
	case SIFT_H_CONTENT_ENCODING:
		code = sift_content_encoding_parse(buf, value, 0, &item, NULL), key = "content_coding";
		break;
	case SIFT_H_CONTENT_LANGUAGE:
		code = sift_content_language_parse(buf, value, 0, &item, NULL), key = "language_tag";
		break;
	case SIFT_H_IN_REPLY_TO:
		code = sift_in_reply_to_parse(buf, value, 0, &item, NULL), key = "callid";
		break;
	case SIFT_H_REQUEST_DISPOSITION:
		code = sift_request_disposition_parse(buf, value, 0, &item, NULL), key = "directive";
		break;
	case SIFT_H_P_MEDIA_AUTHORIZATION:
		code = sift_media_authorization_parse(buf, value, 0, &item, NULL), key = "token";
		break;
	default:
		return 0;
	}
	if (code != SIFT_OK)
		return 0;
	fputc(',', out);
	if (id == SIFT_H_REQUEST_DISPOSITION)
		fprintf(out, "\"%s\":\"%s\"", key, directives[item.kind]);
	else
		typed_span(out, key, buf, item.value, !item.is_empty);
	if (id == SIFT_H_REQUIRE || id == SIFT_H_PROXY_REQUIRE || id == SIFT_H_UNSUPPORTED ||
	    (id == SIFT_H_SUPPORTED && !item.is_empty))
		fprintf(out, ",\"registered\":%s",
			sift_option_tag_known(buf + item.value.off, item.value.len) ? "true" : "false");
	return 1;
}

static int accept_json(FILE *out, const char *buf, sift_header_id id, sift_span value)
{
	if (id == SIFT_H_ACCEPT) {
		sift_accept_range r;
		if (sift_accept_parse(buf, value, 0, &r, NULL) != SIFT_OK)
			return 0;
		fputs(",\"accept\":{", out);
		typed_span(out, "type", buf, r.type, !r.is_empty);
		fputc(',', out);
		typed_span(out, "subtype", buf, r.subtype, !r.is_empty);
		q_json(out, r.q, r.has_q);
		fputc(',', out);
		typed_params(out, "params", buf, r.params);
		fputc('}', out);
		return 1;
	}
	sift_accept_item a;
	sift_code code = id == SIFT_H_ACCEPT_ENCODING ? sift_accept_encoding_parse(buf, value, 0, &a, NULL)
						      : sift_accept_language_parse(buf, value, 0, &a, NULL);
	if (code != SIFT_OK)
		return 0;
	fputs(",\"accept\":{", out);
	typed_span(out, id == SIFT_H_ACCEPT_ENCODING ? "coding" : "language", buf, a.value, !a.is_empty);
	q_json(out, a.q, a.has_q);
	fputc(',', out);
	typed_params(out, "params", buf, a.params);
	fputc('}', out);
	return 1;
}

static int body_json(FILE *out, const char *buf, sift_header_id id, sift_span value)
{
	static const char *const handling[] = { NULL, "optional", "required", "other" };
	switch (id) {
	case SIFT_H_MIME_VERSION: {
		sift_mime_version v;
		if (sift_mime_version_parse(buf, value, 0, &v, NULL) != SIFT_OK)
			return 0;
		fprintf(out, ",\"mime_version\":{\"major\":%u,\"minor\":%u}", (unsigned)v.major,
			(unsigned)v.minor);
		return 1;
	}
	case SIFT_H_CONTENT_DISPOSITION: {
		sift_content_disposition d;
		if (sift_content_disposition_parse(buf, value, 0, &d, NULL) != SIFT_OK)
			return 0;
		fputs(",\"disposition\":{", out);
		typed_span(out, "type", buf, d.type, 1);
		fprintf(out, ",\"registered\":%s,\"handling\":",
			d.disposition != SIFT_DISPOSITION_OTHER ? "true" : "false");
		if (handling[d.handling_kind])
			fprintf(out, "\"%s\"", handling[d.handling_kind]);
		else
			fputs("null", out);
		fputc(',', out);
		typed_params(out, "params", buf, d.params);
		fputc('}', out);
		return 1;
	}
	case SIFT_H_CONTENT_ID: {
		sift_content_id c;
		if (sift_content_id_parse(buf, value, 0, &c, NULL) != SIFT_OK)
			return 0;
		fputs(",\"content_id\":{", out);
		typed_span(out, "left", buf, c.left, 1);
		fputc(',', out);
		typed_span(out, "right", buf, c.right, 1);
		fputc('}', out);
		return 1;
	}
	default:
		return 0;
	}
}

static int number_json(FILE *out, const char *buf, sift_header_id id, sift_span value)
{
	switch (id) {
	case SIFT_H_EXPIRES:
	case SIFT_H_MIN_EXPIRES: {
		sift_delta_seconds d;
		if (sift_delta_seconds_parse(buf, value, 0, &d, NULL) != SIFT_OK)
			return 0;
		fprintf(out, ",\"seconds\":%u,\"clamped\":%s", (unsigned)d.seconds,
			d.clamped ? "true" : "false");
		return 1;
	}
	case SIFT_H_RETRY_AFTER: {
		sift_retry_after r;
		if (sift_retry_after_parse(buf, value, 0, &r, NULL) != SIFT_OK)
			return 0;
		fprintf(out, ",\"retry_after\":{\"seconds\":%u,", (unsigned)r.seconds);
		if (r.has_duration)
			fprintf(out, "\"duration\":%u,", (unsigned)r.duration);
		else
			fputs("\"duration\":null,", out);
		typed_span(out, "comment", buf, r.comment, r.comment.len > 0);
		fprintf(out, ",\"clamped\":%s,", r.clamped ? "true" : "false");
		typed_params(out, "params", buf, r.params);
		fputc('}', out);
		return 1;
	}
	case SIFT_H_TIMESTAMP: {
		sift_timestamp t;
		if (sift_timestamp_parse(buf, value, 0, &t, NULL) != SIFT_OK)
			return 0;
		fputs(",\"timestamp\":{", out);
		typed_span(out, "time", buf, t.time, 1);
		fputc(',', out);
		typed_span(out, "delay", buf, t.delay, t.delay.len > 0);
		fputc('}', out);
		return 1;
	}
	default:
		return 0;
	}
}

static int text_json(FILE *out, const char *buf, sift_header_id id, sift_span value)
{
	switch (id) {
	case SIFT_H_WARNING: {
		sift_warning w;
		if (sift_warning_parse(buf, value, 0, &w, NULL) != SIFT_OK)
			return 0;
		const char *registered = sift_warning_code_text(w.code);
		fprintf(out, ",\"warning\":{\"code\":%u,", (unsigned)w.code);
		typed_span(out, "agent", buf, w.agent, 1);
		fputc(',', out);
		typed_span(out, "text", buf, w.text, 1);
		fputs(",\"registered_text\":", out);
		if (registered)
			json_string(out, registered, strlen(registered));
		else
			fputs("null", out);
		fputc('}', out);
		return 1;
	}
	case SIFT_H_SERVER:
	case SIFT_H_USER_AGENT: {
		if (sift_server_parse(buf, value, 0, NULL, NULL) != SIFT_OK)
			return 0;
		sift_span cursor = value;
		sift_server_val s;
		int first = 1;
		fputs(",\"server\":[", out);
		while (sift_server_val_next(buf, &cursor, 0, &s, NULL) == SIFT_OK) {
			fputs(first ? "{" : ",{", out);
			first = 0;
			if (s.is_comment) {
				typed_span(out, "comment", buf, s.comment, 1);
			} else {
				typed_span(out, "product", buf, s.product, 1);
				fputc(',', out);
				typed_span(out, "version", buf, s.version, s.version.len > 0);
			}
			fputc('}', out);
		}
		fputc(']', out);
		return 1;
	}
	case SIFT_H_SUBJECT:
	case SIFT_H_ORGANIZATION: {
		sift_span t;
		if (sift_text_parse(buf, value, 0, &t, NULL) != SIFT_OK)
			return 0;
		fputc(',', out);
		typed_span(out, "text", buf, t, 1);
		return 1;
	}
	case SIFT_H_ACCEPT_CONTACT:
	case SIFT_H_REJECT_CONTACT: {
		sift_caller_prefs c;
		sift_code code = id == SIFT_H_ACCEPT_CONTACT ? sift_accept_contact_parse(buf, value, 0, &c, NULL)
							     : sift_reject_contact_parse(buf, value, 0, &c, NULL);
		if (code != SIFT_OK)
			return 0;
		fprintf(out, ",\"caller_prefs\":{\"require\":%s,\"explicit\":%s,\"features\":%u,",
			c.has_require ? "true" : "false", c.has_explicit ? "true" : "false",
			(unsigned)c.feature_count);
		typed_params(out, "params", buf, c.params);
		fputc('}', out);
		return 1;
	}
	default:
		return 0;
	}
}

int typed_fields_json(FILE *out, const char *buf, sift_header_id id, sift_span value)
{
	switch (id) {
	case SIFT_H_ACCEPT:
	case SIFT_H_ACCEPT_ENCODING:
	case SIFT_H_ACCEPT_LANGUAGE:
		return accept_json(out, buf, id, value);
	default:
		return list_item_json(out, buf, id, value) || body_json(out, buf, id, value) ||
		       number_json(out, buf, id, value) || text_json(out, buf, id, value);
	}
}
