/*
 * src/hdr/fields_text.c - headers of text and comments: Warning (RFC 3261
 * 20.43), Server and User-Agent (20.35, 20.41), Subject and Organization
 * (20.36, 20.25), and the comment rule they and Retry-After share.
 */
#include "hdr/internal.h"

/* comment = LPAREN *(ctext / quoted-pair / comment) RPAREN (RFC 3261 25).
 * The one rule of the grammar that is not regular (abnf2re leaves it out):
 * nesting is a counter here, never recursion, and deeper than
 * SIFT_COMMENT_DEPTH_MAX is refused, so no input can exhaust the stack or
 * make the walk more than linear. */
const char *sift__parse_comment(const char *buf, const char *p, const char *end, sift_error *err)
{
	unsigned depth = 0;
	while (p < end) {
		const char *q;
		switch (*p) {
		case '(':
			if (++depth > SIFT_COMMENT_DEPTH_MAX) {
				sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "comment");
				return NULL;
			}
			p++;
			break;
		case ')':
			p++;
			if (--depth == 0)
				return p;
			break;
		case '\\':
			if (!(q = sift__match_quoted_pair(p, end))) {
				sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "quoted-pair");
				return NULL;
			}
			p = q;
			break;
		default:
			/* The caller starts at "(": depth is at least 1 here. */
			if (depth == 0 || !(q = sift__match_ctext(p, end))) {
				sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, depth ? "ctext" : "LPAREN");
				return NULL;
			}
			p = q;
		}
	}
	sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "RPAREN");
	return NULL;
}

/* warning-value = warn-code SP warn-agent SP warn-text (RFC 3261 25). The
 * separators are single SP: the rule says SP, not LWS. */
sift_code sift_warning_parse(const char *buf, sift_span value, unsigned options, sift_warning *out,
			     sift_error *err)
{
	static const sift_warning empty;
	(void)options;
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	const char *start = buf + value.off, *end = start + value.len;
	const char *p = sift__skip_sws(start, end);
	const char *q = sift__match_warn_code(p, end);
	if (!q)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "warn-code");
	/* warn-code = 3DIGIT: a fourth digit is no warn-code (RFC 4475 3.1.2.5). */
	if (q < end && *q >= '0' && *q <= '9')
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, q, "warn-code");
	out->code = (uint16_t)((p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0'));
	if (q >= end || *q != ' ')
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, q, "warning-value");
	p = q + 1;
	if (!(q = sift__match_warn_agent(p, end)))
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "warn-agent");
	out->agent = sift__span(buf, p, q);
	if (q >= end || *q != ' ')
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, q, "warning-value");
	/* warn-text = quoted-string = SWS DQUOTE ... DQUOTE */
	p = sift__skip_sws(q + 1, end);
	if (!(q = sift__match_quoted_string_fast(p, end)))
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "warn-text");
	out->text = sift__span(buf, p, q);
	if ((p = sift__skip_sws(q, end)) != end)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "warning-value");
	return SIFT_OK;
}

const char *sift_warning_code_text(unsigned code)
{
	static const struct {
		unsigned code;
		const char *text;
	} codes[] = {
		/* RFC 3261 20.43 */
		{ 300, "Incompatible network protocol" },
		{ 301, "Incompatible network address formats" },
		{ 302, "Incompatible transport protocol" },
		{ 303, "Incompatible bandwidth units" },
		{ 304, "Media type not available" },
		{ 305, "Incompatible media format" },
		{ 306, "Attribute not understood" },
		{ 307, "Session description parameter not understood" },
		{ 330, "Multicast not available" },
		{ 331, "Unicast not available" },
		{ 370, "Insufficient bandwidth" },
		/* RFC 5630 3.4 */
		{ 380, "SIPS Not Allowed" },
		{ 381, "SIPS Required" },
		/* RFC 3261 20.43 */
		{ 399, "Miscellaneous warning" },
	};
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
		if (codes[i].code == code)
			return codes[i].text;
	return NULL;
}

/* server-val = product / comment, product = token [SLASH product-version];
 * server-vals are separated by LWS (Server = "Server" HCOLON server-val
 * *(LWS server-val), RFC 3261 25). One server-val from *cursor; out, when
 * set, gets its parts (the check of sift_server_parse() does not read them). */
