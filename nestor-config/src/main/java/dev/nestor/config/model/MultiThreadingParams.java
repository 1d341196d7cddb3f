package dev.nestor.config.model;

/** Kea's {@code multi-threading} map. Sizes of 0 mean "auto" as in Kea. */
public record MultiThreadingParams(boolean enabled, int threadPoolSize, int packetQueueSize) {
    public static MultiThreadingParams defaults() { return new MultiThreadingParams(true, 0, 64); }
}
