/*
 * fuzz/targets/fuzz_session.c - the session and dialog header parsers
 * (sipsift/session.h) on one value.
 *
 * Input: selector byte, then the header value.
 *   byte 0: bit 7 SIFT_OPT_STRICT; (byte & 0x7F) % PARSER_COUNT picks:
 *     0 sift_replaces_parse          9 sift_identity_parse
 *     1 sift_join_parse             10 sift_identity_info_parse
 *     2 sift_target_dialog_parse    11 sift_max_breadth_parse
 *     3 sift_rack_parse             12 sift_flow_timer_parse
 *     4 sift_rseq_parse             13 sift_priority_parse
 *     5 sift_session_expires_parse  14 sift_alert_info_parse
 *     6 sift_min_se_parse           15 sift_call_info_parse
 *     7 sift_reason_parse           16 sift_error_info_parse
 *     8 sift_privacy_parse          17 sift_alert_urn_parse (value = URI)
 *
 * As fuzz_headers.c: parsed from a heap copy of exactly the value (span at
 * offset 0), then again at offset 1 of the original input.
 * Invariants (abort on violation):
 *   - every returned span lies inside the value, sub-parts inside their
 *     lists (tags inside params, the refresher inside params...);
 *   - numbers keep the ranges the parser promises (RSeq and response-num
 *     not 0, Max-Breadth not 0 when strict, Session-Expires >= 90 when
 *     strict, a strict SIP cause in 100..699);
 *   - an error has the returned code, a rule and an offset inside the
 *     value (or right after it);
 *   - the same code without an error struct; the same result, shifted, at
 *     the other offset; parameter and Privacy walks end, stay inside and
 *     agree with the parse (Privacy's count).
 */
#include "check.h"

enum {
	P_REPLACES, P_JOIN, P_TARGET_DIALOG, P_RACK, P_RSEQ, P_SESSION_EXPIRES, P_MIN_SE, P_REASON,
	P_PRIVACY, P_IDENTITY, P_IDENTITY_INFO, P_MAX_BREADTH, P_FLOW_TIMER, P_PRIORITY,
	P_ALERT_INFO, P_CALL_INFO, P_ERROR_INFO, P_ALERT_URN, PARSER_COUNT
};

typedef struct parsed {
	sift_code code;
	sift_error error;
	sift_span spans[16];
	unsigned span_count;
	uint32_t numbers[8];
} parsed;

static void add(parsed *p, sift_span span)
{
	p->spans[p->span_count++] = span;
}

static void check_privacy(const char *buf, sift_span value, const sift_privacy *priv)
{
	FUZZ_SPAN_WITHIN(priv->values, value);
	FUZZ_CHECK(priv->count >= 1 && priv->values.len > 0);
	sift_span cursor = priv->values, item;
	uint32_t count = 0;
	unsigned flags = 0;
	for (;;) {
		uint32_t before = cursor.len;
		if (!sift_privacy_next(buf, &cursor, &item))
			break;
		FUZZ_CHECK(cursor.len < before);
		FUZZ_CHECK(item.len > 0);
		FUZZ_SPAN_WITHIN(item, priv->values);
		flags |= sift_privacy_value_flag(buf, item);
		count++;
	}
	FUZZ_CHECK(cursor.len == 0);
	FUZZ_CHECK(count == priv->count);
	FUZZ_CHECK(flags == priv->flags);
}

