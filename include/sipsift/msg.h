/*
 * sipsift/msg.h - framing and parsing SIP messages into a zero-copy index.
 *
 *   sift_header storage[64];
 *   sift_msg msg;
 *   sift_msg_init(&msg, storage, 64);
 *   if (sift_parse(&msg, buf, len, 0) != SIFT_OK) { report msg.error; }
 *   uint32_t via = sift_msg_first(&msg, SIFT_H_VIA);   // top Via value
 *
 * sift_parse() never allocates, never copies, never writes outside the
 * sift_msg and the storage the caller supplied, and never reads past len.
 * Input may hold any byte and need not be NUL-terminated.
 */
#ifndef SIPSIFT_MSG_H
#define SIPSIFT_MSG_H

#include "sipsift/span.h"
#include "sipsift/headers.h"
#include "sipsift/hdr.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Options for sift_parse() and sift_frame(); OR them together. */
enum {
	/* Index only: framing, start line, header names and list splitting.
	 * The fast path for stacks; header values are not checked. Without it,
	 * sift_parse() also runs the typed parser of every registered header
	 * (sift_header_validate(), hdr.h) on each value and the URI parser on
	 * the Request-URI and the URIs in addresses, holds unregistered headers
	 * to the header-value text rule (RFC 3261 25), and checks the CSeq
	 * method against the request's. */
	SIFT_OPT_INDEX_ONLY = 1u << 0,
	/* Reject what RFC 3261 forbids but peers commonly send: bare LF line
	 * ends, LWS at the end of the start line, escaped headers in the
	 * Request-URI, spaces inside <>, '?' in an addr-spec, a Date not in GMT,
	 * repeated identical Content-Length. By default the parser is as liberal
	 * as RFC 3261 and RFC 4475 allow. */
	SIFT_OPT_STRICT = 1u << 1,
	/* The bytes come from a stream transport (TCP, TLS, SCTP): Content-Length
	 * is mandatory (RFC 3261 18.3, 20.14) and bytes after the message belong
	 * to the next one. Without it the input is one datagram: the body runs to
	 * the end when Content-Length is absent, a smaller Content-Length ends
	 * the body early and the rest is discarded (RFC 3261 18.3). */
	SIFT_OPT_STREAM = 1u << 2,
	/* For sift_frame(): this side receives RFC 5626 pings (it is the server
	 * of the flow), so a lone CRLF at the end of the bytes may be the first
	 * half of a CRLFCRLF ping: wait for more instead of reporting a pong. */
	SIFT_OPT_RECEIVES_PINGS = 1u << 3
};

/* Flags of a header entry. */
enum {
	SIFT_HF_FOLDED = 1u << 0,  /* the value spans folded lines; see sift_unfold() */
	SIFT_HF_COMPACT = 1u << 1, /* the name was the compact form (RFC 3261 7.3.3) */
	SIFT_HF_LIST = 1u << 2     /* the value is one element of a comma list */
};

/* One header value. A header line of a list-valued header (Via, Contact, ...)
 * gives one entry per comma-separated element; all of them share the name. */
typedef struct sift_header {
	sift_span name;   /* as written: "v", "VIA", "NewFangledHeader" */
	sift_span value;  /* without the LWS around it; may be empty */
	uint16_t id;      /* sift_header_id; SIFT_H_OTHER when not registered */
	uint16_t flags;   /* SIFT_HF_* */
	uint32_t next;    /* index of the next entry with the same id, or SIFT_NONE */
} sift_header;

typedef enum sift_msg_kind {
	SIFT_KIND_NONE = 0,
	SIFT_KIND_REQUEST,
	SIFT_KIND_RESPONSE
} sift_msg_kind;

/*
 * A parsed message. All spans are offsets into the buffer given to
 * sift_parse(). The header array belongs to the caller (sift_msg_init).
 * After an error, everything parsed before the error offset stays valid:
 * the start line and the header entries before it.
 */
typedef struct sift_msg {
	sift_msg_kind kind;
	sift_span start_line;   /* without its line end */
	/* Request-Line (RFC 3261 7.1) */
	sift_span method;
	uint16_t method_id;     /* sift_method_id; SIFT_METHOD_OTHER for extensions */
	sift_span request_uri;
	/* Status-Line (RFC 3261 7.2) */
	uint16_t status;        /* 100..699 */
	sift_span reason;       /* may be empty */
	sift_span version;      /* "SIP/2.0" */

	/* Header index */
	sift_header *headers;   /* caller's storage */
	uint32_t header_count;
	uint32_t header_capacity;
	uint32_t first[SIFT_H_COUNT]; /* first entry per id, or SIFT_NONE */

	/* Body and framing */
	sift_span body;
	uint32_t content_length; /* the value of Content-Length, if present */
	uint8_t has_content_length;
	uint32_t length;        /* bytes this message takes in the input, from the
	                           start line (after any leading CRLFs) to the end of
	                           the body */
	uint32_t offset;        /* where the start line begins (after skipped CRLFs) */

	/* Whether top_via and cseq below hold this message's values. */
	uint8_t has_top_via;
	uint8_t has_cseq;

	sift_error error;       /* set when sift_parse() fails */

	/* What full validation parsed and keeps, so that a stack need not
	 * parse it again: the values RFC 3261 17.1.3 and 17.2.3 match
	 * transactions on. Filled only without SIFT_OPT_INDEX_ONLY, each when
	 * its value passed, and then has_top_via / has_cseq is 1; they are 0
	 * after an index-only parse, without the header, or when the parse
	 * failed at or before it, and the struct is then not to be read (it is
	 * not cleared, to keep an index-only parse from paying for it). */
	sift_via top_via;       /* the first Via value, as sift_via_parse() gives it */
	sift_cseq cseq;         /* the first CSeq, as sift_cseq_parse() gives it */
} sift_msg;

