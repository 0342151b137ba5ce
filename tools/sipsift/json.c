/* tools/sipsift/json.c - JSON string output. */
#include "json.h"

/* Length of the valid UTF-8 sequence at p (1-4), or 0. */
static size_t utf8_length(const unsigned char *p, size_t left)
{
	size_t need;
	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xC2 && p[0] <= 0xDF)
		need = 2;
	else if (p[0] >= 0xE0 && p[0] <= 0xEF)
		need = 3;
	else if (p[0] >= 0xF0 && p[0] <= 0xF4)
		need = 4;
	else
		return 0;
	if (left < need)
		return 0;
	for (size_t i = 1; i < need; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	return need;
}

void json_string(FILE *out, const char *text, size_t len)
{
	const unsigned char *p = (const unsigned char *)text;
	putc('"', out);
	for (size_t i = 0; i < len;) {
		unsigned char c = p[i];
		size_t n = utf8_length(p + i, len - i);
		if (c == '"' || c == '\\') {
			putc('\\', out);
			putc(c, out);
			i++;
		} else if (c >= 0x20 && c < 0x7F) {
			putc(c, out);
			i++;
		} else if (n > 1) {
			fwrite(p + i, 1, n, out);
			i += n;
		} else {
			fprintf(out, "\\u%04x", c);
			i++;
		}
	}
	putc('"', out);
}
