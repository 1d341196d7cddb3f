package dev.nestor.engine.alloc;

import dev.nestor.config.model.Subnet4;

/**
 * Names a lease once the engine has chosen its subnet and address, just before the lease is offered or written, so
 * that it is stored once with its final name: a name generated from the address ({@code <prefix>-<address>}), or the
 * DDNS values of a pool or of another subnet of the shared network. The server passes one per request in the
 * {@link ClientContext4}; the engine knows nothing of DNS. Called on the request's thread, possibly more than once
 * (a lost race retries with another address), so it should be cheap and give the same answer for the same place.
 */
@FunctionalInterface
public interface LeaseNamer4 {
    /** {@return the name for a lease of {@code address} in {@code subnet}} */
    LeaseName nameAt(Subnet4 subnet, int address);
}
