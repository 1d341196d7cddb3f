package dev.nestor.hooks.bundled;

import static dev.nestor.hooks.bundled.Packets.ENVELOPE;
import static dev.nestor.hooks.bundled.Packets.MAC;
import static dev.nestor.hooks.bundled.Packets.query;
import static dev.nestor.hooks.bundled.Packets.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.codec.v4.MessageType4;
import dev.nestor.codec.v6.Dhcp6Message;
import dev.nestor.codec.v6.Dhcp6Packet;
import dev.nestor.codec.v6.Dhcp6RelayMessage;
import dev.nestor.codec.v6.MessageType6;
import dev.nestor.codec.v6.OptionList6;
import dev.nestor.codec.v6.RelayChain;
import dev.nestor.common.Bytes;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.v4.Pkt4Receive;
import dev.nestor.hooks.v4.Pkt4Send;
import dev.nestor.hooks.v6.Envelope6;
import dev.nestor.hooks.v6.Pkt6Receive;
import dev.nestor.hooks.v6.Pkt6Send;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** flex_option's sub-options, container-add/remove, source/destination and Kea's load-time checks. */
class FlexOptionTest {
    private static Bytes ascii(String s) { return Bytes.of(s.getBytes(StandardCharsets.US_ASCII)); }

    private static Dhcp4Packet send4(Loaded l, Dhcp4Packet q, Dhcp4Packet r, Set<String> classes) {
        return l.hooks().fire(HookPoint.PKT4_SEND, new Pkt4Send(q, r, null, null, classes)).event().response();
    }

    @Test
    void subOptionsAreAddedInsideTheContainerWhichIsCreatedWhenMissing() throws Exception {
        String params = """
                {"options": [{"code": 43, "sub-options": [
                   {"code": 1, "add": "'foobar'"},
                   {"code": 2, "supersede": "option[host-name].text"},
                   {"code": 3, "add": "'pxe'", "client-class": "pxe"} ]}]}""";
        try (Loaded l = new Loaded("libdhcp_flex_option.so", params, null, null)) {
            Dhcp4Packet q = query(MessageType4.REQUEST, MAC).withOption(12, ascii("node1"));
            Dhcp4Packet out = send4(l, q, reply(q, MessageType4.ACK), Set.of("ALL"));
            assertThat(out.option(43)).as("container created, sub-options in code order")
                    .contains(Bytes.fromHex("0106666f6f626172" + "02056e6f646531"));
            // an existing sub-option 1 stays (add), sub-option 2 is replaced (supersede), another one is kept
            Dhcp4Packet ack = reply(q, MessageType4.ACK).withOption(43, Bytes.fromHex("0101aa0201bb0901cc"));
            assertThat(send4(l, q, ack, Set.of("pxe")).option(43))
                    .contains(Bytes.fromHex("0101aa" + "02056e6f646531" + "0901cc" + "0303707865"));
        }
    }

    @Test
    void containerAddFalseOnlyEditsAnExistingContainer() throws Exception {
        String params = """
                {"options": [{"code": 43, "sub-options": [{"code": 1, "supersede": "'x'", "container-add": false}]}]}""";
        try (Loaded l = new Loaded("libdhcp_flex_option.so", params, null, null)) {
            Dhcp4Packet q = query(MessageType4.REQUEST, MAC);
            assertThat(send4(l, q, reply(q, MessageType4.ACK), Set.of()).hasOption(43)).isFalse();
            Dhcp4Packet ack = reply(q, MessageType4.ACK).withOption(43, Bytes.fromHex("0101aa"));
            assertThat(send4(l, q, ack, Set.of()).option(43)).contains(Bytes.fromHex("010178"));
        }
    }

