/*
 * sipsift/session.h - typed parsers for the session and dialog headers:
 * Replaces, Join, Target-Dialog, RAck, RSeq, Session-Expires, Min-SE,
 * Reason, Privacy, Identity, Identity-Info, Max-Breadth, Flow-Timer,
 * Priority, Alert-Info, Call-Info, Error-Info.
 *
 * Same contract as sipsift/hdr.h: each parser takes one header value (an
 * index entry's value span; list headers give one element per entry) and
 * fills a struct of spans into the caller's buffer. Nothing is allocated or
 * copied; nothing is read outside the value. On failure the parser returns
 * SIFT_E_HEADER_VALUE (SIFT_E_URI for a bad URI, SIFT_E_NUMBER_RANGE for a
 * number out of range) and fills err, which may be NULL, with the offset of
 * the first byte that cannot be explained and the ABNF rule that failed.
 *
 * Options: by default a parameter is held to the ABNF as a whole, in which
 * an extension alternative (generic-param) admits any name=value, so
 * "cause=x" in Reason or "refresher=both" in Session-Expires pass as
 * extensions and are not captured. SIFT_OPT_STRICT holds a known parameter
 * to its own rule (protocol-cause, refresher-param...) and applies the
 * ranges the RFC text states beyond the ABNF (Session-Expires of at least
 * 90 seconds, a positive Max-Breadth...). Each function says which.
 */
#ifndef SIPSIFT_SESSION_H
#define SIPSIFT_SESSION_H

#include "sipsift/hdr.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Dialog identification --------------------------------------------- */

/* Replaces (RFC 3891 6.1) and Join (RFC 3911 7.1):
 *   callid *(SEMI replaces-param)   replaces-param = to-tag / from-tag /
 *                                   early-flag / generic-param
 * Exactly one to-tag and one from-tag are required in every mode (RFC 3891
 * 6.1, RFC 3911 7.1: "MUST contain exactly one"). */
typedef struct sift_dialog_match {
	sift_span call_id;
	sift_span to_tag;      /* the to-tag value */
	sift_span from_tag;    /* the from-tag value */
	sift_span params;      /* after the first SEMI; walk with sift_param_next */
	uint8_t early_only;    /* Replaces: early-flag present */
} sift_dialog_match;

SIFT_API sift_code sift_replaces_parse(const char *buf, sift_span value, unsigned options,
				       sift_dialog_match *out, sift_error *err);

/* Join: as Replaces; "early-only" has no meaning there and is an ordinary
 * generic-param (early_only stays 0). */
SIFT_API sift_code sift_join_parse(const char *buf, sift_span value, unsigned options,
				   sift_dialog_match *out, sift_error *err);

/* Target-Dialog (RFC 4538 7): callid *(SEMI td-param), td-param =
 * remote-param / local-param / generic-param. The tags are from the
 * recipient's view of the dialog. Strict: both tags required, once each. */
typedef struct sift_target_dialog {
	sift_span call_id;
	sift_span local_tag;   /* local-tag value */
	sift_span remote_tag;  /* remote-tag value */
	sift_span params;
	uint8_t has_local_tag;
	uint8_t has_remote_tag;
} sift_target_dialog;

SIFT_API sift_code sift_target_dialog_parse(const char *buf, sift_span value, unsigned options,
					    sift_target_dialog *out, sift_error *err);

/* ---- Reliable provisional responses (RFC 3262) ------------------------- */

/* RAck = response-num LWS CSeq-num LWS Method (RFC 3262 7.2). response-num
 * is an RSeq, 1 to 2**32 - 1 (7.1); CSeq-num is a CSeq number, below 2**32.
 * Out of range: SIFT_E_NUMBER_RANGE. The method is case-sensitive. */
typedef struct sift_rack {
	uint32_t response_num;
	uint32_t cseq_num;
	sift_span method;
	uint16_t method_id;    /* sift_method_id */
} sift_rack;

