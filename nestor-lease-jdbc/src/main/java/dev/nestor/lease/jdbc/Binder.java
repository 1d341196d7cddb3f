package dev.nestor.lease.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** Collects typed parameters in order and binds them to a statement; nulls keep their SQL type. */
final class Binder {
    private record Param(Object value, int sqlType) {}

    private final List<Param> params = new ArrayList<>();

    Binder bytes(byte[] v) {
        params.add(new Param(v, Types.VARBINARY));
        return this;
    }

    Binder text(String v) {
        params.add(new Param(v, Types.VARCHAR));
        return this;
    }

    Binder number(long v) {
        params.add(new Param(v, Types.BIGINT));
        return this;
    }

    /** A nullable small number (hardware type, source). */
    Binder number(Integer v) {
        params.add(new Param(v == null ? null : v.longValue(), Types.BIGINT));
        return this;
    }

    Binder bool(boolean v) {
        params.add(new Param(v, Types.BOOLEAN));
        return this;
    }

    Binder object(Object v, int sqlType) {
        params.add(new Param(v, sqlType));
        return this;
    }

    Binder all(Binder other) {
        params.addAll(other.params);
        return this;
    }

    PreparedStatement bind(PreparedStatement ps) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            if (p.value == null) {
                ps.setNull(i + 1, p.sqlType);
            } else {
                switch (p.value) {
                    case byte[] b -> ps.setBytes(i + 1, b);
                    case String s -> ps.setString(i + 1, s);
                    case Long l -> ps.setLong(i + 1, l);
                    case Integer n -> ps.setInt(i + 1, n);
                    case Boolean b -> ps.setBoolean(i + 1, b);
                    default -> ps.setObject(i + 1, p.value, p.sqlType);
                }
            }
        }
        return ps;
    }
}
