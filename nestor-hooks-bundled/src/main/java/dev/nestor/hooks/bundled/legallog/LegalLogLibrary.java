package dev.nestor.hooks.bundled.legallog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.classify.expr.Expr;
import dev.nestor.classify.expr.PacketView;
import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.codec.v6.Dhcp6Packet;
import dev.nestor.codec.v6.RelayChain;
import dev.nestor.common.wire.WireFormatException;
import dev.nestor.hooks.CalloutResult;
import dev.nestor.hooks.HookApi;
import dev.nestor.hooks.HookContext;
import dev.nestor.hooks.HookLibrary;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.bundled.Expressions;
import dev.nestor.hooks.bundled.QueryEnvelopes;
import dev.nestor.hooks.bundled.ServerConfigView;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.Lease6;
import org.slf4j.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code libdhcp_legal_log.so}: a forensic log of lease assignments and releases in Kea's text format, to a file
 * rotated by time ({@link RotatingFile}). Parameters as Kea's: {@code path} (default {@code $KEA_LEGAL_LOG_DIR}, else
 * /var/log/kea), {@code base-name} (kea-legal), {@code time-unit} (day), {@code count} (1), {@code prerotate},
 * {@code postrotate}, {@code timestamp-format} ("%Y-%m-%d %H:%M:%S %Z"), {@code mark-continuation-lines} (true),
 * {@code request-parser-format} / {@code response-parser-format} (expressions replacing the default entry). Subnets
 * with {@code "legal-logging": false} in their user context are not logged. Lease entries are written when the
 * response goes out (pkt4_send / pkt6_send), RELEASE and DECLINE in DHCPv4 at lease4_release / lease4_decline, and
 * successful lease commands get Kea's "Administrator ..." entries (command_processed). Database backends are not
 * supported.
 */
public final class LegalLogLibrary implements HookLibrary {
    private RotatingFile file;
    private Logger log;
    private Set<Long> silentSubnets = Set.of();
    private Expr requestFormat;
    private Expr responseFormat;

    @Override public int apiVersion() { return HookApi.VERSION; }

    @Override public boolean multiThreadingCompatible() { return true; }

    @Override
    public void load(HookContext ctx) throws IOException {
        log = ctx.logger();
        JsonNode p = ctx.parameters();
        if (p.has("type") && !p.get("type").asText().equals("logfile")) {
            throw new IllegalArgumentException("legal log type '" + p.get("type").asText() + "' is not supported (only logfile)");
        }
        String defaultDir = System.getenv().getOrDefault("KEA_LEGAL_LOG_DIR", "/var/log/kea");
        Path dir = Path.of(text(p, "path", defaultDir));
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("legal log path '" + dir + "' is not a directory");
        long count = p.path("count").asLong(1);
        if (p.has("count") && (!p.get("count").canConvertToLong() || count < 0 || count > 0xFFFFFFFFL)) {
            throw new IllegalArgumentException("count value: " + p.get("count") + " is out of range, expected value: 0..4294967295");
        }
        boolean v6 = ctx.family() == HookPoint.Family.DHCP6;
        ServerConfigView cfg = new ServerConfigView(ctx.serverConfig(), v6);
        Expressions exprs = new Expressions(cfg.optionDefinitions(), v6);
        if (p.hasNonNull("request-parser-format")) requestFormat = exprs.parseString("request-parser-format", p.get("request-parser-format").asText());
        if (p.hasNonNull("response-parser-format")) responseFormat = exprs.parseString("response-parser-format", p.get("response-parser-format").asText());
        Set<Long> silent = new HashSet<>();
        for (Map.Entry<Long, JsonNode> s : cfg.subnets().entrySet()) {
            JsonNode flag = s.getValue().path("user-context").path("legal-logging");
            if (flag.isBoolean() && !flag.asBoolean()) silent.add(s.getKey());
        }
        silentSubnets = Set.copyOf(silent);
        file = new RotatingFile(dir, text(p, "base-name", "kea-legal"), RotatingFile.unit(text(p, "time-unit", "day")), count,
                p.hasNonNull("prerotate") ? p.get("prerotate").asText() : null,
                p.hasNonNull("postrotate") ? p.get("postrotate").asText() : null,
                RotatingFile.strftime(text(p, "timestamp-format", "%Y-%m-%d %H:%M:%S %Z")),
                p.path("mark-continuation-lines").asBoolean(true), System::currentTimeMillis, log);
        file.open();
        if (v6) registerV6(ctx);
        else registerV4(ctx);
        registerCommands(ctx);
        log.info("legal_log: writing to {}", file.currentFile());
    }

    private static String text(JsonNode p, String key, String dflt) {
        return p.hasNonNull(key) ? p.get(key).asText() : dflt;
    }

    /** What a query committed, kept from leases*_committed (or lease6_release/decline) until its response goes out. */
    private record Pending<L>(List<L> assigned, List<L> released) {
        Pending<L> plus(List<L> a, List<L> r) {
            List<L> as = new ArrayList<>(assigned), rs = new ArrayList<>(released);
            as.addAll(a);
            rs.addAll(r);
            return new Pending<>(List.copyOf(as), List.copyOf(rs));
        }
    }

