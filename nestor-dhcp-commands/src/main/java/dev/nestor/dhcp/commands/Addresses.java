package dev.nestor.dhcp.commands;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.codec.net.Ipv6Prefix;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.Ipv4;
import dev.nestor.common.net.Ipv4Prefix;

import java.math.BigInteger;
import java.util.List;

/**
 * Address text of either protocol for the shared command sets: literals and prefixes in canonical form, addresses
 * as unsigned numbers (32 or 128 bits) and back, with Kea's error texts.
 */
public final class Addresses {
    private Addresses() {}

    /** The canonical text of an address literal of IPv{@code version}, or null when the text is not one. */
    public static String canonical(String text, int version) {
        if (version == 4) return Ipv4.isValid(text) ? Ipv4.toString(Ipv4.parse(text)) : null;
        if (Ipv4.isValid(text)) return null;
        try {
            return Ipv6.toString(Ipv6.parse(text));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Kea's address checks of lease4/6-add (Lease4Parser / Lease6Parser): the canonical text of {@code text}.
     * @throws KeaError "Non-IPv4 address specified: ..." for the other family, "Failed to convert ..." otherwise
     */
    public static String leaseAddress(String text, int version) throws KeaError {
        boolean other = version == 4 ? text.indexOf(':') >= 0 : Ipv4.isValid(text);
        if (other) throw KeaError.error("Non-IPv" + version + " address specified: " + text);
        String a = canonical(text, version);
        if (a == null) {
            throw KeaError.error("Failed to convert '" + text + "' to address: Failed to convert string to address '"
                    + text + "': Invalid argument");
        }
        return a;
    }

    /** The canonical text of a prefix ("192.0.2.0/24", spaces allowed), or null when it does not parse. */
    public static String canonicalPrefix(String text, int version) {
        String t = text.replace(" ", "");
        try {
            return version == 4 ? Ipv4Prefix.parse(t).toString() : Ipv6Prefix.parse(t).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** An address as an unsigned number. */
    public static BigInteger number(String canonical, int version) {
        byte[] b = version == 4 ? Ipv4.toBytes(Ipv4.parse(canonical)) : Ipv6.parse(canonical).toArray();
        return new BigInteger(1, b);
    }

    /** An unsigned number as an address's text. */
    public static String text(BigInteger n, int version) {
        int size = version == 4 ? 4 : 16;
        byte[] raw = n.toByteArray();
        byte[] b = new byte[size];
        int len = Math.min(raw.length, size);
        System.arraycopy(raw, raw.length - len, b, size - len, len);
        return version == 4 ? Ipv4.toString(Ipv4.fromBytes(b, 0)) : Ipv6.toString(Bytes.of(b));
    }

    /**
     * The addresses a pool spelling covers, whatever its form ({@code "a - b"} or {@code "p/len"}), as [first, last]
     * numbers; the text itself when it does not parse.
     */
    public static Object range(String text, int version) {
        String t = text.replace(" ", "").replace("\t", "");
        int slash = t.indexOf('/');
        int dash = t.indexOf('-');
        if (slash >= 0) {
            String network = canonicalPrefix(t, version);
            if (network == null) return t;
            int length = Integer.parseInt(network.substring(network.indexOf('/') + 1));
            BigInteger first = number(network.substring(0, network.indexOf('/')), version);
            int bits = version == 4 ? 32 : 128;
            return List.of(first, first.add(BigInteger.ONE.shiftLeft(bits - length)).subtract(BigInteger.ONE));
        }
        if (dash >= 0) {
            String a = canonical(t.substring(0, dash), version);
            String b = canonical(t.substring(dash + 1), version);
            if (a != null && b != null) return List.of(number(a, version), number(b, version));
        }
        return t;
    }
}
