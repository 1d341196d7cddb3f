package dev.nestor.dhcp6.command;

import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.common.time.Clock;
import dev.nestor.config.ConfigException;
import dev.nestor.config.ConfigText;
import dev.nestor.config.Dhcp6ConfigParser;
import dev.nestor.config.model.Dhcp6Config;
import dev.nestor.control.Answer;
import dev.nestor.control.Command;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.KeaJson;
import dev.nestor.control.server.ConfigSource;
import dev.nestor.control.server.RuntimeChanges;
import dev.nestor.dhcp6.Dhcp6Server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A real {@link Dhcp6Server} without sockets (in-memory memfile store, server DUID in a temporary directory) with
 * every command registered the way the daemon registers them ({@link Dhcp6Commands#registerAll}), a config file
 * for config-reload / config-write, and a way to send commands as JSON text.
 */
final class CommandFixture6 implements AutoCloseable {
    static final long NOW = 1_800_000_000L;

    static final String CONFIG = """
            { "Dhcp6": {
              "valid-lifetime": 4000, "preferred-lifetime": 3000,
              "server-tag": "v6-tag",
              "lease-database": { "type": "memfile", "persist": false },
              "client-classes": [
                { "name": "voip", "test": "substring(option[16].hex,0,4) == 'voip'" },
                { "name": "phones", "test": "member('voip')" } ],
              "subnet6": [
                { "id": 1, "subnet": "2001:db8:1::/64", "interface": "eth1",
                  "pools": [ { "pool": "2001:db8:1::100 - 2001:db8:1::1ff" } ],
                  "pd-pools": [ { "prefix": "2001:db8:8000::", "prefix-len": 48, "delegated-len": 56 } ],
                  "option-data": [ { "name": "dns-servers", "data": "2001:db8:1::53" } ],
                  "reservations": [ { "duid": "00:03:00:01:02:00:00:00:00:01", "ip-addresses": [ "2001:db8:1::10" ],
                                      "hostname": "alpha" } ] } ],
              "shared-networks": [
                { "name": "net1", "relay": { "ip-addresses": [ "2001:db8:2::1" ] }, "subnet6": [
                  { "id": 2, "subnet": "2001:db8:2::/64", "pools": [ { "pool": "2001:db8:2::10 - 2001:db8:2::20" } ] } ] } ]
            } }
            """;

    final Path dir;
    final Path configFile;
    final Dhcp6Server server;
    final RuntimeChanges changes = new RuntimeChanges();
    final CommandRegistry registry = new CommandRegistry();
    final StatsRegistry stats = new StatsRegistry(java.time.Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
    int exitValue = -1;

    CommandFixture6(Path dir) throws Exception {
        this.dir = dir;
        this.configFile = dir.resolve("nestor-dhcp6.json");
        Files.writeString(configFile, CONFIG);
        Clock clock = () -> NOW;
        var options = new Dhcp6Server.ServerOptions("test", configFile.toString(), 547, 546, dir, 1, 16);
        server = Dhcp6Server.detached(options, stats, clock, read(configFile));
        ConfigSource<Dhcp6Config> source = ConfigSource.of(configFile, () -> read(configFile), server::reconfigure, Dhcp6Server::test);
        Dhcp6Commands.registerAll(registry, server, source, changes, code -> exitValue = code);
        // stat-lease6-get stamps its result set: a fixed clock makes the answer exact
        registry.unregister("stat-lease6-get");
        var timestamps = java.time.Clock.fixed(Instant.parse("2027-01-15T10:00:00.123456Z"), ZoneOffset.UTC);
        CommandRegistry libraries = new CommandRegistry();
        Dhcp6Commands.registerLibraries(libraries, server, server::reconfigure, changes, timestamps);
        registry.register("stat-lease6-get", c -> libraries.dispatch(c));
    }

    static Dhcp6Config read(Path file) throws ConfigException {
        return Dhcp6ConfigParser.parse(ConfigText.read(file));
    }

    /** Sends {@code name} with {@code args} (JSON text, or null for none) as a control channel would. */
    Answer run(String name, String args) {
        try {
            return registry.dispatch(Command.of(name, args == null ? null : KeaJson.parse(args)));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("bad test JSON: " + args, e);
        }
    }

    /** {@code run} as Kea's exact answer text. */
    String json(String name, String args) {
        return json(run(name, args));
    }

    static String json(Answer a) {
        return KeaJson.write(a.toJsonNode());
    }

    /** A statistic's value, {@link Long#MIN_VALUE} when there is no such statistic. */
    long stat(String name) {
        return stats.observation(name).map(o -> stats.get(name)).orElse(Long.MIN_VALUE);
    }

    @Override
    public void close() {
        server.close();
    }
}
