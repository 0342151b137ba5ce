#!/bin/sh
# `sipsift dump --typed` for the auth family: challenges and credentials
# (scheme, captured Digest/Bearer parameters, every auth-param),
# Authentication-Info, and Security-* sec-mechanisms.
set -eu
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
printf '%s\r\n' \
	'SIP/2.0 401 Unauthorized' \
	'Via: SIP/2.0/UDP bobspc.biloxi.example.com:5060;branch=z9hG4bKnashds7' \
	'To: Bob <sip:bob@biloxi.example.com>;tag=2493k59kd' \
	'From: Bob <sip:bob@biloxi.example.com>;tag=456248' \
	'Call-ID: 843817637684230@998sdasdh09' \
	'CSeq: 1826 REGISTER' \
	'WWW-Authenticate: Digest realm="biloxi.example.com", qop="auth", nonce="abc", algorithm=SHA-256, x-y="z"' \
	'WWW-Authenticate: Bearer realm="biloxi.example.com", authz_server="https://as.example.com/"' \
	'Authentication-Info: nextnonce="def", qop=auth, nc=0000000a' \
	'Security-Server: ipsec-ike;q=0.1, digest;d-alg=md5;d-ver="0123456789abcdef0123456789abcdef"' \
	'Proxy-Authorization: Bearer mF_9.B5f-4.1JqM' \
	'Content-Length: 0' '' > "$tmp"
build/sipsift dump --typed "$tmp" | python3 -c '
import json, sys
m = json.loads(sys.stdin.read())
h = [x for x in m["headers"]]
digest, bearer = [x["auth"] for x in h if x["name"] == "WWW-Authenticate"]
assert digest["scheme"] == "digest" and digest["algorithm_id"] == "SHA-256", digest
assert (digest["realm"], digest["nonce"], digest["qop"]) == ("biloxi.example.com", "abc", "auth"), digest
assert digest["params"][-1] == {"name": "x-y", "value": "z", "quoted": True}, digest["params"]
assert bearer["scheme"] == "bearer" and bearer["authz_server"] == "https://as.example.com/", bearer
info = [x["auth"] for x in h if x["name"] == "Authentication-Info"][0]
assert info["scheme"] is None and info["nonce_count"] == 10 and info["nextnonce"] == "def", info
sec = [x["sec_mechanism"] for x in h if x["name"] == "Security-Server"]
assert sec[0]["mechanism"] == "ipsec-ike" and sec[0]["q"] == 0.1, sec[0]
assert sec[1]["d_alg"] == "md5" and sec[1]["d_ver"] == "0123456789abcdef0123456789abcdef", sec[1]
token = [x["auth"] for x in h if x["name"] == "Proxy-Authorization"][0]
assert token == {"scheme": "bearer", "scheme_name": "Bearer", "token": "mF_9.B5f-4.1JqM", "params": []}, token
print("dump --typed: auth challenges, credentials, Authentication-Info and Security-* parts as stated")
'
