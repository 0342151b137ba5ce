#!/usr/bin/env python3
"""tests/capture/make_captures.py OUTDIR - writes the captures test_capture.sh lints.

Each file holds SIP messages wrapped in one link layer or one transport
situation; the name says what, and EXPECT (written beside them) says how many
SIP messages siplint must find in each, the packet that completes the first
one, and its src and dst. Written
from scratch with struct, so the tests need no capture tool.
"""
import os
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from pcapwrite import *  # noqa: E402,F401,F403 (checksum, udp, tcp, ipv4, ipv6, ether, sll, sll2, write_pcap, write_pcapng)

def sip(method="OPTIONS", n=1, body=""):
    """A request; message 1 of a file lacks Max-Forwards on purpose, so that
    siplint reports it and the test can read its packet, src and dst."""
    text = ("%s sip:bob@example.com SIP/2.0\r\n"
            "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-cap-%d\r\n"
            "%sTo: <sip:bob@example.com>\r\n"
            "From: <sip:alice@example.com>;tag=cap%d\r\nCall-ID: cap-%d@192.0.2.1\r\n"
            "CSeq: %d %s\r\nContact: <sip:alice@192.0.2.1>\r\n%sContent-Length: %d\r\n\r\n%s"
            % (method, n, "" if n == 1 else "Max-Forwards: 70\r\n", n, n, n, method,
               "Content-Type: text/plain\r\n" if body else "", len(body), body))
    return text.encode()

def main(out):
    os.makedirs(out, exist_ok=True)
    expect = []
    m = [sip(n=i) for i in range(1, 4)]
    first4 = "192.0.2.1:5060 192.0.2.2:5060"
    first6 = "[2001:db8::1]:5060 [2001:db8::2]:5060"

    write_pcap(out + "/ethernet.pcap", 1, [ether(0x0800, ipv4(17, udp(x))) for x in m])
    expect.append(("ethernet.pcap", 3, 1, first4))
    write_pcap(out + "/ethernet-big-endian-nano.pcap", 1, [ether(0x0800, ipv4(17, udp(x))) for x in m],
               nano=True, big_endian=True)
    expect.append(("ethernet-big-endian-nano.pcap", 3, 1, first4))
    write_pcap(out + "/vlan-qinq.pcap", 1,
               [ether(0x0800, ipv4(17, udp(m[0])), vlans=[(0x88A8, 10), (0x8100, 20)]),
                ether(0x86DD, ipv6(17, udp(m[1])), vlans=[(0x8100, 30)])])
    expect.append(("vlan-qinq.pcap", 2, 1, first4))
    write_pcap(out + "/sll.pcap", 113, [sll(0x0800, ipv4(17, udp(x))) for x in m])
    expect.append(("sll.pcap", 3, 1, first4))
    write_pcap(out + "/sll2-ipv6.pcap", 276, [sll2(0x86DD, ipv6(17, udp(x), ext=True)) for x in m])
    expect.append(("sll2-ipv6.pcap", 3, 1, first6))
    write_pcap(out + "/null-loopback.pcap", 0,
               [struct.pack("<I", 2) + ipv4(17, udp(m[0])), struct.pack("<I", 30) + ipv6(17, udp(m[1]))])
    expect.append(("null-loopback.pcap", 2, 1, first4))
    write_pcap(out + "/loop.pcap", 108, [struct.pack(">I", 2) + ipv4(17, udp(x)) for x in m])
    expect.append(("loop.pcap", 3, 1, first4))
    write_pcap(out + "/raw.pcap", 101, [ipv4(17, udp(m[0])), ipv6(17, udp(m[1]))])
    expect.append(("raw.pcap", 2, 1, first4))
    write_pcapng(out + "/ethernet.pcapng", 1, [ether(0x0800, ipv4(17, udp(x))) for x in m])
    expect.append(("ethernet.pcapng", 3, 1, first4))

    # Any port: a SIP payload on 7000 is found by its start line; a non-SIP
    # payload on another port is not.
    write_pcap(out + "/other-port.pcap", 1,
               [ether(0x0800, ipv4(17, udp(m[0], 7000, 7001))),
                ether(0x0800, ipv4(17, udp(b"GET / HTTP/1.1\r\n\r\n", 7000, 80)))])
    expect.append(("other-port.pcap", 1, 1, "192.0.2.1:7000 192.0.2.2:7001"))

    # IPv4 fragments of one UDP datagram, last fragment first, with an
    # overlapping duplicate of the middle one.
    big = sip("MESSAGE", 1, "x" * 3000)
    l4 = udp(big)
    pieces = [(0, l4[0:1480], True), (1480, l4[1480:2960], True), (2960, l4[2960:], False)]
    frames = [ether(0x0800, ipv4(17, data, ident=77, frag_offset=off, more=more)) for off, data, more in pieces]
    write_pcap(out + "/ipv4-fragments.pcap", 1, [frames[2], frames[1], frames[1], frames[0]])
    # The datagram is whole with the fourth frame (the first fragment).
    expect.append(("ipv4-fragments.pcap", 1, 4, first4))

    # TCP: handshake, then three messages in segments that arrive out of
    # order, duplicated, overlapping, split inside the header section, and
    # two messages in one segment.
    stream = m[0] + m[1] + m[2]
    base = 1000
    syn = ether(0x0800, ipv4(6, tcp(b"", base - 1, flags=0x02)))
    cut1, cut2, cut3 = 50, 200, len(m[0]) + 30  # cut1 and cut2 fall inside m[0]'s headers
    segs = [
        (base + cut1, stream[cut1:cut2]),          # arrives before the first bytes
        (base, stream[0:cut1]),
        (base, stream[0:cut1]),                    # duplicate
        (base + cut1 + 10, stream[cut1 + 10:cut3]),  # overlaps what came
        (base + cut3, stream[cut3:]),              # the rest: ends m[1] and holds all of m[2]
    ]
    frames = [syn] + [ether(0x0800, ipv4(6, tcp(data, seq))) for seq, data in segs]
    write_pcap(out + "/tcp-reassembly.pcap", 1, frames)
    # Message 1 is complete with frame 5 (the segment that overlaps).
    expect.append(("tcp-reassembly.pcap", 3, 5, "192.0.2.1:40000 192.0.2.2:5060"))

    # Damaged: a pcap cut off in the middle of a packet record.
    with open(out + "/ethernet.pcap", "rb") as f:
        whole = f.read()
    with open(out + "/truncated.pcap", "wb") as f:
        f.write(whole[:len(whole) - 40])

    with open(out + "/EXPECT", "w") as f:
        for name, count, packet, flow in expect:
            f.write("%s %d %d %s\n" % (name, count, packet, flow))

if __name__ == "__main__":
    main(sys.argv[1])
