package dev.nestor.hooks.bundled;

import static dev.nestor.hooks.bundled.Packets.MAC;
import static dev.nestor.hooks.bundled.Packets.query;
import static dev.nestor.hooks.bundled.Packets.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.codec.v4.MessageType4;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.NextStep;
import dev.nestor.hooks.runtime.Outcome;
import dev.nestor.hooks.v4.Lease4Offer;
import dev.nestor.hooks.v4.LeaseService4;
import dev.nestor.lease.Lease4;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * ping_check parks the offer, pings the address (loopback answers; a documentation address without a route does
 * not), and declines the address that answered. Needs an ICMP socket: root, or ping sockets allowed.
 */
class PingCheckTest {
    final List<Lease4> declined = new CopyOnWriteArrayList<>();
    final LeaseService4 leases = new LeaseService4() {
        @Override public Optional<Lease4> get(int address) { return Optional.empty(); }
        @Override public List<Lease4> all() { return List.of(); }
        @Override public boolean declineByServer(Dhcp4Packet query, Lease4 lease) { return declined.add(lease); }
    };

    private Loaded load() throws Exception {
        try {
            return new Loaded("libdhcp_ping_check.so", "{\"min-ping-requests\": 2, \"reply-timeout\": 300}", null, leases);
        } catch (Exception e) {
            boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
            if (!ci && String.valueOf(e.getMessage()).contains("no ICMP socket")) Assumptions.abort("no ICMP socket here: " + e.getMessage());
            throw e;
        }
    }

    /** Fires lease4_offer with a parking place; {@return whether the offer was resumed (true) or dropped (false)} */
    private boolean offer(Loaded l, String address) {
        AtomicReference<Boolean> resumed = new AtomicReference<>();
        Dhcp4Packet q = query(MessageType4.DISCOVER, MAC);
        var lot = l.hooks().park(HookPoint.LEASE4_OFFER, () -> resumed.set(true), () -> resumed.set(false)).orElseThrow();
        Outcome<Lease4Offer> o = l.hooks().fire(HookPoint.LEASE4_OFFER,
                new Lease4Offer(q, reply(q, MessageType4.OFFER), List.of(Packets.lease(address, MAC, 0)), null, lot));
        assertThat(o.step()).isEqualTo(NextStep.PARK);
        await().atMost(Duration.ofSeconds(10)).until(() -> resumed.get() != null);
        return resumed.get();
    }

    @Test
    void anAddressThatAnswersIsDeclinedAndItsOfferDropped() throws Exception {
        try (Loaded l = load()) {
            assertThat(offer(l, "127.0.0.1")).as("loopback answers: offer dropped").isFalse();
            assertThat(declined).extracting(x -> dev.nestor.common.net.Ipv4.toString(x.address())).containsExactly("127.0.0.1");
            assertThat(offer(l, "192.0.2.77")).as("no answer: offer sent").isTrue();
            assertThat(declined).hasSize(1);
        }
    }
}