static void run(int which, const char *buf, sift_span value, unsigned options, parsed *out)
{
	sift_error *err = &out->error;
	unsigned strict = options & SIFT_OPT_STRICT;
	memset(out, 0, sizeof *out);
	switch (which) {
	case P_REPLACES:
	case P_JOIN: {
		sift_dialog_match m;
		memset(&m, 0x5A, sizeof m);
		out->code = which == P_REPLACES ? sift_replaces_parse(buf, value, options, &m, err)
						: sift_join_parse(buf, value, options, &m, err);
		add(out, m.call_id); add(out, m.to_tag); add(out, m.from_tag); add(out, m.params);
		out->numbers[0] = m.early_only;
		if (out->code == SIFT_OK) {
			FUZZ_CHECK(m.call_id.len > 0 && m.to_tag.len > 0 && m.from_tag.len > 0);
			FUZZ_SPAN_WITHIN(m.call_id, value);
			FUZZ_SPAN_WITHIN(m.params, value);
			FUZZ_SPAN_WITHIN(m.to_tag, m.params);
			FUZZ_SPAN_WITHIN(m.from_tag, m.params);
			FUZZ_CHECK(m.early_only <= (which == P_REPLACES));
			fuzz_walk_params(buf, m.params, 1);
		}
		break;
	}
	case P_TARGET_DIALOG: {
		sift_target_dialog td;
		memset(&td, 0x5A, sizeof td);
		out->code = sift_target_dialog_parse(buf, value, options, &td, err);
		add(out, td.call_id); add(out, td.local_tag); add(out, td.remote_tag); add(out, td.params);
		out->numbers[0] = td.has_local_tag;
		out->numbers[1] = td.has_remote_tag;
		if (out->code == SIFT_OK) {
			FUZZ_SPAN_WITHIN(td.call_id, value);
			FUZZ_SPAN_WITHIN(td.params, value);
			FUZZ_CHECK(td.has_local_tag == (td.local_tag.len > 0));
			FUZZ_CHECK(td.has_remote_tag == (td.remote_tag.len > 0));
			FUZZ_SPAN_WITHIN(td.local_tag, td.params);
			FUZZ_SPAN_WITHIN(td.remote_tag, td.params);
			if (strict)
				FUZZ_CHECK(td.has_local_tag && td.has_remote_tag);
			fuzz_walk_params(buf, td.params, 1);
		}
		break;
	}
	case P_RACK: {
		sift_rack rack;
		memset(&rack, 0x5A, sizeof rack);
		out->code = sift_rack_parse(buf, value, options, &rack, err);
		add(out, rack.method);
		out->numbers[0] = rack.response_num;
		out->numbers[1] = rack.cseq_num;
		out->numbers[2] = rack.method_id;
		if (out->code == SIFT_OK) {
			FUZZ_CHECK(rack.response_num > 0);
			FUZZ_CHECK(rack.method.len > 0);
			FUZZ_SPAN_WITHIN(rack.method, value);
			FUZZ_CHECK(rack.method_id == sift_method_lookup(buf + rack.method.off, rack.method.len));
		}
		break;
	}
	case P_RSEQ:
	case P_MAX_BREADTH:
	case P_FLOW_TIMER: {
		uint32_t number = 0;
		out->code = which == P_RSEQ          ? sift_rseq_parse(buf, value, options, &number, err)
			    : which == P_MAX_BREADTH ? sift_max_breadth_parse(buf, value, options, &number, err)
						     : sift_flow_timer_parse(buf, value, options, &number, err);
		out->numbers[0] = out->code == SIFT_OK ? number : 0;
		if (out->code == SIFT_OK && (which == P_RSEQ || (which == P_MAX_BREADTH && strict)))
			FUZZ_CHECK(number > 0);
		break;
	}
	case P_SESSION_EXPIRES: {
		sift_session_expires se;
		memset(&se, 0x5A, sizeof se);
		out->code = sift_session_expires_parse(buf, value, options, &se, err);
		add(out, se.refresher_text); add(out, se.params);
		out->numbers[0] = se.seconds;
		out->numbers[1] = se.refresher;
		if (out->code == SIFT_OK) {
			FUZZ_CHECK(se.refresher <= SIFT_REFRESHER_UAS);
			FUZZ_CHECK((se.refresher == SIFT_REFRESHER_NONE) == (se.refresher_text.len == 0));
			FUZZ_SPAN_WITHIN(se.params, value);
			FUZZ_SPAN_WITHIN(se.refresher_text, se.params);
			if (strict)
				FUZZ_CHECK(se.seconds >= 90);
			fuzz_walk_params(buf, se.params, 1);
		}
		break;
	}
	case P_MIN_SE: {
		sift_min_se min;
		memset(&min, 0x5A, sizeof min);
		out->code = sift_min_se_parse(buf, value, options, &min, err);
		add(out, min.params);
		out->numbers[0] = min.seconds;
		if (out->code == SIFT_OK) {
			FUZZ_SPAN_WITHIN(min.params, value);
			if (strict)
				FUZZ_CHECK(min.seconds >= 90);
			fuzz_walk_params(buf, min.params, 1);
		}
		break;
	}
	case P_REASON: {
		sift_reason r;
		memset(&r, 0x5A, sizeof r);
		out->code = sift_reason_parse(buf, value, options, &r, err);
		add(out, r.protocol); add(out, r.cause_text); add(out, r.text); add(out, r.params);
		out->numbers[0] = r.protocol_id;
		out->numbers[1] = r.cause;
		out->numbers[2] = r.has_cause;
		out->numbers[3] = r.has_text;
		if (out->code == SIFT_OK) {
			FUZZ_CHECK(r.protocol.len > 0);
			FUZZ_SPAN_WITHIN(r.protocol, value);
			FUZZ_SPAN_WITHIN(r.params, value);
			FUZZ_CHECK(r.has_cause == (r.cause_text.len > 0));
			FUZZ_CHECK(r.has_text == (r.text.len > 0));
			FUZZ_SPAN_WITHIN(r.cause_text, r.params);
			FUZZ_SPAN_WITHIN(r.text, r.params);
			if (r.has_text)
				FUZZ_CHECK(buf[r.text.off] == '"' && buf[r.text.off + r.text.len - 1] == '"');
			if (strict && r.has_cause && r.protocol_id == SIFT_REASON_PROTOCOL_SIP)
				FUZZ_CHECK(r.cause >= 100 && r.cause <= 699);
			if (strict && r.has_cause && r.protocol_id == SIFT_REASON_PROTOCOL_Q850)
				FUZZ_CHECK(r.cause <= 127);
			fuzz_walk_params(buf, r.params, 1);
		}
		break;
	}
	case P_PRIVACY: {
		sift_privacy priv;
		memset(&priv, 0x5A, sizeof priv);
		out->code = sift_privacy_parse(buf, value, options, &priv, err);
		add(out, priv.values);
		out->numbers[0] = priv.flags;
		out->numbers[1] = priv.count;
		if (out->code == SIFT_OK)
			check_privacy(buf, value, &priv);
		break;
	}
	case P_IDENTITY: {
		sift_identity id;
		memset(&id, 0x5A, sizeof id);
		out->code = sift_identity_parse(buf, value, options, &id, err);
		add(out, id.digest); add(out, id.jws_header); add(out, id.jws_payload);
		add(out, id.jws_signature); add(out, id.info_uri); add(out, id.alg); add(out, id.ppt);
		add(out, id.params);
		out->numbers[0] = id.has_info;
		out->numbers[1] = id.is_rfc4474;
		if (out->code == SIFT_OK) {
			FUZZ_CHECK(id.digest.len > 0);
			FUZZ_SPAN_WITHIN(id.digest, value);
			FUZZ_SPAN_WITHIN(id.jws_header, id.digest);
			FUZZ_SPAN_WITHIN(id.jws_payload, id.digest);
			FUZZ_SPAN_WITHIN(id.jws_signature, id.digest);
			FUZZ_CHECK(id.is_rfc4474 != id.has_info);
			if (id.has_info) {
				FUZZ_CHECK(id.info_uri.len > 0);
				FUZZ_SPAN_WITHIN(id.params, value);
				FUZZ_SPAN_WITHIN(id.info_uri, id.params);
				FUZZ_SPAN_WITHIN(id.alg, id.params);
				FUZZ_SPAN_WITHIN(id.ppt, id.params);
			} else {
				FUZZ_CHECK(id.params.len == 0 && id.info_uri.len == 0);
			}
			if (strict && !id.is_rfc4474)
				FUZZ_CHECK(id.jws_signature.len > 0);
			/* info=<...> may hold ';': the walk need not give names */
			fuzz_walk_params(buf, id.params, 0);
		}
		break;
	}
	case P_IDENTITY_INFO: {
		sift_identity_info info;
		memset(&info, 0x5A, sizeof info);
		out->code = sift_identity_info_parse(buf, value, options, &info, err);
		add(out, info.uri); add(out, info.alg); add(out, info.params);
		if (out->code == SIFT_OK) {
			FUZZ_CHECK(info.uri.len > 0);
			FUZZ_SPAN_WITHIN(info.uri, value);
			FUZZ_SPAN_WITHIN(info.params, value);
			FUZZ_SPAN_WITHIN(info.alg, info.params);
			fuzz_walk_params(buf, info.params, 1);
		}
		break;
	}
	case P_PRIORITY: {
		sift_priority prio;
		memset(&prio, 0x5A, sizeof prio);
		out->code = sift_priority_parse(buf, value, options, &prio, err);
		add(out, prio.value);
		out->numbers[0] = prio.id;
		if (out->code == SIFT_OK) {
			FUZZ_CHECK(prio.value.len > 0 && prio.id <= SIFT_PRIORITY_PSAP_CALLBACK);
			FUZZ_SPAN_WITHIN(prio.value, value);
		}
		break;
	}
	case P_ALERT_INFO:
	case P_CALL_INFO:
	case P_ERROR_INFO: {
		sift_info_value u;
		memset(&u, 0x5A, sizeof u);
		out->code = which == P_ALERT_INFO  ? sift_alert_info_parse(buf, value, options, &u, err)
			    : which == P_CALL_INFO ? sift_call_info_parse(buf, value, options, &u, err)
						   : sift_error_info_parse(buf, value, options, &u, err);
		add(out, u.uri); add(out, u.params); add(out, u.purpose); add(out, u.appearance);
		out->numbers[0] = u.purpose_id;
		out->numbers[1] = u.has_appearance;
		out->numbers[2] = u.appearance_count;
		out->numbers[3] = u.is_alert_urn;
		if (out->code == SIFT_OK) {
			FUZZ_CHECK(u.uri.len > 0);
			FUZZ_SPAN_WITHIN(u.uri, value);
			FUZZ_SPAN_WITHIN(u.params, value);
			FUZZ_SPAN_WITHIN(u.purpose, u.params);
			FUZZ_SPAN_WITHIN(u.appearance, u.params);
			FUZZ_CHECK(u.has_appearance == (u.appearance_count > 0));
			if (which != P_ALERT_INFO)
				FUZZ_CHECK(!u.has_appearance && !u.is_alert_urn);
			if (which != P_CALL_INFO)
				FUZZ_CHECK(u.purpose_id == SIFT_PURPOSE_NONE);
			if (strict)
				FUZZ_CHECK(u.appearance_count <= 1);
			if (strict && u.is_alert_urn) {
				sift_alert_urn_status urn;
				FUZZ_CHECK(sift_alert_urn_parse(buf, u.uri, &urn, NULL) == SIFT_OK);
			}
			fuzz_walk_params(buf, u.params, 1);
		}
		break;
	}
	case P_ALERT_URN: {
		sift_alert_urn_status urn;
		memset(&urn, 0x5A, sizeof urn);
		out->code = sift_alert_urn_parse(buf, value, &urn, err);
		add(out, urn.category); add(out, urn.indication);
		out->numbers[0] = urn.has_private;
		out->numbers[1] = urn.registered;
		out->numbers[2] = urn.case_differs;
		if (out->code == SIFT_E_NOT_FOUND) {
			/* not an alert URN: no error report, nothing filled */
			out->error.code = SIFT_E_NOT_FOUND;
			out->error.rule = "not found";
			out->error.offset = value.off;
			FUZZ_CHECK(urn.category.len == 0);
		}
		if (out->code == SIFT_OK) {
			FUZZ_CHECK(urn.category.len > 0 && urn.indication.len > 0);
			FUZZ_SPAN_WITHIN(urn.category, value);
			FUZZ_SPAN_WITHIN(urn.indication, value);
			FUZZ_CHECK(urn.category.off + urn.category.len < urn.indication.off);
			FUZZ_CHECK(!urn.case_differs || urn.registered);
		}
		break;
	}
	default:
		FUZZ_CHECK(!"unknown parser");
	}
	if (out->code != SIFT_OK) {
		FUZZ_CHECK(out->error.code == out->code);
		FUZZ_CHECK(out->error.rule != NULL);
		FUZZ_CHECK(fuzz_offset_within(out->error.offset, value));
	}
}

