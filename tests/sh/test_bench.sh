#!/bin/sh
# The bench harness runs (quick mode: short repetitions) and its JSON has the
# schema docs/performance.md documents: every library and mode on every
# message and on the mix, and sipsift allocates nothing per parse, in either
# mode. No timing is checked: times belong in docs/performance.md, not tests.
set -eu
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
build/bench/bench --quick --json "$out/results.json" > "$out/table.txt"
grep -q '^Mix: 13 messages' "$out/table.txt" || { cat "$out/table.txt"; echo "no mix line"; exit 1; }
python3 - "$out/results.json" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
want = {("sipsift", "index"), ("sipsift", "full"), ("osip2", "full"), ("sofia-sip", "full"),
        ("libre", "full"), ("memchr", "floor"), ("memcpy", "floor")}
assert set(data["machine"]) >= {"cpu", "date"}, data["machine"]
mix = {(r["library"], r["mode"]): r for r in data["mix"]}
assert set(mix) == want, sorted(mix)
messages = {r["message"] for r in data["results"]}
assert len(messages) == 13, messages
for r in data["results"] + data["mix"]:
    assert set(r) >= {"library", "mode", "ns_per_msg", "mb_per_s", "allocs_per_msg"}, r
    assert r["ns_per_msg"] > 0, r
    if r["library"] == "sipsift":
        assert r["allocs_per_msg"] == 0, r
# The peers do allocate: the counter sees them, so the zero above means something.
assert mix[("osip2", "full")]["allocs_per_msg"] > 0
assert mix[("sofia-sip", "full")]["allocs_per_msg"] > 0
print("bench: %d results, %d libraries on the mix, sipsift 0 allocations per parse"
      % (len(data["results"]), len(mix)))
PY
