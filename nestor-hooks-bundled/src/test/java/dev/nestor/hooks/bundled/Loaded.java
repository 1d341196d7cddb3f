package dev.nestor.hooks.bundled;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nestor.control.CommandRegistry;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.StatsService;
import dev.nestor.hooks.runtime.BuiltinLibraries;
import dev.nestor.hooks.runtime.HookCommands;
import dev.nestor.hooks.runtime.HookDispatcher;
import dev.nestor.hooks.runtime.HookEnvironment;
import dev.nestor.hooks.runtime.HookLibraries;
import dev.nestor.hooks.runtime.LibrarySpec;
import dev.nestor.hooks.v4.LeaseService4;

import java.util.List;

/**
 * A bundled library loaded the way the server loads it: by Kea's file name through {@link BuiltinLibraries#standard()}
 * (which finds the bundled libraries on the class path), with a server config and, optionally, a lease service.
 */
final class Loaded implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final HookLibraries libs;

    Loaded(String keaName, String parameters, String serverConfig, LeaseService4 leases) throws Exception {
        this(keaName, parameters, serverConfig, leases, HookPoint.Family.DHCP4);
    }

    Loaded(String keaName, String parameters, String serverConfig, LeaseService4 leases, HookPoint.Family family) throws Exception {
        this(keaName, parameters, serverConfig, leases, family, null);
    }

    /** With {@code stats} as the libraries' {@link StatsService} (none when null). */
    Loaded(String keaName, String parameters, String serverConfig, LeaseService4 leases, HookPoint.Family family,
           StatsService stats) throws Exception {
        JsonNode cfg = JSON.readTree(serverConfig == null ? "{}" : serverConfig);
        HookEnvironment env = HookEnvironment.of(family, cfg, 0, new HookCommands(new CommandRegistry()));
        if (leases != null) env = env.withService(LeaseService4.class, leases);
        if (stats != null) env = env.withService(StatsService.class, stats);
        libs = HookLibraries.load(List.of(new LibrarySpec("/usr/lib/kea/hooks/" + keaName,
                parameters == null ? null : JSON.readTree(parameters), "Dhcp4.hooks-libraries[0]")), env);
        libs.activate();
    }

    HookDispatcher hooks() { return libs.dispatcher(); }

    @Override
    public void close() { libs.close(); }
}
