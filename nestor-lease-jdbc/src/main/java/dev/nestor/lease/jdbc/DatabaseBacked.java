package dev.nestor.lease.jdbc;

/** A store whose connection state is that of its {@link Database}: the status methods delegate to it. */
interface DatabaseBacked extends DatabaseStatus {

    /** The pool this store runs its statements on. */
    Database database();

    @Override
    default DatabaseConfig databaseConfig() {
        return database().databaseConfig();
    }

    @Override
    default boolean available() {
        return database().available();
    }

    @Override
    default boolean probe() {
        return database().probe();
    }

    @Override
    default void addListener(Listener listener) {
        database().addListener(listener);
    }
}
