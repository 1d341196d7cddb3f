package dev.nestor.lease.jdbc;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.Ipv6Text;
import dev.nestor.lease.LeaseStoreException;
import dev.nestor.lease.host.Host;
import dev.nestor.lease.host.HostIdentifierType;
import dev.nestor.lease.host.HostOption;
import dev.nestor.lease.host.HostStore;
import dev.nestor.lease.host.Ipv6Reservation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link HostStore} on Kea's host tables ({@code hosts}, {@code ipv6_reservations}, {@code dhcp4_options},
 * {@code dhcp6_options}), in Kea's encodings, so rows written by Kea's host backend are read here and the other way
 * round. Every lookup is one indexed query on {@code hosts} (plus, only for the hosts found, one query per child
 * table); {@code add} and the deletes are one transaction each. Opened {@code readonly}, writes are refused.
 */
public final class JdbcHostStore implements HostStore, DatabaseBacked {
    /** Kea's {@code dhcp_option_scope} of host options. */
    private static final int SCOPE_HOST = 3;
    private static final String HOST_COLUMNS = "host_id, dhcp_identifier, dhcp_identifier_type, dhcp4_subnet_id,"
            + " dhcp6_subnet_id, ipv4_address, hostname, dhcp4_client_classes, dhcp6_client_classes, dhcp4_next_server,"
            + " dhcp4_server_hostname, dhcp4_boot_file_name, user_context, auth_key";
    private static final String SELECT = "SELECT " + HOST_COLUMNS + " FROM hosts";

    private final Database db;
    private final boolean readonly;

    public JdbcHostStore(Database db, boolean readonly) {
        this.db = Objects.requireNonNull(db, "db");
        this.readonly = readonly;
    }

    private DbEngine engine() {
        return db.engine();
    }

    private static String subnetColumn(Family f) {
        return f == Family.V4 ? "dhcp4_subnet_id" : "dhcp6_subnet_id";
    }

    // ---- reads -------------------------------------------------------------------------------------------------

    @Override
    public Optional<Host> get(Family family, long subnetId, HostIdentifierType type, Bytes identifier) {
        String sql = SELECT + " WHERE dhcp_identifier = ? AND dhcp_identifier_type = ? AND " + subnetColumn(family) + " = ?";
        Binder b = new Binder().bytes(identifier.toArray()).number(type.code()).number(subnetId);
        return query("get host", sql, b, family).stream().findFirst();
    }

    @Override
    public List<Host> getByAddress(Family family, long subnetId, Bytes address) {
        if (family == Family.V4) {
            if (address.length() != 4) throw new IllegalArgumentException("not an IPv4 address: " + address);
            return query("get hosts by address", SELECT + " WHERE ipv4_address = ? AND dhcp4_subnet_id = ?",
                    new Binder().number(unsigned(address)).number(subnetId), family);
        }
        String sql = SELECT + " WHERE dhcp6_subnet_id = ? AND host_id IN"
                + " (SELECT host_id FROM ipv6_reservations WHERE address = ?)";
        return query("get hosts by address", sql, new Binder().number(subnetId).text(Ipv6Text.format(address)), family);
    }

    @Override
    public List<Host> getByIdentifier(HostIdentifierType type, Bytes identifier) {
        return query("get hosts by identifier", SELECT + " WHERE dhcp_identifier = ? AND dhcp_identifier_type = ?"
                + " ORDER BY host_id", new Binder().bytes(identifier.toArray()).number(type.code()), null);
    }

    @Override
    public List<Host> getAll(Family family, long subnetId) {
        return query("get hosts of subnet " + subnetId, SELECT + " WHERE " + subnetColumn(family) + " = ? ORDER BY host_id",
                new Binder().number(subnetId), family);
    }

    @Override
    public List<Host> getPage(Family family, Long subnetId, long afterHostId, int limit) {
        if (limit < 1) throw new IllegalArgumentException("page size must be positive");
        String col = subnetColumn(family);
        Binder b = new Binder();
        String where;
        if (subnetId == null) {
            where = col + " IS NOT NULL";
        } else {
            where = col + " = ?";
            b.number(subnetId);
        }
        b.number(afterHostId).number(limit);
        return query("get page of hosts", SELECT + " WHERE " + where + " AND host_id > ? ORDER BY host_id LIMIT ?", b, family);
    }

