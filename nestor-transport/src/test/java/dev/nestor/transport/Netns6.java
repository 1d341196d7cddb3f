package dev.nestor.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A throw-away IPv6 test network: namespace {@code nt6-<rand>} holding the peer ends of veth pairs whose other ends
 * stay in the test JVM's namespace. Global addresses come from 2001:db8::/32 (a random /48 per network, so concurrent
 * test networks are unlikely to overlap); link-local addresses are the kernel's own. Duplicate address detection is
 * switched off on every test interface ({@code accept_dad=0} before the link goes up, {@code nodad} on addresses), so
 * addresses are usable at once; {@link #link6} still waits until no address is tentative.
 */
final class Netns6 implements AutoCloseable {
    final String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
    final String namespace = "nt6-" + suffix;
    /** "2001:db8:xxxx": this network's /48. */
    final String prefix48 = "2001:db8:" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0xFFFF));
    private final List<String> hostLinks = new ArrayList<>();

    Netns6() {
        Netns.run("ip", "netns", "add", namespace);
        try {
            inNs("ip", "link", "set", "lo", "up");
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** A veth pair: {@code host} stays here with {@code hostCidr}, {@code peer} goes into the namespace with {@code peerCidr}. */
    void link6(String host, String hostCidr, String peer, String peerCidr) {
        hostLinks.add(host); // before creation, so a half-made pair is still cleaned up
        Netns.run("ip", "link", "add", host, "type", "veth", "peer", "name", peer);
        Netns.run("ip", "link", "set", peer, "netns", namespace);
        // per-interface settings exist once the device does; moving it to another namespace resets them, hence after the move
        Netns.run("sysctl", "-q", "-w", "net.ipv6.conf." + host + ".accept_dad=0");
        inNs("sysctl", "-q", "-w", "net.ipv6.conf." + peer + ".accept_dad=0");
        Netns.run("ip", "addr", "add", hostCidr, "dev", host, "nodad");
        inNs("ip", "addr", "add", peerCidr, "dev", peer, "nodad");
        Netns.run("ip", "link", "set", host, "up");
        inNs("ip", "link", "set", peer, "up");
        awaitUsable(false, host);
        awaitUsable(true, peer);
    }

    /** Waits (bounded) until the device has a link-local address and nothing tentative: a setup step, not an assertion. */
    private void awaitUsable(boolean inNamespace, String dev) {
        for (int i = 0; i < 200; i++) {
            String out = inNamespace ? inNs("ip", "-6", "addr", "show", "dev", dev) : Netns.run("ip", "-6", "addr", "show", "dev", dev);
            if (out.contains("scope link") && !out.contains("tentative")) return;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(dev + " has no usable link-local address: "
                + (inNamespace ? inNs("ip", "-6", "addr", "show", "dev", dev) : Netns.run("ip", "-6", "addr", "show", "dev", dev)));
    }

    String inNs(String... cmd) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(List.of(cmd));
        return Netns.run(full.toArray(String[]::new));
    }

    /** Starts a python script in the namespace; stdout and stderr are merged so tracebacks show up in failures. */
    Netns.Peer python(String script, String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", namespace, Netns.python(), "-c", script));
        cmd.addAll(List.of(args));
        try {
            return new Netns.Peer(new ProcessBuilder(cmd).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deleting the namespace destroys the peer ends and with them their host ends; the link deletes are a backstop. */
    @Override
    public void close() {
        try {
            Netns.run("ip", "netns", "del", namespace);
        } catch (RuntimeException e) {
            // not created, or already gone
        }
        for (String l : hostLinks) {
            try {
                Netns.run("ip", "link", "del", l);
            } catch (RuntimeException e) {
                // normally gone with the namespace
            }
        }
    }
}
