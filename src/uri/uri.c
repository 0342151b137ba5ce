/*
 * src/uri/uri.c - SIP/SIPS (RFC 3261 19.1), tel (RFC 3966) and absolute URIs.
 *
 * The parser splits a URI into spans with the ABNF matchers of the grammar
 * layer: scheme, userinfo, host, port, each uri-parameter and header. It
 * checks the whole span: a URI followed by anything it cannot explain fails
 * at the first byte it cannot explain.
 */
#include "sipsift/uri.h"
#include "sipsift/msg.h"
#include "grammar/internal.h"
#include "uri/internal.h"
#include <string.h>
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

static sift_code parse_sip(const char *buf, const char *p, const char *end, unsigned options,
			   sift_uri *out, sift_error *err)
{
	(void)options; /* no option changes the SIP-URI grammar today */
	/* userinfo: ( user / telephone-subscriber ) [ ":" password ] "@".
	 * Only userinfo may hold an '@' (host, params and headers cannot, RFC 3261
	 * 25), so a match that ends in '@' is the userinfo, and without an '@'
	 * in the URI there is none to look for (most Contact and Via-like
	 * URIs: "sip:192.0.2.4:5060;lr"). */
	const char *at = memchr(p, '@', (size_t)(end - p)) ? sift__match_userinfo_fast(p, end) : NULL;
	if (at) {
		const char *colon = p;
		while (colon < at - 1 && *colon != ':')
			colon++;
		out->has_user = 1;
		out->user = sift__span(buf, p, colon);
		if (colon < at - 1)
			out->password = sift__span(buf, colon + 1, at - 1);
		p = at;
	}
	/* The kind comes with the match: a host that is exactly an
	 * IPv4address is one (dec-octet first), one in [ ] an IPv6reference. */
	unsigned kind = SIFT_HOST_IPV6;
	const char *host_end = sift__scan_host(p, end, &kind);
	/* RFC 5118 4.10: tolerate the three-colon form of RFC 3261's IPv6
	 * ABNF that RFC 5954 corrected, in every mode. */
	if (!host_end)
		host_end = sift__match_ipv6reference_rfc3261(p, end);
	if (!host_end)
		return sift__fail(err, SIFT_E_URI, buf, p, "host");
	out->host = sift__span(buf, p, host_end);
	out->host_kind = (sift_host_kind)kind;
	p = host_end;
	if (p < end && *p == ':') {
		const char *port_end = sift__match_port(p + 1, end);
		uint32_t port;
		if (!port_end)
			return sift__fail(err, SIFT_E_URI, buf, p + 1, "port");
		if (!sift__parse_uint(p + 1, port_end, 65535, &port))
			return sift__fail(err, SIFT_E_NUMBER_RANGE, buf, p + 1, "port");
		out->port_text = sift__span(buf, p + 1, port_end);
		out->port = (uint16_t)port;
		out->has_port = 1;
		p = port_end;
	}
	/* uri-parameters = *( ";" uri-parameter ) */
	const char *params = p;
	while (p < end && *p == ';') {
		const char *next = sift__match_uri_parameter_bv(p + 1, end);
		if (!next)
			return sift__fail(err, SIFT_E_URI, buf, p + 1, "uri-parameter");
		p = next;
	}
	if (p > params)
		out->params = sift__span(buf, params + 1, p);
	else
		out->params = sift__span(buf, p, p);
	/* headers = "?" header *( "&" header ) */
	if (p < end && *p == '?') {
		const char *headers = p + 1;
		do {
			const char *next = sift__match_uri_header(p + 1, end);
			if (!next)
				return sift__fail(err, SIFT_E_URI, buf, p + 1, "header");
			p = next;
		} while (p < end && *p == '&');
		out->headers = sift__span(buf, headers, p);
	}
	if (p != end)
		return sift__fail(err, SIFT_E_URI, buf, p, "SIP-URI");
	return SIFT_OK;
}

/* tel URI, RFC 3966 3: "tel:" telephone-subscriber; the number runs to the
 * first ';' and the parameters after it. */
