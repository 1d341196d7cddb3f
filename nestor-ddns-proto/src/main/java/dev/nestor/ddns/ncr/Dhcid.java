package dev.nestor.ddns.ncr;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The RDATA of a DHCID record (RFC 4701): identifier type (2 bytes), digest type (1 = SHA-256) and the SHA-256
 * digest of the client identifier followed by the FQDN in canonical wire form. NameChangeRequests carry it as hex;
 * the DDNS daemon writes it into DNS as it is. Computed as Kea's {@code D2Dhcid} does.
 */
public record Dhcid(Bytes rdata) {
    /** Identifier type 0: htype followed by chaddr (DHCPv4 without a client identifier). */
    public static final int ID_HWADDR = 0;
    /** Identifier type 1: the DHCPv4 client identifier (option 61). */
    public static final int ID_CLIENT_ID = 1;
    /** Identifier type 2: a DUID (DHCPv6, or an RFC 4361 client identifier). */
    public static final int ID_DUID = 2;
    private static final int DIGEST_SHA256 = 1;

    public Dhcid {
        Objects.requireNonNull(rdata, "rdata");
        if (rdata.isEmpty()) throw new IllegalArgumentException("DHCID cannot be blank");
    }

    /** Parses the NCR's hex text. @throws IllegalArgumentException for bad hex or an empty value */
    public static Dhcid fromHex(String hex) {
        if (hex.length() % 2 != 0) throw new IllegalArgumentException("Invalid data in Dhcid: odd number of hex digits");
        try {
            return new Dhcid(Bytes.of(HexFormat.of().parseHex(hex)));
        } catch (IllegalArgumentException e) {
            if (hex.isEmpty()) throw e;
            throw new IllegalArgumentException("Invalid data in Dhcid: " + hex, e);
        }
    }

    /** From a DHCPv4 client's hardware address (identifier type 0: htype then chaddr). */
    public static Dhcid fromHwAddress(HwAddress hw, String fqdn) {
        if (hw.length() == 0) {
            throw new IllegalArgumentException("unable to compute DHCID from the HW address, HW address is empty");
        }
        byte[] id = new byte[1 + hw.length()];
        id[0] = (byte) hw.htype();
        System.arraycopy(hw.bytes(), 0, id, 1, hw.length());
        return digest(ID_HWADDR, id, fqdn);
    }

    /**
     * From a DHCPv4 client identifier (option 61). An RFC 4361 identifier (type 255, IAID, DUID) gives the DUID's
     * DHCID (type 2), as in Kea.
     */
    public static Dhcid fromClientId(Bytes clientId, String fqdn) {
        byte[] id = clientId.toArray();
        if (id.length > 0 && (id[0] & 0xFF) == 255) {
            if (id.length <= 5) {
                throw new IllegalArgumentException("unable to compute DHCID from client identifier, embedded DUID length of: "
                        + id.length + ", is too short");
            }
            if (id.length > 135) {
                throw new IllegalArgumentException("unable to compute DHCID from client identifier, embedded DUID length of: "
                        + id.length + ", is too long");
            }
            return digest(ID_DUID, Arrays.copyOfRange(id, 5, id.length), fqdn);
        }
        return digest(ID_CLIENT_ID, id, fqdn);
    }

    /** From a DHCPv6 client's DUID (identifier type 2). */
    public static Dhcid fromDuid(Bytes duid, String fqdn) {
        return digest(ID_DUID, duid.toArray(), fqdn);
    }

    private static Dhcid digest(int type, byte[] identifier, String fqdn) {
        if (identifier.length == 0) throw new IllegalArgumentException("empty identifier used to create DHCID");
        byte[] wire;
        try {
            wire = Fqdn.toWire(fqdn, true);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid FQDN used to create DHCID: " + e.getMessage(), e);
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        sha.update(identifier);
        sha.update(wire);
        byte[] d = sha.digest();
        byte[] out = new byte[3 + d.length];
        out[0] = (byte) (type >> 8);
        out[1] = (byte) type;
        out[2] = DIGEST_SHA256;
        System.arraycopy(d, 0, out, 3, d.length);
        return new Dhcid(Bytes.of(out));
    }

    /** The identifier type from the first two bytes, or -1 when the RDATA is shorter than that. */
    public int identifierType() {
        return rdata.length() < 2 ? -1 : rdata.get(0) << 8 | rdata.get(1);
    }

    /** Upper-case hex, as Kea's {@code D2Dhcid::toStr()} writes it into NCRs. */
    public String toHex() {
        return rdata.toHex().toUpperCase(java.util.Locale.ROOT);
    }

    /** The RDATA bytes (a copy). */
    public byte[] toArray() {
        return rdata.toArray();
    }

    @Override
    public String toString() {
        return toHex();
    }
}
