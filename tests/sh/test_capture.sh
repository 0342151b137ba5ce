#!/bin/sh
# siplint reads captures: pcap (both byte orders, micro and nanoseconds) and
# pcapng; Ethernet with 802.1Q/802.1ad tags, Linux SLL and SLL2, NULL and
# LOOP, raw IPv4/IPv6; IPv6 extension headers; IPv4 fragments out of order
# with a duplicate; TCP with segments out of order, duplicated, overlapping,
# split inside the header section and two messages in one segment; SIP on an
# unregistered port found by its start line. For each file built by
# tests/capture/make_captures.py: the number of messages, and the packet,
# src and dst of the first (whose missing Max-Forwards siplint reports).
# A truncated capture and a file with a pcap magic and nothing valid after
# it give a message and exit status 2, never a crash.
set -eu
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 tests/capture/make_captures.py "$dir"
files=0
while read -r name count packet src dst; do
	summary=$(build/sipsift lint "$dir/$name" | grep '^siplint: [0-9]* messages') || true
	case "$summary" in
	"siplint: $count messages "*) ;;
	*) echo "$name: expected $count messages, siplint says: $summary"; exit 1 ;;
	esac
	first=$(build/sipsift lint --format=json --no-summary "$dir/$name" | head -n 1)
	for want in "\"packet\":$packet," "\"src\":\"$src\"" "\"dst\":\"$dst\"" \
		'"rule":"rfc3261-missing-max-forwards"'; do
		case "$first" in
		*"$want"*) ;;
		*) echo "$name: first diagnostic lacks $want: $first"; exit 1 ;;
		esac
	done
	files=$((files + 1))
done < "$dir/EXPECT"
[ "$files" -ge 12 ] || { echo "only $files captures checked"; exit 1; }

status=0
build/sipsift lint "$dir/truncated.pcap" > "$dir/out" 2> "$dir/err" || status=$?
[ "$status" = 2 ] || { echo "truncated capture: exit $status, want 2"; exit 1; }
grep -q 'truncated' "$dir/err" || { cat "$dir/err"; echo "no word of truncation"; exit 1; }
grep -q '^siplint: 2 messages' "$dir/out" || { cat "$dir/out"; echo "messages before the cut are lost"; exit 1; }

printf '\324\303\262\241garbage' > "$dir/bad.pcap"
status=0
build/sipsift lint "$dir/bad.pcap" > /dev/null 2> "$dir/err" || status=$?
[ "$status" = 2 ] || { echo "garbage capture: exit $status, want 2"; exit 1; }
grep -q 'not a readable pcap' "$dir/err" || { cat "$dir/err"; exit 1; }
echo "capture: $files captures read as expected; truncated and garbage captures exit 2"