static sift_code parse_tel(const char *buf, const char *p, const char *end, sift_uri *out,
			   sift_error *err)
{
	const char *stop = sift__match_telephone_subscriber(p, end);
	if (stop != end)
		return sift__fail(err, SIFT_E_URI, buf, stop ? stop : p, "telephone-subscriber");
	const char *semicolon = p;
	while (semicolon < end && *semicolon != ';')
		semicolon++;
	/* RFC 3966 3 lets isdn-subaddress = ";isub=" 1*uric hold ';' (uric
	 * takes every reserved character), which makes the parameter list
	 * ambiguous. sipsift reads every ';' as the start of a parameter, as
	 * the parameter walkers do, so each one must begin with a tel-pname. */
	for (const char *q = semicolon; q < end;) {
		const char *name = ++q;
		while (q < end && ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
				   (*q >= '0' && *q <= '9') || *q == '-'))
			q++;
		if (q == name)
			return sift__fail(err, SIFT_E_URI, buf, name, "tel-pname");
		while (q < end && *q != ';')
			q++;
	}
	out->has_user = 1;
	out->user = sift__span(buf, p, semicolon);
	out->params = semicolon < end ? sift__span(buf, semicolon + 1, end)
				      : sift__span(buf, end, end);
	return SIFT_OK;
}

sift_code sift_uri_parse(const char *buf, sift_span uri, unsigned options, sift_uri *out,
			 sift_error *err)
{
	static const sift_uri empty;
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	const char *start = buf + uri.off, *end = start + uri.len;
	/* "sip:" and "sips:" (any case) need no scheme DFA: the scheme matched
	 * is the letters before the ':' (RFC 3986 3.1: scheme = ALPHA
	 * *( ALPHA / DIGIT / "+" / "-" / "." )). */
	if (end - start >= 4 && (start[0] | 0x20) == 's' && (start[1] | 0x20) == 'i' &&
	    (start[2] | 0x20) == 'p') {
		const char *colon = start[3] == ':' ? start + 3
				  : end - start >= 5 && (start[3] | 0x20) == 's' && start[4] == ':'
				  ? start + 4 : NULL;
		if (colon) {
			out->scheme = colon == start + 3 ? SIFT_SCHEME_SIP : SIFT_SCHEME_SIPS;
			out->scheme_name = sift__span(buf, start, colon);
			out->opaque = sift__span(buf, colon + 1, end);
			return parse_sip(buf, colon + 1, end, options, out, err);
		}
	}
	const char *scheme_end = sift__match_scheme(start, end);
	if (!scheme_end || scheme_end == end || *scheme_end != ':')
		return sift__fail(err, SIFT_E_URI, buf, scheme_end ? scheme_end : start, "scheme");
	size_t scheme_len = (size_t)(scheme_end - start);
	out->scheme_name = sift__span(buf, start, scheme_end);
	out->opaque = sift__span(buf, scheme_end + 1, end);
	/* Scheme names are case-insensitive (RFC 3261 19.1.4, RFC 3986 3.1);
	 * sip and sips took the path above. */
	if (sift__equal_nocase(start, scheme_len, "tel")) {
		out->scheme = SIFT_SCHEME_TEL;
		return parse_tel(buf, scheme_end + 1, end, out, err);
	}
	out->scheme = SIFT_SCHEME_OTHER;
	const char *stop = sift__match_absolute_uri_bv(start, end);
	if (stop != end)
		return sift__fail(err, SIFT_E_URI, buf, stop ? stop : scheme_end + 1, "absoluteURI");
	/* RFC 8141: a "urn:" absoluteURI that is a namestring is a URN. One
	 * that is not ("urn:x:y", a one-character NID) is still a valid RFC
	 * 3261 absoluteURI: kept as another scheme unless strict. */
	if (sift__equal_nocase(start, scheme_len, "urn")) {
		sift_urn urn;
		sift_code code = sift_urn_parse(buf, uri, options, &urn, err);
		if (code == SIFT_OK)
			out->scheme = SIFT_SCHEME_URN;
		else if (options & SIFT_OPT_STRICT)
			return code;
	}
	return SIFT_OK;
}

/*
 * The common SIP-URI by bit masks (sift__sip_uri_fast_accept). Each byte
 * gets a class from its two nibbles, LOW[low nibble] & HIGH[high nibble]
 * (0x80-0xFF: none); each bit is one rectangle of the ASCII table:
 *   0-5  alphanum / mark / "&" / "+" / "$" / "/": bytes that are both
 *        user (RFC 3261 25: unreserved / user-unreserved) and paramchar
 *        (unreserved / param-unreserved);
 *   6    "[" / "]", paramchar too;
 *   7    ":", paramchar too (a password's ":" takes the general path).
 * Escapes ("%" HEX HEX) and the user-unreserved bytes that are no
 * paramchar ("=" "," ";" "?") take the general path too.
 */
