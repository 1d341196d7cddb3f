package dev.nestor.hooks.v4;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * {@code dhcp4_srv_configured}: a configuration is about to be applied (libraries loaded, store open). In:
 * {@code config}, the {@code Dhcp4} object. Steps: DROP refuses the configuration; the server keeps running with
 * the previous one (at start-up it exits; Kea always exits).
 */
public record Dhcp4SrvConfigured(JsonNode config) {
    public Dhcp4SrvConfigured {
        config = Objects.requireNonNull(config, "config").deepCopy();
    }

    @Override public JsonNode config() { return config.deepCopy(); }
}
