package dev.nestor.hooks.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.codec.v4.MessageType4;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.control.CommandRegistry;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.NextStep;
import dev.nestor.hooks.ParkingLot;
import dev.nestor.hooks.v4.Buffer4Receive;
import dev.nestor.hooks.v4.Envelope4;
import dev.nestor.hooks.v4.Leases4Committed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Loading jars in their own class loaders, version checks, callout order and steps, containment, parking, commands. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HookLibrariesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Envelope4 ENVELOPE = new Envelope4("eth0", 2, 0, 68, -1);

    @TempDir Path dir;
    private Path generic;
    private Path future;
    private Path undeclared;
    private final CommandRegistry registry = new CommandRegistry();
    private final HookCommands commands = new HookCommands(registry);

    @BeforeAll
    void buildJars(@TempDir Path jars) throws Exception {
        generic = TestLibraries.generic(jars);
        future = TestLibraries.future(jars);
        undeclared = TestLibraries.undeclared(jars);
    }

    private HookEnvironment env(int parkedLimit) {
        return HookEnvironment.of(HookPoint.Family.DHCP4, JSON.createObjectNode().put("valid-lifetime", 4000), parkedLimit, commands);
    }

    private LibrarySpec spec(Path jar, int index, String params) throws Exception {
        return new LibrarySpec(jar.toString(), JSON.readTree(params), "Dhcp4.hooks-libraries[" + index + "]");
    }

    private static Buffer4Receive buffer() {
        return new Buffer4Receive(ENVELOPE, Bytes.of(new byte[0]), null);
    }

    private static String text(Bytes b) { return new String(b.toArray(), StandardCharsets.US_ASCII); }

    @Test
    void calloutsRunInListOrderEachSeeingThePreviousChange() throws Exception {
        try (HookLibraries libs = HookLibraries.load(List.of(spec(generic, 0, "{\"tag\":\"A\"}"),
                spec(generic, 1, "{\"tag\":\"B\"}"), spec(generic, 2, "{\"tag\":\"C\"}")), env(0))) {
            Outcome<Buffer4Receive> out = libs.dispatcher().fire(HookPoint.BUFFER4_RECEIVE, buffer());
            assertThat(out.step()).isEqualTo(NextStep.CONTINUE);
            assertThat(text(out.event().data())).isEqualTo("ABC");
            assertThat(libs.names()).containsExactly("test-hooks.jar", "test-hooks.jar", "test-hooks.jar");
            // each entry is its own instance in its own class loader
            assertThat(libs.classLoaders()).hasSize(3).doesNotHaveDuplicates();
            assertThat(libs.dispatcher().has(HookPoint.PKT4_RECEIVE)).isFalse();
        }
    }

    @Test
    void lastStepWinsAndDropEndsTheChain() throws Exception {
        try (HookLibraries libs = HookLibraries.load(List.of(spec(generic, 0, "{\"tag\":\"A\",\"step\":\"SKIP\"}"),
                spec(generic, 1, "{\"tag\":\"B\"}")), env(0))) {
            Outcome<Buffer4Receive> out = libs.dispatcher().fire(HookPoint.BUFFER4_RECEIVE, buffer());
            assertThat(out.step()).as("a later CONTINUE does not undo SKIP").isEqualTo(NextStep.SKIP);
            assertThat(text(out.event().data())).isEqualTo("AB");
        }
        try (HookLibraries libs = HookLibraries.load(List.of(spec(generic, 0, "{\"tag\":\"A\",\"step\":\"DROP\"}"),
                spec(generic, 1, "{\"tag\":\"B\",\"step\":\"SKIP\"}")), env(0))) {
            Outcome<Buffer4Receive> out = libs.dispatcher().fire(HookPoint.BUFFER4_RECEIVE, buffer());
            assertThat(out.step()).isEqualTo(NextStep.DROP);
            assertThat(text(out.event().data())).as("B never ran").isEqualTo("A");
        }
        try (HookLibraries libs = HookLibraries.load(List.of(spec(generic, 0, "{\"tag\":\"A\",\"step\":\"PARK\"}")), env(0))) {
            Outcome<Buffer4Receive> out = libs.dispatcher().fire(HookPoint.BUFFER4_RECEIVE, buffer());
            assertThat(out.step()).as("buffer4_receive does not honour PARK").isEqualTo(NextStep.CONTINUE);
        }
    }

    @Test
    void aThrowingCalloutIsContainedAndNamed() throws Exception {
        try (HookLibraries libs = HookLibraries.load(List.of(spec(generic, 0, "{\"tag\":\"A\",\"throw\":true}"),
                spec(generic, 1, "{\"tag\":\"B\"}")), env(0))) {
            Outcome<Buffer4Receive> out = libs.dispatcher().fire(HookPoint.BUFFER4_RECEIVE, buffer());
            assertThat(out.step()).isEqualTo(NextStep.DROP);
            assertThat(out.failed()).isTrue();
            assertThat(out.failedLibrary()).isEqualTo("test-hooks.jar");
            assertThat(text(out.event().data())).isEmpty();
            // the next packet goes through the same callouts again: nothing is disabled
            assertThat(libs.dispatcher().fire(HookPoint.BUFFER4_RECEIVE, buffer()).failed()).isTrue();
        }
    }

    @Test
    void refusedLibrariesAreNamedWithTheirPath() throws Exception {
        String v = dev.nestor.hooks.HookApi.text(dev.nestor.hooks.HookApi.VERSION);
        assertThatThrownBy(() -> HookLibraries.load(List.of(spec(future, 3, "{}")), env(0)))
                .isInstanceOf(HookLoadException.class)
                .hasMessage("Dhcp4.hooks-libraries[3].library: hook library 'future-hooks.jar' was built for hook API 2.3, "
                        + "but this server provides hook API " + v + " (libraries built for 1.0 to " + v + " load): rebuild it against nestor-hooks-api " + v);
        assertThatThrownBy(() -> HookLibraries.load(List.of(new LibrarySpec("/usr/lib/kea/hooks/libdhcp_ha.so", null, "Dhcp4.hooks-libraries[0]")), env(0)))
                .hasMessage("Dhcp4.hooks-libraries[0].library: hook library '/usr/lib/kea/hooks/libdhcp_ha.so' is not supported yet");
        Path missing = Path.of("/nonexistent/missing.jar");
        assertThatThrownBy(() -> HookLibraries.load(List.of(spec(missing, 0, "{}")), env(0)))
                .hasMessageContaining("hook library file '/nonexistent/missing.jar' not found");
        assertThatThrownBy(() -> HookLibraries.load(List.of(spec(undeclared, 0, "{}")), env(0)))
                .hasMessageContaining("hook library 'undeclared.jar' declares no dev.nestor.hooks.HookLibrary in META-INF/services");
        assertThatThrownBy(() -> HookLibraries.load(List.of(spec(generic, 1, "{\"fail-load\":true,\"tag\":\"Z\"}")), env(0)))
                .hasMessage("Dhcp4.hooks-libraries[1].library: hook library 'test-hooks.jar' failed to load: cannot open /nonexistent for Z");
        assertThatThrownBy(() -> HookLibraries.load(List.of(spec(generic, 0, "{\"v6\":true}")), env(0)))
                .hasMessageContaining("hook point pkt6_receive is not fired by the DHCP4 server");
        assertThatThrownBy(() -> HookLibraries.validate(List.of(spec(future, 0, "{}"), spec(generic, 1, "{}"),
                new LibrarySpec("libdhcp_radius.so", null, "Dhcp4.hooks-libraries[2]")), env(0)))
                .isInstanceOfSatisfying(HookLoadException.class, e -> assertThat(e.problems()).extracting(HookLoadException.Problem::path)
                        .containsExactly("Dhcp4.hooks-libraries[0].library", "Dhcp4.hooks-libraries[2].library"));
    }

    @Test
    void aFailedLoadUnloadsTheLibrariesLoadedBeforeIt() throws Exception {
        Path marker = dir.resolve("unloaded-A");
        assertThatThrownBy(() -> HookLibraries.load(List.of(
                spec(generic, 0, "{\"tag\":\"A\",\"unload-marker\":\"" + marker + "\"}"), spec(future, 1, "{}")), env(0)))
                .isInstanceOf(HookLoadException.class);
        assertThat(marker).hasContent("unloaded A");
    }

    @Test
    void keaCommandLibrariesAreProvidedBuiltIn() throws Exception {
        List<LibrarySpec> kea = new ArrayList<>();
        for (String so : List.of("libdhcp_lease_cmds.so", "libdhcp_host_cmds.so", "libdhcp_subnet_cmds.so", "libdhcp_class_cmds.so", "libdhcp_stat_cmds.so")) {
            kea.add(new LibrarySpec("/usr/local/lib/kea/hooks/" + so, JSON.createObjectNode(), "Dhcp4.hooks-libraries[" + kea.size() + "]"));
        }
        try (HookLibraries libs = HookLibraries.load(kea, env(0))) {
            assertThat(libs.names()).containsExactly("libdhcp_lease_cmds.so", "libdhcp_host_cmds.so", "libdhcp_subnet_cmds.so",
                    "libdhcp_class_cmds.so", "libdhcp_stat_cmds.so");
            assertThat(libs.classLoaders()).isEmpty();
        }
        HookLibraries.validate(kea, env(0));
    }

    @Test
    void commandsFollowTheActiveConfiguration() throws Exception {
        registry.register("status-get", c -> dev.nestor.control.Answer.success("server"));
        assertThatThrownBy(() -> HookLibraries.load(List.of(spec(generic, 0, "{\"command\":\"status-get\"}")), env(0)))
                .hasMessageContaining("command 'status-get' is provided by the server");
        assertThatThrownBy(() -> HookLibraries.load(List.of(spec(generic, 0, "{\"command\":\"hi\",\"tag\":\"A\"}"),
                spec(generic, 1, "{\"command\":\"hi\",\"tag\":\"B\"}")), env(0)))
                .hasMessageContaining("command 'hi' is already registered by hook library 'test-hooks.jar'");

        HookLibraries first = HookLibraries.load(List.of(spec(generic, 0, "{\"command\":\"hi\",\"tag\":\"one\"}")), env(0));
        assertThat(registry.isRegistered("hi")).as("not before activation").isFalse();
        first.activate();
        assertThat(registry.process("{\"command\":\"hi\"}").text()).isEqualTo("hello from one1048576");
        // a reconfiguration: the new libraries load while the old ones still answer
        HookLibraries second = HookLibraries.load(List.of(spec(generic, 0, "{\"command\":\"hi\",\"tag\":\"two\"}")), env(0));
        second.activate();
        first.close();
        assertThat(registry.process("{\"command\":\"hi\"}").text()).isEqualTo("hello from two1048576");
        assertThat(commands.names()).containsExactly("hi");
        HookLibraries third = HookLibraries.none();
        third.activate();
        second.close();
        assertThat(registry.isRegistered("hi")).isFalse();
        assertThat(registry.process("{\"command\":\"hi\"}").result()).isEqualTo(2);
        assertThat(registry.isRegistered("status-get")).isTrue();
    }

    @Test
    void parkedQueriesResumeWhenEveryParkingLibraryUnparksAndTheLotIsBounded() throws Exception {
        HookLibraries libs = HookLibraries.load(List.of(spec(generic, 0, "{\"park\":true}"), spec(generic, 1, "{\"park\":true}")), env(2));
        HookDispatcher d = libs.dispatcher();
        AtomicInteger resumed = new AtomicInteger();
        AtomicInteger discarded = new AtomicInteger();
        ParkingLot lot1 = d.park(HookPoint.LEASES4_COMMITTED, resumed::incrementAndGet, discarded::incrementAndGet).orElseThrow();
        assertThat(d.fire(HookPoint.LEASES4_COMMITTED, committed(lot1)).step()).isEqualTo(NextStep.PARK);
        assertThat(lot1.isParked()).isTrue();
        ParkingLot lot2 = d.park(HookPoint.LEASES4_COMMITTED, resumed::incrementAndGet, discarded::incrementAndGet).orElseThrow();
        d.fire(HookPoint.LEASES4_COMMITTED, committed(lot2));
        assertThat(d.parked(HookPoint.LEASES4_COMMITTED)).isEqualTo(2);
        assertThat(d.park(HookPoint.LEASES4_COMMITTED, resumed::incrementAndGet, discarded::incrementAndGet))
                .as("parked-packet-limit 2 reached").isEmpty();
        assertThat(d.park(HookPoint.LEASE4_OFFER, () -> {}, () -> {})).as("each point has its own lot").isPresent().get()
                .satisfies(t -> ((ParkingLots.Ticket) t).cancel());

        // two libraries parked: both must unpark
        assertThat(lot1.unpark()).isTrue();
        assertThat(resumed).hasValue(0);
        assertThat(lot1.unpark()).isTrue();
        assertThat(resumed).hasValue(1);
        assertThat(lot1.unpark()).as("already resumed").isFalse();
        // one drop is enough
        assertThat(lot2.unpark(true)).isTrue();
        assertThat(discarded).hasValue(1);
        assertThat(d.parked(HookPoint.LEASES4_COMMITTED)).isZero();

        // unparked while the callouts still ran: resumes as soon as they answered PARK
        ParkingLot early = d.park(HookPoint.LEASES4_COMMITTED, resumed::incrementAndGet, discarded::incrementAndGet).orElseThrow();
        early.unpark();
        early.unpark();
        d.fire(HookPoint.LEASES4_COMMITTED, committed(early));
        assertThat(resumed).hasValue(2);

        // a reconfiguration drops what is still parked
        ParkingLot left = d.park(HookPoint.LEASES4_COMMITTED, resumed::incrementAndGet, discarded::incrementAndGet).orElseThrow();
        d.fire(HookPoint.LEASES4_COMMITTED, committed(left));
        libs.close();
        assertThat(discarded).hasValue(2);
        assertThat(left.isParked()).isFalse();
    }

    @Test
    void withoutParkingCalloutsTheTicketIsReleased() throws Exception {
        try (HookLibraries libs = HookLibraries.load(List.of(spec(generic, 0, "{}")), env(1))) {
            HookDispatcher d = libs.dispatcher();
            ParkingLot lot = d.park(HookPoint.LEASES4_COMMITTED, () -> {}, () -> {}).orElseThrow();
            assertThat(d.fire(HookPoint.LEASES4_COMMITTED, committed(lot)).step()).isEqualTo(NextStep.CONTINUE);
            assertThat(d.parked(HookPoint.LEASES4_COMMITTED)).isZero();
            assertThat(d.park(HookPoint.LEASES4_COMMITTED, () -> {}, () -> {})).isPresent();
        }
    }

    private static Leases4Committed committed(ParkingLot lot) {
        Dhcp4Packet q = Dhcp4Packet.newQuery(MessageType4.REQUEST, 7, HwAddress.parse("02:00:00:00:00:01"));
        return new Leases4Committed(q, null, List.of(), List.of(), lot);
    }

    @Test
    void unloadIsCalledOnClose() throws Exception {
        Path marker = dir.resolve("unloaded-close");
        HookLibraries libs = HookLibraries.load(List.of(spec(generic, 0, "{\"tag\":\"C\",\"unload-marker\":\"" + marker + "\"}")), env(0));
        assertThat(Files.exists(marker)).isFalse();
        libs.close();
        assertThat(marker).hasContent("unloaded C");
        assertThat(libs.dispatcher().has(HookPoint.BUFFER4_RECEIVE)).as("callouts forgotten").isFalse();
    }
}
