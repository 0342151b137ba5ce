#!/bin/sh
# The siplint throughput bench works end to end on a small capture: the
# generator writes a pcapng of the mix with distinct calls, siplint reads
# every message of it without a finding (the mix is clean), and the
# throughput script reports the message count. No timing is checked.
set -eu
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
python3 tools/bench/make_capture.py "$out/lint.pcapng" 1
line=$(sh tools/bench/lint_throughput.sh build/siplint "$out/lint.pcapng" 1)
messages=$(echo "$line" | sed -n 's/.* messages=\([0-9]*\) .*/\1/p')
# Whole rounds of the 13-message mix, about 1 MB of them.
[ "$messages" -ge 1300 ] && [ $((messages % 13)) -eq 0 ] || { echo "bench-lint: $line"; exit 1; }
build/siplint "$out/lint.pcapng" > "$out/lint.txt" 2>&1 || { cat "$out/lint.txt"; exit 1; }
grep -q "0 errors, 0 warnings" "$out/lint.txt" || { cat "$out/lint.txt"; exit 1; }
grep -q "0 retransmissions" "$out/lint.txt" || { cat "$out/lint.txt"; exit 1; }
echo "bench-lint: $messages messages, clean, each round its own calls"
