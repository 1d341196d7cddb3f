package dev.nestor.hooks.bundled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestor.codec.v6.Dhcp6Message;
import dev.nestor.codec.v6.Dhcp6Packet;
import dev.nestor.codec.v6.Dhcp6RelayMessage;
import dev.nestor.codec.v6.IaNa;
import dev.nestor.codec.v6.IaPd;
import dev.nestor.codec.v6.MessageType6;
import dev.nestor.codec.v6.OptionCodes6;
import dev.nestor.codec.v6.OptionList6;
import dev.nestor.codec.v6.RelayChain;
import dev.nestor.common.Bytes;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.runtime.HookLoadException;
import dev.nestor.hooks.v6.Envelope6;
import dev.nestor.hooks.v6.Host6Identifier;
import dev.nestor.hooks.v6.Pkt6Receive;
import dev.nestor.hooks.v6.Pkt6Send;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** flex_id in the DHCPv6 server: host6_identifier, replace-client-id (DUID 0x0000 + flex-id) and ignore-iaid. */
class FlexId6Test {
    static final Bytes DUID = Bytes.fromHex("00030001020000000007");
    static final Bytes LINK = Bytes.fromHex("20010db8000100000000000000000001");
    static final Bytes PEER = Bytes.fromHex("fe800000000000000000000000000002");
    static final Envelope6 ENV = new Envelope6("eth0", 2, PEER, 547, LINK);

    static Dhcp6Message solicit(int xid) {
        return Dhcp6Message.of(MessageType6.SOLICIT, xid).withOption(OptionCodes6.CLIENTID, DUID)
                .plusOption(IaNa.of(0x77, 0, 0)).plusOption(IaPd.of(0x88, 0, 0));
    }

    static Dhcp6Packet relayed(Dhcp6Message m) {
        return Dhcp6RelayMessage.forward(0, LINK, PEER, OptionList6.empty().plus(OptionCodes6.INTERFACE_ID, ascii("port1234-xyz")), m);
    }

    static Bytes ascii(String s) { return Bytes.of(s.getBytes(StandardCharsets.US_ASCII)); }

    @Test
    void host6IdentifierIsTheExpressionsValueOnTheRelayedQuery() throws Exception {
        try (Loaded l = new Loaded("libdhcp_flex_id.so", "{\"identifier-expression\": \"substring(relay6[0].option[18].hex,0,8)\"}",
                null, null, HookPoint.Family.DHCP6)) {
            Host6Identifier e = l.hooks().fire(HookPoint.HOST6_IDENTIFIER, new Host6Identifier(relayed(solicit(1)))).event();
            assertThat(e.type()).isEqualTo(Host6Identifier.IdentifierType.FLEX_ID);
            assertThat(e.identifier()).isEqualTo(ascii("port1234"));
            // not relayed: the expression is empty, so no identifier
            assertThat(l.hooks().fire(HookPoint.HOST6_IDENTIFIER, new Host6Identifier(solicit(2))).event().identifier().isEmpty()).isTrue();
            // without replace-client-id or ignore-iaid the query is left alone
            Dhcp6Packet q = relayed(solicit(3));
            assertThat(l.hooks().fire(HookPoint.PKT6_RECEIVE, new Pkt6Receive(ENV, q, Set.of())).event().query()).isEqualTo(q);
        }
    }

    @Test
    void replaceClientIdSwapsTheDuidAndGivesTheClientsOwnBack() throws Exception {
        try (Loaded l = new Loaded("libdhcp_flex_id.so",
                "{\"identifier-expression\": \"substring(option[1].hex,4,6)\", \"replace-client-id\": true}", null, null, HookPoint.Family.DHCP6)) {
            Dhcp6Packet q = relayed(solicit(0x1234));
            Dhcp6Packet seen = l.hooks().fire(HookPoint.PKT6_RECEIVE, new Pkt6Receive(ENV, q, Set.of())).event().query();
            Dhcp6Message client = RelayChain.unwrap(seen).client();
            // two zero bytes, then the flex-id (bytes 4..9 of the client's DUID)
            assertThat(client.clientId()).contains(Bytes.fromHex("0000020000000007"));
            assertThat(RelayChain.unwrap(seen).innermost().orElseThrow().interfaceId()).contains(ascii("port1234-xyz"));
            // host6_identifier sees the changed query but answers the flex-id computed from the client's own DUID
            assertThat(l.hooks().fire(HookPoint.HOST6_IDENTIFIER, new Host6Identifier(seen)).event().identifier())
                    .isEqualTo(Bytes.fromHex("020000000007"));

            Dhcp6Message reply = Dhcp6Message.replyTo(client, MessageType6.ADVERTISE).withOption(OptionCodes6.CLIENTID, client.clientId().orElseThrow());
            Pkt6Send sent = l.hooks().fire(HookPoint.PKT6_SEND, new Pkt6Send(seen, reply, null, null, Set.of())).event();
            assertThat(((Dhcp6Message) sent.response()).clientId()).contains(DUID);
        }
    }

    @Test
    void ignoreIaidZeroesTheOnlyIaAndRestoresItInTheResponse() throws Exception {
        try (Loaded l = new Loaded("libdhcp_flex_id.so", "{\"ignore-iaid\": true}", null, null, HookPoint.Family.DHCP6)) {
            Dhcp6Message q = solicit(9);
            Dhcp6Message seen = (Dhcp6Message) l.hooks().fire(HookPoint.PKT6_RECEIVE, new Pkt6Receive(ENV, q, Set.of())).event().query();
            assertThat(seen.iaNa()).singleElement().extracting(IaNa::iaid).isEqualTo(0L);
            assertThat(seen.iaPd()).singleElement().extracting(IaPd::iaid).isEqualTo(0L);
            assertThat(seen.clientId()).contains(DUID);

            Dhcp6Message reply = Dhcp6Message.replyTo(seen, MessageType6.ADVERTISE).plusOption(IaNa.of(0, 100, 200)).plusOption(IaPd.of(0, 100, 200));
            Dhcp6Message out = (Dhcp6Message) l.hooks().fire(HookPoint.PKT6_SEND, new Pkt6Send(seen, reply, null, null, Set.of())).event().response();
            assertThat(out.iaNa()).singleElement().satisfies(ia -> {
                assertThat(ia.iaid()).isEqualTo(0x77L);
                assertThat(ia.t1()).isEqualTo(100L);
            });
            assertThat(out.iaPd()).singleElement().extracting(IaPd::iaid).isEqualTo(0x88L);

            // two IA_NAs: their IAIDs stay (lease conflicts otherwise), the only IA_PD is still zeroed
            Dhcp6Message two = solicit(10).plusOption(IaNa.of(0x99, 0, 0));
            Dhcp6Message seen2 = (Dhcp6Message) l.hooks().fire(HookPoint.PKT6_RECEIVE, new Pkt6Receive(ENV, two, Set.of())).event().query();
            assertThat(seen2.iaNa()).extracting(IaNa::iaid).containsExactly(0x77L, 0x99L);
            assertThat(seen2.iaPd()).extracting(IaPd::iaid).containsExactly(0L);
        }
        // only a DHCPv6 server may leave the expression out (with ignore-iaid)
        assertThatThrownBy(() -> new Loaded("libdhcp_flex_id.so", "{\"ignore-iaid\": true}", null, null))
                .isInstanceOf(HookLoadException.class).hasMessageContaining("'identifier-expression' parameter is mandatory");
    }
}
