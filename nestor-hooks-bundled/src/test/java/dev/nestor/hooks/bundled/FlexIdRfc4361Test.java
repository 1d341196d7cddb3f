package dev.nestor.hooks.bundled;

import static dev.nestor.hooks.bundled.Packets.ENVELOPE;
import static dev.nestor.hooks.bundled.Packets.MAC;
import static dev.nestor.hooks.bundled.Packets.query;
import static dev.nestor.hooks.bundled.Packets.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.codec.v4.MessageType4;
import dev.nestor.common.Bytes;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.v4.Pkt4Receive;
import dev.nestor.hooks.v4.Pkt4Send;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** flex_id's cid-as-rfc4361-duid: the replacing client identifier is 0xFF, a zero IAID, then the flex-id. */
class FlexIdRfc4361Test {
    @Test
    void theReplacedClientIdIsAnRfc4361Duid() throws Exception {
        try (Loaded l = new Loaded("libdhcp_flex_id.so",
                "{\"identifier-expression\": \"pkt4.mac\", \"replace-client-id\": true, \"cid-as-rfc4361-duid\": true}", null, null)) {
            Dhcp4Packet q = query(MessageType4.DISCOVER, MAC).withOption(61, Bytes.fromHex("0102"));
            Dhcp4Packet seen = l.hooks().fire(HookPoint.PKT4_RECEIVE, new Pkt4Receive(ENVELOPE, q, Set.of())).event().query();
            assertThat(seen.clientId()).contains(Bytes.fromHex("ff00000000020000000001"));
            Dhcp4Packet offer = reply(seen, MessageType4.OFFER).withOption(61, seen.clientId().orElseThrow());
            assertThat(l.hooks().fire(HookPoint.PKT4_SEND, new Pkt4Send(seen, offer, null, null)).event().response().clientId())
                    .as("the client's own identifier goes back").contains(Bytes.fromHex("0102"));
        }
        assertThatThrownBy(() -> new Loaded("libdhcp_flex_id.so", "{\"identifier-expression\": \"pkt4.mac\", \"cid-as-rfc4361-duid\": 1}", null, null))
                .hasMessageContaining("'cid-as-rfc4361-duid' must be a boolean");
    }
}
