#!/bin/sh
# corpus/bench holds realistic traffic: every message parses under strict
# full validation, and siplint in the strict profile finds nothing in the
# whole mix (a benchmark of broken messages would measure error paths).
set -eu
for message in corpus/bench/*.sip; do
	build/sipsift dump --strict "$message" > /dev/null || { echo "$message does not parse strictly"; exit 1; }
done
count=$(ls corpus/bench/*.sip | wc -l)
[ "$count" -eq 13 ] || { echo "expected 13 bench messages, found $count"; exit 1; }
summary=$(build/sipsift lint --profile=strict corpus/bench/*.sip | tail -n 1)
case "$summary" in
*"13 messages"*"0 errors, 0 warnings"*) ;;
*) echo "siplint on corpus/bench: $summary"; exit 1 ;;
esac
echo "bench corpus: $count messages, strict parse and strict lint clean"
