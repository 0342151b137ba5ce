/*
 * sipsift/event.h - typed parsers for the event-notification headers and
 * their relatives: Event, Allow-Events, Subscription-State (RFC 6665 8.2,
 * with the rate-control parameters of RFC 6446 9), Refer-Sub (RFC 4488 4),
 * SIP-ETag and SIP-If-Match (RFC 3903 11.3), Info-Package and Recv-Info
 * (RFC 6086 7.2, 7.3).
 *
 * Same contract as hdr.h: each parser takes one header value (an index
 * entry's value span) and fills a struct of spans into the caller's buffer.
 * Nothing is allocated or copied; nothing past value.off + value.len is read.
 * On failure the parser returns SIFT_E_HEADER_VALUE (SIFT_E_NUMBER_RANGE for
 * a number out of range) and fills err with the offset of the first byte it
 * cannot explain and the ABNF rule that failed; err may be NULL.
 * Parameter lists (the `params` spans) are walked with sift_param_next()
 * and searched with sift_param_find() (uri.h).
 *
 * Options: SIFT_OPT_STRICT (msg.h). By default an "id" parameter or an RFC
 * 6446 rate parameter whose value does not follow its own rule is accepted
 * as the generic-param it also is (a receiver that does not know RFC 6446,
 * or a liberal one, takes it so); strict rejects it. siplint reports those
 * cases with their own rules (rfc6665-event-id-syntax, rfc6446-rate-syntax).
 */
#ifndef SIPSIFT_EVENT_H
#define SIPSIFT_EVENT_H

#include "sipsift/span.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * An RFC 6446 rate parameter: max-rate, min-rate or adaptive-min-rate
 * = 1*2DIGIT ["." 1*10DIGIT] notifications per second, never zero
 * (RFC 6446 5.1, 6.1, 7.1).
 */
typedef struct sift_event_rate {
	sift_span text;     /* the value as written ("0.5"); empty when absent */
	uint64_t units;     /* the rate in 10^-10 notifications per second
	                       ("0.5" is 5000000000); 0 unless valid */
	uint8_t present;    /* the parameter appears (last occurrence wins) */
	uint8_t valid;      /* it follows RFC 6446 9.2 and is not zero */
} sift_event_rate;

/*
 * Event (RFC 6665 8.2.1, 8.4; compact form o):
 *   event-type *( SEMI event-param ), event-type = event-package
 *   *( "." event-template ), event-param = generic-param / ("id" EQUAL token)
 */
typedef struct sift_event {
	sift_span type;        /* event-type: "presence.winfo" */
	sift_span package;     /* event-package: "presence" */
	sift_span templates;   /* after the first ".": "winfo"; empty when none.
	                          Walk with sift_event_template_next() */
	sift_span params;      /* after the first SEMI; empty when none */
	sift_span id;          /* id parameter value; empty when absent */
	uint8_t has_id;
	uint8_t id_is_token;   /* the id follows "id" EQUAL token */
	sift_event_rate max_rate, min_rate, adaptive_min_rate; /* RFC 6446 9.2 */
} sift_event;

/* Parses an Event value into out. Errors: "event-type", "event-param",
 * "generic-param", "gen-value"; with SIFT_OPT_STRICT also an id that is not
 * a token ("event-param") and a malformed or zero rate ("max-rate-param",
 * "min-rate-param", "amin-rate-param"). */
SIFT_API sift_code sift_event_parse(const char *buf, sift_span value, unsigned options,
				    sift_event *out, sift_error *err);

/* Walks the event-template parts of sift_event.templates: start *cursor with
 * that span; each call returns 1 and the next template ("winfo"), or 0 at
 * the end. */
SIFT_API int sift_event_template_next(const char *buf, sift_span *cursor, sift_span *out);

/* A comma list of a header (Allow-Events, Recv-Info) as one span. */
typedef struct sift_event_list {
	sift_span list;    /* the whole list, LWS around it aside; may be empty
	                      for Recv-Info */
	uint32_t count;    /* elements in it */
} sift_event_list;

/* Allow-Events (RFC 6665 8.2.2; compact form u): event-type *(COMMA
 * event-type). Takes a whole header line's value or one index entry. Walk
 * the types with sift_event_list_next(). Errors: "event-type". */
SIFT_API sift_code sift_allow_events_parse(const char *buf, sift_span value, unsigned options,
					   sift_event_list *out, sift_error *err);

