/*
 * fuzz/targets/fuzz_session.c - the session and dialog header parsers
 * (sipsift/session.h) on one value.
 *
 * Input: selector byte, then the header value (fuzz_value_target() of
 * check.h, which also parses the value at offset 0 and at offset 1).
 *   byte 0: bit 7 SIFT_OPT_STRICT; (byte & 0x7F) % 18 picks, in the order
 *   of the table `parsers` below:
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
 * Invariants (abort on violation), besides the driver's (spans inside the
 * value, error reports, the same code without an error struct, the same
 * result shifted):
 *   - sub-parts inside their lists (tags inside params, the refresher
 *     inside params...);
 *   - numbers keep the ranges the parser promises (RSeq and response-num
 *     not 0, Max-Breadth not 0 when strict, Session-Expires >= 90 when
 *     strict, a strict SIP cause in 100..699);
 *   - parameter and Privacy walks end, stay inside and agree with the
 *     parse (Privacy's count).
 */
#include "check.h"
#include "grammar/internal.h"
#include "hdr/internal.h"

/* arg: 1 for Replaces, 0 for Join */
static sift_code run_dialog_match(const fuzz_value *v, fuzz_parsed *out)
{
	sift_dialog_match m;
	memset(&m, 0x5A, sizeof m);
	sift_code code = v->arg ? sift_replaces_parse(v->buf, v->value, v->options, &m, v->err)
				: sift_join_parse(v->buf, v->value, v->options, &m, v->err);
	fuzz_add(out, m.call_id); fuzz_add(out, m.to_tag); fuzz_add(out, m.from_tag);
	fuzz_add(out, m.params);
	fuzz_num(out, m.early_only);
	if (code == SIFT_OK) {
		FUZZ_CHECK(m.call_id.len > 0 && m.to_tag.len > 0 && m.from_tag.len > 0);
		FUZZ_SPAN_WITHIN(m.call_id, v->value);
		FUZZ_SPAN_WITHIN(m.params, v->value);
		FUZZ_SPAN_WITHIN(m.to_tag, m.params);
		FUZZ_SPAN_WITHIN(m.from_tag, m.params);
		FUZZ_CHECK(m.early_only <= (v->arg != 0));
		fuzz_walk_params(v->buf, m.params, 1);
	}
	return code;
}

static sift_code run_target_dialog(const fuzz_value *v, fuzz_parsed *out)
{
	sift_target_dialog td;
	memset(&td, 0x5A, sizeof td);
	sift_code code = sift_target_dialog_parse(v->buf, v->value, v->options, &td, v->err);
	fuzz_add(out, td.call_id); fuzz_add(out, td.local_tag); fuzz_add(out, td.remote_tag);
	fuzz_add(out, td.params);
	fuzz_num(out, td.has_local_tag);
	fuzz_num(out, td.has_remote_tag);
	if (code == SIFT_OK) {
		FUZZ_SPAN_WITHIN(td.call_id, v->value);
		FUZZ_SPAN_WITHIN(td.params, v->value);
		FUZZ_CHECK(td.has_local_tag == (td.local_tag.len > 0));
		FUZZ_CHECK(td.has_remote_tag == (td.remote_tag.len > 0));
		FUZZ_SPAN_WITHIN(td.local_tag, td.params);
		FUZZ_SPAN_WITHIN(td.remote_tag, td.params);
		if (v->options & SIFT_OPT_STRICT)
			FUZZ_CHECK(td.has_local_tag && td.has_remote_tag);
		fuzz_walk_params(v->buf, td.params, 1);
	}
	return code;
}

static sift_code run_rack(const fuzz_value *v, fuzz_parsed *out)
{
	sift_rack rack;
	memset(&rack, 0x5A, sizeof rack);
	sift_code code = sift_rack_parse(v->buf, v->value, v->options, &rack, v->err);
	fuzz_add(out, rack.method);
	fuzz_num(out, rack.response_num);
	fuzz_num(out, rack.cseq_num);
	fuzz_num(out, rack.method_id);
	if (code == SIFT_OK) {
		FUZZ_CHECK(rack.response_num > 0);
		FUZZ_CHECK(rack.method.len > 0);
		FUZZ_SPAN_WITHIN(rack.method, v->value);
		FUZZ_CHECK(rack.method_id == sift_method_lookup(v->buf + rack.method.off, rack.method.len));
	}
	return code;
}

/* The number headers: arg picks the parser and whether 0 is out of range. */
enum { NUM_RSEQ, NUM_MAX_BREADTH, NUM_FLOW_TIMER };