enum {
	URI_LETTER_LOW = 1,   /* A-O a-o: high 4, 6; low 1-F */
	URI_LETTER_HIGH = 2,  /* P-Z p-z: high 5, 7; low 0-A */
	URI_DIGIT = 4,       /* 0-9: high 3; low 0-9 */
	URI_MARK = 8,        /* ! $ & ' ( ) * + - . /: high 2 */
	URI_UNDERSCORE = 16, /* _: 0x5F */
	URI_TILDE = 32,      /* ~: 0x7E */
	URI_BRACKET = 64,    /* [ ]: 0x5B, 0x5D */
	URI_COLON = 128      /* ":": 0x3A */
};
#define URI_COMMON 63
#define URI_LOW(l)                                                                          \
	(((l) >= 1 ? URI_LETTER_LOW : 0) | ((l) <= 10 ? URI_LETTER_HIGH : 0) |                \
	 ((l) <= 9 ? URI_DIGIT : 0) |                                                        \
	 ((l) == 1 || (l) == 4 || ((l) >= 6 && (l) <= 11) || (l) >= 13 ? URI_MARK : 0) |      \
	 ((l) == 15 ? URI_UNDERSCORE : 0) | ((l) == 14 ? URI_TILDE : 0) |                    \
	 ((l) == 11 || (l) == 13 ? URI_BRACKET : 0) | ((l) == 10 ? URI_COLON : 0))
#define URI_HIGH(h)                                                                         \
	((h) == 2 ? URI_MARK                                                                 \
	 : (h) == 3 ? URI_DIGIT | URI_COLON                                                  \
	 : (h) == 4 || (h) == 6 ? URI_LETTER_LOW                                              \
	 : (h) == 5 ? URI_LETTER_HIGH | URI_UNDERSCORE | URI_BRACKET                          \
	 : (h) == 7 ? URI_LETTER_HIGH | URI_TILDE : 0)
#define URI_NIBBLES(f)                                                                      \
	f(0), f(1), f(2), f(3), f(4), f(5), f(6), f(7), f(8), f(9), f(10), f(11), f(12), f(13), \
		f(14), f(15)
/* twice: vpshufb looks up each 16-byte lane in its own copy */
static const unsigned char uri_low[32] = { URI_NIBBLES(URI_LOW), URI_NIBBLES(URI_LOW) };
static const unsigned char uri_high[32] = { URI_NIBBLES(URI_HIGH), URI_NIBBLES(URI_HIGH) };

/* Bit i of each mask for byte i of the URI (at most 63 bytes). */
typedef struct uri_bits {
	uint64_t common, param, at, semicolon, equals;
} uri_bits;

/* The masks a byte a step, from the same nibble tables. */
static void uri_bits_bytes(const char *p, size_t n, uri_bits *bits)
{
	uri_bits b = { 0, 0, 0, 0, 0 };
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		unsigned class = c < 0x80 ? (unsigned)(uri_low[c & 15] & uri_high[c >> 4]) : 0;
		uint64_t bit = 1ull << i;
		if (class & URI_COMMON)
			b.common |= bit;
		if (class)
			b.param |= bit;
		if (c == '@')
			b.at |= bit;
		else if (c == ';')
			b.semicolon |= bit;
		else if (c == '=')
			b.equals |= bit;
	}
	*bits = b;
}

#if defined(__x86_64__) && defined(__GNUC__)
/* The masks of 32 bytes at p (all readable) in one AVX2 step, for bits
 * shift to shift + 31. */