/*
 * Prepares msg for parsing with the caller's header storage of capacity
 * entries. The storage is borrowed, not owned; it must outlive msg.
 * Returns SIFT_E_ARGUMENT for a NULL msg or storage or a zero capacity.
 */
SIFT_API sift_code sift_msg_init(sift_msg *msg, sift_header *storage, uint32_t capacity);

/*
 * Parses one message from buf[0..len) into msg (see the SIFT_OPT_* options).
 * Leading CRLFs are skipped (RFC 3261 7.5). Returns SIFT_OK, or an error code
 * that is also stored in msg->error with its offset and failing rule.
 * msg must have been prepared with sift_msg_init(); it may be reused for
 * any number of parses without another init.
 */
SIFT_API sift_code sift_parse(sift_msg *msg, const char *buf, size_t len, unsigned options);

/* Index of the first entry with this id, or SIFT_NONE. O(1). */
static inline uint32_t sift_msg_first(const sift_msg *msg, sift_header_id id)
{
	return (unsigned)id < SIFT_H_COUNT ? msg->first[id] : SIFT_NONE;
}

/* Index of the next entry with the same id as entry i, or SIFT_NONE. */
static inline uint32_t sift_msg_next(const sift_msg *msg, uint32_t i)
{
	return i < msg->header_count ? msg->headers[i].next : SIFT_NONE;
}

/* Number of entries with this id (walks the chain). */
SIFT_API uint32_t sift_msg_count(const sift_msg *msg, sift_header_id id);

/* The value of the first entry with this id, or {0, 0} with *found = 0.
 * found may be NULL. */
SIFT_API sift_span sift_msg_value(const sift_msg *msg, sift_header_id id, int *found);

/* What sift_frame() found at the start of the bytes. */
typedef enum sift_frame_kind {
	SIFT_FRAME_NEED_MORE = 0, /* no complete message yet: read more bytes */
	SIFT_FRAME_MESSAGE,       /* one message of `length` bytes (after `skip`) */
	SIFT_FRAME_PING,          /* CRLFCRLF keep-alive (RFC 5626 4.4.1): answer with CRLF */
	SIFT_FRAME_PONG,          /* CRLF keep-alive answer (RFC 5626 4.4.1) */
	SIFT_FRAME_ERROR          /* the stream cannot be framed: close it (RFC 3261 18.3) */
} sift_frame_kind;

typedef struct sift_frame_result {
	sift_frame_kind kind;
	uint32_t length;   /* bytes to consume: keep-alive or whole message */
	sift_error error;  /* for SIFT_FRAME_ERROR */
} sift_frame_result;

/*
 * Frames a stream: looks at the bytes received so far on one connection and
 * says whether they start with a keep-alive, a complete message (whose bytes
 * the caller then passes to sift_parse() with SIFT_OPT_STREAM), or need more.
 * Content-Length is mandatory on streams: a header section without one is
 * SIFT_FRAME_ERROR. Stateless: call it again with the grown buffer.
 * Options: SIFT_OPT_STRICT (bare LF), SIFT_OPT_RECEIVES_PINGS.
 * Returns the kind (also in out->kind).
 */
SIFT_API sift_frame_kind sift_frame(const char *buf, size_t len, unsigned options,
				    sift_frame_result *out);

/*
 * Writes the value of entry span `value` with every fold (CRLF or LF followed
 * by SP/HTAB) and the white space around it replaced by one SP (RFC 3261
 * 7.3.1) into out[0..size). Returns the unfolded length, or -1 with nothing
 * guaranteed in out when size is too small (the length needed is never more
 * than value.len). out is not NUL-terminated.
 */
SIFT_API long sift_unfold(const char *buf, sift_span value, char *out, size_t size);

/* Registered method id of a method token (case-sensitive, RFC 3261 7.1). */
SIFT_API sift_method_id sift_method_lookup(const char *name, size_t len);

/* Registered header id for a header name (long or compact form, any case),
 * or SIFT_H_OTHER. */
SIFT_API sift_header_id sift_header_lookup(const char *name, size_t len);

/* Canonical long name of a registered header id ("Call-ID"), or NULL. */
SIFT_API const char *sift_header_name(sift_header_id id);

/* How a registered header may appear (grammar/headers.def). */
typedef enum sift_header_kind {
	SIFT_HEADER_SINGLE = 0, /* once per message (RFC 3261 7.3.1) */
	SIFT_HEADER_LIST,       /* a comma list; may also span several lines */
	SIFT_HEADER_REPEATED    /* several lines allowed, never combined (RFC 3261 7.3.1) */
} sift_header_kind;

/* Kind of a registered header; SIFT_HEADER_SINGLE for SIFT_H_OTHER. */
SIFT_API sift_header_kind sift_header_kind_of(sift_header_id id);

/* The RFC number ("3261") and section ("20.42") that define a registered
 * header, or NULL for SIFT_H_OTHER. section may be NULL. */
SIFT_API const char *sift_header_rfc(sift_header_id id, const char **section);

/* Canonical name of a registered method id ("INVITE"), or NULL for OTHER. */
SIFT_API const char *sift_method_name(sift_method_id id);

/* Library version, "MAJOR.MINOR.PATCH". */
SIFT_API const char *sift_version(void);

#ifdef __cplusplus
}
#endif
#endif