    @Test
    void removingTheLastSubOptionRemovesTheContainerUnlessContainerRemoveIsFalse() throws Exception {
        String removeAll = """
                {"options": [{"code": 43, "sub-options": [{"code": 1, "remove": "'a' == 'a'"}]}]}""";
        String keep = """
                {"options": [{"code": 43, "sub-options": [{"code": 1, "remove": "'a' == 'a'", "container-remove": false}]}]}""";
        Dhcp4Packet q = query(MessageType4.REQUEST, MAC);
        Dhcp4Packet ack = reply(q, MessageType4.ACK).withOption(43, Bytes.fromHex("0101aa"));
        try (Loaded l = new Loaded("libdhcp_flex_option.so", removeAll, null, null)) {
            assertThat(send4(l, q, ack, Set.of()).hasOption(43)).isFalse();
            Dhcp4Packet two = reply(q, MessageType4.ACK).withOption(43, Bytes.fromHex("0101aa0201bb"));
            assertThat(send4(l, q, two, Set.of()).option(43)).as("not empty: kept").contains(Bytes.fromHex("0201bb"));
        }
        try (Loaded l = new Loaded("libdhcp_flex_option.so", keep, null, null)) {
            assertThat(send4(l, q, ack, Set.of()).option(43)).contains(Bytes.EMPTY);
        }
    }

    @Test
    void vendorSubOptionsGoInTheirEnterpriseBlockOfOption125() throws Exception {
        String params = """
                {"options": [{"code": 125, "sub-options": [
                   {"code": 2, "space": "vendor-4491", "add": "'cfg.bin'"},
                   {"code": 5, "space": "vendor-4491", "remove": "'a' == 'a'"} ]}]}""";
        try (Loaded l = new Loaded("libdhcp_flex_option.so", params, null, null)) {
            Dhcp4Packet q = query(MessageType4.REQUEST, MAC);
            // 4491 = 0x118b: block with sub-option 2 "cfg.bin"
            assertThat(send4(l, q, reply(q, MessageType4.ACK), Set.of()).option(125))
                    .contains(Bytes.fromHex("0000118b" + "09" + "0207636667 2e62696e".replace(" ", "")));
            // another enterprise's option 125 is left alone (Kea: vendor id mismatch)
            Dhcp4Packet other = reply(q, MessageType4.ACK).withOption(125, Bytes.fromHex("000000090305010178"));
            assertThat(send4(l, q, other, Set.of()).option(125)).contains(Bytes.fromHex("000000090305010178"));
            Dhcp4Packet mine = reply(q, MessageType4.ACK).withOption(125, Bytes.fromHex("0000118b030501ff"));
            assertThat(send4(l, q, mine, Set.of()).option(125)).as("2 added, then 5 removed")
                    .contains(Bytes.fromHex("0000118b09" + "0207636667 2e62696e".replace(" ", "")));
        }
    }

    @Test
    void sourceResponseReadsTheReplyAndDestinationQueryChangesTheQuery() throws Exception {
        String params = """
                {"options": [
                  {"code": 15, "supersede": "concat(option[host-name].text, '.example.org')", "source": "response"},
                  {"code": 12, "remove": "option[host-name].text == 'secret'", "destination": "query"} ]}""";
        try (Loaded l = new Loaded("libdhcp_flex_option.so", params, null, null)) {
            Dhcp4Packet q = query(MessageType4.REQUEST, MAC).withOption(12, ascii("secret"));
            Dhcp4Packet seen = l.hooks().fire(HookPoint.PKT4_RECEIVE, new Pkt4Receive(ENVELOPE, q, Set.of())).event().query();
            assertThat(seen.hasOption(12)).as("removed from the query before processing").isFalse();
            Dhcp4Packet ack = reply(seen, MessageType4.ACK).withOption(12, ascii("box"));
            assertThat(send4(l, seen, ack, Set.of()).option(15)).contains(ascii("box.example.org"));
        }
        assertThatThrownBy(() -> new Loaded("libdhcp_flex_option.so",
                "{\"options\": [{\"code\": 12, \"add\": \"'a'\", \"source\": \"response\", \"destination\": \"query\"}]}", null, null))
                .hasMessageContaining("destination 'query' requires source 'query'");
    }

