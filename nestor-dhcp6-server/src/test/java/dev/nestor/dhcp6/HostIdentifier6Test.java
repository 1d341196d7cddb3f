package dev.nestor.dhcp6;

import static dev.nestor.dhcp6.Dhcp6PipelineTest.CLIENTID;
import static dev.nestor.dhcp6.Dhcp6PipelineTest.CLIENT_LL;
import static dev.nestor.dhcp6.Dhcp6PipelineTest.SERVER_DUID;
import static dev.nestor.dhcp6.Dhcp6PipelineTest.iaNa;
import static dev.nestor.dhcp6.Dhcp6PipelineTest.msg;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.codec.v6.Dhcp6Codec;
import dev.nestor.codec.v6.Dhcp6Message;
import dev.nestor.codec.v6.IaAddress;
import dev.nestor.codec.v6.IaNa;
import dev.nestor.codec.v6.MessageType6;
import dev.nestor.common.Bytes;
import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.config.ConfigText;
import dev.nestor.config.Dhcp6ConfigParser;
import dev.nestor.control.CommandRegistry;
import dev.nestor.dhcp6.pipeline.ClientLocks;
import dev.nestor.dhcp6.pipeline.Dhcp6Pipeline;
import dev.nestor.dhcp6.respond.ReplyRouting6;
import dev.nestor.engine.alloc.PoolCursors;
import dev.nestor.hooks.CalloutResult;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.runtime.BuiltinLibraries;
import dev.nestor.hooks.runtime.HookCommands;
import dev.nestor.hooks.runtime.RegistryStats;
import dev.nestor.hooks.v6.Host6Identifier;
import dev.nestor.lease.memfile.MemfileLeaseStore6;
import dev.nestor.transport.InboundDatagram6;
import dev.nestor.transport.UdpDatagram6;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * host6_identifier through the real pipeline: fired where reservations are looked up when host-reservation-identifiers
 * lists flex-id; the identifier a callout answers selects the "flex-id" reservation (Kea's flex_id).
 */
class HostIdentifier6Test {
    static final String CONFIG = """
            { "Dhcp6": {
              "preferred-lifetime": 3000, "valid-lifetime": 4000,
              "host-reservation-identifiers": [ %s ],
              "hooks-libraries": [ { "library": "observer" } ],
              "subnet6": [
                { "id": 1, "subnet": "2001:db8:1::/64", "interface": "eth0",
                  "pools": [ { "pool": "2001:db8:1::100 - 2001:db8:1::1ff" } ],
                  "reservations": [ { "flex-id": "'port1234'", "ip-addresses": [ "2001:db8:1::77" ] } ] } ] } }
            """;

    final AtomicLong now = new AtomicLong(1_800_000_000L);
    final StatsRegistry stats = new StatsRegistry();
    final ObserverLibrary6 lib = new ObserverLibrary6();
    Dhcp6Runtime runtime;
    Dhcp6Pipeline pipeline;

    void start(String identifiers) throws Exception {
        String cfg = CONFIG.formatted(identifiers);
        runtime = Dhcp6Runtime.prepare(Dhcp6ConfigParser.parse(ConfigText.parse(cfg, Path.of("."))),
                new HookCommands(new CommandRegistry()), BuiltinLibraries.standard().with("observer", () -> lib),
                new RegistryStats(stats)).bind(MemfileLeaseStore6.inMemory(), Bytes.fromHex(SERVER_DUID));
        runtime.hooks().activate();
        Statistics6.init(stats, runtime);
        pipeline = new Dhcp6Pipeline(() -> runtime, new PoolCursors(), stats, now::get, new ReplyRouting6(547, 546),
                new ClientLocks(), _ -> {});
    }

    @AfterEach
    void close() { if (runtime != null) runtime.hooks().close(); }

    Optional<Dhcp6Message> solicit(int xid) throws Exception {
        Optional<UdpDatagram6> out = pipeline.process(new InboundDatagram6(HexFormat.of().parseHex(msg(1, xid, CLIENTID, iaNa(1))),
                Ipv6.parse(CLIENT_LL).toArray(), 546, Ipv6.ALL_DHCP_RELAY_AGENTS_AND_SERVERS.toArray(), 7, "eth0", 0));
        return out.isEmpty() ? Optional.empty() : Optional.of((Dhcp6Message) Dhcp6Codec.decode(out.get().data()));
    }

    static String address(Dhcp6Message m) throws Exception {
        IaNa ia = m.iaNa().getFirst();
        IaAddress a = ia.addresses().getFirst();
        return Ipv6.toString(a.address());
    }

    static final Bytes PORT = Bytes.of("port1234".getBytes(StandardCharsets.US_ASCII));

    @Test
    void theFlexIdACalloutAnswersSelectsTheReservation() throws Exception {
        start("\"duid\", \"flex-id\"");
        lib.on(HookPoint.HOST6_IDENTIFIER, e -> CalloutResult.proceed(e.withIdentifier(PORT)));
        Dhcp6Message adv = solicit(1).orElseThrow();
        assertThat(adv.type()).isEqualTo(MessageType6.ADVERTISE);
        assertThat(address(adv)).isEqualTo("2001:db8:1::77");
        assertThat(lib.fired).containsSubsequence("subnet6_select", "host6_identifier", "lease6_select");
        Host6Identifier seen = lib.last(HookPoint.HOST6_IDENTIFIER);
        assertThat(seen.type()).isEqualTo(Host6Identifier.IdentifierType.FLEX_ID);
        assertThat(seen.identifier().isEmpty()).as("the server asks with an empty identifier").isTrue();
        assertThat(((Dhcp6Message) seen.query()).transactionId()).isEqualTo(1);
    }

    @Test
    void noIdentifierSkipOrAnotherValueMeansNoReservation() throws Exception {
        start("\"duid\", \"flex-id\"");
        assertThat(address(solicit(2).orElseThrow())).as("no answer").startsWith("2001:db8:1::1");
        lib.on(HookPoint.HOST6_IDENTIFIER, _ -> CalloutResult.skip());
        assertThat(address(solicit(3).orElseThrow())).as("SKIP").startsWith("2001:db8:1::1");
        lib.on(HookPoint.HOST6_IDENTIFIER, e -> CalloutResult.proceed(e.withIdentifier(Bytes.fromHex("0102"))));
        assertThat(address(solicit(4).orElseThrow())).as("another flex-id").startsWith("2001:db8:1::1");
    }

    @Test
    void notFiredWithoutFlexIdInTheIdentifiers() throws Exception {
        start("\"duid\"");
        lib.on(HookPoint.HOST6_IDENTIFIER, e -> CalloutResult.proceed(e.withIdentifier(PORT)));
        assertThat(address(solicit(5).orElseThrow())).startsWith("2001:db8:1::1");
        assertThat(lib.fired).doesNotContain("host6_identifier");
    }

    @Test
    void aFailingCalloutDropsTheQueryAndCountsIt() throws Exception {
        start("\"flex-id\"");
        lib.on(HookPoint.HOST6_IDENTIFIER, _ -> { throw new IllegalStateException("boom"); });
        assertThat(solicit(6)).isEmpty();
        assertThat(stats.get("pkt6-receive-drop")).isEqualTo(1);
    }
}
