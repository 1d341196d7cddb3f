package dev.nestor.lease.host;

import dev.nestor.common.Bytes;
import java.util.Objects;

/**
 * A reserved IPv6 address or prefix (a row of Kea's {@code ipv6_reservations}).
 *
 * @param type         {@link Type#NA} (address, {@code prefixLength} 128) or {@link Type#PD}
 * @param address      16 bytes: the address or the prefix's first address
 * @param prefixLength 128 for an address
 * @param iaid         Kea's {@code dhcp6_iaid}, or null
 */
public record Ipv6Reservation(Type type, Bytes address, int prefixLength, Long iaid) {
    /** Kea's IPv6Resrv::Type, with the code of the {@code type} column. */
    public enum Type {
        NA(0), PD(2);

        private final int code;

        Type(int code) { this.code = code; }

        public int code() { return code; }

        public static Type ofCode(int code) {
            return switch (code) {
                case 0 -> NA;
                case 2 -> PD;
                default -> throw new IllegalArgumentException("unknown IPv6 reservation type " + code);
            };
        }
    }

    public Ipv6Reservation {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(address, "address");
        if (address.length() != 16) throw new IllegalArgumentException("an IPv6 address has 16 bytes, not " + address.length());
        if (prefixLength < 1 || prefixLength > 128) throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
        if (type == Type.NA && prefixLength != 128) throw new IllegalArgumentException("a reserved address has prefix length 128");
    }

    public static Ipv6Reservation address(Bytes address) {
        return new Ipv6Reservation(Type.NA, address, 128, null);
    }

    public static Ipv6Reservation prefix(Bytes prefix, int length) {
        return new Ipv6Reservation(Type.PD, prefix, length, null);
    }
}
