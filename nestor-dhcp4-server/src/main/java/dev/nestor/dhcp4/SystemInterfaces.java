package dev.nestor.dhcp4;

import dev.nestor.dhcp4.pipeline.InterfaceDirectory;
import dev.nestor.transport.InterfaceAddress4;
import dev.nestor.transport.Interfaces;
import dev.nestor.transport.NetInterface;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The host's interfaces and their IPv4 addresses, read at start and on reconfiguration. */
final class SystemInterfaces implements InterfaceDirectory {
    private final Map<Integer, List<Integer>> byIndex = new HashMap<>();
    private final Set<Integer> local = new HashSet<>();

    SystemInterfaces() {
        for (NetInterface ni : Interfaces.list()) {
            List<Integer> addrs = ni.ipv4().stream().map(InterfaceAddress4::address).toList();
            byIndex.put(ni.index(), addrs);
            local.addAll(addrs);
        }
    }

    SystemInterfaces refreshed() { return new SystemInterfaces(); }

    @Override
    public List<Integer> addresses(int interfaceIndex) {
        return byIndex.getOrDefault(interfaceIndex, List.of());
    }

    @Override
    public boolean isLocal(int address) { return local.contains(address); }
}
