/* tools/sipsift/typed.h - typed parts of header values as JSON (dump --typed). */
#ifndef SIPSIFT_TOOL_TYPED_H
#define SIPSIFT_TOOL_TYPED_H
#include <stdio.h>
#include "sipsift/sipsift.h"

/* Prints `,"KEY":{...}` with the parsed parts of one header value when a
 * typed parser covers `id` and the value parses; prints nothing otherwise.
 * Returns 1 when it printed. */
int typed_json(FILE *out, const char *buf, sift_header_id id, sift_span value);

/* Message body (typed_body.c): the parts of a multipart body as
 * `,"body_parts":[...]`; nothing for other bodies. */
void typed_body_json(FILE *out, const char *buf, const sift_msg *msg);

/* Printers of the header families, one file each and one line each in
 * printers[] of typed.c; each prints like typed_json() for the ids of its
 * family and returns 0 for the others.
 * typed_session_json (typed_session.c): Replaces, Join, Target-Dialog,
 * RAck, RSeq, Session-Expires, Min-SE, Reason, Privacy, Identity,
 * Identity-Info, Max-Breadth, Flow-Timer, Priority, Alert-Info, Call-Info,
 * Error-Info. addr_json (typed_addr.c): Reply-To, Refer-To, Referred-By,
 * P-Asserted-Identity, P-Preferred-Identity, Path, Service-Route, Diversion
 * and History-Info. */
int typed_auth_json(FILE *out, const char *buf, sift_header_id id, sift_span value);
int typed_fields_json(FILE *out, const char *buf, sift_header_id id, sift_span value);
int addr_json(FILE *out, const char *buf, sift_header_id id, sift_span value);
int typed_event_json(FILE *out, const char *buf, sift_header_id id, sift_span value);
int typed_session_json(FILE *out, const char *buf, sift_header_id id, sift_span value);

/* Helpers shared by the typed printers. Each prints one JSON member
 * "key":value; the typed_comma_* ones put a comma first (every member after
 * the first of an object). */
void typed_span(FILE *out, const char *key, const char *buf, sift_span s, int present);
void typed_uri(FILE *out, const char *key, const char *buf, sift_span uri);
void typed_params(FILE *out, const char *key, const char *buf, sift_span params);
/* ,"key":"text of s" or ,"key":null when not present */
void typed_comma_span(FILE *out, const char *key, const char *buf, sift_span s, int present);
/* ,"key":n or ,"key":null when not present */
void typed_comma_uint(FILE *out, const char *key, uint32_t n, int present);
/* ,"key":true or ,"key":false */
void typed_comma_bool(FILE *out, const char *key, int value);
/* "key":"name" or "key":null when name is NULL (an enum without a name);
 * typed_comma_name with the comma first */
void typed_name(FILE *out, const char *key, const char *name);
void typed_comma_name(FILE *out, const char *key, const char *name);
/* ,"q":0.500 from thousandths, or ,"q":null when absent */
void typed_comma_q(FILE *out, unsigned thousandths, int has_q);
/* ,"params":[...]} : the parameters as the last member, closing the object */
void typed_comma_params_end(FILE *out, const char *buf, sift_span params);
/* ,"key":["text",...]: the elements `next` walks in `list` (sift_list_next,
 * sift_event_list_next, sift_privacy_next...) */
typedef int (*typed_walk)(const char *buf, sift_span *cursor, sift_span *element);
void typed_comma_span_list(FILE *out, const char *key, const char *buf, sift_span list,
			   typed_walk next);
/* The members of one parsed address (typed_addr.c): display, uri, the tag
 * when with_tag, name_addr, params, the display name as text and the
 * Contact parameters; without the braces. */
void typed_addr_object(FILE *out, const char *buf, const sift_addr *addr, int with_tag);
#endif
