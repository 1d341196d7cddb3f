package dev.nestor.lease.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.Ipv4;
import dev.nestor.common.net.Ipv6Text;
import dev.nestor.lease.LeaseStoreException;
import dev.nestor.lease.host.HostStore.Family;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link HostStore}, for every host backend (as Kea's generic_host_data_source_unittest): extend it
 * and implement {@link #newStore(boolean)} with a fresh, empty store.
 */
public abstract class HostStoreConformanceTest {
    protected HostStore store;

    /** A new store on empty tables; {@code readonly} as the {@code hosts-database} parameter. Closed after each test. */
    protected abstract HostStore newStore(boolean readonly) throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = newStore(false);
    }

    @AfterEach
    void close() {
        if (store != null) store.close();
    }

    protected static final Bytes MAC1 = Bytes.fromHex("00:11:22:33:44:01");
    protected static final Bytes MAC2 = Bytes.fromHex("00:11:22:33:44:02");
    protected static final Bytes DUID1 = Bytes.fromHex("00:03:00:01:00:11:22:33:44:01");

    protected static Bytes ip4(String text) {
        return Bytes.of(Ipv4.toBytes(Ipv4.parse(text)));
    }

    /** A DHCPv4 host with every field set. */
    protected static Host full4() {
        return new Host(0, HostIdentifierType.HW_ADDRESS, MAC1, 7L, null, Ipv4.parse("192.0.2.10"), "printer.example.org",
                List.of("printers", "staff"), List.of(), Ipv4.parse("192.0.2.1"), "boot.example.org", "/pxe/boot.0",
                "{\"site\": \"hq\"}", null, List.of(),
                List.of(new HostOption(6, "dhcp4", ip4("192.0.2.53"), "192.0.2.53", true, false, null, null),
                        HostOption.ofValue(15, "dhcp4", Bytes.of("example.org".getBytes()), false, false),
                        HostOption.ofValue(42, "dhcp4", Bytes.EMPTY, false, true)),
                List.of());
    }

    @Test
    void aHostIsFoundByIdentifierAndSubnetWithEveryField() throws Exception {
        Host added = store.add(full4());
        assertThat(added.hostId()).isPositive();
        Host found = store.get(Family.V4, 7, HostIdentifierType.HW_ADDRESS, MAC1).orElseThrow();
        assertThat(found).isEqualTo(full4().withHostId(added.hostId()));
        // other subnet, other identifier type, other protocol: not found
        assertThat(store.get(Family.V4, 8, HostIdentifierType.HW_ADDRESS, MAC1)).isEmpty();
        assertThat(store.get(Family.V4, 7, HostIdentifierType.CLIENT_ID, MAC1)).isEmpty();
        assertThat(store.get(Family.V6, 7, HostIdentifierType.HW_ADDRESS, MAC1)).isEmpty();
    }

    @Test
    void globalReservationsLiveInSubnetZero() throws Exception {
        store.add(Host.v4(HostIdentifierType.CLIENT_ID, Bytes.fromHex("01:aa:bb"), 0, null).withHostname("global"));
        assertThat(store.get(Family.V4, 0, HostIdentifierType.CLIENT_ID, Bytes.fromHex("01:aa:bb")))
                .map(Host::hostname).contains("global");
        assertThat(store.getAll(Family.V4, 0)).hasSize(1);
        assertThat(store.getAll(Family.V4, 1)).isEmpty();
    }

    @Test
    void theSameIdentifierTwiceInOneSubnetIsRefusedButAllowedInAnother() throws Exception {
        store.add(Host.v4(HostIdentifierType.HW_ADDRESS, MAC1, 1, Ipv4.parse("192.0.2.10")));
        assertThatThrownBy(() -> store.add(Host.v4(HostIdentifierType.HW_ADDRESS, MAC1, 1, Ipv4.parse("192.0.2.11"))))
                .isInstanceOf(LeaseStoreException.class).hasMessageContaining("duplicate");
        store.add(Host.v4(HostIdentifierType.HW_ADDRESS, MAC1, 2, Ipv4.parse("192.0.3.10")));
        assertThat(store.getByIdentifier(HostIdentifierType.HW_ADDRESS, MAC1)).extracting(Host::ipv4SubnetId)
                .containsExactly(1L, 2L);
    }

    @Test
    void anAddressIsFoundPerSubnet() throws Exception {
        store.add(full4());
        assertThat(store.getByAddress(Family.V4, 7, ip4("192.0.2.10"))).extracting(Host::identifier).containsExactly(MAC1);
        assertThat(store.getByAddress(Family.V4, 8, ip4("192.0.2.10"))).isEmpty();
        assertThat(store.getByAddress(Family.V4, 7, ip4("192.0.2.11"))).isEmpty();
    }

    @Test
    void deleteByAddressAndByIdentifierRemoveTheHostWithItsOptions() throws Exception {
        store.add(full4());
        store.add(Host.v4(HostIdentifierType.HW_ADDRESS, MAC2, 7, Ipv4.parse("192.0.2.11")));
        assertThat(store.delete(Family.V4, 7, ip4("192.0.2.10"))).isTrue();
        assertThat(store.delete(Family.V4, 7, ip4("192.0.2.10"))).isFalse();
        assertThat(store.get(Family.V4, 7, HostIdentifierType.HW_ADDRESS, MAC1)).isEmpty();
        assertThat(store.delete(Family.V4, 7, HostIdentifierType.HW_ADDRESS, MAC2)).isTrue();
        assertThat(store.delete(Family.V4, 7, HostIdentifierType.HW_ADDRESS, MAC2)).isFalse();
        assertThat(store.getAll(Family.V4, 7)).isEmpty();
        // the options went with the host: adding it again gives exactly its own options
        Host again = store.add(full4());
        assertThat(store.get(Family.V4, 7, HostIdentifierType.HW_ADDRESS, MAC1)).contains(full4().withHostId(again.hostId()));
    }

    @Test
    void pagesFollowHostIdsAndHostnamesMatchWithoutCase() throws Exception {
        for (int i = 1; i <= 5; i++) {
            store.add(Host.v4(HostIdentifierType.HW_ADDRESS, Bytes.fromHex("00:00:00:00:00:0" + i), i % 2 + 1,
                    Ipv4.parse("192.0.2." + i)).withHostname("host" + i + ".Example.org"));
        }
        List<Host> first = store.getPage(Family.V4, null, 0, 2);
        assertThat(first).hasSize(2);
        List<Host> rest = store.getPage(Family.V4, null, first.getLast().hostId(), 10);
        assertThat(rest).hasSize(3);
        assertThat(rest.getFirst().hostId()).isGreaterThan(first.getLast().hostId());
        assertThat(store.getPage(Family.V4, 2L, 0, 10)).hasSize(3).allMatch(h -> h.ipv4SubnetId() == 2L);
        assertThat(store.getPage(Family.V6, null, 0, 10)).isEmpty();
        assertThat(store.getByHostname(Family.V4, "HOST3.example.org", null)).extracting(Host::ipv4SubnetId).containsExactly(2L);
        assertThat(store.getByHostname(Family.V4, "host3.example.org", 1L)).isEmpty();
    }

    @Test
    void aV6HostKeepsAddressesPrefixesAndOptions() throws Exception {
        Bytes addr = Ipv6Text.parse("2001:db8:1::100");
        Bytes prefix = Ipv6Text.parse("2001:db8:8000::");
        Host h = Host.v6(HostIdentifierType.DUID, DUID1, 5, List.of(Ipv6Reservation.address(addr),
                        Ipv6Reservation.prefix(prefix, 56)))
                .withHostname("six.example.org")
                .withOptions6(List.of(HostOption.ofValue(23, "dhcp6", Ipv6Text.parse("2001:db8::53"), false, false)));
        Host added = store.add(h);
        assertThat(store.get(Family.V6, 5, HostIdentifierType.DUID, DUID1)).contains(h.withHostId(added.hostId()));
        assertThat(store.getByAddress(Family.V6, 5, addr)).hasSize(1);
        assertThat(store.getByAddress(Family.V6, 5, prefix)).hasSize(1);
        assertThat(store.getByAddress(Family.V6, 6, addr)).isEmpty();
        assertThat(store.get(Family.V4, 5, HostIdentifierType.DUID, DUID1)).isEmpty();
        assertThat(store.delete(Family.V6, 5, addr)).isTrue();
        assertThat(store.getAll(Family.V6, 5)).isEmpty();
    }

    @Test
    void aReadOnlyStoreReadsButRefusesChanges() throws Exception {
        store.add(full4());
        try (HostStore ro = newStoreKeepingRows(true)) {
            assertThat(ro.readonly()).isTrue();
            assertThat(ro.get(Family.V4, 7, HostIdentifierType.HW_ADDRESS, MAC1)).isPresent();
            assertThatThrownBy(() -> ro.add(Host.v4(HostIdentifierType.HW_ADDRESS, MAC2, 7, null)))
                    .isInstanceOf(LeaseStoreException.class).hasMessageContaining("read-only");
            assertThatThrownBy(() -> ro.delete(Family.V4, 7, HostIdentifierType.HW_ADDRESS, MAC1))
                    .isInstanceOf(LeaseStoreException.class).hasMessageContaining("read-only");
            assertThatThrownBy(() -> ro.update(full4())).isInstanceOf(LeaseStoreException.class).hasMessageContaining("read-only");
        }
        assertThat(store.get(Family.V4, 7, HostIdentifierType.HW_ADDRESS, MAC1)).isPresent();
    }

    @Test
    void updateReplacesTheHostOfItsIdentifierInItsSubnet() throws Exception {
        store.add(full4());
        store.add(Host.v4(HostIdentifierType.HW_ADDRESS, MAC1, 8, Ipv4.parse("192.0.3.10"))); // another subnet: untouched
        Host changed = Host.v4(HostIdentifierType.HW_ADDRESS, MAC1, 7, Ipv4.parse("192.0.2.20")).withHostname("new.example.org");
        Host updated = store.update(changed).orElseThrow();
        // every field is the new host's: the old hostname, classes and options are gone, not merged
        assertThat(store.get(Family.V4, 7, HostIdentifierType.HW_ADDRESS, MAC1)).contains(changed.withHostId(updated.hostId()));
        assertThat(store.getByAddress(Family.V4, 7, ip4("192.0.2.10"))).isEmpty();
        assertThat(store.get(Family.V4, 8, HostIdentifierType.HW_ADDRESS, MAC1)).map(Host::ipv4Address)
                .contains(Ipv4.parse("192.0.3.10"));
        // a v6 host: addresses and prefixes replaced
        Bytes oldAddr = Ipv6Text.parse("2001:db8:1::100");
        Bytes newAddr = Ipv6Text.parse("2001:db8:1::200");
        store.add(Host.v6(HostIdentifierType.DUID, DUID1, 5, List.of(Ipv6Reservation.address(oldAddr),
                Ipv6Reservation.prefix(Ipv6Text.parse("2001:db8:8000::"), 56))));
        store.update(Host.v6(HostIdentifierType.DUID, DUID1, 5, List.of(Ipv6Reservation.address(newAddr))));
        assertThat(store.getByAddress(Family.V6, 5, oldAddr)).isEmpty();
        assertThat(store.get(Family.V6, 5, HostIdentifierType.DUID, DUID1)).map(Host::ipv6Reservations)
                .contains(List.of(Ipv6Reservation.address(newAddr)));
    }

    @Test
    void updateOfAnUnknownHostChangesNothing() throws Exception {
        assertThat(store.update(Host.v4(HostIdentifierType.HW_ADDRESS, MAC2, 7, Ipv4.parse("192.0.2.11")))).isEmpty();
        assertThat(store.getAll(Family.V4, 7)).isEmpty();
    }

    @Test
    void aFailedUpdateKeepsTheOldHost() throws Exception {
        Host kept = store.add(full4());
        // the add half fails (a hostname longer than Kea's 255-character column): the delete half is undone
        Host tooLong = Host.v4(HostIdentifierType.HW_ADDRESS, MAC1, 7, Ipv4.parse("192.0.2.20")).withHostname("h".repeat(300));
        assertThatThrownBy(() -> store.update(tooLong)).isInstanceOf(LeaseStoreException.class);
        assertThat(store.get(Family.V4, 7, HostIdentifierType.HW_ADDRESS, MAC1)).contains(full4().withHostId(kept.hostId()));
    }

    /** A second store on the same tables, without emptying them. */
    protected abstract HostStore newStoreKeepingRows(boolean readonly) throws Exception;
}
