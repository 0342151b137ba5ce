/*
 * src/msg/unfold.c - sift_unfold(): a folded value as one line.
 *
 * RFC 3261 7.3.1: a value may continue on lines that start with SP or HTAB;
 * "all linear white space, including folding, has the same semantics as SP",
 * and a recipient may replace it with a single SP. The index keeps folds in
 * the buffer (zero-copy); this writes the unfolded text where asked.
 */
#include "sipsift/msg.h"

long sift_unfold(const char *buf, sift_span value, char *out, size_t size)
{
	if (!buf || (!out && size))
		return -1;
	const char *p = buf + value.off, *end = p + value.len;
	size_t n = 0;
	while (p < end) {
		/* A fold: optional WSP, [CR] LF, then at least one WSP. */
		const char *q = p;
		while (q < end && (*q == ' ' || *q == '\t'))
			q++;
		const char *lf = q;
		if (lf < end && *lf == '\r')
			lf++;
		if (lf < end && *lf == '\n' && lf + 1 < end && (lf[1] == ' ' || lf[1] == '\t')) {
			q = lf + 1;
			while (q < end && (*q == ' ' || *q == '\t'))
				q++;
			if (n >= size)
				return -1;
			out[n++] = ' ';
			p = q;
			continue;
		}
		if (n >= size)
			return -1;
		out[n++] = *p++;
	}
	return (long)n;
}
