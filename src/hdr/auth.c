/*
 * src/hdr/auth.c - challenge, credentials and Authentication-Info values
 * (RFC 3261 20.6, 20.7, 20.27, 20.28, 20.44, 25), with RFC 8760 (Digest
 * algorithms and digest lengths), RFC 7616 (userhash, charset, username*),
 * RFC 8898 and RFC 6750 (Bearer). include/sipsift/auth.h says what the
 * default and strict modes accept and why.
 *
 *   challenge     = ("Digest" LWS digest-cln *(COMMA digest-cln))
 *                 / ("Bearer" LWS bearer-cln *(COMMA bearer-cln))   RFC 8898 4
 *                 / other-challenge
 *   credentials   = ("Digest" LWS digest-response) / other-response
 *                 / "Bearer" LWS b64token                           RFC 6750 2.1
 *   Authentication-Info = ainfo *(COMMA ainfo)
 *
 * Every parameter is name EQUAL (token / quoted-string) on the wire
 * (auth-param); the known names then have their own value rules, checked on
 * the value's content with the matchers of src/grammar/scan_auth.re.
 */
#include <stddef.h>

#include "hdr/internal.h"
#include "sipsift/auth.h"
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

enum context { CHALLENGE, CREDENTIALS, AINFO };

/* Indexed by sift_auth_param_id; 16 bytes each, so that known_name() can
 * compare one in a single load. */
static const char param_names[SIFT_AUTHP_COUNT][16] = {
	"", "realm", "domain", "nonce", "opaque", "stale", "algorithm", "qop", "charset",
	"userhash", "username", "username*", "uri", "response", "cnonce", "nc", "nextnonce",
	"rspauth", "scope", "authz_server", "error",
};

/* The ABNF rule of each parameter as a whole ("realm" EQUAL realm-value):
 * named in the error for a parameter given twice. */
static const char *const param_rules[SIFT_AUTHP_COUNT] = {
	"auth-param", "realm", "domain", "nonce", "opaque", "stale", "algorithm", "qop-options",
	"digest-charset", "userhash", "username", "username-star", "digest-uri", "dresponse",
	"cnonce", "nonce-count", "nextnonce", "response-auth", "scope-param",
	"authz-server-param", "error-param",
};

/* The ABNF rule of each parameter's value: named in a value error. */
static const char *const value_rules[SIFT_AUTHP_COUNT] = {
	"auth-param", "realm-value", "domain", "nonce-value", "opaque", "stale", "algorithm",
	"qop-options", "digest-charset", "userhash", "username-value", "ext-value",
	"digest-uri-value", "request-digest", "cnonce-value", "nc-value", "nonce-value",
	"response-digest", "scope-param", "authz-server-param", "error-param",
};

#define BIT(id) (1u << (id))

/* Which names mean something where (auth.h, sift_auth). */
static uint32_t captured(enum context ctx, sift_auth_scheme scheme)
{
	switch (ctx) {
	case AINFO: /* RFC 3261 20.6 ainfo */
		return BIT(SIFT_AUTHP_NEXTNONCE) | BIT(SIFT_AUTHP_QOP) | BIT(SIFT_AUTHP_RSPAUTH) |
		       BIT(SIFT_AUTHP_CNONCE) | BIT(SIFT_AUTHP_NC);
	case CHALLENGE:
		if (scheme == SIFT_AUTH_DIGEST) /* RFC 3261 digest-cln, RFC 7616 3.3 */
			return BIT(SIFT_AUTHP_REALM) | BIT(SIFT_AUTHP_DOMAIN) | BIT(SIFT_AUTHP_NONCE) |
			       BIT(SIFT_AUTHP_OPAQUE) | BIT(SIFT_AUTHP_STALE) |
			       BIT(SIFT_AUTHP_ALGORITHM) | BIT(SIFT_AUTHP_QOP) |
			       BIT(SIFT_AUTHP_CHARSET) | BIT(SIFT_AUTHP_USERHASH);
		if (scheme == SIFT_AUTH_BEARER) /* RFC 8898 4 bearer-cln */
			return BIT(SIFT_AUTHP_REALM) | BIT(SIFT_AUTHP_SCOPE) |
			       BIT(SIFT_AUTHP_AUTHZ_SERVER) | BIT(SIFT_AUTHP_ERROR);
		return BIT(SIFT_AUTHP_REALM);
	case CREDENTIALS:
	default:
		if (scheme == SIFT_AUTH_DIGEST) /* RFC 3261 dig-resp, RFC 7616 3.4 */
			return BIT(SIFT_AUTHP_USERNAME) | BIT(SIFT_AUTHP_USERNAME_STAR) |
			       BIT(SIFT_AUTHP_REALM) | BIT(SIFT_AUTHP_NONCE) | BIT(SIFT_AUTHP_URI) |
			       BIT(SIFT_AUTHP_RESPONSE) | BIT(SIFT_AUTHP_ALGORITHM) |
			       BIT(SIFT_AUTHP_CNONCE) | BIT(SIFT_AUTHP_OPAQUE) | BIT(SIFT_AUTHP_QOP) |
			       BIT(SIFT_AUTHP_NC) | BIT(SIFT_AUTHP_USERHASH);
		return BIT(SIFT_AUTHP_REALM);
	}
}

/* The ABNF quotes these values (RFC 3261 25; RFC 8898 4 for the Bearer
 * ones; RFC 8760 2.6 item 2 for uri). qop is quoted in a challenge only. */
static const uint32_t must_quote = BIT(SIFT_AUTHP_REALM) | BIT(SIFT_AUTHP_DOMAIN) |
				   BIT(SIFT_AUTHP_NONCE) | BIT(SIFT_AUTHP_OPAQUE) |
				   BIT(SIFT_AUTHP_USERNAME) | BIT(SIFT_AUTHP_URI) |
				   BIT(SIFT_AUTHP_RESPONSE) | BIT(SIFT_AUTHP_CNONCE) |
				   BIT(SIFT_AUTHP_NEXTNONCE) | BIT(SIFT_AUTHP_RSPAUTH) |
				   BIT(SIFT_AUTHP_SCOPE) | BIT(SIFT_AUTHP_AUTHZ_SERVER) |
				   BIT(SIFT_AUTHP_ERROR);
/* ... and writes these as tokens (RFC 7616 3.3-3.5 repeat it: "MUST NOT
 * generate the quoted string syntax" for stale, algorithm, qop, nc). */
static const uint32_t must_be_token = BIT(SIFT_AUTHP_STALE) | BIT(SIFT_AUTHP_ALGORITHM) |
				      BIT(SIFT_AUTHP_NC) | BIT(SIFT_AUTHP_USERNAME_STAR);

/* ... and these take any text as their value (check_value() checks only
 * their quoting, when strict): realm, nonce, opaque, username, cnonce,
 * nextnonce (RFC 3261 25 realm-value, nonce-value, username-value and
 * cnonce-value are quoted-string). */
static const uint32_t any_text = BIT(SIFT_AUTHP_REALM) | BIT(SIFT_AUTHP_NONCE) |
				 BIT(SIFT_AUTHP_OPAQUE) | BIT(SIFT_AUTHP_USERNAME) |
				 BIT(SIFT_AUTHP_CNONCE) | BIT(SIFT_AUTHP_NEXTNONCE);

sift_auth_param_id sift_auth_param_lookup(const char *name, size_t len)
{
	if (!name || len == 0)
		return SIFT_AUTHP_OTHER;
	/* The names are lower case: the first byte, folded, rules out all
	 * but a few before the full comparison. */
	unsigned char first = (unsigned char)name[0];
	if (first >= 'A' && first <= 'Z')
		first = (unsigned char)(first + 32);
	for (unsigned id = 1; id < SIFT_AUTHP_COUNT; id++)
		if ((unsigned char)param_names[id][0] == first &&
		    sift__equal_nocase(name, len, param_names[id]))
			return (sift_auth_param_id)id;
	return SIFT_AUTHP_OTHER;
}

sift_digest_alg sift_digest_alg_lookup(const char *name, size_t len)
{
	const char *stop = NULL;
	if (!name)
		return SIFT_DIGEST_ALG_OTHER;
	unsigned alg = sift__scan_digest_algorithm(name, name + len, &stop);
	return stop == name + len && len > 0 ? (sift_digest_alg)alg : SIFT_DIGEST_ALG_OTHER;
}

unsigned sift_digest_hex_length(sift_digest_alg alg)
{
	switch (alg) {
	case SIFT_DIGEST_ALG_NONE:
	case SIFT_DIGEST_ALG_MD5:
	case SIFT_DIGEST_ALG_MD5_SESS:
		return 32; /* 128 bits (RFC 7616 6.1) */
	case SIFT_DIGEST_ALG_SHA256:
	case SIFT_DIGEST_ALG_SHA256_SESS:
	case SIFT_DIGEST_ALG_SHA512_256:
	case SIFT_DIGEST_ALG_SHA512_256_SESS:
		return 64; /* 256 bits (RFC 8760 2.2) */
	default:
		return 0;
	}
}

