/*
 * tools/sipsift/capture.c - SIP messages out of pcap and pcapng captures
 * (capture.h says what is decoded and what is bounded).
 *
 * libpcap reads the file format (both pcap byte orders and precisions, and
 * pcapng with several interfaces); everything above the link layer is
 * decoded here, with every length checked against the bytes captured.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sipsift/sipsift.h"
#include "capture.h"

/* Bounds. A SIP message over TCP is rarely above 64 KiB; a flow that holds
 * more unframed bytes than FLOW_BUFFER_MAX is not SIP framing any more. */
enum {
	FLOW_SLOTS = 4096,              /* TCP directions tracked at once */
	FLOW_PROBE = 16,                /* slots searched per lookup */
	FLOW_BUFFER_MAX = 1 << 20,      /* unframed in-order bytes per direction */
	PENDING_BYTES_MAX = 256 << 10,  /* out-of-order bytes held per direction */
	PENDING_SEGMENTS_MAX = 256,
	FRAGMENT_SLOTS = 64,            /* IPv4 datagrams being reassembled */
	FRAGMENT_TIMEOUT_S = 30         /* RFC 791 suggests 15 s; captures are lenient */
};
#define TCP_BYTES_MAX (256ull << 20) /* all flows together */

typedef struct flow_key {
	uint8_t family;                 /* 4 or 6 */
	uint8_t src[16], dst[16];
	uint16_t sport, dport;
} flow_key;

typedef struct segment {
	struct segment *next;
	uint32_t seq;
	uint32_t len;
	unsigned char data[];
} segment;

typedef struct flow {
	int used;
	flow_key key;
	uint64_t last_seen;             /* packet number */
	int is_sip;                     /* 1 SIP, -1 not SIP, 0 not yet known */
	int have_next;
	uint32_t next_seq;              /* the sequence number of the next byte in order */
	unsigned char *buf;             /* in-order bytes not yet framed */
	size_t len, cap;
	segment *pending;               /* out of order, sorted by seq */
	size_t pending_bytes;
	unsigned pending_count;
} flow;

typedef struct fragment_set {
	int used;
	uint8_t src[4], dst[4];
	uint16_t id;
	uint8_t protocol;
	uint64_t first_ns;
	uint32_t total;                 /* payload length, known from the last fragment; 0 before */
	uint32_t units_have;            /* 8-byte units received */
	unsigned char have[8192];       /* one bit per 8-byte unit of the 64 KiB payload */
	unsigned char data[65536];
} fragment_set;

typedef struct reader {
	const char *file;
	const unsigned *ports;
	unsigned port_count;
	lint_message_fn callback;
	void *context;
	capture_stats *stats;
	uint32_t packet;
	uint64_t time_ns;
	flow *flows;
	uint64_t tcp_bytes;
	fragment_set *fragments[FRAGMENT_SLOTS];
	/* The last two endpoints written out: a request and its responses
	 * swap them, so most messages find both here. */
	struct endpoint_text {
		int used;
		uint8_t family;
		uint8_t address[16];
		uint16_t port;
		char text[64];
	} endpoints[2];
	unsigned endpoint_next;
} reader;

int capture_is_capture(const unsigned char *h, size_t len)
{
	if (len < 4)
		return 0;
	uint32_t le = (uint32_t)h[0] | (uint32_t)h[1] << 8 | (uint32_t)h[2] << 16 | (uint32_t)h[3] << 24;
	uint32_t be = (uint32_t)h[3] | (uint32_t)h[2] << 8 | (uint32_t)h[1] << 16 | (uint32_t)h[0] << 24;
	return le == 0xA1B2C3D4u || be == 0xA1B2C3D4u ||  /* pcap, microseconds */
	       le == 0xA1B23C4Du || be == 0xA1B23C4Du ||  /* pcap, nanoseconds */
	       le == 0x0A0D0D0Au;                          /* pcapng section header */
}

