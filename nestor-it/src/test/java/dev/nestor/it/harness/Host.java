package dev.nestor.it.harness;

import java.util.Objects;

/** A test host: a network namespace and its one interface towards the lab (no address unless added). */
public record Host(String netns, String iface, String mac) {
    public Host {
        Objects.requireNonNull(netns, "netns");
        Objects.requireNonNull(iface, "iface");
        Objects.requireNonNull(mac, "mac");
        if (iface.length() > 15) throw new IllegalArgumentException("interface name longer than IFNAMSIZ-1: " + iface);
    }
}
