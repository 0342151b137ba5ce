#!/bin/sh
# Every header of grammar/headers.def has a typed parser: its last column
# names the check full validation runs (check_<name> in src/hdr/validate.c,
# whose table is built from that column, so the compiler refuses a check
# that does not exist), and no registered header is left to the plain
# header-value text rule of unregistered ones (issue: "every header in
# headers.def has a typed parser").
set -eu
count=0
bad=""
for row in $(sed -n 's/^SIFT_HEADER(\([A-Z0-9_]*\),.*, *\([a-z0-9_]*\))$/\1:\2/p' grammar/headers.def); do
	count=$((count + 1))
	id=${row%%:*}
	check=${row#*:}
	case $check in
	header_text | "") bad="$bad $id" ;;
	*) grep -q "^CHECK(${check})\$\|^CHECK_[A-Z_]*(${check}," src/hdr/validate.c || bad="$bad $id" ;;
	esac
done
total=$(grep -c '^SIFT_HEADER(' grammar/headers.def)
if [ "$count" -ne "$total" ] || [ -n "$bad" ]; then
	echo "headers without a typed check in src/hdr/validate.c ($count of $total rows read):$bad"
	exit 1
fi
echo "every header typed: $count registered headers, each with its check in src/hdr/validate.c"
