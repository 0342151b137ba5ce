#!/bin/sh
# `sipsift dump --typed` for the address family: Contact parameters, display
# text, and Reply-To, Refer-To, Referred-By, P-Asserted-Identity, Path,
# Service-Route, Diversion and History-Info (tools/sipsift/typed_addr.c).
set -eu
build/sipsift dump --typed tests/data/addr/all-address-headers.sip | python3 -c '
import json, sys
m = json.loads(sys.stdin.read())
hs = m["headers"]
def one(name, i=0):
    return [x for x in hs if x["name"] == name][i]
frm = one("From")["addr"]
assert frm["display_text"] == "Alice \"A\" Liddell", frm
c = one("Contact")["addr"]
assert (c["q"], c["expires"], c["reg_id"], c["instance"]) == (0.7, 3600, 1, "urn:uuid:00000000-0000-1000-8000-AABBCCDDEEFF"), c
assert c["uri"]["params"] == [{"name": "transport", "value": "tcp"}, {"name": "ob", "value": None}], c["uri"]
assert one("Reply-To")["addr"]["display"] == "Bob"
assert one("Refer-To")["addr"]["uri"]["params"] == [{"name": "method", "value": "SUBSCRIBE"}]
rb = one("Referred-By")["addr"]
assert rb["cid"] == "20398823.2UWQFN309shb3@referrer.example", rb
assert one("P-Asserted-Identity", 1)["addr"]["uri"]["scheme"] == "tel"
assert one("Path", 1)["addr"]["uri"]["host"] == "P1.EXAMPLEVISITED.COM"
assert one("Service-Route")["addr"]["name_addr"] is True
d = one("Diversion")["addr"]
assert (d["reason"], d["counter"], d["limit"], d["privacy"], d["screen"]) == ("user-busy", 1, None, "full", None), d
h = one("History-Info", 1)["addr"]
assert (h["index"], h["index_numbers"], h["mp"], h["rc"]) == ("1.2.1", [1, 2, 1], "1.2", None), h
assert one("History-Info")["addr"]["uri"]["headers"] == "Reason=SIP%3Bcause%3D302"
print("dump --typed: address headers, Contact parameters and display text as stated")
'
