/* src/hdr/internal.h - helpers shared by the typed header parsers. */
#ifndef SIFT_HDR_INTERNAL_H
#define SIFT_HDR_INTERNAL_H

#include "sipsift/hdr.h"
#include "sipsift/auth.h"
#include "sipsift/msg.h"
#include "grammar/internal.h"

/*
 * Parses *( SEMI generic-param ) from p (RFC 3261 25; via-params,
 * contact-params, from-param... are all generic-param by their ABNF) and
 * returns the end, or NULL with err set. *params receives the span after the
 * first SEMI. rule names the list for the error ("via-params").
 */
const char *sift__parse_header_params(const char *buf, const char *p, const char *end,
				      sift_span *params, sift_error *err, const char *rule);

/* A parameter a parser wants while it validates the list, in the same pass:
 * its value is stored (the last occurrence wins) and, when `valid` is set,
 * every occurrence must pass it or the list fails with `rule`. */
typedef struct sift__param_want {
	const char *name;   /* matched case-insensitively (RFC 3261 7.3.1) */
	const char *rule;   /* ABNF rule named in the error */
	int (*valid)(const char *value, const char *end, int has_value);
	sift_span *value;
	uint8_t *present;
} sift__param_want;

/* The `valid` of a parameter whose value is a token: the list walk knows
 * it by this pointer and skips the second scan of a value it has just
 * matched as a token (src/hdr/params.c). */
int sift__param_is_token(const char *value, const char *end, int has_value);

/* *( SEMI generic-param ) with wanted parameters captured and checked. */
const char *sift__parse_params_want(const char *buf, const char *p, const char *end,
				    sift_span *params, sift_error *err, const char *rule,
				    const sift__param_want *want, size_t want_count);

/* Tells the known names apart while it reads the name token (src/grammar/
 * scan_value.re): *stop = the token's end or NULL, result n = slots[n - 1]. */
typedef unsigned (*sift__param_classifier)(const char *p, const char *end, const char **stop);

/* A wanted parameter that a classifier tells apart: sift__param_want with
 * its value and flag given as offsets into the parser's out struct, so that
 * the table is static const and not built on every call. */
#define SIFT__NO_FIELD 0xFFFFu
typedef struct sift__param_slot {
	const char *rule;   /* ABNF rule named in the error */
	int (*valid)(const char *value, const char *end, int has_value);
	uint16_t value;     /* offsetof the sift_span */
	uint16_t present;   /* offsetof the uint8_t, or SIFT__NO_FIELD */
} sift__param_slot;

/* sift__parse_params_want() where the names that classify knows are
 * slots[0, classified) in its order, filled in the struct at base, and
 * want[0, want_count) are matched by name. */
const char *sift__parse_params_classified(const char *buf, const char *p, const char *end,
					  sift_span *params, sift_error *err, const char *rule,
					  const sift__param_slot *slots, size_t classified,
					  void *base, sift__param_classifier classify,
					  const sift__param_want *want, size_t want_count);

/* The Via parameter names sift__scan_via_param_name tells apart, in the
 * order of the Via slots; 0 for any other name. */
enum {
	SIFT__VIA_BRANCH = 1,
	SIFT__VIA_RECEIVED,
	SIFT__VIA_MADDR,
	SIFT__VIA_TTL,
	SIFT__VIA_RPORT
};

/* sift__scan_via_param_name, with the names nearly every Via carries
 * (branch, received, rport) told first by word compares (src/hdr/params.c). */
unsigned sift__via_param_name(const char *p, const char *end, const char **stop);

/* Full validation's check of one value of header id: what
 * sift_header_validate() runs, here for the message parser to call without
 * the id's range check (src/hdr/validate.c). */
typedef sift_code (*sift__value_check)(const char *buf, sift_header_id id, sift_span value,
				       unsigned options, sift_error *err);

/* Each header's check by id, built from the last column of
 * grammar/headers.def; SIFT_H_OTHER's is the header-value text rule. */
extern const sift__value_check sift__value_checks[SIFT_H_COUNT];