static uint16_t get16(const unsigned char *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t get32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* --- is it SIP? ------------------------------------------------------------ */
static int sip_port(const reader *r, unsigned port)
{
	if (port == 5060 || port == 5061)
		return 1;
	for (unsigned i = 0; i < r->port_count; i++)
		if (r->ports[i] == port)
			return 1;
	return 0;
}

/* A status line ("SIP/2.0 ") or a request line ending in " SIP/2.0" within
 * the first line (RFC 3261 7.1, 7.2). */
static int looks_like_sip(const unsigned char *p, size_t n)
{
	if (n >= 8 && memcmp(p, "SIP/2.0 ", 8) == 0)
		return 1;
	size_t limit = n < 2048 ? n : 2048;
	for (size_t i = 0; i + 8 <= limit; i++) {
		if (p[i] == '\r' || p[i] == '\n')
			return 0;
		if (memcmp(p + i, " SIP/2.0", 8) == 0 &&
		    (i + 8 == limit || p[i + 8] == '\r' || p[i + 8] == '\n'))
			return 1;
	}
	return 0;
}

/* --- delivery ---------------------------------------------------------------- */
/* Decimal digits of v at out; returns the end. */
static char *put_decimal(char *out, unsigned v)
{
	char digits[10];
	int n = 0;
	do {
		digits[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n)
		*out++ = digits[--n];
	return out;
}

/* "ip:port", IPv6 in brackets. Every message gets its endpoints, so IPv4 is
 * written by hand: inet_ntop and snprintf were 8% of siplint's time on a
 * capture. out holds at least 64 bytes (lint_where). */
static void format_endpoint(char *out, size_t size, int family, const uint8_t *address,
			    unsigned port)
{
	if (family == 4 && size >= sizeof "255.255.255.255:65535") {
		char *p = out;
		for (int i = 0; i < 4; i++) {
			p = put_decimal(p, address[i]);
			*p++ = i < 3 ? '.' : ':';
		}
		p = put_decimal(p, port);
		*p = 0;
		return;
	}
	char text[INET6_ADDRSTRLEN];
	if (!inet_ntop(family == 4 ? AF_INET : AF_INET6, address, text, sizeof text))
		snprintf(text, sizeof text, "?");
	if (family == 6)
		snprintf(out, size, "[%s]:%u", text, port);
	else
		snprintf(out, size, "%s:%u", text, port);
}

static void copy_text(char *out, size_t size, const char *text)
{
	size_t n = strlen(text);
	if (n >= size)
		n = size - 1;
	memcpy(out, text, n);
	out[n] = 0;
}

/* format_endpoint() through the reader's two-entry cache. */
static void endpoint(reader *r, char *out, size_t size, int family, const uint8_t *address,
		     unsigned port)
{
	size_t n = family == 4 ? 4 : 16;
	for (int i = 0; i < 2; i++) {
		struct endpoint_text *e = &r->endpoints[i];
		if (e->used && e->family == family && e->port == port &&
		    memcmp(e->address, address, n) == 0) {
			copy_text(out, size, e->text);
			return;
		}
	}
	struct endpoint_text *e = &r->endpoints[r->endpoint_next];
	r->endpoint_next ^= 1;
	format_endpoint(e->text, sizeof e->text, family, address, port);
	e->used = 1;
	e->family = (uint8_t)family;
	e->port = (uint16_t)port;
	memcpy(e->address, address, n);
	copy_text(out, size, e->text);
}

static void deliver(reader *r, const flow_key *k, int reliable, const unsigned char *data,
		    size_t len)
{
	lint_where where;
	memset(&where, 0, sizeof where);
	where.file = r->file;
	where.packet = r->packet;
	where.time_ns = r->time_ns;
	where.has_time = 1;
	where.has_flow = 1;
	where.reliable = reliable;
	endpoint(r, where.src, sizeof where.src, k->family, k->src, k->sport);
	endpoint(r, where.dst, sizeof where.dst, k->family, k->dst, k->dport);
	if (reliable)
		r->stats->sip_tcp++;
	else
		r->stats->sip_udp++;
	r->callback(r->context, &where, (const char *)data, len);
}

/* --- UDP ------------------------------------------------------------------- */
static void udp_datagram(reader *r, flow_key *k, const unsigned char *p, size_t n)
{
	if (n < 8) {
		r->stats->undecodable++;
		return;
	}
	k->sport = get16(p);
	k->dport = get16(p + 2);
	size_t length = get16(p + 4);
	if (length < 8 || length > n) {
		/* A length beyond the captured bytes: the frame was cut short. */
		r->stats->undecodable++;
		return;
	}
	const unsigned char *payload = p + 8;
	size_t size = length - 8;
	/* RFC 5626 4.4.1 keep-alives (CRLFCRLF, CRLF) are not messages. */
	size_t blank = 0;
	while (blank < size && (payload[blank] == '\r' || payload[blank] == '\n'))
		blank++;
	if (blank == size) {
		if (size == 0 || !(sip_port(r, k->sport) || sip_port(r, k->dport)))
			r->stats->not_sip++;
		return;
	}
	if (!(sip_port(r, k->sport) || sip_port(r, k->dport) || looks_like_sip(payload, size))) {
		r->stats->not_sip++;
		return;
	}
	deliver(r, k, 0, payload, size);
}

/* --- TCP ------------------------------------------------------------------- */
static uint64_t hash_key(const flow_key *k)
{
	uint64_t h = 0xcbf29ce484222325ull;
	const unsigned char *p = (const unsigned char *)k;
	for (size_t i = 0; i < sizeof *k; i++)
		h = (h ^ p[i]) * 0x100000001b3ull;
	return h;
}

static void flow_free(reader *r, flow *f)
{
	r->tcp_bytes -= f->cap + f->pending_bytes;
	free(f->buf);
	for (segment *s = f->pending, *next; s; s = next) {
		next = s->next;
		free(s);
	}
	memset(f, 0, sizeof *f);
}

/* Frames what the flow holds in order: each message goes to the linter; a
 * framing error sends the rest as one message, for the linter to report. */
static void flow_frame(reader *r, flow *f)
{
	size_t at = 0;
	while (at < f->len) {
		sift_frame_result frame;
		sift_frame_kind kind = sift_frame((const char *)f->buf + at, f->len - at,
						  SIFT_OPT_RECEIVES_PINGS, &frame);
		if (kind == SIFT_FRAME_NEED_MORE)
			break;
		if (kind == SIFT_FRAME_PING || kind == SIFT_FRAME_PONG) {
			at += frame.length;
			continue;
		}
		if (kind == SIFT_FRAME_MESSAGE) {
			deliver(r, &f->key, 1, f->buf + at, frame.length);
			at += frame.length;
			continue;
		}
		deliver(r, &f->key, 1, f->buf + at, f->len - at);
		at = f->len;
	}
	if (at) {
		memmove(f->buf, f->buf + at, f->len - at);
		f->len -= at;
	}
	if (f->len >= FLOW_BUFFER_MAX) {
		/* No end of message in a megabyte: not SIP framing. Report it
		 * and start over with the bytes that come next. */
		deliver(r, &f->key, 1, f->buf, f->len);
		f->len = 0;
	}
}

static int flow_append(reader *r, flow *f, const unsigned char *p, size_t n)
{
	if (f->len + n > f->cap) {
		size_t cap = f->cap ? f->cap : 4096;
		while (cap < f->len + n)
			cap *= 2;
		unsigned char *bigger = realloc(f->buf, cap);
		if (!bigger)
			return -1;
		r->tcp_bytes += cap - f->cap;
		f->buf = bigger;
		f->cap = cap;
	}
	memcpy(f->buf + f->len, p, n);
	f->len += n;
	return 0;
}

/* Segments held out of order that now fit go in, in order. */
static void flow_drain(reader *r, flow *f)
{
	while (f->pending && (int32_t)(f->pending->seq - f->next_seq) <= 0) {
		segment *s = f->pending;
		f->pending = s->next;
		f->pending_bytes -= s->len;
		r->tcp_bytes -= s->len;
		f->pending_count--;
		uint32_t old = f->next_seq - s->seq;
		if (old >= s->len)
			r->stats->tcp_retransmitted++;
		else if (flow_append(r, f, s->data + old, s->len - old) == 0)
			f->next_seq += s->len - old;
		free(s);
	}
}

/* Appends the bytes of [seq, seq + n) that come after next_seq (seq is at
 * or before it). */
static void flow_in_order(reader *r, flow *f, uint32_t seq, const unsigned char *p, size_t n)
{
	uint32_t skip = f->next_seq - seq; /* bytes already seen (0 when seq == next_seq) */
	if (skip >= n) {
		r->stats->tcp_retransmitted++;
		return;
	}
	if (flow_append(r, f, p + skip, n - skip) == 0)
		f->next_seq += (uint32_t)(n - skip);
	flow_drain(r, f);
}

/* The bytes up to the first held segment will never come: give the linter
 * what was buffered, and resume at that segment. */
static void flow_skip_gap(reader *r, flow *f)
{
	segment *s = f->pending;
	r->stats->tcp_gaps += (uint32_t)(s->seq - f->next_seq);
	if (f->len) {
		deliver(r, &f->key, 1, f->buf, f->len);
		f->len = 0;
	}
	f->next_seq = s->seq;
	flow_drain(r, f);
}

static void flow_hold(reader *r, flow *f, uint32_t seq, const unsigned char *p, size_t n)
{
	segment **at = &f->pending;
	while (*at && (int32_t)((*at)->seq - seq) < 0)
		at = &(*at)->next;
	if (*at && (*at)->seq == seq && (*at)->len >= n) {
		r->stats->tcp_retransmitted++;
		return;
	}
	segment *s = malloc(sizeof *s + n);
	if (!s)
		return;
	s->seq = seq;
	s->len = (uint32_t)n;
	memcpy(s->data, p, n);
	s->next = *at;
	*at = s;
	f->pending_bytes += n;
	f->pending_count++;
	r->tcp_bytes += n;
	while (f->pending && (f->pending_bytes > PENDING_BYTES_MAX ||
			      f->pending_count > PENDING_SEGMENTS_MAX))
		flow_skip_gap(r, f);
}

static flow *flow_find(reader *r, const flow_key *k)
{
	size_t start = (size_t)(hash_key(k) % FLOW_SLOTS), slot = start;
	for (size_t i = 0; i < FLOW_PROBE; i++) {
		flow *f = &r->flows[(start + i) % FLOW_SLOTS];
		if (f->used && memcmp(&f->key, k, sizeof *k) == 0)
			return f;
	}
	/* A free slot of the probe window, else the least recently seen flow
	 * of it gives way. */
	int found_free = 0;
	for (size_t i = 0; i < FLOW_PROBE && !found_free; i++) {
		size_t at = (start + i) % FLOW_SLOTS;
		if (!r->flows[at].used) {
			slot = at;
			found_free = 1;
		} else if (r->flows[at].last_seen < r->flows[slot].last_seen) {
			slot = at;
		}
	}
	flow *f = &r->flows[slot];
	if (!found_free) {
		r->stats->flows_evicted++;
		flow_free(r, f);
	}
	memset(f, 0, sizeof *f);
	f->used = 1;
	f->key = *k;
	return f;
}

/* Keeps all flows together under TCP_BYTES_MAX: the least recently seen go. */
static void flows_bound(reader *r, const flow *keep)
{
	while (r->tcp_bytes > TCP_BYTES_MAX) {
		flow *oldest = NULL;
		for (size_t i = 0; i < FLOW_SLOTS; i++) {
			flow *f = &r->flows[i];
			if (f->used && f != keep && (f->cap || f->pending) &&
			    (!oldest || f->last_seen < oldest->last_seen))
				oldest = f;
		}
		if (!oldest)
			break;
		r->stats->flows_evicted++;
		flow_free(r, oldest);
	}
}

/* The end of one direction of a connection, with nothing out of order
 * held: what the flow still holds is a message the sender cut off, which
 * the linter reports; then the slot is freed. */
static void flow_close(reader *r, flow *f)
{
	if (f->pending)
		return;
	if (f->len && f->is_sip > 0)
		deliver(r, &f->key, 1, f->buf, f->len);
	flow_free(r, f);
}

static void tcp_segment(reader *r, flow_key *k, const unsigned char *p, size_t n)
{
	if (n < 20 || (size_t)(p[12] >> 4) * 4 < 20 || (size_t)(p[12] >> 4) * 4 > n) {
		r->stats->undecodable++;
		return;
	}
	k->sport = get16(p);
	k->dport = get16(p + 2);
	uint32_t seq = get32(p + 4);
	unsigned flags = p[13];
	size_t header = (size_t)(p[12] >> 4) * 4;
	const unsigned char *payload = p + header;
	size_t size = n - header;
	int syn = flags & 0x02, rst = flags & 0x04, fin = flags & 0x01;

	flow *f = flow_find(r, k);
	f->last_seen = r->packet;
	if (syn) {
		/* A new connection on this 4-tuple: start over. */
		if (f->cap || f->pending || f->have_next) {
			flow_key key = f->key;
			flow_free(r, f);
			f->used = 1;
			f->key = key;
			f->last_seen = r->packet;
		}
		f->have_next = 1;
		f->next_seq = seq + 1;
		seq++;
	}
	if (size && f->is_sip == 0)
		f->is_sip = sip_port(r, k->sport) || sip_port(r, k->dport) ||
				    looks_like_sip(payload, size)
			    ? 1
			    : -1;
	if (f->is_sip < 0 || size == 0) {
		if (size)
			r->stats->not_sip++;
		if (rst)
			flow_free(r, f);
		else if (fin && f->have_next && seq == f->next_seq)
			flow_close(r, f);
		return;
	}
	if (!f->have_next) {
		/* Joined mid-stream: take this segment as the start. */
		f->have_next = 1;
		f->next_seq = seq;
	}
	if ((int32_t)(seq - f->next_seq) <= 0)
		flow_in_order(r, f, seq, payload, size);
	else
		flow_hold(r, f, seq, payload, size);
	flow_frame(r, f);
	/* The sender's FIN after everything it sent: the flow is done, and its
	 * slot is free for the next connection (a trunk opens thousands). */
	if (fin && f->have_next && f->next_seq == seq + (uint32_t)size)
		flow_close(r, f);
	else
		flows_bound(r, f);
}

/* At the end of the capture: what a flow still holds is a message cut off
 * by the end of the capture; the linter says what is wrong with it. */
static void flows_finish(reader *r)
{
	for (size_t i = 0; i < FLOW_SLOTS; i++) {
		flow *f = &r->flows[i];
		if (!f->used)
			continue;
		while (f->pending)
			flow_skip_gap(r, f);
		flow_frame(r, f);
		if (f->len && f->is_sip > 0)
			deliver(r, &f->key, 1, f->buf, f->len);
		flow_free(r, f);
	}
}

/* --- IP -------------------------------------------------------------------- */
static void transport(reader *r, flow_key *k, unsigned protocol, const unsigned char *p, size_t n)
{
	if (protocol == 17)
		udp_datagram(r, k, p, n);
	else if (protocol == 6)
		tcp_segment(r, k, p, n);
	else
		r->stats->not_sip++;
}

static fragment_set *fragment_find(reader *r, const unsigned char *ip, unsigned protocol)
{
	uint16_t id = get16(ip + 4);
	fragment_set *free_slot = NULL, **oldest = NULL;
	for (size_t i = 0; i < FRAGMENT_SLOTS; i++) {
		fragment_set *s = r->fragments[i];
		if (s && s->used && r->time_ns - s->first_ns > FRAGMENT_TIMEOUT_S * 1000000000ull) {
			r->stats->fragments_dropped++;
			s->used = 0;
		}
		if (s && s->used && s->id == id && s->protocol == protocol &&
		    memcmp(s->src, ip + 12, 4) == 0 && memcmp(s->dst, ip + 16, 4) == 0)
			return s;
		if ((!s || !s->used) && !free_slot) {
			if (!s)
				s = r->fragments[i] = malloc(sizeof *s);
			if (s) {
				s->used = 0;
				free_slot = s;
			}
		}
		if (s && s->used && (!oldest || s->first_ns < (*oldest)->first_ns))
			oldest = &r->fragments[i];
	}
	fragment_set *s = free_slot;
	if (!s) {
		if (!oldest)
			return NULL;
		r->stats->fragments_dropped++;
		s = *oldest;
	}
	s->used = 1;
	memcpy(s->src, ip + 12, 4);
	memcpy(s->dst, ip + 16, 4);
	s->id = id;
	s->protocol = (uint8_t)protocol;
	s->first_ns = r->time_ns;
	s->total = 0;
	s->units_have = 0;
	memset(s->have, 0, sizeof s->have);
	return s;
}

/* RFC 791 3.2 reassembly: fragment offsets in 8-byte units; the datagram is
 * whole when the last fragment (MF clear) gave its length and every unit
 * before it arrived. Overlapping bytes: the later fragment wins. */
static void ipv4_fragment(reader *r, flow_key *k, const unsigned char *ip, unsigned protocol,
			  const unsigned char *payload, size_t n, size_t offset, int more)
{
	fragment_set *s = fragment_find(r, ip, protocol);
	if (!s)
		return;
	if (offset + n > sizeof s->data || (more && n % 8)) {
		r->stats->undecodable++;
		return;
	}
	memcpy(s->data + offset, payload, n);
	for (size_t unit = offset / 8; unit < (offset + n + 7) / 8; unit++)
		if (!(s->have[unit / 8] & (1u << (unit % 8)))) {
			s->have[unit / 8] |= (unsigned char)(1u << (unit % 8));
			s->units_have++;
		}
	if (!more)
		s->total = (uint32_t)(offset + n);
	if (s->total && s->units_have >= (s->total + 7) / 8) {
		uint32_t whole = 1;
		for (size_t unit = 0; unit < (s->total + 7) / 8 && whole; unit++)
			whole = (s->have[unit / 8] >> (unit % 8)) & 1u;
		if (whole) {
			s->used = 0;
			transport(r, k, protocol, s->data, s->total);
		}
	}
}

/* The addresses of a flow key (ports are set by the transport): `size`
 * bytes each, 4 for IPv4 and 16 for IPv6; the rest of the key zero, as
 * hash_key() and flow_find() compare it whole. */
static void flow_key_init(flow_key *k, uint8_t family, const unsigned char *src,
			  const unsigned char *dst, size_t size)
{
	memset(k, 0, sizeof *k);
	k->family = family;
	memcpy(k->src, src, size);
	memcpy(k->dst, dst, size);
}

static void ipv4(reader *r, const unsigned char *p, size_t n)
{
	if (n < 20 || (p[0] >> 4) != 4 || (size_t)(p[0] & 15) * 4 < 20) {
		r->stats->undecodable++;
		return;
	}
	size_t header = (size_t)(p[0] & 15) * 4, total = get16(p + 2);
	if (total < header || total > n || header > n) {
		r->stats->undecodable++;
		return;
	}
	flow_key k;
	flow_key_init(&k, 4, p + 12, p + 16, 4);
	unsigned protocol = p[9];
	uint16_t fragment = get16(p + 6);
	size_t offset = (size_t)(fragment & 0x1FFF) * 8;
	int more = (fragment & 0x2000) != 0;
	if (offset || more)
		ipv4_fragment(r, &k, p, protocol, p + header, total - header, offset, more);
	else
		transport(r, &k, protocol, p + header, total - header);
}

static void ipv6(reader *r, const unsigned char *p, size_t n)
{
	if (n < 40 || (p[0] >> 4) != 6) {
		r->stats->undecodable++;
		return;
	}
	size_t length = get16(p + 4);
	if (40 + length > n) {
		r->stats->undecodable++;
		return;
	}
	flow_key k;
	flow_key_init(&k, 6, p + 8, p + 24, 16);
	unsigned next = p[6];
	const unsigned char *at = p + 40, *end = p + 40 + length;
	/* RFC 8200 4: hop-by-hop, routing and destination options are skipped;
	 * fragments (44) are not reassembled for IPv6 and are counted. */
	for (int hops = 0; hops < 16; hops++) {
		if (next == 0 || next == 43 || next == 60) {
			if (end - at < 8 || (size_t)(end - at) < ((size_t)at[1] + 1) * 8) {
				r->stats->undecodable++;
				return;
			}
			next = at[0];
			at += ((size_t)at[1] + 1) * 8;
			continue;
		}
		if (next == 44) {
			r->stats->fragments_dropped++;
			return;
		}
		transport(r, &k, next, at, (size_t)(end - at));
		return;
	}
	r->stats->undecodable++;
}

static void network(reader *r, unsigned ethertype, const unsigned char *p, size_t n)
{
	if (ethertype == 0x0800)
		ipv4(r, p, n);
	else if (ethertype == 0x86DD)
		ipv6(r, p, n);
	else
		r->stats->not_sip++;
}

/* --- link layers ------------------------------------------------------------ */
static void frame(reader *r, int link, const unsigned char *p, size_t n)
{
	switch (link) {
	case DLT_EN10MB: {
		if (n < 14)
			break;
		unsigned type = get16(p + 12);
		size_t at = 14;
		/* 802.1Q, 802.1ad and the old QinQ type: tags stack. */
		while ((type == 0x8100 || type == 0x88A8 || type == 0x9100) && at + 4 <= n) {
			type = get16(p + at + 2);
			at += 4;
		}
		if (type == 0x8100 || type == 0x88A8 || type == 0x9100)
			break;
		network(r, type, p + at, n - at);
		return;
	}
	case DLT_LINUX_SLL:
		if (n < 16)
			break;
		network(r, get16(p + 14), p + 16, n - 16);
		return;
#ifdef DLT_LINUX_SLL2
	case DLT_LINUX_SLL2:
		if (n < 20)
			break;
		network(r, get16(p), p + 20, n - 20);
		return;
#endif
	case DLT_NULL:
	case DLT_LOOP: {
		if (n < 4)
			break;
		/* The address family in the byte order of the capturing host
		 * (NULL) or network order (LOOP): AF_INET is 2 everywhere,
		 * AF_INET6 is 10 (Linux), 24, 28 or 30 (the BSDs, macOS). */
		uint32_t be = get32(p), le = (uint32_t)p[0] | (uint32_t)p[1] << 8 |
					   (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
		uint32_t family = link == DLT_LOOP ? be : (le < 256 ? le : be);
		if (family == 2)
			ipv4(r, p + 4, n - 4);
		else if (family == 10 || family == 24 || family == 28 || family == 30)
			ipv6(r, p + 4, n - 4);
		else
			r->stats->not_sip++;
		return;
	}
	case DLT_RAW:
#ifdef DLT_IPV4
	case DLT_IPV4:
#endif
#ifdef DLT_IPV6
	case DLT_IPV6:
#endif
		if (n < 1)
			break;
		if ((p[0] >> 4) == 4)
			ipv4(r, p, n);
		else if ((p[0] >> 4) == 6)
			ipv6(r, p, n);
		else
			break;
		return;
	default:
		break;
	}
	r->stats->undecodable++;
}

static void progress_bar(const char *file, long at, uint64_t size, int *last_percent, int done)
{
	int percent = done || size == 0 ? 100 : (int)((double)at * 100.0 / (double)size);
	if (percent == *last_percent)
		return;
	*last_percent = percent;
	char bar[41];
	int filled = percent * 40 / 100;
	memset(bar, '#', (size_t)filled);
	memset(bar + filled, '.', (size_t)(40 - filled));
	bar[40] = 0;
	fprintf(stderr, "\rsiplint: %s [%s] %3d%%%s", file, bar, percent, done ? "\n" : "");
	fflush(stderr);
}

int capture_read_stream(const char *file, FILE *f, uint64_t size, const unsigned *ports,
			unsigned port_count, int progress, lint_message_fn callback, void *context,
			capture_stats *stats, char *error, size_t error_size)
{
	char pcap_error[PCAP_ERRBUF_SIZE] = "";
	/* libpcap owns f from here: pcap_close() closes it. */
	pcap_t *pcap = pcap_fopen_offline_with_tstamp_precision(f, PCAP_TSTAMP_PRECISION_NANO,
								pcap_error);
	if (!pcap) {
		fclose(f);
		snprintf(error, error_size, "not a readable pcap or pcapng capture: %s", pcap_error);
		return -1;
	}
	reader r;
	memset(&r, 0, sizeof r);
	r.file = file;
	r.ports = ports;
	r.port_count = port_count;
	r.callback = callback;
	r.context = context;
	r.stats = stats;
	r.flows = calloc(FLOW_SLOTS, sizeof *r.flows);
	if (!r.flows) {
		pcap_close(pcap);
		snprintf(error, error_size, "out of memory");
		return -1;
	}
	stats->bytes += size;
	int status = 0, last_percent = -1;
	for (;;) {
		struct pcap_pkthdr *header;
		const unsigned char *data;
		int got = pcap_next_ex(pcap, &header, &data);
		if (got == PCAP_ERROR_BREAK)
			break;
		if (got != 1) {
			snprintf(error, error_size, "after packet %u: %s", r.packet, pcap_geterr(pcap));
			status = -1;
			break;
		}
		r.packet++;
		stats->packets++;
		r.time_ns = (uint64_t)header->ts.tv_sec * 1000000000ull + (uint64_t)header->ts.tv_usec;
		frame(&r, pcap_datalink(pcap), data, header->caplen);
		if (progress && (r.packet & 1023) == 0)
			progress_bar(file, ftell(pcap_file(pcap)), size, &last_percent, 0);
	}
	flows_finish(&r);
	if (progress)
		progress_bar(file, (long)size, size, &last_percent, 1);
	for (size_t i = 0; i < FRAGMENT_SLOTS; i++) {
		if (r.fragments[i] && r.fragments[i]->used)
			stats->fragments_dropped++;
		free(r.fragments[i]);
	}
	free(r.flows);
	pcap_close(pcap);
	return status;
}

int capture_read(const char *file, const unsigned char *buf, size_t len, const unsigned *ports,
		 unsigned port_count, int progress, lint_message_fn callback, void *context,
		 capture_stats *stats, char *error, size_t error_size)
{
	FILE *f = fmemopen((void *)(uintptr_t)buf, len, "rb");
	if (!f) {
		snprintf(error, error_size, "cannot open the capture in memory");
		return -1;
	}
	return capture_read_stream(file, f, len, ports, port_count, progress, callback, context,
				   stats, error, error_size);
}
