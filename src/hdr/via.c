/*
 * src/hdr/via.c - Via (RFC 3261 20.42, 25; RFC 5118 4.5; RFC 3581 rport).
 *
 *   via-parm      = sent-protocol LWS sent-by *( SEMI via-params )
 *   sent-protocol = protocol-name SLASH protocol-version SLASH transport
 *   sent-by       = host [ COLON port ]
 */
#include "hdr/internal.h"
#include "grammar/host_run.h"
#include <stddef.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* SLASH = SWS "/" SWS */
static const char *slash(const char *p, const char *end)
{
	p = sift__skip_sws(p, end);
	if (p >= end || *p != '/')
		return NULL;
	return sift__skip_sws(p + 1, end);
}

/* via-received = "received" EQUAL (IPv4address / IPv6address); RFC 5118 4.5:
 * also accept an IPv6reference. */
static int is_received(const char *v, const char *end, int has_value)
{
	return has_value && (sift__match_ipv4address(v, end) == end ||
			     sift__match_ipv6address(v, end) == end ||
			     (v < end && *v == '[' && sift__match_host_bv(v, end) == end));
}

/* via-maddr = "maddr" EQUAL host */
static int is_host_value(const char *v, const char *end, int has_value)
{
	return has_value && sift__match_host_bv(v, end) == end;
}

/* via-ttl = "ttl" EQUAL ttl; ttl = 1*3DIGIT ; 0 to 255 */
static int is_ttl(const char *v, const char *end, int has_value)
{
	uint32_t ttl;
	return has_value && end - v <= 3 && sift__match_digits(v, end) == end &&
	       sift__parse_uint(v, end, 255, &ttl);
}

/* RFC 3581 3: response-port = "rport" [EQUAL 1*DIGIT] */
static int is_rport(const char *v, const char *end, int has_value)
{
	return !has_value || sift__match_digits(v, end) == end;
}

/* At most five DIGITs at p (RFC 3261 25 port, RFC 3581 3 response-port):
 * their end (p when none) and value. A longer run stops at a digit, which
 * the fast path below takes for no separator and declines. */
static inline __attribute__((always_inline)) const char *
short_digits(const char *p, const char *end, uint32_t *value)
{
	/* Four digits and no fifth (5060, 5061): tested as one word, a byte
	 * a digit when its high nibble is 3 and its low one at most 9 (no
	 * byte that passes the first test carries into the next in the
	 * second). */
	if (end - p >= 4) {
		uint32_t word;
		memcpy(&word, p, 4);
		if ((word & 0xF0F0F0F0u) == 0x30303030u &&
		    ((word + 0x06060606u) & 0xF0F0F0F0u) == 0x30303030u &&
		    (end - p == 4 || (unsigned char)(p[4] - '0') > 9)) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
			/* p[0] in the low byte: the digit pairs (10 x first +
			 * second, in bytes 0 and 2), then 100 x the first pair +
			 * the second (bits 16-31); no product carries out of its
			 * byte or half (99, 9,999) */
			uint32_t pairs = (((word & 0x0F0F0F0Fu) * (10 * 256 + 1)) >> 8) & 0x00FF00FFu;
			*value = (pairs * (100 * 65536 + 1)) >> 16;
#else
			*value = (uint32_t)(p[0] - '0') * 1000 + (uint32_t)(p[1] - '0') * 100 +
				 (uint32_t)(p[2] - '0') * 10 + (uint32_t)(p[3] - '0');
#endif
			return p + 4;
		}
	}
	const char *stop = end - p > 5 ? p + 5 : end;
	uint32_t number = 0;
	for (; p < stop && (unsigned char)(*p - '0') < 10; p++)
		number = number * 10 + (uint32_t)(*p - '0');
	*value = number;
	return p;
}

/* sift__match_ipv4address(p, end) wherever the fast path below goes on
 * (the match followed by ";" or the end), else NULL or a match it then
 * declines: the run of digits and dots at p, told 16 bytes at once, when
 * it is an IPv4address (RFC 3261 25 as RFC 5954 4.1 edits it: four
 * dec-octets, three dots; at least 16 bytes are readable from start, the
 * value's first byte). The longest IPv4address at p is made of that run's
 * bytes, so where the run is one, the DFA's match is the run; where it is
 * not, the DFA's match (if any) is followed by a digit or a dot. */
