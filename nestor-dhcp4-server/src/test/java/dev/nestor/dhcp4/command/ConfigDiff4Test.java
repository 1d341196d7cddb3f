package dev.nestor.dhcp4.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv4;
import dev.nestor.config.Dhcp4ConfigParser;
import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.control.KeaJson;
import dev.nestor.lease.Lease4;
import java.util.List;
import org.junit.jupiter.api.Test;

/** config-diff: what an operator sees before applying a config. */
class ConfigDiff4Test {
    static final long NOW = 1_800_000_000L;

    static Dhcp4Config config(String subnets, String globals) throws Exception {
        return Dhcp4ConfigParser.parse(KeaJson.parse("{\"Dhcp4\": {" + globals + "\"subnet4\": [" + subnets + "]}}"));
    }

    static Lease4 lease(String ip, long subnet, long cltt) {
        return Lease4.of(Ipv4.parse(ip), HwAddress.parse("02:00:00:00:00:" + ip.substring(ip.lastIndexOf('.') + 1).length() + "1"),
                null, 3600, cltt, subnet);
    }

    @Test
    void reportsAddedRemovedChangedSubnetsShrunkPoolsAndLeasesOutside() throws Exception {
        Dhcp4Config running = config("""
                {"id": 1, "subnet": "192.0.2.0/24", "pools": [{"pool": "192.0.2.10 - 192.0.2.99"}]},
                {"id": 2, "subnet": "198.51.100.0/24", "pools": [{"pool": "198.51.100.10 - 198.51.100.20"}]}
                """, "\"valid-lifetime\": 3600, ");
        Dhcp4Config proposed = config("""
                {"id": 1, "subnet": "192.0.2.0/24", "pools": [{"pool": "192.0.2.10 - 192.0.2.39"}, {"pool": "192.0.2.60 - 192.0.2.69"}],
                 "reservations": [{"hw-address": "02:00:00:00:00:aa", "ip-address": "192.0.2.80"}]},
                {"id": 3, "subnet": "203.0.113.0/24", "pools": [{"pool": "203.0.113.10 - 203.0.113.20"}]}
                """, "\"valid-lifetime\": 7200, ");
        List<Lease4> leases = List.of(
                lease("192.0.2.15", 1, NOW),            // still in a pool
                lease("192.0.2.45", 1, NOW),            // pool shrank under it
                lease("192.0.2.80", 1, NOW),            // outside the pools but reserved: covered
                lease("192.0.2.90", 1, NOW - 7200),     // outside, but expired: does not count
                lease("198.51.100.12", 2, NOW));        // subnet removed
        ObjectNode d = ConfigDiff4.diff(running, proposed, leases, NOW);

        assertThat(KeaJson.write(d.get("subnets-added"))).isEqualTo("[ { \"id\": 3, \"subnet\": \"203.0.113.0/24\" } ]");
        assertThat(KeaJson.write(d.get("subnets-removed"))).isEqualTo("[ { \"id\": 2, \"leases\": 1, \"subnet\": \"198.51.100.0/24\" } ]");
        assertThat(KeaJson.write(d.get("subnets-changed")))
                .isEqualTo("[ { \"changed\": [ \"pools\", \"reservations\" ], \"id\": 1, \"leases-outside-new-pools\": 1, \"subnet\": \"192.0.2.0/24\" } ]");
        assertThat(KeaJson.write(d.get("pools-shrunk"))).isEqualTo("[ { \"id\": 1, \"removed-addresses\": 50, "
                + "\"removed-ranges\": [ \"192.0.2.40 - 192.0.2.59\", \"192.0.2.70 - 192.0.2.99\" ], \"subnet\": \"192.0.2.0/24\" } ]");
        assertThat(KeaJson.write(d.get("global-changes"))).isEqualTo("[ \"valid-lifetime\" ]");
        assertThat(d.get("leases-outside-new-pools").asLong()).isEqualTo(2);
        assertThat(ConfigDiff4.summary(d)).isEqualTo("1 subnet(s) added, 1 removed, 1 changed, 1 with shrunk pools, "
                + "1 global parameter(s) changed; 2 current lease(s) outside the new pools");
    }

    @Test
    void identicalConfigsHaveNoDifference() throws Exception {
        Dhcp4Config a = config("{\"id\": 1, \"subnet\": \"192.0.2.0/24\", \"pools\": [{\"pool\": \"192.0.2.10 - 192.0.2.99\"}]}", "");
        ObjectNode d = ConfigDiff4.diff(a, a, List.of(lease("192.0.2.20", 1, NOW)), NOW);
        assertThat(KeaJson.write(d)).isEqualTo("{ \"global-changes\": [  ], \"leases-outside-new-pools\": 0, \"pools-shrunk\": [  ], "
                + "\"subnets-added\": [  ], \"subnets-changed\": [  ], \"subnets-removed\": [  ] }");
    }

    @Test
    void inheritedChangesAreVisibleOnTheSubnet() throws Exception {
        String s = "{\"id\": 1, \"subnet\": \"192.0.2.0/24\"}";
        ObjectNode d = ConfigDiff4.diff(config(s, "\"valid-lifetime\": 100, "), config(s, "\"valid-lifetime\": 200, "), List.of(), NOW);
        assertThat(d.get("subnets-changed").get(0).get("changed").get(0).asText()).isEqualTo("inherited-parameters");
    }

    @Test
    void checkWriteFileKeepsConfigWriteInTheConfigDirectory() {
        java.nio.file.Path cfg = java.nio.file.Path.of("/etc/nestor/dhcp4.json");
        assertThat(dev.nestor.dhcp.commands.ConfigCommands.checkWriteFile("backup.json", cfg)).isEqualTo(java.nio.file.Path.of("/etc/nestor/backup.json"));
        assertThat(dev.nestor.dhcp.commands.ConfigCommands.checkWriteFile("/etc/nestor/b.json", cfg)).isEqualTo(java.nio.file.Path.of("/etc/nestor/b.json"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dev.nestor.dhcp.commands.ConfigCommands.checkWriteFile("/tmp/b.json", cfg))
                .hasMessage("file /tmp/b.json must be in the same directory as the config file (/etc/nestor/dhcp4.json)");
    }
}
