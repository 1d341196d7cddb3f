#!/usr/bin/env python3
"""Sends a DHCPv6 SOLICIT (IA_NA, DUID-LL from MAC) and prints the ADVERTISE's options as seen on the wire.

Sent from the interface's link-local address, port 546, to ff02::1:2 port 547; repeated until an answer comes
(the link-local address may still be tentative at first). Prints JSON: "options", each code mapped to the list of
its instances' payloads in hex, plus "ia_na" (the IA_NA's own options, code to hex list) for convenience.
usage: dhcp6-probe.py IFACE MAC
"""
import json
import random
import socket
import struct
import sys
import time


def tlvs(data):
    out, i = {}, 0
    while i + 4 <= len(data):
        code, n = struct.unpack("!HH", data[i:i + 4])
        out.setdefault(str(code), []).append(data[i + 4:i + 4 + n].hex())
        i += 4 + n
    return out


def main():
    iface, mac = sys.argv[1], bytes.fromhex(sys.argv[2].replace(":", ""))
    xid = random.getrandbits(24)
    duid = struct.pack("!HH", 3, 1) + mac
    msg = struct.pack("!I", (1 << 24) | xid)
    msg += struct.pack("!HH", 1, len(duid)) + duid
    msg += struct.pack("!HHIII", 3, 12, 1, 0, 0)
    msg += struct.pack("!HHH", 8, 2, 0)
    msg += struct.pack("!HHHH", 6, 4, 23, 17)
    s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, iface.encode())
    s.bind(("::", 546))
    s.settimeout(0.5)
    scope = socket.if_nametoindex(iface)
    deadline = time.time() + 20
    while time.time() < deadline:
        try:
            s.sendto(msg, ("ff02::1:2", 547, 0, scope))
        except OSError:
            time.sleep(0.5)  # no usable link-local address yet
            continue
        until = time.time() + 1
        while time.time() < until:
            try:
                data = s.recv(4096)
            except socket.timeout:
                continue
            if len(data) < 4 or data[0] != 2 or struct.unpack("!I", data[0:4])[0] & 0xFFFFFF != xid:
                continue
            options = tlvs(data[4:])
            ia = bytes.fromhex(options.get("3", [""])[0])
            print(json.dumps({"options": options, "ia_na": tlvs(ia[12:]) if len(ia) >= 12 else {}}))
            return 0
    print(json.dumps({"error": "no ADVERTISE"}))
    return 1


if __name__ == "__main__":
    sys.exit(main())