static inline __attribute__((always_inline)) const char *
via_ipv4_end(const char *start, const char *p, const char *end)
{
#if defined(__SSE2__)
	if (sift__use_simd && end - start >= 16) {
		/* the 16 bytes from p, or the value's last 16 with p's at shift */
		unsigned shift = end - p >= 16 ? 0 : 16 - (unsigned)(end - p);
		__m128i bytes = _mm_loadu_si128((const __m128i *)(const void *)(p - shift));
		unsigned digits = (unsigned)_mm_movemask_epi8(
			_mm_cmplt_epi8(_mm_add_epi8(bytes, _mm_set1_epi8((char)(0x80 - '0'))),
				       _mm_set1_epi8(-128 + 10)));
		unsigned dots = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('.')));
		unsigned run_stops = ~((digits | dots) >> shift) & (0xFFFFu >> shift);
		if (shift)
			run_stops |= 1u << (16 - shift);
		if (!run_stops)
			return NULL; /* 16 digits and dots: no IPv4address ends there */
		unsigned length = (unsigned)__builtin_ctz(run_stops);
		dots = (dots >> shift) & ((1u << length) - 1);
		unsigned first = dots ? (unsigned)__builtin_ctz(dots) : 0;
		dots &= dots - 1;
		unsigned second = dots ? (unsigned)__builtin_ctz(dots) : 0;
		dots &= dots - 1;
		unsigned third = dots ? (unsigned)__builtin_ctz(dots) : 0;
		dots &= dots - 1;
		if (third && !dots && sift__is_dec_octet(p, first) &&
		    sift__is_dec_octet(p + first + 1, second - first - 1) &&
		    sift__is_dec_octet(p + second + 1, third - second - 1) &&
		    sift__is_dec_octet(p + third + 1, length - third - 1))
			return p + length;
		return NULL;
	}
#else
	(void)start;
#endif
	return sift__match_ipv4address(p, end);
}

/* sift__match_token_fast(p, end) for the token values of via-params where
 * they end the fast path's way: the run of alphanum, "-" and "." at p
 * (16 bytes a step, the last step the value's last 16: at least 16 are
 * readable from start) followed by ";" or the end is the token, ";" being
 * no token byte (a via-branch as stacks make it); any other value goes to
 * sift__match_token_fast. */
static inline __attribute__((always_inline)) const char *
via_token_end(const char *start, const char *p, const char *end)
{
#if defined(__SSE2__)
	if (sift__use_simd && end - start >= 16) {
		const char *q = p;
		unsigned stops;
		for (;; q += 16) {
			if (end - q < 16) {
				unsigned left = (unsigned)(end - q);
				stops = (~sift__plain_token_mask(_mm_loadu_si128(
						 (const __m128i *)(const void *)(end - 16))) &
					 0xFFFFu) >> (16 - left) |
					1u << left;
				break;
			}
			stops = ~sift__plain_token_mask(_mm_loadu_si128((const __m128i *)(const void *)q)) &
				0xFFFFu;
			if (stops)
				break;
		}
		q += __builtin_ctz(stops);
		if (q > p && (q == end || *q == ';'))
			return q;
	}
#else
	(void)start;
#endif
	return sift__match_token_fast(p, end);
}

/* sift__via_param_name for the names as stacks write them, in lower case
 * ("branch=", "received=", "rport" before "=", ";" or the end): a word
 * compare each, no call; any other name (another case, another token)
 * goes to sift__via_param_name, which gives these the same result. */
static inline unsigned via_param_name(const char *p, const char *end, const char **stop)
{
	size_t left = (size_t)(end - p);
	if (left >= 7 && memcmp(p, "branch=", 7) == 0) {
		*stop = p + 6;
		return SIFT__VIA_BRANCH;
	}
	if (left >= 9 && memcmp(p, "received=", 9) == 0) {
		*stop = p + 8;
		return SIFT__VIA_RECEIVED;
	}
	if (left >= 5 && memcmp(p, "rport", 5) == 0 && (left == 5 || p[5] == '=' || p[5] == ';')) {
		*stop = p + 5;
		return SIFT__VIA_RPORT;
	}
	return sift__via_param_name(p, end, stop);
}

/*
 * The common via-parm, read and filled in one pass (sift_via_parse()'s fast
 * path): 1 when the whole of [p, end) is
 *   "SIP/2.0/" transport SP sent-by *( ";" via-params )
 * with no white space but that one SP, each param one of
 *   via-branch    = "branch" EQUAL token
 *   via-received  = "received" EQUAL IPv4address   (RFC 3261 18.2.1)
 *   response-port = "rport" [EQUAL 1*5DIGIT]       (RFC 3581 3)
 *   via-extension = generic-param, a token value or none,
 * names case-insensitive (RFC 3261 7.3.1), with out (reset by the caller)
 * holding what via_parse_general() gives for the same bytes. Each part is
 * read by the matcher the general path reads it with, or by a shortcut
 * that gives that matcher's result wherever the fast path goes on (the
 * digits of port and rport by short_digits, a received by via_ipv4_end, a
 * token value by via_token_end, the usual names by via_param_name), from
 * the same byte, and ends at a byte that starts the next part; where the
 * general path would skip SWS there is none to skip. A maddr or ttl, an
 * IPv6 received, a quoted value, SWS around a separator: 0, with out half
 * filled, and the general path reads the value again, with its error
 * offset and rule. Inlined in its two callers: sift__via_check passes a
 * sift_via it never reads, and the compiler drops the stores. The
 * validate fuzz target aborts where the paths differ (at every SIMD
 * level), and so does rfc3261_20_42_via_fast_path_gives_what_the_grammar_
 * gives in tests/unit/test_msg.c on every prefix of its values.
 */