/* Where each captured parameter's value goes, indexed by
 * sift_auth_param_id (SIFT_AUTHP_OTHER is never captured). */
static const uint16_t value_offsets[SIFT_AUTHP_COUNT] = {
	0,
	offsetof(sift_auth, realm),
	offsetof(sift_auth, domain),
	offsetof(sift_auth, nonce),
	offsetof(sift_auth, opaque),
	offsetof(sift_auth, stale_value),
	offsetof(sift_auth, algorithm),
	offsetof(sift_auth, qop),
	offsetof(sift_auth, charset),
	offsetof(sift_auth, userhash_value),
	offsetof(sift_auth, username),
	offsetof(sift_auth, username_star),
	offsetof(sift_auth, uri),
	offsetof(sift_auth, response),
	offsetof(sift_auth, cnonce),
	offsetof(sift_auth, nc),
	offsetof(sift_auth, nextnonce),
	offsetof(sift_auth, rspauth),
	offsetof(sift_auth, scope),
	offsetof(sift_auth, authz_server),
	offsetof(sift_auth, error),
};

static sift_span *value_field(sift_auth *a, sift_auth_param_id id)
{
	return (sift_span *)(void *)((char *)a + value_offsets[id]);
}

/* "true" / "false", case-insensitive (ABNF strings, RFC 5234 2.3). Returns
 * 1 or 0, or -1 for anything else. */
static int parse_bool(const char *p, const char *end)
{
	if (sift__equal_nocase(p, (size_t)(end - p), "true"))
		return 1;
	if (sift__equal_nocase(p, (size_t)(end - p), "false"))
		return 0;
	return -1;
}

/* *LHEX from p (RFC 8760 2.7 request-digest, RFC 3261 25 response-digest):
 * a response is 32 to 128 hex digits, tested 16 bytes a step; the rest,
 * and every byte when sift__use_simd is 0, goes to the matcher, which
 * resumes the run where the step stopped (LHEX+ is one character class). */
static const char *lhex_run_end(const char *p, const char *end)
{
#if defined(__SSE2__)
	if (sift__use_simd) {
		/* Range tests in one signed compare each: x + (0x80 - lo) < -128 + n. */
		const __m128i to_0 = _mm_set1_epi8((char)(0x80 - '0')), digits = _mm_set1_epi8(-128 + 10);
		const __m128i to_a = _mm_set1_epi8((char)(0x80 - 'a')), letters = _mm_set1_epi8(-128 + 6);
		while (end - p >= 16) {
			__m128i bytes = _mm_loadu_si128((const __m128i *)(const void *)p);
			__m128i lhex = _mm_or_si128(_mm_cmplt_epi8(_mm_add_epi8(bytes, to_0), digits),
						    _mm_cmplt_epi8(_mm_add_epi8(bytes, to_a), letters));
			unsigned mask = (unsigned)_mm_movemask_epi8(lhex);
			if (mask != 0xFFFFu)
				return p + __builtin_ctz(~mask);
			p += 16;
		}
	}
#endif
	return sift__match_lhex_run(p, end);
}

#if defined(__SSE2__)
/* Bit i set where byte i of the 16 at p ends a run of such qdtext: DQUOTE,
 * "\", and what is below %x21 once 1 is added (signed): the controls, DEL
 * and %x80-FF. */
static inline unsigned qdtext_stops(const char *p)
{
	__m128i bytes = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i other = _mm_cmplt_epi8(_mm_add_epi8(bytes, _mm_set1_epi8(1)), _mm_set1_epi8(0x21));
	__m128i marks = _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('"')),
				     _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\')));
	return (unsigned)_mm_movemask_epi8(_mm_or_si128(other, marks));
}

/* The first stop byte of qdtext_stops() from q, or end; 16 bytes from
 * q - 1 are readable. The last step is loaded to end and its bytes already
 * tested dropped. */
static inline const char *qdtext_run_end(const char *q, const char *end)
{
	unsigned stops = 0;
	while (end - q >= 16 && !(stops = qdtext_stops(q)))
		q += 16;
	if (!stops && q < end)
		stops = qdtext_stops(end - 16) >> (16 - (end - q));
	return stops ? q + __builtin_ctz(stops) : end;
}
#endif

/* The end of the quoted-string at p (its DQUOTE), as
 * sift__match_quoted_string_fast gives it, where its content is printable
 * ASCII without "\" (nonce, cnonce, opaque, response, realm nearly always):
 * each such byte is a qdtext of its own (RFC 3261 25), so the first DQUOTE
 * ends the match. The content is tested 16 bytes a step; any other byte, a
 * value shorter than 16 bytes, and every byte when simd (sift__use_simd)
 * is 0 go to the matcher from the opening DQUOTE. */
static inline const char *quoted_string_end(const char *p, const char *end, int simd)
{
#if defined(__SSE2__)
	if (simd && end - p >= 16) {
		const char *q = qdtext_run_end(p + 1, end);
		if (q < end && *q == '"')
			return q + 1;
	}
#else
	(void)simd;
#endif
	return sift__match_quoted_string_fast(p, end);
}

/* Whether [from, to) is scheme ":" and a token without "%" and "`" that
 * starts with no "+", as the digest-uri of a REGISTER nearly always is
 * ("sip:biloxi.com", RFC 3261 22.4): URI then matches all of it, as
 * absoluteURI = scheme ":" opaque-part, opaque-part = uric-no-slash *uric
 * (RFC 3261 25): every other token byte (alphanum, "-", ".", "!", "*",
 * "_", "'", "~") is unreserved, so uric-no-slash, and "+" is reserved, so
 * uric. The token matcher reads the run 16 bytes at a time where the URI
 * DFA takes one; with sift__use_simd 0 the DFA alone decides, so that the
 * tests, which run every level, hold the two to the same verdict. */
static int scheme_and_token(const char *from, const char *to)
{
	const char *colon = sift__match_scheme(from, to);
	if (!colon || to - colon < 2 || *colon != ':' || colon[1] == '+')
		return 0;
	const char *rest = colon + 1;
	size_t len = (size_t)(to - rest);
	return sift__match_token_fast(rest, to) == to && !memchr(rest, '%', len) &&
	       !memchr(rest, '`', len);
}

/* A URI of domain or uri. Strict: Request-URI (RFC 8760 2.6 items 1 and 3).
 * Default: RFC 3261's URI = absoluteURI / abs-path, or any URI the URI
 * parser takes (a SIP URI with an IPv6 host is no absoluteURI). */
static sift_code check_uri(const char *buf, const char *from, const char *to, unsigned options,
			   sift_error *err)
{
	sift_uri uri;
	if (!(options & SIFT_OPT_STRICT) &&
	    ((sift__use_simd && scheme_and_token(from, to)) || sift__match_auth_uri(from, to) == to))
		return SIFT_OK;
	return sift_uri_parse(buf, sift__span(buf, from, to), options & SIFT_OPT_STRICT, &uri, err);
}

/* domain: LDQUOT URI *( 1*SP URI ) RDQUOT on the content between the
 * quotes. Empty: allowed by default (RFC 7616 3.3 "its value is empty"). */
static sift_code check_domain(const char *buf, const char *p, const char *end, unsigned options,
			      sift_error *err)
{
	if (p == end)
		return (options & SIFT_OPT_STRICT) ? sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "domain")
						   : SIFT_OK;
	for (;;) {
		const char *stop = p;
		while (stop < end && *stop != ' ')
			stop++;
		if (stop == p)
			return sift__fail(err, SIFT_E_URI, buf, p, "URI");
		sift_code code = check_uri(buf, p, stop, options, err);
		if (code != SIFT_OK)
			return code;
		if (stop == end)
			return SIFT_OK;
		p = stop;
		while (p < end && *p == ' ')
			p++;
	}
}

/* qop-options inside the quotes: qop-value *("," qop-value). By default
 * white space around the commas is accepted (RFC 7616 3.9.1 writes
 * qop="auth, auth-int"). */
static const char *check_qop_options(const char *p, const char *end, unsigned options)
{
	int strict = (options & SIFT_OPT_STRICT) != 0;
	for (;;) {
		if (!strict)
			p = sift__skip_sws(p, end);
		const char *q = sift__match_qop_value(p, end);
		if (!q)
			return p;
		p = strict ? q : sift__skip_sws(q, end);
		if (p == end)
			return NULL;
		if (*p != ',')
			return p;
		p++;
	}
}

