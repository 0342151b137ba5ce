/*
 * fuzz/targets/fuzz_frame.c - sift_frame() as a TCP receiver drives it.
 *
 * Input: options byte, chunk-plan byte, the chunk sizes, then the stream.
 *   byte 0: bit 0 SIFT_OPT_STRICT, bit 1 SIFT_OPT_RECEIVES_PINGS
 *   byte 1: n = byte & 15, the number of chunk-size bytes that follow
 *   n bytes: chunk sizes, used in turn and over again; 0 means "all the
 *            rest" (with n = 0 the whole stream arrives in one read)
 *   the rest: the bytes the peer sent.
 *
 * The receiver appends each chunk to a buffer that it grows (and compacts
 * after consuming frames, as receivers that keep one buffer per connection
 * do) to exactly the bytes held, so ASan sees any read past them; after each
 * read it frames until NEED_MORE or ERROR. Every framed message then goes
 * through sift_parse(SIFT_OPT_STREAM).
 *
 * Invariants (abort on violation):
 *   - a frame's length is > 0 and never more than the bytes held;
 *   - NEED_MORE and ERROR consume nothing; an ERROR carries a code and an
 *     offset within the bytes held;
 *   - the sequence of frames is the same whether the stream arrives in the
 *     input's chunks or in one read (a receiver that does not expect pings
 *     may see a CRLFCRLF ping split into two CRLF pongs: both count as two
 *     CRLFs), and so is the final state;
 *   - sift_parse(SIFT_OPT_STREAM) on a framed message: spans inside it, and
 *     on success it takes exactly the framed bytes.
 */
#include "check.h"

/* What a receiver saw, in order. A ping counts as two CRLF keep-alives when
 * the receiver does not wait for pings (see above). */
typedef struct frame_log {
	struct frame_event {
		sift_frame_kind kind;
		uint32_t length;
	} *events;
	size_t count, capacity;
	sift_frame_kind last;   /* NEED_MORE or ERROR: how the stream ended */
	sift_error error;       /* for ERROR */
} frame_log;

static void log_event(frame_log *log, sift_frame_kind kind, uint32_t length)
{
	if (log->count == log->capacity) {
		size_t capacity = log->capacity ? 2 * log->capacity : 16;
		struct frame_event *events = realloc(log->events, capacity * sizeof *events);
		if (!events)
			abort();
		log->events = events;
		log->capacity = capacity;
	}
	log->events[log->count].kind = kind;
	log->events[log->count].length = length;
	log->count++;
}

static void log_frame(frame_log *log, sift_frame_kind kind, uint32_t length, unsigned options)
{
	if (kind == SIFT_FRAME_PING && !(options & SIFT_OPT_RECEIVES_PINGS)) {
		log_event(log, SIFT_FRAME_PONG, 2);
		log_event(log, SIFT_FRAME_PONG, 2);
	} else {
		log_event(log, kind, length);
	}
}

static void parse_framed(const char *msg_bytes, uint32_t length, unsigned options)
{
	sift_header storage[64];
	sift_msg msg;
	char *copy = fuzz_dup(msg_bytes, length); /* exactly the message */
	FUZZ_CHECK(sift_msg_init(&msg, storage, 64) == SIFT_OK);
	sift_code code = sift_parse(&msg, copy, length, SIFT_OPT_STREAM | (options & SIFT_OPT_STRICT));
	FUZZ_CHECK(msg.header_count <= 64);
	FUZZ_SPAN_IN(msg.start_line, length);
	FUZZ_SPAN_IN(msg.method, length);
	FUZZ_SPAN_IN(msg.request_uri, length);
	FUZZ_SPAN_IN(msg.reason, length);
	FUZZ_SPAN_IN(msg.version, length);
	FUZZ_SPAN_IN(msg.body, length);
	for (uint32_t i = 0; i < msg.header_count; i++) {
		FUZZ_SPAN_IN(msg.headers[i].name, length);
		FUZZ_SPAN_IN(msg.headers[i].value, length);
	}
	if (code == SIFT_OK) {
		/* The framer and the parser agree on where the message ends. */
		FUZZ_CHECK((uint64_t)msg.offset + msg.length == length);
	} else {
		FUZZ_CHECK(msg.error.code == code);
		FUZZ_CHECK(msg.error.offset <= length);
	}
	free(copy);
}

