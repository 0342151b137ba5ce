/* src/hdr/params.c - header parameter lists: *( SEMI generic-param ). */
#include "hdr/internal.h"

/* The value of a wanted parameter is a token (via-branch, tag-param,
 * handling-param...): shared so that parse_params knows, from the pointer,
 * that the gen-value it has just matched as a token needs no second scan. */
int sift__param_is_token(const char *value, const char *end, int has_value)
{
	return has_value && sift__match_token_bv(value, end) == end;
}

/* gen-value = token / host / quoted-string (RFC 3261 25) at p, where p is
 * after SWS. The alternatives start apart: hostname and IPv4address are
 * made of token characters only (alphanum, "-", "."), so where p holds a
 * token character the longest match of the three is the token; a
 * quoted-string starts with DQUOTE (or SWS) and an IPv6reference with "[".
 * So one matcher runs, chosen by the first byte, instead of the DFA of the
 * union; anything else (a second fold, no value) goes to that DFA.
 * *token is set when the value matched is a token. */
static const char *gen_value_end(const char *p, const char *end, int *token)
{
	*token = 0;
	if (p < end) {
		unsigned char c = (unsigned char)*p;
		if (c == '"')
			return sift__match_quoted_string_fast(p, end);
		if (c == '[')
			return sift__match_host_bv(p, end);
		if (c > ' ' && c < 0x7F) {
			const char *t = sift__match_token_fast(p, end);
			if (t) {
				*token = 1;
				return t;
			}
		}
	}
	return sift__match_gen_value(p, end);
}

/* name equals literal, ignoring case (RFC 3261 7.3.1). The literal is
 * lower case (the wanted names: letters, digits, "-", "+", ".") and name
 * is a token, and among token characters only an upper-case letter turns
 * into a literal's character by setting bit 0x20: so one OR per byte
 * compares, and a byte never equals the literal's NUL after it. */
static int name_is(const char *name, size_t len, const char *literal)
{
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)name[i] | 0x20) != (unsigned char)literal[i])
			return 0;
	return literal[len] == 0;
}

/* One wanted parameter found: its value checked (unless the walk has
 * already checked it: checked) and stored. */
static inline int take_want(const char *buf, const char *rule,
			    int (*valid)(const char *, const char *, int), sift_span *store,
			    uint8_t *present, const char *value, const char *value_end,
			    int has_value, int token_value, int checked, sift_error *err)
{
	if (valid && !checked && !(valid == sift__param_is_token && has_value && token_value) &&
	    !valid(value, value_end, has_value)) {
		sift__fail(err, SIFT_E_HEADER_VALUE, buf, value, rule);
		return 0;
	}
	if (store)
		*store = sift__span(buf, value, value_end);
	if (present)
		*present = 1;
	return 1;
}

/*
 * *( SEMI generic-param ). With classify, the `classified` slots are told
 * apart by that DFA while it reads the name (its result n names
 * slots[n - 1], filled in the struct at base); the wanted parameters of
 * want by their names.
 */