SIFT_API sift_code sift_rack_parse(const char *buf, sift_span value, unsigned options,
				   sift_rack *out, sift_error *err);

/* RSeq = response-num (RFC 3262 7.1): 1 to 2**32 - 1, else
 * SIFT_E_NUMBER_RANGE. */
SIFT_API sift_code sift_rseq_parse(const char *buf, sift_span value, unsigned options,
				   uint32_t *out, sift_error *err);

/* ---- Session timers (RFC 4028) ----------------------------------------- */

typedef enum sift_refresher {
	SIFT_REFRESHER_NONE = 0, /* no refresher parameter */
	SIFT_REFRESHER_UAC,
	SIFT_REFRESHER_UAS
} sift_refresher;

/* Session-Expires (compact "x") = delta-seconds *(SEMI se-params)
 * (RFC 4028 4). The number must fit 32 bits; strict: at least 90 (RFC 4028
 * 4: "the absolute minimum"), and refresher must be "uac" or "uas". */
typedef struct sift_session_expires {
	uint32_t seconds;
	sift_refresher refresher;
	sift_span refresher_text; /* the refresher value as written */
	sift_span params;
} sift_session_expires;

SIFT_API sift_code sift_session_expires_parse(const char *buf, sift_span value, unsigned options,
					      sift_session_expires *out, sift_error *err);

/* Min-SE = delta-seconds *(SEMI generic-param) (RFC 4028 5). Strict: at
 * least 90 (5: "MUST NOT be less than 90 seconds"). */
typedef struct sift_min_se {
	uint32_t seconds;
	sift_span params;
} sift_min_se;

SIFT_API sift_code sift_min_se_parse(const char *buf, sift_span value, unsigned options,
				     sift_min_se *out, sift_error *err);

/* ---- Reason (RFC 3326 2) ----------------------------------------------- */

typedef enum sift_reason_protocol {
	SIFT_REASON_PROTOCOL_OTHER = 0,  /* any other token */
	SIFT_REASON_PROTOCOL_SIP,        /* cause is a SIP status code */
	SIFT_REASON_PROTOCOL_Q850,       /* cause is an ITU-T Q.850 cause value */
	SIFT_REASON_PROTOCOL_PREEMPTION  /* RFC 4411 */
} sift_reason_protocol;

/* One reason-value = protocol *(SEMI reason-params). The cause must fit 32
 * bits; strict: cause digits and a quoted text are required when those
 * parameters are present, a SIP cause is a status code 100-699 and a Q.850
 * cause is 0-127 (a 7-bit value), else SIFT_E_NUMBER_RANGE. */
typedef struct sift_reason {
	sift_span protocol;
	sift_reason_protocol protocol_id;
	uint32_t cause;
	sift_span cause_text;  /* the cause digits */
	sift_span text;        /* reason-text with its quotes; empty when absent */
	sift_span params;
	uint8_t has_cause;
	uint8_t has_text;
} sift_reason;

SIFT_API sift_code sift_reason_parse(const char *buf, sift_span value, unsigned options,
				     sift_reason *out, sift_error *err);

/* ---- Privacy (RFC 3323 4.2, RFC 3325 9.3) ------------------------------ */

enum {
	SIFT_PRIVACY_HEADER = 1u << 0,
	SIFT_PRIVACY_SESSION = 1u << 1,
	SIFT_PRIVACY_USER = 1u << 2,
	SIFT_PRIVACY_NONE = 1u << 3,
	SIFT_PRIVACY_CRITICAL = 1u << 4,
	SIFT_PRIVACY_ID = 1u << 5,       /* RFC 3325 9.3 */
	SIFT_PRIVACY_HISTORY = 1u << 6,  /* RFC 7044 */
	SIFT_PRIVACY_OTHER = 1u << 7     /* any other token */
};

/* Privacy = priv-value *(";" priv-value). The ABNF has a bare ";": white
 * space around it is accepted by default and rejected when strict. */