/* An RFC 8898 4 value (scope, authz_server, error): the content matcher
 * must take all of it. */
static const char *check_whole(sift_matcher match, const char *p, const char *end)
{
	const char *q = match(p, end);
	return q == end ? NULL : q ? q : p;
}

typedef struct parse_state {
	const char *buf;
	unsigned options;
	enum context ctx;
	sift_auth *out;
	sift_error *err;
	uint32_t known; /* captured(ctx, scheme) */
} parse_state;

/* The number of an nc-value (8LHEX, RFC 3261 25), all eight digits at
 * once: a digit's low nibble is its value, plus 9 for "a" to "f" (%x61-66,
 * the only LHEX bytes with bit 6 set). The first digit is the most
 * significant: it goes to the top byte. */
static uint32_t nc_number(const char *p)
{
	uint64_t x = 0;
	for (unsigned i = 0; i < 8; i++)
		x |= (uint64_t)(unsigned char)p[i] << (8 * (7 - i));
	/* each byte now holds one digit's value, the first in the top byte */
	x = (x & 0x0F0F0F0F0F0F0F0Full) + ((x >> 6) & 0x0101010101010101ull) * 9;
	/* two digits a byte, then four a half-word, then all eight */
	x = (x & 0x000F000F000F000Full) | ((x >> 4) & 0x00F000F000F000F0ull);
	x = (x & 0x000000FF000000FFull) | ((x >> 8) & 0x0000FF000000FF00ull);
	x = (x & 0x000000000000FFFFull) | ((x >> 16) & 0x00000000FFFF0000ull);
	return (uint32_t)x;
}

/* One known parameter's value. v: the value as written, [c, ce): its
 * content (without quotes when quoted). */
/* Inlined: the fast path's call of it would cost as much as the checks. */
static inline __attribute__((always_inline)) sift_code
check_value(parse_state *s, sift_auth_param_id id, const char *v, const char *c, const char *ce,
	    int quoted)
{
	const char *buf = s->buf;
	sift_auth *out = s->out;
	int strict = (s->options & SIFT_OPT_STRICT) != 0;
	const char *rule = value_rules[id];
	const char *bad = NULL;
	int bearer = out->scheme == SIFT_AUTH_BEARER;

	if (id == SIFT_AUTHP_QOP && s->ctx != CHALLENGE)
		rule = "qop-value";
	/* RFC 3261 25 quoting, strict only (RFC 7616 3.3-3.5 bind senders).
	 * realm of a scheme other than Digest and Bearer is that scheme's
	 * business. */
	if (strict && (out->scheme == SIFT_AUTH_DIGEST || bearer || s->ctx == AINFO)) {
		int quote = (must_quote & BIT(id)) || (id == SIFT_AUTHP_QOP && s->ctx == CHALLENGE);
		int token = (must_be_token & BIT(id)) || (id == SIFT_AUTHP_QOP && s->ctx != CHALLENGE);
		if ((quote && !quoted) || (token && quoted))
			return sift__fail(s->err, SIFT_E_HEADER_VALUE, buf, v, rule);
	}

	switch (id) {
	case SIFT_AUTHP_DOMAIN:
		if (!quoted) /* a token is never a URI list */
			return sift__fail(s->err, SIFT_E_HEADER_VALUE, buf, v, rule);
		return check_domain(buf, c, ce, s->options, s->err);
	case SIFT_AUTHP_URI:
		return check_uri(buf, c, ce, s->options, s->err);
	case SIFT_AUTHP_STALE: {
		int b = parse_bool(c, ce);
		if (b < 0)
			bad = c;
		out->stale = (uint8_t)(b == 1);
		break;
	}
	case SIFT_AUTHP_USERHASH: {
		int b = parse_bool(c, ce);
		if (b < 0)
			bad = c;
		out->userhash = (uint8_t)(b == 1);
		break;
	}
	case SIFT_AUTHP_ALGORITHM: {
		const char *stop = NULL;
		unsigned alg = sift__scan_digest_algorithm(c, ce, &stop);
		if (stop != ce)
			bad = stop ? stop : c;
		out->alg = (sift_digest_alg)alg;
		break;
	}
	case SIFT_AUTHP_QOP:
		bad = s->ctx == CHALLENGE ? check_qop_options(c, ce, s->options)
					  : check_whole(sift__match_qop_value, c, ce);
		break;
	case SIFT_AUTHP_CHARSET: /* RFC 7616 3.3: "The only allowed value is UTF-8" */
		if (!sift__equal_nocase(c, (size_t)(ce - c), "UTF-8"))
			bad = c;
		break;
	case SIFT_AUTHP_USERNAME_STAR:
		bad = check_whole(sift__match_ext_value, c, ce);
		break;
	case SIFT_AUTHP_RESPONSE: /* RFC 8760 2.7: LDQUOT *LHEX RDQUOT */
	case SIFT_AUTHP_RSPAUTH:  /* RFC 3261 25: LDQUOT *LHEX RDQUOT */
		bad = lhex_run_end(c, ce);
		if (bad == ce)
			bad = NULL;
		break;
	case SIFT_AUTHP_NC:
		/* nc-value = 8LHEX; else the first byte past eight, or the
		 * first non-LHEX */
		if (sift__match_nc_value(c, ce) == ce) {
			out->nonce_count = nc_number(c);
		} else {
			const char *run = sift__match_lhex_run(c, ce);
			bad = run - c > 8 ? c + 8 : run;
		}
		break;
	case SIFT_AUTHP_SCOPE: /* RFC 8898 4, strict: the RFC 6749 value */
		if (strict)
			bad = check_whole(sift__match_oauth_scope, c, ce);
		break;
	case SIFT_AUTHP_AUTHZ_SERVER:
		if (strict)
			bad = check_whole(sift__match_https_uri, c, ce);
		break;
	case SIFT_AUTHP_ERROR:
		if (strict)
			bad = check_whole(sift__match_oauth_error, c, ce);
		break;
	default: /* any_text */
		break;
	}
	if (bad)
		return sift__fail(s->err, SIFT_E_HEADER_VALUE, buf, bad, rule);
	return SIFT_OK;
}

#if defined(__SSE2__)
/*
 * The name at p when it is one of param_names as they are written (lower
 * case, RFC 3261 25 and RFC 7616 spell them so) followed by "=", read 16
 * bytes at once: *name_end is the "=", the result its id. Returns
 * SIFT_AUTHP_COUNT for anything else (upper case, another name, no "="
 * in the 16 bytes, fewer than 16 bytes left), which the name DFA reads
 * (sift__scan_auth_param_name, the same id for a known name: its literals
 * take a tie). The length and a byte or two pick the one name that can
 * match; the load compares all of it against param_names, the table, so a
 * name this switch does not know (one added to the table later) is only
 * slower: the DFA gives its id.
 */
static unsigned known_name(const char *p, const char *end, const char **name_end)
{
	if (end - p < 16)
		return SIFT_AUTHP_COUNT;
	__m128i bytes = _mm_loadu_si128((const __m128i *)(const void *)p);
	unsigned equals = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('=')));
	if (!equals)
		return SIFT_AUTHP_COUNT;
	unsigned len = (unsigned)__builtin_ctz(equals);
	unsigned id;
	switch (len) {
	case 2: id = SIFT_AUTHP_NC; break;
	case 3: id = p[0] == 'q' ? SIFT_AUTHP_QOP : SIFT_AUTHP_URI; break;
	case 5:
		id = p[0] == 'r'   ? SIFT_AUTHP_REALM
		     : p[0] == 'n' ? SIFT_AUTHP_NONCE
		     : p[0] == 'e' ? SIFT_AUTHP_ERROR
		     : p[1] == 't' ? SIFT_AUTHP_STALE
				   : SIFT_AUTHP_SCOPE;
		break;
	case 6:
		id = p[0] == 'd' ? SIFT_AUTHP_DOMAIN : p[0] == 'o' ? SIFT_AUTHP_OPAQUE : SIFT_AUTHP_CNONCE;
		break;
	case 7: id = p[0] == 'c' ? SIFT_AUTHP_CHARSET : SIFT_AUTHP_RSPAUTH; break;
	case 8:
		id = p[0] == 'r'   ? SIFT_AUTHP_RESPONSE
		     : p[4] == 'h' ? SIFT_AUTHP_USERHASH
				   : SIFT_AUTHP_USERNAME;
		break;
	case 9:
		id = p[0] == 'a'   ? SIFT_AUTHP_ALGORITHM
		     : p[0] == 'n' ? SIFT_AUTHP_NEXTNONCE
				   : SIFT_AUTHP_USERNAME_STAR;
		break;
	case 12: id = SIFT_AUTHP_AUTHZ_SERVER; break;
	default: return SIFT_AUTHP_COUNT;
	}
	__m128i name = _mm_loadu_si128((const __m128i *)(const void *)param_names[id]);
	unsigned same = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, name));
	unsigned want = (1u << len) - 1;
	if ((same & want) != want)
		return SIFT_AUTHP_COUNT;
	*name_end = p + len;
	return id;
}
#endif

