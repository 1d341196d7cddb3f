package dev.nestor.hooks.bundled.legallog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.hooks.bundled.KeaText;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * Kea's forensic entries for lease commands that succeeded (command_callouts.cc): "Administrator added a lease of
 * address: ... to a device with hardware address: ...", "... updated information on the lease of ...", "... deleted
 * the lease for address: ...", and lease6-bulk-apply as one lease6-del / lease6-update entry per lease that did not
 * fail. "HA partner" instead of "Administrator" when the arguments say {@code "origin": "ha-partner"}.
 */
final class CommandLines {
    private static final Set<String> LOGGED = Set.of("lease4-add", "lease4-update", "lease4-del", "lease6-add",
            "lease6-update", "lease6-del", "lease6-bulk-apply");

    private CommandLines() {}

    /**
     * {@return the entries for one command, none for a failed or unrelated command}
     *
     * @param silentSubnet true for a subnet id whose user context says {@code "legal-logging": false}
     * @param nowSeconds   the clock, for an {@code expire} argument without {@code valid-lft}
     */
    static List<String> of(String name, JsonNode arguments, JsonNode response, LongPredicate silentSubnet, long nowSeconds) {
        if (!LOGGED.contains(name) || arguments == null || !arguments.isObject()) return List.of();
        if (response == null || response.path("result").asInt(1) != 0) return List.of();
        List<String> out = new ArrayList<>();
        if (name.equals("lease6-bulk-apply")) {
            String origin = arguments.path("origin").asText("");
            JsonNode failed = response.path("arguments");
            Set<String> failedDeletes = addresses(failed.path("failed-deleted-leases"));
            Set<String> failedUpdates = addresses(failed.path("failed-leases"));
            for (JsonNode l : arguments.path("deleted-leases")) {
                if (l.hasNonNull("ip-address") && !failedDeletes.contains(l.get("ip-address").asText())) {
                    one("lease6-del", withOrigin(l, origin), silentSubnet, nowSeconds, out);
                }
            }
            for (JsonNode l : arguments.path("leases")) {
                if (l.hasNonNull("ip-address") && !failedUpdates.contains(l.get("ip-address").asText())) {
                    one("lease6-update", withOrigin(l, origin), silentSubnet, nowSeconds, out);
                }
            }
            return out;
        }
        one(name, arguments, silentSubnet, nowSeconds, out);
        return out;
    }

    private static void one(String name, JsonNode a, LongPredicate silentSubnet, long now, List<String> out) {
        long subnetId = a.path("subnet-id").asLong(0);
        if (subnetId > 0 && silentSubnet.test(subnetId)) return;
        StringBuilder s = new StringBuilder(a.path("origin").asText("").equals("ha-partner") ? "HA partner" : "Administrator");
        boolean v4 = name.startsWith("lease4-");
        if (name.endsWith("-add") || name.endsWith("-update")) {
            s.append(name.endsWith("-add") ? " added a lease of" : " updated information on the lease of");
            String ip = a.path("ip-address").asText();
            boolean prefix = !v4 && (a.path("type").asText("").equals("IA_PD") || a.path("type").asText("").equals("2"));
            s.append(prefix ? " prefix: " + ip + "/" + a.path("prefix-len").asInt() : " address: " + ip);
            if (v4) {
                s.append(" to a device with hardware address: ").append(a.path("hw-address").asText());
                if (a.hasNonNull("client-id")) {
                    String cid = a.get("client-id").asText();
                    s.append(", client-id: ").append(cid);
                    byte[] bin = hex(cid);
                    if (bin != null && KeaText.printable(bin)) s.append(" (").append(new String(bin, StandardCharsets.US_ASCII)).append(")");
                }
            } else {
                s.append(" to a device with DUID: ").append(a.path("duid").asText());
                if (a.hasNonNull("hw-address")) s.append(", hardware address: ").append(a.get("hw-address").asText());
            }
            long duration = a.has("valid-lft") ? a.get("valid-lft").asLong()
                    : a.has("expire") ? a.get("expire").asLong() - now : 0;
            if (duration > 0) s.append(" for ").append(KeaText.duration(duration));
            JsonNode ctx = a.get("user-context");
            if (a.has("comment")) {
                ObjectNode merged = ctx != null && ctx.isObject() ? ((ObjectNode) ctx).deepCopy() : JsonNodeFactory.instance.objectNode();
                merged.set("comment", a.get("comment"));
                ctx = merged;
            }
            if (ctx != null && !ctx.isNull()) s.append(", context: ").append(KeaJson.str(ctx));
        } else if (a.hasNonNull("ip-address")) {
            s.append(" deleted the lease for address: ").append(a.get("ip-address").asText());
        } else {
            s.append(" deleted a lease for a device identified by: ").append(a.path("identifier-type").asText())
                    .append(" of ").append(a.path("identifier").asText());
        }
        out.add(s.toString());
    }

    private static JsonNode withOrigin(JsonNode lease, String origin) {
        if (origin.isEmpty() || !lease.isObject()) return lease;
        return ((ObjectNode) lease.deepCopy()).put("origin", origin);
    }

    private static Set<String> addresses(JsonNode list) {
        Set<String> out = new HashSet<>();
        for (JsonNode l : list) if (l.hasNonNull("ip-address")) out.add(l.get("ip-address").asText());
        return out;
    }

    /** Kea's ClientId::fromText: hex digits, optionally separated by colons; null when not hex. */
    private static byte[] hex(String text) {
        String digits = text.replace(":", "");
        try {
            return digits.isEmpty() || digits.length() % 2 != 0 ? null : HexFormat.of().parseHex(digits);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
