package dev.nestor.admin;

import java.util.Locale;

/** kea-admin's BACKEND argument: {@code memfile}, {@code mysql} or {@code pgsql} ({@code postgresql} too). */
enum Backend {
    MEMFILE("memfile"),
    MYSQL("mysql"),
    POSTGRESQL("postgresql");

    private final String type;

    Backend(String type) {
        this.type = type;
    }

    /** The {@code lease-database.type} value of this backend. */
    String type() {
        return type;
    }

    boolean sql() {
        return this != MEMFILE;
    }

    static Backend parse(String text) throws AdminException {
        if (text == null) throw new AdminException("missing backend: memfile, mysql or pgsql");
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "memfile" -> MEMFILE;
            case "mysql" -> MYSQL;
            case "pgsql", "postgresql" -> POSTGRESQL;
            default -> throw new AdminException("unknown backend '" + text + "': expected memfile, mysql or pgsql");
        };
    }
}