/* sift_addr_flags() (src/hdr/addr_ext.c), inline for full validation,
 * which asks it for every address header value. */
static inline unsigned sift__addr_flags(sift_header_id id)
{
	switch (id) {
	case SIFT_H_CONTACT:
		return SIFT_ADDR_ALLOW_STAR | SIFT_ADDR_CONTACT;
	case SIFT_H_ROUTE:
	case SIFT_H_RECORD_ROUTE:
	case SIFT_H_PATH:          /* RFC 3327 4: path-value = name-addr *( SEMI rr-param ) */
	case SIFT_H_SERVICE_ROUTE: /* RFC 3608 5: sr-value = name-addr *( SEMI rr-param ) */
	case SIFT_H_DIVERSION:     /* RFC 5806 4 */
	case SIFT_H_HISTORY_INFO:  /* RFC 7044 9: hi-targeted-to-uri = name-addr */
		return SIFT_ADDR_NAME_ADDR_ONLY;
	case SIFT_H_P_ASSERTED_IDENTITY:
	case SIFT_H_P_PREFERRED_IDENTITY:
		return SIFT_ADDR_NO_PARAMS;
	default:
		return 0;
	}
}
/* End of sift__addr_flags. */

/* 1 when full validation checks header id's values as plain addresses
 * (the check "addr" of grammar/headers.def: sift_addr_parse() with
 * sift_addr_flags(id), nothing more; src/hdr/validate.c). */
int sift__header_check_is_addr(sift_header_id id);

/* sift_challenge_parse() (which 0), sift_credentials_parse() (1) and
 * sift_auth_info_parse() (2) without their fast path for the common
 * parameter list (src/hdr/auth.c): test_auth and fuzz_auth hold the fast
 * path to it, field by field. */
sift_code sift__auth_parse_general(const char *buf, sift_span value, unsigned options,
				   unsigned which, sift_auth *out, sift_error *err);

/* 1 when sift_challenge_parse() (which 0) or sift_credentials_parse()
 * (which 1) in the default mode (options 0) accepts value, found by a
 * walk that only accepts (src/hdr/auth.c; full validation's verdict,
 * sift__challenge_check(), sift__credentials_check()). 0: no verdict; ask
 * the parser. */
int sift__auth_accept(const char *buf, sift_span value, unsigned which);

/* Full validation of a challenge and of credentials: in the default mode
 * sift__auth_accept()'s walk, then the parser (sift_challenge_parse(),
 * sift_credentials_parse(), the strict option passed on) for what the
 * walk does not accept (src/hdr/auth.c). */
sift_code sift__challenge_check(const char *buf, sift_span value, unsigned options,
				sift_error *err);
sift_code sift__credentials_check(const char *buf, sift_span value, unsigned options,
				  sift_error *err);

/* sift_via_parse() without its fast path for the common via-parm: the
 * whole grammar (src/hdr/via.c). The validate fuzz target holds the fast
 * path to it: the same code and the same sift_via wherever the fast path
 * answers. */
sift_code sift__via_parse_general(const char *buf, sift_span value, unsigned options,
				  sift_via *out, sift_error *err);

/* sift_via_parse()'s code and error alone, for full validation (check_via):
 * its fast path without the stores of a sift_via (src/hdr/via.c). */
sift_code sift__via_check(const char *buf, sift_span value, unsigned options, sift_error *err);

/* The same for Via, where via-received = "received" EQUAL (IPv4address /
 * IPv6address) lets a value hold an IPv6address that gen-value cannot.
 * slots must be branch, received, maddr, ttl, rport in that order, base
 * the sift_via they are offsets into. */
const char *sift__parse_via_params(const char *buf, const char *p, const char *end,
				   sift_span *params, sift_error *err,
				   const sift__param_slot *slots, void *base);

/* sift_addr_parse() with more wanted parameters (Diversion, History-Info,
 * Referred-By: src/hdr/addr_ext.c), matched by name after the tag and
 * Contact parameters. */
