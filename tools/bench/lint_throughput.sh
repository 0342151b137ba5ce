#!/bin/sh
# tools/bench/lint_throughput.sh SIPLINT CAPTURE [RUNS] - siplint throughput.
# Lints CAPTURE RUNS times (default 3) and prints the best run: capture
# megabytes per second of wall time, messages per second, user+system CPU
# seconds, megabytes per CPU second (what to compare on a shared machine,
# where wall time waits for a core) and peak resident memory, one line,
# key=value, for the table in docs/performance.md. The file is read once
# first so the page cache holds it.
set -eu
siplint=$1
capture=$2
runs=${3:-3}
bytes=$(wc -c < "$capture")
cat "$capture" > /dev/null
best=""
i=0
while [ "$i" -lt "$runs" ]; do
	/usr/bin/time -f "%e %U %S %M" -o "$capture.time" "$siplint" --format=json \
		"$capture" > "$capture.out" 2>&1 || true
	set -- $(tail -n 1 "$capture.time")
	wall=$1 cpu=$(awk -v u="$2" -v s="$3" 'BEGIN { print u + s }') rss=$4
	if [ -z "$best" ] || awk -v w="$wall" -v b="$best" 'BEGIN { exit !(w < b) }'; then
		best=$wall best_cpu=$cpu best_rss=$rss
	fi
	i=$((i + 1))
done
messages=$(sed -n 's/^siplint: \([0-9]*\) messages.*/\1/p' "$capture.out" | tail -n 1)
[ -n "$messages" ] || { echo "lint_throughput: no summary from $siplint" >&2; cat "$capture.out" >&2; exit 1; }
rm -f "$capture.time" "$capture.out"
awk -v b="$bytes" -v w="$best" -v c="$best_cpu" -v r="$best_rss" -v m="$messages" 'BEGIN {
	if (w <= 0) w = 0.01
	if (c <= 0) c = 0.01
	printf "siplint capture=%.1fMB messages=%d wall=%.2fs cpu=%.2fs MB/s=%.0f messages/s=%.0f cpu_MB/s=%.0f peak_rss=%.0fMB\n",
		b / 1e6, m, w, c, b / 1e6 / w, m / w, b / 1e6 / c, r / 1024
}'
