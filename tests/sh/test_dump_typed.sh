#!/bin/sh
# `sipsift dump --typed` adds each value's parsed parts: Via, addresses (with
# the URI's parts), CSeq, numbers, Content-Type.
set -eu
build/sipsift dump --typed corpus/messages/invite.sip | python3 -c '
import json, sys
m = json.loads(sys.stdin.read())
h = {x["name"]: x for x in m["headers"]}
via = h["Via"]["via"]
assert (via["transport"], via["host"], via["branch"], via["port"]) == ("UDP", "pc33.atlanta.example.com", "z9hG4bKnashds8", None), via
frm = h["From"]["addr"]
assert frm["display"] == "Alice" and frm["tag"] == "1928301774" and frm["name_addr"] is True, frm
assert frm["uri"] == {"scheme": "sip", "user": "alice", "host": "atlanta.example.com", "host_kind": "name", "port": None, "params": [], "headers": None}, frm["uri"]
assert h["CSeq"]["cseq"] == {"number": 314159, "method": "INVITE"}
assert h["Max-Forwards"]["number"] == 70 and h["Content-Length"]["number"] == 149
assert h["Content-Type"]["media_type"] == {"type": "application", "subtype": "sdp", "params": []}
assert "via" not in h["Call-ID"] and "addr" not in h["Call-ID"]
print("dump --typed: Via, From, CSeq, numbers and Content-Type parts as stated")
'
