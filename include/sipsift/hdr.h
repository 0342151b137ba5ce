/*
 * sipsift/hdr.h - typed parsers for header values.
 *
 * Each parser takes one header value (an index entry's value span, one
 * element of a list) and fills a struct of spans into the same buffer. No
 * allocation, no copy. On failure it returns the code and fills err with the
 * offset and the ABNF rule (RFC 3261 25) that failed; err may be NULL.
 * Options: SIFT_OPT_STRICT (msg.h) makes the parsers reject what RFC 4475
 * lets a liberal receiver accept (spaces inside <>, '?' in an addr-spec).
 */
#ifndef SIPSIFT_HDR_H
#define SIPSIFT_HDR_H

#include "sipsift/span.h"
#include "sipsift/headers.h"
#include "sipsift/uri.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Via: one via-parm (RFC 3261 20.42, 25). */
typedef struct sift_via {
	sift_span protocol_name;    /* "SIP" */
	sift_span protocol_version; /* "2.0" */
	sift_span transport;        /* "UDP", "TCP", "TLS", "SCTP", or another token */
	sift_span host;             /* sent-by host; an IPv6 host includes [ ] */
	sift_host_kind host_kind;
	sift_span port_text;
	uint16_t port;              /* 0 when absent */
	uint8_t has_port;
	uint8_t has_rport;          /* RFC 3581 rport present (with or without value) */
	sift_span params;           /* via-params, from after the first SEMI */
	sift_span branch;           /* branch value; empty when absent */
	sift_span received;         /* received value (RFC 5118 4.5: may hold [ ]) */
	sift_span rport;            /* rport value, when it has one */
	sift_span maddr;
	sift_span ttl;
} sift_via;

SIFT_API sift_code sift_via_parse(const char *buf, sift_span value, unsigned options,
				  sift_via *out, sift_error *err);

/* name-addr / addr-spec with header parameters (RFC 3261 20.10, 20.20,
 * 20.39, 20.30, 20.34): From, To, Contact, Route, Record-Route, Reply-To,
 * Refer-To, P-Asserted-Identity, Path... (sipsift/addr.h has the typed
 * views of Referred-By, Diversion and History-Info built on it). */
typedef struct sift_addr {
	sift_span display;     /* display-name as written (quoted-string keeps its
	                          quotes); empty when absent. A quoted one is
	                          turned into text by sift_display_name_unescape() */
	sift_span uri;         /* inside < >, or the addr-spec */
	sift_span params;      /* header parameters after the address (after SEMI) */
	sift_span tag;         /* tag parameter value; empty when absent */
	uint8_t is_name_addr;  /* written with < > */
	uint8_t is_star;       /* Contact: * (RFC 3261 20.10) */
	uint8_t has_tag;
	uint8_t display_quoted; /* display is a quoted-string (else *(token LWS)) */
	/* Contact parameters, captured and checked only with SIFT_ADDR_CONTACT
	 * (in other headers they are plain generic-params). The last occurrence
	 * wins; every occurrence is checked. */
	uint8_t has_q;         /* c-p-q (RFC 3261 20.10, qvalue of 25) */
	uint8_t has_expires;   /* c-p-expires */
	uint8_t has_instance;  /* +sip.instance (RFC 5626 10, RFC 5627) */
	uint8_t has_reg_id;    /* reg-id (RFC 5626 10) */
	uint16_t q;            /* qvalue in thousandths: "0.7" is 700, "1" is 1000 */
	sift_span q_text;      /* the qvalue as written */
	sift_span expires_text;/* delta-seconds as written */
	uint32_t expires;      /* above 2**32-1 it is 2**32-1 (RFC 3261 10.3:
	                          "MAY treat ... as equivalent"); rejected when strict */
	sift_span instance;    /* the instance-val inside "< >", e.g. urn:uuid:... */
	sift_span reg_id_text; /* reg-id as written */
	uint32_t reg_id;       /* 1 .. 2**31-1 */
} sift_addr;

enum {
	/* sift_addr_parse() flags on top of the SIFT_OPT_* options */
	SIFT_ADDR_NAME_ADDR_ONLY = 1u << 8, /* Route, Record-Route, Path (RFC 3327),
	                                       Service-Route (RFC 3608): name-addr */
	SIFT_ADDR_ALLOW_STAR = 1u << 9,     /* Contact: a lone "*" is allowed */
	SIFT_ADDR_CONTACT = 1u << 10,       /* Contact: q, expires, reg-id and
	                                       +sip.instance are checked and captured */
	SIFT_ADDR_NO_PARAMS = 1u << 11      /* P-Asserted-Identity, P-Preferred-Identity
	                                       (RFC 3325 9.1, 9.2): no header parameters;
	                                       an addr-spec runs to the end of the value */
};

