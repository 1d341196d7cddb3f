package dev.nestor.lease.memfile;

import static dev.nestor.lease.memfile.LeaseRowCodec.parseBool;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv4;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseState;
import java.util.Comparator;
import java.util.List;

/**
 * Rows of Kea's DHCPv4 lease file (dhcpsrv/csv_lease_file4.cc), schema 3.0. Older files have fewer columns
 * (no {@code pool_id}, no {@code user_context}, no {@code state}); missing columns take Kea's defaults, as
 * VersionedCSVFile upgrades them. Files from a newer schema with extra trailing columns are read with those
 * columns ignored.
 */
final class LeaseCsv4 implements LeaseRowCodec<Integer, Lease4> {
    /** The codec instance (stateless). */
    static final LeaseCsv4 CODEC = new LeaseCsv4();

    /** Column names of the current schema, in file order. */
    static final List<String> COLUMNS = List.of("address", "hwaddr", "client_id", "valid_lifetime", "expire",
            "subnet_id", "fqdn_fwd", "fqdn_rev", "hostname", "state", "user_context", "pool_id");
    static final String HEADER = String.join(",", COLUMNS);
    /** Defaults for columns an older header lacks (state "0", user_context "", pool_id "0"). */
    private static final List<String> DEFAULTS = List.of("", "", "", "", "", "", "", "", "", "0", "", "0");
    private static final Comparator<Integer> ORDER = Integer::compareUnsigned;

    private LeaseCsv4() {}

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
    public FastRows<Lease4> fastRows() {
        return new FastRows4();
    }

    @Override
    public Integer key(Lease4 lease) {
        return lease.address();
    }

    @Override
    public Comparator<Integer> keyOrder() {
        return ORDER;
    }

    @Override
    public String row(Lease4 lease) {
        return format(lease);
    }

    @Override
    public String deletionRow(Lease4 lease) {
        return formatDeletion(lease);
    }

    /** Formats a lease as a row (no line terminator). */
    static String format(Lease4 lease) {
        return format(lease, lease.validLifetime());
    }

    /**
     * Formats the row Kea writes when it deletes a lease: the lease with valid lifetime 0 (so expire = cltt).
     */
    static String formatDeletion(Lease4 lease) {
        return format(lease, 0);
    }

    private static String format(Lease4 l, long valid) {
        StringBuilder sb = new StringBuilder(128);
        sb.append(Ipv4.toString(l.address())).append(',');
        if (l.hwAddress() != null) sb.append(l.hwAddress());
        sb.append(',');
        if (l.clientId() != null) sb.append(l.clientId().toHexColon());
        sb.append(',').append(valid);
        sb.append(',').append(l.cltt() + valid);
        sb.append(',').append(l.subnetId());
        sb.append(',').append(l.fqdnFwd() ? '1' : '0');
        sb.append(',').append(l.fqdnRev() ? '1' : '0');
        sb.append(',').append(KeaCsv.escape(l.hostname()));
        sb.append(',').append(l.state().code());
        sb.append(',');
        if (l.userContext() != null) sb.append(KeaCsv.escape(l.userContext()));
        sb.append(',').append(l.poolId());
        return sb.toString();
    }

    @Override
    public Row<Lease4> parse(List<String> v) {
        int address = RowText.ipv4(v.get(0));
        HwAddress hw = v.get(1).isEmpty() ? null : RowText.hwAddress(v.get(1));
        Bytes clientId = v.get(2).isEmpty() ? null : RowText.bytes(v.get(2));
        long valid = RowText.unsigned(v.get(3), 0xFFFFFFFFL, "valid_lifetime");
        long expire = RowText.unsigned(v.get(4), Long.MAX_VALUE, "expire");
        long cltt = expire - valid;
        if (cltt < 0) throw new IllegalArgumentException("expire " + expire + " is before valid_lifetime " + valid);
        long subnetId = RowText.unsigned(v.get(5), 0xFFFFFFFFL, "subnet_id");
        boolean fwd = parseBool(v.get(6), "fqdn_fwd");
        boolean rev = parseBool(v.get(7), "fqdn_rev");
        String hostname = KeaCsv.unescape(v.get(8));
        LeaseState state = LeaseState.of((int) RowText.unsigned(v.get(9), 0xFFFFFFFFL, "state"));
        String context = v.get(10).isEmpty() ? null : KeaCsv.unescape(v.get(10));
        long poolId = RowText.unsigned(v.get(11), 0xFFFFFFFFL, "pool_id");
        Lease4 lease = new Lease4(address, hw, clientId, valid, cltt, subnetId, fwd, rev, hostname, state, context, poolId);
        return new Row<>(lease, valid == 0);
    }
}
