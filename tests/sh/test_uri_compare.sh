#!/bin/sh
# sipsift uri-compare: "equal" / exit 0, "different" / exit 1 on the RFC 3261
# 19.1.4 and RFC 5954 4.2 examples; exit 2 naming the URI that does not
# parse, the offset and the rule; bad usage exit 2.
set -eu
cmp=build/sipsift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pairs=0

expect() { # expect WORD STATUS A B [OPTION]
	want=$1 want_status=$2 a=$3 b=$4
	shift 4
	status=0
	out=$($cmp uri-compare "$@" "$a" "$b") || status=$?
	[ "$status" = "$want_status" ] && [ "$out" = "$want" ] ||
		{ echo "uri-compare $* '$a' '$b': '$out' exit $status, expected '$want' exit $want_status"; exit 1; }
	pairs=$((pairs + 1))
}

# RFC 3261 19.1.4, the equivalent sets
expect equal 0 'sip:%61lice@atlanta.com;transport=TCP' 'sip:alice@AtLanTa.CoM;Transport=tcp'
expect equal 0 'sip:carol@chicago.com' 'sip:carol@chicago.com;newparam=5'
expect equal 0 'sip:carol@chicago.com;newparam=5' 'sip:carol@chicago.com;security=on'
expect equal 0 'sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com' \
	'sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com'
expect equal 0 'sip:alice@atlanta.com?subject=project%20x&priority=urgent' \
	'sip:alice@atlanta.com?priority=urgent&subject=project%20x'
# ... and the sets that are not
expect different 1 'SIP:ALICE@AtLanTa.CoM;Transport=udp' 'sip:alice@AtLanTa.CoM;Transport=UDP'
expect different 1 'sip:bob@biloxi.com' 'sip:bob@biloxi.com:5060'
expect different 1 'sip:bob@biloxi.com' 'sip:bob@biloxi.com;transport=udp'
expect different 1 'sip:bob@biloxi.com' 'sip:bob@biloxi.com:6000;transport=tcp'
expect different 1 'sip:carol@chicago.com' 'sip:carol@chicago.com?Subject=next%20meeting'
expect different 1 'sip:bob@phone21.boxesbybob.com' 'sip:bob@192.0.2.4'
expect different 1 'sip:carol@chicago.com;security=on' 'sip:carol@chicago.com;security=off'
# RFC 5954 4.2
expect equal 0 'sip:bob@[::ffff:192.0.2.128]' 'sip:bob@[::ffff:c000:280]'
expect equal 0 'sip:bob@[2001:db8::9:1]' 'sip:bob@[2001:db8::9:01]'
expect equal 0 'sip:bob@[0:0:0:0:0:FFFF:129.144.52.38]' 'sip:bob@[::FFFF:129.144.52.38]'
# sip and sips: never, unless compared as registrar AORs (RFC 5630 5.2)
expect different 1 'sip:alice@atlanta.com' 'sips:alice@atlanta.com'
expect equal 0 'sip:alice@atlanta.com' 'sips:alice@atlanta.com' --sips-as-sip
# tel (RFC 3966 4), urn (RFC 8141 3.1)
expect equal 0 'tel:+1-201-555-0123' 'tel:+12015550123'
expect equal 0 'urn:alert:service:normal' 'URN:ALERT:service:normal'

# A URI that does not parse: exit 2, which one, the offset and the rule.
status=0
$cmp uri-compare 'sip:bob@biloxi.com' 'sip:bob@[::1' > "$tmp/out" 2> "$tmp/err" || status=$?
[ "$status" = 2 ] && [ ! -s "$tmp/out" ] || { echo "bad B: exit $status"; exit 1; }
grep -q '^sipsift uri-compare: second URI (B) does not parse: expected host at offset 8: ' "$tmp/err" ||
	{ cat "$tmp/err"; echo "bad B message"; exit 1; }
status=0
$cmp uri-compare 'sip:alice@atlanta.com:99999' 'sip:bob@biloxi.com' 2> "$tmp/err" > /dev/null || status=$?
[ "$status" = 2 ] && grep -q 'first URI (A) does not parse: port at offset 22: ' "$tmp/err" ||
	{ cat "$tmp/err"; echo "bad A: exit $status"; exit 1; }
status=0
$cmp uri-compare --strict 'urn:x:y' 'urn:x:y' 2> "$tmp/err" > /dev/null || status=$?
[ "$status" = 2 ] && grep -q 'first URI (A) does not parse: expected NID at offset 4' "$tmp/err" ||
	{ cat "$tmp/err"; echo "strict urn: exit $status"; exit 1; }

# Bad usage: exit 2.
for args in "" "sip:a@b" "sip:a@b sip:a@b sip:a@b" "--bogus sip:a@b sip:a@b"; do
	status=0
	# shellcheck disable=SC2086
	$cmp uri-compare $args > /dev/null 2>&1 || status=$?
	[ "$status" = 2 ] || { echo "usage '$args': exit $status"; exit 1; }
done
$cmp uri-compare --help | grep -q '^usage: sipsift uri-compare' || { echo "--help"; exit 1; }

echo "uri-compare: $pairs pairs as RFC 3261 19.1.4 and RFC 5954 say, parse errors and usage exit 2"
