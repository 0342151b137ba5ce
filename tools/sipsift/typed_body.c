/*
 * tools/sipsift/typed_body.c - `sipsift dump --typed`: the body parts of a
 * multipart message body (include/sipsift/body.h), as
 *   ,"body_parts":[{"depth":1,"type":"application/sdp","disposition":null,
 *                   "id":null,"length":123}, ...]
 * and ,"body_error":{"rule":...,"offset":...} when the multipart does not
 * parse (the parts before the error are listed).
 */
#include <string.h>
#include "json.h"
#include "typed.h"

typedef struct body_out {
	FILE *out;
	const char *buf;
	unsigned count;
} body_out;

static int part_json(void *context, const sift_body_part *part, unsigned depth)
{
	body_out *b = context;
	fprintf(b->out, "%s{\"depth\":%u", b->count++ ? "," : "", depth);
	sift_span type = part->type.type;
	if (part->has_type) /* type "/" subtype, as written */
		type.len = part->type.subtype.off + part->type.subtype.len - type.off;
	typed_comma_span(b->out, "type", b->buf, type, part->has_type);
	typed_comma_span(b->out, "disposition", b->buf, part->disposition.type, part->has_disposition);
	typed_comma_span(b->out, "id", b->buf, part->id.id, part->has_id);
	fprintf(b->out, ",\"length\":%u}", (unsigned)part->body.len);
	return 0;
}

void typed_body_json(FILE *out, const char *buf, const sift_msg *msg)
{
	uint32_t i = sift_msg_first(msg, SIFT_H_CONTENT_TYPE);
	sift_media_type type;
	if (i == SIFT_NONE ||
	    sift_media_type_parse(buf, msg->headers[i].value, 0, &type, NULL) != SIFT_OK ||
	    !sift_media_type_is(buf, &type, "multipart", NULL))
		return;
	body_out b = { out, buf, 0 };
	sift_error err = { SIFT_OK, 0, NULL, SIFT_H_NONE };
	fputs(",\"body_parts\":[", out);
	sift_code code = sift_body_walk(buf, msg->body, &type, 0, part_json, &b, &err);
	fputc(']', out);
	if (code != SIFT_OK) {
		fputs(",\"body_error\":{\"rule\":", out);
		json_string(out, err.rule ? err.rule : "", err.rule ? strlen(err.rule) : 0);
		fprintf(out, ",\"offset\":%u,\"code\":\"%s\"}", (unsigned)err.offset, sift_code_name(code));
	}
}