    private void registerV4(HookContext ctx) {
        // as Kea: leases4_committed remembers the leases, pkt4_send logs them with the response that really goes out
        // (after every other library changed it; nothing when a callout drops it). RELEASE and DECLINE have no response.
        QueryEnvelopes<Dhcp4Packet, Pending<Lease4>> pending = new QueryEnvelopes<>();
        ctx.registerCallout(HookPoint.LEASES4_COMMITTED, e -> {
            if (e.response() != null) pending.remember(e.query(), new Pending<>(e.leases(), e.deletedLeases()));
            return CalloutResult.proceed();
        });
        ctx.registerCallout(HookPoint.PKT4_SEND, e -> {
            Pending<Lease4> p = pending.take(e.query());
            if (p == null) return CalloutResult.proceed();
            PacketView q = Expressions.view4(e.query(), null, null), r = Expressions.view4(e.response(), null, null);
            for (var l : p.assigned()) write(l.subnetId(), q, r, () -> LeaseLines.lease4(e.query(), l, true));
            for (var l : p.released()) write(l.subnetId(), q, r, () -> LeaseLines.lease4(e.query(), l, false));
            return CalloutResult.proceed();
        });
        ctx.registerCallout(HookPoint.LEASE4_RELEASE, e -> {
            write(e.lease().subnetId(), Expressions.view4(e.query(), null, null), null, () -> LeaseLines.lease4(e.query(), e.lease(), false));
            return CalloutResult.proceed();
        });
        ctx.registerCallout(HookPoint.LEASE4_DECLINE, e -> {
            write(e.lease().subnetId(), Expressions.view4(e.query(), null, null), null, () -> LeaseLines.lease4(e.query(), e.lease(), false));
            return CalloutResult.proceed();
        });
    }

    private void registerV6(HookContext ctx) {
        // as Kea: every entry is written at pkt6_send, with the REPLY; RELEASE and DECLINE come from lease6_release /
        // lease6_decline (leases6_committed of those messages would log them twice)
        QueryEnvelopes<Dhcp6Packet, Pending<Lease6>> pending = new QueryEnvelopes<>();
        ctx.registerCallout(HookPoint.LEASES6_COMMITTED, e -> {
            if (e.response() == null || e.query() == null || isReleaseOrDecline(e.query())) return CalloutResult.proceed();
            pending.remember(e.query(), new Pending<>(e.leases(), e.deletedLeases()));
            return CalloutResult.proceed();
        });
        ctx.registerCallout(HookPoint.LEASE6_RELEASE, e -> {
            pending.merge(e.query(), new Pending<>(List.of(), List.of(e.lease())), (a, b) -> a.plus(b.assigned(), b.released()));
            return CalloutResult.proceed();
        });
        ctx.registerCallout(HookPoint.LEASE6_DECLINE, e -> {
            pending.merge(e.query(), new Pending<>(List.of(), List.of(e.lease())), (a, b) -> a.plus(b.assigned(), b.released()));
            return CalloutResult.proceed();
        });
        ctx.registerCallout(HookPoint.PKT6_SEND, e -> {
            Pending<Lease6> p = pending.take(e.query());
            if (p == null) return CalloutResult.proceed();
            PacketView q = Expressions.view6(e.query(), null), r = Expressions.view6(e.response(), null);
            for (var l : p.assigned()) write(l.subnetId(), q, r, () -> LeaseLines.lease6(e.query(), l, true));
            for (var l : p.released()) write(l.subnetId(), q, r, () -> LeaseLines.lease6(e.query(), l, false));
            return CalloutResult.proceed();
        });
    }

    /** command_processed: Kea's entries for lease4-add/update/del and lease6-add/update/del/bulk-apply. */
    private void registerCommands(HookContext ctx) {
        ctx.registerCallout(HookPoint.COMMAND_PROCESSED, e -> {
            List<String> lines = CommandLines.of(e.name(), e.arguments(), e.response(), silentSubnets::contains,
                    System.currentTimeMillis() / 1000);
            for (String line : lines) writeLine(line);
            return CalloutResult.proceed();
        });
    }

    private static boolean isReleaseOrDecline(Dhcp6Packet q) {
        try {
            int t = RelayChain.unwrap(q).client().type().code();
            return t == 8 || t == 9;
        } catch (WireFormatException e) {
            return false;
        }
    }

    /** One entry: the custom formats when configured (request then response), else Kea's default text. */
    private void write(long subnetId, PacketView query, PacketView response, java.util.function.Supplier<String> standard) {
        if (silentSubnets.contains(subnetId)) return;
        String entry;
        if (requestFormat != null || responseFormat != null) {
            StringBuilder b = new StringBuilder();
            if (requestFormat != null && query != null) b.append(new String(Expressions.bytes(requestFormat, query), StandardCharsets.UTF_8));
            if (responseFormat != null && response != null) b.append(new String(Expressions.bytes(responseFormat, response), StandardCharsets.UTF_8));
            entry = b.toString();
            if (entry.isEmpty()) return;
        } else {
            entry = standard.get();
        }
        writeLine(entry);
    }

    private void writeLine(String entry) {
        try {
            file.writeln(entry);
        } catch (IOException e) {
            log.error("legal_log: writing to {} failed: {}", file.currentFile(), e.getMessage());
        }
    }

    @Override
    public void unload() {
        if (file != null) file.close();
    }
}
