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

import java.util.function.Supplier;

/**
 * The bundled libraries under Kea's file names (declared in META-INF/services/dev.nestor.hooks.runtime.BundledLibrary,
 * one class per name, as ServiceLoader wants).
 */
public final class KeaLibraries {
    private KeaLibraries() {}

    /** A bundled library: its Kea file name and how to make a fresh instance. */
    abstract static class Named implements BundledLibrary {
        private final String fileName;
        private final Supplier<HookLibrary> factory;

        Named(String fileName, Supplier<HookLibrary> factory) {
            this.fileName = fileName;
            this.factory = factory;
        }

        @Override public String fileName() { return fileName; }

        @Override public HookLibrary create() { return factory.get(); }
    }

    public static final class FlexId extends Named { public FlexId() { super("libdhcp_flex_id.so", FlexIdLibrary::new); } }

    public static final class FlexOption extends Named { public FlexOption() { super("libdhcp_flex_option.so", FlexOptionLibrary::new); } }

    public static final class RunScript extends Named { public RunScript() { super("libdhcp_run_script.so", RunScriptLibrary::new); } }

    public static final class LegalLog extends Named { public LegalLog() { super("libdhcp_legal_log.so", LegalLogLibrary::new); } }

    public static final class Limits extends Named { public Limits() { super("libdhcp_limits.so", LimitsLibrary::new); } }

    public static final class Bootp extends Named { public Bootp() { super("libdhcp_bootp.so", BootpLibrary::new); } }

    public static final class PingCheck extends Named { public PingCheck() { super("libdhcp_ping_check.so", PingCheckLibrary::new); } }
}
