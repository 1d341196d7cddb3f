#!/usr/bin/env python3
"""Sends one DHCPDISCOVER and prints the DHCPOFFER's options as seen on the wire, for nestor-it.

The DISCOVER goes out with the broadcast flag through an AF_PACKET socket (the interface has no address yet), with
a host-name option when HOSTNAME is not "-". Prints JSON: yiaddr and "options", each code mapped to its payload
in hex (instances of one code joined, as RFC 3396 wants).
usage: dhcp4-probe.py IFACE MAC HOSTNAME
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
    iface, mac, hostname = sys.argv[1], bytes.fromhex(sys.argv[2].replace(":", "")), sys.argv[3]
    xid = random.getrandbits(32)
    msg = struct.pack("!BBBBIHH4s4s4s4s16s64s128s", 1, 1, 6, 0, xid, 0, 0x8000, bytes(4), bytes(4), bytes(4),
                      bytes(4), mac + bytes(10), bytes(64), bytes(128))
    msg += bytes([99, 130, 83, 99, 53, 1, 1, 61, 7, 1]) + mac
    if hostname != "-":
        msg += bytes([12, len(hostname)]) + hostname.encode()
    msg += bytes([55, 4, 1, 3, 6, 15, 255])
    msg += bytes(max(0, 300 - len(msg)))
    udp = struct.pack("!HHHH", 68, 67, 8 + len(msg), 0) + msg
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
            u = 14 + (data[14] & 0x0F) * 4
            if struct.unpack("!H", data[u + 2:u + 4])[0] != 68:
                continue
            p = data[u + 8:]
            if len(p) < 240 or p[0] != 2 or struct.unpack("!I", p[4:8])[0] != xid:
                continue
            options, i = {}, 240
            while i < len(p) and p[i] != 255:
                if p[i] == 0:
                    i += 1
                    continue
                code, n = p[i], p[i + 1]
                options[str(code)] = options.get(str(code), "") + p[i + 2:i + 2 + n].hex()
                i += 2 + n
            print(json.dumps({"yiaddr": socket.inet_ntoa(p[16:20]), "options": options}))
            return 0
    print(json.dumps({"error": "no DHCPOFFER"}))
    return 1


if __name__ == "__main__":
    sys.exit(main())
