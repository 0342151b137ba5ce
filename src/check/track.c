/*
 * src/check/track.c - transactions and dialogs across the messages of a
 * capture, and the rules that need them (RFC 3261 9.1, 12.2, 13.3.1.4, 14,
 * 17; RFC 4320; RFC 6026; RFC 4916 from-change).
 *
 * A transaction is keyed as RFC 3261 17.1.3 and 17.2.3 match them: the top
 * Via branch and sent-by, and the CSeq method (an ACK for a non-2xx belongs
 * to its INVITE's transaction; CANCEL has its own). A dialog is keyed by
 * Call-ID and both tags, in either order, so both directions meet (RFC 3261
 * 12). All tables live in the caller's memory, 4-way set associative: a full
 * set forgets its oldest entry, so a hostile capture cannot grow anything.
 */
#include <string.h>
#include "sipsift/check.h"
#include "sipsift/hdr.h"
#include "grammar/internal.h"
#include "check/internal.h"

#define WAYS 4
#define T1_NS 500000000ull             /* RFC 3261 17.1.1.1: T1 = 500 ms */
#define TIMER_E_REACHES_T2_NS 3500000000ull /* T1 + 2T1 + 4T1 (RFC 4320 4.1) */

/* Every table entry starts with these two fields; key 0 marks a free slot. */
typedef struct entry {
	uint64_t key;
	uint64_t age;
} entry;

typedef struct transaction {
	entry e;
	uint64_t request_time;
	uint64_t final_time;
	uint32_t request_packet;
	uint32_t final_packet;
	uint32_t cseq;
	uint16_t final_status;   /* 0 while no final response was seen */
	uint8_t is_invite;
	uint8_t reliable;
	uint8_t acked;
	uint8_t overlapped;      /* a re-INVITE sent while another was pending */
	uint8_t final_count;     /* how often the final response was seen */
	uint8_t from_change;     /* the request had Supported: from-change (RFC 4916) */
	uint64_t dialog;         /* key of the dialog, 0 outside one */
} transaction;

typedef struct dialog {
	entry e;
	uint64_t side_tag[2];    /* tag hashes of the two ends */
	uint32_t last_cseq[2];
	uint8_t has_cseq[2];
	uint64_t pending_invite; /* transaction key of an INVITE without final response */
	uint64_t last_invite;    /* transaction key of the latest INVITE */
	uint32_t last_invite_cseq;
	uint64_t uri[2];         /* RFC 4916: each end's current From URI (hash), 0 unknown */
	uint8_t from_change[2];  /* each end indicated Supported: from-change */
	uint8_t seen_forming;    /* the INVITE and 2xx that formed it were seen */
} dialog;

typedef struct call {
	entry e;
	uint64_t from_tag;
} call;

struct sift_tracker {
	const sift_check_config *config;
	uint32_t sets;
	uint64_t clock;
	uint64_t last_time;
	sift_tracker_stats stats;
	transaction *transactions;
	dialog *dialogs;
	call *calls;
	entry *seen;             /* hashes of recent messages, for retransmissions */
};

static size_t round_up(size_t n)
{
	return (n + 7) & ~(size_t)7;
}

static uint32_t sets_for(uint32_t capacity)
{
	return capacity < WAYS ? 1 : capacity / WAYS;
}

size_t sift_tracker_size(uint32_t capacity)
{
	size_t slots = (size_t)sets_for(capacity) * WAYS;
	return round_up(sizeof(sift_tracker)) + slots * (sizeof(transaction) + sizeof(dialog) +
							 sizeof(call) + sizeof(entry));
}

sift_tracker *sift_tracker_init(void *memory, size_t size, uint32_t capacity,
				const sift_check_config *config)
{
	if (!memory || capacity == 0 || !config || size < sift_tracker_size(capacity) ||
	    ((uintptr_t)memory & 7))
		return NULL;
	memset(memory, 0, sift_tracker_size(capacity));
	sift_tracker *t = memory;
	size_t slots = (size_t)sets_for(capacity) * WAYS;
	char *p = (char *)memory + round_up(sizeof *t);
	t->config = config;
	t->sets = sets_for(capacity);
	t->transactions = (transaction *)p;
	p += slots * sizeof(transaction);
	t->dialogs = (dialog *)p;
	p += slots * sizeof(dialog);
	t->calls = (call *)p;
	p += slots * sizeof(call);
	t->seen = (entry *)p;
	return t;
}