/* Frames everything that is complete in buf[0..*held); returns the bytes
 * consumed, and whether the stream is finished (ERROR). */
static size_t drain(const char *buf, size_t held, unsigned options, frame_log *log, int *failed,
		    int parse)
{
	size_t done = 0;
	for (;;) {
		sift_frame_result result;
		memset(&result, 0x5A, sizeof result);
		sift_frame_kind kind = sift_frame(buf + done, held - done, options, &result);
		FUZZ_CHECK(kind == result.kind);
		switch (kind) {
		case SIFT_FRAME_MESSAGE:
		case SIFT_FRAME_PING:
		case SIFT_FRAME_PONG:
			FUZZ_CHECK(result.length > 0);
			FUZZ_CHECK(result.length <= held - done);
			FUZZ_CHECK(kind != SIFT_FRAME_PING || result.length == 4);
			FUZZ_CHECK(kind != SIFT_FRAME_PONG || result.length <= 2);
			log_frame(log, kind, result.length, options);
			if (kind == SIFT_FRAME_MESSAGE && parse)
				parse_framed(buf + done, result.length, options);
			done += result.length;
			break;
		case SIFT_FRAME_NEED_MORE:
			FUZZ_CHECK(result.length == 0);
			log->last = kind;
			return done;
		case SIFT_FRAME_ERROR:
			FUZZ_CHECK(result.length == 0);
			FUZZ_CHECK(result.error.code != SIFT_OK);
			FUZZ_CHECK(result.error.rule != NULL);
			FUZZ_CHECK(result.error.offset <= held - done);
			log->last = kind;
			log->error = result.error;
			*failed = 1;
			return done;
		default:
			FUZZ_CHECK(!"sift_frame returned an unknown kind");
		}
	}
}

/* The receive loop: read (a chunk), frame, compact. */
static void receive(const char *stream, size_t size, const uint8_t *plan, size_t plan_len,
		    unsigned options, frame_log *log, int parse)
{
	char *buf = NULL;
	size_t held = 0, pos = 0, turn = 0;
	int failed = 0;
	log->last = SIFT_FRAME_NEED_MORE;
	while (pos < size && !failed) {
		size_t chunk = plan_len ? plan[turn++ % plan_len] : 0;
		if (chunk == 0 || chunk > size - pos)
			chunk = size - pos;
		/* Grow to exactly the bytes held. */
		char *grown = realloc(buf, held + chunk);
		if (!grown)
			abort();
		buf = grown;
		memcpy(buf + held, stream + pos, chunk);
		held += chunk;
		pos += chunk;
		size_t done = drain(buf, held, options, log, &failed, parse);
		FUZZ_CHECK(done <= held);
		/* Compact: drop what was consumed, keep the partial message. */
		if (done) {
			memmove(buf, buf + done, held - done);
			held -= done;
			if (held) {
				grown = realloc(buf, held);
				if (!grown)
					abort();
				buf = grown;
			}
		}
	}
	free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	unsigned options = 0;
	if (data[0] & 1)
		options |= SIFT_OPT_STRICT;
	if (data[0] & 2)
		options |= SIFT_OPT_RECEIVES_PINGS;
	size_t plan_len = data[1] & 15;
	if (plan_len > size - 2)
		plan_len = size - 2;
	const uint8_t *plan = data + 2;
	const char *stream = (const char *)data + 2 + plan_len;
	size_t stream_len = size - 2 - plan_len;

	frame_log chunked, whole;
	memset(&chunked, 0, sizeof chunked);
	memset(&whole, 0, sizeof whole);
	receive(stream, stream_len, plan, plan_len, options, &chunked, 1);
	receive(stream, stream_len, NULL, 0, options, &whole, 0);

	FUZZ_CHECK(chunked.count == whole.count);
	for (size_t i = 0; i < whole.count; i++) {
		FUZZ_CHECK(chunked.events[i].kind == whole.events[i].kind);
		FUZZ_CHECK(chunked.events[i].length == whole.events[i].length);
	}
	FUZZ_CHECK(chunked.last == whole.last);
	if (whole.last == SIFT_FRAME_ERROR) {
		FUZZ_CHECK(chunked.error.code == whole.error.code);
		FUZZ_CHECK(chunked.error.offset == whole.error.offset);
	}
	free(chunked.events);
	free(whole.events);
	return 0;
}
