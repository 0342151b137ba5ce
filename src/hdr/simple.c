/*
 * src/hdr/simple.c - the single-rule headers of full validation: CSeq,
 * Call-ID, numbers (Max-Forwards, Content-Length), Content-Type, Date.
 */
#include "hdr/internal.h"

/* The value must be exactly one match of `matcher`, LWS around it aside. */
static const char *trimmed(const char *buf, sift_span value, const char **end)
{
	const char *p = buf + value.off;
	*end = p + value.len;
	return sift__skip_sws(p, *end);
}

sift_code sift_cseq_parse(const char *buf, sift_span value, unsigned options, sift_cseq *out,
			  sift_error *err)
{
	static const sift_cseq empty;
	const char *end, *p = trimmed(buf, value, &end), *q;
	(void)options;
	if (!out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	/* CSeq = "CSeq" HCOLON 1*DIGIT LWS Method */
	if (!(q = sift__match_digits(p, end)))
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "CSeq");
	/* RFC 3261 8.1.1.5: a 32-bit unsigned integer (RFC 4475 3.1.2.4) */
	if (!sift__parse_uint(p, q, UINT32_MAX, &out->number))
		return sift__fail(err, SIFT_E_NUMBER_RANGE, buf, p, "CSeq");
	if (!(p = sift__match_lws(q, end)))
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, q, "LWS");
	if (!(q = sift__match_token(p, end)))
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "Method");
	out->method = sift__span(buf, p, q);
	out->method_id = (uint16_t)sift__match_method(p, (size_t)(q - p));
	if (sift__skip_sws(q, end) != end)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, q, "CSeq");
	return SIFT_OK;
}

sift_code sift_callid_parse(const char *buf, sift_span value, unsigned options, sift_error *err)
{
	const char *end, *p = trimmed(buf, value, &end);
	(void)options;
	const char *q = sift__match_callid(p, end);
	if (!q)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, p, "callid");
	if (sift__skip_sws(q, end) != end)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, q, "callid");
	return SIFT_OK;
}

sift_code sift_uint_parse(const char *buf, sift_span value, uint32_t max, uint32_t *out,
			  sift_error *err)
{
	const char *end, *p = trimmed(buf, value, &end);
	const char *q = sift__match_digits(p, end);
	uint32_t number;
	if (!q || sift__skip_sws(q, end) != end)
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, q ? q : p, "1*DIGIT");
	if (!sift__parse_uint(p, q, max, &number))
		return sift__fail(err, SIFT_E_NUMBER_RANGE, buf, p, "1*DIGIT");
	if (out)
		*out = number;
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
	const char *stop = sift__match_media_type(p, end);
	if (!stop || sift__skip_sws(stop, end) != end) {
		/* Say where: the type, the slash, the subtype or a parameter. */
		const char *q = sift__match_token(p, end);
		const char *rule = !q ? "m-type" : "media-type";
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, stop ? stop : (q ? q : p), rule);
	}
	const char *q = sift__match_token(p, end);
	out->type = sift__span(buf, p, q);
	p = sift__skip_sws(q, end);
	p = sift__skip_sws(p + 1, end); /* the SLASH the match proved is there */
	q = sift__match_token(p, end);
	out->subtype = sift__span(buf, p, q);
	const char *after = sift__parse_header_params(buf, q, stop, &out->params, err, "m-parameter");
	if (!after)
		return err ? err->code : SIFT_E_HEADER_VALUE;
	return SIFT_OK;
}

sift_code sift_date_parse(const char *buf, sift_span value, unsigned options, sift_error *err)
{
	const char *end, *p = trimmed(buf, value, &end);
	(void)options;
	const char *q = sift__match_rfc1123_date(p, end);
	if (!q || sift__skip_sws(q, end) != end) {
		/* RFC 3261 20.17: the time zone must be "GMT" (RFC 4475 3.1.2.12). */
		return sift__fail(err, SIFT_E_HEADER_VALUE, buf, q ? q : p, "rfc1123-date");
	}
	return SIFT_OK;
}
