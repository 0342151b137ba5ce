/*
 * tools/sipsift/typed_addr.c - `sipsift dump --typed` for the address
 * family: the Contact parameters and display text of every address, and
 * the headers of sipsift/addr.h (Referred-By, Diversion, History-Info) and
 * the other address headers sift_header_validate() checks.
 */
#include "json.h"
#include "typed.h"

void typed_addr_extra(FILE *out, const char *buf, const sift_addr *addr)
{
	char text[256];
	size_t len = 0;
	if (addr->display.len &&
	    sift_display_name_unescape(buf, addr->display, text, sizeof text, &len) == SIFT_OK) {
		fputs(",\"display_text\":", out);
		json_string(out, text, len);
	}
	if (addr->has_q)
		fprintf(out, ",\"q\":%u.%03u", addr->q / 1000u, addr->q % 1000u);
	if (addr->has_expires)
		fprintf(out, ",\"expires\":%u", (unsigned)addr->expires);
	if (addr->has_reg_id)
		fprintf(out, ",\"reg_id\":%u", (unsigned)addr->reg_id);
	if (addr->has_instance) {
		fputc(',', out);
		typed_span(out, "instance", buf, addr->instance, 1);
	}
}

/* "addr":{display, uri, name_addr, params, ...} without the closing brace. */
static void addr_object(FILE *out, const char *buf, const sift_addr *addr)
{
	fputs(",\"addr\":{", out);
	typed_span(out, "display", buf, addr->display, addr->display.len > 0);
	fputc(',', out);
	typed_uri(out, "uri", buf, addr->uri);
	fprintf(out, ",\"name_addr\":%s,", addr->is_name_addr ? "true" : "false");
	typed_params(out, "params", buf, addr->params);
	typed_addr_extra(out, buf, addr);
}

static void member(FILE *out, const char *key, const char *buf, sift_span s, int present)
{
	fputc(',', out);
	typed_span(out, key, buf, s, present);
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
		member(out, "cid", buf, rb.cid, rb.has_cid);
		fputc('}', out);
		return 1;
	}
	case SIFT_H_DIVERSION: {
		sift_diversion d;
		if (sift_diversion_parse(buf, value, 0, &d, NULL) != SIFT_OK)
			return 0;
		addr_object(out, buf, &d.addr);
		member(out, "reason", buf, d.reason, d.has_reason);
		if (d.has_counter)
			fprintf(out, ",\"counter\":%u", d.counter);
		else
			fputs(",\"counter\":null", out);
		if (d.has_limit)
			fprintf(out, ",\"limit\":%u", d.limit);
		else
			fputs(",\"limit\":null", out);
		member(out, "privacy", buf, d.privacy, d.has_privacy);
		member(out, "screen", buf, d.screen, d.has_screen);
		fputc('}', out);
		return 1;
	}
	case SIFT_H_HISTORY_INFO: {
		sift_history_info hi;
		if (sift_history_info_parse(buf, value, 0, &hi, NULL) != SIFT_OK)
			return 0;
		addr_object(out, buf, &hi.addr);
		member(out, "index", buf, hi.index, 1);
		fputs(",\"index_numbers\":[", out);
		sift_span cursor = hi.index;
		uint32_t number;
		for (int first = 1; sift_history_index_next(buf, &cursor, &number); first = 0)
			fprintf(out, "%s%u", first ? "" : ",", (unsigned)number);
		fputc(']', out);
		member(out, "rc", buf, hi.rc, hi.has_rc);
		member(out, "mp", buf, hi.mp, hi.has_mp);
		member(out, "np", buf, hi.np, hi.has_np);
		fputc('}', out);
		return 1;
	}
	default:
		return 0;
	}
}
