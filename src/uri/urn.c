/*
 * src/uri/urn.c - URNs (RFC 8141 2) and the "alert" URNs of Alert-Info
 * (RFC 7462 7, 9.2.1, 10.2).
 *
 *   namestring    = assigned-name [ rq-components ] [ "#" f-component ]
 *   assigned-name = "urn" ":" NID ":" NSS
 *   rq-components = [ "?+" r-component ] [ "?=" q-component ]
 */
#include <string.h>
#include "uri/internal.h"

sift_code sift_urn_parse(const char *buf, sift_span uri, unsigned options, sift_urn *out,
			 sift_error *err)
{
	static const sift_urn empty;
	(void)options; /* no option changes the RFC 8141 grammar */
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	const char *p = buf + uri.off, *end = p + uri.len;
	/* "urn" is an ABNF string: case-insensitive (RFC 8141 3.1 item 1). */
	for (int i = 0; i < 4; i++)
		if (p + i >= end || sift__lower((unsigned char)p[i]) != (unsigned char)"urn:"[i])
			return sift__fail(err, SIFT_E_URI, buf, p + i, "namestring");
	p += 4;
	const char *nid_end = sift__match_urn_nid(p, end);
	if (!nid_end)
		return sift__fail(err, SIFT_E_URI, buf, p, "NID");
	/* The longest NID match stops before a 33rd character or a final '-'. */
	if (nid_end >= end || *nid_end != ':')
		return sift__fail(err, SIFT_E_URI, buf, nid_end, "NID");
	out->nid = sift__span(buf, p, nid_end);
	p = nid_end + 1;
	const char *nss_end = sift__match_urn_nss(p, end);
	if (!nss_end)
		return sift__fail(err, SIFT_E_URI, buf, p, "NSS");
	out->nss = sift__span(buf, p, nss_end);
	p = nss_end;
	/* RFC 8141 2.3.1: the r-component ends at "?=" (a q-component) or
	 * "#"; r-component's own characters include "?" and "=", so the
	 * longest match is cut at the first "?=". */
	if (end - p >= 2 && p[0] == '?' && p[1] == '+') {
		const char *r = p + 2, *r_end = sift__match_urn_component(r, end);
		if (!r_end)
			return sift__fail(err, SIFT_E_URI, buf, r, "r-component");
		for (const char *q = r; q + 1 < r_end; q++)
			if (q[0] == '?' && q[1] == '=') {
				r_end = q;
				break;
			}
		if (r_end == r)
			return sift__fail(err, SIFT_E_URI, buf, r, "r-component");
		out->r_component = sift__span(buf, r, r_end);
		out->has_r = 1;
		p = r_end;
	}
	if (end - p >= 2 && p[0] == '?' && p[1] == '=') {
		const char *q = p + 2, *q_end = sift__match_urn_component(q, end);
		if (!q_end)
			return sift__fail(err, SIFT_E_URI, buf, q, "q-component");
		out->q_component = sift__span(buf, q, q_end);
		out->has_q = 1;
		p = q_end;
	}
	if (p < end && *p == '#') {
		const char *f_end = sift__match_urn_fragment(p + 1, end);
		out->f_component = sift__span(buf, p + 1, f_end);
		out->has_f = 1;
		p = f_end;
	}
	if (p != end)
		return sift__fail(err, SIFT_E_URI, buf, p, "namestring");
	return SIFT_OK;
}

/* --- RFC 7462 alert URNs -------------------------------------------------- */

/* One alert-name between colons: alert-label or private-name. */
typedef struct alert_part {
	const char *start, *end;
	int is_private;
} alert_part;

/* RFC 7462 7: "<alert-label>s MUST comply with the syntax for Non-Reserved
 * LDH labels [RFC5890]": at most 63 characters (a DNS label), and no "--"
 * in the third and fourth positions (those are reserved, "xn--"). */
static int is_nr_ldh(const char *p, const char *end)
{
	size_t len = (size_t)(end - p);
	return len <= 63 && !(len >= 4 && p[2] == '-' && p[3] == '-');
}

/* Registered names compare case-insensitively (RFC 7462 9.2); strict
 * mode wants them as registered, in lower case (RFC 7462 7). */
static int is_name(const alert_part *part, const char *name, int strict)
{
	size_t len = (size_t)(part->end - part->start);
	if (strict)
		return strlen(name) == len && memcmp(part->start, name, len) == 0;
	return sift__equal_nocase(part->start, len, name);
}

/* The registry of RFC 7462 9.2.1: each category with its first-level
 * indications; "recall" and "country" take one more part. */
static const struct alert_category {
	const char *name;
	const char *indications[6];
} alert_registry[] = {
	{ "service", { "normal", "call-waiting", "forward", "recall", NULL } },
	{ "source", { "unclassified", "internal", "external", "friend", "family", NULL } },
	{ "priority", { "normal", "low", "high", NULL } },
	{ "duration", { "normal", "short", "long", NULL } },
	{ "delay", { "none", "yes", NULL } },
	{ "locale", { "default", "country", NULL } },
};

static const char *const recall_reasons[] = { "callback", "hold", "transfer", NULL };

