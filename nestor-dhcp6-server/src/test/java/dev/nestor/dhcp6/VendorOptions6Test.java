package dev.nestor.dhcp6;

import static dev.nestor.dhcp6.Dhcp6PipelineTest.iaNa;
import static dev.nestor.dhcp6.Dhcp6PipelineTest.msg;
import static dev.nestor.dhcp6.Dhcp6PipelineTest.opt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.codec.v6.Dhcp6Message;
import dev.nestor.codec.v6.VendorClass6;
import dev.nestor.codec.v6.VendorOpts;
import dev.nestor.common.Bytes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * VENDOR_OPTS (17) and VENDOR_CLASS (16) in replies, as Kea builds them: sub-options from {@code vendor-<enterprise>}
 * spaces for the enterprises the client names (options 16 and 17) or the reply carries (a configured
 * {@code vendor-opts} the client asked for), always-send ones and those a DOCSIS client lists in its ORO sub-option.
 */
class VendorOptions6Test {
    /** The DUID that Kea's reservations.json and global-reservations.json give CableLabs vendor options. */
    static final String CABLE_MODEM = opt(1, "0102030405060708090a");
    static final String STRANGER = opt(1, "00030001020000000077");

    static String vendorOpts(long enterprise, String subOptionsHex) {
        return opt(17, String.format("%08x", enterprise) + subOptionsHex);
    }

    /** A DOCSIS client's option 17: enterprise 4491 with its ORO sub-option (1) listing {@code codes}. */
    static String docsis(int... codes) {
        StringBuilder oro = new StringBuilder();
        for (int c : codes) oro.append(String.format("%04x", c));
        return vendorOpts(4491, opt(1, oro.toString()));
    }

    /** Sub-options per enterprise in the reply (code → hex payload). */
    static Map<Long, Map<Integer, String>> vendorOptions(Dhcp6Message reply) throws Exception {
        Map<Long, Map<Integer, String>> out = new TreeMap<>();
        for (VendorOpts v : reply.vendorOpts()) {
            Map<Integer, String> subs = new TreeMap<>();
            for (var o : v.options().list()) subs.put(o.code(), o.data().toHex());
            assertThat(out.put(v.enterpriseId(), subs)).as("one option 17 per enterprise").isNull();
        }
        return out;
    }

