package dev.nestor.transport;

import dev.nestor.common.net.Ipv4;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Lists the host's network interfaces. Names, indexes, MACs and flags come from {@code /sys/class/net} (it also shows
 * interfaces that have no address yet, which {@link NetworkInterface} skips); IPv4 addresses come from
 * {@link NetworkInterface}; IPv6 addresses from {@code /proc/net/if_inet6} (which also carries the DAD state). Without
 * sysfs or procfs, {@link NetworkInterface} alone is used.
 */
public final class Interfaces {
    static final int IFF_UP = 0x1;
    static final int IFF_BROADCAST = 0x2;
    static final int IFF_LOOPBACK = 0x8;

    /** IFA_F_DADFAILED: duplicate address detection failed, the address is unusable. */
    static final int IFA_F_DADFAILED = 0x08;

    private static final Path SYS_NET = Path.of("/sys/class/net");
    private static final Path IF_INET6 = Path.of("/proc/net/if_inet6");

    private Interfaces() {}

    /** All interfaces, ordered by index. */
    public static List<NetInterface> list() {
        Map<String, List<InterfaceAddress4>> addresses = new HashMap<>();
        List<NetworkInterface> jdk;
        try {
            jdk = Collections.list(NetworkInterface.getNetworkInterfaces());
        } catch (SocketException e) {
            throw new UncheckedIOException("cannot list network interfaces", e);
        }
        for (NetworkInterface ni : jdk) addresses.put(ni.getName(), ipv4Of(ni));
        Map<String, List<InterfaceAddress6>> v6 = ipv6FromProc();
        if (v6 == null) {
            v6 = new HashMap<>();
            for (NetworkInterface ni : jdk) v6.put(ni.getName(), ipv6Of(ni));
        }

        List<NetInterface> result = new ArrayList<>();
        if (Files.isDirectory(SYS_NET)) {
            try (Stream<Path> dirs = Files.list(SYS_NET)) {
                for (Path dir : dirs.toList()) {
                    NetInterface ni = fromSysfs(dir, addresses, v6);
                    if (ni != null) result.add(ni);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + SYS_NET, e);
            }
        } else {
            for (NetworkInterface ni : jdk) result.add(fromJdk(ni, v6.getOrDefault(ni.getName(), List.of())));
        }
        result.sort(Comparator.comparingInt(NetInterface::index));
        return List.copyOf(result);
    }

    /** The interface with this name, if any. */
    public static java.util.Optional<NetInterface> byName(String name) {
        return list().stream().filter(i -> i.name().equals(name)).findFirst();
    }

    private static NetInterface fromSysfs(Path dir, Map<String, List<InterfaceAddress4>> addresses,
                                          Map<String, List<InterfaceAddress6>> v6) throws IOException {
        String name = dir.getFileName().toString();
        try {
            int index = Integer.parseInt(read(dir.resolve("ifindex")));
            int flags = Integer.decode(read(dir.resolve("flags")));
            byte[] mac = parseMac(readOrEmpty(dir.resolve("address")));
            // sysfs 'flags' is dev->flags without IFF_RUNNING; the kernel derives RUNNING from operstate up/unknown
            String operstate = readOrEmpty(dir.resolve("operstate"));
            boolean running = operstate.equals("up") || operstate.equals("unknown");
            return new NetInterface(index, name, mac, addresses.getOrDefault(name, List.of()),
                    (flags & IFF_UP) != 0 && running, (flags & IFF_LOOPBACK) != 0, (flags & IFF_BROADCAST) != 0,
                    v6.getOrDefault(name, List.of()));
        } catch (java.nio.file.NoSuchFileException | NumberFormatException e) {
            return null; // vanished while we looked, or not an interface directory
        }
    }

    private static NetInterface fromJdk(NetworkInterface ni, List<InterfaceAddress6> v6) {
        try {
            List<InterfaceAddress4> v4 = ipv4Of(ni);
            boolean broadcast = ni.getInterfaceAddresses().stream().anyMatch(a -> a.getBroadcast() != null);
            return new NetInterface(ni.getIndex(), ni.getName(), ni.getHardwareAddress(), v4, ni.isUp(), ni.isLoopback(), broadcast, v6);
        } catch (SocketException e) {
            throw new UncheckedIOException("cannot query interface " + ni.getName(), e);
        }
    }

    private static List<InterfaceAddress4> ipv4Of(NetworkInterface ni) {
        List<InterfaceAddress4> v4 = new ArrayList<>();
        for (InterfaceAddress a : ni.getInterfaceAddresses())
            if (a.getAddress() instanceof Inet4Address in4) v4.add(new InterfaceAddress4(Ipv4.fromInet(in4), a.getNetworkPrefixLength()));
        // NetworkInterface lists newest first; keep kernel (primary first) order
        Collections.reverse(v4);
        return v4;
    }

    private static List<InterfaceAddress6> ipv6Of(NetworkInterface ni) {
        List<InterfaceAddress6> v6 = new ArrayList<>();
        for (InterfaceAddress a : ni.getInterfaceAddresses())
            if (a.getAddress() instanceof Inet6Address in6) v6.add(new InterfaceAddress6(in6.getAddress(), a.getNetworkPrefixLength()));
        Collections.reverse(v6);
        return v6;
    }

    /** name → IPv6 addresses from /proc/net/if_inet6, or null when it cannot be read (no procfs, IPv6 disabled). */
    private static Map<String, List<InterfaceAddress6>> ipv6FromProc() {
        List<String> lines;
        try {
            lines = Files.readAllLines(IF_INET6);
        } catch (IOException e) {
            return null;
        }
        Map<String, List<InterfaceAddress6>> result = new HashMap<>();
        for (String line : lines) {
            InterfaceAddress6 a = parseIfInet6(line);
            if (a != null) result.computeIfAbsent(line.trim().split("\\s+")[5], _ -> new ArrayList<>()).add(a);
        }
        return result;
    }

    /**
     * One line of /proc/net/if_inet6: {@code address(32 hex) ifindex prefixlen scope flags name}, numbers in hex.
     * Returns null for malformed lines and for addresses whose duplicate address detection failed.
     */
    static InterfaceAddress6 parseIfInet6(String line) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 6 || f[0].length() != 32) return null;
        try {
            int flags = Integer.parseInt(f[4], 16);
            if ((flags & IFA_F_DADFAILED) != 0) return null;
            return new InterfaceAddress6(HexFormat.of().parseHex(f[0]), Integer.parseInt(f[2], 16));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static byte[] parseMac(String text) {
        String t = text.trim();
        if (t.isEmpty()) return new byte[0];
        byte[] mac = HexFormat.ofDelimiter(":").parseHex(t);
        for (byte b : mac) if (b != 0) return mac;
        return new byte[0]; // loopback reports 00:00:00:00:00:00
    }

    private static String read(Path p) throws IOException { return Files.readString(p).trim(); }

    private static String readOrEmpty(Path p) throws IOException {
        try {
            return read(p);
        } catch (java.nio.file.NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            return ""; // some virtual devices refuse reading 'address'
        }
    }
}
