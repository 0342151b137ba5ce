/*
 * tools/bench/peer_libre.c - libre: sip_msg_decode() over an mbuf holding
 * the message (made once per message, outside the timing; only its read
 * position is rewound per parse), then Call-ID, CSeq and the top Via's
 * branch, which libre decodes into struct sip_msg itself.
 */
/* re.h leans on the standard headers being included first. */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>
#include <re.h>
#include "bench.h"

static int libre_bench_init(void)
{
	return 0;
}

static int libre_bench_prepare(bench_message *message)
{
	struct mbuf *mb = mbuf_alloc(message->len);
	if (!mb)
		return -1;
	if (mbuf_write_mem(mb, (const uint8_t *)message->data, message->len) != 0) {
		mem_deref(mb);
		return -1;
	}
	message->peer = mb;
	return 0;
}

static int libre_bench_parse(const bench_message *message)
{
	struct mbuf *mb = message->peer;
	struct sip_msg *msg = NULL;
	mb->pos = 0;
	if (sip_msg_decode(&msg, mb) != 0)
		return 0;
	bench_touch(msg->callid.p, msg->callid.l);
	bench_sink += msg->cseq.num;
	bench_touch(msg->via.branch.p, msg->via.branch.l);
	mem_deref(msg);
	return 1;
}

static void libre_bench_release(bench_message *message)
{
	mem_deref(message->peer);
	message->peer = NULL;
}

const bench_library bench_libre = { "libre", "full", libre_bench_init, libre_bench_prepare,
				    libre_bench_parse, libre_bench_release };
