package dev.nestor.lease.memfile;

import dev.nestor.lease.LeaseStore4;
import dev.nestor.lease.LeaseStore6;
import dev.nestor.lease.LeaseStoreException;
import dev.nestor.lease.LeaseStoreProvider;
import dev.nestor.lease.StoreContext;
import java.util.Map;

/** Registers {@link MemfileLeaseStore4} and {@link MemfileLeaseStore6} as lease-database type {@code "memfile"}. */
public final class MemfileLeaseStoreProvider implements LeaseStoreProvider {
    @Override
    public String type() {
        return "memfile";
    }

    @Override
    public LeaseStore4 open4(Map<String, String> parameters, StoreContext ctx) throws LeaseStoreException {
        return MemfileLeaseStore4.open(parameters, ctx);
    }

    @Override
    public LeaseStore6 open6(Map<String, String> parameters, StoreContext ctx) throws LeaseStoreException {
        return MemfileLeaseStore6.open(parameters, ctx);
    }
}
