package dev.nestor.hooks.bundled;

import dev.nestor.hooks.HookLibrary;
import dev.nestor.hooks.bundled.bootp.BootpLibrary;
import dev.nestor.hooks.bundled.flexid.FlexIdLibrary;
import dev.nestor.hooks.bundled.flexoption.FlexOptionLibrary;
import dev.nestor.hooks.bundled.legallog.LegalLogLibrary;
import dev.nestor.hooks.bundled.limits.LimitsLibrary;
import dev.nestor.hooks.bundled.pingcheck.PingCheckLibrary;
import dev.nestor.hooks.bundled.runscript.RunScriptLibrary;
import dev.nestor.hooks.runtime.BundledLibrary;

/**
 * The bundled libraries under Kea's file names (declared in META-INF/services/dev.nestor.hooks.runtime.BundledLibrary,
 * one class per name, as ServiceLoader wants).
 */
public final class KeaLibraries {
    private KeaLibraries() {}

    public static final class FlexId implements BundledLibrary {
        @Override public String fileName() { return "libdhcp_flex_id.so"; }
        @Override public HookLibrary create() { return new FlexIdLibrary(); }
    }

    public static final class FlexOption implements BundledLibrary {
        @Override public String fileName() { return "libdhcp_flex_option.so"; }
        @Override public HookLibrary create() { return new FlexOptionLibrary(); }
    }

    public static final class RunScript implements BundledLibrary {
        @Override public String fileName() { return "libdhcp_run_script.so"; }
        @Override public HookLibrary create() { return new RunScriptLibrary(); }
    }

    public static final class LegalLog implements BundledLibrary {
        @Override public String fileName() { return "libdhcp_legal_log.so"; }
        @Override public HookLibrary create() { return new LegalLogLibrary(); }
    }

    public static final class Limits implements BundledLibrary {
        @Override public String fileName() { return "libdhcp_limits.so"; }
        @Override public HookLibrary create() { return new LimitsLibrary(); }
    }

    public static final class Bootp implements BundledLibrary {
        @Override public String fileName() { return "libdhcp_bootp.so"; }
        @Override public HookLibrary create() { return new BootpLibrary(); }
    }

    public static final class PingCheck implements BundledLibrary {
        @Override public String fileName() { return "libdhcp_ping_check.so"; }
        @Override public HookLibrary create() { return new PingCheckLibrary(); }
    }
}
