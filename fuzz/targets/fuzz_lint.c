/*
 * fuzz/targets/fuzz_lint.c - the lint pipeline on raw bytes: sift_parse(),
 * sift_check_message() and the cross-message tracker, as siplint runs them.
 *
 * Input: one selector byte, then datagrams separated by a line "%%"
 * (the layout of the rule examples in tests/rules/).
 *   bits 0-1  profile: lenient, default, strict, strict (index-only parse)
 *   bits 2-4  tracker capacity: 1, 2, 4, 8, 16, 64, 256, 1024 (small ones
 *             force evictions)
 *   bit 5     every datagram arrives 40 s after the previous one (timers
 *             expire), else 10 ms
 *
 * Invariants (abort on violation):
 *   - every diagnostic names a rule of the table with its severity, points
 *     inside the datagram (offset + length <= size) unless it is about an
 *     earlier packet, and its detail is NUL-terminated;
 *   - sift_check_message() returns the number of callbacks it made;
 *   - the same datagram checked twice gives the same findings (no state);
 *   - the tracker's counts add up: messages fed = messages counted,
 *     retransmissions <= messages;
 *   - sift_check_tracked() (one call, siplint's way, sharing the typed
 *     parses) reports the same findings in the same order as
 *     sift_tracker_message() then sift_check_message() on a second tracker.
 */
#include "check.h"

typedef struct findings {
	size_t size;          /* bytes of the datagram being checked */
	uint32_t packets;     /* packets fed so far */
	unsigned count;
	uint64_t digest;      /* order-sensitive hash of (rule, offset, length) */
} findings;

static void on_diagnostic(const sift_diagnostic *d, void *context)
{
	findings *f = context;
	const sift_rule *rule = sift_rule_get(d->rule);
	FUZZ_CHECK(rule != NULL);
	FUZZ_CHECK(d->severity == rule->severity);
	FUZZ_CHECK(memchr(d->detail, '\0', sizeof d->detail) != NULL);
	if (d->packet == 0)
		FUZZ_CHECK((uint64_t)d->offset + d->length <= f->size);
	else
		FUZZ_CHECK(d->packet <= f->packets);
	f->count++;
	f->digest = (f->digest ^ ((uint64_t)d->rule << 40 ^ (uint64_t)d->offset << 16 ^ d->length)) *
		    0x100000001b3ull;
}

static const uint32_t capacities[8] = { 1, 2, 4, 8, 16, 64, 256, 1024 };

/* The next datagram of [p, end): up to a line "%%" (ended by CRLF or LF)
 * or the end. */
static const uint8_t *next_datagram(const uint8_t *p, const uint8_t *end, size_t *len)
{
	for (const uint8_t *q = p; q < end; q++) {
		if ((q != p && q[-1] != '\n') || end - q < 3 || q[0] != '%' || q[1] != '%')
			continue;
		size_t line_end = q[2] == '\n' ? 3 : (end - q >= 4 && q[2] == '\r' && q[3] == '\n') ? 4 : 0;
		if (line_end) {
			*len = (size_t)(q - p);
			return q + line_end;
		}
	}
	*len = (size_t)(end - p);
	return end;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	static const sift_profile profiles[4] = { SIFT_PROFILE_LENIENT, SIFT_PROFILE_DEFAULT,
						  SIFT_PROFILE_STRICT, SIFT_PROFILE_STRICT };
	unsigned selector = data[0];
	sift_check_config config;
	sift_check_config_init(&config, profiles[selector & 3]);
	unsigned parse_options = config.parse_options;
	if ((selector & 3) == 3)
		parse_options |= SIFT_OPT_INDEX_ONLY;
	uint32_t capacity = capacities[(selector >> 2) & 7];
	uint64_t step_ns = (selector & 0x20) ? 40000000000ull : 10000000ull;

	size_t tracker_size = sift_tracker_size(capacity);
	void *memory = malloc(tracker_size);
	FUZZ_CHECK(memory != NULL);
	sift_tracker *tracker = sift_tracker_init(memory, tracker_size, capacity, &config);
	FUZZ_CHECK(tracker != NULL);
	FUZZ_CHECK(sift_tracker_init(memory, tracker_size - 1, capacity, &config) == NULL ||
		   tracker_size == 0);
	tracker = sift_tracker_init(memory, tracker_size, capacity, &config);
	void *memory2 = malloc(tracker_size);
	FUZZ_CHECK(memory2 != NULL);
	sift_tracker *tracker2 = sift_tracker_init(memory2, tracker_size, capacity, &config);
	FUZZ_CHECK(tracker2 != NULL);

	sift_header headers[64];
	sift_msg msg;
	findings f = { 0, 0, 0, 0 }, combined = { 0, 0, 0, 0 };
	uint64_t fed = 0;
	const uint8_t *p = data + 1, *end = data + size;
	while (p < end) {
		size_t len;
		const uint8_t *next = next_datagram(p, end, &len);
		char *datagram = fuzz_dup(p, len);
		p = next;
		sift_msg_init(&msg, headers, 64);
		sift_code code = sift_parse(&msg, datagram, len, parse_options);
		f.size = len;
		f.packets++;
		sift_packet_info info = { step_ns * f.packets, f.packets, 0 };
		int retransmission = 0;
		if (code == SIFT_OK) {
			retransmission = sift_tracker_message(tracker, datagram, &msg, &info,
							      on_diagnostic, &f);
			FUZZ_CHECK(retransmission == 0 || retransmission == 1);
			fed++;
		}
		if (!retransmission) {
			unsigned before = f.count;
			uint64_t digest_before = f.digest;
			unsigned reported = sift_check_message(&config, datagram, len, &msg, code,
							       on_diagnostic, &f);
			FUZZ_CHECK(reported == f.count - before);
			/* Checking is a pure function of the message. */
			findings again = { len, f.packets, 0, digest_before };
			FUZZ_CHECK(sift_check_message(&config, datagram, len, &msg, code,
						      on_diagnostic, &again) == reported);
			FUZZ_CHECK(again.digest == f.digest);
		}
		combined.size = len;
		combined.packets++;
		(void)sift_check_tracked(&config, tracker2, datagram, len, &msg, code, &info,
					 on_diagnostic, &combined);
		FUZZ_CHECK(combined.count == f.count && combined.digest == f.digest);
		free(datagram);
	}
	f.size = 0;
	sift_tracker_finish(tracker, on_diagnostic, &f);
	combined.size = 0;
	sift_tracker_finish(tracker2, on_diagnostic, &combined);
	FUZZ_CHECK(combined.count == f.count && combined.digest == f.digest);
	free(memory2);
	sift_tracker_stats stats;
	sift_tracker_get_stats(tracker, &stats);
	FUZZ_CHECK(stats.messages == fed);
	FUZZ_CHECK(stats.retransmissions <= stats.messages);
	free(memory);
	return 0;
}
