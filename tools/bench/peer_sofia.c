/*
 * tools/bench/peer_sofia.c - sofia-sip: msg_make() with the default SIP
 * message class, which parses every header into sip_t, then Call-ID, CSeq
 * and the top Via's branch.
 */
#include <sofia-sip/msg.h>
#include <sofia-sip/sip.h>
#include <sofia-sip/sip_header.h>
#include "bench.h"

static int sofia_bench_init(void)
{
	return sip_default_mclass() ? 0 : -1;
}

static int sofia_bench_prepare(bench_message *message)
{
	(void)message;
	return 0;
}

static int sofia_bench_parse(const bench_message *message)
{
	msg_t *msg = msg_make(sip_default_mclass(), 0, message->data, (ssize_t)message->len);
	if (!msg)
		return 0;
	sip_t *sip = sip_object(msg);
	int ok = sip && sip->sip_call_id && sip->sip_cseq && sip->sip_via &&
		 !sip->sip_error;
	if (ok) {
		bench_touch(sip->sip_call_id->i_id, 1);
		bench_sink += sip->sip_cseq->cs_seq;
		if (sip->sip_via->v_branch)
			bench_touch(sip->sip_via->v_branch, 1);
	}
	msg_destroy(msg);
	return ok;
}

static void sofia_bench_release(bench_message *message)
{
	(void)message;
}

const bench_library bench_sofia = { "sofia-sip", "full", sofia_bench_init, sofia_bench_prepare,
				    sofia_bench_parse, sofia_bench_release };
