package dev.nestor.hooks.bundled.limits;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.hooks.bundled.ServerConfigView;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The limits Kea's library reads from user contexts: {@code "limits": {"rate-limit": "...", "address-limit": n,
 * "prefix-limit": n}} in client classes (by name) and subnets (by id, also inside shared networks).
 */
record LimitsConfig(Map<String, RateLimit> classRates, Map<Long, RateLimit> subnetRates,
                    Map<String, Long> classAddresses, Map<Long, Long> subnetAddresses,
                    Map<String, Long> classPrefixes, Map<Long, Long> subnetPrefixes) {

    /** @throws IllegalArgumentException naming the entry whose limits are malformed */
    static LimitsConfig of(ServerConfigView cfg) {
        Map<String, RateLimit> cr = new HashMap<>();
        Map<Long, RateLimit> sr = new HashMap<>();
        Map<String, Long> ca = new HashMap<>(), cp = new HashMap<>();
        Map<Long, Long> sa = new HashMap<>(), sp = new HashMap<>();
        for (JsonNode c : cfg.clientClasses()) {
            String name = c.path("name").asText();
            JsonNode l = c.path("user-context").path("limits");
            if (l.isMissingNode()) continue;
            String where = "client class '" + name + "'";
            rate(l, where).ifPresent(r -> cr.put(name, r));
            count(l, "address-limit", where).ifPresent(n -> ca.put(name, n));
            count(l, "prefix-limit", where).ifPresent(n -> cp.put(name, n));
        }
        for (Map.Entry<Long, JsonNode> s : cfg.subnets().entrySet()) {
            JsonNode l = s.getValue().path("user-context").path("limits");
            if (l.isMissingNode()) continue;
            String where = "subnet " + s.getKey();
            rate(l, where).ifPresent(r -> sr.put(s.getKey(), r));
            count(l, "address-limit", where).ifPresent(n -> sa.put(s.getKey(), n));
            count(l, "prefix-limit", where).ifPresent(n -> sp.put(s.getKey(), n));
        }
        return new LimitsConfig(Map.copyOf(cr), Map.copyOf(sr), Map.copyOf(ca), Map.copyOf(sa), Map.copyOf(cp), Map.copyOf(sp));
    }

    boolean leaseLimited() {
        return !classAddresses.isEmpty() || !subnetAddresses.isEmpty() || !classPrefixes.isEmpty() || !subnetPrefixes.isEmpty();
    }

    int size() {
        return classRates.size() + subnetRates.size() + classAddresses.size() + subnetAddresses.size() + classPrefixes.size() + subnetPrefixes.size();
    }

    private static Optional<RateLimit> rate(JsonNode limits, String where) {
        JsonNode r = limits.get("rate-limit");
        if (r == null) return Optional.empty();
        if (!r.isTextual()) throw new IllegalArgumentException(where + ": 'rate-limit' must be a string");
        try {
            return Optional.of(RateLimit.parse(r.asText()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Long> count(JsonNode limits, String key, String where) {
        JsonNode n = limits.get(key);
        if (n == null) return Optional.empty();
        if (!n.canConvertToLong() || !n.isIntegralNumber() || n.asLong() < 0 || n.asLong() > 0xFFFFFFFFL) {
            throw new IllegalArgumentException(where + ": '" + key + "' must be an unsigned 32-bit integer, not " + n);
        }
        return Optional.of(n.asLong());
    }
}
