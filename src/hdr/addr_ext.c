/*
 * src/hdr/addr_ext.c - the address header family on top of sift_addr_parse():
 * Referred-By (RFC 3892 3), Diversion (RFC 5806 4), History-Info (RFC 7044
 * 9), display names (RFC 3261 25) and the name-addr rule of RFC 8217.
 */
#include "sipsift/addr.h"
#include "hdr/internal.h"

unsigned sift_addr_flags(sift_header_id id)
{
	return sift__addr_flags(id);
}

int sift_header_is_addr(sift_header_id id)
{
	switch (id) {
	case SIFT_H_FROM:
	case SIFT_H_TO:
	case SIFT_H_REPLY_TO:
	case SIFT_H_REFER_TO:
	case SIFT_H_REFERRED_BY:
		return 1;
	default:
		return sift_addr_flags(id) != 0;
	}
}

/* LWS = [*WSP CRLF] 1*WSP (RFC 3261 25), also a bare line end as the
 * message parser accepts it: true for the bytes such a run is made of. */
static int is_lws_byte(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

sift_code sift_display_name_unescape(const char *buf, sift_span display, char *out, size_t size,
				     size_t *len)
{
	if (!buf || (!out && size))
		return SIFT_E_ARGUMENT;
	const char *p = buf + display.off, *end = p + display.len;
	int quoted = p < end && *p == '"';
	if (quoted) {
		if (sift__match_quoted_string_fast(p, end) != end)
			return sift__fail(NULL, SIFT_E_HEADER_VALUE, buf, p, "quoted-string");
		p++;
		end--;
	}
	/* Trim the LWS of the token form at both ends; inside quotes it is text. */
	if (!quoted) {
		while (p < end && is_lws_byte(*p))
			p++;
		while (end > p && is_lws_byte(end[-1]))
			end--;
	}
	size_t n = 0;
	int fits = 1;
	while (p < end) {
		char c = *p;
		if (is_lws_byte(c)) {
			/* One SP for the run (RFC 3261 7.3.1: a fold is one SP). */
			while (p < end && is_lws_byte(*p))
				p++;
			c = ' ';
		} else {
			if (quoted && c == '\\' && p + 1 < end)
				p++; /* quoted-pair = "\" (%x00-09 / %x0B-0C / %x0E-7F) */
			c = *p++;
		}
		if (n < size)
			out[n] = c;
		else
			fits = 0;
		n++;
	}
	if (len)
		*len = n;
	return fits ? SIFT_OK : SIFT_E_BUFFER_TOO_SMALL;
}

/* --- Referred-By (RFC 3892 3) --------------------------------------------- */

/* referredby-id-param = "cid" EQUAL sip-clean-msg-id */
static int is_clean_msg_id(const char *value, const char *end, int has_value)
{
	return has_value && sift__match_sip_clean_msg_id(value, end) == end;
}

sift_code sift_referred_by_parse(const char *buf, sift_span value, unsigned options,
				 sift_referred_by *out, sift_error *err)
{
	static const sift_referred_by empty;
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	const sift__param_want want[] = {
		{ "cid", "sip-clean-msg-id", is_clean_msg_id, &out->cid, &out->has_cid },
	};
	/* referrer-uri = ( name-addr / addr-spec ): From's grammar, no star. */
	sift_code code = sift__addr_parse_want(buf, value, options & ~(SIFT_ADDR_ALLOW_STAR |
								 SIFT_ADDR_CONTACT | SIFT_ADDR_NO_PARAMS),
					       &out->addr, err, want, 1);
	if (code != SIFT_OK)
		return code;
	if (out->has_cid) {
		/* LDQUOT and RDQUOT may hold SWS: keep what is inside the quotes. */
		const char *p = buf + out->cid.off, *end = p + out->cid.len;
		while (*p != '"')
			p++;
		while (end[-1] != '"')
			end--;
		out->cid = sift__span(buf, p + 1, end - 1);
	}
	return SIFT_OK;
}

/* --- Diversion (RFC 5806 4) ----------------------------------------------- */

/* diversion-reason / -privacy / -screen: a listed word, token or
 * quoted-string; the words are tokens, so token / quoted-string decides. */
static int is_token_or_quoted(const char *value, const char *end, int has_value)
{
	if (!has_value || value >= end)
		return 0;
	if (*value == '"')
		return sift__match_quoted_string_fast(value, end) == end;
	return sift__match_token_bv(value, end) == end;
}

/* diversion-counter / diversion-limit = ... "=" 1*2DIGIT */
static int is_count(const char *value, const char *end, int has_value)
{
	return has_value && sift__match_diversion_count(value, end) == end;
}

static uint8_t small_number(const char *buf, sift_span s)
{
	uint32_t n = 0;
	sift__parse_uint(buf + s.off, buf + s.off + s.len, 99, &n);
	return (uint8_t)n;
}

sift_code sift_diversion_parse(const char *buf, sift_span value, unsigned options,
			       sift_diversion *out, sift_error *err)
{
	static const sift_diversion empty;
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	const sift__param_want want[] = {
		{ "reason", "diversion-reason", is_token_or_quoted, &out->reason, &out->has_reason },
		{ "counter", "diversion-counter", is_count, &out->counter_text, &out->has_counter },
		{ "limit", "diversion-limit", is_count, &out->limit_text, &out->has_limit },
		{ "privacy", "diversion-privacy", is_token_or_quoted, &out->privacy, &out->has_privacy },
		{ "screen", "diversion-screen", is_token_or_quoted, &out->screen, &out->has_screen },
	};
	/* diversion-params = name-addr *(SEMI ...) (erratum 3177) */
	sift_code code = sift__addr_parse_want(buf, value, SIFT_ADDR_NAME_ADDR_ONLY |
								(options & SIFT_OPT_STRICT),
					       &out->addr, err, want, sizeof want / sizeof want[0]);
	if (code != SIFT_OK)
		return code;
	/* RFC 5806 4 writes every parameter with a bare "=" and, for a
	 * diversion-extension, a token or quoted-string value. The walk above
	 * reads them as RFC 3261 generic-params (EQUAL's white space, a host
	 * as a value), which a liberal receiver may accept; strict mode keeps
	 * to the grammar. */
	if (options & SIFT_OPT_STRICT) {
		sift_span cursor = out->addr.params;
		sift_param param;
		while (sift_param_next(buf, &cursor, &param)) {
			const char *name_end = buf + param.name.off + param.name.len;
			const char *text = buf + param.value.off;
			if (!param.has_value)
				continue;
			if (*name_end != '=' || text != name_end + 1)
				return sift__fail(err, SIFT_E_HEADER_VALUE, buf,
						  *name_end != '=' ? name_end : name_end + 1,
						  "diversion-params");
			if (!is_token_or_quoted(text, text + param.value.len, 1))
				return sift__fail(err, SIFT_E_HEADER_VALUE, buf, text, "diversion-extension");
		}
	}
	out->counter = small_number(buf, out->counter_text);
	out->limit = small_number(buf, out->limit_text);
	return SIFT_OK;
}

/* --- History-Info (RFC 7044 9) -------------------------------------------- */

/* index-val = number *("." number), number = [ %x31-39 *DIGIT ] DIGIT.
 * RFC 4244, which RFC 7044 obsoletes, allowed leading zeros (1*DIGIT
 * *(DOT 1*DIGIT)); entries from its implementations are accepted unless
 * strict. Both forms are checked by the matchers here, the range after. */
static int is_index_val(const char *value, const char *end, int has_value)
{
	return has_value && sift__match_index_val(value, end) == end;
}

static int is_index_val_rfc4244(const char *value, const char *end, int has_value)
{
	return has_value && sift__match_index_val_rfc4244(value, end) == end;
}

/* Each number of an index-val fits 32 bits; returns the first that does
 * not, or NULL. *depth receives the count of numbers. */
static const char *index_overflow(const char *buf, sift_span index, uint32_t *depth)
{
	const char *p = buf + index.off, *end = p + index.len;
	*depth = 0;
	while (p < end) {
		const char *start = p;
		uint32_t n;
		while (p < end && *p != '.')
			p++;
		if (!sift__parse_uint(start, p, UINT32_MAX, &n))
			return start;
		(*depth)++;
		if (p < end)
			p++;
	}
	return NULL;
}

sift_code sift_history_info_parse(const char *buf, sift_span value, unsigned options,
				  sift_history_info *out, sift_error *err)
{
	static const sift_history_info empty;
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	int (*valid)(const char *, const char *, int) =
		(options & SIFT_OPT_STRICT) ? is_index_val : is_index_val_rfc4244;
	uint8_t has_index = 0;
	const sift__param_want want[] = {
		{ "index", "index-val", valid, &out->index, &has_index },
		{ "rc", "index-val", valid, &out->rc, &out->has_rc },
		{ "mp", "index-val", valid, &out->mp, &out->has_mp },
		{ "np", "index-val", valid, &out->np, &out->has_np },
	};
	sift_code code = sift__addr_parse_want(buf, value, SIFT_ADDR_NAME_ADDR_ONLY |
								(options & SIFT_OPT_STRICT),
					       &out->addr, err, want, sizeof want / sizeof want[0]);
	if (code != SIFT_OK)
		return code;
	if (!has_index)
		/* RFC 7044 requires the index in every hi-entry. */
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, buf + value.off + value.len,
				  "hi-index");
	/* Every occurrence of index, rc, mp and np within 32 bits per number. */
	sift_span cursor = out->addr.params;
	sift_param param;
	while (sift_param_next(buf, &cursor, &param)) {
		const char *name = buf + param.name.off;
		uint32_t depth;
		if (!sift__equal_nocase(name, param.name.len, "index") &&
		    !sift__equal_nocase(name, param.name.len, "rc") &&
		    !sift__equal_nocase(name, param.name.len, "mp") &&
		    !sift__equal_nocase(name, param.name.len, "np"))
			continue;
		const char *bad = index_overflow(buf, param.value, &depth);
		if (bad)
			return sift__fail(err, SIFT_E_NUMBER_RANGE, buf, bad, "index-val");
	}
	index_overflow(buf, out->index, &out->index_depth);
	return SIFT_OK;
}

