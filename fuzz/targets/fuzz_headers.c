/*
 * fuzz/targets/fuzz_headers.c - the typed header parsers on one value.
 *
 * Input: selector byte, then the header value (fuzz_value_target() of
 * check.h, which also parses the value at offset 0 and at offset 1).
 *   byte 0: bit 7 SIFT_OPT_STRICT; (byte & 0x7F) % 11 picks, in the order
 *   of the table `parsers` below:
 *     0 sift_via_parse            6 sift_callid_parse
 *     1 sift_addr_parse           7 sift_uint_parse, max 255 (Max-Forwards)
 *     2   + NAME_ADDR_ONLY        8 sift_uint_parse, max UINT32_MAX
 *     3   + ALLOW_STAR            9 sift_media_type_parse
 *     4   + both flags           10 sift_date_parse
 *     5 sift_cseq_parse
 *
 * Invariants (abort on violation), besides the driver's (spans inside the
 * value, error reports, the same code without an error struct, the same
 * result shifted):
 *   - sub-parts lie where they belong (branch inside the params, the URI of
 *     an address parses); params walks end and stay inside.
 */
#include "check.h"

static sift_code run_via(const fuzz_value *v, fuzz_parsed *out)
{
	sift_via via;
	memset(&via, 0x5A, sizeof via); /* the parser clears it */
	sift_code code = sift_via_parse(v->buf, v->value, v->options, &via, v->err);
	fuzz_add(out, via.protocol_name); fuzz_add(out, via.protocol_version);
	fuzz_add(out, via.transport); fuzz_add(out, via.host); fuzz_add(out, via.port_text);
	fuzz_add(out, via.params); fuzz_add(out, via.branch); fuzz_add(out, via.received);
	fuzz_add(out, via.rport); fuzz_add(out, via.maddr); fuzz_add(out, via.ttl);
	fuzz_num(out, via.port);
	fuzz_num(out, via.has_port);
	fuzz_num(out, via.has_rport);
	fuzz_num(out, via.host_kind);
	if (code != SIFT_OK)
		return code;
	FUZZ_CHECK(via.protocol_name.len > 0 && via.protocol_version.len > 0);
	FUZZ_CHECK(via.transport.len > 0 && via.host.len > 0);
	FUZZ_CHECK(via.host_kind >= SIFT_HOST_NAME && via.host_kind <= SIFT_HOST_IPV6);
	FUZZ_CHECK(via.has_port == (via.port_text.len > 0));
	FUZZ_CHECK(via.has_port || via.port == 0);
	FUZZ_SPAN_WITHIN(via.params, v->value);
	if (via.branch.len)
		FUZZ_SPAN_WITHIN(via.branch, via.params);
	if (via.received.len)
		FUZZ_SPAN_WITHIN(via.received, via.params);
	if (via.rport.len) {
		FUZZ_CHECK(via.has_rport);
		FUZZ_SPAN_WITHIN(via.rport, via.params);
	}
	if (via.maddr.len)
		FUZZ_SPAN_WITHIN(via.maddr, via.params);
	if (via.ttl.len)
		FUZZ_SPAN_WITHIN(via.ttl, via.params);
	fuzz_walk_params(v->buf, via.params, 1);
	return code;
}

/* arg: the SIFT_ADDR_* flags */
static sift_code run_addr(const fuzz_value *v, fuzz_parsed *out)
{
	unsigned flags = (unsigned)v->arg;
	sift_addr addr;
	memset(&addr, 0x5A, sizeof addr); /* the parser clears it */
	sift_code code = sift_addr_parse(v->buf, v->value, v->options | flags, &addr, v->err);
	fuzz_add(out, addr.display); fuzz_add(out, addr.uri); fuzz_add(out, addr.params);
	fuzz_add(out, addr.tag);
	fuzz_num(out, addr.is_name_addr);
	fuzz_num(out, addr.is_star);
	fuzz_num(out, addr.has_tag);
	if (code != SIFT_OK)
		return code;
	FUZZ_CHECK(addr.is_star <= 1 && addr.is_name_addr <= 1 && addr.has_tag <= 1);
	if (addr.is_star) {
		FUZZ_CHECK(flags & SIFT_ADDR_ALLOW_STAR);
		FUZZ_CHECK(addr.uri.len == 0 && !addr.is_name_addr && !addr.has_tag);
		return code;
	}
	FUZZ_CHECK(addr.is_name_addr || !(flags & SIFT_ADDR_NAME_ADDR_ONLY));
	FUZZ_CHECK(addr.uri.len > 0);
	FUZZ_SPAN_WITHIN(addr.uri, v->value);
	FUZZ_SPAN_WITHIN(addr.display, v->value);
	FUZZ_SPAN_WITHIN(addr.params, v->value);
	FUZZ_CHECK(addr.display.len == 0 || addr.display.off < addr.uri.off);
	/* The address parser parses the URI: so does sift_uri_parse(). */
	sift_uri uri;
	FUZZ_CHECK(sift_uri_parse(v->buf, addr.uri, v->options, &uri, NULL) == SIFT_OK);
	if (addr.has_tag)
		FUZZ_SPAN_WITHIN(addr.tag, addr.params);
	else
		FUZZ_CHECK(addr.tag.len == 0);
	fuzz_walk_params(v->buf, addr.params, 1);
	return code;
}

