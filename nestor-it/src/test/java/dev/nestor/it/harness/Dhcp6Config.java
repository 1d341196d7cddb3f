package dev.nestor.it.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;

/**
 * A Kea-format {@code {"Dhcp6": {...}}} document under construction. {@link #basic} gives what every v6 lab test
 * wants: the lab's server interface, a memfile lease file and a unix control socket in the lab's work dir, INFO
 * logging to stdout, and LFC off so the lease file is a plain append log the tests can read.
 */
public final class Dhcp6Config implements ServerConfig {
    private final ObjectNode document;

    private Dhcp6Config(ObjectNode document) {
        this.document = document;
    }

    public static Dhcp6Config basic(NetnsLab lab) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        ObjectNode d = doc.putObject("Dhcp6");
        d.putObject("interfaces-config").putArray("interfaces").add(lab.serverIface());
        d.putObject("lease-database").put("type", "memfile").put("persist", true)
                .put("name", lab.workDir().resolve("leases6.csv").toString()).put("lfc-interval", 0);
        d.putObject("control-socket").put("socket-type", "unix")
                .put("socket-name", lab.workDir().resolve("ctrl6.sock").toString());
        d.put("preferred-lifetime", 300).put("valid-lifetime", 600);
        d.putArray("subnet6");
        ObjectNode logger = d.putArray("loggers").addObject().put("name", "kea-dhcp6").put("severity", "INFO");
        logger.putArray("output_options").addObject().put("output", "stdout");
        return new Dhcp6Config(doc);
    }

    /**
     * {@link #basic} plus what most v6 lab tests serve: subnet 1, {@code 2001:db8:1::/64} with the pool
     * {@code 2001:db8:1::100 - 2001:db8:1::1ff}, on the lab's server interface, and dns-servers {@code 2001:db8:1::53}.
     */
    public static Dhcp6Config lan(NetnsLab lab) {
        Dhcp6Config c = basic(lab).option("dns-servers", "2001:db8:1::53");
        c.subnet(1, "2001:db8:1::/64", "2001:db8:1::100 - 2001:db8:1::1ff").put("interface", lab.serverIface());
        return c;
    }

    /** Wraps an existing document (e.g. a Kea example file), which is copied. */
    public static Dhcp6Config of(JsonNode document) {
        if (!document.path("Dhcp6").isObject()) throw new IllegalArgumentException("no Dhcp6 object in config");
        return new Dhcp6Config(document.deepCopy());
    }

    public ObjectNode dhcp6() {
        return (ObjectNode) document.get("Dhcp6");
    }

    @Override
    public int family() {
        return 6;
    }

    @Override
    public ObjectNode root() {
        return dhcp6();
    }

    public Dhcp6Config option(String name, String data) {
        Dhcp4Config.addOption(dhcp6(), name, data);
        return this;
    }

    /** Adds a subnet with one address pool ({@code "a - b"}) and returns it for further settings. */
    public ObjectNode subnet(int id, String prefix, String pool) {
        ObjectNode s = dhcp6().withArray("subnet6").addObject();
        s.put("id", id).put("subnet", prefix);
        s.putArray("pools").addObject().put("pool", pool);
        return s;
    }

    /** Adds a pd-pool to a subnet. */
    public static ObjectNode pdPool(ObjectNode subnet, String prefix, int prefixLen, int delegatedLen) {
        ArrayNode pools = subnet.withArray("pd-pools");
        return pools.addObject().put("prefix", prefix).put("prefix-len", prefixLen).put("delegated-len", delegatedLen);
    }

    @Override
    public Path leaseFile() {
        return Path.of(dhcp6().path("lease-database").path("name").asText());
    }

    /** The unix control socket: of {@code control-socket}, or the unix entry of {@code control-sockets}. */
    @Override
    public Path controlSocket() {
        JsonNode n = dhcp6().path("control-socket").path("socket-name");
        if (n.isTextual()) return Path.of(n.asText());
        for (JsonNode s : dhcp6().path("control-sockets")) {
            if (s.path("socket-type").asText().equals("unix") && s.path("socket-name").isTextual()) return Path.of(s.get("socket-name").asText());
        }
        return null;
    }

    @Override
    public Dhcp6Config copy() {
        return new Dhcp6Config(document.deepCopy());
    }

    @Override
    public String toJson() {
        return Json.pretty(document);
    }
}