sift_code sift__addr_parse_want(const char *buf, sift_span value, unsigned options,
				sift_addr *out, sift_error *err, const sift__param_want *extra,
				size_t extra_count);

/* sift_cseq_parse() without the method lookup, for full validation
 * (src/hdr/simple.c). */
sift_code sift__cseq_check(const char *buf, sift_span value, sift_error *err);
/* The verdict of sift_alert_info_parse(), sift_call_info_parse() or
 * sift_error_info_parse() by id (src/hdr/session_info.c). */
sift_code sift__info_value_check(const char *buf, sift_header_id id, sift_span value,
				 unsigned options, sift_error *err);
/* sift_session_expires_parse()'s verdict (src/hdr/session_timer.c). */
sift_code sift__session_expires_check(const char *buf, sift_span value, unsigned options,
				      sift_error *err);
/* sift_media_type_parse()'s verdict without filling its spans. */
sift_code sift__media_type_check(const char *buf, sift_span value, sift_error *err);
/* sift_uint_parse() by its general path, SWS and errors included, which
 * fuzz_fields holds the shortcut for digits alone to (src/hdr/simple.c). */
sift_code sift__uint_parse_general(const char *buf, sift_span value, uint32_t max,
				   uint32_t *out, sift_error *err);

/* perf-checks: sift_header_validate() without the verdict fast paths of
 * its checks: each header's parser alone (src/hdr/validate.c), which
 * test_validate and fuzz_validate hold the fast paths to. */
sift_code sift__header_validate_general(const char *buf, sift_header_id id, sift_span value,
					unsigned options, sift_error *err);
/* sift_cseq_parse() without its shortcut for "number SP method"
 * (src/hdr/simple.c), which test_validate holds the shortcut to. */
sift_code sift__cseq_parse_general(const char *buf, sift_span value, sift_cseq *out,
				   sift_error *err);

/* header-value text check for headers without a typed parser. */
sift_code sift__check_header_text(const char *buf, sift_span value, sift_error *err);

/* --- fields (src/hdr/fields_*.c) --- */
#include "sipsift/fields.h"
/* comment = LPAREN *(ctext / quoted-pair / comment) RPAREN (RFC 3261 25)
 * from p, which holds the "(": returns the end of the comment (after its
 * ")"), or NULL with err set. Nesting is counted, not recursed into, and
 * bounded by SIFT_COMMENT_DEPTH_MAX (src/hdr/fields_text.c). */
const char *sift__parse_comment(const char *buf, const char *p, const char *end,
				sift_error *err);
/* The verdict of the one-token list elements (src/hdr/fields_lists.c):
 * sift_allow_parse() without the method lookup ("Method", may be empty),
 * sift_supported_parse() ("option-tag", may be empty), sift_option_tag_parse()
 * and sift_content_encoding_parse(), without filling an item. */
sift_code sift__token_element_check(const char *buf, sift_span value, const char *rule,
				    int may_be_empty, sift_error *err);
/* The same verdict by the general path (fields_lists.c): the check itself
 * (scan_fields.re) answers a value that is one token, this one the rest. */
sift_code sift__token_element_verdict(const char *buf, sift_span value, const char *rule,
				      int may_be_empty, sift_error *err);
/* --- end fields --- */
/* Session and dialog family (src/hdr/session_*.c, include/sipsift/session.h). */

/* 1*DIGIT at p into *out (at most max, else SIFT_E_NUMBER_RANGE); returns
 * the end of the digits, or NULL with err set (rule names the number). */
const char *sift__session_number(const char *buf, const char *p, const char *end, uint32_t max,
				 uint32_t *out, sift_error *err, const char *rule, sift_code *code);

/* LAQUOT absoluteURI RAQUOT at p (p after any leading SWS): *uri gets the
 * inside of < >; returns the end (after the '>') or NULL with err set.
 * White space inside < > only when not strict. */
const char *sift__session_angle_uri(const char *buf, const char *p, const char *end,
				    unsigned options, sift_span *uri, sift_error *err,
				    sift_code *code);
/* End of the session and dialog family. */

#endif
