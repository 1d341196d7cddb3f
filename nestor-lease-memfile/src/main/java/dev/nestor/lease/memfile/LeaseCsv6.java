package dev.nestor.lease.memfile;

import static dev.nestor.lease.memfile.LeaseRowCodec.parseBool;
import static dev.nestor.lease.memfile.LeaseRowCodec.parseUnsigned;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv6Text;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.LeaseType6;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rows of Kea's DHCPv6 lease file (dhcpsrv/csv_lease_file6.cc), schema 5.0 as Kea 3.0 writes it. Older files
 * upgrade as Kea does: 1.0 stops at {@code hostname}, 2.0 adds {@code hwaddr}, 3.0 {@code state} (default 0),
 * 3.1 {@code user_context}, 4.0 {@code hwtype} and {@code hwaddr_source} (empty: Ethernet, source unknown), 5.0
 * {@code pool_id} (default 0).
 *
 * <p>Differences that cannot be avoided: Nestor keeps no hardware address source, so it writes
 * {@code hwaddr_source} 0 (unknown) for a lease with a hardware address; a lease without one gets empty
 * {@code hwtype} and {@code hwaddr_source}, as Kea 3.0 writes (Kea 3.3 writes 0 and 0; both read back the same).
 */
final class LeaseCsv6 implements LeaseRowCodec<Bytes, Lease6> {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseCsv6.class);

    /** The codec instance (stateless). */
    static final LeaseCsv6 CODEC = new LeaseCsv6();

    static final List<String> COLUMNS = List.of("address", "duid", "valid_lifetime", "expire", "subnet_id",
            "pref_lifetime", "lease_type", "iaid", "prefix_len", "fqdn_fwd", "fqdn_rev", "hostname", "hwaddr", "state",
            "user_context", "hwtype", "hwaddr_source", "pool_id");
    static final String HEADER = String.join(",", COLUMNS);
    private static final List<String> DEFAULTS = List.of("", "", "", "", "", "", "", "", "", "", "", "", "", "0", "",
            "", "", "0");
    private static final long U32 = 0xFFFFFFFFL;

    private LeaseCsv6() {}

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> defaults() {
        return DEFAULTS;
    }

    @Override
    public int minimumColumns() {
        return COLUMNS.indexOf("hostname") + 1;
    }

    @Override
    public Bytes key(Lease6 lease) {
        return lease.address();
    }

    @Override
    public Comparator<Bytes> keyOrder() {
        return Comparator.naturalOrder(); // unsigned byte order, as Kea orders IOAddress
    }

    @Override
    public String row(Lease6 lease) {
        return format(lease, lease.preferredLifetime(), lease.validLifetime());
    }

    @Override
    public String deletionRow(Lease6 lease) {
        return format(lease, 0, 0);
    }

    /** Formats a lease as a row (no line terminator). */
    static String format(Lease6 lease) {
        return CODEC.row(lease);
    }

    /** Formats the row Kea writes when it deletes a lease: both lifetimes 0, so expire = cltt. */
    static String formatDeletion(Lease6 lease) {
        return CODEC.deletionRow(lease);
    }

    private static String format(Lease6 l, long preferred, long valid) {
        StringBuilder sb = new StringBuilder(160);
        sb.append(l.addressText());
        sb.append(',').append(l.duid().toHexColon());
        sb.append(',').append(valid);
        sb.append(',').append(l.cltt() + valid);
        sb.append(',').append(l.subnetId());
        sb.append(',').append(preferred);
        sb.append(',').append(l.type().code());
        sb.append(',').append(l.iaid());
        sb.append(',').append(l.prefixLength());
        sb.append(',').append(l.fqdnFwd() ? '1' : '0');
        sb.append(',').append(l.fqdnRev() ? '1' : '0');
        sb.append(',').append(KeaCsv.escape(l.hostname()));
        sb.append(',');
        if (l.hwAddress() != null) sb.append(l.hwAddress());
        sb.append(',').append(l.state().code());
        sb.append(',');
        if (l.userContext() != null) sb.append(KeaCsv.escape(l.userContext()));
        sb.append(',');
        if (l.hwAddress() != null) sb.append(l.hwAddress().htype()).append(",0");
        else sb.append(',');
        sb.append(',').append(l.poolId());
        return sb.toString();
    }

    @Override
    public Row<Lease6> parse(List<String> v) {
        Bytes address = Ipv6Text.parse(v.get(0).trim());
        Bytes duid = Bytes.fromHex(v.get(1));
        long valid = parseUnsigned(v.get(2), U32, "valid_lifetime");
        long expire = parseUnsigned(v.get(3), Long.MAX_VALUE, "expire");
        long cltt = expire - valid;
        if (cltt < 0) throw new IllegalArgumentException("expire " + expire + " is before valid_lifetime " + valid);
        long subnetId = parseUnsigned(v.get(4), U32, "subnet_id");
        long preferred = parseUnsigned(v.get(5), U32, "pref_lifetime");
        LeaseType6 type = LeaseType6.of((int) parseUnsigned(v.get(6), U32, "lease_type"));
        long iaid = parseUnsigned(v.get(7), U32, "iaid");
        // as Kea: the column counts for prefixes only, addresses are always /128
        int prefixLength = type == LeaseType6.PD ? (int) parseUnsigned(v.get(8), 128, "prefix_len") : 128;
        boolean fwd = parseBool(v.get(9), "fqdn_fwd");
        boolean rev = parseBool(v.get(10), "fqdn_rev");
        String hostname = KeaCsv.unescape(v.get(11));
        HwAddress hw = hwAddress(v.get(12), v.get(15));
        LeaseState state = LeaseState.of6((int) parseUnsigned(v.get(13), U32, "state"));
        String context = v.get(14).isEmpty() ? null : KeaCsv.unescape(v.get(14));
        long poolId = parseUnsigned(v.get(17), U32, "pool_id");
        Lease6 lease = new Lease6(address, type, prefixLength, duid, iaid, preferred, valid, cltt, subnetId, fwd, rev,
                hostname, hw, state, context, poolId);
        if (lacksDuid(lease))
            throw new IllegalArgumentException("The Empty DUID is only valid for declined leases");
        return new Row<>(lease, valid == 0);
    }

    /** As Kea: a hardware address that cannot be read is dropped with a warning, the lease is kept. */
    private static HwAddress hwAddress(String text, String htypeText) {
        if (text.isEmpty()) return null;
        try {
            int htype = htypeText.isEmpty() ? HwAddress.HTYPE_ETHERNET : (int) parseUnsigned(htypeText, 0xFFFF, "hwtype");
            HwAddress hw = new HwAddress(htype, HwAddress.parseHexBytes(text));
            return hw.length() == 0 ? null : hw;
        } catch (IllegalArgumentException e) {
            LOG.warn("ignoring unreadable hardware address '{}' (type '{}') in lease file: {}", text, htypeText, e.getMessage());
            return null;
        }
    }

    /** Whether Kea would refuse to write this lease ({@code CSVLeaseFile6::append}): only a declined lease may lack a DUID. */
    static boolean lacksDuid(Lease6 lease) {
        return lease.duid().equals(Lease6.EMPTY_DUID) && lease.state() != LeaseState.DECLINED;
    }
}
