#!/bin/sh
# Seeds follow the tables (fuzz/make_seeds.py): every rule example of
# tests/rules/ is a lint seed and every header of tests/data/every-header.sip
# a validate seed, so a new rule or header is fuzzed from its own examples.
set -eu
missing=""
for f in tests/rules/*.sip; do
	name=$(basename "$f" .sip)
	[ -f "corpus/fuzz/lint/$name" ] || missing="$missing lint/$name"
done
for h in $(sed -n 's/^\([A-Za-z-]*\):.*/\1/p' tests/data/every-header.sip | tr 'A-Z' 'a-z'); do
	[ -f "corpus/fuzz/validate/every-$h" ] || missing="$missing validate/every-$h"
done
if [ -n "$missing" ]; then
	echo "seeds missing (run python3 fuzz/make_seeds.py):$missing"
	exit 1
fi
echo "seeds follow the tables: $(ls tests/rules/*.sip | wc -l) rule examples and every header value are seeds"