/*
 * The common parameter list, read and filled in one pass (parse_auth()'s
 * fast path): 1 when the whole of [p, end) is
 *   auth-param *( "," [SP] auth-param )
 *   auth-param = auth-param-name "=" ( token / quoted-string )
 * with no other white space (RFC 3261 25 allows SWS around EQUAL and
 * COMMA; senders write "name=value, name=value", RFC 3261 22.4, RFC 7616
 * 3.9), every known value accepted by check_value() and no name twice,
 * with s->out holding what parse_param_list() gives for the same bytes.
 * Each part is read by the matcher the general path reads it with, from
 * the same byte, and the value checks are the general path's own, in the
 * same order; where the general path would skip SWS there is none to skip.
 * Anything else (white space, a parameter the general path rejects): 0,
 * with s->out half filled, and the caller resets it for the general path,
 * which finds the error offset and rule. s->err is NULL here: nothing is
 * reported from this path. test_auth and fuzz_auth hold the two to the
 * same result.
 */
static int fast_param_list(parse_state *s, const char *p, const char *end)
{
	const char *buf = s->buf;
	sift_auth *out = s->out;
	const char *first = p;
	const uint32_t known = s->known;
	uint32_t present = 0;
	const int strict = (s->options & SIFT_OPT_STRICT) != 0, simd = sift__use_simd;
	for (;;) {
		const char *name_end = NULL;
		unsigned id = SIFT_AUTHP_COUNT;
#if defined(__SSE2__)
		if (simd)
			id = known_name(p, end, &name_end);
#else
		(void)simd;
#endif
		if (id == SIFT_AUTHP_COUNT)
			id = sift__scan_auth_param_name(p, end, &name_end);
		if (!name_end || name_end == end || *name_end != '=')
			return 0;
		const char *v = name_end + 1, *ve, *c, *ce;
		int quoted = v < end && *v == '"';
		uint32_t bit = BIT(id);
		if (quoted) {
			if (!(ve = quoted_string_end(v, end, simd)))
				return 0;
			c = v + 1;
			ce = ve - 1;
		} else if (id == SIFT_AUTHP_ALGORITHM && (known & bit) && !(present & bit)) {
			/* rfc8760-algorithm-value = its registry's tokens / token
			 * (RFC 8760 2.7): the one DFA ends where token ends and
			 * says which; check_value() would read it again to the
			 * same end and find nothing else to check in a token. */
			out->alg = (sift_digest_alg)sift__scan_digest_algorithm(v, end, &ve);
			if (!ve)
				return 0;
			present |= bit;
			out->algorithm = sift__span(buf, v, ve);
			goto separator;
		} else {
			if (!(ve = sift__match_token_fast(v, end)))
				return 0;
			c = v;
			ce = ve;
		}
		if (!(known & bit)) {
			if (s->ctx == AINFO && strict)
				return 0;
		} else {
			/* A name twice (RFC 7235 2.1) or username* (rare; RFC 7616
			 * 3.4 forbids it next to username): the general path. */
			if ((present & bit) || id == SIFT_AUTHP_USERNAME_STAR)
				return 0;
			if ((strict || !(any_text & bit)) &&
			    check_value(s, (sift_auth_param_id)id, v, c, ce, quoted) != SIFT_OK)
				return 0;
			present |= bit;
			*value_field(out, (sift_auth_param_id)id) = sift__span(buf, c, ce);
		}
	separator:
		if (ve == end) {
			out->present = present;
			out->params = sift__span(buf, first, ve);
			return 1;
		}
		if (*ve != ',')
			return 0;
		p = ve + 1;
		if (p < end && *p == ' ')
			p++;
	}
}

/* auth-param *(COMMA auth-param) from p to end, known names captured and
 * checked. list_rule names the list in errors ("digest-cln"). */
static sift_code parse_param_list(parse_state *s, const char *p, const char *end,
				  const char *list_rule)
{
	const char *buf = s->buf;
	sift_auth *out = s->out;
	const char *first = p, *last = p;
	for (;;) {
		/* auth-param = auth-param-name EQUAL ( token / quoted-string ) */
		const char *name = p, *name_end;
		sift_auth_param_id id = (sift_auth_param_id)sift__scan_auth_param_name(p, end, &name_end);
		if (!name_end)
			return sift__fail(s->err, SIFT_E_HEADER_VALUE, buf, p, list_rule);
		const char *q = sift__skip_sws(name_end, end);
		if (q >= end || *q != '=')
			return sift__fail(s->err, SIFT_E_HEADER_VALUE, buf, q, "auth-param");
		const char *v = sift__skip_sws(q + 1, end), *ve, *c, *ce;
		int quoted = v < end && *v == '"';
		if (!(s->known & BIT(id)))
			id = SIFT_AUTHP_OTHER;
		if (quoted) {
			ve = quoted_string_end(v, end, sift__use_simd);
			if (!ve)
				return sift__fail(s->err, SIFT_E_HEADER_VALUE, buf, v, "quoted-string");
			c = v + 1;
			ce = ve - 1;
		} else {
			ve = sift__match_token_bv(v, end);
			if (!ve)
				return sift__fail(s->err, SIFT_E_HEADER_VALUE, buf, v, value_rules[id]);
			c = v;
			ce = ve;
		}
		if (id == SIFT_AUTHP_OTHER) {
			/* RFC 3261 20.6: ainfo has no auth-param (RFC 7615 has). */
			if (s->ctx == AINFO && (s->options & SIFT_OPT_STRICT))
				return sift__fail(s->err, SIFT_E_HEADER_VALUE, buf, name, "ainfo");
		} else {
			/* RFC 7235 2.1: each parameter name once; RFC 7616 3.4:
			 * username and username* together are an error. */
			int twin = (id == SIFT_AUTHP_USERNAME && sift_auth_has(out, SIFT_AUTHP_USERNAME_STAR)) ||
				   (id == SIFT_AUTHP_USERNAME_STAR && sift_auth_has(out, SIFT_AUTHP_USERNAME));
			if (sift_auth_has(out, id) || twin)
				return sift__fail(s->err, SIFT_E_HEADER_VALUE, buf, name,
						  twin ? "username-star" : param_rules[id]);
			sift_code code = check_value(s, id, v, c, ce, quoted);
			if (code != SIFT_OK)
				return code;
			out->present |= BIT(id);
			*value_field(out, id) = sift__span(buf, c, ce);
		}
		last = ve;
		p = sift__skip_sws(ve, end);
		if (p >= end)
			break;
		if (*p != ',')
			return sift__fail(s->err, SIFT_E_HEADER_VALUE, buf, p, list_rule);
		p = sift__skip_sws(p + 1, end);
	}
	out->params = sift__span(buf, first, last);
	return SIFT_OK;
}

/* RFC 8760 2.7, strict: the response is empty (no challenge yet) or as
 * long as its algorithm's digest; an unregistered one at least 32. */
static sift_code check_response_length(parse_state *s)
{
	const sift_auth *out = s->out;
	if (!sift_auth_has(out, SIFT_AUTHP_RESPONSE) || out->response.len == 0)
		return SIFT_OK;
	uint32_t len = out->response.len, want = sift_digest_hex_length(out->alg);
	uint32_t bad;
	if (want == 0) {
		if (len >= 32)
			return SIFT_OK;
		bad = out->response.off + len;
	} else if (len == want) {
		return SIFT_OK;
	} else {
		bad = out->response.off + (len > want ? want : len);
	}
	if (s->err) {
		s->err->code = SIFT_E_HEADER_VALUE;
		s->err->offset = bad;
		s->err->rule = "request-digest";
	}
	return SIFT_E_HEADER_VALUE;
}

/* parse_param_list(), through fast_param_list() first when fast is set. */
static sift_code param_list(parse_state *s, const char *p, const char *end, const char *list_rule,
			    int fast)
{
	if (fast) {
		static const sift_auth empty;
		parse_state quiet = *s;
		quiet.err = NULL;
		if (fast_param_list(&quiet, p, end))
			return SIFT_OK;
		sift_auth *out = s->out;
		sift_auth_scheme scheme = out->scheme;
		sift_span scheme_name = out->scheme_name;
		*out = empty;
		out->scheme = scheme;
		out->scheme_name = scheme_name;
	}
	return parse_param_list(s, p, end, list_rule);
}

