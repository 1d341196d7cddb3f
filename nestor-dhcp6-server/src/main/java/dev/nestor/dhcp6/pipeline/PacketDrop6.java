package dev.nestor.dhcp6.pipeline;

/**
 * The query's processing ends here, with no reply: a hook point answered DROP or a callout threw. Thrown from deep
 * in the stages (even from inside the allocation engine's callouts) and caught once in
 * {@link Dhcp6Pipeline#process}, so that no later hook point fires for it.
 */
final class PacketDrop6 extends RuntimeException {
    /** Counted in pkt6-receive-drop: failing callouts and the server's own drops (Kea leaves a callout's DROP uncounted). */
    final boolean counted;

    PacketDrop6(String message, boolean counted) {
        super(message, null, false, false);
        this.counted = counted;
    }
}
