/*
 * fuzz/targets/fuzz_capture.c - siplint's capture reader on pcap and pcapng
 * bytes: libpcap's file parsing, then link, IP (with fragment reassembly),
 * UDP and TCP (with reassembly and sift_frame) decoded by
 * tools/sipsift/capture.c, and each message through sift_parse.
 *
 * Input: the capture file, as is (seeds: tests/capture/make_captures.py
 * output and the sample capture).
 *
 * Invariants (abort on violation):
 *   - every message lies in memory the reader owns and is no longer than
 *     the input (a message is made of captured bytes only);
 *   - its packet number is at most the number of frames read, src and dst
 *     are NUL-terminated "address:port" texts;
 *   - the counts add up: messages delivered = SIP over UDP + SIP over TCP,
 *     and no more than the frames read unless TCP carried several;
 *   - a second read of the same bytes delivers the same messages.
 */
#include "check.h"
#include "../../tools/sipsift/capture.h"

typedef struct seen {
	size_t input_size;
	uint64_t messages;
	uint64_t digest;
} seen;

static void on_message(void *context, const lint_where *where, const char *buf, size_t len)
{
	seen *s = context;
	FUZZ_CHECK(len <= s->input_size);
	FUZZ_CHECK(memchr(where->src, '\0', sizeof where->src) != NULL);
	FUZZ_CHECK(memchr(where->dst, '\0', sizeof where->dst) != NULL);
	FUZZ_CHECK(strchr(where->src, ':') != NULL && strchr(where->dst, ':') != NULL);
	FUZZ_CHECK(where->packet >= 1);
	/* Reading every byte makes ASan check the whole message. */
	char *copy = fuzz_dup(buf, len);
	sift_header headers[64];
	sift_msg msg;
	sift_msg_init(&msg, headers, 64);
	sift_code code = sift_parse(&msg, copy, len, 0);
	uint64_t h = s->digest ^ len ^ ((uint64_t)where->packet << 32) ^ (uint64_t)code << 48;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)copy[i]) * 0x100000001b3ull;
	s->digest = h * 0x100000001b3ull;
	s->messages++;
	free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const unsigned ports[] = { 5080, 7000 };
	if (!capture_is_capture(data, size))
		return 0;
	seen first = { size, 0, 0 }, second = { size, 0, 0 };
	capture_stats stats, stats_again;
	memset(&stats, 0, sizeof stats);
	memset(&stats_again, 0, sizeof stats_again);
	char error[256];
	int status = capture_read("fuzz", data, size, ports, 2, 0, on_message, &first, &stats, error,
				  sizeof error);
	FUZZ_CHECK(status == 0 || status == -1);
	FUZZ_CHECK(first.messages == stats.sip_udp + stats.sip_tcp);
	FUZZ_CHECK(stats.sip_udp <= stats.packets);
	FUZZ_CHECK(capture_read("fuzz", data, size, ports, 2, 0, on_message, &second, &stats_again,
				error, sizeof error) == status);
	FUZZ_CHECK(second.messages == first.messages && second.digest == first.digest);
	return 0;
}
