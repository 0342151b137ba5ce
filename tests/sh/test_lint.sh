#!/bin/sh
# siplint: gcc-style text with the line and a caret, JSON Lines, SARIF 2.1.0
# structure, exit status 0/1/2, --fail-on, --enable/--disable, directories,
# stdin, and the siplint name = sipsift lint.
set -eu
lint=build/siplint
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Text: FILE:PACKET LINE:COL: severity: message [rule, RFC n s], line, caret.
status=0
$lint --no-summary corpus/messages/broken-cseq.sip > "$tmp/text" || status=$?
[ "$status" = 1 ] || { echo "exit $status on an error finding"; exit 1; }
grep -q '^corpus/messages/broken-cseq.sip:1 7:13: error: CSeq method differs from the request method: CSeq method INVITE, request method OPTIONS \[rfc3261-cseq-method-mismatch, RFC 3261 8.1.1.5\]$' "$tmp/text" \
	|| { cat "$tmp/text"; echo "text format"; exit 1; }
sed -n 2p "$tmp/text" | grep -q '^  CSeq: 63104 INVITE$' || { echo "no offending line"; exit 1; }
sed -n 3p "$tmp/text" | grep -q '^              \^$' || { echo "caret misplaced"; exit 1; }

# Clean input: exit 0; sipsift lint is the same command.
$lint --no-summary corpus/messages/invite.sip > "$tmp/clean"
[ ! -s "$tmp/clean" ] || { cat "$tmp/clean"; echo "findings on a clean message"; exit 1; }
build/sipsift lint --no-summary corpus/messages/invite.sip > /dev/null

# --disable silences a rule; --fail-on=warning fails on a warning.
$lint --no-summary --disable=rfc3261-cseq-method-mismatch corpus/messages/broken-cseq.sip > /dev/null
printf 'OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=nocookie\r\nMax-Forwards: 70\r\nTo: <sip:a@b>\r\nFrom: <sip:c@d>;tag=1\r\nCall-ID: x\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n' > "$tmp/warn.sip"
$lint --no-summary "$tmp/warn.sip" > /dev/null
status=0
$lint --no-summary --fail-on=warning "$tmp/warn.sip" > /dev/null || status=$?
[ "$status" = 1 ] || { echo "--fail-on=warning gave $status"; exit 1; }

# Bad usage and unreadable input: exit 2.
status=0; $lint --bogus x 2>/dev/null || status=$?; [ "$status" = 2 ] || { echo "bad option: $status"; exit 1; }
status=0; $lint /nonexistent 2>/dev/null || status=$?; [ "$status" = 2 ] || { echo "missing file: $status"; exit 1; }
status=0; $lint --enable=no-such-rule x 2>/dev/null || status=$?; [ "$status" = 2 ] || { echo "bad rule: $status"; exit 1; }

# stdin and directories.
$lint --no-summary - < corpus/messages/ringing.sip > /dev/null
status=0; $lint --no-summary corpus/messages > "$tmp/dir" || status=$?
[ "$status" = 1 ] && grep -q '^corpus/messages/broken-cseq.sip:1 ' "$tmp/dir" || { echo "directory input"; exit 1; }

# JSON Lines and SARIF, checked structurally.
$lint --no-summary --format=json tests/data/torture/rfc4475 > "$tmp/json" || true
$lint --no-summary --format=sarif tests/data/torture/rfc4475 > "$tmp/sarif" || true
python3 - "$tmp/json" "$tmp/sarif" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
keys = {"rule", "severity", "rfc", "section", "file", "packet", "time", "src", "dst", "offset", "line", "col", "message"}
assert lines and all(set(l) == keys for l in lines), "json keys"
sarif = json.load(open(sys.argv[2]))
assert sarif["version"] == "2.1.0" and len(sarif["runs"]) == 1
run = sarif["runs"][0]
rules = run["tool"]["driver"]["rules"]
ids = [r["id"] for r in rules]
assert len(ids) == len(set(ids)) and all("shortDescription" in r for r in rules)
results = run["results"]
assert len(results) == len(lines), (len(results), len(lines))
for r in results:
    assert r["ruleId"] in ids and ids[r["ruleIndex"]] == r["ruleId"]
    assert r["level"] in ("error", "warning", "note")
    loc = r["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"].startswith("tests/data/torture/")
print(f"lint: {len(lines)} findings on the RFC 4475 set, same in JSON and SARIF ({len(rules)} rules)")
PY
