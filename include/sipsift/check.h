/*
 * sipsift/check.h - lint rules over parsed messages.
 *
 * Each rule has a stable id ("rfc3261-missing-max-forwards"), a severity, the
 * RFC section it enforces, a one-line message and a fix (src/check/rules.def,
 * docs/rules.md). sift_check_message() runs the enabled rules on one parsed
 * message and calls back once per finding; it allocates nothing.
 */
#ifndef SIPSIFT_CHECK_H
#define SIPSIFT_CHECK_H

#include "sipsift/msg.h"
#include "sipsift/rules.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum sift_severity {
	SIFT_SEVERITY_INFO = 0,
	SIFT_SEVERITY_WARNING,
	SIFT_SEVERITY_ERROR
} sift_severity;

typedef enum sift_profile {
	SIFT_PROFILE_LENIENT = 0, /* only what breaks interoperability outright */
	SIFT_PROFILE_DEFAULT,
	SIFT_PROFILE_STRICT       /* everything, including what RFC 4475 tolerates */
} sift_profile;

/* A rule as the table states it. All strings are static. */
typedef struct sift_rule {
	const char *id;
	sift_severity severity;
	const char *rfc;      /* "3261" */
	const char *section;  /* "8.1.1.6" */
	sift_profile profile; /* least strict profile that enables it */
	const char *message;
	const char *fix;
} sift_rule;

/* The rule with this id, or NULL for an out-of-range value. */
SIFT_API const sift_rule *sift_rule_get(sift_rule_id rule);

/* The rule whose string id is `id`; SIFT_RULE_COUNT when there is none. */
SIFT_API sift_rule_id sift_rule_lookup(const char *id);

/* Which rules run. Plain data: copy it, keep it on the stack. */
typedef struct sift_check_config {
	sift_profile profile;
	uint8_t enabled[SIFT_RULE_COUNT];
	unsigned parse_options; /* SIFT_OPT_* for parses done by the checker */
} sift_check_config;

/* Enables exactly the rules of `profile`; strict also parses strictly. */
SIFT_API void sift_check_config_init(sift_check_config *config, sift_profile profile);

/* Enables or disables one rule by id. Returns 0, or -1 for an unknown id. */
SIFT_API int sift_check_config_set(sift_check_config *config, const char *id, int enabled);

/* One finding: which rule, where (offset/length into the message buffer), and
 * a detail sentence (may be empty) written into the diagnostic itself. */
typedef struct sift_diagnostic {
	sift_rule_id rule;
	sift_severity severity;
	uint32_t offset;
	uint32_t length;
	uint32_t packet;   /* cross-message rules found at the end of a capture:
	                      the packet the finding is about (0: the current message) */
	char detail[160];
} sift_diagnostic;

/* Called once per finding; the diagnostic is valid only during the call. */
typedef void (*sift_diagnostic_fn)(const sift_diagnostic *diagnostic, void *context);

/*
 * Runs the enabled single-message rules on msg, which sift_parse() parsed from
 * buf[0..len) (SIFT_OPT_INDEX_ONLY is enough: the checker parses each header
 * value itself and reports every bad value, not only the first). When the
 * parse failed, reports it as rfc3261-syntax. len is the whole datagram, so
 * trailing bytes after Content-Length can be reported. Returns the number of
 * findings. No allocation.
 */
SIFT_API unsigned sift_check_message(const sift_check_config *config, const char *buf, size_t len,
				     const sift_msg *msg, sift_code parse_result,
				     sift_diagnostic_fn callback, void *context);

/*
 * Cross-message checks: a transaction and dialog tracker for captures.
 * Memory is the caller's: sift_tracker_size() bytes for a capacity of
 * transactions (dialogs and Call-IDs get the same capacity). Tables are
 * 4-way set associative; when a set is full its oldest entry is forgotten, so
 * memory never grows with the capture.
 */
typedef struct sift_tracker sift_tracker;

/* How one message was seen on the wire. */
typedef struct sift_packet_info {
	uint64_t time_ns;   /* capture time */
	uint32_t packet;    /* packet number in the capture (1-based) */
	uint8_t reliable;   /* came over TCP/TLS/SCTP (RFC 4320 4.1 timing) */
} sift_packet_info;

typedef struct sift_tracker_stats {
	uint64_t messages;
	uint64_t retransmissions;  /* byte-identical repeats: counted, not re-checked */
	uint64_t transactions;
	uint64_t dialogs;
	uint64_t forgotten;        /* entries evicted because a set was full */
} sift_tracker_stats;

/* Bytes of memory a tracker of `capacity` transactions needs. */
SIFT_API size_t sift_tracker_size(uint32_t capacity);

/* Prepares a tracker in `memory` (at least sift_tracker_size(capacity) bytes,
 * aligned for uint64_t). Returns it, or NULL when the memory is too small or
 * capacity is 0. The tracker keeps a pointer to config. */
SIFT_API sift_tracker *sift_tracker_init(void *memory, size_t size, uint32_t capacity,
					 const sift_check_config *config);

/*
 * Feeds one parsed message (parse succeeded) to the tracker and runs the
 * cross-message rules on it. Returns 1 when the message is a retransmission
 * of one already seen (the caller then skips the single-message rules, so a
 * finding is reported once), 0 otherwise.
 */
SIFT_API int sift_tracker_message(sift_tracker *tracker, const char *buf, const sift_msg *msg,
				  const sift_packet_info *info, sift_diagnostic_fn callback,
				  void *context);

/*
 * One message of a capture: sift_tracker_message() (when tracker is not
 * NULL and parse_result is SIFT_OK), then, unless that found a
 * retransmission, sift_check_message(). The findings are those of the two
 * calls, in that order; the header values both read (From, To, the top Via,
 * CSeq) are parsed once. Returns what sift_tracker_message() returns (0
 * when it is not called). No allocation.
 */
SIFT_API int sift_check_tracked(const sift_check_config *config, sift_tracker *tracker,
				const char *buf, size_t len, const sift_msg *msg,
				sift_code parse_result, const sift_packet_info *info,
				sift_diagnostic_fn callback, void *context);

/* Runs the end-of-capture rules (2xx never acknowledged...). */
SIFT_API void sift_tracker_finish(sift_tracker *tracker, sift_diagnostic_fn callback, void *context);

SIFT_API void sift_tracker_get_stats(const sift_tracker *tracker, sift_tracker_stats *out);

/* Registered reason phrase of a status code ("Ringing"), or NULL. */
SIFT_API const char *sift_status_reason(unsigned status);

/* Whether an option tag is registered (IANA, grammar/option-tags.def);
 * case-sensitive (RFC 3261 19.2). */
SIFT_API int sift_option_tag_known(const char *tag, size_t len);

#ifdef __cplusplus
}
#endif
#endif