int sift_history_index_next(const char *buf, sift_span *cursor, uint32_t *number)
{
	if (!buf || !cursor || cursor->len == 0)
		return 0;
	const char *p = buf + cursor->off, *end = p + cursor->len, *start = p;
	while (p < end && *p != '.')
		p++;
	uint32_t n = 0;
	if (!sift__parse_uint(start, p, UINT32_MAX, &n))
		n = UINT32_MAX;
	if (number)
		*number = n;
	if (p < end)
		p++;
	*cursor = sift__span(buf, p, end);
	return 1;
}

/* --- RFC 8217 ------------------------------------------------------------- */

/* RFC 8217 3 (RFC 3261's To, From, Contact, Reply-To) and 4 (the header
 * fields of RFC 3515 and RFC 4508: Refer-To; RFC 3892: Referred-By;
 * RFC 5360: Permission-Missing; RFC 3325: P-Asserted-Identity,
 * P-Preferred-Identity; RFC 5002: P-Profile-Key; RFC 5318:
 * P-Refused-URI-List; RFC 5502: P-Served-User). The registered ones are
 * looked up by id, so compact forms count; the others by name. */
int sift_addr_rfc8217_covers(const char *name, size_t len)
{
	static const char *const unregistered[] = {
		"Permission-Missing", "P-Profile-Key", "P-Refused-URI-List", "P-Served-User",
	};
	if (!name)
		return 0;
	switch (sift_header_lookup(name, len)) {
	case SIFT_H_TO:
	case SIFT_H_FROM:
	case SIFT_H_CONTACT:
	case SIFT_H_REPLY_TO:
	case SIFT_H_REFER_TO:
	case SIFT_H_REFERRED_BY:
	case SIFT_H_P_ASSERTED_IDENTITY:
	case SIFT_H_P_PREFERRED_IDENTITY:
		return 1;
	default:
		break;
	}
	for (size_t i = 0; i < sizeof unregistered / sizeof unregistered[0]; i++)
		if (sift__equal_nocase(name, len, unregistered[i]))
			return 1;
	return 0;
}

