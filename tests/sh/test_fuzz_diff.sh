#!/bin/sh
# The differential target (fuzz/targets/diff_osip.c) sorts inputs into the
# classes docs/fuzzing.md triages: three inputs whose class is known, through
# the replay build (ASan+UBSan), each checked for the class it is saved under.
#   agree.invite              both parse it, same method, Call-ID, CSeq, Vias
#   osip-rejects.novelsc      RFC 4475 3.3.3: a soap.beep Request-URI is valid
#                             (RFC 3261 25 absoluteURI); oSIP2 rejects it
#   sipsift-rejects.cseq-range  CSeq number beyond 2**32 (RFC 3261 8.1.1.5);
#                             oSIP2 accepts it
set -eu
make -s build/fuzz/replay/diff_osip >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for input in tests/data/diff/*; do
	name=$(basename "$input")
	expected=${name%%.*}
	rm -rf "$out/classes"
	DIFF_OUT=$out/classes build/fuzz/replay/diff_osip "$input" > "$out/log" 2>&1 ||
		{ cat "$out/log"; echo "diff replay failed on $name"; exit 1; }
	saved=$(ls "$out/classes" 2>/dev/null | tr '\n' ' ' | sed 's/ $//')
	if [ "$expected" = agree ]; then
		[ -z "$saved" ] || { echo "$name: expected agreement, got class '$saved'"; exit 1; }
	else
		[ "$saved" = "$expected" ] || { echo "$name: expected class $expected, got '$saved'"; exit 1; }
	fi
done
echo "fuzz diff: $(ls tests/data/diff | wc -l) inputs sorted into their known classes"
