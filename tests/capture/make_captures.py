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

def checksum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF

SRC4, DST4 = bytes([192, 0, 2, 1]), bytes([192, 0, 2, 2])
SRC6 = bytes.fromhex("20010db8000000000000000000000001")
DST6 = bytes.fromhex("20010db8000000000000000000000002")

def udp(payload, sport=5060, dport=5060):
    return struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload

def tcp(payload, seq, sport=40000, dport=5060, flags=0x18):
    return struct.pack("!HHIIBBHHH", sport, dport, seq, 1, 5 << 4, flags, 65535, 0, 0) + payload

def ipv4(proto, l4, ident=1, frag_offset=0, more=False, total_payload=None):
    flags = (0x2000 if more else 0) | (frag_offset // 8)
    header = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(l4), ident, flags, 64, proto, 0, SRC4, DST4)
    header = header[:10] + struct.pack("!H", checksum(header)) + header[12:]
    return header + l4

def ipv6(proto, l4, ext=False):
    if ext:  # a hop-by-hop options header in front of the transport
        l4 = bytes([proto, 0]) + bytes(6) + l4
        proto = 0
    return struct.pack("!IHBB16s16s", 6 << 28, len(l4), proto, 64, SRC6, DST6) + l4

def ether(ethertype, payload, vlans=()):
    frame = bytes(6) + bytes([2, 0, 0, 0, 0, 1])
    for tpid, vid in vlans:
        frame += struct.pack("!HH", tpid, vid)
    return frame + struct.pack("!H", ethertype) + payload

def sll(ethertype, payload):
    return struct.pack("!HHH8sH", 0, 772, 6, bytes(8), ethertype) + payload

def sll2(ethertype, payload):
    return struct.pack("!HHIHBB8s", ethertype, 0, 1, 772, 0, 6, bytes(8)) + payload

def write_pcap(path, linktype, frames, nano=False, big_endian=False):
    order = ">" if big_endian else "<"
    magic = 0xA1B23C4D if nano else 0xA1B2C3D4
    with open(path, "wb") as f:
        f.write(struct.pack(order + "IHHiIII", magic, 2, 4, 0, 0, 65535, linktype))
        for i, frame in enumerate(frames):
            sub = (i * 1000) if not nano else i * 1000000
            f.write(struct.pack(order + "IIII", 1764000000 + i, sub, len(frame), len(frame)))
            f.write(frame)

def write_pcapng(path, linktype, frames):
    def block(kind, body):
        pad = (4 - len(body) % 4) % 4
        length = 12 + len(body) + pad
        return struct.pack("<II", kind, length) + body + bytes(pad) + struct.pack("<I", length)
    with open(path, "wb") as f:
        f.write(block(0x0A0D0D0A, struct.pack("<IHHq", 0x1A2B3C4D, 1, 0, -1)))
        f.write(block(1, struct.pack("<HHI", linktype, 0, 65535)))
        for i, frame in enumerate(frames):
            ts = (1764000000 + i) * 1000000
            f.write(block(6, struct.pack("<IIIII", 0, ts >> 32, ts & 0xFFFFFFFF, len(frame), len(frame)) + frame))

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
