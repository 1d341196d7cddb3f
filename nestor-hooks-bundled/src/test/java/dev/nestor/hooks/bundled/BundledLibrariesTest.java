package dev.nestor.hooks.bundled;

import static dev.nestor.hooks.bundled.Packets.ENVELOPE;
import static dev.nestor.hooks.bundled.Packets.MAC;
import static dev.nestor.hooks.bundled.Packets.query;
import static dev.nestor.hooks.bundled.Packets.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.codec.v4.MessageType4;
import dev.nestor.codec.option.Options;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.Ipv4;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.NextStep;
import dev.nestor.hooks.runtime.BuiltinLibraries;
import dev.nestor.hooks.runtime.HookLoadException;
import dev.nestor.hooks.v4.Host4Identifier;
import dev.nestor.hooks.v4.Lease4Select;
import dev.nestor.hooks.v4.Pkt4Receive;
import dev.nestor.hooks.v4.Pkt4Send;
import dev.nestor.hooks.v4.Subnet4Select;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** flex_id, flex_option, bootp and limits through the hook runtime, loaded by Kea's file names. */
class BundledLibrariesTest {
    @Test
    void everyKeaNameIsBundled() {
        assertThat(BuiltinLibraries.standard().bundledNames()).containsExactlyInAnyOrder("libdhcp_flex_id.so",
                "libdhcp_flex_option.so", "libdhcp_run_script.so", "libdhcp_legal_log.so", "libdhcp_limits.so",
                "libdhcp_bootp.so", "libdhcp_ping_check.so");
    }

    @Test
    void flexIdComputesTheIdentifierFromTheExpression() throws Exception {
        try (Loaded l = new Loaded("libdhcp_flex_id.so", "{\"identifier-expression\": \"substring(option[host-name].hex,0,6)\"}", null, null)) {
            Dhcp4Packet q = query(MessageType4.DISCOVER, MAC).withOption(12, Bytes.of("printer-7".getBytes(StandardCharsets.US_ASCII)));
            Host4Identifier e = l.hooks().fire(HookPoint.HOST4_IDENTIFIER, new Host4Identifier(q, null)).event();
            assertThat(new String(e.identifier().toArray(), StandardCharsets.US_ASCII)).isEqualTo("printe");
            // no host name: no identifier
            assertThat(l.hooks().fire(HookPoint.HOST4_IDENTIFIER, new Host4Identifier(query(MessageType4.DISCOVER, MAC), null))
                    .event().identifier().isEmpty()).isTrue();
        }
        assertThatThrownBy(() -> new Loaded("libdhcp_flex_id.so", "{}", null, null))
                .isInstanceOf(HookLoadException.class).hasMessageContaining("'identifier-expression' parameter is mandatory");
        assertThatThrownBy(() -> new Loaded("libdhcp_flex_id.so", "{\"identifier-expression\": \"option[nosuch].hex\"}", null, null))
                .hasMessageContaining("identifier-expression 'option[nosuch].hex'");
    }

    @Test
    void flexIdReplacesTheClientIdAndGivesItBackInTheResponse() throws Exception {
        try (Loaded l = new Loaded("libdhcp_flex_id.so",
                "{\"identifier-expression\": \"'abc'\", \"replace-client-id\": true}", null, null)) {
            Dhcp4Packet q = query(MessageType4.DISCOVER, MAC).withOption(61, Bytes.fromHex("0102"));
            Dhcp4Packet seen = l.hooks().fire(HookPoint.PKT4_RECEIVE, new Pkt4Receive(ENVELOPE, q, Set.of())).event().query();
            assertThat(seen.clientId()).contains(Bytes.fromHex("00616263"));
            Dhcp4Packet offer = reply(seen, MessageType4.OFFER).withOption(61, seen.clientId().orElseThrow());
            Pkt4Send sent = l.hooks().fire(HookPoint.PKT4_SEND, new Pkt4Send(seen, offer, null, null)).event();
            assertThat(sent.response().clientId()).contains(Bytes.fromHex("0102"));
        }
    }

    @Test
    void flexOptionAddsSupersedesAndRemovesByExpression() throws Exception {
        String params = """
                {"options": [
                  {"code": 67, "add": "ifelse(option[host-name].exists, concat(option[host-name].text, '.boot'), '')"},
                  {"name": "domain-name-servers", "supersede": "'192.0.2.53, 192.0.2.54'", "csv-format": true},
                  {"code": 15, "remove": "pkt4.mac == 0x020000000001"},
                  {"code": 66, "add": "'tftp.example'", "client-class": "pxe"} ]}""";
        try (Loaded l = new Loaded("libdhcp_flex_option.so", params, null, null)) {
            Dhcp4Packet q = query(MessageType4.REQUEST, MAC).withOption(12, Bytes.of("node1".getBytes(StandardCharsets.US_ASCII)));
            Dhcp4Packet ack = reply(q, MessageType4.ACK).withOption(15, Bytes.of("example.org".getBytes(StandardCharsets.US_ASCII)))
                    .withOption(6, Bytes.of(Ipv4.toBytes(Ipv4.parse("198.51.100.1"))));
            Dhcp4Packet out = l.hooks().fire(HookPoint.PKT4_SEND, new Pkt4Send(q, ack, null, null, Set.of("ALL"))).event().response();
            assertThat(new String(out.option(67).orElseThrow().toArray(), StandardCharsets.US_ASCII)).isEqualTo("node1.boot");
            assertThat(out.option(6).orElseThrow()).isEqualTo(Bytes.fromHex("c0000235c0000236"));
            assertThat(out.hasOption(15)).as("removed").isFalse();
            assertThat(out.hasOption(66)).as("not in class pxe").isFalse();
            Dhcp4Packet pxe = l.hooks().fire(HookPoint.PKT4_SEND, new Pkt4Send(q, ack, null, null, Set.of("pxe"))).event().response();
            assertThat(pxe.option(66)).contains(Bytes.of("tftp.example".getBytes(StandardCharsets.US_ASCII)));
        }
        assertThatThrownBy(() -> new Loaded("libdhcp_flex_option.so", "{\"options\": [{\"code\": 67}]}", null, null))
                .hasMessageContaining("no action");
    }