static int in_list(const alert_part *part, const char *const *names, int strict)
{
	for (; *names; names++)
		if (is_name(part, *names, strict))
			return 1;
	return 0;
}

/* ISO 3166-1 alpha-2: two letters (RFC 7462 8.2.6, "country:za"). */
static int is_country_code(const alert_part *part)
{
	return part->end - part->start == 2 && !part->is_private &&
	       ((part->start[0] | 32) >= 'a' && (part->start[0] | 32) <= 'z') &&
	       ((part->start[1] | 32) >= 'a' && (part->start[1] | 32) <= 'z');
}

#define ALERT_MAX_PARTS 64

sift_code sift_alert_urn_check(const char *buf, sift_span uri, unsigned options,
			       sift_alert_urn *out, sift_error *err)
{
	static const sift_alert_urn empty;
	if (!buf)
		return SIFT_E_ARGUMENT;
	sift_alert_urn result = empty;
	int strict = (options & SIFT_OPT_STRICT) != 0;
	const char *p = buf + uri.off, *end = p + uri.len;
	static const char prefix[] = "urn:alert:";
	/* alert-URN = "urn:alert:" alert-identifier; an ABNF string, so any
	 * case (RFC 8141 3.1 also folds "urn" and the NID). */
	for (size_t i = 0; i < sizeof prefix - 1; i++)
		if (p + i >= end || sift__lower((unsigned char)p[i]) != (unsigned char)prefix[i])
			return sift__fail(err, SIFT_E_URI, buf, p + i, "alert-URN");
	p += sizeof prefix - 1;

	/* alert-identifier = alert-category ":" alert-indication;
	 * alert-indication = alert-ind-part *(":" alert-ind-part) */
	alert_part parts[ALERT_MAX_PARTS];
	int count = 0;
	for (;;) {
		const char *rule = count == 0 ? "alert-category" : "alert-ind-part";
		const char *label_end = sift__match_alert_label(p, end);
		if (!label_end)
			return sift__fail(err, SIFT_E_URI, buf, p, rule);
		if (!is_nr_ldh(p, label_end))
			return sift__fail(err, SIFT_E_URI, buf, p, "alert-label");
		alert_part part = { p, label_end, 0 };
		if (label_end < end && *label_end == '@') {
			/* private-name = alert-label "@" provider */
			const char *provider = label_end + 1;
			const char *provider_end = sift__match_alert_label(provider, end);
			if (!provider_end || !is_nr_ldh(provider, provider_end))
				return sift__fail(err, SIFT_E_URI, buf, provider, "provider");
			part.end = provider_end;
			part.is_private = 1;
		}
		if (count == ALERT_MAX_PARTS)
			return sift__fail(err, SIFT_E_URI, buf, p, rule);
		parts[count++] = part;
		p = part.end;
		if (p == end)
			break;
		if (*p != ':')
			return sift__fail(err, SIFT_E_URI, buf, p, "alert-label");
		p++;
	}
	if (count < 2)
		return sift__fail(err, SIFT_E_URI, buf, end, "alert-indication");
	result.category = sift__span(buf, parts[0].start, parts[0].end);
	result.indication = sift__span(buf, parts[1].start, end);
	for (int i = 0; i < count; i++)
		if (parts[i].is_private) {
			result.is_private = 1;
			result.private_part = sift__span(buf, parts[i].start, end);
			break;
		}

	/* The parts are the caller's from here, registered or not. */
	if (out)
		*out = result;

	/* The registry, up to the first private-name (RFC 7462 10.2: what
	 * follows one is defined by its provider). */
	int at = 0;
	if (!parts[0].is_private) {
		const struct alert_category *category = NULL;
		for (size_t i = 0; i < sizeof alert_registry / sizeof alert_registry[0]; i++)
			if (is_name(&parts[0], alert_registry[i].name, strict))
				category = &alert_registry[i];
		if (!category)
			return sift__fail(err, SIFT_E_NOT_FOUND, buf, parts[0].start, "alert-category");
		at = 1;
		const alert_part *first = &parts[1];
		if (!first->is_private) {
			if (!in_list(first, category->indications, strict))
				return sift__fail(err, SIFT_E_NOT_FOUND, buf, first->start,
						  "alert-indication");
			at = 2;
			/* service:recall:<reason> and locale:country:<code> */
			int recall = is_name(first, "recall", strict);
			int country = is_name(first, "country", strict);
			if (recall || country) {
				if (count < 3)
					return sift__fail(err, SIFT_E_NOT_FOUND, buf, first->start,
							  "alert-indication");
				const alert_part *second = &parts[2];
				if (!second->is_private) {
					if (recall ? !in_list(second, recall_reasons, strict)
						   : !is_country_code(second))
						return sift__fail(err, SIFT_E_NOT_FOUND, buf,
								  second->start, "alert-indication");
					at = 3;
				}
			}
			/* A standard identifier is refined only by a private-name
			 * (RFC 7462 10.2); a further plain label is unregistered. */
			if (at < count && !parts[at].is_private)
				return sift__fail(err, SIFT_E_NOT_FOUND, buf, parts[at].start,
						  "alert-indication");
		}
	}
	return SIFT_OK;
}
