/*
 * src/check/internal.h - what the rule groups share: the state of one check
 * run and the one way to report. Each group of rules (one RFC or one family)
 * lives in its own src/check/rules_<group>.c with one entry point,
 * sift__check_<group>(), called from sift_check_message() in check.c.
 */
#ifndef SIPSIFT_CHECK_INTERNAL_H
#define SIPSIFT_CHECK_INTERNAL_H

#include "sipsift/check.h"
#include "sipsift/hdr.h"
#include "sipsift/auth.h"

/* What a header value was parsed as (sift__check_parsed). */
typedef enum sift__parse_kind {
	SIFT__PARSE_ADDR,        /* sift_addr_parse */
	SIFT__PARSE_VIA,         /* sift_via_parse */
	SIFT__PARSE_CSEQ,        /* sift_cseq_parse */
	SIFT__PARSE_CHALLENGE,   /* sift_challenge_parse */
	SIFT__PARSE_CREDENTIALS  /* sift_credentials_parse */
} sift__parse_kind;

/* One typed parse of one header value, kept for the rest of the message. */
typedef struct sift__parsed {
	uint32_t header;         /* index into msg->headers */
	unsigned kind;           /* sift__parse_kind */
	unsigned options;
	sift_code code;
	sift_error err;          /* as the parse left { SIFT_OK, 0, NULL, header id } */
	union {
		sift_addr addr;
		sift_via via;
		sift_cseq cseq;
		sift_auth auth;
	} value;
} sift__parsed;

/* Values kept per message: the address headers, the top Via, CSeq and the
 * auth headers of a usual message fit; past it values are parsed again. */
#define SIFT__PARSED_MAX 16

/* Full validation parses From, To, Contact, Via... once per message, and
 * the tracker and the rules read them again (the tag, the URI, the
 * parameters): the parses are kept here, by header, kind and options, so
 * each is done once. Not zeroed: count says what is set. */
typedef struct sift__memo {
	const char *buf;
	const sift_msg *msg;
	unsigned count;
	sift__parsed parsed[SIFT__PARSED_MAX];
} sift__memo;

/* Prepares an empty memo for one message. */
void sift__memo_init(sift__memo *memo, const char *buf, const sift_msg *msg);

/* Header i's value parsed as `kind` with `options` into *out (a sift_addr,
 * sift_via, sift_cseq or sift_auth; NULL when only the verdict and err are
 * wanted), exactly as the parser would, but once
 * per message: a second call with the same header, kind and options copies
 * the first one's result. err (may be NULL) receives what the parse left in
 * an error initialised to { SIFT_OK, 0, NULL, the header's id }. */
sift_code sift__memo_parse(sift__memo *memo, uint32_t i, sift__parse_kind kind, unsigned options,
			   void *out, sift_error *err);

typedef struct sift__checker {
	const sift_check_config *config;
	const char *buf;
	size_t len;
	const sift_msg *msg;
	sift_diagnostic_fn callback;
	void *context;
	unsigned count;
	sift__memo *memo; /* behind a pointer: rules taking a const checker fill it too */
} sift__checker;

/* sift__memo_parse() on the checker's memo. */
sift_code sift__check_parsed(const sift__checker *c, uint32_t i, sift__parse_kind kind, unsigned options,
			     void *out, sift_error *err);

/* sift_tracker_message() reading the message's values through memo. */
int sift__tracker_message(sift_tracker *tracker, const char *buf, const sift_msg *msg,
			  const sift_packet_info *info, sift_diagnostic_fn callback, void *context,
			  sift__memo *memo);

/* Reports one diagnostic of `rule` at [offset, offset+length) unless the rule
 * is disabled; format (printf style, may be NULL) fills the detail text. */
#if defined(__GNUC__)
__attribute__((format(printf, 5, 6)))
#endif
void sift__report(sift__checker *c, sift_rule_id rule, uint32_t offset, uint32_t length,
		  const char *format, ...);

/* The first header with this id, or NULL. */
const sift_header *sift__check_first(const sift__checker *c, sift_header_id id);

/* Whether the message is a request with this method id. */
int sift__check_is_method(const sift__checker *c, unsigned method_id);

/* Rule groups, one per src/check/rules_<group>.c. */
void sift__check_auth(sift__checker *c); /* RFC 8760, RFC 8898 */
/* Rules of the generic and message-body header fields (RFC 3261 20, 21;
 * RFC 5621; RFC 8262), src/check/rules_fields.c. */
void sift__check_fields(sift__checker *c);
/* Address header rules: RFC 8217, RFC 5626 (src/check/rules_addr.c). */
void sift__check_addr(sift__checker *c);
/* RFC 5630 SIPS and RFC 5954 IPv6 reference rules (src/check/rules_sips.c). */
void sift__check_sips(sift__checker *c);
/* Rule groups, each in src/check/rules_<group>.c. */
void sift__check_event(sift__checker *c); /* RFC 6665, 6446, 7621, 5367 */
/* Session and dialog family rules (src/check/rules_session.c): RFC 5393,
 * 4916, 6878, 7462, 7463. */
void sift__check_session(sift__checker *c);
/* Message-body rules (src/check/rules_body.c): RFC 5621, 2046 5.1, 8262,
 * 5751, 8591. */
void sift__check_body(sift__checker *c);

#endif
