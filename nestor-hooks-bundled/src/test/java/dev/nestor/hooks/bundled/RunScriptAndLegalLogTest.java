package dev.nestor.hooks.bundled;

import static dev.nestor.hooks.bundled.Packets.MAC;
import static dev.nestor.hooks.bundled.Packets.query;
import static dev.nestor.hooks.bundled.Packets.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.codec.v4.MessageType4;
import dev.nestor.common.Bytes;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.ParkingLot;
import dev.nestor.hooks.v4.Lease4Release;
import dev.nestor.hooks.v4.Leases4Committed;
import dev.nestor.hooks.v4.Pkt4Receive;
import dev.nestor.lease.Lease4;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run_script's environment and legal_log's lines, with Kea's names and texts. */
class RunScriptAndLegalLogTest {
    @TempDir Path dir;

    @Test
    void theScriptGetsTheHookPointAndKeasVariables() throws Exception {
        Path out = dir.resolve("env.txt");
        Path script = dir.resolve("hook.sh");
        Files.writeString(script, "#!/bin/sh\n{ echo \"ARG=$1\"; /usr/bin/env | /usr/bin/sort; echo END; } >> " + out + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (Loaded l = new Loaded("libdhcp_run_script.so", "{\"name\": \"" + script + "\", \"sync\": false}", null, null)) {
            Dhcp4Packet q = query(MessageType4.REQUEST, MAC).withGiaddr(dev.nestor.common.net.Ipv4.parse("192.0.2.254"))
                    .withOption(82, Bytes.fromHex("0103616263"));
            l.hooks().fire(HookPoint.PKT4_RECEIVE, new Pkt4Receive(Packets.ENVELOPE, q, Set.of()));
            Lease4 lease = Packets.lease("192.0.2.100", MAC, 1_800_000_000L).withHostname("host1");
            l.hooks().fire(HookPoint.LEASES4_COMMITTED, new Leases4Committed(q, reply(q, MessageType4.ACK), List.of(lease), List.of(), ParkingLot.none()));
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(out) && Files.readString(out).contains("END"));
        }
        String env = Files.readString(out);
        assertThat(env).contains("ARG=leases4_committed", "QUERY4_TYPE=DHCPREQUEST", "QUERY4_TXID=4660",
                "QUERY4_IFACE_NAME=eth0", "QUERY4_GIADDR=192.0.2.254", "QUERY4_RELAYED=true", "QUERY4_HWADDR=02:00:00:00:00:01",
                "QUERY4_HWADDR_TYPE=1", "QUERY4_OPTION_82=0x0103616263", "QUERY4_OPTION_82_SUB_OPTION_1=0x616263",
                "LEASES4_SIZE=1", "DELETED_LEASES4_SIZE=0", "LEASES4_AT0_ADDRESS=192.0.2.100", "LEASES4_AT0_CLTT=1800000000",
                "LEASES4_AT0_HOSTNAME=host1", "LEASES4_AT0_HWADDR=02:00:00:00:00:01", "LEASES4_AT0_STATE=default",
                "LEASES4_AT0_SUBNET_ID=1", "LEASES4_AT0_VALID_LIFETIME=600", "LEASES4_AT0_CLIENT_ID=");
        assertThat(env).as("only Kea's variables: nothing inherited").doesNotContain("PATH=", "HOME=");

        assertThatThrownBy(() -> new Loaded("libdhcp_run_script.so", "{}", null, null)).hasMessageContaining("The 'name' parameter is mandatory");
        assertThatThrownBy(() -> new Loaded("libdhcp_run_script.so", "{\"name\": \"/nonexistent/x.sh\"}", null, null))
                .hasMessageContaining("is not an executable file");
    }

    @Test
    void legalLogWritesKeasLinesToTheDaysFile() throws Exception {
        String params = "{\"path\": \"" + dir + "\", \"base-name\": \"kea-forensic4\"}";
        String config = "{\"subnet4\": [{\"id\": 1, \"subnet\": \"192.0.2.0/24\"}, {\"id\": 2, \"subnet\": \"198.51.100.0/24\", \"user-context\": {\"legal-logging\": false}}]}";
        try (Loaded l = new Loaded("libdhcp_legal_log.so", params, config, null)) {
            Dhcp4Packet q = query(MessageType4.REQUEST, MAC).withOption(61, Bytes.fromHex("0161626364"));
            Lease4 lease = Lease4.of(dev.nestor.common.net.Ipv4.parse("192.0.2.100"), dev.nestor.common.net.HwAddress.parse(MAC),
                    Bytes.fromHex("6162"), 6735, 1_800_000_000L, 1);
            Dhcp4Packet ack = reply(q, MessageType4.ACK);
            l.hooks().fire(HookPoint.LEASES4_COMMITTED, new Leases4Committed(q, ack, List.of(lease), List.of(), ParkingLot.none()));
            // as Kea: the entry is written when the response goes out
            l.hooks().fire(HookPoint.PKT4_SEND, new dev.nestor.hooks.v4.Pkt4Send(q, ack, null, null));
            l.hooks().fire(HookPoint.LEASE4_RELEASE, new Lease4Release(q, lease));
            l.hooks().fire(HookPoint.LEASE4_RELEASE, new Lease4Release(q, lease.withSubnetId(2)));
        }
        Path file;
        try (Stream<Path> s = Files.list(dir)) {
            file = s.filter(p -> p.getFileName().toString().matches("kea-forensic4\\.\\d{8}\\.txt")).findFirst().orElseThrow();
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} \\S+ Address: 192\\.0\\.2\\.100 has been assigned for "
                + "1 hrs 52 mins 15 secs to a device with hardware address: hwtype=1 02:00:00:00:00:01, client-id: 61:62 \\(ab\\)");
        assertThat(lines.get(1)).endsWith("Address: 192.0.2.100 has been released from a device with hardware address: "
                + "hwtype=1 02:00:00:00:00:01, client-id: 61:62 (ab)");
    }
}