/* Keys only need to be well spread, not secret: 8 bytes a step, each a
 * multiply and a shift (byte-wise FNV-1a over whole messages, for the
 * retransmission check, was 30% of siplint's time). */
static uint64_t hash_bytes(uint64_t h, const char *p, size_t n)
{
	uint64_t word;
	while (n >= 8) {
		memcpy(&word, p, 8);
		h = (h ^ word) * 0x9e3779b97f4a7c15ull;
		h ^= h >> 29;
		p += 8;
		n -= 8;
	}
	word = (uint64_t)n << 56;
	for (size_t i = 0; i < n; i++)
		word |= (uint64_t)(unsigned char)p[i] << (8 * i);
	h = (h ^ word) * 0x9e3779b97f4a7c15ull;
	return h ^ (h >> 32);
}

static uint64_t hash_span(const char *buf, sift_span s)
{
	uint64_t h = hash_bytes(0xcbf29ce484222325ull, buf + s.off, s.len);
	return h ? h : 1;
}

/* RFC 4916: a URI's hash for "changed or not", ASCII case folded so that
 * a peer that rewrites the case of a scheme or host is not taken for a
 * new identity. */
static uint64_t hash_uri(const char *buf, sift_span s)
{
	uint64_t h = 0xcbf29ce484222325ull;
	for (uint32_t i = 0; i < s.len; i++) {
		unsigned char c = (unsigned char)buf[s.off + i];
		h ^= (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
		h *= 0x100000001b3ull;
	}
	return h ? h : 1;
}

/* RFC 4916 4.1, 4.2: Supported: from-change (option tags are
 * case-sensitive, RFC 3261 19.2). */
static int supports_from_change(const char *buf, const sift_msg *msg)
{
	for (uint32_t i = sift_msg_first(msg, SIFT_H_SUPPORTED); i != SIFT_NONE; i = sift_msg_next(msg, i)) {
		const char *p = buf + msg->headers[i].value.off;
		const char *end = p + msg->headers[i].value.len, *q = sift__match_token(p, end);
		if (q && q - p == 11 && memcmp(p, "from-change", 11) == 0)
			return 1;
	}
	return 0;
}

/* The set `key` belongs to. A 64-bit division per lookup showed in the
 * profile: a power-of-two set count (siplint's) takes a mask, the same set. */
static char *set_of(const sift_tracker *t, void *table, size_t stride, uint64_t key)
{
	uint64_t set = (t->sets & (t->sets - 1)) == 0 ? key & (t->sets - 1) : key % t->sets;
	return (char *)table + (size_t)set * WAYS * stride;
}

/* Finds `key` in its set, or NULL. */
static entry *find(sift_tracker *t, void *table, size_t stride, uint64_t key)
{
	char *set = set_of(t, table, stride, key);
	for (int i = 0; i < WAYS; i++) {
		entry *e = (entry *)(set + (size_t)i * stride);
		if (e->key == key)
			return e;
	}
	return NULL;
}

/* Takes a slot for `key` in its set: a free one, else the oldest. */
static entry *insert(sift_tracker *t, void *table, size_t stride, uint64_t key)
{
	char *set = set_of(t, table, stride, key);
	entry *victim = (entry *)set;
	for (int i = 0; i < WAYS; i++) {
		entry *e = (entry *)(set + (size_t)i * stride);
		if (e->key == 0) {
			victim = e;
			break;
		}
		if (e->age < victim->age)
			victim = e;
	}
	if (victim->key != 0)
		t->stats.forgotten++;
	memset(victim, 0, stride);
	victim->key = key;
	victim->age = ++t->clock;
	return victim;
}

typedef struct reporter {
	sift_tracker *t;
	sift_diagnostic_fn callback;
	void *context;
} reporter;

static void report(reporter *r, sift_rule_id rule, sift_span at, uint32_t packet, const char *detail)
{
	if (!r->t->config->enabled[rule])
		return;
	sift_diagnostic d;
	const sift_rule *info = sift_rule_get(rule);
	d.rule = rule;
	d.severity = info->severity;
	d.offset = at.off;
	d.length = at.len;
	d.packet = packet;
	size_t n = strlen(detail);
	if (n >= sizeof d.detail)
		n = sizeof d.detail - 1;
	memcpy(d.detail, detail, n);
	d.detail[n] = 0;
	r->callback(&d, r->context);
}

/* What the rules need from one message, parsed on demand. */
typedef struct facts {
	sift_via via;
	sift_cseq cseq;
	sift_addr from, to;
	uint64_t call_id;
	uint64_t own;            /* own_key(): set with call_id */
	int ok;
} facts;

static uint64_t own_key(const char *buf, const facts *f);

static int gather(sift_tracker *t, const sift_msg *msg, facts *f, sift__memo *memo)
{
	uint32_t via = sift_msg_first(msg, SIFT_H_VIA), cseq = sift_msg_first(msg, SIFT_H_CSEQ);
	uint32_t from = sift_msg_first(msg, SIFT_H_FROM), to = sift_msg_first(msg, SIFT_H_TO);
	uint32_t call_id = sift_msg_first(msg, SIFT_H_CALL_ID);
	f->ok = via != SIFT_NONE && cseq != SIFT_NONE && from != SIFT_NONE && to != SIFT_NONE &&
		call_id != SIFT_NONE &&
		sift__memo_parse(memo, via, SIFT__PARSE_VIA, 0, &f->via, NULL) == SIFT_OK &&
		sift__memo_parse(memo, cseq, SIFT__PARSE_CSEQ, 0, &f->cseq, NULL) == SIFT_OK;
	if (!f->ok)
		return 0;
	/* Via, CSeq and Call-ID make the transaction key: its set is fetched
	 * while From and To are parsed. */
	f->call_id = hash_span(memo->buf, msg->headers[call_id].value);
	f->own = own_key(memo->buf, f);
#if defined(__GNUC__)
	/* The tables are megabytes and a message's sets are seldom in cache:
	 * the transaction set (four lines) and the Call-ID's set are fetched
	 * ahead. Here and not in a function of their own, which gcc would
	 * find free of effects and drop. */
	const char *tx = set_of(t, t->transactions, sizeof(transaction), f->own);
	const char *calls = set_of(t, t->calls, sizeof(call), f->call_id);
	__builtin_prefetch(tx);
	__builtin_prefetch(tx + 64);
	__builtin_prefetch(tx + 128);
	__builtin_prefetch(tx + 192);
	__builtin_prefetch(calls);
	__builtin_prefetch(calls + 64);
#else
	(void)t;
#endif
	f->ok = sift__memo_parse(memo, from, SIFT__PARSE_ADDR, 0, &f->from, NULL) == SIFT_OK &&
		sift__memo_parse(memo, to, SIFT__PARSE_ADDR, 0, &f->to, NULL) == SIFT_OK;
	return f->ok;
}

/* RFC 3261 17.1.3: branch, sent-by and method; an ACK to a non-2xx is part of
 * its INVITE's transaction. Without the magic cookie (RFC 2543 peers) the
 * branch may be absent; Call-ID and CSeq number stand in for it. */
static uint64_t transaction_key(const char *buf, const facts *f, const char *method, size_t len)
{
	uint64_t h = hash_span(buf, f->via.branch);
	if (f->via.branch.len == 0)
		h ^= f->call_id * 31 + f->cseq.number;
	h = hash_bytes(h, buf + f->via.host.off, f->via.host.len);
	h = hash_bytes(h, buf + f->via.port_text.off, f->via.port_text.len);
	h = hash_bytes(h, method, len);
	return h ? h : 1;
}

/* The transaction of this message: its CSeq method, except that an ACK is
 * looked up under INVITE (RFC 3261 17.2.3: it matches the INVITE's). */
static uint64_t own_key(const char *buf, const facts *f)
{
	if (f->cseq.method_id == SIFT_METHOD_ACK)
		return transaction_key(buf, f, "INVITE", 6);
	return transaction_key(buf, f, buf + f->cseq.method.off, f->cseq.method.len);
}

static uint64_t invite_key(const char *buf, const facts *f)
{
	return transaction_key(buf, f, "INVITE", 6);
}

static uint64_t dialog_key(const char *buf, const facts *f)
{
	/* XOR of the two tags: the same key from either end (RFC 3261 12). */
	uint64_t k = f->call_id * 0x9e3779b97f4a7c15ull ^ hash_span(buf, f->from.tag) ^
		     hash_span(buf, f->to.tag);
	return k ? k : 1;
}

/* The tables are megabytes and a message's sets are seldom in cache: the
 * transaction set (four lines) and the Call-ID's set are fetched ahead. */
static transaction *find_transaction(sift_tracker *t, uint64_t key)
{
	return (transaction *)find(t, t->transactions, sizeof(transaction), key);
}

static dialog *find_dialog(sift_tracker *t, uint64_t key)
{
	return (dialog *)find(t, t->dialogs, sizeof(dialog), key);
}

static void on_ack(reporter *r, const char *buf, const facts *f, sift_span branch_at)
{
	sift_tracker *t = r->t;
	transaction *tx = find_transaction(t, invite_key(buf, f));
	if (tx && tx->final_status >= 300) {
		/* ACK for a non-2xx: same transaction (RFC 3261 17.1.1.3) */
		if (f->cseq.number != tx->cseq)
			report(r, SIFT_RULE_ACK_CSEQ_MISMATCH, f->cseq.method, 0,
			       "ACK CSeq number differs from its INVITE's");
		tx->acked = 1;
		return;
	}
	if (tx && tx->final_status >= 200) {
		report(r, SIFT_RULE_ACK_2XX_SAME_BRANCH, branch_at, 0, "ACK for 2xx with the INVITE's branch");
		tx->acked = 1;
		return;
	}
	/* ACK for a 2xx: a new transaction in the dialog (RFC 3261 13.2.2.4). */
	dialog *d = find_dialog(t, dialog_key(buf, f));
	if (!d || !d->last_invite)
		return;
	transaction *invite = find_transaction(t, d->last_invite);
	if (f->cseq.number != d->last_invite_cseq)
		report(r, SIFT_RULE_ACK_CSEQ_MISMATCH, f->cseq.method, 0,
		       "ACK CSeq number differs from the INVITE's it acknowledges");
	if (invite)
		invite->acked = 1;
}

static void on_request(reporter *r, const char *buf, const sift_msg *msg, const facts *f,
		       const sift_packet_info *info)
{
	sift_tracker *t = r->t;
	sift_span branch_at = f->via.branch.len ? f->via.branch : msg->start_line;
	if (msg->method_id == SIFT_METHOD_ACK) {
		on_ack(r, buf, f, branch_at);
		return;
	}
	if (msg->method_id == SIFT_METHOD_CANCEL) {
		/* RFC 3261 9.1: same branch and CSeq number as the request it
		 * cancels (an INVITE: CANCEL has no effect on other requests). */
		transaction *target = find_transaction(t, invite_key(buf, f));
		if (target && target->cseq != f->cseq.number)
			report(r, SIFT_RULE_CANCEL_MISMATCH, f->cseq.method, 0,
			       "CANCEL CSeq number differs from the INVITE with its branch");
	}
	uint64_t key = f->own;
	if (find_transaction(t, key))
		return; /* a retransmission whose bytes changed on the way */
	transaction *tx = (transaction *)insert(t, t->transactions, sizeof(transaction), key);
	t->stats.transactions++;
	tx->request_time = info->time_ns;
	tx->request_packet = info->packet;
	tx->cseq = f->cseq.number;
	tx->is_invite = msg->method_id == SIFT_METHOD_INVITE;
	tx->reliable = info->reliable;
	tx->from_change = (uint8_t)supports_from_change(buf, msg);

	if (f->to.has_tag) {
		/* Mid-dialog request (RFC 3261 12.2). */
		uint64_t dk = dialog_key(buf, f);
		dialog *d = find_dialog(t, dk);
		if (!d) {
			d = (dialog *)insert(t, t->dialogs, sizeof(dialog), dk);
			t->stats.dialogs++;
		}
		uint64_t from_tag = hash_span(buf, f->from.tag);
		int side = d->side_tag[0] == from_tag ? 0 : d->side_tag[1] == from_tag ? 1
			 : d->side_tag[0] == 0 ? 0 : 1;
		d->side_tag[side] = from_tag;
		if (d->has_cseq[side] && f->cseq.number <= d->last_cseq[side])
			report(r, SIFT_RULE_CSEQ_NOT_INCREASING, f->cseq.method, 0,
			       "CSeq number not above the sender's previous request in the dialog");
		d->last_cseq[side] = f->cseq.number;
		d->has_cseq[side] = 1;
		/* RFC 4916 3: a new From URI goes only to a peer that indicated
		 * Supported: from-change. */
		uint64_t uri = hash_uri(buf, f->from.uri);
		if (d->seen_forming && d->uri[side] != uri && !d->from_change[1 - side])
			report(r, SIFT_RULE_RFC4916_FROM_CHANGE_UNSUPPORTED, f->from.uri, 0,
			       "From URI differs from the one this end used before in the dialog");
		d->uri[side] = uri;
		if (tx->from_change)
			d->from_change[side] = 1;
		tx->dialog = dk;
		if (tx->is_invite) {
			transaction *pending = d->pending_invite ? find_transaction(t, d->pending_invite) : NULL;
			if (pending && pending->final_status == 0) {
				report(r, SIFT_RULE_OVERLAPPING_REINVITE, msg->start_line, 0,
				       "an earlier INVITE of this dialog has no final response yet");
				tx->overlapped = 1;
			}
			d->pending_invite = key;
			d->last_invite = key;
			d->last_invite_cseq = f->cseq.number;
		}
		return;
	}
	/* A new request: its Call-ID is fresh, or a retry by the same caller
	 * (RFC 3261 8.1.1.4: same From tag). */
	uint64_t from_tag = hash_span(buf, f->from.tag);
	call *c = (call *)find(t, t->calls, sizeof(call), f->call_id);
	if (c && c->from_tag != from_tag && msg->method_id != SIFT_METHOD_CANCEL)
		report(r, SIFT_RULE_CALL_ID_REUSED, msg->start_line, 0,
		       "Call-ID seen before with a different From tag");
	if (!c) {
		c = (call *)insert(t, t->calls, sizeof(call), f->call_id);
		c->from_tag = from_tag;
	}
}

static void on_response(reporter *r, const char *buf, const sift_msg *msg, const facts *f,
			const sift_packet_info *info)
{
	sift_tracker *t = r->t;
	transaction *tx = find_transaction(t, f->own);
	unsigned status = msg->status;
	if (!tx) {
		report(r, SIFT_RULE_RESPONSE_WITHOUT_REQUEST, msg->start_line, 0,
		       "no request with this branch and method was seen");
		return;
	}
	if (!tx->is_invite && f->cseq.method_id != SIFT_METHOD_CANCEL) {
		if (status == 408)
			report(r, SIFT_RULE_RFC4320_408_TO_NON_INVITE, msg->start_line, 0, "408 to non-INVITE");
		else if (status > 100 && status < 200)
			report(r, SIFT_RULE_RFC4320_PROVISIONAL_NON_INVITE, msg->start_line, 0,
			       "provisional other than 100 to non-INVITE");
		else if (status == 100 && !info->reliable &&
			 info->time_ns - tx->request_time < TIMER_E_REACHES_T2_NS)
			report(r, SIFT_RULE_RFC4320_EARLY_100, msg->start_line, 0, "100 within 3.5 s over UDP");
	}
	if (status < 200)
		return;
	if (tx->final_status == 0) {
		tx->final_status = (uint16_t)status;
		tx->final_time = info->time_ns;
		tx->final_packet = info->packet;
		tx->final_count = 1;
	} else if (tx->final_status == status && tx->final_count < 255) {
		tx->final_count++;
	}
	if (!tx->is_invite)
		return;
	if (tx->overlapped && status != 491 && tx->final_count == 1)
		report(r, SIFT_RULE_OVERLAP_NOT_491, msg->start_line, 0, "overlapping re-INVITE not answered 491");
	dialog *d = tx->dialog ? find_dialog(t, tx->dialog) : NULL;
	if (d && d->pending_invite == invite_key(buf, f))
		d->pending_invite = 0;
	if (!d && status < 300 && f->to.has_tag) {
		/* A 2xx to an initial INVITE creates the dialog (RFC 3261 12.1). */
		uint64_t dk = dialog_key(buf, f);
		d = find_dialog(t, dk);
		if (!d) {
			d = (dialog *)insert(t, t->dialogs, sizeof(dialog), dk);
			t->stats.dialogs++;
			d->side_tag[0] = hash_span(buf, f->from.tag);
			d->side_tag[1] = hash_span(buf, f->to.tag);
			d->last_cseq[0] = f->cseq.number;
			d->has_cseq[0] = 1;
			/* RFC 4916 4.1, 4.2: each end's identity and support */
			d->uri[0] = hash_uri(buf, f->from.uri);
			d->uri[1] = hash_uri(buf, f->to.uri);
			d->from_change[0] = tx->from_change;
			d->from_change[1] = (uint8_t)supports_from_change(buf, msg);
			d->seen_forming = 1;
		}
		d->last_invite = invite_key(buf, f);
		d->last_invite_cseq = f->cseq.number;
	}
}

int sift_tracker_message(sift_tracker *t, const char *buf, const sift_msg *msg,
			 const sift_packet_info *info, sift_diagnostic_fn callback, void *context)
{
	sift__memo memo;
	sift__memo_init(&memo, buf, msg);
	return sift__tracker_message(t, buf, msg, info, callback, context, &memo);
}

int sift__tracker_message(sift_tracker *t, const char *buf, const sift_msg *msg,
			  const sift_packet_info *info, sift_diagnostic_fn callback, void *context,
			  sift__memo *memo)
{
	if (!t || !buf || !msg || !info || !callback || msg->kind == SIFT_KIND_NONE)
		return 0;
	reporter r = { t, callback, context };
	t->stats.messages++;
	if (info->time_ns > t->last_time)
		t->last_time = info->time_ns;

	/* The message's hash first: its set of the seen table (megabytes,
	 * seldom in cache) is fetched while the values are parsed. */
	uint64_t bytes = hash_bytes(0xcbf29ce484222325ull, buf + msg->offset, msg->length) | 1;
#if defined(__GNUC__)
	__builtin_prefetch(set_of(t, t->seen, sizeof(entry), bytes));
#endif
	facts f;
	int ok = gather(t, msg, &f, memo);
	if (find(t, t->seen, sizeof(entry), bytes)) {
		t->stats.retransmissions++;
		if (ok && msg->kind == SIFT_KIND_RESPONSE && msg->status >= 200) {
			transaction *tx = find_transaction(t, f.own);
			if (tx && tx->final_status == msg->status && tx->final_count < 255)
				tx->final_count++;
		}
		return 1;
	}
	insert(t, t->seen, sizeof(entry), bytes);
	if (!ok)
		return 0;
	if (msg->kind == SIFT_KIND_REQUEST)
		on_request(&r, buf, msg, &f, info);
	else
		on_response(&r, buf, msg, &f, info);
	return 0;
}

void sift_tracker_finish(sift_tracker *t, sift_diagnostic_fn callback, void *context)
{
	if (!t || !callback)
		return;
	reporter r = { t, callback, context };
	size_t slots = (size_t)t->sets * WAYS;
	for (size_t i = 0; i < slots; i++) {
		transaction *tx = &t->transactions[i];
		/* RFC 3261 13.3.1.4, RFC 6026 8.1: the UAS retransmits a 2xx until
		 * the ACK arrives; give it 2*T1 of capture to show one. */
		if (tx->e.key && tx->is_invite && tx->final_status >= 200 && tx->final_status < 300 &&
		    !tx->acked && tx->final_count < 2 && t->last_time - tx->final_time >= 2 * T1_NS) {
			sift_span none = { 0, 0 };
			report(&r, SIFT_RULE_RFC6026_2XX_NOT_RETRANSMITTED, none, tx->final_packet,
			       "2xx to INVITE neither acknowledged nor retransmitted");
		}
	}
}

void sift_tracker_get_stats(const sift_tracker *t, sift_tracker_stats *out)
{
	if (t && out)
		*out = t->stats;
}
