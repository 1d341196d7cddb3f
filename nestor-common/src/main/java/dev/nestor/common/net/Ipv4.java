package dev.nestor.common.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * IPv4 addresses as unsigned 32-bit values held in an {@code int}. The hot paths (pools, leases, indexes)
 * work on ints; {@link Inet4Address} appears only at the edges.
 */
public final class Ipv4 {
    public static final int ANY = 0;
    public static final int BROADCAST = 0xFFFFFFFF;

    private Ipv4() {}

    /** Parses dotted-quad text strictly (no host names, no DNS lookups). */
    public static int parse(String text) {
        String[] parts = text.trim().split("\\.", -1);
        if (parts.length != 4) throw new IllegalArgumentException("not an IPv4 address: " + text);
        int v = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit))
                throw new IllegalArgumentException("not an IPv4 address: " + text);
            int octet = Integer.parseInt(p);
            if (octet > 255) throw new IllegalArgumentException("not an IPv4 address: " + text);
            v = (v << 8) | octet;
        }
        return v;
    }

    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static String toString(int address) {
        return ((address >>> 24) & 0xFF) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "." + (address & 0xFF);
    }

    public static int fromBytes(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    public static byte[] toBytes(int address) {
        return new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
    }

    public static Inet4Address toInet(int address) {
        try {
            return (Inet4Address) InetAddress.getByAddress(toBytes(address));
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    public static int fromInet(InetAddress address) {
        if (!(address instanceof Inet4Address)) throw new IllegalArgumentException("not IPv4: " + address);
        return fromBytes(address.getAddress(), 0);
    }

    /** Unsigned comparison, so 200.0.0.1 sorts after 10.0.0.1. */
    public static int compare(int a, int b) {
        return Integer.compareUnsigned(a, b);
    }

    public static long toUnsigned(int address) {
        return address & 0xFFFFFFFFL;
    }

    public static int netmask(int prefixLength) {
        if (prefixLength < 0 || prefixLength > 32) throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
        return prefixLength == 0 ? 0 : 0xFFFFFFFF << (32 - prefixLength);
    }
}
