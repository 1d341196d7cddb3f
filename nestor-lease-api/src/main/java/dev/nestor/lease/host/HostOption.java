package dev.nestor.lease.host;

import dev.nestor.common.Bytes;
import java.util.Objects;

/**
 * One option of a host reservation as Kea's host backends keep it (a row of {@code dhcp4_options} /
 * {@code dhcp6_options} with scope "host"). The store neither encodes nor checks option values: turning
 * {@code formattedValue} into a payload needs the server's option definitions.
 *
 * @param code           option code
 * @param space          option space ({@code "dhcp4"}, {@code "dhcp6"}, a vendor or custom space)
 * @param value          the payload on the wire (without code and length), or null when only text is stored
 * @param formattedValue the configuration text ({@code data} with {@code csv-format} true), or null
 * @param persistent     {@code always-send}
 * @param cancelled      {@code never-send}
 * @param clientClass    Kea's {@code dhcp_client_class} column, or null
 * @param userContext    JSON text, or null
 */
public record HostOption(int code, String space, Bytes value, String formattedValue, boolean persistent,
                         boolean cancelled, String clientClass, String userContext) {
    public HostOption {
        if (code < 0 || code > 65535) throw new IllegalArgumentException("option code out of range: " + code);
        Objects.requireNonNull(space, "space");
        if (formattedValue != null && formattedValue.isEmpty()) formattedValue = null;
    }

    /** An option stored by its payload alone. */
    public static HostOption ofValue(int code, String space, Bytes value, boolean persistent, boolean cancelled) {
        return new HostOption(code, space, value, null, persistent, cancelled, null, null);
    }
}
