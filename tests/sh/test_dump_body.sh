#!/bin/sh
# `sipsift dump --typed` lists the body parts of a multipart body (RFC 5621
# Figure 2) and the walk's error when the close-delimiter is missing.
set -eu
python3 - <<'PY'
import json, subprocess
def dump(path):
    out = subprocess.run(["build/sipsift", "dump", "--typed", path], capture_output=True)
    return json.loads(out.stdout.decode().splitlines()[0])
good = dump("tests/rules/rfc5621-multipart-syntax.good.sip")
parts = good["body_parts"]
assert [p["type"] for p in parts] == ["application/sdp", "application/resource-lists+xml"], parts
assert parts[1]["disposition"] == "recipient-list" and parts[0]["disposition"] is None
assert "body_error" not in good
bad = dump("tests/rules/rfc5621-multipart-syntax.bad.sip")
assert bad["body_error"]["rule"] == "close-delimiter", bad
plain = dump("tests/rules/rfc8262-content-id-without-body.good.sip")
assert "body_parts" not in plain
print("dump --typed: 2 body parts of RFC 5621 Figure 2, close-delimiter error reported")
PY
