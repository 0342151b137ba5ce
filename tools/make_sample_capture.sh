#!/bin/sh
# tools/make_sample_capture.sh - remakes corpus/captures/sample.pcapng: real
# sipp traffic on loopback (5 UDP calls, 3 TCP calls, sipp's built-in uac/uas
# scenarios) captured with dumpcap, plus five deliberately broken requests
# (CSeq method mismatch; no Max-Forwards and a branch without the magic
# cookie; a body without Content-Type and a short Content-Length; an unquoted
# display name with a comma; an empty Via parameter).
# Needs root (capture on lo) and the Debian packages sip-tester and tshark.
set -eu
out=${1:-corpus/captures/sample.pcapng}
work=$(mktemp -d)
trap 'pkill -f "sipp -sn" 2>/dev/null || true; rm -rf "$work"' EXIT
dumpcap -q -i lo -f "udp port 5060 or udp port 5070 or tcp port 5080 or tcp port 5090" \
	-w "$work/raw.pcapng" -a duration:20 >/dev/null 2>&1 &
sleep 2
sipp -sn uas -i 127.0.0.1 -p 5060 -m 5 -bg >/dev/null 2>&1
sleep 1
timeout 15 sipp -sn uac 127.0.0.1:5060 -i 127.0.0.1 -p 5070 -m 5 -r 5 -d 200 -nostdin >/dev/null
sipp -sn uas -t t1 -i 127.0.0.1 -p 5080 -m 3 -bg >/dev/null 2>&1
sleep 1
timeout 15 sipp -sn uac -t t1 127.0.0.1:5080 -i 127.0.0.1 -p 5090 -m 3 -r 3 -d 200 -nostdin >/dev/null
python3 - <<'PY'
import socket, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", 5070))
def send(msg):
    s.sendto(msg.replace("\n", "\r\n").encode(), ("127.0.0.1", 5060))
    time.sleep(0.05)
base = ("{method} sip:service@127.0.0.1:5060 SIP/2.0\nVia: SIP/2.0/UDP 127.0.0.1:5070;branch={branch}\n"
        "{mf}From: sipp <sip:sipp@127.0.0.1:5070>;tag=broken{n}\nTo: <sip:service@127.0.0.1:5060>\n"
        "Call-ID: broken-{n}@127.0.0.1\nCSeq: 1 {cseq}\nContact: <sip:sipp@127.0.0.1:5070>\n"
        "Content-Length: {cl}\n\n{body}")
mf = "Max-Forwards: 70\n"
send(base.format(method="OPTIONS", branch="z9hG4bK-broken-1", mf=mf, n=1, cseq="INVITE", cl=0, body=""))
send(base.format(method="OPTIONS", branch="oldstyle-2", mf="", n=2, cseq="OPTIONS", cl=0, body=""))
send(base.format(method="MESSAGE", branch="z9hG4bK-broken-3", mf=mf, n=3, cseq="MESSAGE", cl=5, body="hello world"))
send(base.format(method="OPTIONS", branch="z9hG4bK-broken-4", mf=mf, n=4, cseq="OPTIONS", cl=0, body="")
     .replace("From: sipp <", "From: Sipp, Tester <"))
send(base.format(method="OPTIONS", branch="z9hG4bK-broken-5;;", mf=mf, n=5, cseq="OPTIONS", cl=0, body=""))
PY
wait
cp "$work/raw.pcapng" "$out"
chmod 644 "$out"
echo "wrote $out"
