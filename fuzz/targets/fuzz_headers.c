/*
 * fuzz/targets/fuzz_headers.c - the typed header parsers on one value.
 *
 * Input: selector byte, then the header value.
 *   byte 0: bit 7 SIFT_OPT_STRICT; (byte & 0x7F) % PARSER_COUNT picks:
 *     0 sift_via_parse            6 sift_callid_parse
 *     1 sift_addr_parse           7 sift_uint_parse, max 255 (Max-Forwards)
 *     2   + NAME_ADDR_ONLY        8 sift_uint_parse, max UINT32_MAX
 *     3   + ALLOW_STAR            9 sift_media_type_parse
 *     4   + both flags           10 sift_date_parse
 *     5 sift_cseq_parse
 *
 * The value is parsed from a heap copy of exactly its bytes (span at
 * offset 0), then again at offset 1 of the original input (after the
 * selector byte).
 * Invariants (abort on violation):
 *   - every span the parser returns lies inside the value, sub-parts where
 *     they belong (branch inside the params, the URI of an address parses);
 *   - an error has the returned code, a rule and an offset inside the value;
 *   - the same code without an error struct; the same result, shifted, at
 *     the other offset; params walks end and stay inside.
 */
#include "check.h"

enum {
	P_VIA, P_ADDR, P_ADDR_NAME_ADDR, P_ADDR_STAR, P_ADDR_BOTH, P_CSEQ, P_CALLID,
	P_UINT_255, P_UINT_MAX, P_MEDIA, P_DATE, PARSER_COUNT
};

/* One parse, its spans in a fixed order so two parses can be compared. */
typedef struct parsed {
	sift_code code;
	sift_error error;
	sift_span spans[16];
	unsigned span_count;
	uint32_t numbers[6];
} parsed;

static void add(parsed *p, sift_span span)
{
	p->spans[p->span_count++] = span;
}

static unsigned addr_flags(int which)
{
	switch (which) {
	case P_ADDR_NAME_ADDR:
		return SIFT_ADDR_NAME_ADDR_ONLY;
	case P_ADDR_STAR:
		return SIFT_ADDR_ALLOW_STAR;
	case P_ADDR_BOTH:
		return SIFT_ADDR_NAME_ADDR_ONLY | SIFT_ADDR_ALLOW_STAR;
	default:
		return 0;
	}
}

static void check_via(const char *buf, sift_span value, const sift_via *via)
{
	FUZZ_CHECK(via->protocol_name.len > 0 && via->protocol_version.len > 0);
	FUZZ_CHECK(via->transport.len > 0 && via->host.len > 0);
	FUZZ_CHECK(via->host_kind >= SIFT_HOST_NAME && via->host_kind <= SIFT_HOST_IPV6);
	FUZZ_CHECK(via->has_port == (via->port_text.len > 0));
	FUZZ_CHECK(via->has_port || via->port == 0);
	FUZZ_SPAN_WITHIN(via->params, value);
	if (via->branch.len)
		FUZZ_SPAN_WITHIN(via->branch, via->params);
	if (via->received.len)
		FUZZ_SPAN_WITHIN(via->received, via->params);
	if (via->rport.len) {
		FUZZ_CHECK(via->has_rport);
		FUZZ_SPAN_WITHIN(via->rport, via->params);
	}
	if (via->maddr.len)
		FUZZ_SPAN_WITHIN(via->maddr, via->params);
	if (via->ttl.len)
		FUZZ_SPAN_WITHIN(via->ttl, via->params);
	fuzz_walk_params(buf, via->params, 1);
}

static void check_addr(const char *buf, sift_span value, const sift_addr *addr, unsigned flags,
		       unsigned options)
{
	FUZZ_CHECK(addr->is_star <= 1 && addr->is_name_addr <= 1 && addr->has_tag <= 1);
	if (addr->is_star) {
		FUZZ_CHECK(flags & SIFT_ADDR_ALLOW_STAR);
		FUZZ_CHECK(addr->uri.len == 0 && !addr->is_name_addr && !addr->has_tag);
		return;
	}
	FUZZ_CHECK(addr->is_name_addr || !(flags & SIFT_ADDR_NAME_ADDR_ONLY));
	FUZZ_CHECK(addr->uri.len > 0);
	FUZZ_SPAN_WITHIN(addr->uri, value);
	FUZZ_SPAN_WITHIN(addr->display, value);
	FUZZ_SPAN_WITHIN(addr->params, value);
	FUZZ_CHECK(addr->display.len == 0 || addr->display.off < addr->uri.off);
	/* The address parser parses the URI: so does sift_uri_parse(). */
	sift_uri uri;
	FUZZ_CHECK(sift_uri_parse(buf, addr->uri, options, &uri, NULL) == SIFT_OK);
	if (addr->has_tag)
		FUZZ_SPAN_WITHIN(addr->tag, addr->params);
	else
		FUZZ_CHECK(addr->tag.len == 0);
	fuzz_walk_params(buf, addr->params, 1);
}

