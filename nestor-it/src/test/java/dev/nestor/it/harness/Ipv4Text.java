package dev.nestor.it.harness;

/** Dotted-quad helpers for assertions (the tests deliberately do not depend on production modules). */
public final class Ipv4Text {
    private Ipv4Text() {}

    public static int parse(String text) {
        String[] p = text.trim().split("\\.");
        if (p.length != 4) throw new IllegalArgumentException("not an IPv4 address: " + text);
        int v = 0;
        for (String s : p) {
            int o = Integer.parseInt(s);
            if (o < 0 || o > 255) throw new IllegalArgumentException("not an IPv4 address: " + text);
            v = (v << 8) | o;
        }
        return v;
    }

    public static String format(int a) {
        return (a >>> 24) + "." + ((a >>> 16) & 0xFF) + "." + ((a >>> 8) & 0xFF) + "." + (a & 0xFF);
    }

    /** True if {@code address} lies in the inclusive range {@code first - last}. */
    public static boolean inRange(String address, String first, String last) {
        long a = Integer.toUnsignedLong(parse(address));
        return a >= Integer.toUnsignedLong(parse(first)) && a <= Integer.toUnsignedLong(parse(last));
    }
}