static sift_code parse_auth(const char *buf, sift_span value, unsigned options, enum context ctx,
			    int fast, sift_auth *out, sift_error *err)
{
	static const sift_auth empty;
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	const char *start = buf + value.off, *end = start + value.len;
	const char *p = sift__skip_sws(start, end);
	parse_state s = { buf, options, ctx, out, err, 0 };

	if (ctx == AINFO) {
		s.known = captured(ctx, SIFT_AUTH_NONE);
		return param_list(&s, p, end, "ainfo", fast);
	}

	/* auth-scheme = token; "Digest" and "Bearer" compare case-insensitively
	 * (ABNF strings, RFC 5234 2.3; RFC 7235 2.1). Nearly every value starts
	 * "Digest" and one SP before a name (RFC 3261 22.4): the token ends at
	 * the SP and the LWS is that SP alone (LWS = [*WSP CRLF] 1*WSP), as the
	 * matchers below find them. */
	const char *scheme_end, *lws;
	if (fast && end - p >= 8 &&
	    sift__equal_word_nocase(p, "digest ", "\x20\x20\x20\x20\x20\x20", 7) &&
	    p[7] != ' ' && p[7] != '\t' && p[7] != '\r' && p[7] != '\n') {
		scheme_end = p + 6;
		lws = p + 7;
		out->scheme_name = sift__span(buf, p, scheme_end);
		out->scheme = SIFT_AUTH_DIGEST;
		s.known = captured(ctx, out->scheme);
	} else {
		scheme_end = sift__match_token_bv(p, end);
		if (!scheme_end)
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "auth-scheme");
		size_t scheme_len = (size_t)(scheme_end - p);
		out->scheme_name = sift__span(buf, p, scheme_end);
		out->scheme = sift__equal_nocase(p, scheme_len, "Digest")   ? SIFT_AUTH_DIGEST
			      : sift__equal_nocase(p, scheme_len, "Bearer") ? SIFT_AUTH_BEARER
									    : SIFT_AUTH_OTHER;
		s.known = captured(ctx, out->scheme);
		lws = sift__match_lws(scheme_end, end);
		if (!lws)
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf, scheme_end, "LWS");
	}
	p = lws;

	if (ctx == CREDENTIALS && out->scheme == SIFT_AUTH_BEARER) {
		/* RFC 8898 2.1.3 / RFC 6750 2.1: "Bearer" 1*SP b64token. */
		const char *token_end = sift__match_b64token(p, end);
		if (token_end && sift__skip_sws(token_end, end) == end) {
			out->token = sift__span(buf, p, token_end);
			return SIFT_OK;
		}
		if (options & SIFT_OPT_STRICT)
			return sift__fail(err, SIFT_E_HEADER_VALUE, buf, token_end ? token_end : p,
					  "b64token");
		/* Default: RFC 3261's other-response still covers it. */
		return param_list(&s, p, end, "auth-param", fast);
	}

	const char *list_rule = out->scheme == SIFT_AUTH_OTHER ? "auth-param"
				: ctx == CHALLENGE ? (out->scheme == SIFT_AUTH_DIGEST ? "digest-cln" : "bearer-cln")
						   : "dig-resp";
	sift_code code = param_list(&s, p, end, list_rule, fast);
	if (code == SIFT_OK && (options & SIFT_OPT_STRICT) && ctx == CREDENTIALS &&
	    out->scheme == SIFT_AUTH_DIGEST)
		code = check_response_length(&s);
	return code;
}

sift_code sift__auth_parse_general(const char *buf, sift_span value, unsigned options,
				   unsigned which, sift_auth *out, sift_error *err)
{
	enum context ctx = which == 0 ? CHALLENGE : which == 1 ? CREDENTIALS : AINFO;
	return parse_auth(buf, value, options, ctx, 0, out, err);
}

sift_code sift_challenge_parse(const char *buf, sift_span value, unsigned options, sift_auth *out,
			       sift_error *err)
{
	return parse_auth(buf, value, options, CHALLENGE, 1, out, err);
}

sift_code sift_credentials_parse(const char *buf, sift_span value, unsigned options,
				 sift_auth *out, sift_error *err)
{
	return parse_auth(buf, value, options, CREDENTIALS, 1, out, err);
}

sift_code sift_auth_info_parse(const char *buf, sift_span value, unsigned options, sift_auth *out,
			       sift_error *err)
{
	return parse_auth(buf, value, options, AINFO, 1, out, err);
}

/* ---- The verdict of full validation (src/hdr/validate.c) -------------- */

/* The parser's verdict, as full validation asks it (the strict option
 * passed on). */
static sift_code parse_check(const char *buf, sift_span value, unsigned options, unsigned which,
			     sift_error *err)
{
	sift_auth parsed;
	return parse_auth(buf, value, options & SIFT_OPT_STRICT, which == 0 ? CHALLENGE : CREDENTIALS,
			  1, &parsed, err);
}

#if defined(__x86_64__) || defined(__i386__)
#define HAVE_AUTH_ACCEPT_AVX2 1
#define WALK_AVX2 __attribute__((target("avx2,bmi,bmi2")))

/*
 * The verdict walk reads a copy of the parameter list (what follows
 * "Digest ") followed by 32 zero bytes, so that it reads a name 16 bytes
 * at once and a run 32 bytes a step without a bounds test: the zero byte
 * ends every run it looks for (it is in none of the byte classes below,
 * and no "=" or ","), and the reads stay inside the copy.
 */
enum { LIST_MAX = 512 };
typedef struct auth_copy {
	char bytes[LIST_MAX + 32];
} auth_copy;

/* The len (32 to LIST_MAX) bytes at p into c, then the zero bytes; the
 * last step copies the 32 bytes that end the list. */
WALK_AVX2 static inline void copy_list(const char *p, size_t len, auth_copy *c)
{
	for (size_t at = 0; at + 32 <= len; at += 32)
		_mm256_storeu_si256((__m256i *)(void *)(c->bytes + at),
				    _mm256_loadu_si256((const __m256i *)(const void *)(p + at)));
	_mm256_storeu_si256((__m256i *)(void *)(c->bytes + len - 32),
			    _mm256_loadu_si256((const __m256i *)(const void *)(p + len - 32)));
	_mm256_storeu_si256((__m256i *)(void *)(c->bytes + len), _mm256_setzero_si256());
}

/*
 * The byte classes of the walk (RFC 3261 25), by nibble: byte b is in a
 * class when the entries of its low and of its high nibble in the class's
 * two tables share a bit. vpshufb looks up 0 for a byte from 0x80, and no
 * class has one. Each high nibble with bytes in the class has a bit of
 * its own, or shares one with the high nibbles of the same low nibbles:
 *   token  = alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" /
 *            "'" / "~" (high nibbles 2 to 7)
 *   uric   = token but "%" and "`": the token bytes of a URI that are
 *            uric-no-slash or uric (check_uri()'s scheme_and_token())
 *   qdtext = %x20-7E but DQUOTE and "\" (as quoted_string_end() takes it)
 *   LHEX   = DIGIT / %x61-66
 * Each table is its 16 bytes twice, for the two lanes of vpshufb.
 */
#define LANES(...) { __VA_ARGS__, __VA_ARGS__ }
static const _Alignas(32) uint8_t class_tables[7][32] = {
	/* token and uric, high nibble */
	LANES(0, 0, 0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0, 0, 0, 0, 0, 0, 0, 0),
	/* token, low nibble */
	LANES(0x3a, 0x3f, 0x3e, 0x3e, 0x3e, 0x3f, 0x3e, 0x3f, 0x3e, 0x3e, 0x3d, 0x15, 0x14, 0x15, 0x35, 0x1c),
	/* uric: token's but 0x25 ("%", bit 0x01 of 5) and 0x60 ("`", bit 0x10 of 0) */
	LANES(0x2a, 0x3f, 0x3e, 0x3e, 0x3e, 0x3e, 0x3e, 0x3f, 0x3e, 0x3e, 0x3d, 0x15, 0x14, 0x15, 0x35, 0x1c),
	/* qdtext, high nibble: 2, then 3, 4 and 6 (every low nibble), 5, 7 */
	LANES(0, 0, 0x01, 0x02, 0x02, 0x04, 0x02, 0x08, 0, 0, 0, 0, 0, 0, 0, 0),
	/* qdtext, low nibble: 2 is no 0x22, C no 0x5C, F no 0x7F */
	LANES(0x0f, 0x0f, 0x0e, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0b, 0x0f, 0x0f, 0x07),
	/* LHEX, high nibble: 3, 6 */
	LANES(0, 0, 0, 0x01, 0, 0, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0),
	/* LHEX, low nibble */
	LANES(0x01, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x01, 0x01, 0x01, 0, 0, 0, 0, 0, 0),
};
enum { HIGH_TOKEN, LOW_TOKEN, LOW_URIC, HIGH_QDTEXT, LOW_QDTEXT, HIGH_LHEX, LOW_LHEX };

