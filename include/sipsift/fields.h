/*
 * sipsift/fields.h - typed parsers for the generic and message-body header
 * fields of RFC 3261 20 and the header fields of RFC 3313, 3841 and 8262.
 *
 * Same contract as hdr.h: each parser takes one header value (an index
 * entry's value span; list-valued headers are split at commas by the
 * message index, so a list parser gets one element) and fills a struct of
 * spans into the same buffer. Nothing is allocated or copied, nothing is read
 * outside [buf + value.off, + value.len). On failure it returns
 * SIFT_E_HEADER_VALUE (SIFT_E_NUMBER_RANGE for numbers that do not fit) and
 * fills err (may be NULL) with the offset of the first byte that cannot be
 * explained and the ABNF rule that failed. `out` is cleared first and must
 * not be NULL (SIFT_E_ARGUMENT).
 *
 * Options: SIFT_OPT_STRICT (msg.h). Where the default mode is more liberal
 * than the grammar, the function's comment says so and why.
 *
 * A whole header value that still holds its commas (a header line as
 * written) is walked with sift_list_next(), one element per call:
 *
 *   sift_span cursor = value, element;
 *   sift_list_item tag;
 *   while (sift_list_next(buf, &cursor, &element))
 *       if (sift_option_tag_parse(buf, element, 0, &tag, &err) != SIFT_OK) ...
 */
#ifndef SIPSIFT_FIELDS_H
#define SIPSIFT_FIELDS_H

#include "sipsift/hdr.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Comma lists (RFC 3261 7.3.1: x *(COMMA x)). *cursor is the rest of the
 * list; start it with the header value. Each call returns 1 and the next
 * element without the SWS around it (an empty element between two commas is
 * returned as an empty span, for the element parser to reject), or 0 at the
 * end. Commas inside a quoted-string, inside < > and inside a comment
 * ( ... ) do not split. An empty value holds no element.
 */
SIFT_API int sift_list_next(const char *buf, sift_span *cursor, sift_span *element);

/* ---- Token lists ------------------------------------------------------- */

/* One element of a token-shaped list. */
typedef struct sift_list_item {
	sift_span value;     /* the element as written */
	uint16_t kind;       /* Allow: sift_method_id; Request-Disposition:
	                        sift_directive; 0 for the other lists */
	uint8_t is_empty;    /* the value is empty, which the header's ABNF
	                        allows (Allow, Supported: RFC 3261 25) */
} sift_list_item;

/* Allow (RFC 3261 20.5): Allow = [Method *(COMMA Method)]; may be empty.
 * kind is the registered method id (SIFT_METHOD_OTHER for extensions). */
SIFT_API sift_code sift_allow_parse(const char *buf, sift_span value, unsigned options,
				    sift_list_item *out, sift_error *err);

/* Require (20.32), Proxy-Require (20.29), Unsupported (20.40): option-tag =
 * token, at least one. Whether a tag is registered: sift_option_tag_known()
 * (check.h, grammar/option-tags.def). */
SIFT_API sift_code sift_option_tag_parse(const char *buf, sift_span value, unsigned options,
					 sift_list_item *out, sift_error *err);

/* Supported (20.37, compact "k"): [option-tag *(COMMA option-tag)]; may be empty. */
SIFT_API sift_code sift_supported_parse(const char *buf, sift_span value, unsigned options,
					sift_list_item *out, sift_error *err);

/* Content-Encoding (20.12, compact "e"): content-coding = token. */
SIFT_API sift_code sift_content_encoding_parse(const char *buf, sift_span value, unsigned options,
					       sift_list_item *out, sift_error *err);

/* Content-Language (20.13): language-tag = primary-tag *( "-" subtag ),
 * each 1*8ALPHA. */
SIFT_API sift_code sift_content_language_parse(const char *buf, sift_span value, unsigned options,
					       sift_list_item *out, sift_error *err);

/* In-Reply-To (20.21): callid = word [ "@" word ]. */
SIFT_API sift_code sift_in_reply_to_parse(const char *buf, sift_span value, unsigned options,
					  sift_list_item *out, sift_error *err);

/* Request-Disposition (RFC 3841 10, compact "d"): one directive. Matched
 * case-insensitively (RFC 5234 2.3: ABNF strings are). */