static inline __attribute__((always_inline)) int
via_parse_common(const char *buf, const char *p, const char *end, sift_via *out)
{
	/* sent-protocol = protocol-name SLASH protocol-version SLASH transport */
	if (end - p < 8 || memcmp(p, "SIP/2.0/", 8) != 0)
		return 0;
	const char *start = p;
	out->protocol_name = sift__span(buf, p, p + 3);
	out->protocol_version = sift__span(buf, p + 4, p + 7);
	/* transport = "UDP" / "TCP" / "TLS" / "SCTP" / other-transport: the
	 * first three as written nearly always, then the SP; else a token. */
	const char *q;
	/* LWS: one SP, then sent-by = host [ COLON port ] (RFC 3261 25) */
	if (end - p >= 13 && (memcmp(p + 8, "UDP ", 4) == 0 || memcmp(p + 8, "TCP ", 4) == 0 ||
			      memcmp(p + 8, "TLS ", 4) == 0)) {
		q = p + 11;
	} else {
		q = sift__match_token_fast(p + 8, end);
		if (!q || end - q < 2 || *q != ' ')
			return 0;
	}
	out->transport = sift__span(buf, p + 8, q);
	unsigned kind;
	if (!(p = sift__scan_host(q + 1, end, &kind)))
		return 0;
	out->host = sift__span(buf, q + 1, p);
	out->host_kind = (sift_host_kind)kind;
	if (p < end && *p == ':') {
		/* port = 1*DIGIT that the general path reads within 16 bits:
		 * here 1 to 5 digits (a sixth is no ";" below, and declines). */
		const char *digits = ++p;
		uint32_t port;
		p = short_digits(p, end, &port);
		if (p == digits || port > 65535)
			return 0;
		out->port_text = sift__span(buf, digits, p);
		out->port = (uint16_t)port;
		out->has_port = 1;
	}
	/* *( SEMI via-params ); params runs from the first name to the end,
	 * and a parameter named twice keeps its last value, as in the
	 * general path. */
	out->params = sift__span(buf, p < end ? p + 1 : p, end);
	while (p < end) {
		if (*p != ';')
			return 0;
		unsigned known = via_param_name(p + 1, end, &q);
		if (!q)
			return 0;
		/* value: after the EQUAL, or the empty span at the name's end */
		int has_value = q < end && *q == '=';
		const char *value = has_value ? q + 1 : q;
		switch (known) {
		case SIFT__VIA_BRANCH:
			if (!has_value || !(q = via_token_end(start, value, end)))
				return 0;
			out->branch = sift__span(buf, value, q);
			break;
		case SIFT__VIA_RECEIVED: /* the IPv4address the request came from */
			if (!has_value || !(q = via_ipv4_end(start, value, end)))
				return 0;
			out->received = sift__span(buf, value, q);
			break;
		case SIFT__VIA_RPORT:
			if (has_value) {
				uint32_t rport;
				if ((q = short_digits(value, end, &rport)) == value) /* 1*DIGIT */
					return 0;
			}
			out->rport = sift__span(buf, value, q);
			out->has_rport = 1;
			break;
		case 0: /* via-extension: a token value or none */
			if (has_value && !(q = via_token_end(start, value, end)))
				return 0;
			break;
		default:
			return 0; /* maddr, ttl: the general path checks their values */
		}
		p = q;
	}
	return 1;
}

sift_code sift_via_parse(const char *buf, sift_span value, unsigned options, sift_via *out,
			 sift_error *err)
{
	static const sift_via empty;
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	if (via_parse_common(buf, buf + value.off, buf + value.off + value.len, out))
		return SIFT_OK;
	return sift__via_parse_general(buf, value, options, out, err);
}

/* Inlined here with a sift_via no one reads, the fast path's stores are
 * dropped by the compiler: the verdict alone. */
