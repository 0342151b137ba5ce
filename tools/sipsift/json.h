/* tools/sipsift/json.h - JSON string output for the sipsift tool. */
#ifndef SIPSIFT_TOOL_JSON_H
#define SIPSIFT_TOOL_JSON_H
#include <stdio.h>
#include <stddef.h>

/* Writes bytes as a JSON string: valid UTF-8 as is, control characters as
 * \u00XX, and every byte that is not part of valid UTF-8 as \u00XX of its
 * value (so NUL and 8-bit bytes survive, RFC 8259 7). */
void json_string(FILE *out, const char *p, size_t len);
#endif
