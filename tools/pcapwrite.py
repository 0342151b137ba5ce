"""tools/pcapwrite.py - writes pcap and pcapng files from scratch (struct only).

Link-layer, IP and transport framing for synthetic SIP captures: the capture
tests (tests/capture/make_captures.py) and the siplint throughput bench
(tools/bench/make_capture.py) both build their files with it, so neither
needs a capture tool.
"""
import struct

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
