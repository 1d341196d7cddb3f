package dev.nestor.config.parse;

import dev.nestor.config.model.DdnsParams;
import dev.nestor.config.model.Lifetime;
import dev.nestor.config.model.SubnetParams4;
import dev.nestor.config.model.SubnetParams6;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Effective scope parameters: each value comes from the most specific scope that sets it (subnet, then shared
 * network, then global), else Kea's default. Values are validated where they are written. One implementation for
 * both daemons: {@link #subnetParams()} for DHCPv4, {@link #subnetParams6()} for DHCPv6.
 */
final class ParamsParser {
    static final Set<String> ALLOCATORS = Set.of("iterative", "random", "flq");
    static final Set<String> REPLACE_CLIENT_NAME = Set.of("never", "always", "when-present", "when-not-present");
    static final Set<String> CONFLICT_MODES = Set.of("check-with-dhcid", "no-check-with-dhcid",
            "check-exists-with-dhcid", "no-check-without-dhcid");
    static final Set<String> DDNS_KEYS = Set.of("ddns-send-updates", "ddns-override-no-update",
            "ddns-override-client-update", "ddns-replace-client-name", "ddns-generated-prefix", "ddns-qualifying-suffix",
            "ddns-update-on-renew", "ddns-use-conflict-resolution", "ddns-conflict-resolution-mode", "ddns-ttl-percent",
            "ddns-ttl", "ddns-ttl-min", "ddns-ttl-max", "hostname-char-set", "hostname-char-replacement");

    private final List<Obj> layers;

    private ParamsParser(List<Obj> layers) {
        this.layers = layers.stream().filter(Objects::nonNull).toList();
    }

    /** Layers most specific first; null entries (no shared network) are skipped. */
    static ParamsParser over(Obj... layers) { return new ParamsParser(java.util.Arrays.asList(layers)); }

    private Obj at(String key) { return Lifetimes.find(layers, key); }

    Long integer(String key, long min, long max) {
        Obj o = at(key);
        return o == null ? null : o.integer(key, min, max);
    }

    boolean bool(String key, boolean dflt) {
        Obj o = at(key);
        return o == null ? dflt : o.bool(key, dflt);
    }

    String string(String key, String dflt) {
        Obj o = at(key);
        return o == null ? dflt : o.string(key, dflt);
    }

    Double real(String key) {
        Obj o = at(key);
        return o == null ? null : o.real(key);
    }

    String oneOf(String key, Set<String> allowed, String dflt, String message) {
        Obj o = at(key);
        if (o == null) return dflt;
        String v = o.string(key);
        if (v == null) return dflt;
        if (!allowed.contains(v)) {
            o.error(key, message + " (got '" + v + "')");
            return dflt;
        }
        return v;
    }

    /** The lifetimes, timers and cache knobs both daemons share, in Kea's evaluation order. */
    private record Timers(Lifetime valid, Long renew, Long rebind, boolean calculate, double t1, double t2) {}

    private Timers timers(boolean calculateDefault, double t2Default) {
        Lifetime valid = Lifetimes.triplet(layers, "valid-lifetime", 7200L);
        if (valid == null) valid = Lifetime.fixed(7200); // error already reported
        Long renew = integer("renew-timer", 0, 0xFFFFFFFFL);
        Long rebind = integer("rebind-timer", 0, 0xFFFFFFFFL);
        if (renew != null && rebind != null && renew > rebind)
            layers.get(0).note("renew-timer", "renew-timer (" + renew + ") is greater than rebind-timer (" + rebind
                    + "); the server will not send T1");
        boolean calculate = bool("calculate-tee-times", calculateDefault);
        double t1 = percent("t1-percent", 0.5, calculate);
        double t2 = percent("t2-percent", t2Default, calculate);
        if (calculate && t1 >= t2 && at("t1-percent") != null && at("t2-percent") != null)
            at("t1-percent").error("t1-percent", "t1-percent:  " + t1 + " is invalid, it must be less than t2-percent: " + t2);
        return new Timers(valid, renew, rebind, calculate, t1, t2);
    }

    /** Kea 3.0 would default to 0.25; Nestor keeps lease caching off unless configured. */
    private double cacheThreshold() {
        Double ct = real("cache-threshold");
        if (ct == null) return 0.0;
        if (ct < 0.0 || ct >= 1.0) {
            at("cache-threshold").error("cache-threshold", "cache-threshold: " + ct
                    + " is invalid, it must be greater than or equal to 0.0 and less than 1.0");
            return 0.0;
        }
        return ct;
    }

    SubnetParams4 subnetParams() {
        Timers t = timers(false, 0.875);
        boolean authoritative = bool("authoritative", false);
        boolean matchClientId = bool("match-client-id", true);
        double cacheThreshold = cacheThreshold();
        Long cacheMaxAge = integer("cache-max-age", 0, 0xFFFFFFFFL);
        Long offer = integer("offer-lifetime", 0, 0xFFFFFFFFL);
        int nextServer = 0;
        String ns = string("next-server", "");
        if (!ns.isEmpty()) {
            Integer a = Texts.ipv4(ns);
            if (a == null) at("next-server").error("next-server", "invalid parameter next-server : " + ns);
            else nextServer = a;
        }
        String sname = string("server-hostname", "");
        if (sname.length() > 63)
            at("server-hostname").error("server-hostname", "server-hostname must be at most 63 bytes long, it is " + sname.length());
        String file = string("boot-file-name", "");
        if (file.length() > 127)
            at("boot-file-name").error("boot-file-name", "boot-file-name must be at most 127 bytes long, it is " + file.length());
        String allocator = oneOf("allocator", ALLOCATORS, "iterative", "supported allocators are: iterative, random and flq");
        return new SubnetParams4(t.valid, t.renew, t.rebind, t.calculate, t.t1, t.t2, authoritative, matchClientId,
                cacheThreshold, cacheMaxAge, offer, nextServer, sname, file, bool("reservations-global", false),
                bool("reservations-in-subnet", true), bool("reservations-out-of-pool", false), allocator,
                bool("store-extended-info", false), ddns(), hostnameCharSet(), string("hostname-char-replacement", ""));
    }

    /**
     * DHCPv6: Kea's defaults differ (calculate-tee-times true, t2-percent 0.8) and add the preferred lifetime,
     * rapid commit and the prefix allocator. Rapid commit is only found at network and subnet level.
     */
    SubnetParams6 subnetParams6() {
        Timers t = timers(true, 0.8);
        Lifetime preferred = Lifetimes.triplet(layers, "preferred-lifetime", null);
        checkPreferred(preferred, t.valid);
        boolean rapidCommit = bool("rapid-commit", false);
        double cacheThreshold = cacheThreshold();
        Long cacheMaxAge = integer("cache-max-age", 0, 0xFFFFFFFFL);
        String allocator = oneOf("allocator", ALLOCATORS, "iterative", "supported allocators are: iterative, random and flq");
        if (allocator.equals("flq")) {
            at("allocator").error("allocator", "Free Lease Queue allocator is not supported for IPv6 address pools");
            allocator = "iterative";
        }
        String pdAllocator = oneOf("pd-allocator", ALLOCATORS, "iterative", "supported allocators are: iterative, random and flq");
        return new SubnetParams6(t.valid, preferred, t.renew, t.rebind, t.calculate, t.t1, t.t2, rapidCommit,
                cacheThreshold, cacheMaxAge, bool("reservations-global", false), bool("reservations-in-subnet", true),
                bool("reservations-out-of-pool", false), allocator, pdAllocator, bool("store-extended-info", false),
                ddns(), hostnameCharSet(), string("hostname-char-replacement", ""));
    }

    /**
     * RFC 8415 forbids a preferred lifetime above the valid one. One scope setting both that way is refused; an
     * inherited mix is only noted, since Kea then hands out 5/8 of the valid lifetime as preferred.
     */
    private void checkPreferred(Lifetime preferred, Lifetime valid) {
        if (preferred == null || preferred.defaultValue() <= valid.defaultValue()) return;
        Obj own = layers.get(0);
        if (own.has("preferred-lifetime") && own.has("valid-lifetime"))
            own.error("preferred-lifetime", "preferred-lifetime (" + preferred.defaultValue()
                    + ") must not be greater than valid-lifetime (" + valid.defaultValue() + ")");
        else
            own.note("preferred-lifetime", "effective preferred-lifetime (" + preferred.defaultValue()
                    + ") is greater than valid-lifetime (" + valid.defaultValue() + "); 5/8 of the valid lifetime is used");
    }

    private double percent(String key, double dflt, boolean calculate) {
        Double v = real(key);
        if (v == null) return dflt;
        if (calculate && (v <= 0.0 || v >= 1.0)) {
            at(key).error(key, key + ":  " + v + " is invalid, it must be greater than 0.0 and less than 1.0");
            return dflt;
        }
        return v;
    }

    /** Kea checks the TTL knobs against each other only within one scope's own keys. */
    private static void checkOwnTtl(Obj o) {
        if (o.has("ddns-ttl")) {
            for (String k : List.of("ddns-ttl-percent", "ddns-ttl-min", "ddns-ttl-max"))
                if (o.has(k)) o.error(k, "cannot specify both " + k + " and ddns-ttl");
        }
        if (o.has("ddns-ttl-max")) {
            long min = o.integer("ddns-ttl-min", 0, 0xFFFFFFFFL, 0);
            Long max = o.integer("ddns-ttl-max", 0, 0xFFFFFFFFL);
            if (max != null && max < min)
                o.error("ddns-ttl-max", "ddns-ttl-max: " + max + " must be greater than ddns-ttl-min: " + min);
        }
    }

    String hostnameCharSet() {
        String set = string("hostname-char-set", "[^A-Za-z0-9.-]");
        if (!set.isEmpty()) {
            try {
                Pattern.compile(set);
            } catch (PatternSyntaxException e) {
                at("hostname-char-set").error("hostname-char-set", "hostname-char-set '" + set + "' is not a valid regular expression");
            }
        }
        return set;
    }

    DdnsParams ddns() {
        String mode = oneOf("ddns-conflict-resolution-mode", CONFLICT_MODES, null,
                "invalid ddns-conflict-resolution-mode, must be one of " + String.join(", ", CONFLICT_MODES.stream().sorted().toList()));
        if (mode == null) {
            Obj old = at("ddns-use-conflict-resolution");
            if (old != null) {
                old.note("ddns-use-conflict-resolution", "deprecated, use ddns-conflict-resolution-mode");
                mode = old.bool("ddns-use-conflict-resolution", true) ? "check-with-dhcid" : "no-check-with-dhcid";
            } else {
                mode = "check-with-dhcid";
            }
        }
        Double ttlPercent = real("ddns-ttl-percent");
        Long ttl = integer("ddns-ttl", 0, 0xFFFFFFFFL);
        Long ttlMin = integer("ddns-ttl-min", 0, 0xFFFFFFFFL);
        Long ttlMax = integer("ddns-ttl-max", 0, 0xFFFFFFFFL);
        checkOwnTtl(layers.get(0));
        return new DdnsParams(bool("ddns-send-updates", true), bool("ddns-override-no-update", false),
                bool("ddns-override-client-update", false),
                oneOf("ddns-replace-client-name", REPLACE_CLIENT_NAME, "never",
                        "invalid ddns-replace-client-name, must be one of never, always, when-present, when-not-present"),
                string("ddns-generated-prefix", "myhost"), string("ddns-qualifying-suffix", ""),
                bool("ddns-update-on-renew", false), mode, ttlPercent, ttl, ttlMin, ttlMax);
    }
}
