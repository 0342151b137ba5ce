#!/bin/sh
# tests/data/body/make_smime.sh - regenerates the S/MIME fixtures of
# tests/unit/test_body.c with OpenSSL: a throwaway self-signed certificate,
# then a small SDP body encrypted with each content-encryption algorithm
# (RFC 5652 EnvelopedData, DER) and signed (SignedData). The library never
# uses OpenSSL; the tests check that sipsift's DER walker names the cipher
# OpenSSL used. The .der files are committed; run this only to refresh them.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=sipsift test" \
	-keyout "$tmp/key.pem" -out "$tmp/cert.pem" 2>/dev/null
cat > "$tmp/sdp" <<'SDP'
v=0
o=alice 2890844526 2890844526 IN IP4 192.0.2.1
s=-
c=IN IP4 192.0.2.1
t=0 0
m=audio 49170 RTP/AVP 0
SDP
for c in des3 aes128 aes192 aes256; do
	openssl cms -encrypt -binary -in "$tmp/sdp" -outform DER -out "enveloped-$c.der" \
		-"$c" "$tmp/cert.pem"
done
# AES-GCM gives AuthEnvelopedData (RFC 5083), which RFC 8591 4.2 asks for.
openssl cms -encrypt -binary -in "$tmp/sdp" -outform DER -out enveloped-aes-128-gcm.der \
	-aes-128-gcm "$tmp/cert.pem"
openssl cms -sign -binary -nodetach -in "$tmp/sdp" -outform DER -out signed.der \
	-signer "$tmp/cert.pem" -inkey "$tmp/key.pem"
# What OpenSSL says each file holds, for the test to compare with.
for f in enveloped-*.der; do
	printf '%s ' "$f"
	openssl cms -cmsout -print -inform DER -in "$f" |
		sed -n 's/^ *algorithm: *\([^ ]*\).*/\1/p' | tail -n 1
done > ciphers.txt
