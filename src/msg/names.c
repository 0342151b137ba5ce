/*
 * src/msg/names.c - registry lookups and error texts.
 * The tables come from grammar/headers.def and grammar/methods.def.
 */
#include <stdio.h>
#include "sipsift/msg.h"
#include "grammar/internal.h"

#ifndef SIPSIFT_VERSION_STRING
#define SIPSIFT_VERSION_STRING "0.0.0"
#endif

static const char *const header_names[SIFT_H_COUNT] = {
	[SIFT_H_OTHER] = NULL,
#define SIFT_HEADER(id, name, compact, kind, rfc, section, check) [SIFT_H_##id] = name,
#include "headers.def"
#undef SIFT_HEADER
};

static const char *const method_names[SIFT_METHOD_COUNT] = {
	[SIFT_METHOD_OTHER] = NULL,
#define SIFT_METHOD(id, name, rfc) [SIFT_METHOD_##id] = name,
#include "methods.def"
#undef SIFT_METHOD
};

static const struct {
	unsigned char kind;
	const char *rfc;
	const char *section;
} header_facts[SIFT_H_COUNT] = {
#define LIST SIFT_HEADER_LIST
#define SINGLE SIFT_HEADER_SINGLE
#define REPEATED SIFT_HEADER_REPEATED
#define SIFT_HEADER(id, name, compact, kind, rfc, section, check) [SIFT_H_##id] = { kind, rfc, section },
#include "headers.def"
#undef SIFT_HEADER
#undef LIST
#undef SINGLE
#undef REPEATED
};

sift_header_kind sift_header_kind_of(sift_header_id id)
{
	return (unsigned)id < SIFT_H_COUNT ? (sift_header_kind)header_facts[id].kind
					   : SIFT_HEADER_SINGLE;
}

const char *sift_header_rfc(sift_header_id id, const char **section)
{
	int known = (unsigned)id < SIFT_H_COUNT && id != SIFT_H_OTHER;
	if (section)
		*section = known ? header_facts[id].section : NULL;
	return known ? header_facts[id].rfc : NULL;
}

sift_header_id sift_header_lookup(const char *name, size_t len)
{
	unsigned id;
	int compact;
	if (!name || sift__scan_header_name(name, name + len, &id, &compact) != name + len)
		return SIFT_H_OTHER;
	return (sift_header_id)id;
}

sift_method_id sift_method_lookup(const char *name, size_t len)
{
	if (!name)
		return SIFT_METHOD_OTHER;
	return (sift_method_id)sift__match_method(name, len);
}

const char *sift_header_name(sift_header_id id)
{
	return (unsigned)id < SIFT_H_COUNT ? header_names[id] : NULL;
}

const char *sift_method_name(sift_method_id id)
{
	return (unsigned)id < SIFT_METHOD_COUNT ? method_names[id] : NULL;
}

const char *sift_version(void)
{
	return SIPSIFT_VERSION_STRING;
}

static const struct {
	const char *name;
	const char *text;
} codes[SIFT_CODE_COUNT] = {
	[SIFT_OK] = { "OK", "no error" },
	[SIFT_E_ARGUMENT] = { "ARGUMENT", "invalid argument (NULL pointer, zero capacity or input too large)" },
	[SIFT_E_EMPTY] = { "EMPTY", "no message: the input is empty or only line ends" },
	[SIFT_E_START_LINE] = { "START_LINE", "malformed start line (RFC 3261 7.1, 7.2)" },
	[SIFT_E_VERSION] = { "VERSION", "SIP version not supported: only SIP/2.0 (RFC 3261 7.1)" },
	[SIFT_E_STATUS_CODE] = { "STATUS_CODE", "status code is not three digits from 100 to 699 (RFC 3261 7.2)" },
	[SIFT_E_LINE_END] = { "LINE_END", "CR without LF, or bare LF in strict mode (RFC 3261 7)" },
	[SIFT_E_HEADER_LINE] = { "HEADER_LINE", "malformed header line: expected token and colon (RFC 3261 7.3.1)" },
	[SIFT_E_HEADER_VALUE] = { "HEADER_VALUE", "header value does not match its grammar (RFC 3261 25)" },
	[SIFT_E_URI] = { "URI", "URI does not match its grammar (RFC 3261 19.1, 25)" },
	[SIFT_E_NUMBER_RANGE] = { "NUMBER_RANGE", "number out of range" },
	[SIFT_E_TOO_MANY_HEADERS] = { "TOO_MANY_HEADERS", "more header values than the index capacity" },
	[SIFT_E_NO_BODY_SEPARATOR] = { "NO_BODY_SEPARATOR", "header section does not end with an empty line (RFC 3261 7)" },
	[SIFT_E_CONTENT_LENGTH] = { "CONTENT_LENGTH", "Content-Length missing on a stream, malformed or conflicting (RFC 3261 18.3, 20.14)" },
	[SIFT_E_BODY_TRUNCATED] = { "BODY_TRUNCATED", "Content-Length is larger than the message body (RFC 3261 18.3)" },
	[SIFT_E_CSEQ_METHOD] = { "CSEQ_METHOD", "CSeq method does not match the request method (RFC 3261 8.1.1.5)" },
	[SIFT_E_BUFFER_TOO_SMALL] = { "BUFFER_TOO_SMALL", "output buffer too small" },
	[SIFT_E_NOT_FOUND] = { "NOT_FOUND", "not found" },
	[SIFT_E_BODY] = { "BODY", "the message body does not follow its media type (RFC 2046 5.1, RFC 5652)" },
};

const char *sift_strerror(sift_code code)
{
	return (unsigned)code < SIFT_CODE_COUNT ? codes[code].text : "unknown error code";
}

const char *sift_code_name(sift_code code)
{
	return (unsigned)code < SIFT_CODE_COUNT ? codes[code].name : "UNKNOWN";
}

int sift_error_format(const sift_error *error, char *out, size_t size)
{
	if (!error)
		return snprintf(out, size, "no error");
	const char *header = error->header_id < SIFT_H_COUNT ? header_names[error->header_id] : NULL;
	if (error->header_id == SIFT_H_OTHER)
		header = "extension header";
	/* Grammar failures name the rule that was expected; the others name
	 * the item they are about. */
	int grammar = error->code == SIFT_E_START_LINE || error->code == SIFT_E_HEADER_LINE ||
		      error->code == SIFT_E_HEADER_VALUE || error->code == SIFT_E_URI ||
		      error->code == SIFT_E_LINE_END || error->code == SIFT_E_NO_BODY_SEPARATOR;
	return snprintf(out, size, "%s%s%s%s at offset %u: %s", header ? header : "",
			header ? ": " : "", grammar ? "expected " : "",
			error->rule ? error->rule : "input", (unsigned)error->offset,
			sift_strerror(error->code));
}
