/* src/hdr/internal.h - helpers shared by the typed header parsers. */
#ifndef SIFT_HDR_INTERNAL_H
#define SIFT_HDR_INTERNAL_H

#include "sipsift/hdr.h"
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

/* The same for Via, where via-received = "received" EQUAL (IPv4address /
 * IPv6address) lets a value hold an IPv6address that gen-value cannot. */
const char *sift__parse_via_params(const char *buf, const char *p, const char *end,
				   sift_span *params, sift_error *err);

/* header-value text check for headers without a typed parser. */
sift_code sift__check_header_text(const char *buf, sift_span value, sift_error *err);

#endif
