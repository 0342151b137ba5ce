#!/usr/bin/env python3
"""tools/bench/make_capture.py OUT [MEGABYTES] - the siplint throughput capture.

Writes a pcapng of Ethernet/IPv4 packets holding the call-flow mix of
corpus/bench/MIX over and over until the file reaches MEGABYTES (default
100). Even rounds go over UDP, one message a datagram; odd rounds over a TCP
connection of their own (one flow each way, each message one segment, a
FIN each way at the end), so
both of siplint's paths, datagrams and stream reassembly with sift_frame,
are measured. Each round gets its own Call-ID, tags and branches, so the
linter's transaction and dialog tracker sees new calls the way it would on a
busy trunk, not one call retransmitted a million times.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
sys.path.insert(0, os.path.join(ROOT, "tools"))
from pcapwrite import ether, ipv4, tcp, udp, write_pcapng  # noqa: E402


def mix():
    folder = os.path.join(ROOT, "corpus", "bench")
    names = [line.strip() for line in open(os.path.join(folder, "MIX"))
             if line.strip() and not line.startswith("#")]
    return [open(os.path.join(folder, name), "rb").read() for name in names]


# The identifiers a round makes unique: Call-ID values, tags and branches.
UNIQUE = re.compile(rb"(Call-ID: *|i: *|tag=|branch=z9hG4bK)([^;,\s>@]+)")


def rounds(messages, limit):
    total, n = 0, 0
    while total < limit:
        port = 20000 + n % 40000
        seq = {True: 1000, False: 5000}  # next sequence number per direction
        for message in messages:
            text = UNIQUE.sub(lambda m: m.group(1) + m.group(2) + b"-%d" % n, message)
            total += len(text)
            if n % 2 == 0:
                yield ether(0x0800, ipv4(17, udp(text)))
                continue
            request = not text.startswith(b"SIP/2.0 ")
            sport, dport = (port, 5060) if request else (5060, port)
            yield ether(0x0800, ipv4(6, tcp(text, seq[request], sport, dport)))
            seq[request] += len(text)
        if n % 2:  # the call is over: both sides close the connection (FIN)
            yield ether(0x0800, ipv4(6, tcp(b"", seq[True], port, 5060, 0x11)))
            yield ether(0x0800, ipv4(6, tcp(b"", seq[False], 5060, port, 0x11)))
        n += 1


def main():
    out = sys.argv[1]
    megabytes = float(sys.argv[2]) if len(sys.argv) > 2 else 100.0
    write_pcapng(out, 1, rounds(mix(), int(megabytes * 1e6)))


if __name__ == "__main__":
    main()
