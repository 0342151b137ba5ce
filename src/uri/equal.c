/*
 * src/uri/equal.c - URI equivalence: RFC 3261 19.1.4 for sip and sips, with
 * RFC 5954 4.2 for IP addresses; RFC 3966 4 for tel; RFC 8141 3.1 for urn;
 * scheme plus exact bytes for any other absoluteURI.
 *
 * Both URIs are parsed (spans only) and compared in place: escapes are
 * decoded while walking, parameters and headers are looked up by walking
 * the other list again. Lists in SIP URIs are short; nothing is copied or
 * allocated, and the cost is quadratic only in the number of parameters.
 */
#include <string.h>
#include "uri/internal.h"

/* A side of the comparison: its buffer and span. */
#define TEXT(buf, span) (buf) + (span).off, (buf) + (span).off + (span).len

static int bytes_equal_nocase(const char *a, const char *a_end, const char *b, const char *b_end)
{
	if (a_end - a != b_end - b)
		return 0;
	for (; a < a_end; a++, b++)
		if (sift__lower((unsigned char)*a) != sift__lower((unsigned char)*b))
			return 0;
	return 1;
}

/* --- hosts (RFC 3261 19.1.4 with RFC 5954 4.2) ---------------------------- */

static sift_host_kind classify_host(const char *p, const char *end)
{
	if (p < end && *p == '[')
		return SIFT_HOST_IPV6;
	if (p < end && sift__match_ipv4address(p, end) == end)
		return SIFT_HOST_IPV4;
	return SIFT_HOST_NAME;
}

/*
 * Host names compare case-insensitively; IP addresses by their binary value
 * ("If the host component contains a textual representation of IP
 * addresses ... the host components are considered to match if the
 * different textual representations yield the same binary IP address",
 * RFC 5954 4.2). An IPv4 host never equals an IPv6 reference, IPv4-mapped or
 * not: they are different components, and 19.1.4 does not resolve
 * addresses ("An IP address that is the result of a DNS lookup of a host
 * name does not match that host name").
 */
static int host_equal(const char *a, const char *a_end, const char *b, const char *b_end)
{
	sift_host_kind kind = classify_host(a, a_end);
	if (kind != classify_host(b, b_end))
		return 0;
	if (kind != SIFT_HOST_NAME) {
		unsigned char bytes_a[16], bytes_b[16];
		int len_a = sift__ip_bytes(a, a_end, bytes_a), len_b = sift__ip_bytes(b, b_end, bytes_b);
		if (len_a || len_b)
			return len_a == len_b && memcmp(bytes_a, bytes_b, (size_t)len_a) == 0;
	}
	return sift__uri_text_equal(a, a_end, b, b_end, 1);
}

/* --- uri-parameters --------------------------------------------------------- */

/* The first parameter of the list whose name is [name, name_end) (decoded,
 * case-insensitive). */
static int param_lookup(const char *buf, sift_span params, const char *name, const char *name_end,
			sift_param *out)
{
	sift_param param;
	while (sift_param_next(buf, &params, &param))
		if (sift__uri_text_equal(TEXT(buf, param.name), name, name_end, 1)) {
			*out = param;
			return 1;
		}
	return 0;
}

/* Whether param is the first of its name in its list (later ones do not
 * count: sift_param_find() semantics). */
static int is_first_of_name(const char *buf, sift_span params, const sift_param *param)
{
	sift_param first;
	return param_lookup(buf, params, TEXT(buf, param->name), &first) &&
	       first.name.off == param->name.off;
}

/* RFC 3261 19.1.4: "A user, ttl, or method uri-parameter appearing in only
 * one URI never matches ... A URI that includes an maddr parameter will not
 * match a URI that contains no maddr parameter", and the transport
 * parameter is in the list of components whose default is never assumed. */
static int must_be_in_both(const char *name, const char *end)
{
	return sift__uri_name_is(name, end, "user") || sift__uri_name_is(name, end, "ttl") ||
	       sift__uri_name_is(name, end, "method") || sift__uri_name_is(name, end, "maddr") ||
	       sift__uri_name_is(name, end, "transport");
}

/* Decoded text is all digits. */
static int is_decimal(const char *p, const char *end)
{
	if (p == end)
		return 0;
	while (p < end) {
		unsigned char c;
		int escaped;
		p = sift__uri_char(p, end, &c, &escaped);
		if (c < '0' || c > '9')
			return 0;
	}
	return 1;
}

/* Past the leading (decoded) '0' characters. */
static const char *skip_zeros(const char *p, const char *end)
{
	while (p < end) {
		unsigned char c;
		int escaped;
		const char *next = sift__uri_char(p, end, &c, &escaped);
		if (c != '0')
			break;
		p = next;
	}
	return p;
}

