package dev.nestor.it.harness;

/**
 * A real DHCP client run in a lab namespace with private files and our recording script.
 * {@link #obtain()} runs DORA (or INIT-REBOOT when a lease is remembered), {@link #renew()} asks again for the same
 * address, {@link #release()} sends DHCPRELEASE. Every wait is bounded; failures carry the client's output.
 */
public interface DhcpClient extends AutoCloseable {
    String name();

    Host host();

    ClientLease obtain();

    ClientLease renew();

    void release();

    /** Client output and script record, for failure messages. */
    String diagnostics();

    /** Stops the client without releasing. */
    @Override
    void close();
}
