#!/bin/sh
# `sipsift dump --stream` frames a TCP byte stream of several messages and
# keep-alives into one JSON line per message, with offsets into the stream.
set -eu
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
printf 'OPTIONS sip:a@b SIP/2.0\r\nCall-ID: 1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 3\r\n\r\nabc\r\n\r\nSIP/2.0 200 OK\r\nCall-ID: 1\r\nCSeq: 1 OPTIONS\r\nl: 0\r\n\r\n' > "$tmp"
python3 - "$tmp" <<'PY'
import json, subprocess, sys
out = subprocess.run(["build/sipsift", "dump", "--stream", sys.argv[1]], capture_output=True, check=True)
objs = [json.loads(l) for l in out.stdout.decode().splitlines()]
assert [o["kind"] for o in objs] == ["request", "response"], objs
assert objs[0]["offset"] == 0 and objs[0]["body_len"] == 3
assert objs[1]["offset"] == 78 + 4, objs[1]["offset"]
assert objs[1]["status"] == 200 and all(o["ok"] for o in objs)
assert objs[0]["headers"][0] == {"name": "Call-ID", "id": "Call-ID", "value": "1"}
print("dump --stream: 2 messages framed around a ping")
PY
