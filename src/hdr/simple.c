/*
 * src/hdr/simple.c - the single-rule headers of full validation: CSeq,
 * Call-ID, numbers (Max-Forwards, Content-Length), Content-Type, Date.
 */
#include <string.h>
#include "hdr/internal.h"

/* The value must be exactly one match of `matcher`, LWS around it aside. */
static const char *trimmed(const char *buf, sift_span value, const char **end)
{
	const char *p = buf + value.off;
	*end = p + value.len;
	return sift__skip_sws(p, *end);
}

/* CSeq, with the method's registry id looked up only when lookup is set
 * (full validation does not read it). */
static sift_code cseq_parse(const char *buf, sift_span value, sift_cseq *out, sift_error *err,
			    int lookup)
{
	static const sift_cseq empty;
	const char *end, *p = trimmed(buf, value, &end), *q;
	*out = empty;
	/* CSeq = "CSeq" HCOLON 1*DIGIT LWS Method, the number read in the
	 * same pass: RFC 3261 8.1.1.5, a 32-bit unsigned integer (RFC 4475
	 * 3.1.2.4). */
	uint64_t number;
	q = sift__digits_value(p, end, UINT32_MAX, &number);
	if (q == p)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "CSeq");
	if (number > UINT32_MAX)
		return sift__fail(err, SIFT_E_NUMBER_RANGE, buf, p, "CSeq");
	out->number = (uint32_t)number;
	/* LWS = [*WSP CRLF] 1*WSP: one SP before a byte that is neither WSP nor
	 * a line end is the whole of it (the usual "1 INVITE"); the rest goes
	 * to the LWS matcher. */
	if (end - q >= 2 && q[0] == ' ' && q[1] != ' ' && q[1] != '\t' && q[1] != '\r' &&
	    q[1] != '\n')
		p = q + 1;
	else if (!(p = sift__match_lws(q, end)))
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, q, "LWS");
	/* Every registered method name is a token (RFC 3261 25 Method): when
	 * the rest of the value is one, the lookup proves the token too, and
	 * the token's DFA is left out. */
	unsigned method_id = lookup ? sift__match_method(p, (size_t)(end - p)) : 0;
	if (method_id) {
		q = end;
	} else if (!(q = sift__match_token_bv(p, end))) {
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "Method");
	} else if (lookup) {
		method_id = sift__match_method(p, (size_t)(q - p));
	}
	out->method = sift__span(buf, p, q);
	out->method_id = (uint16_t)method_id;
	if (sift__skip_sws(q, end) != end)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, q, "CSeq");
	return SIFT_OK;
}

sift_code sift__cseq_parse_general(const char *buf, sift_span value, sift_cseq *out,
				   sift_error *err)
{
	return cseq_parse(buf, value, out, err, 1);
}

sift_code sift_cseq_parse(const char *buf, sift_span value, unsigned options, sift_cseq *out,
			  sift_error *err)
{
	static const sift_cseq empty;
	(void)options;
	if (!out)
		return SIFT_E_ARGUMENT;
	/* The index takes the LWS around the value away (RFC 3261 7.3.1), and
	 * nearly every CSeq is then at most 10 digits, one SP and a registered
	 * method to the end ("314159 INVITE"): the number's run, the SP and
	 * the lookup (which proves the token) give the general path's result
	 * without its SWS and LWS matching or its frame. Everything else, and
	 * so every error, is cseq_parse's; test_validate holds the two alike. */
	const char *p = buf + value.off, *end = p + value.len;
	uint64_t number;
	const char *q = sift__digits_run(p, end, &number);
	if (q > p && number <= UINT32_MAX && end - q >= 2 && *q == ' ') {
		/* The method as the word of the 8 bytes that end the value
		 * (value.off + value.len >= 8: they are in the buffer), its
		 * bytes moved down; longer ones by the registry's DFA. */
		size_t length = (size_t)(end - q - 1);
		unsigned method_id = 0;
		if (length <= 8 && end - buf >= 8) {
			uint64_t word;
			memcpy(&word, end - 8, 8);
			method_id = sift__method_of_word(word >> (8 * (8 - length)), q + 1, length);
		}
		if (!method_id)
			method_id = sift__match_method(q + 1, length);
		if (method_id) {
			*out = empty;
			out->number = (uint32_t)number;
			out->method = sift__span(buf, q + 1, end);
			out->method_id = (uint16_t)method_id;
			return SIFT_OK;
		}
	}
	return cseq_parse(buf, value, out, err, 1);
}

sift_code sift__cseq_check(const char *buf, sift_span value, sift_error *err)
{
	sift_cseq cseq;
	return cseq_parse(buf, value, &cseq, err, 0);
}

sift_code sift_callid_parse(const char *buf, sift_span value, unsigned options, sift_callid *out,
			    sift_error *err)
{
	const char *end, *p = trimmed(buf, value, &end);
	(void)options;
	const char *q = sift__match_callid_fast(p, end);
	if (!q)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "callid");
	if (sift__skip_sws(q, end) != end)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, q, "callid");
	if (out) {
		/* word cannot hold '@' (RFC 3261 25), so the first one splits. */
		const char *at = memchr(p, '@', (size_t)(q - p));
		out->id = sift__span(buf, p, q);
		out->local = sift__span(buf, p, at ? at : q);
		out->host = at ? sift__span(buf, at + 1, q) : sift__span(buf, q, q);
		out->has_host = at != NULL;
	}
	return SIFT_OK;
}

