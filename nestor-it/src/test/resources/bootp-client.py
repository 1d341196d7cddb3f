#!/usr/bin/env python3
"""A minimal BOOTP client (RFC 951 + RFC 1497 vendor cookie, no DHCP message type) for nestor-it.

Sends a BOOTREQUEST with the broadcast flag through an AF_PACKET socket (the interface has no address yet) and
prints the BOOTREPLY as JSON: yiaddr, the BOOTP payload length and the option codes it carries.
usage: bootp-client.py IFACE MAC
"""
import json
import random
import socket
import struct
import sys
import time


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def main():
    iface, mac = sys.argv[1], bytes.fromhex(sys.argv[2].replace(":", ""))
    xid = random.getrandbits(32)
    bootp = struct.pack("!BBBBIHH4s4s4s4s16s64s128s", 1, 1, 6, 0, xid, 0, 0x8000, bytes(4), bytes(4), bytes(4),
                        bytes(4), mac + bytes(10), bytes(64), bytes(128))
    bootp += bytes([99, 130, 83, 99, 255])  # RFC 1497 cookie, end
    bootp += bytes(300 - len(bootp))
    udp = struct.pack("!HHHH", 68, 67, 8 + len(bootp), 0) + bootp  # IPv4 UDP checksum 0: none
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), 0, 0, 64, 17, 0, bytes(4), b"\xff\xff\xff\xff")
    ip = ip[:10] + struct.pack("!H", checksum(ip)) + ip[12:]
    frame = b"\xff" * 6 + mac + b"\x08\x00" + ip + udp

    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x0800))
    s.bind((iface, 0x0800))
    s.settimeout(0.5)
    for _ in range(6):
        s.send(frame)
        deadline = time.time() + 2
        while time.time() < deadline:
            try:
                data = s.recv(2048)
            except socket.timeout:
                continue
            if len(data) < 14 + 20 + 8 or data[23] != 17:
                continue
            ihl = (data[14] & 0x0F) * 4
            u = 14 + ihl
            if struct.unpack("!H", data[u + 2:u + 4])[0] != 68:
                continue
            p = data[u + 8:]
            if len(p) < 240 or p[0] != 2 or struct.unpack("!I", p[4:8])[0] != xid:
                continue
            codes, i = [], 240
            while i < len(p) and p[i] != 255:
                if p[i] == 0:
                    i += 1
                    continue
                codes.append(p[i])
                i += 2 + p[i + 1]
            print(json.dumps({"yiaddr": socket.inet_ntoa(p[16:20]), "length": len(p), "options": codes}))
            return 0
    print(json.dumps({"error": "no BOOTREPLY"}))
    return 1


if __name__ == "__main__":
    sys.exit(main())