    @Override
    public List<Host> getByHostname(Family family, String hostname, Long subnetId) {
        // PostgreSQL indexes lower(hostname); MySQL compares in the column's case-insensitive collation
        String match = engine() == DbEngine.POSTGRESQL ? "lower(hostname) = lower(?)" : "hostname = ?";
        String col = subnetColumn(family);
        Binder b = new Binder().text(hostname);
        String sql = SELECT + " WHERE " + match + " AND " + col + (subnetId == null ? " IS NOT NULL" : " = ?");
        if (subnetId != null) b.number(subnetId);
        return query("get hosts by hostname", sql + " ORDER BY host_id", b, family);
    }

    /** Runs a hosts query and loads, for the hosts found, the parts of {@code family} (both when null). */
    private List<Host> query(String what, String sql, Binder params, Family family) {
        return db.read(what, c -> {
            Map<Long, Host> hosts = new LinkedHashMap<>();
            try (PreparedStatement ps = params.bind(c.prepareStatement(sql)); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Host h = HostRows.host(rs);
                    hosts.put(h.hostId(), h);
                }
            }
            if (hosts.isEmpty()) return List.of();
            return loadChildren(c, hosts, family);
        });
    }

    private List<Host> loadChildren(Connection c, Map<Long, Host> hosts, Family family) throws SQLException {
        String ids = String.join(",", hosts.keySet().stream().map(String::valueOf).toList());
        Map<Long, List<HostOption>> options4 = family == Family.V6 ? Map.of() : options(c, "dhcp4_options", ids);
        Map<Long, List<HostOption>> options6 = family == Family.V4 ? Map.of() : options(c, "dhcp6_options", ids);
        Map<Long, List<Ipv6Reservation>> resv = family == Family.V4 ? Map.of() : reservations(c, ids);
        List<Host> out = new ArrayList<>(hosts.size());
        for (Host h : hosts.values()) {
            out.add(new Host(h.hostId(), h.identifierType(), h.identifier(), h.ipv4SubnetId(), h.ipv6SubnetId(),
                    h.ipv4Address(), h.hostname(), h.dhcp4ClientClasses(), h.dhcp6ClientClasses(), h.nextServer(),
                    h.serverHostname(), h.bootFileName(), h.userContext(), h.authKey(),
                    resv.getOrDefault(h.hostId(), List.of()), options4.getOrDefault(h.hostId(), List.of()),
                    options6.getOrDefault(h.hostId(), List.of())));
        }
        return out;
    }

    /** The host options of the given hosts ({@code ids} are numbers from the database, never user text). */
    private static Map<Long, List<HostOption>> options(Connection c, String table, String ids) throws SQLException {
        Map<Long, List<HostOption>> out = new HashMap<>();
        String sql = "SELECT host_id, code, value, formatted_value, space, persistent, nestor_cancelled,"
                + " dhcp_client_class, user_context FROM " + table + " WHERE host_id IN (" + ids + ") ORDER BY option_id";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                byte[] value = rs.getBytes(3);
                String space = rs.getString(5);
                out.computeIfAbsent(rs.getLong(1), _ -> new ArrayList<>()).add(new HostOption(rs.getInt(2),
                        space == null ? (table.startsWith("dhcp4") ? "dhcp4" : "dhcp6") : space,
                        value == null ? null : Bytes.of(value), rs.getString(4), rs.getBoolean(6), rs.getBoolean(7),
                        rs.getString(8), rs.getString(9)));
            }
        }
        return out;
    }

    private static Map<Long, List<Ipv6Reservation>> reservations(Connection c, String ids) throws SQLException {
        Map<Long, List<Ipv6Reservation>> out = new HashMap<>();
        String sql = "SELECT host_id, address, prefix_len, type, dhcp6_iaid FROM ipv6_reservations WHERE host_id IN ("
                + ids + ") ORDER BY reservation_id";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                long iaid = rs.getLong(5);
                Long iaidValue = rs.wasNull() ? null : iaid & 0xFFFFFFFFL;
                out.computeIfAbsent(rs.getLong(1), _ -> new ArrayList<>()).add(new Ipv6Reservation(
                        Ipv6Reservation.Type.ofCode(rs.getInt(4)), Ipv6Text.parse(rs.getString(2)), rs.getInt(3), iaidValue));
            }
        }
        return out;
    }

    // ---- writes ------------------------------------------------------------------------------------------------

    @Override
    public Host add(Host host) throws LeaseStoreException {
        requireWritable("add a host");
        return db.call("add host " + host.identifierType().keaName() + "=" + host.identifier(), c -> {
            c.setAutoCommit(false);
            try {
                Host added = insertAll(c, host);
                c.commit();
                return added;
            } catch (SQLException e) {
                c.rollback();
                if (engine().isDuplicateKey(e)) throw new SQLException("Database duplicate entry error: " + e.getMessage(),
                        "23000", e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    /** Kea's update: delete by identifier in the host's subnet and add, in one transaction. */
    @Override
    public Optional<Host> update(Host host) throws LeaseStoreException {
        requireWritable("update a host");
        Family family = host.ipv4SubnetId() != null ? Family.V4 : Family.V6;
        Long subnetId = family == Family.V4 ? host.ipv4SubnetId() : host.ipv6SubnetId();
        if (subnetId == null) throw new LeaseStoreException("cannot update a host without a subnet id");
        String find = "SELECT host_id FROM hosts WHERE dhcp_identifier = ? AND dhcp_identifier_type = ? AND "
                + subnetColumn(family) + " = ?";
        Binder b = new Binder().bytes(host.identifier().toArray()).number(host.identifierType().code()).number(subnetId);
        return db.call("update host " + host.identifierType().keaName() + "=" + host.identifier(), c -> {
            c.setAutoCommit(false);
            try {
                List<Long> ids = new ArrayList<>();
                try (PreparedStatement ps = b.bind(c.prepareStatement(find)); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) ids.add(rs.getLong(1));
                }
                if (ids.isEmpty()) {
                    c.rollback();
                    return Optional.<Host>empty();
                }
                deleteRows(c, ids);
                Host added = insertAll(c, host);
                c.commit();
                return Optional.of(added);
            } catch (SQLException e) {
                c.rollback();
                if (engine().isDuplicateKey(e)) throw new SQLException("Database duplicate entry error: " + e.getMessage(),
                        "23000", e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    /** The host row, its IPv6 reservations and its options, on a connection in a transaction. */
    private Host insertAll(Connection c, Host host) throws SQLException {
        long id = insertHost(c, host);
        for (Ipv6Reservation r : host.ipv6Reservations()) insertReservation(c, id, r);
        for (HostOption o : host.options4()) insertOption(c, "dhcp4_options", "dhcp4_subnet_id", id, o);
        for (HostOption o : host.options6()) insertOption(c, "dhcp6_options", "dhcp6_subnet_id", id, o);
        return host.withHostId(id);
    }

    private long insertHost(Connection c, Host h) throws SQLException {
        String sql = "INSERT INTO hosts (dhcp_identifier, dhcp_identifier_type, dhcp4_subnet_id, dhcp6_subnet_id,"
                + " ipv4_address, hostname, dhcp4_client_classes, dhcp6_client_classes, dhcp4_next_server,"
                + " dhcp4_server_hostname, dhcp4_boot_file_name, user_context, auth_key)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        Binder b = new Binder().bytes(h.identifier().toArray()).number(h.identifierType().code())
                .object(h.ipv4SubnetId(), Types.BIGINT).object(h.ipv6SubnetId(), Types.BIGINT)
                .object(h.ipv4Address() == null ? null : Integer.toUnsignedLong(h.ipv4Address()), Types.BIGINT)
                .text(emptyToNull(h.hostname())).text(classes(h.dhcp4ClientClasses()))
                .text(classes(h.dhcp6ClientClasses()))
                .object(h.nextServer() == null ? null : Integer.toUnsignedLong(h.nextServer()), Types.BIGINT)
                .text(emptyToNull(h.serverHostname())).text(emptyToNull(h.bootFileName())).text(h.userContext())
                .text(h.authKey());
        try (PreparedStatement ps = b.bind(c.prepareStatement(sql, new String[] {"host_id"}))) {
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) throw new SQLException("the database returned no host_id");
                return keys.getLong(1);
            }
        }
    }

    private void insertReservation(Connection c, long hostId, Ipv6Reservation r) throws SQLException {
        Object iaid = r.iaid() == null ? null : engine() == DbEngine.POSTGRESQL ? (Object) (long) r.iaid().intValue() : r.iaid();
        Binder b = new Binder().text(Ipv6Text.format(r.address())).number(r.prefixLength()).number(r.type().code())
                .object(iaid, Types.BIGINT).number(hostId);
        try (PreparedStatement ps = b.bind(c.prepareStatement("INSERT INTO ipv6_reservations (address, prefix_len, type,"
                + " dhcp6_iaid, host_id) VALUES (?, ?, ?, ?, ?)"))) {
            ps.executeUpdate();
        }
    }

    private static void insertOption(Connection c, String table, String subnetColumn, long hostId, HostOption o)
            throws SQLException {
        String sql = "INSERT INTO " + table + " (code, value, formatted_value, space, persistent, nestor_cancelled,"
                + " dhcp_client_class, " + subnetColumn + ", host_id, scope_id, user_context)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)";
        Binder b = new Binder().number(o.code()).bytes(o.value() == null ? null : o.value().toArray())
                .text(o.formattedValue()).text(o.space()).bool(o.persistent()).bool(o.cancelled()).text(o.clientClass())
                .number(hostId).number(SCOPE_HOST).text(o.userContext());
        try (PreparedStatement ps = b.bind(c.prepareStatement(sql))) {
            ps.executeUpdate();
        }
    }

    @Override
    public boolean delete(Family family, long subnetId, Bytes address) throws LeaseStoreException {
        requireWritable("delete a host");
        List<Long> ids = getByAddress(family, subnetId, address).stream().map(Host::hostId).toList();
        return deleteHosts(ids);
    }

    @Override
    public boolean delete(Family family, long subnetId, HostIdentifierType type, Bytes identifier) throws LeaseStoreException {
        requireWritable("delete a host");
        String sql = "SELECT host_id FROM hosts WHERE dhcp_identifier = ? AND dhcp_identifier_type = ? AND "
                + subnetColumn(family) + " = ?";
        Binder b = new Binder().bytes(identifier.toArray()).number(type.code()).number(subnetId);
        List<Long> ids = db.call("find host", c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement ps = b.bind(c.prepareStatement(sql)); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getLong(1));
            }
            return out;
        });
        return deleteHosts(ids);
    }

    /** Deletes hosts with their children (explicitly: Kea's MySQL tables also carry a NO ACTION key on host_id). */
    private boolean deleteHosts(List<Long> ids) throws LeaseStoreException {
        if (ids.isEmpty()) return false;
        return db.call("delete hosts " + ids, c -> {
            c.setAutoCommit(false);
            try {
                boolean deleted = deleteRows(c, ids);
                c.commit();
                return deleted;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    /** Deletes hosts and their children on a connection in a transaction; true when a host row went. */
    private static boolean deleteRows(Connection c, List<Long> ids) throws SQLException {
        String in = String.join(",", ids.stream().map(String::valueOf).toList());
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM dhcp4_options WHERE host_id IN (" + in + ")");
            s.executeUpdate("DELETE FROM dhcp6_options WHERE host_id IN (" + in + ")");
            s.executeUpdate("DELETE FROM ipv6_reservations WHERE host_id IN (" + in + ")");
            return s.executeUpdate("DELETE FROM hosts WHERE host_id IN (" + in + ")") > 0;
        }
    }

    private void requireWritable(String what) throws LeaseStoreException {
        if (readonly) throw new LeaseStoreException("cannot " + what + ": the hosts database " + describe() + " is read-only");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static long unsigned(Bytes ipv4) {
        return ((long) ipv4.get(0) << 24) | (ipv4.get(1) << 16) | (ipv4.get(2) << 8) | ipv4.get(3);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** Kea's comma-separated class list; NULL when there are none. */
    private static String classes(List<String> classes) {
        return classes.isEmpty() ? null : String.join(",", classes);
    }

    @Override
    public boolean readonly() {
        return readonly;
    }

    @Override
    public String describe() {
        DatabaseConfig c = db.databaseConfig();
        return c.engine().type() + " hosts database " + c.name() + "@" + c.host() + ":" + c.port() + (readonly ? " (read-only)" : "");
    }

    @Override
    public Database database() {
        return db;
    }

    @Override
    public void close() {
        db.close();
    }

    /** Opens a store for a backend module's provider: parses the map, opens the pool, checks the schema. */
    public static JdbcHostStore open(Map<String, String> parameters, DbEngine engine) throws LeaseStoreException {
        DatabaseConfig config = DatabaseConfig.parse(parameters);
        if (config.engine() != engine)
            throw new LeaseStoreException("hosts-database type '" + parameters.get("type") + "' opened by the "
                    + engine.type() + " backend");
        String ro = parameters.getOrDefault("readonly", "false").trim();
        if (!ro.equals("true") && !ro.equals("false"))
            throw new LeaseStoreException("hosts-database: 'readonly' must be true or false, not '" + ro + "'");
        return new JdbcHostStore(Database.open(config), ro.equals("true"));
    }
}
