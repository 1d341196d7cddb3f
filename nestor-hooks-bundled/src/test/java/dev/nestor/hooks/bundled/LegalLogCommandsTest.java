package dev.nestor.hooks.bundled;

import static dev.nestor.hooks.bundled.Packets.MAC;
import static dev.nestor.hooks.bundled.Packets.query;
import static dev.nestor.hooks.bundled.Packets.reply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.codec.v4.MessageType4;
import dev.nestor.codec.v6.Dhcp6Message;
import dev.nestor.codec.v6.MessageType6;
import dev.nestor.common.Bytes;
import dev.nestor.hooks.CommandProcessed;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.ParkingLot;
import dev.nestor.hooks.v4.Leases4Committed;
import dev.nestor.hooks.v4.Pkt4Send;
import dev.nestor.hooks.v6.Lease6Release;
import dev.nestor.hooks.v6.Pkt6Send;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.Lease6;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** legal_log's entries for lease commands (command_processed), and entries written when the response goes out. */
class LegalLogCommandsTest {
    @TempDir
    Path dir;

    private static final String CONFIG4 = "{\"subnet4\": [{\"id\": 1, \"subnet\": \"192.0.2.0/24\"},"
            + " {\"id\": 2, \"subnet\": \"198.51.100.0/24\", \"user-context\": {\"legal-logging\": false}}]}";

