package dev.nestor.ddns;

import dev.nestor.common.stats.StatsRegistry;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The DDNS daemon's statistics, with Kea's names ({@code d2_stats.cc}): NCR counters, update counters, and the
 * per-key counters {@code key[<key name>.].update-*} Kea's {@code DNSClient} keeps for signed updates.
 */
public final class D2Stats {
    public static final String NCR_RECEIVED = "ncr-received";
    public static final String NCR_INVALID = "ncr-invalid";
    public static final String NCR_ERROR = "ncr-error";
    public static final String QUEUE_FULL = "queue-mgr-queue-full";
    public static final String UPDATE_SENT = "update-sent";
    public static final String UPDATE_SIGNED = "update-signed";
    public static final String UPDATE_UNSIGNED = "update-unsigned";
    public static final String UPDATE_SUCCESS = "update-success";
    public static final String UPDATE_TIMEOUT = "update-timeout";
    public static final String UPDATE_ERROR = "update-error";

    static final List<String> GLOBAL = List.of(NCR_RECEIVED, NCR_INVALID, NCR_ERROR, QUEUE_FULL, UPDATE_SENT,
            UPDATE_SIGNED, UPDATE_UNSIGNED, UPDATE_SUCCESS, UPDATE_TIMEOUT, UPDATE_ERROR);
    static final List<String> PER_KEY = List.of(UPDATE_SENT, UPDATE_SUCCESS, UPDATE_TIMEOUT, UPDATE_ERROR);

    private final StatsRegistry registry;
    private final Set<String> keys = new HashSet<>();

    public D2Stats(StatsRegistry registry) {
        this.registry = registry;
        for (String s : GLOBAL) registry.set(s, 0L);
    }

    public StatsRegistry registry() {
        return registry;
    }

    /** Kea's {@code StatsMgr::generateName("key", name, stat)}. */
    public static String keyStat(String keyDnsName, String stat) {
        return "key[" + keyDnsName + "]." + stat;
    }

    /** After a (re)configuration: counters for new keys start at 0, those of removed keys go, kept keys keep theirs. */
    public synchronized void keysConfigured(Collection<String> keyDnsNames) {
        Set<String> now = new HashSet<>(keyDnsNames);
        for (String gone : keys) {
            if (!now.contains(gone)) PER_KEY.forEach(s -> registry.remove(keyStat(gone, s)));
        }
        for (String k : now) {
            if (!keys.contains(k)) PER_KEY.forEach(s -> registry.set(keyStat(k, s), 0L));
        }
        keys.clear();
        keys.addAll(now);
    }

    public void count(String stat) {
        registry.add(stat, 1L);
    }

    /** A global update counter and, for a signed update, the key's counter of the same name. */
    public void countUpdate(String stat, String keyDnsName) {
        registry.add(stat, 1L);
        if (keyDnsName != null && PER_KEY.contains(stat)) registry.add(keyStat(keyDnsName, stat), 1L);
    }

    public long get(String stat) {
        return registry.get(stat);
    }
}