static int param_value_equal(const char *buf_a, const sift_param *a, const char *buf_b,
			     const sift_param *b)
{
	if (a->has_value != b->has_value)
		return 0;
	if (!a->has_value)
		return 1;
	const char *va = buf_a + a->value.off, *va_end = va + a->value.len;
	const char *vb = buf_b + b->value.off, *vb_end = vb + b->value.len;
	const char *name = buf_a + a->name.off, *name_end = name + a->name.len;
	/* maddr-param = "maddr=" host: a host, compared as one. */
	if (sift__uri_name_is(name, name_end, "maddr"))
		return host_equal(va, va_end, vb, vb_end);
	/* ttl = 1*3DIGIT: the number ("ttl=010" is "ttl=10"). */
	if (sift__uri_name_is(name, name_end, "ttl") && is_decimal(va, va_end) &&
	    is_decimal(vb, vb_end))
		return sift__uri_text_equal(skip_zeros(va, va_end), va_end, skip_zeros(vb, vb_end),
					    vb_end, 0);
	return sift__uri_text_equal(va, va_end, vb, vb_end, 1);
}

static int params_equal(const char *buf_a, sift_span params_a, const char *buf_b,
			sift_span params_b)
{
	sift_span cursor = params_a;
	sift_param pa, pb;
	while (sift_param_next(buf_a, &cursor, &pa)) {
		if (!is_first_of_name(buf_a, params_a, &pa))
			continue;
		if (param_lookup(buf_b, params_b, TEXT(buf_a, pa.name), &pb)) {
			/* "Any uri-parameter appearing in both URIs must match." */
			if (!param_value_equal(buf_a, &pa, buf_b, &pb))
				return 0;
		} else if (must_be_in_both(TEXT(buf_a, pa.name))) {
			return 0;
		}
		/* "All other uri-parameters appearing in only one URI are
		 * ignored when comparing the URIs." */
	}
	cursor = params_b;
	while (sift_param_next(buf_b, &cursor, &pb))
		if (must_be_in_both(TEXT(buf_b, pb.name)) &&
		    !param_lookup(buf_a, params_a, TEXT(buf_b, pb.name), &pa))
			return 0;
	return 1;
}

/* --- headers ----------------------------------------------------------------- */

/* header = hname "=" hvalue; headers are joined by '&', which neither hname
 * nor hvalue holds unescaped (RFC 3261 25). */
typedef struct uri_header {
	const char *name, *name_end, *value, *value_end;
} uri_header;

static const char *next_header(const char *p, const char *end, uri_header *h)
{
	const char *stop = p;
	while (stop < end && *stop != '&')
		stop++;
	h->name = p;
	h->name_end = p;
	while (h->name_end < stop && *h->name_end != '=')
		h->name_end++;
	h->value = h->name_end < stop ? h->name_end + 1 : stop;
	h->value_end = stop;
	return stop < end ? stop + 1 : end;
}

/* The registered header an hname names, escapes decoded ("s" and
 * "Subject" are one header, RFC 3261 7.3.3), or SIFT_H_OTHER. */
static sift_header_id header_id_of(const char *p, const char *end)
{
	char name[64];
	size_t len = 0;
	while (p < end) {
		unsigned char c;
		int escaped;
		if (len == sizeof name)
			return SIFT_H_OTHER; /* longer than any registered name */
		p = sift__uri_char(p, end, &c, &escaped);
		name[len++] = (char)c;
	}
	return sift_header_lookup(name, len);
}

static int header_equal(const uri_header *a, const uri_header *b)
{
	sift_header_id id_a = header_id_of(a->name, a->name_end);
	sift_header_id id_b = header_id_of(b->name, b->name_end);
	int same_name = id_a != SIFT_H_OTHER || id_b != SIFT_H_OTHER
				? id_a == id_b
				: sift__uri_text_equal(a->name, a->name_end, b->name, b->name_end, 1);
	/* Values: 19.1.4 defers to each header's rules in section 20, which
	 * differ (Call-ID is case-sensitive, Priority is not); byte equality
	 * after decoding never calls two different values equal. */
	return same_name &&
	       sift__uri_text_equal(a->value, a->value_end, b->value, b->value_end, 0);
}

static unsigned header_count(const char *p, const char *end, const uri_header *like)
{
	unsigned count = 0;
	while (p < end) {
		uri_header h;
		p = next_header(p, end, &h);
		if (!like || header_equal(&h, like))
			count++;
	}
	return count;
}

/* "URI header components are never ignored. Any present header component
 * MUST be present in both URIs and match": the same multiset of headers,
 * in any order. */