#define URI_BITS_AVX2_STEP(p, shift, b)                                                      \
	do {                                                                                 \
		__m256i bytes = _mm256_loadu_si256((const __m256i *)(const void *)(p));      \
		__m256i high = _mm256_and_si256(_mm256_srli_epi16(bytes, 4), low_nibble);    \
		/* bytes from 0x80 look up 0: vpshufb's rule for an index with bit 7 */    \
		__m256i classes = _mm256_and_si256(_mm256_shuffle_epi8(low, bytes),          \
						   _mm256_shuffle_epi8(high_table, high));    \
		uint32_t none = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(classes, zero)); \
		uint32_t uncommon = (uint32_t)_mm256_movemask_epi8(                          \
			_mm256_cmpeq_epi8(_mm256_and_si256(classes, common), zero));        \
		(b).common |= (uint64_t)(uint32_t)~uncommon << (shift);                      \
		(b).param |= (uint64_t)(uint32_t)~none << (shift);                           \
		(b).at |= (uint64_t)(uint32_t)_mm256_movemask_epi8(                          \
				  _mm256_cmpeq_epi8(bytes, _mm256_set1_epi8('@')))            \
			  << (shift);                                                        \
		(b).semicolon |= (uint64_t)(uint32_t)_mm256_movemask_epi8(                   \
					 _mm256_cmpeq_epi8(bytes, _mm256_set1_epi8(';')))     \
				 << (shift);                                                 \
		(b).equals |= (uint64_t)(uint32_t)_mm256_movemask_epi8(                      \
				      _mm256_cmpeq_epi8(bytes, _mm256_set1_epi8('=')))        \
			      << (shift);                                                    \
	} while (0)

/* The masks of [p, p + n), n < 64, with 32 (n <= 32) or 64 bytes readable
 * at p, in one or two AVX2 steps. */
__attribute__((target("avx2"))) static void uri_bits_avx2(const char *p, size_t n, uri_bits *bits)
{
	const __m256i low = _mm256_loadu_si256((const __m256i *)(const void *)uri_low);
	const __m256i high_table = _mm256_loadu_si256((const __m256i *)(const void *)uri_high);
	const __m256i low_nibble = _mm256_set1_epi8(0x0F), zero = _mm256_setzero_si256();
	const __m256i common = _mm256_set1_epi8(URI_COMMON);
	uri_bits b = { 0, 0, 0, 0, 0 };
	URI_BITS_AVX2_STEP(p, 0, b);
	if (n > 32)
		URI_BITS_AVX2_STEP(p + 32, 32, b);
	uint64_t keep = (1ull << n) - 1;
	bits->common = b.common & keep;
	bits->param = b.param & keep;
	bits->at = b.at & keep;
	bits->semicolon = b.semicolon & keep;
	bits->equals = b.equals & keep;
}
#define HAVE_URI_BITS_AVX2 1
#endif

/* The masks of [p, p + n), n < 64, reading no byte at or past readable_end. */
static void uri_bits_of(const char *p, size_t n, const char *readable_end, uri_bits *bits)
{
#if defined(HAVE_URI_BITS_AVX2)
	if (sift__use_simd > 1 && (size_t)(readable_end - p) >= (n > 32 ? 64u : 32u) &&
	    __builtin_cpu_supports("avx2")) {
		uri_bits_avx2(p, n, bits);
		return;
	}
#else
	(void)readable_end;
#endif
	uri_bits_bytes(p, n, bits);
}

/* Bits from..to-1 set (from <= to <= 63). */
static inline uint64_t bit_range(size_t from, size_t to)
{
	return ((1ull << to) - 1) & ~((1ull << from) - 1);
}

