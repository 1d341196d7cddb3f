package dev.nestor.it.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kea's perfdhcp from a lab host. With {@code -l IFACE} it acts as a relay (giaddr = the interface address), so
 * the host needs a static address and the server answers it by unicast; nothing is addressed outside the lab.
 * Load is bounded three ways: {@code -n} exchanges, {@code -p} seconds, and a process time-out.
 */
public final class Perfdhcp {
    private Perfdhcp() {}

    /** sent / received / drops of one exchange type (DISCOVER-OFFER or REQUEST-ACK). */
    public record Exchange(long sent, long received, long drops) {}

    public record Result(int exit, String output, Exchange discoverOffer, Exchange requestAck) {}

    /**
     * Runs {@code perfdhcp -4 -l IFACE -r rate -n count -R clients -p seconds -W 2s} and parses the report.
     * {@code -W} waits 2 s after the last packet so late answers are not counted as drops.
     */
    public static Result run(NetnsLab lab, Host host, int rate, int count, int clients, int periodSeconds) {
        return run(lab, host, rate, count, clients, periodSeconds, List.of());
    }

    /** As {@link #run(NetnsLab, Host, int, int, int, int)} with more perfdhcp options, e.g. {@code -b mac=...}. */
    public static Result run(NetnsLab lab, Host host, int rate, int count, int clients, int periodSeconds, List<String> extra) {
        List<String> argv = new ArrayList<>(List.of("perfdhcp", "-4", "-l", host.iface(), "-r", Integer.toString(rate),
                "-n", Integer.toString(count), "-R", Integer.toString(clients), "-p", Integer.toString(periodSeconds),
                "-W", "2000000"));
        argv.addAll(extra);
        Path out = lab.workDir().resolve("perfdhcp-" + host.iface() + ".log");
        Process p = lab.startTool(host.netns(), argv, out);
        Duration bound = Duration.ofSeconds(periodSeconds + 30L);
        if (!Processes.waitExit(p.toHandle(), bound)) {
            Processes.terminate(p.toHandle(), Duration.ofSeconds(2));
            throw new AssertionError("perfdhcp still running after " + bound + "\n" + ServerProcess.tail(out, 60));
        }
        String text;
        try {
            text = Files.readString(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new Result(p.exitValue(), text, section(text, "DISCOVER-OFFER"), section(text, "REQUEST-ACK"));
    }

    /**
     * Runs {@code perfdhcp -6 -l IFACE -r rate -n count -R clients -p seconds -W 2s} (plus {@code -e
     * address-and-prefix} when {@code prefixes}): SOLICIT/ADVERTISE/REQUEST/REPLY from the host's link-local
     * address to ff02::1:2, answered on the link. The result's exchanges are SOLICIT-ADVERTISE and REQUEST-REPLY.
     */
    public static Result run6(NetnsLab lab, Host host, int rate, int count, int clients, int periodSeconds, boolean prefixes) {
        List<String> argv = new ArrayList<>(List.of("perfdhcp", "-6", "-l", host.iface(), "-r", Integer.toString(rate),
                "-n", Integer.toString(count), "-R", Integer.toString(clients), "-p", Integer.toString(periodSeconds),
                "-W", "2000000"));
        if (prefixes) argv.addAll(List.of("-e", "address-and-prefix"));
        Path out = lab.workDir().resolve("perfdhcp6-" + host.iface() + ".log");
        Process p = lab.startTool(host.netns(), argv, out);
        Duration bound = Duration.ofSeconds(periodSeconds + 30L);
        if (!Processes.waitExit(p.toHandle(), bound)) {
            Processes.terminate(p.toHandle(), Duration.ofSeconds(2));
            throw new AssertionError("perfdhcp -6 still running after " + bound + "\n" + ServerProcess.tail(out, 60));
        }
        String text;
        try {
            text = Files.readString(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new Result(p.exitValue(), text, section(text, "SOLICIT-ADVERTISE"), section(text, "REQUEST-REPLY"));
    }

    static Exchange section(String text, String name) {
        int at = text.indexOf("***Statistics for: " + name + "***");
        if (at < 0) return null;
        int end = text.indexOf("***Statistics for:", at + 5);
        String s = end < 0 ? text.substring(at) : text.substring(at, end);
        return new Exchange(field(s, "sent packets"), field(s, "received packets"), field(s, "drops"));
    }

    private static long field(String s, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + ":\\s*(\\d+)").matcher(s);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
