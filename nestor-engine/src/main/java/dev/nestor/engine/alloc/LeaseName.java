package dev.nestor.engine.alloc;

/**
 * The name a lease is written with (Kea's ClientContext4/6 {@code hostname_}, {@code fwd_dns_update_},
 * {@code rev_dns_update_}): the host name and whether the server updates the forward and reverse DNS zones for it.
 *
 * @param hostname the lease's host name, "" for none
 * @param forward  the server updates the forward zone (A/AAAA)
 * @param reverse  the server updates the reverse zone (PTR)
 */
public record LeaseName(String hostname, boolean forward, boolean reverse) {
    /** No name, no update. */
    public static final LeaseName NONE = new LeaseName("", false, false);

    public LeaseName {
        hostname = hostname == null ? "" : hostname;
    }
}
