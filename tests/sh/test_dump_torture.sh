#!/bin/sh
# Every RFC 4475 / RFC 5118 torture message gets the verdict its row in
# tests/data/torture/expect.tsv states (from the MANIFESTs), through
# `sipsift dump` and `sipsift dump --strict`: "ok" true or false, and for a
# rejection the error code. Also checks that every line is valid JSON.
set -eu
exec python3 - <<'PY'
import json, subprocess, sys
rows = [l.rstrip("\n").split("\t") for l in open("tests/data/torture/expect.tsv", encoding="latin-1")
        if l.strip() and not l.startswith("#")]
header, rows = rows[0], rows[1:]
col = {name: i for i, name in enumerate(header)}
bad = 0
for r in rows:
    path = "tests/data/torture/" + r[col["file"]]
    for mode, flag in (("default", []), ("strict", ["--strict"])):
        out = subprocess.run(["build/sipsift", "dump"] + flag + [path], capture_output=True)
        lines = out.stdout.decode("utf-8").splitlines()
        if len(lines) != 1:
            print(f"{path} ({mode}): {len(lines)} JSON lines"); bad += 1; continue
        obj = json.loads(lines[0])
        want_ok = r[col[mode]] == "ok"
        if obj["ok"] != want_ok:
            print(f"{path} ({mode}): ok={obj['ok']}, expected {r[col[mode]]}: {obj['error']}"); bad += 1
        elif not want_ok and obj["error"]["code"] != r[col["error"]]:
            print(f"{path} ({mode}): {obj['error']['code']}, expected {r[col['error']]}"); bad += 1
        if (out.returncode == 0) != want_ok:
            print(f"{path} ({mode}): exit status {out.returncode}"); bad += 1
print(f"dump: {len(rows)} torture messages x 2 modes, {bad} mismatches")
sys.exit(1 if bad else 0)
PY
