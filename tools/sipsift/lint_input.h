/* tools/sipsift/lint_input.h - what siplint reads: files, directories, stdin. */
#ifndef SIPSIFT_TOOL_LINT_INPUT_H
#define SIPSIFT_TOOL_LINT_INPUT_H
#include <stddef.h>
#include <stdint.h>

/* Where a message came from. */
typedef struct lint_where {
	const char *file;
	uint32_t packet;       /* packet number in a capture; message number in a raw file */
	uint64_t time_ns;
	int has_time;
	int has_flow;          /* src and dst are known (captures) */
	int reliable;          /* TCP */
	char src[64];
	char dst[64];
} lint_where;

/* Called for each message: a UDP datagram, or one message framed out of a
 * TCP stream or a raw file. buf is valid only during the call. */
typedef void (*lint_message_fn)(void *context, const lint_where *where, const char *buf, size_t len);

/* What the captures held besides messages (tools/sipsift/capture.c). */
typedef struct capture_stats {
	uint64_t captures;          /* pcap and pcapng files read */
	uint64_t packets;           /* frames read */
	uint64_t bytes;             /* bytes of the capture files */
	uint64_t sip_udp;           /* SIP datagrams delivered */
	uint64_t sip_tcp;           /* SIP messages framed out of TCP */
	uint64_t not_sip;           /* frames that were not SIP (other ports, other protocols) */
	uint64_t undecodable;       /* truncated or malformed frames, unknown link types */
	uint64_t fragments_dropped; /* IP fragments never reassembled */
	uint64_t tcp_retransmitted; /* TCP segments whose bytes were all seen before */
	uint64_t tcp_gaps;          /* TCP bytes never seen: a stream resumed after a gap */
	uint64_t flows_evicted;     /* TCP flows dropped to stay within the memory cap */
} capture_stats;

typedef struct lint_input {
	unsigned ports[64];
	unsigned port_count;
	int progress;               /* draw a progress bar on stderr for large captures */
	capture_stats capture;
} lint_input;

void lint_input_init(lint_input *input);
void lint_input_add_port(lint_input *input, unsigned port);
void lint_input_free(lint_input *input);

/* Reads a file (pcap, pcapng or raw text, told apart by their first bytes),
 * every file below a directory, or stdin ("-"), and calls back per message. Returns 0, or -1 when something could not be read (the
 * reason is printed on stderr). */
int lint_input_path(lint_input *input, const char *path, lint_message_fn callback, void *context);

#endif