__attribute__((always_inline)) static inline sift_code
server_val(const char *buf, sift_span *cursor, sift_server_val *out, sift_error *err)
{
	const char *start = buf + cursor->off, *end = start + cursor->len;
	const char *p = sift__skip_sws(start, end), *q;
	if (p >= end)
		return SIFT_E_NOT_FOUND;
	if (*p == '(') {
		if (!(q = sift__parse_comment(buf, p, end, err)))
			return err ? err->code : SIFT_E_HEADER_VALUE;
		if (out) {
			out->comment = sift__span(buf, p, q);
			out->is_comment = 1;
		}
	} else {
		if (!(q = sift__match_product_fast(p, end)))
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "server-val");
		if (out) {
			/* product = token [SLASH product-version]: the match proved
			 * the shape, so the token ends at the first "/" or white space. */
			const char *t = p;
			while (t < q && *t != '/' && *t != ' ' && *t != '\t' && *t != '\r' &&
			       *t != '\n')
				t++;
			out->product = sift__span(buf, p, t);
			const char *slash = sift__skip_sws(t, q);
			if (slash < q) /* SLASH product-version */
				out->version = sift__span(buf, sift__skip_sws(slash + 1, q), q);
		}
	}
	/* Another server-val needs LWS before it; SWS may end the value. */
	if (q < end && !sift__match_lws(q, end))
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, q, "LWS");
	*cursor = sift__span(buf, q, end);
	return SIFT_OK;
}

sift_code sift_server_val_next(const char *buf, sift_span *cursor, unsigned options,
			       sift_server_val *out, sift_error *err)
{
	static const sift_server_val empty;
	(void)options;
	if (!buf || !cursor || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	return server_val(buf, cursor, out, err);
}

sift_code sift_server_parse(const char *buf, sift_span value, unsigned options, uint32_t *count,
			    sift_error *err)
{
	(void)options;
	if (!buf)
		return SIFT_E_ARGUMENT;
	/* The message index takes the LWS around a value away (RFC 3261
	 * 7.3.1): most User-Agent and Server values are one product and
	 * nothing else ("sipsift-bench/1.0"), one server-val without a walk. */
	const char *start = buf + value.off, *end = start + value.len;
	if (value.len && *start != '(' && sift__match_product_fast(start, end) == end) {
		if (count)
			*count = 1;
		return SIFT_OK;
	}
	sift_span cursor = value;
	uint32_t n = 0;
	sift_code code;
	/* A server-val that ends the value ends the list: no call to find
	 * that nothing follows (most User-Agent values are one product). */
	while ((code = server_val(buf, &cursor, NULL, err)) == SIFT_OK) {
		n++;
		if (!cursor.len)
			break;
	}
	if (code != SIFT_OK && code != SIFT_E_NOT_FOUND)
		return code;
	if (n == 0) /* at least one server-val */
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf,
				  sift__skip_sws(buf + value.off, buf + value.off + value.len),
				  "server-val");
	if (count)
		*count = n;
	return SIFT_OK;
}

/* Subject = ( "Subject" / "s" ) HCOLON [TEXT-UTF8-TRIM], Organization =
 * "Organization" HCOLON [TEXT-UTF8-TRIM] (RFC 3261 25). */
sift_code sift_text_parse(const char *buf, sift_span value, unsigned options, sift_span *text,
			  sift_error *err)
{
	if (!buf || !text)
		return SIFT_E_ARGUMENT;
	const char *start = buf + value.off, *end = start + value.len;
	const char *p = sift__skip_sws(start, end), *e = end;
	while (e > p && (sift__is_wsp((unsigned char)e[-1]) || e[-1] == '\r' || e[-1] == '\n'))
		e--;
	*text = sift__span(buf, p, e);
	if (p == e)
		return SIFT_OK;
	if (!(options & SIFT_OPT_STRICT)) {
		/* Default: what every header value must be (RFC 3261 25
		 * header-value), so text that passed before a typed parser
		 * existed still passes; a byte that is not UTF-8 is not an error. */
		sift_code code = sift__check_header_text(buf, sift__span(buf, p, e), err);
		if (code != SIFT_OK)
			*text = sift__span(buf, p, p);
		return code;
	}
	const char *q = sift__match_text_utf8_trim(p, e);
	if (q != e) {
		*text = sift__span(buf, p, p);
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, q ? q : p, "TEXT-UTF8-TRIM");
	}
	return SIFT_OK;
}
