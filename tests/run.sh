#!/bin/sh
# tests/run.sh - runs every test binary (cmocka) and shell test, then prints
# one summary line: "check: N passed, N failed".
#   tests/run.sh BINARY... -- SCRIPT...
set -u
passed=0
failed=0
failures=""
log=$(mktemp)
trap 'rm -f "$log"' EXIT

in_scripts=0
for test in "$@"; do
	if [ "$test" = "--" ]; then
		in_scripts=1
		continue
	fi
	if [ "$in_scripts" = 1 ]; then
		printf '== %s\n' "$test"
		if sh "$test" >"$log" 2>&1; then
			passed=$((passed + 1))
			tail -n 1 "$log"
		else
			failed=$((failed + 1))
			failures="$failures $test"
			cat "$log"
		fi
		continue
	fi
	printf '== %s\n' "$test"
	"$test" >"$log" 2>&1
	status=$?
	# A binary may run several groups: add up every group's counts.
	ok=$(sed -n "s/.*\[  PASSED  \] \([0-9]*\) test(s)\..*/\1/p" "$log" | awk '{s += $1} END {print s + 0}')
	bad=$(sed -n 's/.*\[  FAILED  \] \([0-9]*\) test(s), listed below:.*/\1/p' "$log" | awk '{s += $1} END {if (s) print s}')
	passed=$((passed + ${ok:-0}))
	failed=$((failed + ${bad:-0}))
	if [ "$status" != 0 ] || [ -n "$bad" ]; then
		[ -z "$bad" ] && failed=$((failed + 1))
		failures="$failures $test"
		cat "$log"
	else
		printf '   %s passed\n' "${ok:-0}"
	fi
done
[ -n "$failures" ] && printf 'failing:%s\n' "$failures"
printf 'check: %d passed, %d failed\n' "$passed" "$failed"
[ "$failed" = 0 ]
