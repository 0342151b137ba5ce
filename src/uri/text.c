/*
 * src/uri/text.c - reading URI text for comparison: escapes decoded on the
 * fly (RFC 3261 19.1.4, RFC 2396 2.4.1) and IP addresses turned into their
 * binary value (RFC 5954 4.2). Nothing is copied or allocated.
 */
#include <string.h>
#include "uri/internal.h"

static int hex_value(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = sift__lower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

const char *sift__uri_char(const char *p, const char *end, unsigned char *c, int *escaped)
{
	if (*p == '%' && end - p >= 3) {
		int high = hex_value((unsigned char)p[1]), low = hex_value((unsigned char)p[2]);
		if (high >= 0 && low >= 0) {
			*c = (unsigned char)(high * 16 + low);
			*escaped = 1;
			return p + 3;
		}
	}
	*c = (unsigned char)*p;
	*escaped = 0;
	return p + 1;
}

/* RFC 2396 2.2 (RFC 3261 25): reserved = ";" / "/" / "?" / ":" / "@" / "&"
 * / "=" / "+" / "$" / ",". 19.1.4 makes only the other characters
 * equivalent to their escapes. */
static int is_reserved(unsigned char c)
{
	return c != 0 && strchr(";/?:@&=+$,", c) != NULL;
}

int sift__uri_text_equal(const char *a, const char *a_end, const char *b, const char *b_end,
			 int nocase)
{
	while (a < a_end && b < b_end) {
		unsigned char ca, cb;
		int ea, eb;
		a = sift__uri_char(a, a_end, &ca, &ea);
		b = sift__uri_char(b, b_end, &cb, &eb);
		if (nocase) {
			ca = sift__lower(ca);
			cb = sift__lower(cb);
		}
		if (ca != cb || (ea != eb && is_reserved(ca)))
			return 0;
	}
	return a == a_end && b == b_end;
}

int sift__uri_name_is(const char *p, const char *end, const char *literal)
{
	while (p < end) {
		unsigned char c;
		int escaped;
		p = sift__uri_char(p, end, &c, &escaped);
		if (*literal == 0 || sift__lower(c) != sift__lower((unsigned char)*literal))
			return 0;
		literal++;
	}
	return *literal == 0;
}

/* dec-octet "." dec-octet "." dec-octet "." dec-octet over the whole of
 * [p, end); RFC 3986's IPv4address has no leading zeros, so each address
 * has one text form, but any 1-3 digit octet up to 255 is read here. */
static int ipv4_bytes(const char *p, const char *end, unsigned char out[4])
{
	for (int i = 0; i < 4; i++) {
		unsigned value = 0, digits = 0;
		while (p < end && *p >= '0' && *p <= '9' && digits < 3) {
			value = value * 10 + (unsigned)(*p - '0');
			digits++;
			p++;
		}
		if (!digits || value > 255)
			return 0;
		out[i] = (unsigned char)value;
		if (i < 3) {
			if (p >= end || *p != '.')
				return 0;
			p++;
		}
	}
	return p == end;
}

/*
 * IPv6address text (inside the brackets) to 16 bytes: h16 groups, one "::"
 * for one or more zero groups, an IPv4address as the last 32 bits. The
 * RFC 3261 form "hexpart ':' IPv4address" with a hexpart ending in "::"
 * gives three colons ("2001:db8:::192.0.2.1"); it means the same address as
 * the two-colon form (RFC 5954 3.1), and is read so.
 */
static int ipv6_bytes(const char *p, const char *end, unsigned char out[16])
{
	unsigned groups[8];
	int count = 0, gap = -1; /* gap: index in groups where "::" stands */
	if (p < end && *p == ':') {
		if (end - p < 2 || p[1] != ':')
			return 0;
		gap = 0;
		p += 2;
		if (p < end && *p == ':' && memchr(p, '.', (size_t)(end - p)))
			p++; /* RFC 3261 ":::" before an IPv4address */
	}
	while (p < end) {
		const char *stop = p;
		while (stop < end && *stop != ':')
			stop++;
		if (memchr(p, '.', (size_t)(stop - p))) {
			unsigned char v4[4];
			if (stop != end || count > 6 || !ipv4_bytes(p, end, v4))
				return 0;
			groups[count++] = (unsigned)v4[0] << 8 | v4[1];
			groups[count++] = (unsigned)v4[2] << 8 | v4[3];
			p = end;
			break;
		}
		if (stop == p || stop - p > 4 || count >= 8)
			return 0;
		unsigned value = 0;
		for (const char *q = p; q < stop; q++) {
			int digit = hex_value((unsigned char)*q);
			if (digit < 0)
				return 0;
			value = value * 16 + (unsigned)digit;
		}
		groups[count++] = value;
		p = stop;
		if (p == end)
			break;
		p++; /* ':' */
		if (p < end && *p == ':') {
			if (gap >= 0)
				return 0;
			gap = count;
			p++;
			if (p < end && *p == ':' && memchr(p, '.', (size_t)(end - p)))
				p++; /* RFC 3261 ":::" before an IPv4address */
		} else if (p == end) {
			return 0; /* a single trailing ':' */
		}
	}
	if (gap < 0 ? count != 8 : count > 7)
		return 0;
	/* The "::" stands for 8 - count zero groups: clear all 16 bytes, then
	 * place each group, skipping the zeros where the gap is. */
	int zeros = 8 - count, at = 0;
	memset(out, 0, 16);
	for (int i = 0; i < count; i++) {
		if (i == gap)
			at += zeros;
		out[2 * at] = (unsigned char)(groups[i] >> 8);
		out[2 * at + 1] = (unsigned char)groups[i];
		at++;
	}
	if (gap == count)
		at += zeros;
	return at == 8;
}

int sift__ip_bytes(const char *p, const char *end, unsigned char out[16])
{
	if (end - p >= 2 && *p == '[' && end[-1] == ']')
		return ipv6_bytes(p + 1, end - 1, out) ? 16 : 0;
	return ipv4_bytes(p, end, out) ? 4 : 0;
}
