/* tools/sipsift/typed.h - typed parts of header values as JSON (dump --typed). */
#ifndef SIPSIFT_TOOL_TYPED_H
#define SIPSIFT_TOOL_TYPED_H
#include <stdio.h>
#include "sipsift/sipsift.h"

/* Prints `,"KEY":{...}` with the parsed parts of one header value when a
 * typed parser covers `id` and the value parses; prints nothing otherwise.
 * Returns 1 when it printed. */
int typed_json(FILE *out, const char *buf, sift_header_id id, sift_span value);

/* Printers of the header families (one file each). */
int typed_fields_json(FILE *out, const char *buf, sift_header_id id, sift_span value);
/* Session and dialog family (typed_session.c): Replaces, Join,
 * Target-Dialog, RAck, RSeq, Session-Expires, Min-SE, Reason, Privacy,
 * Identity, Identity-Info, Max-Breadth, Flow-Timer, Priority, Alert-Info,
 * Call-Info, Error-Info. */
int typed_session_json(FILE *out, const char *buf, sift_header_id id, sift_span value);

/* Helpers shared by the typed printers. */
void typed_span(FILE *out, const char *key, const char *buf, sift_span s, int present);
void typed_uri(FILE *out, const char *key, const char *buf, sift_span uri);
void typed_params(FILE *out, const char *key, const char *buf, sift_span params);

/* Family printers (one line each in printers[] of typed.c). */
int typed_auth_json(FILE *out, const char *buf, sift_header_id id, sift_span value);
/* Address family (tools/sipsift/typed_addr.c): the display name as text
 * and the Contact parameters of one parsed address, as `,"key":...`
 * members; and the printer for Reply-To, Refer-To, Referred-By,
 * P-Asserted-Identity, P-Preferred-Identity, Path, Service-Route,
 * Diversion and History-Info. */
void typed_addr_extra(FILE *out, const char *buf, const sift_addr *addr);
int addr_json(FILE *out, const char *buf, sift_header_id id, sift_span value);
/* Printers of the header families (one file each). */
int typed_event_json(FILE *out, const char *buf, sift_header_id id, sift_span value);
/* Message body (typed_body.c): the parts of a multipart body as
 * `,"body_parts":[...]`; nothing for other bodies. */
void typed_body_json(FILE *out, const char *buf, const sift_msg *msg);
#endif
