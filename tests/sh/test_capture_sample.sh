#!/bin/sh
# corpus/captures/sample.pcapng (sipp calls over UDP and TCP on loopback and
# five broken requests, tools/make_sample_capture.sh): siplint counts the
# same SIP messages as tshark does, and only the five broken requests, the
# last five packets, carry error-level findings; the sipp traffic is clean.
set -eu
capture=corpus/captures/sample.pcapng
want=$(tshark -r "$capture" -Y sip 2>/dev/null | wc -l)
[ "$want" -gt 0 ] || { echo "tshark finds no SIP in $capture"; exit 1; }
got=$(build/sipsift lint "$capture" | sed -n 's/^siplint: \([0-9]*\) messages.*/\1/p')
[ "$got" = "$want" ] || { echo "siplint counts $got SIP messages, tshark $want"; exit 1; }
packets=$(tshark -r "$capture" 2>/dev/null | wc -l)
errors=$(build/sipsift lint --format=json --no-summary "$capture" |
	sed -n 's/.*"severity":"error".*"packet":\([0-9]*\),.*/\1/p' | sort -un | tr '\n' ' ')
expected=""
for i in 4 3 2 1 0; do expected="$expected$((packets - i)) "; done
[ "$errors" = "$expected" ] || { echo "errors in packets '$errors', want only the broken '$expected'"; exit 1; }
echo "sample capture: $got SIP messages as tshark counts; errors only in packets $errors"
