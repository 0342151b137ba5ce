/*
 * tools/sipsift/typed_fields.c - `sipsift dump --typed` for the headers of
 * sipsift/fields.h: RFC 3261 20 generic and body headers, RFC 3313, 3841,
 * 8262. One JSON object per value, keyed by what the header holds.
 */
#include <string.h>
#include "json.h"
#include "typed.h"

/* The list-item headers: their parser and the key of their element. */
static const struct {
	sift_header_id id;
	sift_code (*parse)(const char *, sift_span, unsigned, sift_list_item *, sift_error *);
	const char *key;
} list_items[] = {
	{ SIFT_H_ALLOW, sift_allow_parse, "method" },
	{ SIFT_H_SUPPORTED, sift_supported_parse, "option_tag" },
	{ SIFT_H_REQUIRE, sift_option_tag_parse, "option_tag" },
	{ SIFT_H_PROXY_REQUIRE, sift_option_tag_parse, "option_tag" },
	{ SIFT_H_UNSUPPORTED, sift_option_tag_parse, "option_tag" },
	{ SIFT_H_CONTENT_ENCODING, sift_content_encoding_parse, "content_coding" },
	{ SIFT_H_CONTENT_LANGUAGE, sift_content_language_parse, "language_tag" },
	{ SIFT_H_IN_REPLY_TO, sift_in_reply_to_parse, "callid" },
	{ SIFT_H_REQUEST_DISPOSITION, sift_request_disposition_parse, "directive" },
	{ SIFT_H_P_MEDIA_AUTHORIZATION, sift_media_authorization_parse, "token" },
};

static int list_item_json(FILE *out, const char *buf, sift_header_id id, sift_span value)
{
	static const char *const directives[] = {
		NULL, "proxy", "redirect", "cancel", "no-cancel", "fork", "no-fork", "recurse",
		"no-recurse", "parallel", "sequential", "queue", "no-queue",
	};
	size_t i = 0;
	while (i < sizeof list_items / sizeof list_items[0] && list_items[i].id != id)
		i++;
	if (i == sizeof list_items / sizeof list_items[0])
		return 0;
	const char *key = list_items[i].key;
	sift_list_item item;
	sift_code code = list_items[i].parse(buf, value, 0, &item, NULL);
	if (code != SIFT_OK)
		return 0;
	fputc(',', out);
	if (id == SIFT_H_REQUEST_DISPOSITION)
		fprintf(out, "\"%s\":\"%s\"", key, directives[item.kind]);
	else
		typed_span(out, key, buf, item.value, !item.is_empty);
	if (id == SIFT_H_REQUIRE || id == SIFT_H_PROXY_REQUIRE || id == SIFT_H_UNSUPPORTED ||
	    (id == SIFT_H_SUPPORTED && !item.is_empty))
		typed_comma_bool(out, "registered",
				 sift_option_tag_known(buf + item.value.off, item.value.len));
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
		typed_comma_span(out, "subtype", buf, r.subtype, !r.is_empty);
		typed_comma_q(out, r.q, r.has_q);
		typed_comma_params_end(out, buf, r.params);
		return 1;
	}
	sift_accept_item a;
	sift_code code = id == SIFT_H_ACCEPT_ENCODING ? sift_accept_encoding_parse(buf, value, 0, &a, NULL)
						      : sift_accept_language_parse(buf, value, 0, &a, NULL);
	if (code != SIFT_OK)
		return 0;
	fputs(",\"accept\":{", out);
	typed_span(out, id == SIFT_H_ACCEPT_ENCODING ? "coding" : "language", buf, a.value, !a.is_empty);
	typed_comma_q(out, a.q, a.has_q);
	typed_comma_params_end(out, buf, a.params);
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
		typed_comma_bool(out, "registered", d.disposition != SIFT_DISPOSITION_OTHER);
		typed_comma_name(out, "handling", handling[d.handling_kind]);
		typed_comma_params_end(out, buf, d.params);
		return 1;
	}
	case SIFT_H_CONTENT_ID: {
		sift_content_id c;
		if (sift_content_id_parse(buf, value, 0, &c, NULL) != SIFT_OK)
			return 0;
		fputs(",\"content_id\":{", out);
		typed_span(out, "left", buf, c.left, 1);
		typed_comma_span(out, "right", buf, c.right, 1);
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
		typed_comma_uint(out, "seconds", d.seconds, 1);
		typed_comma_bool(out, "clamped", d.clamped);
		return 1;
	}
	case SIFT_H_RETRY_AFTER: {
		sift_retry_after r;
		if (sift_retry_after_parse(buf, value, 0, &r, NULL) != SIFT_OK)
			return 0;
		fprintf(out, ",\"retry_after\":{\"seconds\":%u", (unsigned)r.seconds);
		typed_comma_uint(out, "duration", r.duration, r.has_duration);
		typed_comma_span(out, "comment", buf, r.comment, r.comment.len > 0);
		typed_comma_bool(out, "clamped", r.clamped);
		typed_comma_params_end(out, buf, r.params);
		return 1;
	}
	case SIFT_H_TIMESTAMP: {
		sift_timestamp t;
		if (sift_timestamp_parse(buf, value, 0, &t, NULL) != SIFT_OK)
			return 0;
		fputs(",\"timestamp\":{", out);
		typed_span(out, "time", buf, t.time, 1);
		typed_comma_span(out, "delay", buf, t.delay, t.delay.len > 0);
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
		typed_comma_span(out, "text", buf, w.text, 1);
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
				typed_comma_span(out, "version", buf, s.version, s.version.len > 0);
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
		typed_comma_span(out, "text", buf, t, 1);
		return 1;
	}
	case SIFT_H_ACCEPT_CONTACT:
	case SIFT_H_REJECT_CONTACT: {
		sift_caller_prefs c;
		sift_code code = id == SIFT_H_ACCEPT_CONTACT ? sift_accept_contact_parse(buf, value, 0, &c, NULL)
							     : sift_reject_contact_parse(buf, value, 0, &c, NULL);
		if (code != SIFT_OK)
			return 0;
		fprintf(out, ",\"caller_prefs\":{\"require\":%s", c.has_require ? "true" : "false");
		typed_comma_bool(out, "explicit", c.has_explicit);
		typed_comma_uint(out, "features", c.feature_count, 1);
		typed_comma_params_end(out, buf, c.params);
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