typedef struct sift_privacy {
	sift_span values;   /* the whole list; walk with sift_privacy_next */
	unsigned flags;     /* SIFT_PRIVACY_* of the values present */
	uint32_t count;
} sift_privacy;

SIFT_API sift_code sift_privacy_parse(const char *buf, sift_span value, unsigned options,
				      sift_privacy *out, sift_error *err);

/* Walks a list sift_privacy_parse() accepted: *cursor starts as
 * sift_privacy.values; each call returns 1 with the next priv-value in
 * *value, 0 at the end. */
SIFT_API int sift_privacy_next(const char *buf, sift_span *cursor, sift_span *value);

/* The SIFT_PRIVACY_* flag of one priv-value (case-insensitive: ABNF
 * strings are). */
SIFT_API unsigned sift_privacy_value_flag(const char *buf, sift_span value);

/* ---- Identity (RFC 8224 4.1; RFC 4474 9) ------------------------------- */

/* Identity = signed-identity-digest SEMI ident-info *(SEMI
 * ident-info-params). The digest is a PASSporT in JWS compact form (RFC
 * 8225: header.payload.signature, base64url; header and payload empty in
 * the compact form of RFC 8225 7). The obsoleted RFC 4474 form, a base64
 * digest alone (quoted as RFC 4474 9 writes it, or unquoted with its "="
 * padding as in RFC 4475 3.1.1.11, which holds it valid), is read in every
 * mode and sets is_rfc4474. Otherwise info is required; by default it may
 * come after other parameters, strict requires it first (as the ABNF
 * orders) and a digest of exactly three segments with a signature, in
 * base64url alone (errata 6499: "/" and "+" are refused, rule
 * "base64url-char"). */
typedef struct sift_identity {
	sift_span digest;      /* as written (RFC 4474: with its quotes) */
	sift_span jws_header;  /* the three segments, when there are three */
	sift_span jws_payload;
	sift_span jws_signature;
	sift_span info_uri;    /* inside < > */
	sift_span alg;
	sift_span ppt;
	sift_span params;      /* after the first SEMI */
	uint8_t has_info;
	uint8_t is_rfc4474;
} sift_identity;

SIFT_API sift_code sift_identity_parse(const char *buf, sift_span value, unsigned options,
				       sift_identity *out, sift_error *err);

/* Identity-Info = ident-info *(SEMI ident-info-params), ident-info =
 * LAQUOT absoluteURI RAQUOT (RFC 4474 9; obsoleted by RFC 8224, which moved
 * the URI into Identity's info parameter). */
typedef struct sift_identity_info {
	sift_span uri;         /* inside < > */
	sift_span alg;
	sift_span params;
} sift_identity_info;

SIFT_API sift_code sift_identity_info_parse(const char *buf, sift_span value, unsigned options,
					    sift_identity_info *out, sift_error *err);

/* ---- Numbers: Max-Breadth (RFC 5393 5.8), Flow-Timer (RFC 5626 10) ----- */

/* Max-Breadth = 1*DIGIT, no parameters (RFC 5393 5.3.1). Above 2**32 - 1:
 * SIFT_E_NUMBER_RANGE; 0 ("a single positive integer") only when strict
 * (the lint rule rfc5393-max-breadth-value reports it in every profile). */
SIFT_API sift_code sift_max_breadth_parse(const char *buf, sift_span value, unsigned options,
					  uint32_t *out, sift_error *err);

/* Flow-Timer = 1*DIGIT seconds (RFC 5626 10); below 2**32. */
SIFT_API sift_code sift_flow_timer_parse(const char *buf, sift_span value, unsigned options,
					 uint32_t *out, sift_error *err);

/* ---- Priority (RFC 3261 20.26; registry of RFC 6878) ------------------- */

typedef enum sift_priority_value {
	SIFT_PRIORITY_OTHER = 0,     /* other-priority: any other token */
	SIFT_PRIORITY_EMERGENCY,
	SIFT_PRIORITY_URGENT,
	SIFT_PRIORITY_NORMAL,
	SIFT_PRIORITY_NON_URGENT,
	SIFT_PRIORITY_PSAP_CALLBACK  /* RFC 7090, in the RFC 6878 registry */
} sift_priority_value;