static sift_code run_number(const fuzz_value *v, fuzz_parsed *out)
{
	static sift_code (*const parse[])(const char *, sift_span, unsigned, uint32_t *,
					   sift_error *) = {
		[NUM_RSEQ] = sift_rseq_parse,
		[NUM_MAX_BREADTH] = sift_max_breadth_parse,
		[NUM_FLOW_TIMER] = sift_flow_timer_parse,
	};
	uint32_t number = 0;
	sift_code code = parse[v->arg](v->buf, v->value, v->options, &number, v->err);
	fuzz_num(out, code == SIFT_OK ? number : 0);
	if (code == SIFT_OK &&
	    (v->arg == NUM_RSEQ || (v->arg == NUM_MAX_BREADTH && (v->options & SIFT_OPT_STRICT))))
		FUZZ_CHECK(number > 0);
	return code;
}

static sift_code run_session_expires(const fuzz_value *v, fuzz_parsed *out)
{
	sift_session_expires se;
	memset(&se, 0x5A, sizeof se);
	sift_code code = sift_session_expires_parse(v->buf, v->value, v->options, &se, v->err);
	fuzz_add(out, se.refresher_text); fuzz_add(out, se.params);
	fuzz_num(out, se.seconds);
	fuzz_num(out, se.refresher);
	if (code == SIFT_OK) {
		FUZZ_CHECK(se.refresher <= SIFT_REFRESHER_UAS);
		FUZZ_CHECK((se.refresher == SIFT_REFRESHER_NONE) == (se.refresher_text.len == 0));
		FUZZ_SPAN_WITHIN(se.params, v->value);
		FUZZ_SPAN_WITHIN(se.refresher_text, se.params);
		if (v->options & SIFT_OPT_STRICT)
			FUZZ_CHECK(se.seconds >= 90);
		fuzz_walk_params(v->buf, se.params, 1);
	}
	return code;
}

static sift_code run_min_se(const fuzz_value *v, fuzz_parsed *out)
{
	sift_min_se min;
	memset(&min, 0x5A, sizeof min);
	sift_code code = sift_min_se_parse(v->buf, v->value, v->options, &min, v->err);
	fuzz_add(out, min.params);
	fuzz_num(out, min.seconds);
	if (code == SIFT_OK) {
		FUZZ_SPAN_WITHIN(min.params, v->value);
		if (v->options & SIFT_OPT_STRICT)
			FUZZ_CHECK(min.seconds >= 90);
		fuzz_walk_params(v->buf, min.params, 1);
	}
	return code;
}

static sift_code run_reason(const fuzz_value *v, fuzz_parsed *out)
{
	const char *buf = v->buf;
	unsigned strict = v->options & SIFT_OPT_STRICT;
	sift_reason r;
	memset(&r, 0x5A, sizeof r);
	sift_code code = sift_reason_parse(buf, v->value, v->options, &r, v->err);
	fuzz_add(out, r.protocol); fuzz_add(out, r.cause_text); fuzz_add(out, r.text);
	fuzz_add(out, r.params);
	fuzz_num(out, r.protocol_id);
	fuzz_num(out, r.cause);
	fuzz_num(out, r.has_cause);
	fuzz_num(out, r.has_text);
	if (code != SIFT_OK)
		return code;
	FUZZ_CHECK(r.protocol.len > 0);
	FUZZ_SPAN_WITHIN(r.protocol, v->value);
	FUZZ_SPAN_WITHIN(r.params, v->value);
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
	return code;
}

static sift_code run_privacy(const fuzz_value *v, fuzz_parsed *out)
{
	sift_privacy priv;
	memset(&priv, 0x5A, sizeof priv);
	sift_code code = sift_privacy_parse(v->buf, v->value, v->options, &priv, v->err);
	fuzz_add(out, priv.values);
	fuzz_num(out, priv.flags);
	fuzz_num(out, priv.count);
	if (code != SIFT_OK)
		return code;
	FUZZ_SPAN_WITHIN(priv.values, v->value);
	FUZZ_CHECK(priv.count >= 1 && priv.values.len > 0);
	sift_span cursor = priv.values, item;
	uint32_t count = 0;
	unsigned flags = 0;
	for (;;) {
		uint32_t before = cursor.len;
		int more = sift_privacy_next(v->buf, &cursor, &item);
		if (!fuzz_walk_step(more, cursor, before, priv.values))
			break;
		FUZZ_CHECK(item.len > 0);
		FUZZ_SPAN_WITHIN(item, priv.values);
		flags |= sift_privacy_value_flag(v->buf, item);
		count++;
	}
	FUZZ_CHECK(count == priv.count);
	FUZZ_CHECK(flags == priv.flags);
	return code;
}

