/*
 * tools/sipsift/typed_session.c - `sipsift dump --typed` printers for the
 * session and dialog family (sipsift/session.h): Replaces, Join,
 * Target-Dialog, RAck, RSeq, Session-Expires, Min-SE, Reason, Privacy,
 * Identity, Identity-Info, Max-Breadth, Flow-Timer, Priority, Alert-Info,
 * Call-Info, Error-Info. Each prints ,"KEY":{...} for a value that parses.
 */
#include "typed.h"

static int dialog_json(FILE *out, const char *buf, sift_header_id id, sift_span value)
{
	if (id == SIFT_H_TARGET_DIALOG) {
		sift_target_dialog td;
		if (sift_target_dialog_parse(buf, value, 0, &td, NULL) != SIFT_OK)
			return 0;
		fputs(",\"target_dialog\":{", out);
		typed_span(out, "call_id", buf, td.call_id, 1);
		typed_comma_span(out, "local_tag", buf, td.local_tag, td.has_local_tag);
		typed_comma_span(out, "remote_tag", buf, td.remote_tag, td.has_remote_tag);
		typed_comma_params_end(out, buf, td.params);
		return 1;
	}
	sift_dialog_match m;
	sift_code code = id == SIFT_H_REPLACES ? sift_replaces_parse(buf, value, 0, &m, NULL)
					       : sift_join_parse(buf, value, 0, &m, NULL);
	if (code != SIFT_OK)
		return 0;
	fputs(",\"dialog\":{", out);
	typed_span(out, "call_id", buf, m.call_id, 1);
	typed_comma_span(out, "to_tag", buf, m.to_tag, 1);
	typed_comma_span(out, "from_tag", buf, m.from_tag, 1);
	if (id == SIFT_H_REPLACES)
		typed_comma_bool(out, "early_only", m.early_only);
	typed_comma_params_end(out, buf, m.params);
	return 1;
}

static int number_json(FILE *out, const char *buf, sift_header_id id, sift_span value)
{
	uint32_t number;
	sift_code code = id == SIFT_H_RSEQ          ? sift_rseq_parse(buf, value, 0, &number, NULL)
			 : id == SIFT_H_MAX_BREADTH ? sift_max_breadth_parse(buf, value, 0, &number, NULL)
						    : sift_flow_timer_parse(buf, value, 0, &number, NULL);
	if (code != SIFT_OK)
		return 0;
	fprintf(out, ",\"number\":%u", (unsigned)number);
	return 1;
}

static int timer_json(FILE *out, const char *buf, sift_header_id id, sift_span value)
{
	static const char *const refreshers[] = { NULL, "uac", "uas" };
	if (id == SIFT_H_MIN_SE) {
		sift_min_se min;
		if (sift_min_se_parse(buf, value, 0, &min, NULL) != SIFT_OK)
			return 0;
		fprintf(out, ",\"min_se\":{\"seconds\":%u", (unsigned)min.seconds);
		typed_comma_params_end(out, buf, min.params);
		return 1;
	}
	sift_session_expires se;
	if (sift_session_expires_parse(buf, value, 0, &se, NULL) != SIFT_OK)
		return 0;
	fprintf(out, ",\"session_expires\":{\"seconds\":%u", (unsigned)se.seconds);
	typed_comma_name(out, "refresher", refreshers[se.refresher]);
	typed_comma_params_end(out, buf, se.params);
	return 1;
}

static int reason_json(FILE *out, const char *buf, sift_span value)
{
	sift_reason r;
	if (sift_reason_parse(buf, value, 0, &r, NULL) != SIFT_OK)
		return 0;
	fputs(",\"reason\":{", out);
	typed_span(out, "protocol", buf, r.protocol, 1);
	typed_comma_uint(out, "cause", r.cause, r.has_cause);
	typed_comma_span(out, "text", buf, r.text, r.has_text);
	typed_comma_params_end(out, buf, r.params);
	return 1;
}

static int privacy_json(FILE *out, const char *buf, sift_span value)
{
	sift_privacy priv;
	if (sift_privacy_parse(buf, value, 0, &priv, NULL) != SIFT_OK)
		return 0;
	typed_comma_span_list(out, "privacy", buf, priv.values, sift_privacy_next);
	return 1;
}