/* URI parameters a sender may have meant inside the URI when they follow an
 * addr-spec as header parameters (see sift_addr_spec_check in addr.h). */
static int is_uri_param_name(const char *name, size_t len)
{
	static const char *const names[] = {
		"transport", "user", "method", "ttl", "maddr", "lr", /* RFC 3261 19.1.1 */
		"comp",          /* RFC 3486 */
		"sigcomp-id",    /* RFC 5049 */
		"ob",            /* RFC 5626 */
		"gr",            /* RFC 5627 */
		"phone-context", "isub", "ext", /* RFC 3966 */
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (sift__equal_nocase(name, len, names[i]))
			return 1;
	return 0;
}

sift_code sift_addr_spec_check(const char *buf, sift_span value, unsigned flags, sift_error *err)
{
	if (!buf)
		return SIFT_E_ARGUMENT;
	const char *start = buf + value.off, *end = start + value.len;
	const char *p = sift__skip_sws(start, end);
	/* A quoted display name or a '<' anywhere before white space: name-addr
	 * (or not an address at all); the '*' of Contact is no URI. */
	if (p >= end || *p == '"' || *p == '<' || *p == '*')
		return SIFT_OK;
	const char *run = p;
	while (run < end && !is_lws_byte(*run) && *run != '"' && *run != '<')
		run++;
	if (run < end && *run == '<')
		return SIFT_OK; /* token display-name then LAQUOT */
	const char *q = sift__skip_sws(run, end);
	if (q < end && *q == '<')
		return SIFT_OK; /* display-name LWS LAQUOT */
	for (const char *c = p; c < run; c++) {
		if (*c == '?')
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf, c, "name-addr");
		/* A comma right before white space or the end separates list
		 * elements (an unsplit list value); anywhere else the URI held it. */
		if (*c == ',' && c + 1 < run)
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf, c, "name-addr");
	}
	sift_addr addr;
	if (sift_addr_parse(buf, value, flags & ~SIFT_OPT_STRICT, &addr, NULL) != SIFT_OK ||
	    addr.is_name_addr || addr.is_star)
		return SIFT_OK;
	const char *u = buf + addr.uri.off, *u_end = u + addr.uri.len;
	for (const char *c = u; c < u_end; c++)
		if (*c == ';' || *c == ',' || *c == '?')
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf, c, "name-addr");
	sift_span cursor = addr.params;
	sift_param param;
	while (sift_param_next(buf, &cursor, &param)) {
		if (!is_uri_param_name(buf + param.name.off, param.name.len))
			continue;
		const char *semi = buf + param.name.off;
		while (semi > u_end && *semi != ';')
			semi--;
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, semi, "name-addr");
	}
	return SIFT_OK;
}
