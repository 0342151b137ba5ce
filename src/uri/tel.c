/*
 * src/uri/tel.c - the parts of a tel URI's telephone-subscriber (RFC 3966 3).
 *
 *   telephone-subscriber = global-number / local-number
 *   global-number        = global-number-digits *par
 *   local-number         = local-number-digits *par context *par
 *   par                  = parameter / extension / isdn-subaddress
 *
 * The grammar's generic "parameter" (";" pname ["=" pvalue]) also matches
 * ";ext=abc" or ";phone-context=x_y", so the URI parser, which checks the
 * grammar, lets them through. Here ext, isub and a local number's
 * phone-context are held to their own rules, which is what a caller reading
 * them needs.
 */
#include "uri/internal.h"

typedef enum tel_param { T_OTHER, T_EXT, T_ISUB, T_CONTEXT } tel_param;

static tel_param tel_param_kind(const char *name, const char *end)
{
	size_t len = (size_t)(end - name);
	/* RFC 3966 3: the par names are ABNF strings, case-insensitive. */
	if (sift__equal_nocase(name, len, "ext"))
		return T_EXT;
	if (sift__equal_nocase(name, len, "isub"))
		return T_ISUB;
	if (sift__equal_nocase(name, len, "phone-context"))
		return T_CONTEXT;
	return T_OTHER;
}

sift_code sift_tel_parse(const char *buf, sift_span subscriber, unsigned options, sift_tel *out,
			 sift_error *err)
{
	static const sift_tel empty;
	(void)options; /* no option changes the RFC 3966 grammar */
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	const char *p = buf + subscriber.off, *end = p + subscriber.len;
	/* A whole telephone-uri = "tel:" telephone-subscriber is taken too; no
	 * subscriber starts with "tel:" ('t' is not a phonedigit-hex). */
	if (end - p >= 4 && sift__equal_nocase(p, 3, "tel") && p[3] == ':')
		p += 4;

	const char *number_end;
	if (p < end && *p == '+') {
		number_end = sift__match_global_number_digits(p, end);
		if (!number_end)
			return sift__fail(err, SIFT_E_URI, buf, p, "global-number-digits");
		out->is_global = 1;
	} else {
		number_end = sift__match_local_number_digits(p, end);
		if (!number_end)
			return sift__fail(err, SIFT_E_URI, buf, p, "local-number-digits");
	}
	out->number = sift__span(buf, p, number_end);
	p = number_end;
	out->params = p < end ? sift__span(buf, p + 1, end) : sift__span(buf, end, end);

	while (p < end) {
		if (*p != ';')
			return sift__fail(err, SIFT_E_URI, buf, p, "par");
		const char *name = p + 1, *name_end = sift__match_tel_pname(name, end);
		if (!name_end)
			return sift__fail(err, SIFT_E_URI, buf, name, "pname");
		tel_param kind = tel_param_kind(name, name_end);
		/* RFC 3966 5.1.4-5.1.5: phone-context qualifies local numbers; on
		 * a global number it can only be read as an ordinary parameter. */
		if (kind == T_CONTEXT && out->is_global)
			kind = T_OTHER;
		const char *value = name_end, *value_end = name_end;
		int has_value = value < end && *value == '=';
		if (has_value)
			value++;
		switch (kind) {
		case T_EXT: /* extension = ";ext=" 1*phonedigit */
			if (!has_value)
				return sift__fail(err, SIFT_E_URI, buf, name_end, "extension");
			value_end = sift__match_phonedigits(value, end);
			if (!out->has_ext) {
				out->ext = sift__span(buf, value, value_end);
				out->has_ext = 1;
			}
			break;
		case T_ISUB: { /* isdn-subaddress = ";isub=" 1*uric */
			if (!has_value)
				return sift__fail(err, SIFT_E_URI, buf, name_end, "isdn-subaddress");
			/* uric holds ';', but every par starts with one: the
			 * subaddress ends at the first. */
			const char *stop = sift__match_tel_urics(value, end);
			value_end = value;
			while (stop && value_end < stop && *value_end != ';')
				value_end++;
			if (value_end == value)
				return sift__fail(err, SIFT_E_URI, buf, value, "isdn-subaddress");
			if (!out->has_isub) {
				out->isub = sift__span(buf, value, value_end);
				out->has_isub = 1;
			}
			break;
		}
		case T_CONTEXT: /* context = ";phone-context=" descriptor */
			if (!has_value)
				return sift__fail(err, SIFT_E_URI, buf, name_end, "context");
			value_end = sift__match_tel_descriptor(value, end);
			if (!value_end)
				return sift__fail(err, SIFT_E_URI, buf, value, "descriptor");
			if (!out->has_phone_context) {
				out->phone_context = sift__span(buf, value, value_end);
				out->context_is_number = *value == '+';
				out->has_phone_context = 1;
			}
			break;
		case T_OTHER: /* parameter = ";" pname ["=" pvalue ] */
			if (has_value) {
				value_end = sift__match_tel_pvalue(value, end);
				if (!value_end)
					return sift__fail(err, SIFT_E_URI, buf, value, "pvalue");
			}
			break;
		}
		p = value_end;
		if (p < end && *p != ';') {
			static const char *const rules[] = { "par", "extension", "isdn-subaddress",
							     "descriptor" };
			const char *rule = kind == T_OTHER && has_value ? "pvalue" : rules[kind];
			return sift__fail(err, SIFT_E_URI, buf, p, rule);
		}
	}
	if (!out->is_global && !out->has_phone_context)
		return sift__fail(err, SIFT_E_URI, buf, end, "context");
	return SIFT_OK;
}
