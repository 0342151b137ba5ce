/*
 * tools/sipsift/typed_addr.c - `sipsift dump --typed` for the address
 * family: the Contact parameters and display text of every address, and
 * the headers of sipsift/addr.h (Referred-By, Diversion, History-Info) and
 * the other address headers sift_header_validate() checks.
 */
#include "json.h"
#include "typed.h"

/* The display name as text and the Contact parameters (RFC 3261 20.10,
 * RFC 5626 4.1 reg-id and +sip.instance) of one parsed address. */
static void addr_extra(FILE *out, const char *buf, const sift_addr *addr)
{
	char text[256];
	size_t len = 0;
	if (addr->display.len &&
	    sift_display_name_unescape(buf, addr->display, text, sizeof text, &len) == SIFT_OK) {
		fputs(",\"display_text\":", out);
		json_string(out, text, len);
	}
	if (addr->has_q)
		typed_comma_q(out, addr->q, 1);
	if (addr->has_expires)
		typed_comma_uint(out, "expires", addr->expires, 1);
	if (addr->has_reg_id)
		typed_comma_uint(out, "reg_id", addr->reg_id, 1);
	if (addr->has_instance)
		typed_comma_span(out, "instance", buf, addr->instance, 1);
}

void typed_addr_object(FILE *out, const char *buf, const sift_addr *addr, int with_tag)
{
	typed_span(out, "display", buf, addr->display, addr->display.len > 0);
	fputc(',', out);
	typed_uri(out, "uri", buf, addr->uri);
	if (with_tag)
		typed_comma_span(out, "tag", buf, addr->tag, addr->has_tag);
	typed_comma_bool(out, "name_addr", addr->is_name_addr);
	fputc(',', out);
	typed_params(out, "params", buf, addr->params);
	addr_extra(out, buf, addr);
}

/* "addr":{display, uri, name_addr, params, ...} without the closing brace. */
static void addr_object(FILE *out, const char *buf, const sift_addr *addr)
{
	fputs(",\"addr\":{", out);
	typed_addr_object(out, buf, addr, 0);
}

int addr_json(FILE *out, const char *buf, sift_header_id id, sift_span value)
{
	switch (id) {
	case SIFT_H_REPLY_TO:
	case SIFT_H_REFER_TO:
	case SIFT_H_P_ASSERTED_IDENTITY:
	case SIFT_H_P_PREFERRED_IDENTITY:
	case SIFT_H_PATH:
	case SIFT_H_SERVICE_ROUTE: {
		sift_addr addr;
		if (sift_addr_parse(buf, value, sift_addr_flags(id), &addr, NULL) != SIFT_OK)
			return 0;
		addr_object(out, buf, &addr);
		fputc('}', out);
		return 1;
	}
	case SIFT_H_REFERRED_BY: {
		sift_referred_by rb;
		if (sift_referred_by_parse(buf, value, 0, &rb, NULL) != SIFT_OK)
			return 0;
		addr_object(out, buf, &rb.addr);
		typed_comma_span(out, "cid", buf, rb.cid, rb.has_cid);
		fputc('}', out);
		return 1;
	}
	case SIFT_H_DIVERSION: {
		sift_diversion d;
		if (sift_diversion_parse(buf, value, 0, &d, NULL) != SIFT_OK)
			return 0;
		addr_object(out, buf, &d.addr);
		typed_comma_span(out, "reason", buf, d.reason, d.has_reason);
		typed_comma_uint(out, "counter", d.counter, d.has_counter);
		typed_comma_uint(out, "limit", d.limit, d.has_limit);
		typed_comma_span(out, "privacy", buf, d.privacy, d.has_privacy);
		typed_comma_span(out, "screen", buf, d.screen, d.has_screen);
		fputc('}', out);
		return 1;
	}
	case SIFT_H_HISTORY_INFO: {
		sift_history_info hi;
		if (sift_history_info_parse(buf, value, 0, &hi, NULL) != SIFT_OK)
			return 0;
		addr_object(out, buf, &hi.addr);
		typed_comma_span(out, "index", buf, hi.index, 1);
		fputs(",\"index_numbers\":[", out);
		sift_span cursor = hi.index;
		uint32_t number;
		for (int first = 1; sift_history_index_next(buf, &cursor, &number); first = 0)
			fprintf(out, "%s%u", first ? "" : ",", (unsigned)number);
		fputc(']', out);
		typed_comma_span(out, "rc", buf, hi.rc, hi.has_rc);
		typed_comma_span(out, "mp", buf, hi.mp, hi.has_mp);
		typed_comma_span(out, "np", buf, hi.np, hi.has_np);
		fputc('}', out);
		return 1;
	}
	default:
		return 0;
	}
}
