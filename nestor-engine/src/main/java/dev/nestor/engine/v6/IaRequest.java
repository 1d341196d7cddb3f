package dev.nestor.engine.v6;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.common.Bytes;
import dev.nestor.lease.LeaseType6;

import java.util.List;
import java.util.Objects;

/**
 * One identity association of a query, as the engine sees it: its type (IA_NA → {@link LeaseType6#NA}, IA_PD →
 * {@link LeaseType6#PD}), its IAID and what the client put inside (addresses or prefixes it wants or holds, with
 * lifetime hints). RFC 7550: every IA of a query is handled on its own.
 */
public record IaRequest(LeaseType6 type, long iaid, List<Hint> hints) {
    public IaRequest {
        Objects.requireNonNull(type, "type");
        if (type == LeaseType6.TA) throw new IllegalArgumentException("IA_TA is not allocated");
        if (iaid < 0 || iaid > 0xFFFFFFFFL) throw new IllegalArgumentException("iaid out of range: " + iaid);
        hints = List.copyOf(hints);
    }

    public static IaRequest na(long iaid, Hint... hints) { return new IaRequest(LeaseType6.NA, iaid, List.of(hints)); }

    public static IaRequest pd(long iaid, Hint... hints) { return new IaRequest(LeaseType6.PD, iaid, List.of(hints)); }

    /**
     * An IAADDR or IAPREFIX the client sent.
     *
     * @param address      the address or prefix (16 bytes); {@code ::} when a PD hint carries only a length
     * @param prefixLength 128 for an address; the prefix length for PD (0 = no preference)
     * @param preferred    preferred-lifetime hint, 0 = none
     * @param valid        valid-lifetime hint, 0 = none
     */
    public record Hint(Bytes address, int prefixLength, long preferred, long valid) {
        public Hint {
            Ipv6.require(address, "address");
            if (prefixLength < 0 || prefixLength > 128) throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
        }

        public static Hint address(Bytes a) { return new Hint(a, 128, 0, 0); }

        public boolean unspecified() { return Ipv6.isUnspecified(address); }
    }
}
