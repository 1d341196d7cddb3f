package dev.nestor.ddns.txn;

import dev.nestor.ddns.D2Stats;
import dev.nestor.ddns.dns.DnsClient;
import dev.nestor.ddns.dns.TsigKeys;

import java.time.Duration;
import java.util.Objects;

/**
 * What a transaction needs besides its request: the DNS client, the keys of the configuration it started under,
 * the per-try timeout ({@code dns-server-timeout}), the statistics, and how often to try one server (Kea's
 * {@code MAX_UPDATE_TRIES_PER_SERVER}, 3).
 */
public record TxnContext(DnsClient client, TsigKeys keys, Duration timeout, D2Stats stats, int triesPerServer) {
    public static final int TRIES_PER_SERVER = 3;

    public TxnContext {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(stats, "stats");
        if (triesPerServer < 1) throw new IllegalArgumentException("triesPerServer must be at least 1");
    }
}