typedef enum sift_directive {
	SIFT_DIRECTIVE_PROXY = 1, SIFT_DIRECTIVE_REDIRECT,
	SIFT_DIRECTIVE_CANCEL, SIFT_DIRECTIVE_NO_CANCEL,
	SIFT_DIRECTIVE_FORK, SIFT_DIRECTIVE_NO_FORK,
	SIFT_DIRECTIVE_RECURSE, SIFT_DIRECTIVE_NO_RECURSE,
	SIFT_DIRECTIVE_PARALLEL, SIFT_DIRECTIVE_SEQUENTIAL,
	SIFT_DIRECTIVE_QUEUE, SIFT_DIRECTIVE_NO_QUEUE
} sift_directive;

SIFT_API sift_code sift_request_disposition_parse(const char *buf, sift_span value,
						  unsigned options, sift_list_item *out,
						  sift_error *err);

/* P-Media-Authorization (RFC 3313 5): P-Media-Authorization-Token = 1*HEXDIG. */
SIFT_API sift_code sift_media_authorization_parse(const char *buf, sift_span value,
						  unsigned options, sift_list_item *out,
						  sift_error *err);

/* ---- Accept headers ------------------------------------------------------ */

/* Accept (RFC 3261 20.1): accept-range = media-range *(SEMI accept-param).
 * An empty Accept is allowed and means no format is acceptable. */
typedef struct sift_accept_range {
	sift_span type;        /* "*" in "*" "/" "*" */
	sift_span subtype;     /* "*" for any subtype */
	sift_span params;      /* m-parameters and accept-params, after the first SEMI */
	uint16_t q;            /* qvalue in thousandths (0..1000); 1000 when absent */
	uint8_t has_q;
	uint8_t is_empty;      /* the value is empty */
} sift_accept_range;

/* Every "q" parameter must be a qvalue (RFC 3261 25), in every mode: a q
 * that is not one has no meaning to rank by. Strict mode also rejects a
 * type "*" with a subtype other than "*" ("*" is a token, so the ABNF's
 * m-type SLASH m-subtype alternative lets it through; RFC 3261 20.1 takes
 * its semantics from HTTP, H14.1, where only "*" "/" "*" and type/"*" exist). */
SIFT_API sift_code sift_accept_parse(const char *buf, sift_span value, unsigned options,
				     sift_accept_range *out, sift_error *err);

/* Accept-Encoding (20.2): encoding = codings *(SEMI accept-param), codings =
 * content-coding / "*". Accept-Language (20.3): language = language-range
 * *(SEMI accept-param), language-range = 1*8ALPHA *("-" 1*8ALPHA) / "*".
 * Both may be empty (20.2: empty means identity only). */
typedef struct sift_accept_item {
	sift_span value;       /* the coding or language-range */
	sift_span params;      /* after the first SEMI */
	uint16_t q;            /* thousandths; 1000 when absent */
	uint8_t has_q;
	uint8_t is_empty;
} sift_accept_item;

SIFT_API sift_code sift_accept_encoding_parse(const char *buf, sift_span value, unsigned options,
					      sift_accept_item *out, sift_error *err);
SIFT_API sift_code sift_accept_language_parse(const char *buf, sift_span value, unsigned options,
					      sift_accept_item *out, sift_error *err);

/* ---- Message-body headers ------------------------------------------------ */

/* MIME-Version (20.24): 1*DIGIT "." 1*DIGIT. Each number below 2^32. */
typedef struct sift_mime_version {
	uint32_t major;
	uint32_t minor;
} sift_mime_version;

SIFT_API sift_code sift_mime_version_parse(const char *buf, sift_span value, unsigned options,
					   sift_mime_version *out, sift_error *err);

/* Disposition types: RFC 3261 20.11 and the RFCs that register more.
 * Compared case-insensitively (RFC 2183 2.8 via RFC 3261 20.11). */