static void run(int which, const char *buf, sift_span value, unsigned options, parsed *out)
{
	sift_error *err = &out->error;
	memset(out, 0, sizeof *out);
	switch (which) {
	case P_VIA: {
		sift_via via;
		memset(&via, 0x5A, sizeof via); /* the parser clears it */
		out->code = sift_via_parse(buf, value, options, &via, err);
		add(out, via.protocol_name); add(out, via.protocol_version);
		add(out, via.transport); add(out, via.host); add(out, via.port_text);
		add(out, via.params); add(out, via.branch); add(out, via.received);
		add(out, via.rport); add(out, via.maddr); add(out, via.ttl);
		out->numbers[0] = via.port;
		out->numbers[1] = via.has_port;
		out->numbers[2] = via.has_rport;
		out->numbers[3] = via.host_kind;
		if (out->code == SIFT_OK)
			check_via(buf, value, &via);
		break;
	}
	case P_ADDR:
	case P_ADDR_NAME_ADDR:
	case P_ADDR_STAR:
	case P_ADDR_BOTH: {
		sift_addr addr;
		memset(&addr, 0x5A, sizeof addr); /* the parser clears it */
		unsigned flags = addr_flags(which);
		out->code = sift_addr_parse(buf, value, options | flags, &addr, err);
		add(out, addr.display); add(out, addr.uri); add(out, addr.params); add(out, addr.tag);
		out->numbers[0] = addr.is_name_addr;
		out->numbers[1] = addr.is_star;
		out->numbers[2] = addr.has_tag;
		if (out->code == SIFT_OK)
			check_addr(buf, value, &addr, flags, options);
		break;
	}
	case P_CSEQ: {
		sift_cseq cseq;
		memset(&cseq, 0x5A, sizeof cseq); /* the parser clears it */
		out->code = sift_cseq_parse(buf, value, options, &cseq, err);
		add(out, cseq.method);
		out->numbers[0] = cseq.number;
		out->numbers[1] = cseq.method_id;
		if (out->code == SIFT_OK) {
			FUZZ_CHECK(cseq.method.len > 0);
			FUZZ_SPAN_WITHIN(cseq.method, value);
			FUZZ_CHECK(cseq.method_id ==
				   sift_method_lookup(buf + cseq.method.off, cseq.method.len));
		}
		break;
	}
	case P_CALLID: {
		sift_callid callid;
		memset(&callid, 0x5A, sizeof callid);
		out->code = sift_callid_parse(buf, value, options, &callid, err);
		if (out->code == SIFT_OK) {
			add(out, callid.id); add(out, callid.local); add(out, callid.host);
			FUZZ_CHECK(callid.id.len > 0 && callid.local.len > 0);
			FUZZ_SPAN_WITHIN(callid.id, value);
			FUZZ_SPAN_WITHIN(callid.local, callid.id);
			FUZZ_CHECK(callid.local.off == callid.id.off);
			if (callid.has_host) {
				FUZZ_CHECK(callid.host.len > 0);
				FUZZ_SPAN_WITHIN(callid.host, callid.id);
				FUZZ_CHECK(buf[callid.host.off - 1] == '@');
			} else {
				FUZZ_CHECK(callid.host.len == 0 && callid.local.len == callid.id.len);
			}
		}
		break;
	}
	case P_UINT_255:
	case P_UINT_MAX: {
		uint32_t max = which == P_UINT_255 ? 255 : UINT32_MAX, number = 0;
		out->code = sift_uint_parse(buf, value, max, &number, err);
		if (out->code == SIFT_OK)
			FUZZ_CHECK(number <= max);
		out->numbers[0] = out->code == SIFT_OK ? number : 0;
		break;
	}
	case P_MEDIA: {
		sift_media_type media;
		memset(&media, 0x5A, sizeof media); /* the parser clears it */
		out->code = sift_media_type_parse(buf, value, options, &media, err);
		add(out, media.type); add(out, media.subtype); add(out, media.params);
		if (out->code == SIFT_OK) {
			FUZZ_CHECK(media.type.len > 0 && media.subtype.len > 0);
			FUZZ_SPAN_WITHIN(media.type, value);
			FUZZ_SPAN_WITHIN(media.subtype, value);
			FUZZ_SPAN_WITHIN(media.params, value);
			FUZZ_CHECK(media.type.off + media.type.len <= media.subtype.off);
			fuzz_walk_params(buf, media.params, 1);
		}
		break;
	}
	case P_DATE: {
		sift_date date;
		out->code = sift_date_parse(buf, value, options, &date, err);
		if (out->code == SIFT_OK) {
			FUZZ_CHECK(date.weekday >= 1 && date.weekday <= 7);
			FUZZ_CHECK(date.month >= 1 && date.month <= 12);
			FUZZ_CHECK(date.day <= 99 && date.hour <= 99 && date.minute <= 99 &&
				   date.second <= 99 && date.year <= 9999);
			out->numbers[0] = date.year;
			out->numbers[1] = (uint32_t)date.month << 24 | (uint32_t)date.day << 16 |
					  (uint32_t)date.hour << 8 | date.minute;
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
	sift_via via;
	sift_addr addr;
	sift_cseq cseq;
	sift_media_type media;
	uint32_t number;
	switch (which) {
	case P_VIA:
		return sift_via_parse(buf, value, options, &via, NULL);
	case P_CSEQ:
		return sift_cseq_parse(buf, value, options, &cseq, NULL);
	case P_CALLID:
		return sift_callid_parse(buf, value, options, NULL, NULL);
	case P_UINT_255:
		return sift_uint_parse(buf, value, 255, &number, NULL);
	case P_UINT_MAX:
		return sift_uint_parse(buf, value, UINT32_MAX, &number, NULL);
	case P_MEDIA:
		return sift_media_type_parse(buf, value, options, &media, NULL);
	case P_DATE:
		return sift_date_parse(buf, value, options, NULL, NULL);
	default:
		return sift_addr_parse(buf, value, options | addr_flags(which), &addr, NULL);
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
