package dev.nestor.it.harness;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;

/** A Kea-format server config document ({@code Dhcp4} or {@code Dhcp6}) as the server process needs it. */
public interface ServerConfig {
    /** 4 or 6: which daemon (nestor-dhcp4 / nestor-dhcp6, kea-dhcp4 / kea-dhcp6) runs it. */
    int family();

    /** The {@code Dhcp4} or {@code Dhcp6} object. */
    ObjectNode root();

    /** The memfile lease file ({@code lease-database.name}). */
    Path leaseFile();

    /** The unix control socket path, or null if none is configured. */
    Path controlSocket();

    ServerConfig copy();

    String toJson();
}
