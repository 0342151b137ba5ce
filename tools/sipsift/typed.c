/*
 * tools/sipsift/typed.c - `sipsift dump --typed`: for each header value that
 * has a typed parser, its parts as JSON, so users can inspect and tests can
 * compare. The header families add their printers to the table at the end.
 */
#include <string.h>
#include "json.h"
#include "typed.h"

void typed_span(FILE *out, const char *key, const char *buf, sift_span s, int present)
{
	fprintf(out, "\"%s\":", key);
	if (present)
		json_string(out, buf + s.off, s.len);
	else
		fputs("null", out);
}

void typed_comma_span(FILE *out, const char *key, const char *buf, sift_span s, int present)
{
	fputc(',', out);
	typed_span(out, key, buf, s, present);
}

void typed_comma_uint(FILE *out, const char *key, uint32_t n, int present)
{
	if (present)
		fprintf(out, ",\"%s\":%u", key, (unsigned)n);
	else
		fprintf(out, ",\"%s\":null", key);
}

void typed_comma_bool(FILE *out, const char *key, int value)
{
	fprintf(out, ",\"%s\":%s", key, value ? "true" : "false");
}

void typed_name(FILE *out, const char *key, const char *name)
{
	if (name)
		fprintf(out, "\"%s\":\"%s\"", key, name);
	else
		fprintf(out, "\"%s\":null", key);
}

void typed_comma_name(FILE *out, const char *key, const char *name)
{
	fputc(',', out);
	typed_name(out, key, name);
}

void typed_comma_q(FILE *out, unsigned thousandths, int has_q)
{
	if (has_q)
		fprintf(out, ",\"q\":%u.%03u", thousandths / 1000u, thousandths % 1000u);
	else
		fputs(",\"q\":null", out);
}

void typed_comma_span_list(FILE *out, const char *key, const char *buf, sift_span list,
			   typed_walk next)
{
	sift_span element;
	fprintf(out, ",\"%s\":[", key);
	for (int first = 1; next(buf, &list, &element); first = 0) {
		if (!first)
			fputc(',', out);
		json_string(out, buf + element.off, element.len);
	}
	fputc(']', out);
}

void typed_params(FILE *out, const char *key, const char *buf, sift_span params)
{
	sift_param param;
	int first = 1;
	fprintf(out, "\"%s\":[", key);
	while (sift_param_next(buf, &params, &param)) {
		fputs(first ? "{" : ",{", out);
		first = 0;
		typed_span(out, "name", buf, param.name, 1);
		fputc(',', out);
		typed_span(out, "value", buf, param.value, param.has_value);
		fputc('}', out);
	}
	fputc(']', out);
}

void typed_comma_params_end(FILE *out, const char *buf, sift_span params)
{
	fputc(',', out);
	typed_params(out, "params", buf, params);
	fputc('}', out);
}

void typed_uri(FILE *out, const char *key, const char *buf, sift_span text)
{
	static const char *const schemes[] = { "other", "sip", "sips", "tel", "urn" };
	static const char *const hosts[] = { NULL, "name", "ipv4", "ipv6" };
	sift_uri uri;
	fprintf(out, "\"%s\":", key);
	if (sift_uri_parse(buf, text, 0, &uri, NULL) != SIFT_OK) {
		fputs("null", out);
		return;
	}
	fprintf(out, "{\"scheme\":\"%s\",", schemes[uri.scheme]);
	typed_span(out, "user", buf, uri.user, uri.has_user);
	typed_comma_span(out, "host", buf, uri.host, uri.host_kind != SIFT_HOST_NONE);
	typed_comma_name(out, "host_kind", hosts[uri.host_kind]);
	typed_comma_uint(out, "port", uri.port, uri.has_port);
	fputc(',', out);
	typed_params(out, "params", buf, uri.params);
	typed_comma_span(out, "headers", buf, uri.headers, uri.headers.len > 0);
	fputc('}', out);
}

