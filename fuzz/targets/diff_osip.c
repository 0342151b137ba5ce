/*
 * fuzz/targets/diff_osip.c - differential target: the same datagram through
 * sipsift (sift_parse, full validation) and GNU oSIP2 (osip_message_parse).
 *
 * Input: the layout of fuzz_parse, so its seeds serve here too: one selector
 * byte (ignored: sipsift always parses in full), then the datagram.
 *
 * A disagreement is not a crash: the input is saved for triage under
 * $DIFF_OUT/<class>/<hash> (default build/fuzz/diff) with <hash>.reason
 * beside it, at most DIFF_KEEP (200) per class, and counted; the counts are
 * printed when the process exits. Classes:
 *   sipsift-rejects   oSIP2 accepts, sipsift does not
 *   osip-rejects      sipsift accepts, oSIP2 does not
 *   method, status, call-id, cseq, via-count
 *                     both accept, and that part differs
 * Only sipsift's own invariants abort (spans inside the input), as in the
 * other targets. Which side is right per class: docs/fuzzing.md.
 *
 * Normalised before comparing, because they are representation, not
 * meaning: Call-ID compared as oSIP2's number[@host] against sipsift's value
 * with surrounding LWS removed; CSeq compared as number (leading zeros do
 * not count) and method text;
 * the Via count of oSIP2 is its list of via-parms, sipsift's the number of
 * index entries for Via (comma lists are split into entries).
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <sys/stat.h>
#include <osipparser2/osip_parser.h>
#include "check.h"

enum { DIFF_SIPSIFT_REJECTS, DIFF_OSIP_REJECTS, DIFF_METHOD, DIFF_STATUS, DIFF_CALL_ID,
       DIFF_CSEQ, DIFF_VIA_COUNT, DIFF_CLASS_COUNT };
static const char *const class_names[DIFF_CLASS_COUNT] = {
	"sipsift-rejects", "osip-rejects", "method", "status", "call-id", "cseq", "via-count"
};
static unsigned long class_counts[DIFF_CLASS_COUNT];
static unsigned long inputs;
enum { DIFF_KEEP = 200 };

static void print_counts(void)
{
	fprintf(stderr, "diff: %lu inputs\n", inputs);
	for (int i = 0; i < DIFF_CLASS_COUNT; i++)
		fprintf(stderr, "diff: %-16s %lu\n", class_names[i], class_counts[i]);
}

static uint64_t fnv1a(const uint8_t *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ull;
	while (n--)
		h = (h ^ *p++) * 0x100000001b3ull;
	return h;
}

static void make_dir(const char *path)
{
	if (mkdir(path, 0777) != 0 && errno != EEXIST) {
		perror(path);
		abort();
	}
}

/* Saves the input and the reason; the first DIFF_KEEP of each class. */
static void disagree(int which, const uint8_t *data, size_t size, const char *reason)
{
	class_counts[which]++;
	if (class_counts[which] > DIFF_KEEP)
		return;
	const char *out = getenv("DIFF_OUT");
	char dir[512], path[600];
	if (!out)
		out = "build/fuzz/diff";
	make_dir(out);
	snprintf(dir, sizeof dir, "%s/%s", out, class_names[which]);
	make_dir(dir);
	snprintf(path, sizeof path, "%s/%016llx", dir, (unsigned long long)fnv1a(data, size));
	FILE *f = fopen(path, "wb");
	if (!f)
		return;
	fwrite(data, 1, size, f);
	fclose(f);
	strncat(path, ".reason", sizeof path - strlen(path) - 1);
	f = fopen(path, "w");
	if (!f)
		return;
	fprintf(f, "%s: %s\n", class_names[which], reason);
	fclose(f);
	if (getenv("DIFF_VERBOSE"))
		fprintf(stderr, "diff: %s: %s\n", class_names[which], reason);
}

/* [p, p+n) with leading and trailing SP/HTAB/CR/LF removed. */
static void trim(const char **p, size_t *n)
{
	while (*n && strchr(" \t\r\n", (*p)[0]))
		(*p)++, (*n)--;
	while (*n && strchr(" \t\r\n", (*p)[*n - 1]))
		(*n)--;
}

/* oSIP2 keeps the CSeq number as text: "0009" is 9, as 1*DIGIT reads. */
static int same_number(uint32_t number, const char *text)
{
	if (!text || !*text || strspn(text, "0123456789") != strlen(text))
		return 0;
	while (text[0] == '0' && text[1])
		text++;
	char digits[16];
	snprintf(digits, sizeof digits, "%u", number);
	return strcmp(digits, text) == 0;
}

static int same_text(const char *a, size_t a_len, const char *b)
{
	return b && strlen(b) == a_len && memcmp(a, b, a_len) == 0;
}

