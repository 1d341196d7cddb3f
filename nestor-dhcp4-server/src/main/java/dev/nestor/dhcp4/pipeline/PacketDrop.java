package dev.nestor.dhcp4.pipeline;

/**
 * The packet's processing ends here, with no response: a hook point answered DROP, a callout threw, or a stage
 * found the query unanswerable. Thrown from deep in the stages (even from inside the allocation engine's
 * callouts) and caught once in {@link Dhcp4Pipeline#process}, so that no later hook point fires for it.
 */
final class PacketDrop extends RuntimeException {
    /** Counted in pkt4-receive-drop: the server's own drops and failing callouts (Kea leaves a callout's DROP uncounted). */
    final boolean counted;

    PacketDrop(String message, boolean counted) {
        super(message, null, false, false);
        this.counted = counted;
    }
}