/* sift_uint_parse() for every value but the common one: SWS around the
 * digits, every error. Kept apart so that the common one needs no frame. */
sift_code sift__uint_parse_general(const char *buf, sift_span value, uint32_t max, uint32_t *out,
				   sift_error *err)
{
	const char *end, *p = trimmed(buf, value, &end);
	/* 1*DIGIT, its value read in the same pass: the range is checked only
	 * once the grammar holds, so "300x" is a value error, not a range one. */
	uint64_t number;
	const char *q = sift__digits_value(p, end, max, &number);
	if (q == p)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "1*DIGIT");
	if (sift__skip_sws(q, end) != end)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, q, "1*DIGIT");
	if (number > max)
		return sift__fail(err, SIFT_E_NUMBER_RANGE, buf, p, "1*DIGIT");
	if (out)
		*out = (uint32_t)number;
	return SIFT_OK;
}

sift_code sift_uint_parse(const char *buf, sift_span value, uint32_t max, uint32_t *out,
			  sift_error *err)
{
	/* The message index takes the LWS around a value away (RFC 3261 7.3.1),
	 * so Max-Forwards and Content-Length (RFC 3261 20.22, 20.14) are most
	 * often 1*DIGIT alone, in range: that verdict needs no SWS and no
	 * error path. test_fields holds it to the rules and fuzz_fields to
	 * the general path, which has everything else. */
	const char *p = buf + value.off, *end = p + value.len;
	uint64_t number;
	if (value.len && sift__digits_value(p, end, max, &number) == end && number <= max) {
		if (out)
			*out = (uint32_t)number;
		return SIFT_OK;
	}
	return sift__uint_parse_general(buf, value, max, out, err);
}

/* Content-Type for full validation: the verdict of sift_media_type_parse()
 * is the media-type DFA's. Once it matched, the walk that fills the spans
 * cannot fail: m-parameter = m-attribute EQUAL m-value (token /
 * quoted-string) is a generic-param. */
sift_code sift__media_type_check(const char *buf, sift_span value, sift_error *err)
{
	const char *end, *p = trimmed(buf, value, &end);
	const char *stop = sift__match_media_type_fast(p, end);
	if (!stop || sift__skip_sws(stop, end) != end) {
		const char *q = sift__match_token_bv(p, end);
		const char *rule = !q ? "m-type" : "media-type";
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, stop ? stop : (q ? q : p), rule);
	}
	return SIFT_OK;
}

sift_code sift_media_type_parse(const char *buf, sift_span value, unsigned options,
				sift_media_type *out, sift_error *err)
{
	static const sift_media_type empty;
	const char *end, *p = trimmed(buf, value, &end);
	(void)options;
	if (!out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	const char *stop = sift__match_media_type_fast(p, end);
	if (!stop || sift__skip_sws(stop, end) != end) {
		/* Say where: the type, the slash, the subtype or a parameter. */
		const char *q = sift__match_token_bv(p, end);
		const char *rule = !q ? "m-type" : "media-type";
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, stop ? stop : (q ? q : p), rule);
	}
	const char *q = sift__match_token_bv(p, end);
	out->type = sift__span(buf, p, q);
	p = sift__skip_sws(q, end);
	p = sift__skip_sws(p + 1, end); /* the SLASH the match proved is there */
	q = sift__match_token_bv(p, end);
	out->subtype = sift__span(buf, p, q);
	const char *after = sift__parse_header_params(buf, q, stop, &out->params, err, "m-parameter");
	if (!after)
		return err ? err->code : SIFT_E_HEADER_VALUE;
	return SIFT_OK;
}

static unsigned two_digits(const char *p)
{
	return (unsigned)(p[0] - '0') * 10u + (unsigned)(p[1] - '0');
}

/* Index + 1 of the three letters at p in names, or 0. RFC 3261 25 writes
 * wkday and month as quoted strings, which ABNF matches case-insensitively
 * (RFC 5234 2.3), so "sat" is Saturday. */
static uint8_t name_index(const char *p, const char *const *names, uint8_t count)
{
	for (uint8_t i = 0; i < count; i++)
		if (sift__equal_nocase(p, 3, names[i]))
			return (uint8_t)(i + 1);
	return 0;
}

static const char *const weekdays[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
				      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

sift_code sift_date_parse(const char *buf, sift_span value, unsigned options, sift_date *out,
			  sift_error *err)
{
	const char *end, *p = trimmed(buf, value, &end);
	(void)options;
	const char *q = sift__match_rfc1123_date(p, end);
	if (!q || sift__skip_sws(q, end) != end) {
		/* RFC 3261 20.17: the time zone must be "GMT" (RFC 4475 3.1.2.12). */
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, q ? q : p, "rfc1123-date");
	}
	if (out) {
		/* The matcher fixed every field's place: "Sat, 13 Nov 2010 23:29:00 GMT" */
		out->weekday = name_index(p, weekdays, 7);
		out->day = (uint8_t)two_digits(p + 5);
		out->month = name_index(p + 8, months, 12);
		out->year = (uint16_t)(two_digits(p + 12) * 100u + two_digits(p + 14));
		out->hour = (uint8_t)two_digits(p + 17);
		out->minute = (uint8_t)two_digits(p + 20);
		out->second = (uint8_t)two_digits(p + 23);
	}
	return SIFT_OK;
}
