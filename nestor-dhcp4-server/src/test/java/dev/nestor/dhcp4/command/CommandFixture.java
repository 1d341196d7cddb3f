package dev.nestor.dhcp4.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.common.time.Clock;
import dev.nestor.config.ConfigText;
import dev.nestor.config.Dhcp4ConfigParser;
import dev.nestor.control.Answer;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.KeaJson;
import dev.nestor.control.server.RuntimeChanges;
import dev.nestor.dhcp4.Dhcp4Server;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A real {@link Dhcp4Server} without sockets (in-memory memfile store) with the hook-library command sets
 * registered the way {@link Dhcp4Commands} does, and a way to send commands as JSON text.
 */
final class CommandFixture implements AutoCloseable {
    static final long NOW = 1_800_000_000L;

    static final String CONFIG = """
            { "Dhcp4": {
              "valid-lifetime": 4000,
              "lease-database": { "type": "memfile", "persist": false },
              "client-classes": [
                { "name": "voip", "test": "substring(option[60].hex,0,4) == 'voip'" },
                { "name": "phones", "test": "member('voip')" } ],
              "subnet4": [
                { "id": 1, "subnet": "192.0.2.0/24", "pools": [ { "pool": "192.0.2.100 - 192.0.2.199" } ],
                  "option-data": [ { "name": "routers", "data": "192.0.2.1" } ],
                  "reservations": [ { "hw-address": "02:00:00:00:00:01", "ip-address": "192.0.2.10", "hostname": "alpha" } ] } ],
              "shared-networks": [
                { "name": "net1", "subnet4": [
                  { "id": 2, "subnet": "198.51.100.0/24", "pools": [ { "pool": "198.51.100.10 - 198.51.100.20" } ] } ] } ]
            } }
            """;

    final Dhcp4Server server;
    final RuntimeChanges changes = new RuntimeChanges();
    final CommandRegistry registry = new CommandRegistry();
    final StatsRegistry stats = new StatsRegistry(java.time.Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

    CommandFixture(Path dataDir) throws Exception {
        this(dataDir, CONFIG);
    }

    CommandFixture(Path dataDir, String config) throws Exception {
        Clock clock = () -> NOW;
        var options = new Dhcp4Server.ServerOptions("test", "test.json", 67, 68, dataDir, 1, 16);
        server = Dhcp4Server.detached(options, stats, clock, Dhcp4ConfigParser.parse(ConfigText.parse(config, dataDir)));
        Dhcp4Commands.registerLibraries(registry, server, server::reconfigure, changes,
                java.time.Clock.fixed(Instant.parse("2027-01-15T10:00:00.123456Z"), ZoneOffset.UTC));
    }

    /** Sends {@code {"command": name, "arguments": args}} ({@code args} may be null). */
    Answer run(String name, String args) {
        String text = args == null ? "{ \"command\": \"" + name + "\" }"
                : "{ \"command\": \"" + name + "\", \"arguments\": " + args + " }";
        return registry.process(text);
    }

    JsonNode args(Answer a) {
        return a.arguments();
    }

    static String json(Answer a) {
        return KeaJson.write(a.toJsonNode());
    }

    long stat(String name) {
        return stats.observation(name).isPresent() ? stats.get(name) : Long.MIN_VALUE;
    }

    @Override
    public void close() {
        server.close();
    }
}
