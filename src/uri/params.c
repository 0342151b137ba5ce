/*
 * src/uri/params.c - the SIP and SIPS URI parameters with a meaning
 * (RFC 3261 19.1.1 and 25; RFC 5627 gr; RFC 5626 ob), typed on demand.
 *
 *   uri-parameter = transport-param / user-param / method-param
 *                   / ttl-param / maddr-param / lr-param / other-param
 *
 * other-param = pname [ "=" pvalue ] matches every one of them, so the URI
 * parser lets "ttl=300" and "maddr=%zz" pass as other-params; the checks
 * that the named alternatives make are done here, when a caller asks.
 */
#include "uri/internal.h"

typedef enum known_param {
	P_OTHER,
	P_TRANSPORT,
	P_USER,
	P_METHOD,
	P_MADDR,
	P_TTL,
	P_LR,
	P_GR,
	P_OB
} known_param;

static known_param param_kind(const char *name, const char *end)
{
	static const struct {
		const char *name;
		known_param kind;
	} names[] = {
		{ "transport", P_TRANSPORT }, { "user", P_USER }, { "method", P_METHOD },
		{ "maddr", P_MADDR },         { "ttl", P_TTL },   { "lr", P_LR },
		{ "gr", P_GR },               { "ob", P_OB },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (sift__uri_name_is(name, end, names[i].name))
			return names[i].kind;
	return P_OTHER;
}

/* The whole of [p, end) matches. */
static int whole(sift_matcher match, const char *p, const char *end)
{
	return p < end && match(p, end) == end;
}

/* host as RFC 3261 25 (with RFC 5954's IPv6), or the RFC 3261 IPv6 form
 * that RFC 5118 4.10 asks receivers to tolerate, like the URI host. */
static int is_host(const char *p, const char *end)
{
	return whole(sift__match_host_bv, p, end) || whole(sift__match_ipv6reference_rfc3261, p, end);
}

static sift_host_kind host_kind(const char *p, const char *end)
{
	if (*p == '[')
		return SIFT_HOST_IPV6;
	return sift__match_ipv4address(p, end) == end ? SIFT_HOST_IPV4 : SIFT_HOST_NAME;
}

sift_code sift_uri_params_parse(const char *buf, sift_span params, unsigned options,
				sift_uri_params *out, sift_error *err)
{
	static const sift_uri_params empty;
	if (!buf || !out)
		return SIFT_E_ARGUMENT;
	*out = empty;
	int strict = (options & SIFT_OPT_STRICT) != 0;
	sift_span cursor = params;
	sift_param param;
	while (sift_param_next(buf, &cursor, &param)) {
		const char *name = buf + param.name.off, *name_end = name + param.name.len;
		const char *value = buf + param.value.off, *value_end = value + param.value.len;
		/* Where a missing value should start: after the name. */
		const char *want = param.has_value ? value : name_end;
		int has = param.has_value;
		switch (param_kind(name, name_end)) {
		case P_TRANSPORT:
			/* transport-param = "transport=" ( "udp" / "tcp" / "sctp" /
			 * "tls" / other-transport ); other-transport = token */
			if (!has || !whole(sift__match_token_bv, value, value_end))
				return sift__fail(err, SIFT_E_URI, buf, want, "transport-param");
			if (!out->has_transport) {
				out->transport = param.value;
				out->has_transport = 1;
			}
			break;
		case P_USER:
			/* user-param = "user=" ( "phone" / "ip" / other-user ) */
			if (!has || !whole(sift__match_token_bv, value, value_end))
				return sift__fail(err, SIFT_E_URI, buf, want, "user-param");
			if (!out->has_user) {
				out->user = param.value;
				out->has_user = 1;
			}
			break;
		case P_METHOD:
			/* method-param = "method=" Method; extension-method = token */
			if (!has || !whole(sift__match_token_bv, value, value_end))
				return sift__fail(err, SIFT_E_URI, buf, want, "method-param");
			if (!out->has_method) {
				out->method = param.value;
				out->method_id = (uint16_t)sift_method_lookup(value, param.value.len);
				out->has_method = 1;
			}
			break;
		case P_MADDR:
			/* maddr-param = "maddr=" host */
			if (!has || !is_host(value, value_end))
				return sift__fail(err, SIFT_E_URI, buf, want, "maddr-param");
			if (!out->has_maddr) {
				out->maddr = param.value;
				out->maddr_kind = host_kind(value, value_end);
				out->has_maddr = 1;
			}
			break;
		case P_TTL: {
			/* ttl-param = "ttl=" ttl; ttl = 1*3DIGIT ; 0 to 255 */
			uint32_t ttl;
			if (!has || !whole(sift__match_digits, value, value_end))
				return sift__fail(err, SIFT_E_URI, buf, want, "ttl");
			if (!sift__parse_uint(value, value_end, 255, &ttl))
				return sift__fail(err, SIFT_E_NUMBER_RANGE, buf, value, "ttl");
			if (!whole(sift__match_ttl, value, value_end)) /* "0010": four digits */
				return sift__fail(err, SIFT_E_URI, buf, value + 3, "ttl");
			if (!out->has_ttl) {
				out->ttl_text = param.value;
				out->ttl = (uint8_t)ttl;
				out->has_ttl = 1;
			}
			break;
		}
		case P_LR:
			/* lr-param = "lr". RFC 2543-era stacks send "lr=on"; a liberal
			 * receiver reads it as lr (other-param allows it). */
			if (has && strict)
				return sift__fail(err, SIFT_E_URI, buf, name_end, "lr-param");
			out->has_lr = 1;
			break;
		case P_OB:
			/* RFC 5626 5.4: the "ob" URI parameter has no value. */
			if (has && strict)
				return sift__fail(err, SIFT_E_URI, buf, name_end, "ob-param");
			out->has_ob = 1;
			break;
		case P_GR:
			/* RFC 5627 5.1: gr-param = "gr" [ "=" pvalue ] */
			if (has && !whole(sift__match_pvalue, value, value_end))
				return sift__fail(err, SIFT_E_URI, buf, value, "gr-param");
			if (!out->has_gr) {
				out->gr = has ? param.value : sift__span(buf, name_end, name_end);
				out->has_gr = 1;
			}
			break;
		case P_OTHER:
			break;
		}
	}
	return SIFT_OK;
}
