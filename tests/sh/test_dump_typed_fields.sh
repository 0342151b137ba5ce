#!/bin/sh
# `sipsift dump --typed` for the fields.h headers (RFC 3261 20 generic and
# body headers, RFC 3313, 3841, 8262): the RFCs' example values come out
# with the parts they state.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '%s\r\n' 'SIP/2.0 503 Service Unavailable' 'Via: SIP/2.0/UDP h.example.com;branch=z9hG4bK1' \
	'To: <sip:a@example.com>;tag=1' 'From: <sip:c@example.com>;tag=2' 'Call-ID: x' 'CSeq: 1 INVITE' \
	"Retry-After: 120 (I'm in a meeting);duration=3600" \
	'Warning: 307 isi.edu "Session parameter '"'"'foo'"'"' not understood"' \
	'Server: SIPimp.org/0.2.5 (curses)' 'Accept: application/sdp;level=1, text/html;q=0.5' \
	'Accept-Language: da, en-gb;q=0.8' 'Allow: INVITE, ACK' 'Require: 100rel' 'd: proxy, no-fork' \
	'a: *;audio;require' 'Content-Disposition: signal; handling=optional' \
	'Content-ID: <cn35t8jf02@example.com>' 'MIME-Version: 1.0' 'Expires: 99999999999' \
	'Timestamp: 54 0.5' 's: Need more boxes' 'P-Media-Authorization: 0020ab' 'Content-Length: 0' '' \
	> "$tmp/m.sip"
build/sipsift dump --typed "$tmp/m.sip" | python3 -c '
import json, sys
m = json.loads(sys.stdin.read())
h = {}
for x in m["headers"]:
    h.setdefault(x["name"], []).append(x)
assert h["Retry-After"][0]["retry_after"]["seconds"] == 120 and h["Retry-After"][0]["retry_after"]["duration"] == 3600
assert h["Retry-After"][0]["retry_after"]["comment"] == "(I'"'"'m in a meeting)"
w = h["Warning"][0]["warning"]
assert w["code"] == 307 and w["agent"] == "isi.edu" and w["registered_text"] == "Session description parameter not understood", w
assert h["Server"][0]["server"] == [{"product": "SIPimp.org", "version": "0.2.5"}, {"comment": "(curses)"}]
a = [x["accept"] for x in h["Accept"]]
assert (a[0]["type"], a[0]["subtype"], a[0]["q"], a[0]["params"]) == ("application", "sdp", None, [{"name": "level", "value": "1"}]), a
assert a[1]["q"] == 0.5
assert [x["accept"]["language"] for x in h["Accept-Language"]] == ["da", "en-gb"]
assert [x["method"] for x in h["Allow"]] == ["INVITE", "ACK"]
assert h["Require"][0]["option_tag"] == "100rel" and h["Require"][0]["registered"] is True
assert [x["directive"] for x in h["d"]] == ["proxy", "no-fork"]
assert h["a"][0]["caller_prefs"]["require"] is True and h["a"][0]["caller_prefs"]["features"] == 1
d = h["Content-Disposition"][0]["disposition"]
assert d["type"] == "signal" and d["handling"] == "optional" and d["registered"] is True, d
assert h["Content-ID"][0]["content_id"] == {"left": "cn35t8jf02", "right": "example.com"}
assert h["MIME-Version"][0]["mime_version"] == {"major": 1, "minor": 0}
assert h["Expires"][0]["seconds"] == 4294967295 and h["Expires"][0]["clamped"] is True
assert h["Timestamp"][0]["timestamp"] == {"time": "54", "delay": "0.5"}
assert h["s"][0]["text"] == "Need more boxes"
assert h["P-Media-Authorization"][0]["token"] == "0020ab"
print("dump --typed: fields headers (Accept..., Warning, Server, Retry-After, caller prefs, body headers) as stated")
'