    private List<String> lines(String base) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            Path f = s.filter(p -> p.getFileName().toString().matches(base + "\\.\\d{8}\\.txt")).findFirst().orElseThrow();
            // drop the timestamp: "2026-01-01 10:00:00 UTC "
            return Files.readAllLines(f).stream().map(l -> l.replaceFirst("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} \\S+ ", "")).toList();
        }
    }

    private static CommandProcessed command(String name, String args, String response) throws Exception {
        return new CommandProcessed(name, Loaded.JSON.readTree(args), Loaded.JSON.readTree(response));
    }

    @Test
    void lease4CommandsGetKeasAdministratorLines() throws Exception {
        String params = "{\"path\": \"" + dir + "\", \"base-name\": \"cmd4\"}";
        try (Loaded l = new Loaded("libdhcp_legal_log.so", params, CONFIG4, null)) {
            String ok = "{\"result\": 0, \"text\": \"ok\"}";
            l.hooks().fire(HookPoint.COMMAND_PROCESSED, command("lease4-add", """
                    {"ip-address": "192.0.2.202", "hw-address": "1a:1b:1c:1d:1e:1f", "client-id": "61:62:63", "valid-lft": 86400,
                     "subnet-id": 1, "user-context": {"b": [1, 2], "a": "x"}, "comment": "desk"}""", ok));
            l.hooks().fire(HookPoint.COMMAND_PROCESSED, command("lease4-update", """
                    {"ip-address": "192.0.2.202", "hw-address": "1a:1b:1c:1d:1e:1f", "origin": "ha-partner"}""", ok));
            l.hooks().fire(HookPoint.COMMAND_PROCESSED, command("lease4-del", "{\"ip-address\": \"192.0.2.202\"}", ok));
            l.hooks().fire(HookPoint.COMMAND_PROCESSED, command("lease4-del",
                    "{\"identifier-type\": \"hw-address\", \"identifier\": \"1a:1b:1c:1d:1e:1f\", \"subnet-id\": 1}", ok));
            // not logged: failed, silent subnet, other commands
            l.hooks().fire(HookPoint.COMMAND_PROCESSED, command("lease4-add", "{\"ip-address\": \"192.0.2.9\", \"hw-address\": \"1a:1b:1c:1d:1e:1f\"}",
                    "{\"result\": 1, \"text\": \"exists\"}"));
            l.hooks().fire(HookPoint.COMMAND_PROCESSED, command("lease4-add",
                    "{\"ip-address\": \"198.51.100.9\", \"hw-address\": \"1a:1b:1c:1d:1e:1f\", \"subnet-id\": 2}", ok));
            l.hooks().fire(HookPoint.COMMAND_PROCESSED, command("lease4-get", "{\"ip-address\": \"192.0.2.202\"}", ok));
        }
        assertThat(lines("cmd4")).containsExactly(
                "Administrator added a lease of address: 192.0.2.202 to a device with hardware address: 1a:1b:1c:1d:1e:1f,"
                        + " client-id: 61:62:63 (abc) for 1 days 0 hrs 0 mins 0 secs, context: { \"a\": \"x\", \"b\": [ 1, 2 ], \"comment\": \"desk\" }",
                "HA partner updated information on the lease of address: 192.0.2.202 to a device with hardware address: 1a:1b:1c:1d:1e:1f",
                "Administrator deleted the lease for address: 192.0.2.202",
                "Administrator deleted a lease for a device identified by: hw-address of 1a:1b:1c:1d:1e:1f");
    }

    @Test
    void lease6CommandsIncludingBulkApply() throws Exception {
        String params = "{\"path\": \"" + dir + "\", \"base-name\": \"cmd6\"}";
        try (Loaded l = new Loaded("libdhcp_legal_log.so", params, "{}", null, HookPoint.Family.DHCP6)) {
            l.hooks().fire(HookPoint.COMMAND_PROCESSED, command("lease6-add", """
                    {"ip-address": "2001:db8:8::", "prefix-len": 56, "type": "IA_PD", "duid": "01:02:03", "iaid": 7,
                     "hw-address": "1a:1b:1c:1d:1e:1f", "valid-lft": 3600}""", "{\"result\": 0}"));
            l.hooks().fire(HookPoint.COMMAND_PROCESSED, command("lease6-bulk-apply", """
                    {"deleted-leases": [{"ip-address": "2001:db8::1"}, {"ip-address": "2001:db8::2"}],
                     "leases": [{"ip-address": "2001:db8::3", "duid": "0a:0b", "iaid": 1}]}""",
                    "{\"result\": 0, \"arguments\": {\"failed-deleted-leases\": [{\"ip-address\": \"2001:db8::2\"}]}}"));
        }
        assertThat(lines("cmd6")).containsExactly(
                "Administrator added a lease of prefix: 2001:db8:8::/56 to a device with DUID: 01:02:03, hardware address: 1a:1b:1c:1d:1e:1f"
                        + " for 1 hrs 0 mins 0 secs",
                "Administrator deleted the lease for address: 2001:db8::1",
                "Administrator updated information on the lease of address: 2001:db8::3 to a device with DUID: 0a:0b");
    }

    @Test
    void leaseEntriesAreWrittenOnlyWhenTheResponseGoesOutAndUseTheFinalResponse() throws Exception {
        String params = "{\"path\": \"" + dir + "\", \"base-name\": \"fmt4\","
                + " \"request-parser-format\": \"concat('req:', option[12].text)\","
                + " \"response-parser-format\": \"concat(' resp:', option[15].text)\"}";
        try (Loaded l = new Loaded("libdhcp_legal_log.so", params, CONFIG4, null)) {
            Dhcp4Packet q = query(MessageType4.REQUEST, MAC).withOption(12, Bytes.of("node1".getBytes()));
            Lease4 lease = Packets.lease("192.0.2.100", MAC, 1_800_000_000L);
            Dhcp4Packet ack = reply(q, MessageType4.ACK);
            l.hooks().fire(HookPoint.LEASES4_COMMITTED, new Leases4Committed(q, ack, List.of(lease), List.of(), ParkingLot.none()));
            // another library changed the response before it went out: the entry sees the final one
            l.hooks().fire(HookPoint.PKT4_SEND, new Pkt4Send(q, ack.withOption(15, Bytes.of("final.example".getBytes())), null, null));
            // a second pkt4_send of the same query (nothing pending) writes nothing
            l.hooks().fire(HookPoint.PKT4_SEND, new Pkt4Send(q, ack, null, null));
        }
        assertThat(lines("fmt4")).containsExactly("req:node1 resp:final.example");
    }

    @Test
    void aDhcp6ReleaseIsLoggedWithItsReply() throws Exception {
        String params = "{\"path\": \"" + dir + "\", \"base-name\": \"rel6\"}";
        try (Loaded l = new Loaded("libdhcp_legal_log.so", params, "{}", null, HookPoint.Family.DHCP6)) {
            Dhcp6Message release = Dhcp6Message.of(MessageType6.RELEASE, 0x42);
            Lease6 lease = Lease6.na(Bytes.fromHex("20010db8000100000000000000000100"), Bytes.fromHex("000300010200000000aa"),
                    5, 300, 600, 1_800_000_000L, 1);
            l.hooks().fire(HookPoint.LEASE6_RELEASE, new Lease6Release(release, lease));
            assertThat(lines("rel6")).as("not yet: no reply sent").isEmpty();
            l.hooks().fire(HookPoint.PKT6_SEND, new Pkt6Send(release, Dhcp6Message.of(MessageType6.REPLY, 0x42), null, null));
        }
        assertThat(lines("rel6")).containsExactly("Address: 2001:db8:1::100 has been released from a device with DUID: 00:03:00:01:02:00:00:00:00:aa");
    }
}
