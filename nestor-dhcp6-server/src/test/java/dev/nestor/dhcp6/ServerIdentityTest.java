package dev.nestor.dhcp6;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.common.Bytes;
import dev.nestor.config.model.ServerIdSpec;
import dev.nestor.config.model.ServerIdSpec.DuidType;
import dev.nestor.transport.NetInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerIdentityTest {
    static final Supplier<List<NetInterface>> IFACES = () -> List.of(
            new NetInterface(1, "lo", new byte[6], List.of(), true, true, false),
            new NetInterface(2, "eth0", new byte[] {2, 0x11, 0x22, 0x33, 0x44, 0x55}, List.of(), true, false, true));

    @TempDir
    Path dir;

    @Test
    void defaultIsAPersistedDuidLltFromAnInterfaceAndTheClock() throws Exception {
        Bytes duid = ServerIdentity.loadOrCreate(ServerIdSpec.defaults(), dir, () -> 946_684_800L + 0x01020304L, IFACES);
        assertThat(duid.toHex()).isEqualTo("00010001" + "01020304" + "021122334455");
        assertThat(Files.readString(dir.resolve("kea-dhcp6-serverid"))).isEqualTo("00:01:00:01:01:02:03:04:02:11:22:33:44:55");

        // a restart later (and on a host whose interfaces changed) reuses the stored DUID
        Bytes again = ServerIdentity.loadOrCreate(ServerIdSpec.defaults(), dir, () -> 2_000_000_000L, List::of);
        assertThat(again).isEqualTo(duid);
    }

    @Test
    void configuredPartsWinAndTheRestComesFromTheFile() throws Exception {
        Files.writeString(dir.resolve("kea-dhcp6-serverid"), "00:01:00:01:11:11:11:11:0a:0b:0c:0d:0e:0f\n");
        ServerIdSpec time = new ServerIdSpec(DuidType.LLT, Bytes.EMPTY, 0, 0x22222222L, 0, true);
        assertThat(ServerIdentity.loadOrCreate(time, dir, () -> 0, IFACES).toHex()).isEqualTo("00010001222222220a0b0c0d0e0f");

        ServerIdSpec en = new ServerIdSpec(DuidType.EN, Bytes.fromHex("0102030405"), 0, 0, 0, true);
        assertThat(ServerIdentity.loadOrCreate(en, dir, () -> 0, IFACES).toHex()).isEqualTo("0002000009bf0102030405");

        ServerIdSpec ll = new ServerIdSpec(DuidType.LL, Bytes.EMPTY, 0, 0, 0, false);
        assertThat(ServerIdentity.loadOrCreate(ll, dir, () -> 0, IFACES).toHex()).isEqualTo("00030001021122334455");
        assertThat(Files.readString(dir.resolve("kea-dhcp6-serverid")).trim())
                .as("persist false leaves the file alone").isEqualTo("00:02:00:00:09:bf:01:02:03:04:05");
    }
}