/* Walks a list a parser of this header validated (Allow-Events: each
 * element is the event-type; Recv-Info: the Info-package-type with its
 * parameters). Start *cursor with sift_event_list.list; each call returns 1
 * and the next element without the LWS around it, or 0 at the end. Commas
 * inside quoted strings do not split. */
SIFT_API int sift_event_list_next(const char *buf, sift_span *cursor, sift_span *out);

/* substate-value (RFC 6665 8.4), compared case-insensitively. */
typedef enum sift_substate {
	SIFT_SUBSTATE_OTHER = 0,  /* extension-substate */
	SIFT_SUBSTATE_ACTIVE,
	SIFT_SUBSTATE_PENDING,
	SIFT_SUBSTATE_TERMINATED
} sift_substate;

/* event-reason-value (RFC 6665 4.1.3, 7.2 registry; badfilter from RFC 4660). */
typedef enum sift_substate_reason {
	SIFT_REASON_NONE = 0,     /* no reason parameter */
	SIFT_REASON_OTHER,        /* event-reason-extension */
	SIFT_REASON_DEACTIVATED,
	SIFT_REASON_PROBATION,
	SIFT_REASON_REJECTED,
	SIFT_REASON_TIMEOUT,
	SIFT_REASON_GIVEUP,
	SIFT_REASON_NORESOURCE,
	SIFT_REASON_INVARIANT,
	SIFT_REASON_BADFILTER
} sift_substate_reason;

/*
 * Subscription-State (RFC 6665 8.2.3, 8.4): substate-value
 * *( SEMI subexp-params ), with reason, expires and retry-after checked for
 * their own rules, and the RFC 6446 rate parameters.
 */
typedef struct sift_subscription_state {
	sift_span state;             /* "active", "pending", "terminated", or a token */
	sift_substate state_id;
	sift_span params;            /* after the first SEMI; empty when none */
	sift_span reason;            /* reason value; empty when absent */
	sift_substate_reason reason_id;
	uint32_t expires;            /* delta-seconds, when has_expires */
	uint32_t retry_after;        /* delta-seconds, when has_retry_after */
	uint8_t has_expires;
	uint8_t has_retry_after;
	sift_event_rate max_rate, min_rate, adaptive_min_rate; /* RFC 6446 9.2 */
} sift_subscription_state;

/* Parses a Subscription-State value. Errors: "substate-value",
 * "event-reason-value", "delta-seconds" (SIFT_E_NUMBER_RANGE above
 * 2^32-1), "subexp-params", "gen-value"; with SIFT_OPT_STRICT also the rate
 * rules as for Event. */
SIFT_API sift_code sift_subscription_state_parse(const char *buf, sift_span value,
						 unsigned options,
						 sift_subscription_state *out,
						 sift_error *err);

/* Refer-Sub (RFC 4488 4): refer-sub-value *(SEMI exten). */
typedef struct sift_refer_sub {
	sift_span value;       /* "true" or "false", any case */
	uint8_t is_true;
	sift_span params;      /* exten parameters; empty when none */
} sift_refer_sub;

/* Errors: "refer-sub-value", "generic-param", "gen-value". */
SIFT_API sift_code sift_refer_sub_parse(const char *buf, sift_span value, unsigned options,
					sift_refer_sub *out, sift_error *err);

/* SIP-ETag and SIP-If-Match (RFC 3903 11.3.1, 11.3.2): entity-tag = token.
 * *tag receives the entity-tag. Errors: "entity-tag". */
SIFT_API sift_code sift_entity_tag_parse(const char *buf, sift_span value, unsigned options,
					 sift_span *tag, sift_error *err);

/* Info-package-type (RFC 6086): Info-package-name *( SEMI
 * Info-package-param ). */
typedef struct sift_info_package {
	sift_span name;        /* Info-package-name (a token) */
	sift_span params;      /* after the first SEMI; empty when none */
} sift_info_package;

/* Info-Package (RFC 6086 7.2): exactly one Info-package-type. Errors:
 * "Info-package-name", "generic-param", "gen-value", "Info-package-type". */
SIFT_API sift_code sift_info_package_parse(const char *buf, sift_span value, unsigned options,
					   sift_info_package *out, sift_error *err);

/* Recv-Info (RFC 6086 7.3): [Info-package-list], so an empty value is valid
 * (count 0). Takes a whole line's value or one index entry; walk the
 * elements with sift_event_list_next() and parse each with
 * sift_info_package_parse(). Errors as for Info-Package. */
SIFT_API sift_code sift_recv_info_parse(const char *buf, sift_span value, unsigned options,
					sift_event_list *out, sift_error *err);

#ifdef __cplusplus
}
#endif
#endif