/* The same parse without an error struct returns the same code. */
static sift_code run_without_error(int which, const char *buf, sift_span value, unsigned options)
{
	union {
		sift_dialog_match m;
		sift_target_dialog td;
		sift_rack rack;
		sift_session_expires se;
		sift_min_se min;
		sift_reason reason;
		sift_privacy priv;
		sift_identity id;
		sift_identity_info info;
		sift_priority prio;
		sift_info_value u;
		sift_alert_urn_status urn;
		uint32_t number;
	} o;
	switch (which) {
	case P_REPLACES: return sift_replaces_parse(buf, value, options, &o.m, NULL);
	case P_JOIN: return sift_join_parse(buf, value, options, &o.m, NULL);
	case P_TARGET_DIALOG: return sift_target_dialog_parse(buf, value, options, &o.td, NULL);
	case P_RACK: return sift_rack_parse(buf, value, options, &o.rack, NULL);
	case P_RSEQ: return sift_rseq_parse(buf, value, options, &o.number, NULL);
	case P_SESSION_EXPIRES: return sift_session_expires_parse(buf, value, options, &o.se, NULL);
	case P_MIN_SE: return sift_min_se_parse(buf, value, options, &o.min, NULL);
	case P_REASON: return sift_reason_parse(buf, value, options, &o.reason, NULL);
	case P_PRIVACY: return sift_privacy_parse(buf, value, options, &o.priv, NULL);
	case P_IDENTITY: return sift_identity_parse(buf, value, options, &o.id, NULL);
	case P_IDENTITY_INFO: return sift_identity_info_parse(buf, value, options, &o.info, NULL);
	case P_MAX_BREADTH: return sift_max_breadth_parse(buf, value, options, &o.number, NULL);
	case P_FLOW_TIMER: return sift_flow_timer_parse(buf, value, options, &o.number, NULL);
	case P_PRIORITY: return sift_priority_parse(buf, value, options, &o.prio, NULL);
	case P_ALERT_INFO: return sift_alert_info_parse(buf, value, options, &o.u, NULL);
	case P_CALL_INFO: return sift_call_info_parse(buf, value, options, &o.u, NULL);
	case P_ERROR_INFO: return sift_error_info_parse(buf, value, options, &o.u, NULL);
	default: return sift_alert_urn_parse(buf, value, &o.urn, NULL);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	int which = (data[0] & 0x7F) % PARSER_COUNT;
	unsigned options = (data[0] & 0x80) ? SIFT_OPT_STRICT : 0;
	size_t len = size - 1;
	char *copy = fuzz_dup(data + 1, len);
	sift_span value = { 0, (uint32_t)len };
	sift_span shifted_value = { 1, (uint32_t)len };

	parsed alone, shifted;
	run(which, copy, value, options, &alone);
	for (unsigned i = 0; i < alone.span_count; i++)
		FUZZ_SPAN_IN(alone.spans[i], len);
	FUZZ_CHECK(run_without_error(which, copy, value, options) == alone.code);

	run(which, (const char *)data, shifted_value, options, &shifted);
	FUZZ_CHECK(shifted.code == alone.code);
	FUZZ_CHECK(memcmp(shifted.numbers, alone.numbers, sizeof alone.numbers) == 0);
	FUZZ_CHECK(shifted.span_count == alone.span_count);
	for (unsigned i = 0; i < alone.span_count; i++) {
		FUZZ_SPAN_IN(shifted.spans[i], size);
		FUZZ_CHECK(fuzz_span_moved(shifted.spans[i], alone.spans[i], 1));
	}
	if (alone.code != SIFT_OK)
		FUZZ_CHECK(shifted.error.offset == alone.error.offset + 1);
	free(copy);
	return 0;
}
