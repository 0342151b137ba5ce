#!/bin/sh
# Every fuzz target's seed corpus (corpus/fuzz/<target>) and every reproducer
# ever found (tests/regress/<target>) runs through the target's invariants
# under ASan+UBSan (the replay build of fuzz/fuzz.mk), so a crash found once
# stays fixed. `make check` builds build/fuzz/replay/* first.
set -eu
total=0
targets=0
for target in $(make -s fuzz-list); do
	bin=build/fuzz/replay/$target
	[ -x "$bin" ] || { echo "no replay build of fuzz target $target"; exit 1; }
	inputs="corpus/fuzz/$target"
	[ -d "$inputs" ] || { echo "no seed corpus for fuzz target $target"; exit 1; }
	[ -d "tests/regress/$target" ] && inputs="$inputs tests/regress/$target"
	# shellcheck disable=SC2086
	out=$(ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		"$bin" $inputs 2>&1) || { echo "$out" | tail -n 40; echo "fuzz replay $target failed"; exit 1; }
	count=$(echo "$out" | sed -n 's/^replay: \([0-9]*\) inputs$/\1/p')
	[ -n "$count" ] && [ "$count" -gt 0 ] || { echo "$out"; echo "replay $target ran nothing"; exit 1; }
	total=$((total + count))
	targets=$((targets + 1))
done
[ "$targets" -ge 7 ] || { echo "only $targets replay targets built"; exit 1; }
echo "fuzz replay: $total inputs through $targets targets, no finding"
