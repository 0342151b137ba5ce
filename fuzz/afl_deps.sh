#!/bin/sh
# fuzz/afl_deps.sh - makes sure AFL++ (Debian package afl++) is installed:
# afl-clang-fast and afl-fuzz on PATH. As root it runs apt-get itself;
# otherwise it prints the command and fails. Used by `make afl`.
set -u
if command -v afl-clang-fast >/dev/null 2>&1 && command -v afl-fuzz >/dev/null 2>&1; then
	exit 0
fi
echo "afl: AFL++ is not installed (no afl-clang-fast / afl-fuzz on PATH)"
if [ "$(id -u)" != 0 ]; then
	echo "afl: run as root:  apt-get update && apt-get install -y afl++" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq && apt-get install -y -qq --no-install-recommends afl++ >/dev/null || {
	echo "afl: apt-get install afl++ failed" >&2
	exit 1
}
command -v afl-clang-fast >/dev/null 2>&1 || {
	echo "afl: afl++ installed but afl-clang-fast is still not on PATH" >&2
	exit 1
}
echo "afl: installed afl++"
