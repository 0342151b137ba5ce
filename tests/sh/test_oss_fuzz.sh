#!/bin/sh
# fuzz/oss-fuzz/build.sh builds every target the OSS-Fuzz way (the engine's
# $CC, $CFLAGS, $LIB_FUZZING_ENGINE, output in $OUT with seed corpus zips and
# dictionaries); here for libFuzzer with ASan, then each built target runs
# for two seconds from its seed corpus without a finding.
set -eu
out=$(mktemp -d)
work=$(mktemp -d)
trap 'rm -rf "$out" "$work"' EXIT
clang=$(command -v clang || command -v clang-14)
CC=$clang CXX=$clang CFLAGS="-O1 -g -fsanitize=address,undefined -fsanitize=fuzzer-no-link" \
	LIB_FUZZING_ENGINE=-fsanitize=fuzzer OUT=$out WORK=$work \
	bash fuzz/oss-fuzz/build.sh > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
count=0
for target in $(make -s fuzz-list); do
	[ -x "$out/$target" ] || { echo "build.sh made no $target"; exit 1; }
	[ -s "$out/${target}_seed_corpus.zip" ] || { echo "no seed corpus zip for $target"; exit 1; }
	[ -s "$out/$target.dict" ] || { echo "no dictionary for $target"; exit 1; }
	mkdir -p "$work/seeds/$target"
	(cd "$work/seeds/$target" && unzip -q "$out/${target}_seed_corpus.zip")
	"$out/$target" -max_total_time=2 -dict="$out/$target.dict" "$work/seeds/$target" \
		> "$work/$target.log" 2>&1 || { tail -n 40 "$work/$target.log"; echo "$target failed"; exit 1; }
	count=$((count + 1))
done
echo "oss-fuzz build.sh: $count targets built for libFuzzer and ran clean"