/* A class's two tables, in registers (the walk's helpers are inlined). */
typedef struct walk_class {
	__m256i low, high;
} walk_class;

WALK_AVX2 static inline walk_class load_class(unsigned low, unsigned high)
{
	walk_class k = { _mm256_load_si256((const __m256i *)(const void *)class_tables[low]),
			 _mm256_load_si256((const __m256i *)(const void *)class_tables[high]) };
	return k;
}

/* The end of the run of class k from p in the copy: its first byte not in
 * the class, 32 bytes a step. nibble: 0x0F bytes; one: 0x01 bytes (a
 * byte in no class looks up 0, which less one is the only entry with bit
 * 7 set: the tables' entries are below 0x80). */
WALK_AVX2 static inline const char *run_end(const char *p, walk_class k, __m256i nibble,
					    __m256i one)
{
	for (;; p += 32) {
		__m256i bytes = _mm256_loadu_si256((const __m256i *)(const void *)p);
		__m256i high = _mm256_and_si256(_mm256_srli_epi16(bytes, 4), nibble);
		__m256i in = _mm256_and_si256(_mm256_shuffle_epi8(k.low, bytes),
					      _mm256_shuffle_epi8(k.high, high));
		uint32_t out = (uint32_t)_mm256_movemask_epi8(_mm256_sub_epi8(in, one));
		if (out)
			return p + __builtin_ctz(out);
	}
}

/* Whether the token bytes [p, end) are a scheme = ALPHA *( ALPHA / DIGIT
 * / "+" / "-" / "." ) (RFC 3261 25): of the token bytes, "!", "%", "*",
 * "_", "`", "'" and "~" are no scheme bytes. */
static int token_is_scheme(const char *p, const char *end)
{
	/* ORed with 0x20, only the letters fall in "a" to "z" */
	if (p == end || (unsigned char)((*p | 0x20) - 'a') >= 26)
		return 0;
	for (p++; p < end; p++)
		if ((unsigned char)((*p | 0x20) - 'a') >= 26 && !(*p >= '0' && *p <= '9') &&
		    *p != '+' && *p != '-' && *p != '.')
			return 0;
	return 1;
}

/* Whether the 4 bytes at p are "sip:", the scheme in any case (RFC 3261
 * 19.1.1). */
static inline int sip_colon(const char *p)
{
	uint32_t head;
	memcpy(&head, p, 4);
	return (head | 0x00202020u) == ('s' | 'i' << 8 | 'p' << 16 | (uint32_t)':' << 24);
}

/* Whether the uri at [c, ce) in the copy is check_uri()'s
 * scheme_and_token() in the default mode: scheme ":" and uric bytes, not
 * "+" first. "sip:" is told by a word compare; any other scheme ends at
 * the first byte no token has, the ":". */
WALK_AVX2 static inline int uri_scheme_and_token(const char *c, const char *ce, walk_class token,
						 __m256i nibble, __m256i one)
{
	int sip = sip_colon(c);
	const char *colon = sip ? c + 3 : run_end(c, token, nibble, one);
	return ce - colon >= 2 && *colon == ':' && colon[1] != '+' &&
	       run_end(colon + 1, load_class(LOW_URIC, HIGH_TOKEN), nibble, one) == ce &&
	       (sip || token_is_scheme(c, colon));
}

/*
 * The names the walk tells apart, those a Digest challenge or credentials
 * captures (captured()), by a perfect hash of a key: the name's first 8
 * bytes ORed with 0x20 (the names are lower case; "*" has bit 0x20), cut
 * to the name, as a little-endian word, plus its length; (key * NAME_HASH)
 * >> 60 is a different slot for each. Slot i holds names.keys[i] (as key
 * * NAME_HASH), the last 8 bytes of a name of 8 or more (names.lasts[i],
 * as the key's word), and the name's bit (BIT(id)) in a challenge
 * (names.bits[0][i]) and in credentials (names.bits[1][i]), 0 where it
 * is not captured (captured()).
 * test_auth tells each name in upper and lower case.
 */
#define NAME_HASH 0x88d355bb852a0ed7ull
#define NAME_BYTE(s, i) ((uint64_t)(unsigned char)(sizeof(s) > (i) + 1 ? (s)[i] : 0) << (8 * (i)))
#define NAME_WORD(s)                                                                          \
	(NAME_BYTE(s, 0) | NAME_BYTE(s, 1) | NAME_BYTE(s, 2) | NAME_BYTE(s, 3) | NAME_BYTE(s, 4) | \
	 NAME_BYTE(s, 5) | NAME_BYTE(s, 6) | NAME_BYTE(s, 7))
/* key * NAME_HASH: odd, so the products of two keys are equal only when
 * the keys are; the walk compares the product it has computed anyway */
