/*
 * tools/bench/peer_osip.c - GNU oSIP2: osip_message_parse() into an
 * osip_message_t, then Call-ID, CSeq and the top Via's branch parameter.
 */
#include <osipparser2/osip_parser.h>
#include "bench.h"

static int osip_bench_init(void)
{
	return parser_init();
}

static int osip_bench_prepare(bench_message *message)
{
	(void)message;
	return 0;
}

static int osip_bench_parse(const bench_message *message)
{
	osip_message_t *sip;
	if (osip_message_init(&sip) != 0)
		return 0;
	int ok = osip_message_parse(sip, message->data, message->len) == 0;
	if (ok) {
		osip_call_id_t *call_id = osip_message_get_call_id(sip);
		osip_cseq_t *cseq = osip_message_get_cseq(sip);
		osip_via_t *via = osip_list_get(&sip->vias, 0);
		osip_generic_param_t *branch = NULL;
		if (call_id && call_id->number)
			bench_touch(call_id->number, 1);
		if (cseq && cseq->number)
			bench_touch(cseq->number, 1);
		if (via && osip_via_param_get_byname(via, "branch", &branch) == 0 && branch &&
		    branch->gvalue)
			bench_touch(branch->gvalue, 1);
		ok = call_id && cseq && via;
	}
	osip_message_free(sip);
	return ok;
}

static void osip_bench_release(bench_message *message)
{
	(void)message;
}

const bench_library bench_osip = { "osip2", "full", osip_bench_init, osip_bench_prepare,
				   osip_bench_parse, osip_bench_release };
