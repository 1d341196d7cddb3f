package dev.nestor.dhcp4.pipeline;

import java.util.List;

/** The server's own IPv4 addresses, per ingress interface: the source of server identifiers. */
public interface InterfaceDirectory {
    /** IPv4 addresses of the interface with this index, first = primary; empty if unknown. */
    List<Integer> addresses(int interfaceIndex);

    /** True when the address belongs to any interface of this host. */
    boolean isLocal(int address);
}
