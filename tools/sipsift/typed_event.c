/*
 * tools/sipsift/typed_event.c - `sipsift dump --typed` for the event family:
 * Event, Allow-Events, Subscription-State (RFC 6665, RFC 6446 rates),
 * Refer-Sub (RFC 4488), SIP-ETag / SIP-If-Match (RFC 3903), Info-Package and
 * Recv-Info (RFC 6086).
 */
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

/* The three rate parameters of RFC 6446 (Event and Subscription-State). */
static void rates_json(FILE *out, const char *buf, const sift_event_rate *max,
		       const sift_event_rate *min, const sift_event_rate *adaptive_min)
{
	rate_json(out, "max_rate", buf, max);
	rate_json(out, "min_rate", buf, min);
	rate_json(out, "adaptive_min_rate", buf, adaptive_min);
}

static void info_package_json(FILE *out, const char *buf, const sift_info_package *package)
{
	fputc('{', out);
	typed_span(out, "name", buf, package->name, 1);
	typed_comma_params_end(out, buf, package->params);
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
		typed_comma_span(out, "package", buf, e.package, 1);
		typed_comma_span_list(out, "templates", buf, e.templates, sift_event_template_next);
		typed_comma_span(out, "id", buf, e.id, e.has_id);
		rates_json(out, buf, &e.max_rate, &e.min_rate, &e.adaptive_min_rate);
		typed_comma_params_end(out, buf, e.params);
		return 1;
	}
	case SIFT_H_ALLOW_EVENTS: {
		sift_event_list list;
		if (sift_allow_events_parse(buf, value, 0, &list, NULL) != SIFT_OK)
			return 0;
		typed_comma_span_list(out, "event_types", buf, list.list, sift_event_list_next);
		return 1;
	}
	case SIFT_H_SUBSCRIPTION_STATE: {
		sift_subscription_state s;
		if (sift_subscription_state_parse(buf, value, 0, &s, NULL) != SIFT_OK)
			return 0;
		fputs(",\"subscription_state\":{", out);
		typed_span(out, "state", buf, s.state, 1);
		typed_comma_name(out, "state_kind", states[s.state_id]);
		typed_comma_span(out, "reason", buf, s.reason, s.reason_id != SIFT_REASON_NONE);
		typed_comma_name(out, "reason_kind", reasons[s.reason_id]);
		typed_comma_uint(out, "expires", s.expires, s.has_expires);
		typed_comma_uint(out, "retry_after", s.retry_after, s.has_retry_after);
		rates_json(out, buf, &s.max_rate, &s.min_rate, &s.adaptive_min_rate);
		typed_comma_params_end(out, buf, s.params);
		return 1;
	}
	case SIFT_H_REFER_SUB: {
		sift_refer_sub r;
		if (sift_refer_sub_parse(buf, value, 0, &r, NULL) != SIFT_OK)
			return 0;
		fprintf(out, ",\"refer_sub\":{\"value\":%s", r.is_true ? "true" : "false");
		typed_comma_params_end(out, buf, r.params);
		return 1;
	}
	case SIFT_H_SIP_ETAG:
	case SIFT_H_SIP_IF_MATCH: {
		sift_span tag;
		if (sift_entity_tag_parse(buf, value, 0, &tag, NULL) != SIFT_OK)
			return 0;
		typed_comma_span(out, "entity_tag", buf, tag, 1);
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