static int core_json(FILE *out, const char *buf, sift_header_id id, sift_span value)
{
	switch (id) {
	case SIFT_H_VIA: {
		sift_via via;
		if (sift_via_parse(buf, value, 0, &via, NULL) != SIFT_OK)
			return 0;
		fputs(",\"via\":{", out);
		typed_span(out, "protocol", buf, via.protocol_name, 1);
		typed_comma_span(out, "version", buf, via.protocol_version, 1);
		typed_comma_span(out, "transport", buf, via.transport, 1);
		typed_comma_span(out, "host", buf, via.host, 1);
		typed_comma_uint(out, "port", via.port, via.has_port);
		typed_comma_span(out, "branch", buf, via.branch, via.branch.len > 0);
		typed_comma_span(out, "received", buf, via.received, via.received.len > 0);
		typed_comma_span(out, "rport", buf, via.rport, via.has_rport);
		typed_comma_params_end(out, buf, via.params);
		return 1;
	}
	case SIFT_H_FROM:
	case SIFT_H_TO:
	case SIFT_H_CONTACT:
	case SIFT_H_ROUTE:
	case SIFT_H_RECORD_ROUTE: {
		sift_addr addr;
		unsigned flags = sift_addr_flags(id);
		if (sift_addr_parse(buf, value, flags, &addr, NULL) != SIFT_OK)
			return 0;
		fputs(",\"addr\":{", out);
		if (addr.is_star) {
			fputs("\"star\":true}", out);
			return 1;
		}
		typed_addr_object(out, buf, &addr, 1);
		fputc('}', out);
		return 1;
	}
	case SIFT_H_CALL_ID: {
		sift_callid callid;
		if (sift_callid_parse(buf, value, 0, &callid, NULL) != SIFT_OK)
			return 0;
		fputs(",\"callid\":{", out);
		typed_span(out, "local", buf, callid.local, 1);
		typed_comma_span(out, "host", buf, callid.host, callid.has_host);
		fputc('}', out);
		return 1;
	}
	case SIFT_H_DATE: {
		sift_date date;
		if (sift_date_parse(buf, value, 0, &date, NULL) != SIFT_OK)
			return 0;
		fprintf(out, ",\"date\":{\"year\":%u,\"month\":%u,\"day\":%u,\"hour\":%u,"
			     "\"minute\":%u,\"second\":%u,\"weekday\":%u}",
			date.year, date.month, date.day, date.hour, date.minute, date.second,
			date.weekday);
		return 1;
	}
	case SIFT_H_CSEQ: {
		sift_cseq cseq;
		if (sift_cseq_parse(buf, value, 0, &cseq, NULL) != SIFT_OK)
			return 0;
		fprintf(out, ",\"cseq\":{\"number\":%u,", (unsigned)cseq.number);
		typed_span(out, "method", buf, cseq.method, 1);
		fputc('}', out);
		return 1;
	}
	case SIFT_H_MAX_FORWARDS:
	case SIFT_H_CONTENT_LENGTH: {
		uint32_t number;
		if (sift_uint_parse(buf, value, UINT32_MAX, &number, NULL) != SIFT_OK)
			return 0;
		fprintf(out, ",\"number\":%u", (unsigned)number);
		return 1;
	}
	case SIFT_H_CONTENT_TYPE: {
		sift_media_type media;
		if (sift_media_type_parse(buf, value, 0, &media, NULL) != SIFT_OK)
			return 0;
		fputs(",\"media_type\":{", out);
		typed_span(out, "type", buf, media.type, 1);
		typed_comma_span(out, "subtype", buf, media.subtype, 1);
		typed_comma_params_end(out, buf, media.params);
		return 1;
	}
	default:
		return 0;
	}
}

typedef int (*typed_printer)(FILE *out, const char *buf, sift_header_id id, sift_span value);

/* One printer per header family, tried in order. */
static const typed_printer printers[] = {
	core_json,
	typed_auth_json,
	typed_fields_json,
	addr_json,
	typed_event_json,
	typed_session_json,
};

int typed_json(FILE *out, const char *buf, sift_header_id id, sift_span value)
{
	for (size_t i = 0; i < sizeof printers / sizeof printers[0]; i++)
		if (printers[i](out, buf, id, value))
			return 1;
	return 0;
}
