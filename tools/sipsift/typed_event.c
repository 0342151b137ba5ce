/*
 * tools/sipsift/typed_event.c - `sipsift dump --typed` for the event family:
 * Event, Allow-Events, Subscription-State (RFC 6665, RFC 6446 rates),
 * Refer-Sub (RFC 4488), SIP-ETag / SIP-If-Match (RFC 3903), Info-Package and
 * Recv-Info (RFC 6086).
 */
#include "json.h"
#include "typed.h"

static void rate_json(FILE *out, const char *key, const char *buf, const sift_event_rate *rate)
{
	fprintf(out, ",\"%s\":", key);
	if (!rate->present) {
		fputs("null", out);
		return;
	}
	fputc('{', out);
	typed_span(out, "text", buf, rate->text, 1);
	if (rate->valid)
		fprintf(out, ",\"per_second\":%llu.%010llu}",
			(unsigned long long)(rate->units / 10000000000ull),
			(unsigned long long)(rate->units % 10000000000ull));
	else
		fputs(",\"per_second\":null}", out);
}

/* A comma list as a JSON array of its elements' text. */
static void list_json(FILE *out, const char *key, const char *buf, sift_span list)
{
	sift_span element;
	int first = 1;
	fprintf(out, "\"%s\":[", key);
	while (sift_event_list_next(buf, &list, &element)) {
		if (!first)
			fputc(',', out);
		first = 0;
		json_string(out, buf + element.off, element.len);
	}
	fputc(']', out);
}

static void info_package_json(FILE *out, const char *buf, const sift_info_package *package)
{
	fputc('{', out);
	typed_span(out, "name", buf, package->name, 1);
	fputc(',', out);
	typed_params(out, "params", buf, package->params);
	fputc('}', out);
}

int typed_event_json(FILE *out, const char *buf, sift_header_id id, sift_span value)
{
	static const char *const states[] = { "other", "active", "pending", "terminated" };
	static const char *const reasons[] = { NULL,      "other",    "deactivated",
					       "probation", "rejected", "timeout",
					       "giveup",    "noresource", "invariant",
					       "badfilter" };
	switch (id) {
	case SIFT_H_EVENT: {
		sift_event e;
		if (sift_event_parse(buf, value, 0, &e, NULL) != SIFT_OK)
			return 0;
		fputs(",\"event\":{", out);
		typed_span(out, "type", buf, e.type, 1);
		fputc(',', out);
		typed_span(out, "package", buf, e.package, 1);
		fputs(",\"templates\":[", out);
		sift_span cursor = e.templates, template_name;
		for (int first = 1; sift_event_template_next(buf, &cursor, &template_name); first = 0) {
			if (!first)
				fputc(',', out);
			json_string(out, buf + template_name.off, template_name.len);
		}
		fputs("],", out);
		typed_span(out, "id", buf, e.id, e.has_id);
		rate_json(out, "max_rate", buf, &e.max_rate);
		rate_json(out, "min_rate", buf, &e.min_rate);
		rate_json(out, "adaptive_min_rate", buf, &e.adaptive_min_rate);
		fputc(',', out);
		typed_params(out, "params", buf, e.params);
		fputc('}', out);
		return 1;
	}
	case SIFT_H_ALLOW_EVENTS: {
		sift_event_list list;
		if (sift_allow_events_parse(buf, value, 0, &list, NULL) != SIFT_OK)
			return 0;
		fputc(',', out);
		list_json(out, "event_types", buf, list.list);
		return 1;
	}
	case SIFT_H_SUBSCRIPTION_STATE: {
		sift_subscription_state s;
		if (sift_subscription_state_parse(buf, value, 0, &s, NULL) != SIFT_OK)
			return 0;
		fputs(",\"subscription_state\":{", out);
		typed_span(out, "state", buf, s.state, 1);
		fprintf(out, ",\"state_kind\":\"%s\",", states[s.state_id]);
		typed_span(out, "reason", buf, s.reason, s.reason_id != SIFT_REASON_NONE);
		if (s.reason_id != SIFT_REASON_NONE)
			fprintf(out, ",\"reason_kind\":\"%s\"", reasons[s.reason_id]);
		else
			fputs(",\"reason_kind\":null", out);
		if (s.has_expires)
			fprintf(out, ",\"expires\":%u", (unsigned)s.expires);
		else
			fputs(",\"expires\":null", out);
		if (s.has_retry_after)
			fprintf(out, ",\"retry_after\":%u", (unsigned)s.retry_after);
		else
			fputs(",\"retry_after\":null", out);
		rate_json(out, "max_rate", buf, &s.max_rate);
		rate_json(out, "min_rate", buf, &s.min_rate);
		rate_json(out, "adaptive_min_rate", buf, &s.adaptive_min_rate);
		fputc(',', out);
		typed_params(out, "params", buf, s.params);
		fputc('}', out);
		return 1;
	}
	case SIFT_H_REFER_SUB: {
		sift_refer_sub r;
		if (sift_refer_sub_parse(buf, value, 0, &r, NULL) != SIFT_OK)
			return 0;
		fprintf(out, ",\"refer_sub\":{\"value\":%s,", r.is_true ? "true" : "false");
		typed_params(out, "params", buf, r.params);
		fputc('}', out);
		return 1;
	}
	case SIFT_H_SIP_ETAG:
	case SIFT_H_SIP_IF_MATCH: {
		sift_span tag;
		if (sift_entity_tag_parse(buf, value, 0, &tag, NULL) != SIFT_OK)
			return 0;
		fputc(',', out);
		typed_span(out, "entity_tag", buf, tag, 1);
		return 1;
	}
	case SIFT_H_INFO_PACKAGE: {
		sift_info_package package;
		if (sift_info_package_parse(buf, value, 0, &package, NULL) != SIFT_OK)
			return 0;
		fputs(",\"info_package\":", out);
		info_package_json(out, buf, &package);
		return 1;
	}
	case SIFT_H_RECV_INFO: {
		sift_event_list list;
		if (sift_recv_info_parse(buf, value, 0, &list, NULL) != SIFT_OK)
			return 0;
		fputs(",\"info_packages\":[", out);
		sift_span cursor = list.list, element;
		for (int first = 1; sift_event_list_next(buf, &cursor, &element); first = 0) {
			sift_info_package package;
			if (!first)
				fputc(',', out);
			if (sift_info_package_parse(buf, element, 0, &package, NULL) == SIFT_OK)
				info_package_json(out, buf, &package);
			else
				fputs("null", out);
		}
		fputc(']', out);
		return 1;
	}
	default:
		return 0;
	}
}