typedef enum sift_disposition {
	SIFT_DISPOSITION_OTHER = 0,           /* disp-extension-token */
	SIFT_DISPOSITION_RENDER,              /* RFC 3261 20.11 */
	SIFT_DISPOSITION_SESSION,             /* RFC 3261 20.11 */
	SIFT_DISPOSITION_ICON,                /* RFC 3261 20.11 */
	SIFT_DISPOSITION_ALERT,               /* RFC 3261 20.11 */
	SIFT_DISPOSITION_SIGNAL,              /* RFC 3204 */
	SIFT_DISPOSITION_AIB,                 /* RFC 3893 */
	SIFT_DISPOSITION_EARLY_SESSION,       /* RFC 3959 */
	SIFT_DISPOSITION_RECIPIENT_LIST,      /* RFC 5363 */
	SIFT_DISPOSITION_RECIPIENT_LIST_HISTORY, /* RFC 5364 */
	SIFT_DISPOSITION_BY_REFERENCE,        /* RFC 5621 9.4 */
	SIFT_DISPOSITION_INFO_PACKAGE         /* RFC 6086 */
} sift_disposition;

typedef enum sift_handling {
	SIFT_HANDLING_ABSENT = 0,  /* no handling parameter: "required" is
	                              assumed (RFC 3261 20.11, RFC 5621 8.1) */
	SIFT_HANDLING_OPTIONAL,
	SIFT_HANDLING_REQUIRED,
	SIFT_HANDLING_OTHER        /* other-handling = token */
} sift_handling;

/* Content-Disposition (RFC 3261 20.11, RFC 5621 8 and 9.4):
 * disp-type *( SEMI disp-param ), handling-param = "handling" EQUAL
 * ( "optional" / "required" / other-handling ). */
typedef struct sift_content_disposition {
	sift_span type;              /* disp-type as written */
	sift_disposition disposition;
	sift_span params;            /* after the first SEMI */
	sift_span handling;          /* the handling value; empty when absent */
	sift_handling handling_kind;
} sift_content_disposition;

SIFT_API sift_code sift_content_disposition_parse(const char *buf, sift_span value,
						  unsigned options,
						  sift_content_disposition *out, sift_error *err);

/* Content-ID (RFC 8262 3.2): msg-id = "<" id-left "@" id-right ">", one
 * value only (a second msg-id fails with rule "Content-ID"). */
typedef struct sift_content_id {
	sift_span id;     /* id-left "@" id-right, without the < > */
	sift_span left;   /* id-left */
	sift_span right;  /* id-right (a no-fold-literal keeps its [ ]) */
} sift_content_id;

SIFT_API sift_code sift_content_id_parse(const char *buf, sift_span value, unsigned options,
					 sift_content_id *out, sift_error *err);

/* ---- Numbers ------------------------------------------------------------- */

/* delta-seconds = 1*DIGIT: Expires (20.19), Min-Expires (20.23).
 * RFC 3261 20.19 and 20.23 give the range 0 to 2**32-1; for a larger value
 * RFC 3261 10.2.1 lets implementations treat it as 2**32-1 and RFC 4475
 * 3.1.2.4 lets an element treat an overlarge expiry as the default. So by
 * default seconds = 4294967295 with clamped = 1 and SIFT_OK; under
 * SIFT_OPT_STRICT it is SIFT_E_NUMBER_RANGE. */
typedef struct sift_delta_seconds {
	uint32_t seconds;
	uint8_t clamped;   /* the written value was above 2**32-1 */
} sift_delta_seconds;

SIFT_API sift_code sift_delta_seconds_parse(const char *buf, sift_span value, unsigned options,
					    sift_delta_seconds *out, sift_error *err);

/* Retry-After (20.33): delta-seconds [ comment ] *( SEMI retry-param ),
 * retry-param = ("duration" EQUAL delta-seconds) / generic-param. Numbers
 * as sift_delta_seconds_parse() (RFC 4475 3.1.2.5: RFC 3261 gives no range;
 * values above 2**32-1 are clamped by default, rejected when strict). */
typedef struct sift_retry_after {
	uint32_t seconds;
	uint32_t duration;       /* 0 when absent */
	sift_span comment;       /* "(" ... ")" as written; empty when absent */
	sift_span params;        /* after the first SEMI */
	uint8_t clamped;         /* seconds or duration was above 2**32-1 */
	uint8_t has_duration;
} sift_retry_after;

SIFT_API sift_code sift_retry_after_parse(const char *buf, sift_span value, unsigned options,
					  sift_retry_after *out, sift_error *err);

/* Timestamp (20.38): 1*(DIGIT) [ "." *(DIGIT) ] [ LWS delay ], delay =
 * *(DIGIT) [ "." *(DIGIT) ]. Spans only: the numbers have no range. */
