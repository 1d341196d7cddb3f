package dev.nestor.dhcp6;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.codec.v6.Dhcp6Codec;
import dev.nestor.codec.v6.Dhcp6Message;
import dev.nestor.common.Bytes;
import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.config.ConfigText;
import dev.nestor.config.Dhcp6ConfigParser;
import dev.nestor.dhcp6.pipeline.ClientLocks;
import dev.nestor.dhcp6.pipeline.Dhcp6Pipeline;
import dev.nestor.dhcp6.respond.ReplyRouting6;
import dev.nestor.engine.alloc.PoolCursors;
import dev.nestor.lease.memfile.MemfileLeaseStore6;
import dev.nestor.transport.InboundDatagram6;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A DHCPv6 pipeline over an in-memory store for a config given as Kea JSON text (a whole file, comments allowed),
 * fed hex text from {@link Dhcp6PipelineTest}'s builders as if received on a named interface from a link-local client.
 */
final class Pipeline6Fixture {
    final AtomicLong now = new AtomicLong(1_800_000_000L);
    final StatsRegistry stats = new StatsRegistry();
    final MemfileLeaseStore6 store;
    final Dhcp6Runtime runtime;
    final Dhcp6Pipeline pipeline;

    Pipeline6Fixture(String configText) throws Exception {
        this(configText, MemfileLeaseStore6.inMemory());
    }

    /** Over {@code store}, which may hold leases already: the statistics are counted from it, as at start. */
    Pipeline6Fixture(String configText, MemfileLeaseStore6 store) throws Exception {
        this.store = store;
        runtime = Dhcp6Runtime.prepare(Dhcp6ConfigParser.parse(ConfigText.parse(configText, Path.of("."))))
                .bind(store, Bytes.fromHex(Dhcp6PipelineTest.SERVER_DUID));
        Statistics6.init(stats, runtime);
        pipeline = new Dhcp6Pipeline(() -> runtime, new PoolCursors(), stats, now::get, new ReplyRouting6(547, 546), new ClientLocks());
    }

    /** The reply to {@code hex} received on {@code iface}, or empty when the server stays silent. */
    Optional<Dhcp6Message> send(String iface, String hex) throws Exception {
        var out = pipeline.process(new InboundDatagram6(HexFormat.of().parseHex(hex), Ipv6.parse(Dhcp6PipelineTest.CLIENT_LL).toArray(),
                546, Ipv6.ALL_DHCP_RELAY_AGENTS_AND_SERVERS.toArray(), 7, iface, 0));
        return out.isEmpty() ? Optional.empty() : Optional.of((Dhcp6Message) Dhcp6Codec.decode(out.get().data()));
    }
}