/* Parses an address header value; also parses the URI (sift_uri_parse) and
 * reports its errors. Errors: SIFT_E_HEADER_VALUE (rules "display-name",
 * "quoted-string", "LAQUOT", "RAQUOT", "name-addr", "addr-spec", "STAR",
 * "generic-param", "tag-param", "c-p-q", "c-p-expires", "c-p-reg",
 * "c-p-instance"), SIFT_E_URI, SIFT_E_NUMBER_RANGE ("c-p-expires" above
 * 2**32-1 when strict, "c-p-reg" 0 or from 2**31). */
SIFT_API sift_code sift_addr_parse(const char *buf, sift_span value, unsigned options,
				   sift_addr *out, sift_error *err);

/* CSeq = 1*DIGIT LWS Method (RFC 3261 20.16); number below 2^32 (RFC 3261
 * 8.1.1.5; larger is SIFT_E_NUMBER_RANGE, RFC 4475 3.1.2.4). */
typedef struct sift_cseq {
	uint32_t number;
	sift_span method;
	uint16_t method_id;    /* sift_method_id */
} sift_cseq;

SIFT_API sift_code sift_cseq_parse(const char *buf, sift_span value, unsigned options,
				   sift_cseq *out, sift_error *err);

/* Call-ID: callid = word [ "@" word ] (RFC 3261 20.8). The whole id is
 * what dialogs and transactions compare (byte for byte, RFC 3261 20.8). */
typedef struct sift_callid {
	sift_span id;          /* the callid, without surrounding white space */
	sift_span local;       /* the word before '@' (all of id when no '@') */
	sift_span host;        /* the word after '@'; empty when absent */
	uint8_t has_host;
} sift_callid;

/* out may be NULL (check only). */
SIFT_API sift_code sift_callid_parse(const char *buf, sift_span value, unsigned options,
				     sift_callid *out, sift_error *err);

/* A header whose value is 1*DIGIT (Max-Forwards, Content-Length, Expires,
 * Min-Expires...): the value, at most max, else SIFT_E_NUMBER_RANGE. */
SIFT_API sift_code sift_uint_parse(const char *buf, sift_span value, uint32_t max,
				   uint32_t *out, sift_error *err);

/* Content-Type: media-type = m-type SLASH m-subtype *(SEMI m-parameter). */
typedef struct sift_media_type {
	sift_span type;
	sift_span subtype;
	sift_span params;      /* after the first SEMI; empty when none */
} sift_media_type;

SIFT_API sift_code sift_media_type_parse(const char *buf, sift_span value, unsigned options,
					 sift_media_type *out, sift_error *err);

/* Date: rfc1123-date, GMT only (RFC 3261 20.17, 25):
 *   wkday "," SP 2DIGIT SP month SP 4DIGIT SP 2DIGIT ":" 2DIGIT ":" 2DIGIT SP "GMT"
 * The fields as written; the grammar bounds their digits, not their values,
 * so a day of 99 parses (a range check is the caller's policy). */
typedef struct sift_date {
	uint16_t year;
	uint8_t month;         /* 1 (Jan) .. 12 (Dec) */
	uint8_t day;
	uint8_t hour, minute, second;
	uint8_t weekday;       /* 1 (Mon) .. 7 (Sun) */
} sift_date;

/* out may be NULL (check only). */
SIFT_API sift_code sift_date_parse(const char *buf, sift_span value, unsigned options,
				   sift_date *out, sift_error *err);

/*
 * Runs the typed parser of header `id` on one value (an index entry):
 * every registered header has one (the families of addr.h, auth.h,
 * event.h, session.h, fields.h and this file); SIFT_H_OTHER values are held
 * to the header-value text rule (RFC 3261 25). Date is checked only with
 * SIFT_OPT_STRICT (RFC 4475 3.1.2.12). The message parser uses it; tools
 * use it to re-check a single value.
 */
SIFT_API sift_code sift_header_validate(const char *buf, sift_header_id id, sift_span value,
					unsigned options, sift_error *err);

#ifdef __cplusplus
}
#endif
#endif