    static Path keaExample(String name) {
        String root = System.getenv("NESTOR_ROOT");
        Path base = root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
        Path dir = base.resolveSibling("shared").resolve("kea-examples/kea6");
        if (!Files.isDirectory(dir)) dir = Path.of("/work/shared/kea-examples/kea6");
        Path f = dir.resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(f) || "true".equalsIgnoreCase(System.getenv("CI")), "no Kea example " + f);
        return f;
    }

    @ParameterizedTest
    @ValueSource(strings = {"reservations.json", "global-reservations.json"})
    void keaExampleReservationGivesTheCableModemItsTftpServer(String example) throws Exception {
        Pipeline6Fixture f = new Pipeline6Fixture(Files.readString(keaExample(example), StandardCharsets.UTF_8));
        String tftp = Ipv6.parse("3000:1::234").toHex();

        // the modem names CableLabs and asks for tftp-servers (32) in its DOCSIS ORO
        Dhcp6Message adv = f.send("eth0", msg(1, 1, CABLE_MODEM, docsis(32, 33), iaNa(1))).orElseThrow();
        assertThat(Ipv6.toString(adv.iaNa().getFirst().addresses().getFirst().address())).isEqualTo("2001:db8:1:cafe::1");
        assertThat(vendorOptions(adv)).isEqualTo(Map.of(4491L, Map.of(32, tftp)));

        // asking for vendor-opts in the ORO gives the reservation's CableLabs container; nothing was asked inside it
        Dhcp6Message oro = f.send("eth0", msg(1, 2, CABLE_MODEM, opt(6, "0011"), iaNa(1))).orElseThrow();
        assertThat(vendorOptions(oro)).isEqualTo(Map.of(4491L, Map.of()));

        // another client: the reservation's options are not its own
        Dhcp6Message other = f.send("eth0", msg(1, 3, STRANGER, docsis(32), iaNa(1))).orElseThrow();
        assertThat(other.vendorOpts()).isEmpty();
    }

    static final String CONFIG = """
            { "Dhcp6": {
              "option-data": [
                { "name": "tftp-servers", "space": "vendor-4491", "data": "2001:db8::69", "always-send": true },
                { "name": "config-file", "space": "vendor-4491", "data": "cm.cfg" },
                { "code": 7, "space": "vendor-9999", "data": "AABB", "csv-format": false, "always-send": true },
                { "name": "vendor-class", "data": "0000270f00056869676831", "csv-format": false } ],
              "subnet6": [
                { "id": 1, "subnet": "2001:db8:1::/64", "interface": "eth0",
                  "pools": [ { "pool": "2001:db8:1::100 - 2001:db8:1::1ff" } ],
                  "option-data": [ { "name": "vendor-class", "data": "000004d2000161", "csv-format": false },
                                   { "name": "vendor-class", "data": "0000270f000162", "csv-format": false } ] },
                { "id": 2, "subnet": "2001:db8:2::/64", "interface": "eth1",
                  "pools": [ { "pool": "2001:db8:2::100 - 2001:db8:2::1ff" } ],
                  "option-data": [ { "name": "vendor-opts", "data": "4491" },
                                   { "name": "tftp-servers", "space": "vendor-4491", "data": "2001:db8::70", "never-send": true } ] } ] } }
            """;

    @Test
    void alwaysSendAndDocsisOroDecideTheSubOptionsOfEachEnterpriseTheClientNames() throws Exception {
        Pipeline6Fixture f = new Pipeline6Fixture(CONFIG);
        String tftp = Ipv6.parse("2001:db8::69").toHex();
        String cmCfg = Bytes.of("cm.cfg".getBytes(StandardCharsets.US_ASCII)).toHex();

        // CableLabs named without an ORO: the always-send sub-option only
        Dhcp6Message plain = f.send("eth0", msg(1, 1, STRANGER, vendorOpts(4491, ""), iaNa(1))).orElseThrow();
        assertThat(vendorOptions(plain)).isEqualTo(Map.of(4491L, Map.of(32, tftp)));
        // with the DOCSIS ORO: also config-file (33); an enterprise named in vendor-class (16) gets its own option
        String vendorClass9999 = opt(16, "0000270f0003616263");
        Dhcp6Message both = f.send("eth0", msg(1, 2, STRANGER, docsis(33), vendorClass9999, iaNa(1))).orElseThrow();
        assertThat(vendorOptions(both)).isEqualTo(Map.of(4491L, Map.of(32, tftp, 33, cmCfg), 9999L, Map.of(7, "aabb")));
        // no enterprise named, vendor-opts not asked for: nothing, always-send or not
        assertThat(f.send("eth0", msg(1, 3, STRANGER, iaNa(1))).orElseThrow().vendorOpts()).isEmpty();
    }

    @Test
    void aConfiguredVendorOptsContainerAndNeverSendFollowKea() throws Exception {
        Pipeline6Fixture f = new Pipeline6Fixture(CONFIG);
        // subnet 2 configures the CableLabs container; its never-send cancels tftp-servers (always-send globally)
        Dhcp6Message asked = f.send("eth1", msg(1, 1, STRANGER, opt(6, "0011"), iaNa(1))).orElseThrow();
        assertThat(vendorOptions(asked)).isEqualTo(Map.of(4491L, Map.of()));
        Dhcp6Message docsis = f.send("eth1", msg(1, 2, STRANGER, docsis(33, 32), iaNa(1))).orElseThrow();
        assertThat(vendorOptions(docsis)).isEqualTo(Map.of(4491L, Map.of(33, Bytes.of("cm.cfg".getBytes(StandardCharsets.US_ASCII)).toHex())));
        // on subnet 1 (no container configured) asking for 17 alone brings nothing
        assertThat(f.send("eth0", msg(1, 3, STRANGER, opt(6, "0011"), iaNa(1))).orElseThrow().vendorOpts()).isEmpty();
    }

    @Test
    void vendorClassGoesOutOncePerEnterprise() throws Exception {
        Pipeline6Fixture f = new Pipeline6Fixture(CONFIG);
        Dhcp6Message reply = f.send("eth0", msg(1, 1, STRANGER, opt(6, "0010"), iaNa(1))).orElseThrow();
        List<VendorClass6> classes = reply.vendorClasses();
        // subnet level first (1234, then 9999 "b"), the global 9999 "high1" is shadowed by the subnet's 9999
        assertThat(classes).extracting(VendorClass6::enterpriseId).containsExactly(1234L, 9999L);
        assertThat(classes.get(1).classData()).extracting(Bytes::toHex).containsExactly("62");
    }
}