static int headers_equal(const char *buf_a, sift_span headers_a, const char *buf_b,
			 sift_span headers_b)
{
	const char *a = buf_a + headers_a.off, *a_end = a + headers_a.len;
	const char *b = buf_b + headers_b.off, *b_end = b + headers_b.len;
	if (header_count(a, a_end, NULL) != header_count(b, b_end, NULL))
		return 0;
	for (const char *p = a; p < a_end;) {
		uri_header h;
		p = next_header(p, a_end, &h);
		if (header_count(a, a_end, &h) != header_count(b, b_end, &h))
			return 0;
	}
	return 1;
}

/* --- sip and sips (RFC 3261 19.1.4) ------------------------------------------ */

static int sip_equal(const char *buf_a, const sift_uri *a, const char *buf_b, const sift_uri *b)
{
	/* "Comparison of the userinfo of SIP and SIPS URIs is case-sensitive.
	 * This includes userinfo containing passwords or formatted as
	 * telephone-subscribers." userinfo runs from the user to the '@'
	 * before the host; comparing it whole compares user and password. */
	if (a->has_user != b->has_user)
		return 0;
	if (a->has_user &&
	    !sift__uri_text_equal(buf_a + a->user.off, buf_a + a->host.off - 1,
				  buf_b + b->user.off, buf_b + b->host.off - 1, 0))
		return 0;
	if (!host_equal(TEXT(buf_a, a->host), TEXT(buf_b, b->host)))
		return 0;
	/* "a URI omitting the optional port component will not match a URI
	 * explicitly declaring port 5060." */
	if (a->has_port != b->has_port || a->port != b->port)
		return 0;
	return params_equal(buf_a, a->params, buf_b, b->params) &&
	       headers_equal(buf_a, a->headers, buf_b, b->headers);
}

/* --- tel (RFC 3966 4) --------------------------------------------------------- */

static int is_visual_separator(unsigned char c)
{
	return c == '-' || c == '.' || c == '(' || c == ')';
}

/* "The 'global-number-digits' and the 'local-number-digits' must be equal,
 * after removing all visual separators"; "URI comparisons are
 * case-insensitive" (hex digits of local numbers). */
static int digits_equal(const char *a, const char *a_end, const char *b, const char *b_end)
{
	for (;;) {
		while (a < a_end && is_visual_separator((unsigned char)*a))
			a++;
		while (b < b_end && is_visual_separator((unsigned char)*b))
			b++;
		if (a == a_end || b == b_end)
			return a == a_end && b == b_end;
		if (sift__lower((unsigned char)*a) != sift__lower((unsigned char)*b))
			return 0;
		a++;
		b++;
	}
}

static int tel_value_equal(const char *buf_a, const sift_param *a, const char *buf_b,
			   const sift_param *b)
{
	if (a->has_value != b->has_value)
		return 0;
	const char *va = buf_a + a->value.off, *va_end = va + a->value.len;
	const char *vb = buf_b + b->value.off, *vb_end = vb + b->value.len;
	const char *name = buf_a + a->name.off;
	size_t name_len = a->name.len;
	/* "the 'phone-context' parameter value is compared as a host name if
	 * it is a 'domainname' or digit by digit if it is
	 * 'global-number-digits'. The latter is compared after removing all
	 * 'visual-separator' characters." */
	if (sift__equal_nocase(name, name_len, "phone-context")) {
		int number_a = va < va_end && *va == '+', number_b = vb < vb_end && *vb == '+';
		if (number_a != number_b)
			return 0;
		if (number_a)
			return digits_equal(va, va_end, vb, vb_end);
	}
	/* ext = 1*phonedigit: digits too, separators aside. */
	if (sift__equal_nocase(name, name_len, "ext"))
		return digits_equal(va, va_end, vb, vb_end);
	return sift__uri_text_equal(va, va_end, vb, vb_end, 1);
}

/* "If one URI has a parameter name not found in the other, the two URIs
 * are not equal": each name of one list is in the other with an equal
 * value (the first occurrence of a name counts). */
static int tel_params_cover(const char *buf_a, sift_span params_a, const char *buf_b,
			    sift_span params_b)
{
	sift_span cursor = params_a;
	sift_param pa, pb;
	while (sift_param_next(buf_a, &cursor, &pa)) {
		if (!is_first_of_name(buf_a, params_a, &pa))
			continue;
		if (!param_lookup(buf_b, params_b, TEXT(buf_a, pa.name), &pb) ||
		    !tel_value_equal(buf_a, &pa, buf_b, &pb))
			return 0;
	}
	return 1;
}