    @Test
    void entriesApplyByOptionCodeAsInKea() throws Exception {
        // Kea keeps the entries in a map by code: 66 runs before 67 whatever the list order
        String params = """
                {"options": [
                  {"code": 67, "add": "'late'"},
                  {"code": 66, "supersede": "'first'"},
                  {"code": 66, "supersede": "'second'"} ]}""";
        try (Loaded l = new Loaded("libdhcp_flex_option.so", params, null, null)) {
            Dhcp4Packet q = query(MessageType4.REQUEST, MAC);
            Dhcp4Packet out = send4(l, q, reply(q, MessageType4.ACK), Set.of());
            assertThat(out.option(66)).as("entries of one code in config order").contains(ascii("second"));
            assertThat(out.options().codes()).containsSubsequence(66, 67);
        }
    }

    @Test
    void malformedEntriesAreRefusedAtLoad() {
        assertThatThrownBy(() -> new Loaded("libdhcp_flex_option.so",
                "{\"options\": [{\"code\": 43, \"add\": \"'x'\", \"sub-options\": [{\"code\": 1, \"add\": \"'y'\"}]}]}", null, null))
                .hasMessageContaining("'sub-options' and 'add' are incompatible in the same entry");
        assertThatThrownBy(() -> new Loaded("libdhcp_flex_option.so",
                "{\"options\": [{\"code\": 43, \"sub-options\": [{\"code\": 1, \"add\": \"'y'\"}]},"
                        + " {\"code\": 43, \"sub-options\": [{\"code\": 1, \"remove\": \"'a' == 'a'\"}]}]}", null, null))
                .hasMessageContaining("sub-option 1 of option 43 was already specified");
        assertThatThrownBy(() -> new Loaded("libdhcp_flex_option.so", "{\"options\": [{\"code\": 67, \"ad\": \"'x'\"}]}", null, null))
                .hasMessageContaining("unknown parameter 'ad'");
        assertThatThrownBy(() -> new Loaded("libdhcp_flex_option.so",
                "{\"options\": [{\"code\": 12, \"sub-options\": [{\"code\": 1, \"add\": \"'y'\"}]}]}", null, null))
                .hasMessageContaining("container does not encapsulate a space");
        assertThatThrownBy(() -> new Loaded("libdhcp_flex_option.so", "{\"options\": [{\"code\": 255, \"add\": \"'x'\"}]}", null, null))
                .hasMessageContaining("reserved for END");
    }

    @Test
    void dhcp6VendorOptsSubOptionsInARelayedReply() throws Exception {
        String params = """
                {"options": [
                  {"code": 17, "sub-options": [{"code": 33, "space": "vendor-4491", "add": "'cfg6'"}]},
                  {"name": "dns-servers", "supersede": "'2001:db8::53'", "csv-format": true} ]}""";
        Bytes link = Bytes.fromHex("20010db8000100000000000000000001");
        Bytes peer = Bytes.fromHex("fe800000000000000000000000000002");
        try (Loaded l = new Loaded("libdhcp_flex_option.so", params, null, null, HookPoint.Family.DHCP6)) {
            Dhcp6Message solicit = Dhcp6Message.of(MessageType6.SOLICIT, 0x10203);
            Dhcp6Packet q = Dhcp6RelayMessage.forward(0, link, peer, OptionList6.empty(), solicit);
            Dhcp6Packet r = Dhcp6RelayMessage.reply(0, link, peer, OptionList6.empty(), Dhcp6Message.of(MessageType6.ADVERTISE, 0x10203));
            Dhcp6Packet out = l.hooks().fire(HookPoint.PKT6_SEND, new Pkt6Send(q, r, null, null, Set.of())).event().response();
            Dhcp6Message client = RelayChain.unwrap(out).client();
            // enterprise 4491, sub-option 33 (2-byte code and length) "cfg6"
            assertThat(client.option(17)).contains(Bytes.fromHex("0000118b" + "00210004" + "63666736"));
            assertThat(client.option(23)).contains(Bytes.fromHex("20010db8000000000000000000000053"));
            // destination query works on the client message of a relayed query too
            Envelope6 env = new Envelope6("eth0", 2, peer, 547, link);
            assertThat(l.hooks().fire(HookPoint.PKT6_RECEIVE, new Pkt6Receive(env, q, Set.of())).event().query()).isEqualTo(q);
        }
    }
}