static int identity_json(FILE *out, const char *buf, sift_header_id id, sift_span value)
{
	if (id == SIFT_H_IDENTITY_INFO) {
		sift_identity_info info;
		if (sift_identity_info_parse(buf, value, 0, &info, NULL) != SIFT_OK)
			return 0;
		fputs(",\"identity_info\":{", out);
		typed_span(out, "uri", buf, info.uri, 1);
		typed_comma_span(out, "alg", buf, info.alg, info.alg.len > 0);
		typed_comma_params_end(out, buf, info.params);
		return 1;
	}
	sift_identity ident;
	if (sift_identity_parse(buf, value, 0, &ident, NULL) != SIFT_OK)
		return 0;
	int jws = ident.jws_signature.len > 0;
	fprintf(out, ",\"identity\":{\"rfc4474\":%s,", ident.is_rfc4474 ? "true" : "false");
	typed_span(out, "digest", buf, ident.digest, 1);
	typed_comma_span(out, "jws_header", buf, ident.jws_header, jws);
	typed_comma_span(out, "jws_payload", buf, ident.jws_payload, jws);
	typed_comma_span(out, "jws_signature", buf, ident.jws_signature, jws);
	typed_comma_span(out, "info", buf, ident.info_uri, ident.has_info);
	typed_comma_span(out, "alg", buf, ident.alg, ident.alg.len > 0);
	typed_comma_span(out, "ppt", buf, ident.ppt, ident.ppt.len > 0);
	fputc('}', out);
	return 1;
}

static int priority_json(FILE *out, const char *buf, sift_span value)
{
	static const char *const names[] = { NULL, "emergency", "urgent", "normal", "non-urgent",
					     "psap-callback" };
	sift_priority prio;
	if (sift_priority_parse(buf, value, 0, &prio, NULL) != SIFT_OK)
		return 0;
	fputs(",\"priority\":{", out);
	typed_span(out, "value", buf, prio.value, 1);
	typed_comma_name(out, "registered", names[prio.id]);
	fputc('}', out);
	return 1;
}

static int info_value_json(FILE *out, const char *buf, sift_header_id id, sift_span value)
{
	sift_info_value u;
	sift_code code = id == SIFT_H_ALERT_INFO  ? sift_alert_info_parse(buf, value, 0, &u, NULL)
			 : id == SIFT_H_CALL_INFO ? sift_call_info_parse(buf, value, 0, &u, NULL)
						  : sift_error_info_parse(buf, value, 0, &u, NULL);
	if (code != SIFT_OK)
		return 0;
	fputs(",\"info\":{", out);
	typed_span(out, "uri", buf, u.uri, 1);
	if (id == SIFT_H_CALL_INFO)
		typed_comma_span(out, "purpose", buf, u.purpose, u.purpose_id != SIFT_PURPOSE_NONE);
	if (id == SIFT_H_ALERT_INFO) {
		typed_comma_span(out, "appearance", buf, u.appearance, u.has_appearance);
		sift_alert_urn_status urn;
		if (sift_alert_urn_parse(buf, u.uri, &urn, NULL) == SIFT_OK) {
			fputs(",\"alert_urn\":{", out);
			typed_span(out, "category", buf, urn.category, 1);
			typed_comma_span(out, "indication", buf, urn.indication, 1);
			typed_comma_bool(out, "private", urn.has_private);
			typed_comma_bool(out, "registered", urn.registered);
			fputc('}', out);
		}
	}
	typed_comma_params_end(out, buf, u.params);
	return 1;
}

int typed_session_json(FILE *out, const char *buf, sift_header_id id, sift_span value)
{
	switch (id) {
	case SIFT_H_REPLACES:
	case SIFT_H_JOIN:
	case SIFT_H_TARGET_DIALOG:
		return dialog_json(out, buf, id, value);
	case SIFT_H_RACK: {
		sift_rack rack;
		if (sift_rack_parse(buf, value, 0, &rack, NULL) != SIFT_OK)
			return 0;
		fprintf(out, ",\"rack\":{\"response_num\":%u,\"cseq_num\":%u,",
			(unsigned)rack.response_num, (unsigned)rack.cseq_num);
		typed_span(out, "method", buf, rack.method, 1);
		fputc('}', out);
		return 1;
	}
	case SIFT_H_RSEQ:
	case SIFT_H_MAX_BREADTH:
	case SIFT_H_FLOW_TIMER:
		return number_json(out, buf, id, value);
	case SIFT_H_SESSION_EXPIRES:
	case SIFT_H_MIN_SE:
		return timer_json(out, buf, id, value);
	case SIFT_H_REASON:
		return reason_json(out, buf, value);
	case SIFT_H_PRIVACY:
		return privacy_json(out, buf, value);
	case SIFT_H_IDENTITY:
	case SIFT_H_IDENTITY_INFO:
		return identity_json(out, buf, id, value);
	case SIFT_H_PRIORITY:
		return priority_json(out, buf, value);
	case SIFT_H_ALERT_INFO:
	case SIFT_H_CALL_INFO:
	case SIFT_H_ERROR_INFO:
		return info_value_json(out, buf, id, value);
	default:
		return 0;
	}
}
