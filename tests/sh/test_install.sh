#!/bin/sh
# make install PREFIX=... installs headers, both libraries and sipsift.pc; a
# program built with `pkg-config --cflags --libs sipsift` against the
# installed tree parses a message.
set -eu
prefix=$(mktemp -d)
work=$(mktemp -d)
trap 'rm -rf "$prefix" "$work"' EXIT
make --no-print-directory install PREFIX="$prefix" >/dev/null
for f in include/sipsift/sipsift.h include/sipsift/headers.h include/sipsift/rules.h lib/libsipsift.a bin/siplint share/man/man1/siplint.1 share/doc/sipsift/rules.md \
	lib/libsipsift.so lib/libsipsift.so.0 lib/pkgconfig/sipsift.pc bin/sipsift; do
	[ -e "$prefix/$f" ] || { echo "not installed: $f"; exit 1; }
done
cat > "$work/quick.c" <<'C'
#include <stdio.h>
#include <string.h>
#include <sipsift/sipsift.h>
int main(void)
{
	const char m[] = "OPTIONS sip:bob@example.com SIP/2.0\r\n"
		"Via: SIP/2.0/UDP pc33.example.com;branch=z9hG4bK776asdhds\r\n"
		"Call-ID: a84b4c76e66710\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
	sift_header h[16];
	sift_msg msg;
	sift_msg_init(&msg, h, 16);
	if (sift_parse(&msg, m, sizeof m - 1, 0) != SIFT_OK)
		return 1;
	sift_span id = sift_msg_value(&msg, SIFT_H_CALL_ID, NULL);
	printf("%.*s\n", (int)id.len, m + id.off);
	return 0;
}
C
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
cc -std=c11 -Wall -Werror $(pkg-config --cflags sipsift) "$work/quick.c" \
	$(pkg-config --libs sipsift) -o "$work/quick"
out=$(LD_LIBRARY_PATH="$prefix/lib" "$work/quick")
[ "$out" = "a84b4c76e66710" ] || { echo "installed program printed '$out'"; exit 1; }
echo "install: pkg-config build against $prefix ran and printed the Call-ID"
