package dev.nestor.ddns.client;

import dev.nestor.config.model.DdnsParams;

/** DdnsScope builders for the tests: Kea's defaults with one knob changed at a time. */
final class Scopes {
    private Scopes() {}

    static DdnsParams params(String replace, String suffix, boolean overrideNoUpdate, boolean overrideClientUpdate) {
        return new DdnsParams(true, overrideNoUpdate, overrideClientUpdate, replace, "myhost", suffix, false,
                "check-with-dhcid", null);
    }

    static DdnsScope enabled(String replace, String suffix) {
        return new DdnsScope(params(replace, suffix, false, false), "", "", true);
    }

    static DdnsScope disabled(String replace, String suffix) {
        return new DdnsScope(params(replace, suffix, false, false), "", "", false);
    }

    static DdnsScope overrides(boolean overrideNoUpdate, boolean overrideClientUpdate) {
        return new DdnsScope(params("never", "example.com", overrideNoUpdate, overrideClientUpdate), "", "", true);
    }

    static DdnsScope sanitizing(String set, String replacement) {
        return new DdnsScope(params("never", "example.com", false, false), set, replacement, true);
    }
}