static int initialised;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (initialised)
		return 0;
	initialised = 1;
	parser_init();
	atexit(print_counts);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The replay and AFL++ drivers do not call LLVMFuzzerInitialize. */
	LLVMFuzzerInitialize(NULL, NULL);
	if (size < 1)
		return 0;
	data++, size--;
	inputs++;
	char *copy = fuzz_dup(data, size);
	sift_header headers[256];
	sift_msg msg;
	sift_msg_init(&msg, headers, 256);
	sift_code code = sift_parse(&msg, copy, size, 0);
	if (code == SIFT_OK)
		for (uint32_t i = 0; i < msg.header_count; i++) {
			FUZZ_SPAN_IN(msg.headers[i].name, size);
			FUZZ_SPAN_IN(msg.headers[i].value, size);
		}

	osip_message_t *sip = NULL;
	int osip_ok = osip_message_init(&sip) == 0 && osip_message_parse(sip, copy, size) == 0;
	char reason[300];

	if (code != SIFT_OK && osip_ok) {
		char text[200];
		sift_error_format(&msg.error, text, sizeof text);
		snprintf(reason, sizeof reason, "sipsift: %s", text);
		disagree(DIFF_SIPSIFT_REJECTS, data, size, reason);
	} else if (code == SIFT_OK && !osip_ok) {
		disagree(DIFF_OSIP_REJECTS, data, size, "osip_message_parse failed");
	} else if (code == SIFT_OK && osip_ok) {
		int request = msg.kind == SIFT_KIND_REQUEST;
		if (request != (sip->sip_method != NULL) ||
		    (request && !same_text(copy + msg.method.off, msg.method.len, sip->sip_method))) {
			snprintf(reason, sizeof reason, "sipsift %s %.*s, oSIP2 %s",
				 request ? "request" : "response", (int)msg.method.len,
				 copy + msg.method.off, sip->sip_method ? sip->sip_method : "(response)");
			disagree(DIFF_METHOD, data, size, reason);
		} else if (!request && (int)msg.status != sip->status_code) {
			snprintf(reason, sizeof reason, "status sipsift %u, oSIP2 %d", msg.status,
				 sip->status_code);
			disagree(DIFF_STATUS, data, size, reason);
		} else {
			int found;
			sift_span callid = sift_msg_value(&msg, SIFT_H_CALL_ID, &found);
			const char *text = copy + callid.off;
			size_t len = callid.len;
			trim(&text, &len);
			char osip_callid[512] = "";
			if (sip->call_id && sip->call_id->number)
				snprintf(osip_callid, sizeof osip_callid, "%s%s%s", sip->call_id->number,
					 sip->call_id->host ? "@" : "",
					 sip->call_id->host ? sip->call_id->host : "");
			sift_span cseq_value = sift_msg_value(&msg, SIFT_H_CSEQ, &found);
			sift_cseq cseq;
			int have_cseq = found && sift_cseq_parse(copy, cseq_value, 0, &cseq, NULL) == SIFT_OK;
			char number[16];
			snprintf(number, sizeof number, "%u", have_cseq ? cseq.number : 0);
			int vias = osip_list_size(&sip->vias);
			if ((found = (callid.len || sip->call_id)) &&
			    !same_text(text, len, sip->call_id ? osip_callid : NULL)) {
				snprintf(reason, sizeof reason, "Call-ID sipsift \"%.*s\", oSIP2 \"%.100s\"",
					 (int)(len > 100 ? 100 : len), text, osip_callid);
				disagree(DIFF_CALL_ID, data, size, reason);
			} else if (have_cseq != (sip->cseq != NULL) ||
				   (have_cseq && (!same_number(cseq.number, sip->cseq->number) ||
						  !same_text(copy + cseq.method.off, cseq.method.len,
							     sip->cseq->method)))) {
				snprintf(reason, sizeof reason, "CSeq sipsift %s %.*s, oSIP2 %s %s",
					 have_cseq ? number : "-", have_cseq ? (int)cseq.method.len : 0,
					 have_cseq ? copy + cseq.method.off : "",
					 sip->cseq && sip->cseq->number ? sip->cseq->number : "-",
					 sip->cseq && sip->cseq->method ? sip->cseq->method : "");
				disagree(DIFF_CSEQ, data, size, reason);
			} else if ((int)sift_msg_count(&msg, SIFT_H_VIA) != vias) {
				snprintf(reason, sizeof reason, "Via values sipsift %u, oSIP2 %d",
					 sift_msg_count(&msg, SIFT_H_VIA), vias);
				disagree(DIFF_VIA_COUNT, data, size, reason);
			}
		}
	}
	osip_message_free(sip);
	free(copy);
	return 0;
}
