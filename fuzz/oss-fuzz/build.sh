#!/bin/bash -eu
# fuzz/oss-fuzz/build.sh - builds every fuzz target the OSS-Fuzz /
# ClusterFuzzLite way: with the engine's $CC, $CFLAGS and $LIB_FUZZING_ENGINE,
# into $OUT, each with its seed corpus (<target>_seed_corpus.zip) and the
# dictionary (<target>.dict). Run from the top of the source tree (the
# Dockerfile's WORKDIR), or with SRC pointing at its parent.
#
# The generated sources (re2c lexers, tables from grammar/) come from the
# project's Makefile; the library and the targets are then compiled here
# with the engine's flags only, so sanitizers and coverage are the engine's
# choice. tests/sh/test_oss_fuzz.sh runs this script locally for libFuzzer.

top=${SIPSIFT_SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$top"
: "${CC:?}" "${CFLAGS:=}" "${LIB_FUZZING_ENGINE:?}" "${OUT:?}"
work=${WORK:-$(mktemp -d)}/sipsift
build=$work/build
mkdir -p "$build" "$OUT"

# Generated code only: no compiler flags of the Makefile reach the objects
# below. The Dockerfile installs what generation needs (re2c, python3), so
# the Debian package check of `make deps` is skipped.
touch "$build/.deps-ok"
make -s BUILD="$build" fuzz-sources

targets=$(make -s BUILD="$build" fuzz-list)
sources=$(make -s BUILD="$build" fuzz-lib-sources)
includes="-Iinclude -I$build/include -Isrc -Igrammar -I$build/gen"

objects=""
for source in $sources; do
	object=$work/obj/$(echo "$source" | tr / _).o
	mkdir -p "$(dirname "$object")"
	# shellcheck disable=SC2086
	$CC $CFLAGS -std=c11 $includes -DSIPSIFT_VERSION_STRING='"oss-fuzz"' -c "$source" -o "$object"
	objects="$objects $object"
done

# The C++ link driver when the engine needs one ($CXX is set by OSS-Fuzz).
link=${CXX:-$CC}
python3 tools/gen_headers.py dict grammar/headers.def grammar/methods.def > "$work/sip.dict"
cat fuzz/dict.extra >> "$work/sip.dict"
for target in $targets; do
	# shellcheck disable=SC2086
	$CC $CFLAGS -std=c11 $includes -c "fuzz/targets/fuzz_$target.c" -o "$work/fuzz_$target.o"
	# Sources and libraries a target needs beyond the library (capture:
	# siplint's reader and libpcap).
	extra=$(make -s BUILD="$build" "fuzz-extra-$target")
	# shellcheck disable=SC2086
	$link $CFLAGS $includes "$work/fuzz_$target.o" $objects $extra $LIB_FUZZING_ENGINE -o "$OUT/$target"
	cp "$work/sip.dict" "$OUT/$target.dict"
	rm -f "$OUT/${target}_seed_corpus.zip"
	(cd "corpus/fuzz/$target" && zip -q -r "$OUT/${target}_seed_corpus.zip" .)
done
echo "oss-fuzz build: $(echo $targets | wc -w) targets in $OUT"
