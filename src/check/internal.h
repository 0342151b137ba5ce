/*
 * src/check/internal.h - what the rule groups share: the state of one check
 * run and the one way to report. Each group of rules (one RFC or one family)
 * lives in its own src/check/rules_<group>.c with one entry point,
 * sift__check_<group>(), called from sift_check_message() in check.c.
 */
#ifndef SIPSIFT_CHECK_INTERNAL_H
#define SIPSIFT_CHECK_INTERNAL_H

#include "sipsift/check.h"

typedef struct sift__checker {
	const sift_check_config *config;
	const char *buf;
	size_t len;
	const sift_msg *msg;
	sift_diagnostic_fn callback;
	void *context;
	unsigned count;
} sift__checker;

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