sift_code sift__via_check(const char *buf, sift_span value, unsigned options, sift_error *err)
{
	sift_via unread, parsed;
	if (buf && via_parse_common(buf, buf + value.off, buf + value.off + value.len, &unread))
		return SIFT_OK;
	return sift__via_parse_general(buf, value, options, &parsed, err);
}

/* The whole grammar, with SWS and LWS where RFC 3261 25 allows them, and
 * the error offset and rule of the first byte that breaks it. */
sift_code sift__via_parse_general(const char *buf, sift_span value, unsigned options,
				  sift_via *out, sift_error *err)
{
	static const sift_via empty;
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	const char *p = buf + value.off, *end = p + value.len;
	const char *q;
	(void)options; /* no option changes the Via grammar today */

	p = sift__skip_sws(p, end);
	/* protocol-name = "SIP" / token; protocol-version = token; transport =
	 * "UDP" / "TCP" / "TLS" / "SCTP" / other-transport (a token). Nearly
	 * every Via starts "SIP/2.0/" as written here: two tokens and two
	 * SLASHes without white space, which the general path finds the same. */
	if (end - p >= 8 && memcmp(p, "SIP/2.0/", 8) == 0) {
		out->protocol_name = sift__span(buf, p, p + 3);
		out->protocol_version = sift__span(buf, p + 4, p + 7);
		p = sift__skip_sws(p + 8, end); /* the SWS after the second SLASH */
	} else {
		if (!(q = sift__match_token_bv(p, end)))
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "sent-protocol");
		out->protocol_name = sift__span(buf, p, q);
		if (!(p = slash(q, end)))
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf, q, "sent-protocol");
		if (!(q = sift__match_token_bv(p, end)))
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "protocol-version");
		out->protocol_version = sift__span(buf, p, q);
		if (!(p = slash(q, end)))
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf, q, "sent-protocol");
	}
	if (!(q = sift__match_token_bv(p, end)))
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "transport");
	out->transport = sift__span(buf, p, q);

	/* LWS sent-by. LWS = [*WSP CRLF] 1*WSP: one SP before a byte that is
	 * neither WSP nor a line end is the whole of it (the usual
	 * "UDP host"); anything else goes to the LWS matcher. */
	if (end - q >= 2 && q[0] == ' ' && q[1] != ' ' && q[1] != '\t' && q[1] != '\r' &&
	    q[1] != '\n')
		p = q + 1;
	else if (!(p = sift__match_lws(q, end)))
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, q, "LWS");
	unsigned kind = SIFT_HOST_IPV6; /* the kind as in src/uri/uri.c */
	q = sift__scan_host(p, end, &kind);
	if (!q) /* RFC 5118 4.10, as in src/uri/uri.c */
		q = sift__match_ipv6reference_rfc3261(p, end);
	if (!q)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "sent-by");
	out->host = sift__span(buf, p, q);
	out->host_kind = (sift_host_kind)kind;
	p = q;
	/* COLON = SWS ":" SWS */
	q = sift__skip_sws(p, end);
	if (q < end && *q == ':') {
		const char *digits = sift__skip_sws(q + 1, end);
		/* port = 1*DIGIT, counted and read in one pass */
		const char *digits_end = digits;
		uint32_t port = 0;
		while (digits_end < end && *digits_end >= '0' && *digits_end <= '9') {
			port = port * 10 + (uint32_t)(*digits_end - '0');
			if (port > 65535)
				return sift__fail(err, SIFT_E_NUMBER_RANGE, buf, digits, "port");
			digits_end++;
		}
		if (digits_end == digits)
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf, digits, "port");
		out->port_text = sift__span(buf, digits, digits_end);
		out->port = (uint16_t)port;
		out->has_port = 1;
		p = digits_end;
	}

	/* via-params: via-ttl / via-maddr / via-received / via-branch are all
	 * generic-param in form; the known ones are checked for their own rule
	 * in the same pass. */
	static const sift__param_slot slots[] = {
		/* via-branch = "branch" EQUAL token */
		{ "via-branch", sift__param_is_token, offsetof(sift_via, branch), SIFT__NO_FIELD },
		{ "via-received", is_received, offsetof(sift_via, received), SIFT__NO_FIELD },
		{ "via-maddr", is_host_value, offsetof(sift_via, maddr), SIFT__NO_FIELD },
		{ "via-ttl", is_ttl, offsetof(sift_via, ttl), SIFT__NO_FIELD },
		{ "response-port", is_rport, offsetof(sift_via, rport), offsetof(sift_via, has_rport) },
	};
	p = sift__parse_via_params(buf, p, end, &out->params, err, slots, out);
	if (!p)
		return err ? err->code : SIFT_E_HEADER_VALUE;
	q = sift__skip_sws(p, end);
	if (q != end)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, q, "via-parm");
	return SIFT_OK;
}
