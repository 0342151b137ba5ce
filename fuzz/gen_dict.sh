#!/bin/sh
# fuzz/gen_dict.sh - prints the SIP fuzz dictionary: header names, compact
# forms and methods generated from grammar/ (tools/gen_headers.py dict), then
# the fixed tokens of fuzz/dict.extra. Run from the top of the tree:
#   sh fuzz/gen_dict.sh > build/fuzz/sip.dict
set -eu
"${PYTHON:-python3}" tools/gen_headers.py dict grammar/headers.def grammar/methods.def
echo
cat fuzz/dict.extra
