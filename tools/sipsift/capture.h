/*
 * tools/sipsift/capture.h - SIP messages out of pcap and pcapng captures.
 *
 * Link layers: Ethernet (with 802.1Q / 802.1ad VLAN tags), Linux cooked
 * SLL and SLL2, BSD loopback (NULL, LOOP), raw IPv4 / IPv6. Network: IPv4
 * (fragments reassembled) and IPv6 (extension headers skipped). Transport:
 * UDP, one datagram a message; TCP, each direction of a flow reassembled in
 * sequence order (out-of-order segments held, retransmissions and overlaps
 * dropped) and cut into messages with sift_frame(). A packet is SIP when
 * one of its ports is a SIP port (5060, 5061, and --port) or its payload
 * starts like a SIP start line. Memory is bounded: a fixed number of flows
 * and fragment sets, a cap on the bytes each holds; past a cap the oldest
 * state is dropped and counted, never grown.
 */
#ifndef SIPSIFT_TOOL_CAPTURE_H
#define SIPSIFT_TOOL_CAPTURE_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "lint_input.h"

/* Whether the first bytes of a file are a pcap (either byte order, micro or
 * nanosecond) or pcapng magic. */
int capture_is_capture(const unsigned char *head, size_t len);

/*
 * Reads a capture from f, packet by packet (memory use does not grow with
 * the file), and calls back once per SIP message
 * with its packet number, time, src and dst ("ip:port", IPv6 in brackets)
 * and transport. `ports` adds SIP ports to 5060 and 5061. Returns 0, or -1
 * when libpcap cannot read the capture (the reason is written to error);
 * messages delivered before a truncation stay delivered. f is closed, always.
 * size is the capture's length for the progress bar and the byte count (0
 * when unknown). When progress is set, a progress bar is drawn on stderr.
 */
int capture_read_stream(const char *file, FILE *f, uint64_t size, const unsigned *ports,
			unsigned port_count, int progress, lint_message_fn callback, void *context,
			capture_stats *stats, char *error, size_t error_size);

/* The same for a capture held in memory (buf, len): the fuzz target's way in. */
int capture_read(const char *file, const unsigned char *buf, size_t len, const unsigned *ports,
		 unsigned port_count, int progress, lint_message_fn callback, void *context,
		 capture_stats *stats, char *error, size_t error_size);

#endif