typedef struct sift_timestamp {
	sift_span time;
	sift_span delay;       /* empty when absent (or written empty) */
} sift_timestamp;

SIFT_API sift_code sift_timestamp_parse(const char *buf, sift_span value, unsigned options,
					sift_timestamp *out, sift_error *err);

/* ---- Text ---------------------------------------------------------------- */

/* Warning (20.43): warning-value = warn-code SP warn-agent SP warn-text,
 * warn-code = 3DIGIT, warn-agent = hostport / pseudonym, warn-text =
 * quoted-string. One warning-value. */
typedef struct sift_warning {
	uint16_t code;
	sift_span agent;
	sift_span text;        /* the quoted-string with its quotes */
} sift_warning;

SIFT_API sift_code sift_warning_parse(const char *buf, sift_span value, unsigned options,
				      sift_warning *out, sift_error *err);

/* The warn-text RFC 3261 20.43 (and RFC 5630 3.4 for 380, 381) recommends
 * for a registered warn-code ("Incompatible network protocol"), or NULL. */
SIFT_API const char *sift_warning_code_text(unsigned code);

/* Server (20.35) and User-Agent (20.41): server-val *(LWS server-val),
 * server-val = product / comment, product = token [SLASH product-version].
 * Comments nest (RFC 3261 25 comment = LPAREN *(ctext / quoted-pair /
 * comment) RPAREN); nesting deeper than SIFT_COMMENT_DEPTH_MAX fails with
 * rule "comment" (no recursion: a counter). */
#define SIFT_COMMENT_DEPTH_MAX 32

typedef struct sift_server_val {
	sift_span product;     /* token; empty for a comment */
	sift_span version;     /* product-version; empty when absent */
	sift_span comment;     /* "(" ... ")" as written; empty for a product */
	uint8_t is_comment;
} sift_server_val;

/* Checks the whole value; *count (may be NULL) receives the number of
 * server-vals. */
SIFT_API sift_code sift_server_parse(const char *buf, sift_span value, unsigned options,
				     uint32_t *count, sift_error *err);

/* Iterator over the server-vals of a value: start *cursor at the value;
 * returns SIFT_OK with the next one, SIFT_E_NOT_FOUND at the end, or the
 * error (the cursor then stays where it was). */
SIFT_API sift_code sift_server_val_next(const char *buf, sift_span *cursor, unsigned options,
					sift_server_val *out, sift_error *err);

/* Subject (20.36, compact "s") and Organization (20.25):
 * [TEXT-UTF8-TRIM]; may be empty. *text is the value without SWS around it.
 * By default the text is held to RFC 3261 25 header-value (no control
 * characters; bytes 0x80-0xFF not checked as UTF-8), as every extension
 * header is; SIFT_OPT_STRICT requires TEXT-UTF8-TRIM (valid UTF-8). */
SIFT_API sift_code sift_text_parse(const char *buf, sift_span value, unsigned options,
				   sift_span *text, sift_error *err);

/* ---- Caller preferences (RFC 3841) --------------------------------------- */

/* Accept-Contact (compact "a"): ac-value = "*" *(SEMI ac-params);
 * Reject-Contact (compact "j"): rc-value = "*" *(SEMI rc-params).
 * A feature-param (RFC 3840 9) is also a generic-param by the ABNF's
 * alternation, so by default any generic-param passes; SIFT_OPT_STRICT holds
 * every parameter named by an enc-feature-tag that has a value to the
 * feature-param rule (RFC 3840 9: tag values are token-nobang, boolean,
 * numeric or <string>; deployments often send unescaped ':' in them). */
typedef struct sift_caller_prefs {
	sift_span params;        /* after the first SEMI */
	uint16_t feature_count;  /* parameters named by an enc-feature-tag */
	uint8_t has_require;     /* req-param "require" (Accept-Contact only) */
	uint8_t has_explicit;    /* explicit-param "explicit" (Accept-Contact only) */
} sift_caller_prefs;

SIFT_API sift_code sift_accept_contact_parse(const char *buf, sift_span value, unsigned options,
					     sift_caller_prefs *out, sift_error *err);
SIFT_API sift_code sift_reject_contact_parse(const char *buf, sift_span value, unsigned options,
					     sift_caller_prefs *out, sift_error *err);

#ifdef __cplusplus
}
#endif
#endif
