package dev.nestor.config.model;

import dev.nestor.common.Bytes;

import java.util.Objects;

/**
 * The {@code server-id} map: how the DHCPv6 server builds its DUID when it has none stored yet. Fields left out
 * of the config are 0 / empty, meaning "generate" (from an interface's hardware address, the current time, or
 * random bytes), as Kea's DUIDFactory does.
 *
 * @param identifier   link-layer address (LLT, LL) or enterprise-specific identifier (EN); empty = generate
 * @param htype        hardware type for LLT/LL, 0 = take it from the interface used
 * @param time         LLT time (seconds since 2000-01-01), 0 = now
 * @param enterpriseId EN enterprise number, 0 = ISC's 2495
 * @param persist      keep the DUID in the server-id file ({@link #DEFAULT_FILE} in the data directory) and
 *                     reuse it on restart
 */
public record ServerIdSpec(DuidType type, Bytes identifier, int htype, long time, long enterpriseId, boolean persist) {
    /** Kea's file name for the persisted server DUID. */
    public static final String DEFAULT_FILE = "kea-dhcp6-serverid";

    /** RFC 8415 DUID types a server can be told to build. */
    public enum DuidType {
        LLT(1), EN(2), LL(3);

        private final int code;

        DuidType(int code) { this.code = code; }

        /** The DUID type code on the wire. */
        public int code() { return code; }
    }

    public ServerIdSpec {
        Objects.requireNonNull(type, "type");
        identifier = identifier == null ? Bytes.EMPTY : identifier;
        if (htype < 0 || htype > 0xFFFF) throw new IllegalArgumentException("htype out of range: " + htype);
        if (time < 0 || time > 0xFFFFFFFFL) throw new IllegalArgumentException("time out of range: " + time);
        if (enterpriseId < 0 || enterpriseId > 0xFFFFFFFFL)
            throw new IllegalArgumentException("enterprise-id out of range: " + enterpriseId);
    }

    /** Kea's default: DUID-LLT, everything generated, persisted. */
    public static ServerIdSpec defaults() { return new ServerIdSpec(DuidType.LLT, Bytes.EMPTY, 0, 0, 0, true); }
}