#define NAME_KEY(s) ((NAME_WORD(s) + sizeof(s) - 1) * NAME_HASH)
#define CHALLENGE_CREDENTIALS(id, challenge, credentials) \
	[0][id##_SLOT] = (challenge) * BIT(id), [1][id##_SLOT] = (credentials) * BIT(id)
enum {
	SIFT_AUTHP_STALE_SLOT = 0, SIFT_AUTHP_USERHASH_SLOT, SIFT_AUTHP_QOP_SLOT,
	SIFT_AUTHP_ALGORITHM_SLOT, SIFT_AUTHP_REALM_SLOT, SIFT_AUTHP_USERNAME_SLOT,
	SIFT_AUTHP_URI_SLOT, SIFT_AUTHP_RESPONSE_SLOT, SIFT_AUTHP_DOMAIN_SLOT, SIFT_AUTHP_NC_SLOT,
	SIFT_AUTHP_CHARSET_SLOT, SIFT_AUTHP_OPAQUE_SLOT, SIFT_AUTHP_CNONCE_SLOT,
	SIFT_AUTHP_USERNAME_STAR_SLOT = 14, SIFT_AUTHP_NONCE_SLOT,
};
/* One object: the walk reaches the three tables from one address. */
static const struct {
	uint64_t keys[16], lasts[16];
	uint32_t bits[2][16];
} names = {
	.keys = {
		NAME_KEY("stale"), NAME_KEY("userhash"), NAME_KEY("qop"),
		(NAME_WORD("algorith") + 9) * NAME_HASH, NAME_KEY("realm"), NAME_KEY("username"),
		NAME_KEY("uri"), NAME_KEY("response"), NAME_KEY("domain"),
		NAME_KEY("nc"), NAME_KEY("charset"), NAME_KEY("opaque"),
		NAME_KEY("cnonce"), 1 /* no key hashes here: 1 is no product with top bits 13 */,
		(NAME_WORD("username") + 9) * NAME_HASH, NAME_KEY("nonce"),
	},
	.lasts = {
		[1] = NAME_WORD("userhash"), [3] = NAME_WORD("lgorithm"), [5] = NAME_WORD("username"),
		[7] = NAME_WORD("response"), [14] = NAME_WORD("sername*"),
	},
	.bits = {
		CHALLENGE_CREDENTIALS(SIFT_AUTHP_STALE, 1, 0),
		CHALLENGE_CREDENTIALS(SIFT_AUTHP_USERHASH, 1, 1),
		CHALLENGE_CREDENTIALS(SIFT_AUTHP_QOP, 1, 1),
		CHALLENGE_CREDENTIALS(SIFT_AUTHP_ALGORITHM, 1, 1),
		CHALLENGE_CREDENTIALS(SIFT_AUTHP_REALM, 1, 1),
		CHALLENGE_CREDENTIALS(SIFT_AUTHP_USERNAME, 0, 1),
		CHALLENGE_CREDENTIALS(SIFT_AUTHP_URI, 0, 1),
		CHALLENGE_CREDENTIALS(SIFT_AUTHP_RESPONSE, 0, 1),
		CHALLENGE_CREDENTIALS(SIFT_AUTHP_DOMAIN, 1, 0),
		CHALLENGE_CREDENTIALS(SIFT_AUTHP_NC, 0, 1),
		CHALLENGE_CREDENTIALS(SIFT_AUTHP_CHARSET, 1, 0),
		CHALLENGE_CREDENTIALS(SIFT_AUTHP_OPAQUE, 1, 1),
		CHALLENGE_CREDENTIALS(SIFT_AUTHP_CNONCE, 0, 1),
		CHALLENGE_CREDENTIALS(SIFT_AUTHP_USERNAME_STAR, 0, 1),
		CHALLENGE_CREDENTIALS(SIFT_AUTHP_NONCE, 1, 1),
	},
};

/*
 * The bit (BIT(id), 0 where the id is not captured, see names.bits) of
 * the name of n bytes (0 to 15) at p when it is one of names.keys'
 * (sift__scan_auth_param_name()'s id, its literals case-insensitive),
 * else 0. Byte i of a token ORed with 0x20 equals that of a name only
 * when the two are the same letter in either case or the same byte: the
 * token bytes that differ by 0x20 alone are the letters. The key of n
 * bytes ORed with 0x20 (so none is 0) has min(n, 8) bytes that are not 0,
 * and the first adds n without a carry: a key that equals a slot's is the
 * slot's name when the name is shorter than 8; from 8 bytes on the last 8
 * must equal the name's too, which only the name's own bytes do (its
 * first 8 and last 8 overlap and no name repeats itself). So a name given
 * a bit is one of the names, letters (and the "*" of username*, which the
 * walk leaves to the parser), a token; the caller tests the bytes of any
 * other. Reads 8 bytes at p (and at p + n - 8 for a name of 8 or more).
 * which: 0 challenge, 1 credentials; fold: 0x20 bytes, hash: NAME_HASH
 * (in registers, see walk()).
 */
WALK_AVX2 static inline uint32_t name_bit(const char *p, size_t n, unsigned which, uint64_t fold,
					  uint64_t hash)
{
	uint64_t first, last;
	memcpy(&first, p, 8);
	uint64_t key = (_bzhi_u64(first | fold, (unsigned)(8 * n)) + n) * hash;
	size_t slot = (size_t)(key >> 60);
	if (key != names.keys[slot])
		return 0;
	if (n >= 8) {
		memcpy(&last, p + n - 8, 8);
		if ((last | fold) != names.lasts[slot])
			return 0;
	}
	return names.bits[which][slot];
}

/* The known values of a challenge (which 0) or credentials (which 1) that
 * the walk does not answer itself, [c, ce) in buf: check_value()'s test
 * in the default mode, or 0 for the parser (username*, RFC 7616 3.4, or a
 * quoted algorithm that is no token). Not inlined: the walk's registers
 * stay its own. */
__attribute__((noinline)) static int walk_value_rest(const char *buf, const char *c,
						     const char *ce, uint32_t bit, int quoted,
						     unsigned which)
{
	switch (bit) {
	case BIT(SIFT_AUTHP_DOMAIN):
		return quoted && check_domain(buf, c, ce, 0, NULL) == SIFT_OK;
	case BIT(SIFT_AUTHP_URI):
		return check_uri(buf, c, ce, 0, NULL) == SIFT_OK;
	case BIT(SIFT_AUTHP_STALE):
	case BIT(SIFT_AUTHP_USERHASH):
		return parse_bool(c, ce) >= 0;
	case BIT(SIFT_AUTHP_QOP): /* qop-options in a challenge */
		return which == 0 && check_qop_options(c, ce, 0) == NULL;
	case BIT(SIFT_AUTHP_CHARSET): /* RFC 7616 3.3 */
		return sift__equal_nocase(c, (size_t)(ce - c), "UTF-8");
	default:
		return 0;
	}
}

/*
 * 1 when sift_challenge_parse() (which 0) or sift_credentials_parse()
 * (which 1) in the default mode accepts the value, by a walk that only
 * accepts: "Digest" SP, then parameters as fast_param_list() takes them
 * (name "=" token or quoted-string, ", " or "," between, no other white
 * space, no known name twice, no username*), each known value passing the
 * check check_value() makes of it in the default mode. The list (32 to
 * LIST_MAX bytes) is copied (auth_copy); a name (up to 15 bytes) ends at
 * the first "=" of the 16 bytes at it and is told by name_bit(); a token,
 * a quoted-string's qdtext, an LHEX response or nc, a quoted algorithm or
 * qop token and a URI's uric bytes are runs of a byte class read 32 bytes
 * a step (run_end(), AVX2). Anything else: 0, and the caller asks the
 * parser, which gives the error. which is a constant in each caller, so
 * that each context gets a copy of its own. test_auth and fuzz_auth hold
 * it to the parser.
 */
WALK_AVX2 static inline __attribute__((always_inline)) int walk(const char *buf, sift_span value,
								  unsigned which)
{
	const char *start = buf + value.off;
	size_t len = value.len;
	/* "Digest" LWS, the LWS one SP (parse_auth()): "Digest" in any case */
	uint64_t head;
	if (len < 7 + 32 || len > 7 + LIST_MAX)
		return 0;
	memcpy(&head, start, 8);
	if (((head | 0x202020202020ull) & 0xFFFFFFFFFFFFFFull) != 0x0020747365676964ull)
		return 0;
	const char *s = start + 7;
	len -= 7;
	auth_copy copy;
	copy_list(s, len, &copy);
	const walk_class token = load_class(LOW_TOKEN, HIGH_TOKEN);
	const walk_class qdtext = load_class(LOW_QDTEXT, HIGH_QDTEXT);
	__m256i nibble = _mm256_set1_epi8(0x0F), one = _mm256_set1_epi8(1);
	__m128i equal_sign = _mm_set1_epi8('=');
	uint64_t fold = 0x2020202020202020ull, hash = NAME_HASH;
	/* Opaque to the compiler, so that it keeps them in registers rather
	 * than build them again at each use. */
	__asm__("" : "+x"(nibble), "+x"(one), "+x"(equal_sign), "+r"(fold), "+r"(hash));
	const char *t = copy.bytes, *end = t + len;
	uint32_t present = 0;
	uint16_t comma;
	const char *p = t;
	for (;;) {
		/* auth-param-name (token) "=": up to 15 bytes */
		__m128i name = _mm_loadu_si128((const __m128i *)(const void *)p);
		unsigned equals = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(name, equal_sign));
		if (!equals)
			return 0;
		size_t n = (size_t)__builtin_ctzll(equals);
		uint32_t bit = name_bit(p, n, which, fold, hash);
		if (bit) {
			if (present & bit)
				return 0;
			present |= bit;
		} else if (n == 0 || run_end(p, token, nibble, one) != p + n) {
			/* another name: a token */
			return 0;
		}
		/* The value, then the check of the known values that have a
		 * rule of their own; an algorithm or qop token is all its rule
		 * asks (rfc8760-algorithm-value, qop-value: token). */
		const char *v = p + n + 1, *c, *ce, *ve;
		int quoted = *v == '"';
		if (quoted) {
			/* quoted-string of qdtext bytes only (quoted_string_end()).
			 * A value whose rule has a class of its own (LHEX, token,
			 * uric: all qdtext) is read as a run of that class first:
			 * a run that ends at the DQUOTE is the rule's, the value
			 * checked; else the rest is read as qdtext and checked
			 * below. */
			c = ce = v + 1;
			if (!(bit & (BIT(SIFT_AUTHP_RESPONSE) | BIT(SIFT_AUTHP_NC) | BIT(SIFT_AUTHP_URI) |
				     BIT(SIFT_AUTHP_ALGORITHM) | BIT(SIFT_AUTHP_QOP)))) {
				ce = run_end(c, qdtext, nibble, one);
				if (*ce != '"')
					return 0;
				ve = ce + 1;
				if (!(bit & ~any_text))
					goto separator;
				goto check;
			}
			if (which == 1 && (bit & (BIT(SIFT_AUTHP_RESPONSE) | BIT(SIFT_AUTHP_NC)))) {
				/* *LHEX, nc-value = 8LHEX */
				ce = run_end(c, load_class(LOW_LHEX, HIGH_LHEX), nibble, one);
				if (*ce == '"' && (bit == BIT(SIFT_AUTHP_RESPONSE) || ce - c == 8)) {
					ve = ce + 1;
					goto separator;
				}
				return 0;
			} else if (bit & (BIT(SIFT_AUTHP_ALGORITHM) | BIT(SIFT_AUTHP_QOP))) {
				/* a quoted token (a challenge's qop-options of one) */
				ce = run_end(c, token, nibble, one);
				if (*ce == '"' && ce > c) {
					ve = ce + 1;
					goto separator;
				}
			} else if (which == 1 && sip_colon(c) && c[4] != '+') {
				/* the uri: scheme_and_token(), "sip" ":" and uric
				 * bytes, not "+" first */
				ce = run_end(c + 4, load_class(LOW_URIC, HIGH_TOKEN), nibble, one);
				if (*ce == '"' && ce > c + 4) {
					ve = ce + 1;
					goto separator;
				}
			}
			if (*ce != '"')
				ce = run_end(ce, qdtext, nibble, one);
			if (*ce != '"')
				return 0;
			ve = ce + 1;
		} else {
			c = v;
			ce = ve = run_end(v, token, nibble, one);
			if (ve == v)
				return 0;
			if (!(bit & ~any_text & ~(BIT(SIFT_AUTHP_ALGORITHM) | BIT(SIFT_AUTHP_QOP))))
				goto separator;
		}
	check:
		{
			int ok;
			/* a token's response and nc, a quoted algorithm or qop
			 * that is no token, a uri not "sip:" and uric, the rest */
			if (which == 1 && bit == BIT(SIFT_AUTHP_RESPONSE)) {
				/* *LHEX: what ends the run (the token's end) is no LHEX */
				ok = run_end(c, load_class(LOW_LHEX, HIGH_LHEX), nibble, one) == ce;
			} else if (which == 1 && bit == BIT(SIFT_AUTHP_NC)) { /* nc-value = 8LHEX */
				ok = ce - c == 8 &&
				     run_end(c, load_class(LOW_LHEX, HIGH_LHEX), nibble, one) == ce;
			} else if (bit == BIT(SIFT_AUTHP_ALGORITHM)) {
				ok = 0; /* quoted, and no token: the parser */
			} else if (which == 1 && bit == BIT(SIFT_AUTHP_URI) &&
				   uri_scheme_and_token(c, ce, token, nibble, one)) {
				ok = 1;
			} else {
				/* the value's bytes in buf: the list starts 7 bytes
				 * into the value ("Digest ") */
				const char *list = buf + value.off + 7;
				ok = walk_value_rest(buf, list + (c - t), list + (ce - t), bit, quoted,
						     which);
				/* the call took the registers: the constants again */
				nibble = _mm256_set1_epi8(0x0F);
				one = _mm256_set1_epi8(1);
				equal_sign = _mm_set1_epi8('=');
				__asm__("" : "+x"(nibble), "+x"(one), "+x"(equal_sign));
			}
			if (!ok)
				return 0;
		}
	separator:
		/* COMMA as written: "," SP or "," (the zero byte after the list
		 * is neither) */
		memcpy(&comma, ve, 2);
		if (comma == (',' | ' ' << 8))
			p = ve + 2;
		else if ((comma & 0xFF) == ',')
			p = ve + 1;
		else
			return ve == end;
	}
}