static sift_code run_identity(const fuzz_value *v, fuzz_parsed *out)
{
	sift_identity id;
	memset(&id, 0x5A, sizeof id);
	sift_code code = sift_identity_parse(v->buf, v->value, v->options, &id, v->err);
	fuzz_add(out, id.digest); fuzz_add(out, id.jws_header); fuzz_add(out, id.jws_payload);
	fuzz_add(out, id.jws_signature); fuzz_add(out, id.info_uri); fuzz_add(out, id.alg);
	fuzz_add(out, id.ppt); fuzz_add(out, id.params);
	fuzz_num(out, id.has_info);
	fuzz_num(out, id.is_rfc4474);
	if (code != SIFT_OK)
		return code;
	FUZZ_CHECK(id.digest.len > 0);
	FUZZ_SPAN_WITHIN(id.digest, v->value);
	FUZZ_SPAN_WITHIN(id.jws_header, id.digest);
	FUZZ_SPAN_WITHIN(id.jws_payload, id.digest);
	FUZZ_SPAN_WITHIN(id.jws_signature, id.digest);
	FUZZ_CHECK(id.is_rfc4474 != id.has_info);
	if (id.has_info) {
		FUZZ_CHECK(id.info_uri.len > 0);
		FUZZ_SPAN_WITHIN(id.params, v->value);
		FUZZ_SPAN_WITHIN(id.info_uri, id.params);
		FUZZ_SPAN_WITHIN(id.alg, id.params);
		FUZZ_SPAN_WITHIN(id.ppt, id.params);
	} else {
		FUZZ_CHECK(id.params.len == 0 && id.info_uri.len == 0);
	}
	if ((v->options & SIFT_OPT_STRICT) && !id.is_rfc4474)
		FUZZ_CHECK(id.jws_signature.len > 0);
	/* info=<...> may hold ';': the walk need not give names */
	fuzz_walk_params(v->buf, id.params, 0);
	return code;
}

static sift_code run_identity_info(const fuzz_value *v, fuzz_parsed *out)
{
	sift_identity_info info;
	memset(&info, 0x5A, sizeof info);
	sift_code code = sift_identity_info_parse(v->buf, v->value, v->options, &info, v->err);
	fuzz_add(out, info.uri); fuzz_add(out, info.alg); fuzz_add(out, info.params);
	if (code == SIFT_OK) {
		FUZZ_CHECK(info.uri.len > 0);
		FUZZ_SPAN_WITHIN(info.uri, v->value);
		FUZZ_SPAN_WITHIN(info.params, v->value);
		FUZZ_SPAN_WITHIN(info.alg, info.params);
		fuzz_walk_params(v->buf, info.params, 1);
	}
	return code;
}

static sift_code run_priority(const fuzz_value *v, fuzz_parsed *out)
{
	sift_priority prio;
	memset(&prio, 0x5A, sizeof prio);
	sift_code code = sift_priority_parse(v->buf, v->value, v->options, &prio, v->err);
	fuzz_add(out, prio.value);
	fuzz_num(out, prio.id);
	if (code == SIFT_OK) {
		FUZZ_CHECK(prio.value.len > 0 && prio.id <= SIFT_PRIORITY_PSAP_CALLBACK);
		FUZZ_SPAN_WITHIN(prio.value, v->value);
	}
	return code;
}

/* The info headers: arg picks Alert-Info, Call-Info or Error-Info. */
enum { INFO_ALERT, INFO_CALL, INFO_ERROR };

static sift_code run_info(const fuzz_value *v, fuzz_parsed *out)
{
	static sift_code (*const parse[])(const char *, sift_span, unsigned, sift_info_value *,
					   sift_error *) = {
		[INFO_ALERT] = sift_alert_info_parse,
		[INFO_CALL] = sift_call_info_parse,
		[INFO_ERROR] = sift_error_info_parse,
	};
	unsigned strict = v->options & SIFT_OPT_STRICT;
	sift_info_value u;
	memset(&u, 0x5A, sizeof u);
	sift_code code = parse[v->arg](v->buf, v->value, v->options, &u, v->err);
	fuzz_add(out, u.uri); fuzz_add(out, u.params); fuzz_add(out, u.purpose);
	fuzz_add(out, u.appearance);
	fuzz_num(out, u.purpose_id);
	fuzz_num(out, u.has_appearance);
	fuzz_num(out, u.appearance_count);
	fuzz_num(out, u.is_alert_urn);
	if (code != SIFT_OK)
		return code;
	FUZZ_CHECK(u.uri.len > 0);
	FUZZ_SPAN_WITHIN(u.uri, v->value);
	FUZZ_SPAN_WITHIN(u.params, v->value);
	FUZZ_SPAN_WITHIN(u.purpose, u.params);
	FUZZ_SPAN_WITHIN(u.appearance, u.params);
	FUZZ_CHECK(u.has_appearance == (u.appearance_count > 0));
	if (v->arg != INFO_ALERT)
		FUZZ_CHECK(!u.has_appearance && !u.is_alert_urn);
	if (v->arg != INFO_CALL)
		FUZZ_CHECK(u.purpose_id == SIFT_PURPOSE_NONE);
	if (strict)
		FUZZ_CHECK(u.appearance_count <= 1);
	if (strict && u.is_alert_urn) {
		sift_alert_urn_status urn;
		FUZZ_CHECK(sift_alert_urn_parse(v->buf, u.uri, &urn, NULL) == SIFT_OK);
	}
	fuzz_walk_params(v->buf, u.params, 1);
	return code;
}

