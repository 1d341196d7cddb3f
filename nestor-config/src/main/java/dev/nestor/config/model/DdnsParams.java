package dev.nestor.config.model;

import java.util.Objects;

/**
 * Effective DDNS behaviour of a scope ({@code ddns-*} parameters), after inheritance global → shared network →
 * subnet (→ pool). {@code ttlPercent}, {@code ttl}, {@code ttlMin} and {@code ttlMax} are null when not configured.
 */
public record DdnsParams(boolean sendUpdates, boolean overrideNoUpdate, boolean overrideClientUpdate,
                         String replaceClientName, String generatedPrefix, String qualifyingSuffix,
                         boolean updateOnRenew, String conflictResolutionMode, Double ttlPercent,
                         Long ttl, Long ttlMin, Long ttlMax) {
    public DdnsParams {
        Objects.requireNonNull(replaceClientName, "replaceClientName");
        Objects.requireNonNull(generatedPrefix, "generatedPrefix");
        Objects.requireNonNull(qualifyingSuffix, "qualifyingSuffix");
        Objects.requireNonNull(conflictResolutionMode, "conflictResolutionMode");
    }

    /** Without the absolute TTL knobs. */
    public DdnsParams(boolean sendUpdates, boolean overrideNoUpdate, boolean overrideClientUpdate,
                      String replaceClientName, String generatedPrefix, String qualifyingSuffix,
                      boolean updateOnRenew, String conflictResolutionMode, Double ttlPercent) {
        this(sendUpdates, overrideNoUpdate, overrideClientUpdate, replaceClientName, generatedPrefix, qualifyingSuffix,
                updateOnRenew, conflictResolutionMode, ttlPercent, null, null, null);
    }

    /** Kea's global defaults. */
    public static DdnsParams defaults() {
        return new DdnsParams(true, false, false, "never", "myhost", "", false, "check-with-dhcid", null);
    }
}