int sift__sip_uri_fast_accept(const char *p, const char *end, const char *readable_end)
{
	size_t n = (size_t)(end - p);
	if (n < 5 || n > 63)
		return 0;
	/* "sip:" or "sips:", the letters in any case, as a word: OR-ing 0x20
	 * folds only a letter's case onto "s", "i" or "p" (byte order does
	 * not matter, every byte is folded alike). */
	uint32_t word, fold_three, fold_four, sip, sips;
	memcpy(&word, p, 4);
	memcpy(&fold_three, "\x20\x20\x20\x00", 4);
	memcpy(&fold_four, "\x20\x20\x20\x20", 4);
	memcpy(&sip, "sip:", 4);
	memcpy(&sips, "sips", 4);
	size_t at = (word | fold_three) == sip                        ? 4
		  : (word | fold_four) == sips && p[4] == ':' ? 5
							      : 0;
	if (!at)
		return 0;
	/* The host scanner may read on only where no host can go on: a host
	 * (RFC 3261 25) holds no SP, so it ends at a SP after the URI, as at
	 * the URI's end. */
	if (readable_end > end && *end != ' ')
		readable_end = end;
	uri_bits bits;
	uri_bits_of(p, n, readable_end, &bits);
	/* userinfo: up to the first "@", a user of bytes that are user
	 * characters and no ":" password. A second "@" fails below (no host
	 * or parameter taken here holds one), so no userinfo of the general
	 * path (a telephone-subscriber's isdn-subaddress may hold "@") can
	 * reach past the first in what is accepted. */
	uint64_t ats = bits.at & (~0ull << at);
	if (ats) {
		size_t sign = (size_t)__builtin_ctzll(ats);
		if (sign == at || (~bits.common & bit_range(at, sign)))
			return 0;
		at = sign + 1;
	}
	unsigned kind;
	const char *host_end = sift__scan_host(p + at, readable_end, &kind);
	if (!host_end || host_end == p + at || host_end > end)
		return 0;
	size_t q = (size_t)(host_end - p);
	if (q < n && p[q] == ':') {
		/* port = 1*DIGIT, at most 65535 here (5 digits at most) */
		size_t first = q + 1, digits = first;
		while (digits < n && digits - first < 6 && (unsigned)(p[digits] - '0') <= 9)
			digits++;
		uint32_t port;
		if (digits == first || digits - first > 5 ||
		    !sift__parse_uint(p + first, p + digits, 65535, &port))
			return 0;
		q = digits;
	}
	if (q == n)
		return 1;
	/* uri-parameters: each ";" pname [ "=" pvalue ] of paramchar bytes
	 * without escapes, so that other-param matches it to the next ";" or
	 * the end, and no alternative of uri-parameter goes past a ";". */
	uint64_t rest = bit_range(q, n);
	uint64_t semicolons = bits.semicolon & rest, equals = bits.equals & rest;
	uint64_t separators = semicolons | equals;
	if (!(semicolons & (1ull << q)) || ((bits.param | separators) & rest) != rest ||
	    ((separators << 1) & (separators | (1ull << n))))
		return 0;
	/* at most one "=" in each parameter: the separator before each one
	 * is a ";" */
	for (uint64_t e = equals; e; e &= e - 1) {
		uint64_t before = separators & ((e & -e) - 1);
		if (!(semicolons >> (63 - __builtin_clzll(before)) & 1))
			return 0;
	}
	return 1;
}

int sift_uri_is_secure(const sift_uri *uri)
{
	return uri && uri->scheme == SIFT_SCHEME_SIPS;
}

/* Skips SWS (LWS may fold) around separators in header parameter lists. */
static const char *skip_sws(const char *p, const char *end)
{
	return sift__skip_sws(p, end);
}

int sift_param_next(const char *buf, sift_span *cursor, sift_param *out)
{
	static const sift_param empty;
	const char *p = buf + cursor->off, *end = p + cursor->len;
	*out = empty;
	p = skip_sws(p, end);
	while (p < end && *p == ';')
		p = skip_sws(p + 1, end);
	if (p >= end) {
		*cursor = sift__span(buf, end, end);
		return 0;
	}
	/* The name runs to '=', ';', white space or the end. */
	const char *name = p;
	while (p < end && *p != '=' && *p != ';' && !sift__is_wsp((unsigned char)*p) &&
	       *p != '\r' && *p != '\n')
		p++;
	/* A byte that starts no name (a bare LF in a list no parser checked):
	 * it becomes a one-byte name, so every call moves the cursor and a
	 * walk over any bytes ends. */
	if (p == name)
		p++;
	out->name = sift__span(buf, name, p);
	const char *after_name = skip_sws(p, end);
	if (after_name < end && *after_name == '=') {
		const char *value = skip_sws(after_name + 1, end);
		const char *stop = value;
		if (stop < end && *stop == '"') {
			const char *quoted = sift__match_quoted_string_fast(stop, end);
			stop = quoted ? quoted : end;
		} else {
			while (stop < end && *stop != ';' && !sift__is_wsp((unsigned char)*stop) &&
			       *stop != '\r' && *stop != '\n')
				stop++;
		}
		out->value = sift__span(buf, value, stop);
		out->has_value = 1;
		p = stop;
	}
	*cursor = sift__span(buf, p, end);
	return 1;
}

int sift_param_find(const char *buf, sift_span params, const char *name, sift_param *out)
{
	sift_param param;
	while (sift_param_next(buf, &params, &param)) {
		if (sift__equal_nocase(buf + param.name.off, param.name.len, name)) {
			if (out)
				*out = param;
			return 1;
		}
	}
	return 0;
}