static sift_code run_alert_urn(const fuzz_value *v, fuzz_parsed *out)
{
	sift_alert_urn_status urn;
	memset(&urn, 0x5A, sizeof urn);
	sift_code code = sift_alert_urn_parse(v->buf, v->value, &urn, v->err);
	fuzz_add(out, urn.category); fuzz_add(out, urn.indication);
	fuzz_num(out, urn.has_private);
	fuzz_num(out, urn.registered);
	fuzz_num(out, urn.case_differs);
	if (code == SIFT_E_NOT_FOUND) {
		/* not an alert URN: no error report, nothing filled */
		if (v->err) {
			v->err->code = SIFT_E_NOT_FOUND;
			v->err->rule = "not found";
			v->err->offset = v->value.off;
		}
		FUZZ_CHECK(urn.category.len == 0);
	}
	if (code == SIFT_OK) {
		FUZZ_CHECK(urn.category.len > 0 && urn.indication.len > 0);
		FUZZ_SPAN_WITHIN(urn.category, v->value);
		FUZZ_SPAN_WITHIN(urn.indication, v->value);
		FUZZ_CHECK(urn.category.off + urn.category.len < urn.indication.off);
		FUZZ_CHECK(!urn.case_differs || urn.registered);
	}
	return code;
}

static const fuzz_value_parser parsers[] = {
	{ run_dialog_match, 1 },
	{ run_dialog_match, 0 },
	{ run_target_dialog, 0 },
	{ run_rack, 0 },
	{ run_number, NUM_RSEQ },
	{ run_session_expires, 0 },
	{ run_min_se, 0 },
	{ run_reason, 0 },
	{ run_privacy, 0 },
	{ run_identity, 0 },
	{ run_identity_info, 0 },
	{ run_number, NUM_MAX_BREADTH },
	{ run_number, NUM_FLOW_TIMER },
	{ run_priority, 0 },
	{ run_info, INFO_ALERT },
	{ run_info, INFO_CALL },
	{ run_info, INFO_ERROR },
	{ run_alert_urn, 0 },
};

/* Min-SE and Session-Expires take a value without parameters, and one with
 * ";refresher=uac" or ";refresher=uas" alone, without the parameter walk:
 * held here to that walk (sift__parse_header_params) on the bytes after
 * the digits of the whole value (the bytes after the selector). */
static void check_fast_paths(const uint8_t *data, size_t size)
{
	if (size < 1)
		return;
	size_t len = size - 1;
	char *copy = fuzz_dup(data + 1, len);
	const char *end = copy + len, *p = sift__skip_sws(copy, end);
	sift_span value = { 0, (uint32_t)len };
	uint64_t number;
	const char *q = sift__digits_value(p, end, UINT32_MAX, &number);
	if (q > p && number <= UINT32_MAX) {
		sift_span params = { 0, 0 };
		sift_error walk_err = { SIFT_OK, 0, NULL, 0 };
		const char *r = sift__parse_header_params(copy, q, end, &params, &walk_err,
							  "generic-param");
		if (r && sift__skip_sws(r, end) != end)
			sift__fail(&walk_err, SIFT_E_HEADER_VALUE, copy, sift__skip_sws(r, end),
				   "generic-param");
		sift_code walk = r && sift__skip_sws(r, end) == end ? SIFT_OK : SIFT_E_HEADER_VALUE;
		sift_min_se min;
		sift_error err;
		sift_code code = sift_min_se_parse(copy, value, 0, &min, &err);
		if (code != walk || (code == SIFT_OK && (min.params.off != params.off ||
							  min.params.len != params.len)) ||
		    (code != SIFT_OK && (err.offset != walk_err.offset ||
					  strcmp(err.rule, walk_err.rule) != 0))) {
			fprintf(stderr, "fuzz_session: Min-SE without the parameter walk and the "
					"walk differ (codes %d, %d)\n",
				(int)code, (int)walk);
			abort();
		}
	}
	free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const fuzz_value_table table = { parsers, sizeof parsers / sizeof parsers[0], 0,
						NULL };
	check_fast_paths(data, size);
	return fuzz_value_target(&table, data, size);
}
