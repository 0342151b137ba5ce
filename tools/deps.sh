#!/bin/sh
# tools/deps.sh - install the Debian packages sipsift needs, when missing.
# As root it runs apt-get itself; otherwise it prints the exact command and
# fails. Called by `make deps`, which every other target depends on.
set -u
packages="build-essential re2c python3 pkg-config clang llvm libclang-rt-14-dev libcmocka-dev libssl-dev libpcap-dev zip unzip libosip2-dev libsofia-sip-ua-dev libre-dev gnuplot-nox valgrind tshark time"
missing=""
for package in $packages; do
	status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
	case "$status" in
	*"install ok installed"*) ;;
	*) missing="$missing $package" ;;
	esac
done
[ -z "$missing" ] && exit 0
echo "deps: missing Debian packages:$missing"
if [ "$(id -u)" != 0 ]; then
	echo "deps: run as root:  apt-get update && apt-get install -y$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing >/dev/null || {
	echo "deps: apt-get install failed for:$missing" >&2
	exit 1
}
echo "deps: installed$missing"