static const char *parse_params(const char *buf, const char *p, const char *end,
				sift_span *params, sift_error *err, const char *rule, int via,
				const sift__param_want *want, size_t want_count,
				sift__param_classifier classify, const sift__param_slot *slots,
				size_t classified, void *base)
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
		const char *name_start = q, *name_end;
		unsigned known = 0;
		if (classify)
			known = classify(q, end, &name_end);
		else
			name_end = sift__match_token_bv(q, end);
		if (!name_end) {
			sift__fail(err, SIFT_E_HEADER_VALUE, buf, q, rule);
			return NULL;
		}
		size_t name_len = (size_t)(name_end - name_start);
		const char *value = name_end;
		int has_value = 0, token_value = 0, checked = 0;
		p = name_end;
		q = sift__skip_sws(p, end);
		if (q < end && *q == '=') {
			q = sift__skip_sws(q + 1, end);
			const char *value_end;
			/* via-received holding an IPv4address, as nearly every one
			 * does (RFC 3261 18.2.1): where that DFA's match ends at the
			 * end or at a byte no token holds (";" "," SP HTAB CR LF), it
			 * is also the gen-value's token (IPv4address is made of
			 * token characters), and is_received() would pass it: one
			 * DFA instead of the token's and then the IPv4address's. */
			if (via && known == SIFT__VIA_RECEIVED && q < end && *q >= '0' && *q <= '9' &&
			    (value_end = sift__match_ipv4address(q, end)) != NULL &&
			    (value_end == end || *value_end == ';' || *value_end == ',' ||
			     *value_end == ' ' || *value_end == '\t' || *value_end == '\r' ||
			     *value_end == '\n')) {
				token_value = 1;
				checked = 1;
			} else {
				value_end = gen_value_end(q, end, &token_value);
			}
			/* An IPv6address longer than the gen-value stops it at a ':'
			 * (hex digits and '.' are token characters). */
			if (via && known == SIFT__VIA_RECEIVED &&
			    (!value_end || (value_end < end && *value_end == ':'))) {
				const char *v6 = sift__match_ipv6address(q, end);
				if (v6 && (!value_end || v6 > value_end)) {
					value_end = v6;
					token_value = 0;
				}
			}
			if (!value_end) {
				sift__fail(err, SIFT_E_HEADER_VALUE, buf, q, "gen-value");
				return NULL;
			}
			value = q;
			has_value = 1;
			p = value_end;
		}
		/* Wanted parameters: captured and checked in this same pass. */
		const char *value_end = has_value ? p : value;
		if (known && known <= classified) {
			const sift__param_slot *s = &slots[known - 1];
			char *fields = base;
			if (!take_want(buf, s->rule, s->valid, (sift_span *)(void *)(fields + s->value),
				       s->present == SIFT__NO_FIELD ? NULL
				       : (uint8_t *)(fields + s->present),
				       value, value_end, has_value, token_value, checked, err))
				return NULL;
		}
		for (size_t i = 0; i < want_count; i++)
			if (name_is(name_start, name_len, want[i].name) &&
			    !take_want(buf, want[i].rule, want[i].valid, want[i].value, want[i].present,
				       value, value_end, has_value, token_value, 0, err))
				return NULL;
	}
	*params = first ? sift__span(buf, first, p) : sift__span(buf, p, p);
	return p;
}

const char *sift__parse_header_params(const char *buf, const char *p, const char *end,
				      sift_span *params, sift_error *err, const char *rule)
{
	return parse_params(buf, p, end, params, err, rule, 0, NULL, 0, NULL, NULL, 0, NULL);
}

const char *sift__parse_params_want(const char *buf, const char *p, const char *end,
				    sift_span *params, sift_error *err, const char *rule,
				    const sift__param_want *want, size_t want_count)
{
	return parse_params(buf, p, end, params, err, rule, 0, want, want_count, NULL, NULL, 0,
			    NULL);
}

const char *sift__parse_params_classified(const char *buf, const char *p, const char *end,
					  sift_span *params, sift_error *err, const char *rule,
					  const sift__param_slot *slots, size_t classified,
					  void *base, sift__param_classifier classify,
					  const sift__param_want *want, size_t want_count)
{
	return parse_params(buf, p, end, params, err, rule, 0, want, want_count, classify, slots,
			    classified, base);
}

/* sift__scan_via_param_name, the names nearly every Via carries (RFC 3261
 * 18.2.1 via-branch, via-received; RFC 3581 3 response-port) told first
 * by their bytes: "branch" or "received" before "=", "rport" before the
 * end or a byte no token holds. The same result, no DFA. */
unsigned sift__via_param_name(const char *p, const char *end, const char **stop)
{
	size_t left = (size_t)(end - p);
	if (left >= 7 && sift__equal_word_nocase(p, "bran", "    ", 4) &&
	    sift__equal_word_nocase(p + 3, "nch=", "   \0", 4)) {
		*stop = p + 6;
		return SIFT__VIA_BRANCH;
	}
	if (left >= 9 && sift__equal_word_nocase(p, "received", "        ", 8) && p[8] == '=') {
		*stop = p + 8;
		return SIFT__VIA_RECEIVED;
	}
	if (left >= 5 && sift__equal_word_nocase(p, "rpor", "    ", 4) && (p[4] | 0x20) == 't' &&
	    (left == 5 || p[5] == '=' || p[5] == ';' || p[5] == ',' || p[5] == ' ' ||
	     p[5] == '\t' || p[5] == '\r' || p[5] == '\n')) {
		*stop = p + 5;
		return SIFT__VIA_RPORT;
	}
	return sift__scan_via_param_name(p, end, stop);
}

const char *sift__parse_via_params(const char *buf, const char *p, const char *end,
				   sift_span *params, sift_error *err,
				   const sift__param_slot *slots, void *base)
{
	/* slots are branch, received, maddr, ttl, rport: the classifier's order. */
	return parse_params(buf, p, end, params, err, "via-params", 1, NULL, 0,
			    sift__via_param_name, slots, 5, base);
}
