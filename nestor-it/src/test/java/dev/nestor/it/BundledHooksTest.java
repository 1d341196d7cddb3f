package dev.nestor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.it.harness.ClientLease;
import dev.nestor.it.harness.Cmd;
import dev.nestor.it.harness.Dhclient;
import dev.nestor.it.harness.Dhcp4Config;
import dev.nestor.it.harness.Host;
import dev.nestor.it.harness.Json;
import dev.nestor.it.harness.LeaseFile;
import dev.nestor.it.harness.ServerKind;
import dev.nestor.it.harness.ServerProcess;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Kea's bundled hook libraries, named by their Kea file names in the config, in the real nestor-dhcp4 process with
 * real clients: run_script's script sees the lease, legal_log writes Kea's line, flex_id reserves by the expression,
 * limits drops the client over its rate, bootp serves a BOOTP request, ping_check skips an address that answers
 * ping. One lab and one server; each test reconfigures it (SIGHUP) with the libraries it needs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BundledHooksTest extends LabTest {
    private Dhcp4Config base;

    @BeforeAll
    void setUp() {
        Assumptions.assumeTrue(kind == ServerKind.NESTOR, "Nestor's bundled libraries (Kea needs its own .so files)");
        createLab("192.0.2.1/24", "dhclient", "udhcpc", "python3");
        base = Dhcp4Config.basic(lab);
        base.subnet(1, "192.0.2.0/24", "192.0.2.100 - 192.0.2.149");
        startServer(base);
    }

    private Dhcp4Config with(String library, String parametersJson) {
        Dhcp4Config c = base.copy();
        ObjectNode lib = c.dhcp4().withArray("hooks-libraries").addObject();
        lib.put("library", "/usr/lib/x86_64-linux-gnu/kea/hooks/" + library);
        if (parametersJson != null) lib.set("parameters", Json.parse(parametersJson));
        return c;
    }

    private static void addLibrary(Dhcp4Config c, String library, String parametersJson) {
        ObjectNode lib = c.dhcp4().withArray("hooks-libraries").addObject();
        lib.put("library", library);
        if (parametersJson != null) lib.set("parameters", Json.parse(parametersJson));
    }

    @Test
    @Order(1)
    void runScriptSeesTheLeaseAndLegalLogWritesKeasLine() throws Exception {
        Path env = lab.workDir().resolve("script-env.txt");
        Path script = lab.workDir().resolve("lease-hook.sh");
        Files.writeString(script, "#!/bin/sh\n[ \"$1\" = leases4_committed ] || exit 0\n{ echo \"HOOK=$1\"; /usr/bin/env; echo END; } >> " + env + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Dhcp4Config c = with("libdhcp_run_script.so", "{\"name\": \"" + script + "\", \"sync\": false}");
        addLibrary(c, "libdhcp_legal_log.so", "{\"path\": \"" + lab.workDir() + "\", \"base-name\": \"kea-forensic4\"}");
        reloadAndAwaitLog(c, "legal_log: writing to");

        Host host = lab.addClient("logged", "02:00:00:00:10:01");
        ClientLease lease = client(new Dhclient(lab, host)).obtain();

        await("the script wrote the lease").atMost(Duration.ofSeconds(15)).until(() -> Files.exists(env) && Files.readString(env).contains("END"));
        String vars = Files.readString(env);
        assertThat(vars).contains("HOOK=leases4_committed", "QUERY4_TYPE=DHCPREQUEST", "QUERY4_HWADDR=02:00:00:00:10:01",
                "LEASES4_SIZE=1", "LEASES4_AT0_ADDRESS=" + lease.address(), "LEASES4_AT0_HWADDR=02:00:00:00:10:01",
                "LEASES4_AT0_VALID_LIFETIME=600", "LEASES4_AT0_SUBNET_ID=1", "QUERY4_IFACE_NAME=" + lab.serverIface());

        Path log;
        try (Stream<Path> s = Files.list(lab.workDir())) {
            log = s.filter(p -> p.getFileName().toString().matches("kea-forensic4\\.\\d{8}\\.txt")).findFirst().orElseThrow();
        }
        assertThat(Files.readAllLines(log)).anySatisfy(line -> assertThat(line).matches(
                "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} \\S+ Address: " + lease.address().replace(".", "\\.")
                        + " has been assigned for 0 hrs 10 mins 0 secs to a device with hardware address: hwtype=1 02:00:00:00:10:01.*"));
    }

    @Test
    @Order(2)
    void flexIdReservesByTheExpression() {
        Dhcp4Config c = with("libdhcp_flex_id.so", "{\"identifier-expression\": \"option[host-name].text\"}");
        c.dhcp4().putArray("host-reservation-identifiers").add("flex-id").add("hw-address");
        ObjectNode subnet = (ObjectNode) c.dhcp4().withArray("subnet4").get(0);
        subnet.putArray("reservations").addObject().put("flex-id", "'printer-7'").put("ip-address", "192.0.2.50");
        reloadAndAwaitLog(c, "flex_id: identifier-expression");

        ClientLease lease = client(new Dhclient(lab, lab.addClient("flex", null), "printer-7")).obtain();
        assertThat(lease.address()).as("reserved by flex-id, outside the pool").isEqualTo("192.0.2.50");
        ClientLease other = client(new Dhclient(lab, lab.addClient("noflex", null), "scanner-2")).obtain();
        assertThat(other.address()).startsWith("192.0.2.1");
    }

    @Test
    @Order(3)
    void limitsRefusesTheClientOverItsRate() {
        Dhcp4Config c = with("libdhcp_limits.so", null);
        ObjectNode cls = c.dhcp4().putArray("client-classes").addObject();
        cls.put("name", "chatty").put("test", "pkt4.mac == 0x020000001055");
        cls.putObject("user-context").putObject("limits").put("rate-limit", "1 packet per minute");
        reloadAndAwaitLog(c, "LIMITS_CONFIGURED_CLIENT_CLASS_RATE_LIMIT");

        Host chatty = lab.addClient("chatty", "02:00:00:00:10:55");
        // DISCOVER passes (the one packet a minute), the REQUEST and every retry are dropped: no lease
        Cmd.Result r = lab.exec(chatty.netns(), Duration.ofSeconds(20), "udhcpc", "-f", "-n", "-q", "-t", "3", "-T", "1",
                "-i", chatty.iface(), "-s", "/bin/true");
        assertThat(r.exit()).as("udhcpc got no lease\n%s", r.output()).isNotZero();
        assertThat(server.control().command("lease4-get-all").toString()).doesNotContain("02:00:00:00:10:55");
        ClientLease calm = client(new Dhclient(lab, lab.addClient("calm", null))).obtain();
        assertThat(calm.address()).as("other clients are served").startsWith("192.0.2.");
        // as Kea's limits: each dropped query counts in pkt4-limit-exceeded and pkt4-receive-drop
        long exceeded = stat("pkt4-limit-exceeded");
        assertThat(exceeded).as("the REQUEST and its retries").isGreaterThanOrEqualTo(1);
        assertThat(stat("pkt4-receive-drop")).isGreaterThanOrEqualTo(exceeded);
    }

    private long stat(String name) {
        JsonNode answer = server.control().command("statistic-get", Json.MAPPER.createObjectNode().put("name", name));
        assertThat(answer.path("arguments").path(name).isArray()).as(answer.toString()).isTrue();
        return answer.path("arguments").path(name).get(0).get(0).asLong();
    }

    @Test
    @Order(4)
    void bootpServesABootpRequestWithAnInfiniteLease() throws Exception {
        reloadAndAwaitLog(with("libdhcp_bootp.so", null), "hook library 'libdhcp_bootp.so' loaded");
        Host host = lab.addClient("bootp", "02:00:00:00:10:0b");
        Path client = lab.workDir().resolve("bootp-client.py");
        try (InputStream in = BundledHooksTest.class.getResourceAsStream("/bootp-client.py")) {
            Files.write(client, in.readAllBytes());
        }
        Cmd.Result r = lab.exec(host.netns(), Duration.ofSeconds(30), "python3", client.toString(), host.iface(), host.mac());
        assertThat(r.exit()).as(r.output()).isZero();
        JsonNode reply = Json.parse(r.output().trim().lines().reduce((a, b) -> b).orElseThrow());
        String address = reply.path("yiaddr").asText();
        assertThat(address).startsWith("192.0.2.1");
        assertThat(reply.path("length").asInt()).as("padded to the BOOTP minimum").isGreaterThanOrEqualTo(300);
        List<Integer> options = Json.MAPPER.convertValue(reply.path("options"), Json.MAPPER.getTypeFactory().constructCollectionType(List.class, Integer.class));
        assertThat(options).as("no DHCP-specific option in a BOOTREPLY").doesNotContain(53, 54, 51, 58, 59, 61);
        LeaseFile f = awaitLeases("the BOOTP lease is written", lf -> lf.currentFor("02:00:00:00:10:0b").isPresent());
        LeaseFile.Row row = f.currentFor("02:00:00:00:10:0b").orElseThrow();
        assertThat(row.address()).isEqualTo(address);
        assertThat(row.validLifetime()).as("infinite").isEqualTo(4294967295L);
    }

    @Test
    @Order(5)
    void pingCheckSkipsAnAddressThatAnswersPing() {
        Dhcp4Config c = with("libdhcp_ping_check.so", "{\"min-ping-requests\": 1, \"reply-timeout\": 300}");
        ObjectNode subnet = (ObjectNode) c.dhcp4().withArray("subnet4").get(0);
        subnet.putArray("pools").addObject().put("pool", "192.0.2.200 - 192.0.2.201");
        Host squatter = lab.addClient("squatter", null);
        lab.addAddress(squatter, "192.0.2.200/24");
        reloadAndAwaitLog(c, "ping_check: ICMP");

        ClientLease lease = client(new Dhclient(lab, lab.addClient("pinged", null))).obtain();
        assertThat(lease.address()).as("192.0.2.200 answers ping: the next address is offered").isEqualTo("192.0.2.201");
        LeaseFile f = awaitLeases("192.0.2.200 declined", lf -> lf.current().containsKey("192.0.2.200"));
        assertThat(f.current().get("192.0.2.200").state()).as("declined").isEqualTo(1);
        assertThat(server.control().statistic("declined-addresses")).isEqualTo(1);
    }

    @Test
    @Order(6)
    void aLibraryRefusingItsParametersRefusesTheReloadAndTheServerGoesOn() {
        Cmd.Result check = ServerProcess.checkConfig(lab, kind, with("libdhcp_nosuch.so", null));
        assertThat(check.exit()).isNotZero();
        assertThat(check.output()).contains("hook library '/usr/lib/x86_64-linux-gnu/kea/hooks/libdhcp_nosuch.so' is not supported yet");
        server.reload(with("libdhcp_run_script.so", "{}"));
        await("refused").atMost(Duration.ofSeconds(15)).until(() -> Files.readString(server.log()).contains("The 'name' parameter is mandatory"));
        assertThat(server.isAlive()).isTrue();
        JsonNode config = server.control().command("config-get").path("arguments").path("Dhcp4");
        assertThat(config.path("hooks-libraries").get(0).path("library").asText()).as("the running configuration stays")
                .endsWith("libdhcp_ping_check.so");
    }

    @Test
    @Order(7)
    void flexIdReplacesTheClientIdWithAnRfc4361DuidInTheStoredLease() {
        Dhcp4Config c = with("libdhcp_flex_id.so",
                "{\"identifier-expression\": \"option[host-name].text\", \"replace-client-id\": true, \"cid-as-rfc4361-duid\": true}");
        reloadAndAwaitLog(c, "cid-as-rfc4361-duid");
        ClientLease lease = client(new Dhclient(lab, lab.addClient("rfc4361", "02:00:00:00:10:43"), "dual-1")).obtain();
        LeaseFile f = awaitLeases("the lease is written", lf -> lf.currentFor("02:00:00:00:10:43").isPresent());
        LeaseFile.Row row = f.currentFor("02:00:00:00:10:43").orElseThrow();
        assertThat(row.address()).isEqualTo(lease.address());
        // 0xFF, IAID 0, then the flex-id "dual-1"
        assertThat(row.clientId()).isEqualTo("ff:00:00:00:00:64:75:61:6c:2d:31");
    }
}
