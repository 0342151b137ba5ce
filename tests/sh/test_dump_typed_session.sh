#!/bin/sh
# `sipsift dump --typed` prints the parts of the session and dialog headers
# (tools/sipsift/typed_session.c) for corpus/messages/invite-session.sip.
set -eu
build/sipsift dump --typed corpus/messages/invite-session.sip | python3 -c '
import json, sys
m = json.loads(sys.stdin.read())
h = {}
for x in m["headers"]:
    h.setdefault(x["name"], []).append(x)
one = lambda name: h[name][0]
assert one("Replaces")["dialog"]["to_tag"] == "7743" and one("Replaces")["dialog"]["early_only"] is True
assert one("Target-Dialog")["target_dialog"]["remote_tag"] == "2"
assert one("Session-Expires")["session_expires"]["seconds"] == 1800
assert one("Session-Expires")["session_expires"]["refresher"] == "uac"
assert one("Min-SE")["min_se"]["seconds"] == 90
assert one("RAck")["rack"] == {"response_num": 776656, "cseq_num": 1, "method": "INVITE"}
assert [r["reason"]["cause"] for r in h["Reason"]] == [200, 16]
assert one("Privacy")["privacy"] == ["id", "header"]
ident = one("Identity")["identity"]
assert ident["info"] == "https://cert.example.org/a.cer" and ident["ppt"] == "shaken", ident
assert one("Max-Breadth")["number"] == 60
assert one("Priority")["priority"]["registered"] == "urgent"
alert = h["Alert-Info"][0]["info"]
assert alert["appearance"] == "1" and alert["alert_urn"]["registered"] is True, alert
assert one("Call-Info")["info"]["purpose"] == "icon"
assert one("Error-Info")["info"]["uri"] == "sip:x@y"
print("dump --typed: session and dialog headers parts as stated")
'