typedef struct sift_priority {
	sift_span value;
	sift_priority_value id;
} sift_priority;

/* priority-value = "emergency" / "urgent" / "normal" / "non-urgent" /
 * other-priority (a token), matched case-insensitively. */
SIFT_API sift_code sift_priority_parse(const char *buf, sift_span value, unsigned options,
				       sift_priority *out, sift_error *err);

/* ---- URI-valued headers: Alert-Info, Call-Info, Error-Info ------------- */

typedef enum sift_info_purpose {
	SIFT_PURPOSE_NONE = 0,   /* no purpose parameter */
	SIFT_PURPOSE_ICON,
	SIFT_PURPOSE_INFO,
	SIFT_PURPOSE_CARD,
	SIFT_PURPOSE_OTHER       /* another token */
} sift_info_purpose;

/* One element of Alert-Info (alert-param, RFC 3261 20.4 with RFC 7463 7's
 * appearance-param), Call-Info (info, RFC 3261 20.9) or Error-Info
 * (error-uri, 20.18): LAQUOT absoluteURI RAQUOT *(SEMI param). White space
 * inside < > is accepted by default, rejected when strict. Strict also
 * holds appearance to 1*DIGIT and purpose to a token. */
typedef struct sift_info_value {
	sift_span uri;         /* inside < > */
	sift_span params;      /* after the first SEMI */
	sift_span purpose;     /* Call-Info purpose value */
	sift_info_purpose purpose_id;
	sift_span appearance;  /* Alert-Info appearance value */
	uint8_t has_appearance;
	uint8_t appearance_count; /* how often appearance occurs (RFC 7463 7: once) */
	uint8_t is_alert_urn;  /* Alert-Info: the URI is urn:alert: (RFC 7462) */
} sift_info_value;

SIFT_API sift_code sift_alert_info_parse(const char *buf, sift_span value, unsigned options,
					 sift_info_value *out, sift_error *err);
SIFT_API sift_code sift_call_info_parse(const char *buf, sift_span value, unsigned options,
					sift_info_value *out, sift_error *err);
SIFT_API sift_code sift_error_info_parse(const char *buf, sift_span value, unsigned options,
					 sift_info_value *out, sift_error *err);

/* An alert URN (RFC 7462 7) and what the registry says of it. The grammar
 * and the registry of RFC 7462 9.2.1 are the URI layer's
 * (sift_alert_urn_check in uri.h); this is the view the header layer and
 * the lint rules want: parsed, then registered or not. */
typedef struct sift_alert_urn_status {
	sift_span category;    /* alert-category */
	sift_span indication;  /* alert-indication: the rest, colons included */
	uint8_t has_private;   /* some part is a private-name (label@provider) */
	/* The part before the first private-name is a registered
	 * alert-category or alert-identifier (RFC 7462 7 "Validation
	 * mechanism", 9.2.1), compared case-insensitively; 1 when the
	 * category itself is private. */
	uint8_t registered;
	/* registered, but not written as registered (RFC 7462 7: "MUST be
	 * transmitted as registered (including case)") */
	uint8_t case_differs;
} sift_alert_urn_status;

/*
 * Parses the URI at span uri (as sift_info_value.uri gives it) as an alert
 * URN. Returns SIFT_E_NOT_FOUND (err untouched) when the URI is not in the
 * urn:alert: namespace (the scheme and NID compare case-insensitively),
 * SIFT_E_URI with the rule (alert-category, alert-ind-part, alert-label...)
 * when it is but does not match RFC 7462 7's ABNF, else SIFT_OK with the
 * registry's verdict in out.
 */
SIFT_API sift_code sift_alert_urn_parse(const char *buf, sift_span uri,
					sift_alert_urn_status *out, sift_error *err);

#ifdef __cplusplus
}
#endif
#endif