static sift_code run_cseq(const fuzz_value *v, fuzz_parsed *out)
{
	sift_cseq cseq;
	memset(&cseq, 0x5A, sizeof cseq); /* the parser clears it */
	sift_code code = sift_cseq_parse(v->buf, v->value, v->options, &cseq, v->err);
	fuzz_add(out, cseq.method);
	fuzz_num(out, cseq.number);
	fuzz_num(out, cseq.method_id);
	if (code == SIFT_OK) {
		FUZZ_CHECK(cseq.method.len > 0);
		FUZZ_SPAN_WITHIN(cseq.method, v->value);
		FUZZ_CHECK(cseq.method_id == sift_method_lookup(v->buf + cseq.method.off, cseq.method.len));
	}
	return code;
}

static sift_code run_callid(const fuzz_value *v, fuzz_parsed *out)
{
	sift_callid callid;
	if (!v->err) /* without an error struct: without a result struct too */
		return sift_callid_parse(v->buf, v->value, v->options, NULL, NULL);
	memset(&callid, 0x5A, sizeof callid);
	sift_code code = sift_callid_parse(v->buf, v->value, v->options, &callid, v->err);
	if (code != SIFT_OK)
		return code;
	fuzz_add(out, callid.id); fuzz_add(out, callid.local); fuzz_add(out, callid.host);
	FUZZ_CHECK(callid.id.len > 0 && callid.local.len > 0);
	FUZZ_SPAN_WITHIN(callid.id, v->value);
	FUZZ_SPAN_WITHIN(callid.local, callid.id);
	FUZZ_CHECK(callid.local.off == callid.id.off);
	if (callid.has_host) {
		FUZZ_CHECK(callid.host.len > 0);
		FUZZ_SPAN_WITHIN(callid.host, callid.id);
		FUZZ_CHECK(v->buf[callid.host.off - 1] == '@');
	} else {
		FUZZ_CHECK(callid.host.len == 0 && callid.local.len == callid.id.len);
	}
	return code;
}

/* arg: the largest value accepted (Max-Forwards: 255) or 0 for UINT32_MAX */
static sift_code run_uint(const fuzz_value *v, fuzz_parsed *out)
{
	uint32_t max = v->arg ? (uint32_t)v->arg : UINT32_MAX, number = 0;
	sift_code code = sift_uint_parse(v->buf, v->value, max, &number, v->err);
	if (code == SIFT_OK)
		FUZZ_CHECK(number <= max);
	fuzz_num(out, code == SIFT_OK ? number : 0);
	return code;
}

static sift_code run_media(const fuzz_value *v, fuzz_parsed *out)
{
	sift_media_type media;
	memset(&media, 0x5A, sizeof media); /* the parser clears it */
	sift_code code = sift_media_type_parse(v->buf, v->value, v->options, &media, v->err);
	fuzz_add(out, media.type); fuzz_add(out, media.subtype); fuzz_add(out, media.params);
	if (code == SIFT_OK) {
		FUZZ_CHECK(media.type.len > 0 && media.subtype.len > 0);
		FUZZ_SPAN_WITHIN(media.type, v->value);
		FUZZ_SPAN_WITHIN(media.subtype, v->value);
		FUZZ_SPAN_WITHIN(media.params, v->value);
		FUZZ_CHECK(media.type.off + media.type.len <= media.subtype.off);
		fuzz_walk_params(v->buf, media.params, 1);
	}
	return code;
}

static sift_code run_date(const fuzz_value *v, fuzz_parsed *out)
{
	sift_date date;
	if (!v->err) /* without an error struct: without a result struct too */
		return sift_date_parse(v->buf, v->value, v->options, NULL, NULL);
	sift_code code = sift_date_parse(v->buf, v->value, v->options, &date, v->err);
	if (code == SIFT_OK) {
		FUZZ_CHECK(date.weekday >= 1 && date.weekday <= 7);
		FUZZ_CHECK(date.month >= 1 && date.month <= 12);
		FUZZ_CHECK(date.day <= 99 && date.hour <= 99 && date.minute <= 99 && date.second <= 99 &&
			   date.year <= 9999);
		fuzz_num(out, date.year);
		fuzz_num(out, (uint32_t)date.month << 24 | (uint32_t)date.day << 16 |
				      (uint32_t)date.hour << 8 | date.minute);
	}
	return code;
}

static const fuzz_value_parser parsers[] = {
	{ run_via, 0 },
	{ run_addr, 0 },
	{ run_addr, SIFT_ADDR_NAME_ADDR_ONLY },
	{ run_addr, SIFT_ADDR_ALLOW_STAR },
	{ run_addr, SIFT_ADDR_NAME_ADDR_ONLY | SIFT_ADDR_ALLOW_STAR },
	{ run_cseq, 0 },
	{ run_callid, 0 },
	{ run_uint, 255 },
	{ run_uint, 0 },
	{ run_media, 0 },
	{ run_date, 0 },
};

FUZZ_VALUE_TARGET(parsers, 0, NULL)