    @Test
    void bootpTurnsTheQueryIntoARequestAndAnswersWithAPlainBootReply() throws Exception {
        try (Loaded l = new Loaded("libdhcp_bootp.so", null, null, null)) {
            Dhcp4Packet bootp = query(MessageType4.DISCOVER, MAC).withOptions(Options.empty());
            Pkt4Receive r = l.hooks().fire(HookPoint.PKT4_RECEIVE, new Pkt4Receive(ENVELOPE, bootp, Set.of("ALL", "BOOTP"))).event();
            assertThat(r.query().messageType()).isEqualTo(MessageType4.REQUEST);
            assertThat(r.classes()).contains("BOOTP");
            Dhcp4Packet ack = reply(r.query(), MessageType4.ACK).withOption(54, Bytes.fromHex("c0000201"))
                    .withOption(51, Bytes.fromHex("ffffffff")).withOption(1, Bytes.fromHex("ffffff00"));
            Dhcp4Packet out = l.hooks().fire(HookPoint.PKT4_SEND, new Pkt4Send(r.query(), ack, null, null, r.classes())).event().response();
            assertThat(out.messageType()).isNull();
            assertThat(out.options().codes()).containsExactly(1);
            // a DHCP client is left alone
            Dhcp4Packet dhcp = query(MessageType4.DISCOVER, MAC);
            assertThat(l.hooks().fire(HookPoint.PKT4_RECEIVE, new Pkt4Receive(ENVELOPE, dhcp, Set.of("ALL"))).event().query()).isEqualTo(dhcp);
        }
    }

    @Test
    void limitsDropsTheClassOverItsRateAndSkipsLeasesOverTheAddressLimit() throws Exception {
        String config = """
                {"client-classes": [ {"name": "slow", "user-context": {"limits": {"rate-limit": "2 packets per minute"}}},
                                     {"name": "few", "user-context": {"limits": {"address-limit": 1}}} ],
                 "subnet4": [ {"id": 1, "subnet": "192.0.2.0/24", "user-context": {"limits": {"rate-limit": "1 packet per hour"}}} ]}""";
        try (Loaded l = new Loaded("libdhcp_limits.so", null, config, null)) {
            Dhcp4Packet q = query(MessageType4.DISCOVER, MAC);
            List<NextStep> steps = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) steps.add(l.hooks().fire(HookPoint.PKT4_RECEIVE, new Pkt4Receive(ENVELOPE, q, Set.of("ALL", "slow"))).step());
            assertThat(steps).containsExactly(NextStep.CONTINUE, NextStep.CONTINUE, NextStep.DROP);
            assertThat(l.hooks().fire(HookPoint.PKT4_RECEIVE, new Pkt4Receive(ENVELOPE, q, Set.of("ALL"))).step()).isEqualTo(NextStep.CONTINUE);

            Subnet4Select sel = new Subnet4Select(ENVELOPE, q, Set.of(), Packets.SUBNET, List.of(Packets.SUBNET));
            assertThat(l.hooks().fire(HookPoint.SUBNET4_SELECT, sel).step()).isEqualTo(NextStep.CONTINUE);
            assertThat(l.hooks().fire(HookPoint.SUBNET4_SELECT, sel).step()).isEqualTo(NextStep.DROP);

            // address-limit 1 for class "few": the first REQUEST gets its lease (tagged with its classes), the second none
            Dhcp4Packet a = query(MessageType4.REQUEST, "02:00:00:00:00:0a"), b = query(MessageType4.REQUEST, "02:00:00:00:00:0b");
            l.hooks().fire(HookPoint.PKT4_RECEIVE, new Pkt4Receive(ENVELOPE, a, Set.of("ALL", "few")));
            l.hooks().fire(HookPoint.PKT4_RECEIVE, new Pkt4Receive(ENVELOPE, b, Set.of("ALL", "few")));
            var first = l.hooks().fire(HookPoint.LEASE4_SELECT, new Lease4Select(a, Packets.SUBNET, false, Packets.lease("192.0.2.10", "02:00:00:00:00:0a", 1)));
            assertThat(first.step()).isEqualTo(NextStep.CONTINUE);
            assertThat(first.event().lease().userContext()).contains("\"client-classes\"").contains("\"few\"");
            var second = l.hooks().fire(HookPoint.LEASE4_SELECT, new Lease4Select(b, Packets.SUBNET, false, Packets.lease("192.0.2.11", "02:00:00:00:00:0b", 1)));
            assertThat(second.step()).isEqualTo(NextStep.SKIP);
        }
        assertThatThrownBy(() -> new Loaded("libdhcp_limits.so", null,
                "{\"client-classes\": [{\"name\": \"x\", \"user-context\": {\"limits\": {\"rate-limit\": \"fast\"}}}]}", null))
                .hasMessageContaining("client class 'x': invalid rate-limit 'fast'");
    }
}
