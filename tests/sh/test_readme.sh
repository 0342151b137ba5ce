#!/bin/sh
# The README's quick start compiles against the build tree and prints the
# top Via branch, the CSeq number and the Call-ID, as it claims.
set -eu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sed -n '/^```c$/,/^```$/p' README.md | sed '1d;$d' > "$work/quick.c"
[ -s "$work/quick.c" ] || { echo "no C block in README.md"; exit 1; }
cc -std=c11 -Wall -Wextra -Werror -Iinclude -Ibuild/include "$work/quick.c" build/libsipsift.a -o "$work/quick"
out=$("$work/quick")
expected="branch z9hG4bK776asdhds, CSeq 314159, Call-ID a84b4c76e66710@pc33.example.com"
[ "$out" = "$expected" ] || { echo "README quick start printed '$out'"; exit 1; }
echo "readme: quick start printed: $out"
