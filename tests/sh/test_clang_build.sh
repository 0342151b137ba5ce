#!/bin/sh
# The tree builds warning-free (-Wall -Wextra -Werror) with clang as well as
# gcc (make check itself builds with cc, which is gcc on Debian).
set -eu
dir=build/clang
make --no-print-directory -s CC=clang BUILD="$dir" "$dir/libsipsift.a" "$dir/sipsift" >"$dir.log" 2>&1 || {
	cat "$dir.log"
	exit 1
}
echo "clang: library and tool built with -Werror"
