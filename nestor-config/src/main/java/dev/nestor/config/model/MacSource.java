package dev.nestor.config.model;

import java.util.List;

/**
 * Where the DHCPv6 server may find a client's hardware address ({@code mac-sources}), in Kea's names. Kea's
 * RFC-number aliases ({@code rfc6939}, {@code rfc4649}, {@code rfc4580}) map to the same constants.
 */
public enum MacSource {
    ANY("any"), RAW("raw"), DUID("duid"), IPV6_LINK_LOCAL("ipv6-link-local"),
    CLIENT_LINK_ADDR_OPTION("client-link-addr-option", "rfc6939"), REMOTE_ID("remote-id", "rfc4649"),
    SUBSCRIBER_ID("subscriber-id", "rfc4580"), DOCSIS_CMTS("docsis-cmts"), DOCSIS_MODEM("docsis-modem");

    private final String keaName;
    private final String alias;

    MacSource(String keaName) { this(keaName, null); }

    MacSource(String keaName, String alias) {
        this.keaName = keaName;
        this.alias = alias;
    }

    public String keaName() { return keaName; }

    /** Null when {@code name} is neither a Kea source name nor one of its aliases. */
    public static MacSource fromKeaName(String name) {
        for (MacSource s : values()) if (s.keaName.equals(name) || name.equals(s.alias)) return s;
        return null;
    }

    /** Kea's default: any source that is available. */
    public static final List<MacSource> DEFAULT = List.of(ANY);
}
