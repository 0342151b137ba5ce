/* src/hdr/params.c - header parameter lists: *( SEMI generic-param ). */
#include "hdr/internal.h"

static const char *parse_params(const char *buf, const char *p, const char *end,
				sift_span *params, sift_error *err, const char *rule, int via,
				const sift__param_want *want, size_t want_count)
{
	const char *first = NULL;
	for (;;) {
		/* SEMI = SWS ";" SWS */
		const char *q = sift__skip_sws(p, end);
		if (q >= end || *q != ';')
			break;
		q = sift__skip_sws(q + 1, end);
		if (!first)
			first = q;
		/* generic-param = token [ EQUAL gen-value ] */
		const char *name_start = q, *name_end = sift__match_token(q, end);
		if (!name_end) {
			sift__fail(err, SIFT_E_HEADER_VALUE, buf, q, rule);
			return NULL;
		}
		p = name_end;
		q = sift__skip_sws(p, end);
		if (q < end && *q == '=') {
			q = sift__skip_sws(q + 1, end);
			const char *value_end = sift__match_gen_value(q, end);
			if (via && sift__equal_nocase(name_start, (size_t)(name_end - name_start),
						      "received")) {
				const char *v6 = sift__match_ipv6address(q, end);
				if (v6 && (!value_end || v6 > value_end))
					value_end = v6;
			}
			if (!value_end) {
				sift__fail(err, SIFT_E_HEADER_VALUE, buf, q, "gen-value");
				return NULL;
			}
			p = value_end;
		}
		/* Wanted parameters: captured and checked in this same pass. */
		for (size_t i = 0; i < want_count; i++) {
			const sift__param_want *w = &want[i];
			if (!sift__equal_nocase(name_start, (size_t)(name_end - name_start), w->name))
				continue;
			int has_value = p != name_end;
			const char *value = has_value ? sift__skip_sws(sift__skip_sws(name_end, end) + 1, end)
						      : name_end;
			if (w->valid && !w->valid(value, has_value ? p : value, has_value)) {
				sift__fail(err, SIFT_E_HEADER_VALUE, buf, value, w->rule);
				return NULL;
			}
			if (w->value)
				*w->value = sift__span(buf, value, has_value ? p : value);
			if (w->present)
				*w->present = 1;
		}
	}
	*params = first ? sift__span(buf, first, p) : sift__span(buf, p, p);
	return p;
}

const char *sift__parse_header_params(const char *buf, const char *p, const char *end,
				      sift_span *params, sift_error *err, const char *rule)
{
	return parse_params(buf, p, end, params, err, rule, 0, NULL, 0);
}

const char *sift__parse_params_want(const char *buf, const char *p, const char *end,
				    sift_span *params, sift_error *err, const char *rule,
				    const sift__param_want *want, size_t want_count)
{
	return parse_params(buf, p, end, params, err, rule, 0, want, want_count);
}

const char *sift__parse_via_params(const char *buf, const char *p, const char *end,
				   sift_span *params, sift_error *err,
				   const sift__param_want *want, size_t want_count)
{
	return parse_params(buf, p, end, params, err, "via-params", 1, want, want_count);
}
