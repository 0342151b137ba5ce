#!/bin/sh
# `sipsift dump --typed` on the event family (tools/sipsift/typed_event.c):
# Event with templates, id and an RFC 6446 rate; Subscription-State;
# Allow-Events; Refer-Sub; SIP-ETag; Info-Package; Recv-Info, empty too.
set -eu
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
printf 'NOTIFY sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nTo: <sip:a@b>;tag=1\r\nFrom: <sip:c@d>;tag=2\r\nCall-ID: x\r\nCSeq: 1 NOTIFY\r\nMax-Forwards: 70\r\no: presence.winfo;id=7;max-rate=0.5\r\nSubscription-State: terminated;reason=probation;retry-after=30\r\nu: presence\r\nRefer-Sub: false\r\nSIP-ETag: dx200xyz\r\nInfo-Package: foo;a=1\r\nRecv-Info: foo\r\nRecv-Info:\r\nContent-Length: 0\r\n\r\n' > "$tmp"
build/sipsift dump --typed "$tmp" | python3 -c '
import json, sys
m = json.loads(sys.stdin.read())
h = {}
for x in m["headers"]:
    h.setdefault(x["id"], []).append(x)
e = h["Event"][0]["event"]
assert e["type"] == "presence.winfo" and e["package"] == "presence" and e["templates"] == ["winfo"], e
assert e["id"] == "7" and e["max_rate"] == {"text": "0.5", "per_second": 0.5} and e["min_rate"] is None, e
s = h["Subscription-State"][0]["subscription_state"]
assert (s["state_kind"], s["reason_kind"], s["retry_after"], s["expires"]) == ("terminated", "probation", 30, None), s
assert h["Allow-Events"][0]["event_types"] == ["presence"]
assert h["Refer-Sub"][0]["refer_sub"] == {"value": False, "params": []}
assert h["SIP-ETag"][0]["entity_tag"] == "dx200xyz"
assert h["Info-Package"][0]["info_package"] == {"name": "foo", "params": [{"name": "a", "value": "1"}]}
assert [r["info_packages"] for r in h["Recv-Info"]] == [[{"name": "foo", "params": []}], []]
print("dump --typed: Event, Subscription-State, Allow-Events, Refer-Sub, SIP-ETag, Info-Package, Recv-Info parts as stated")
'