static int tel_equal(const char *buf_a, const sift_uri *a, const char *buf_b, const sift_uri *b)
{
	const char *na = buf_a + a->user.off, *nb = buf_b + b->user.off;
	/* "Both must be either a 'local-number' or a 'global-number', i.e.,
	 * start with a '+'." */
	int global_a = a->user.len && *na == '+', global_b = b->user.len && *nb == '+';
	return global_a == global_b && digits_equal(TEXT(buf_a, a->user), TEXT(buf_b, b->user)) &&
	       tel_params_cover(buf_a, a->params, buf_b, b->params) &&
	       tel_params_cover(buf_b, b->params, buf_a, a->params);
}

/* --- urn (RFC 8141 3.1) ------------------------------------------------------ */

/* "(1) Normalize the case of the leading "urn:" token. (2) Normalize the
 * case of the NID. (3) Normalize the case of any percent-encoding ...
 * percent-encoded characters MUST NOT be decoded"; rq- and f-components
 * take no part in equivalence. */
static int urn_equal(const char *buf_a, const sift_uri *a, const char *buf_b, const sift_uri *b)
{
	sift_urn ua, ub;
	if (sift_urn_parse(buf_a, sift__span(buf_a, buf_a + a->scheme_name.off,
					     buf_a + a->opaque.off + a->opaque.len),
			   0, &ua, NULL) != SIFT_OK ||
	    sift_urn_parse(buf_b, sift__span(buf_b, buf_b + b->scheme_name.off,
					     buf_b + b->opaque.off + b->opaque.len),
			   0, &ub, NULL) != SIFT_OK)
		return 0;
	if (!bytes_equal_nocase(TEXT(buf_a, ua.nid), TEXT(buf_b, ub.nid)) || ua.nss.len != ub.nss.len)
		return 0;
	const char *p = buf_a + ua.nss.off, *q = buf_b + ub.nss.off;
	for (uint32_t i = 0, hex = 0; i < ua.nss.len; i++) {
		unsigned char x = (unsigned char)p[i], y = (unsigned char)q[i];
		if (hex) {
			x = sift__lower(x);
			y = sift__lower(y);
			hex--;
		} else if (x == '%') {
			hex = 2;
		}
		if (x != y)
			return 0;
	}
	return 1;
}

/* --- entry points -------------------------------------------------------------- */

int sift_uri_equal_parsed(const char *buf_a, const sift_uri *a, const char *buf_b,
			  const sift_uri *b, unsigned options)
{
	if (!buf_a || !a || !buf_b || !b)
		return 0;
	int sip_a = a->scheme == SIFT_SCHEME_SIP || a->scheme == SIFT_SCHEME_SIPS;
	int sip_b = b->scheme == SIFT_SCHEME_SIP || b->scheme == SIFT_SCHEME_SIPS;
	/* "A SIP and SIPS URI are never equivalent" - unless the caller
	 * compares AORs as a registrar (RFC 5630 5.2). */
	if (a->scheme != b->scheme && !(sip_a && sip_b && (options & SIFT_URI_EQUAL_SIPS_AS_SIP)))
		return 0;
	switch (a->scheme) {
	case SIFT_SCHEME_SIP:
	case SIFT_SCHEME_SIPS:
		return sip_equal(buf_a, a, buf_b, b);
	case SIFT_SCHEME_TEL:
		return tel_equal(buf_a, a, buf_b, b);
	case SIFT_SCHEME_URN:
		return urn_equal(buf_a, a, buf_b, b);
	case SIFT_SCHEME_OTHER:
	default:
		/* Scheme names are case-insensitive (RFC 3986 3.1); the rest of
		 * an unknown scheme is compared as written. */
		return bytes_equal_nocase(TEXT(buf_a, a->scheme_name), TEXT(buf_b, b->scheme_name)) &&
		       a->opaque.len == b->opaque.len &&
		       memcmp(buf_a + a->opaque.off, buf_b + b->opaque.off, a->opaque.len) == 0;
	}
}

int sift_uri_equal_err(const char *buf_a, sift_span a, const char *buf_b, sift_span b,
		       unsigned options, sift_error *err)
{
	sift_uri ua, ub;
	unsigned parse = options & SIFT_OPT_STRICT;
	if (!buf_a || sift_uri_parse(buf_a, a, parse, &ua, err) != SIFT_OK)
		return SIFT_URI_EQUAL_BAD_A;
	if (!buf_b || sift_uri_parse(buf_b, b, parse, &ub, err) != SIFT_OK)
		return SIFT_URI_EQUAL_BAD_B;
	return sift_uri_equal_parsed(buf_a, &ua, buf_b, &ub, options);
}

int sift_uri_equal(const char *buf_a, sift_span a, const char *buf_b, sift_span b,
		   unsigned options)
{
	return sift_uri_equal_err(buf_a, a, buf_b, b, options, NULL);
}
