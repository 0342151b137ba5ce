#!/bin/sh
# The shared library exports only sift_ symbols (DESIGN.md "Naming"), never the
# internal sift__ helpers, carries a versioned SONAME, and needs few load-time
# relocations (re2c's computed-goto tables once made that 308,000: every
# process linking the library paid for them at start-up).
set -eu
lib=build/libsipsift.so
bad=$(nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRVW]$/ {print $3}' | grep -v '^sift_[a-z]' || true)
if [ -n "$bad" ]; then
	echo "exported symbols without the sift_ prefix or internal: $bad"
	exit 1
fi
count=$(nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRVW]$/' | wc -l)
[ "$count" -gt 10 ] || { echo "only $count symbols exported"; exit 1; }
soname=$(objdump -p "$lib" | awk '/SONAME/ {print $2}')
[ "$soname" = "libsipsift.so.0" ] || { echo "SONAME is '$soname'"; exit 1; }
relocations=$(readelf -r "$lib" | grep -c '^[0-9a-f]\{12\}' || true)
[ "$relocations" -lt 20000 ] || { echo "$relocations load-time relocations"; exit 1; }
echo "symbols: $count exported, all sift_; SONAME $soname; $relocations relocations"
