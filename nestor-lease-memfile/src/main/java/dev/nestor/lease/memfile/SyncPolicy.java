package dev.nestor.lease.memfile;

import dev.nestor.lease.LeaseStoreException;

/** How far a lease-file row must get before a write call returns ({@code nestor-sync} parameter). */
enum SyncPolicy {
    /** Handed to the OS with write(2): survives a process crash, not a power loss. Kea's behaviour. */
    WRITE,
    /** write(2) then fdatasync: survives a power loss. */
    FSYNC,
    /** Buffered in the process: the last rows are lost if the process dies. */
    NONE;

    static SyncPolicy parse(String value) throws LeaseStoreException {
        if (value == null) return WRITE;
        return switch (value) {
            case "write" -> WRITE;
            case "fsync" -> FSYNC;
            case "none" -> NONE;
            default -> throw new LeaseStoreException("invalid value 'nestor-sync=" + value
                    + "' (expected write, fsync or none)");
        };
    }
}