/* The walk of a challenge and of credentials, each its own copy (which a
 * constant in each), then, when parse is set, the parser for what the
 * walk does not accept: one call from the check, the parser's arguments
 * kept by the walk's frame. parse 0: SIFT_OK or SIFT_E_HEADER_VALUE, the
 * walk's answer alone (sift__auth_accept()). */
WALK_AVX2 static sift_code challenge_avx2(const char *buf, sift_span value, sift_error *err,
					  int parse)
{
	if (walk(buf, value, 0))
		return SIFT_OK;
	return parse ? parse_check(buf, value, 0, 0, err) : SIFT_E_HEADER_VALUE;
}

WALK_AVX2 static sift_code credentials_avx2(const char *buf, sift_span value, sift_error *err,
					    int parse)
{
	if (walk(buf, value, 1))
		return SIFT_OK;
	return parse ? parse_check(buf, value, 0, 1, err) : SIFT_E_HEADER_VALUE;
}

#endif

int sift__auth_accept(const char *buf, sift_span value, unsigned which)
{
#if defined(HAVE_AUTH_ACCEPT_AVX2)
	if (sift__avx2_bmi2_usable())
		return (which == 0 ? challenge_avx2(buf, value, NULL, 0)
				   : credentials_avx2(buf, value, NULL, 0)) == SIFT_OK;
#else
	(void)buf;
	(void)value;
	(void)which;
#endif
	return 0;
}

sift_code sift__challenge_check(const char *buf, sift_span value, unsigned options,
				sift_error *err)
{
#if defined(HAVE_AUTH_ACCEPT_AVX2)
	if (!(options & SIFT_OPT_STRICT) && sift__avx2_bmi2_usable())
		return challenge_avx2(buf, value, err, 1);
#endif
	return parse_check(buf, value, options, 0, err);
}

sift_code sift__credentials_check(const char *buf, sift_span value, unsigned options,
				  sift_error *err)
{
#if defined(HAVE_AUTH_ACCEPT_AVX2)
	if (!(options & SIFT_OPT_STRICT) && sift__avx2_bmi2_usable())
		return credentials_avx2(buf, value, err, 1);
#endif
	return parse_check(buf, value, options, 1, err);
}

int sift_auth_param_next(const char *buf, sift_span *cursor, sift_auth_param *out)
{
	static const sift_auth_param none;
	if (!buf || !cursor || !out)
		return 0;
	const char *p = buf + cursor->off, *end = p + cursor->len;
	*out = none;
	p = sift__skip_sws(p, end);
	while (p < end && *p == ',')
		p = sift__skip_sws(p + 1, end);
	const char *name_end = p < end ? sift__match_token_bv(p, end) : NULL;
	const char *q = name_end ? sift__skip_sws(name_end, end) : NULL;
	const char *v = q && q < end && *q == '=' ? sift__skip_sws(q + 1, end) : NULL;
	const char *ve = NULL;
	if (v && v < end && *v == '"') {
		ve = quoted_string_end(v, end, sift__use_simd);
		out->quoted = 1;
	} else if (v) {
		ve = sift__match_token_bv(v, end);
	}
	if (!ve) {
		/* The end, or text that is no parameter: the walk stops. */
		*out = none;
		*cursor = sift__span(buf, end, end);
		return 0;
	}
	out->name = sift__span(buf, p, name_end);
	out->value = sift__span(buf, v, ve);
	out->content = out->quoted ? sift__span(buf, v + 1, ve - 1) : out->value;
	out->id = sift_auth_param_lookup(p, (size_t)(name_end - p));
	*cursor = sift__span(buf, ve, end);
	return 1;
}

/* ---- Security-Client, Security-Server, Security-Verify (RFC 3329 2.2) ---- */

static int is_qvalue(const char *value, const char *end, int has_value)
{
	return has_value && sift__match_qvalue(value, end) == end;
}

/* digest-verify = "d-ver" EQUAL LDQUOT 32LHEX RDQUOT (strict); by default
 * any non-empty LHEX run, as d-alg may name a longer digest (RFC 8760). */
static int d_ver_lhex(const char *value, const char *end, int has_value, int strict)
{
	if (!has_value || end - value < 3 || *value != '"' || end[-1] != '"')
		return 0;
	const char *inner = value + 1, *inner_end = end - 1;
	if (sift__match_lhex_run(inner, inner_end) != inner_end)
		return 0;
	return strict ? inner_end - inner == 32 : 1;
}

static int is_d_ver(const char *value, const char *end, int has_value)
{
	return d_ver_lhex(value, end, has_value, 0);
}

static int is_d_ver_strict(const char *value, const char *end, int has_value)
{
	return d_ver_lhex(value, end, has_value, 1);
}

sift_code sift_sec_mechanism_parse(const char *buf, sift_span value, unsigned options,
				   sift_sec_mechanism *out, sift_error *err)
{
	static const sift_sec_mechanism empty;
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	out->q_thousandths = 1000;
	const char *start = buf + value.off, *end = start + value.len;
	const char *p = sift__skip_sws(start, end), *stop = NULL;
	unsigned mech = sift__scan_mechanism_name(p, end, &stop);
	if (!stop)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "mechanism-name");
	out->mechanism = (sift_sec_mech)mech;
	out->name = sift__span(buf, p, stop);
	int strict = (options & SIFT_OPT_STRICT) != 0;
	const sift__param_want want[] = {
		{ "q", "preference", is_qvalue, &out->q, &out->has_q },
		{ "d-alg", "digest-algorithm", sift__param_is_token, &out->d_alg, &out->has_d_alg },
		{ "d-qop", "digest-qop", sift__param_is_token, &out->d_qop, &out->has_d_qop },
		{ "d-ver", "digest-verify", strict ? is_d_ver_strict : is_d_ver, &out->d_ver,
		  &out->has_d_ver },
	};
	p = sift__parse_params_want(buf, stop, end, &out->params, err, "mech-parameters", want,
				    sizeof want / sizeof want[0]);
	if (!p)
		return err ? err->code : SIFT_E_HEADER_VALUE;
	p = sift__skip_sws(p, end);
	if (p != end)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "sec-mechanism");
	if (out->has_d_ver) {
		/* without the quotes */
		out->d_ver.off++;
		out->d_ver.len -= 2;
	}
	if (out->has_q) {
		/* qvalue: "0" [ "." 0*3DIGIT ] / "1" [ "." 0*3("0") ] */
		const char *q = buf + out->q.off, *q_end = q + out->q.len;
		unsigned thousandths = (unsigned)(*q - '0') * 1000, scale = 100;
		for (q += 2; q < q_end; q++, scale /= 10)
			thousandths += (unsigned)(*q - '0') * scale;
		out->q_thousandths = (uint16_t)thousandths;
	}
	return SIFT_OK;
}
