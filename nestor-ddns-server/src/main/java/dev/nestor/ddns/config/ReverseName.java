package dev.nestor.ddns.config;

import java.net.Inet4Address;
import java.net.InetAddress;

/** The PTR owner name of an address: {@code 4.3.2.1.in-addr.arpa.} or the 32 nibbles under {@code ip6.arpa.}. */
public final class ReverseName {
    private ReverseName() {}

    public static String of(InetAddress address) {
        byte[] b = address.getAddress();
        StringBuilder sb = new StringBuilder(address instanceof Inet4Address ? 29 : 73);
        if (address instanceof Inet4Address) {
            for (int i = 3; i >= 0; i--) sb.append(b[i] & 0xFF).append('.');
            return sb.append("in-addr.arpa.").toString();
        }
        for (int i = b.length - 1; i >= 0; i--) {
            sb.append(Character.forDigit(b[i] & 0xF, 16)).append('.');
            sb.append(Character.forDigit(b[i] >> 4 & 0xF, 16)).append('.');
        }
        return sb.append("ip6.arpa.").toString();
    }
}
