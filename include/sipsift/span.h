/*
 * sipsift/span.h - spans, errors and the types every layer shares.
 *
 * Everything sipsift hands back is a span: an offset and a length into the
 * buffer the caller parsed. Spans are never NUL-terminated and stay valid when
 * the caller moves the buffer (a TCP receive buffer that is compacted, say),
 * because they hold offsets, not pointers.
 */
#ifndef SIPSIFT_SPAN_H
#define SIPSIFT_SPAN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) && !defined(SIPSIFT_STATIC)
#define SIFT_API __attribute__((visibility("default")))
#else
#define SIFT_API
#endif

/* A run of bytes in the caller's buffer: buf[off] .. buf[off + len - 1]. */
typedef struct sift_span {
	uint32_t off;
	uint32_t len;
} sift_span;

/* "No such entry" for header indexes and offsets. */
#define SIFT_NONE UINT32_MAX

/* Largest buffer sipsift accepts: offsets are 32 bits. */
#define SIFT_MAX_INPUT ((size_t)UINT32_MAX - 1)

/* Pointer to the first byte of a span; valid while buf is. */
static inline const char *sift_span_ptr(const char *buf, sift_span s)
{
	return buf + s.off;
}

/*
 * What went wrong. Codes are stable: new ones are added at the end.
 * sift_strerror() turns a code into a sentence.
 */
typedef enum sift_code {
	SIFT_OK = 0,
	SIFT_E_ARGUMENT,        /* NULL pointer, zero capacity, or input too large */
	SIFT_E_EMPTY,           /* no bytes, or only line ends, where a message was expected */
	SIFT_E_START_LINE,      /* Request-Line or Status-Line does not follow RFC 3261 7.1 / 7.2 */
	SIFT_E_VERSION,         /* a SIP-Version other than SIP/2.0 (RFC 3261 7.1: respond 505) */
	SIFT_E_STATUS_CODE,     /* Status-Code is not three digits from 100 to 699 (RFC 3261 7.2) */
	SIFT_E_LINE_END,        /* CR without LF, or bare LF when strict (RFC 3261 7) */
	SIFT_E_HEADER_LINE,     /* a header line without a token name and HCOLON (RFC 3261 7.3.1) */
	SIFT_E_HEADER_VALUE,    /* a header value does not match its ABNF (RFC 3261 25) */
	SIFT_E_URI,             /* a URI does not match its ABNF (RFC 3261 19.1, 25; RFC 3966) */
	SIFT_E_NUMBER_RANGE,    /* a number overflows or is out of its allowed range */
	SIFT_E_TOO_MANY_HEADERS,/* the caller's header index is full */
	SIFT_E_NO_BODY_SEPARATOR,/* the header section does not end in an empty line */
	SIFT_E_CONTENT_LENGTH,  /* Content-Length missing on a stream, malformed, or conflicting */
	SIFT_E_BODY_TRUNCATED,  /* Content-Length is larger than the bytes that follow (RFC 3261 18.3) */
	SIFT_E_CSEQ_METHOD,     /* CSeq method differs from the request method (RFC 3261 8.1.1.5) */
	SIFT_E_BUFFER_TOO_SMALL,/* an output buffer supplied by the caller is too small */
	SIFT_E_NOT_FOUND,       /* the requested item is absent */
	SIFT_E_BODY,            /* the message body does not follow its media type (RFC 2046 5.1, RFC 5652) */
	SIFT_CODE_COUNT
} sift_code;

/*
 * An error: what (code), where (byte offset into the parsed buffer), and the
 * ABNF rule that failed ("sent-protocol", "Content-Length", "Request-URI").
 * header_id is the registered id of the header being parsed, or SIFT_H_NONE.
 * rule points to a static string and is never NULL once set by a parser.
 */
typedef struct sift_error {
	sift_code code;
	uint32_t offset;
	const char *rule;
	uint16_t header_id;
} sift_error;

/* A sentence for a code ("Content-Length is larger than the message body").
 * Never NULL; static storage. */
SIFT_API const char *sift_strerror(sift_code code);

/* The code's enumerator name without prefix ("BODY_TRUNCATED"); static. */
SIFT_API const char *sift_code_name(sift_code code);

/*
 * Writes "Via: expected sent-protocol at offset 14 (a header value does not
 * match its ABNF)" into out (always NUL-terminated when size > 0).
 * Returns the length the full text needs, like snprintf.
 */
SIFT_API int sift_error_format(const sift_error *error, char *out, size_t size);

#ifdef __cplusplus
}
#endif
#endif
