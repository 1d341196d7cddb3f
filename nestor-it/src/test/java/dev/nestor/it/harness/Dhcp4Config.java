package dev.nestor.it.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;

/**
 * A Kea-format {@code {"Dhcp4": {...}}} document under construction. {@link #basic} gives what every lab test
 * wants: the lab's server interface, a memfile lease file and a unix control socket in the lab's work dir, INFO
 * logging to stdout, and LFC off so the lease file is a plain append log the tests can read.
 */
public final class Dhcp4Config implements ServerConfig {
    private final ObjectNode document;

    private Dhcp4Config(ObjectNode document) {
        this.document = document;
    }

    public static Dhcp4Config basic(NetnsLab lab) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        ObjectNode d = doc.putObject("Dhcp4");
        d.putObject("interfaces-config").putArray("interfaces").add(lab.serverIface());
        d.putObject("lease-database").put("type", "memfile").put("persist", true)
                .put("name", lab.workDir().resolve("leases4.csv").toString()).put("lfc-interval", 0);
        d.putObject("control-socket").put("socket-type", "unix")
                .put("socket-name", lab.workDir().resolve("ctrl4.sock").toString());
        d.put("valid-lifetime", 600).put("renew-timer", 150).put("rebind-timer", 300);
        d.putArray("subnet4");
        ObjectNode logger = d.putArray("loggers").addObject().put("name", "kea-dhcp4").put("severity", "INFO");
        // "output_options": the spelling every Kea accepts (2.2 rejects the newer "output-options")
        logger.putArray("output_options").addObject().put("output", "stdout");
        return new Dhcp4Config(doc);
    }

    /** Wraps an existing document (e.g. a Kea example file), which is copied. */
    public static Dhcp4Config of(JsonNode document) {
        if (!document.path("Dhcp4").isObject()) throw new IllegalArgumentException("no Dhcp4 object in config");
        return new Dhcp4Config(document.deepCopy());
    }

    public ObjectNode dhcp4() {
        return (ObjectNode) document.get("Dhcp4");
    }

    @Override
    public int family() {
        return 4;
    }

    @Override
    public ObjectNode root() {
        return dhcp4();
    }

    public ObjectNode document() {
        return document;
    }

    public Dhcp4Config option(String name, String data) {
        addOption(dhcp4(), name, data);
        return this;
    }

    /** Adds a subnet with one pool ({@code "a - b"}) and returns it for further settings. */
    public ObjectNode subnet(int id, String cidr, String pool) {
        ObjectNode s = dhcp4().withArray("subnet4").addObject();
        s.put("id", id).put("subnet", cidr);
        s.putArray("pools").addObject().put("pool", pool);
        return s;
    }

    public static void addOption(ObjectNode scope, String name, String data) {
        ArrayNode options = scope.withArray("option-data");
        options.addObject().put("name", name).put("data", data);
    }

    @Override
    public Path leaseFile() {
        return Path.of(dhcp4().path("lease-database").path("name").asText());
    }

    /** The control socket path, or null if none is configured. */
    @Override
    public Path controlSocket() {
        JsonNode n = dhcp4().path("control-socket").path("socket-name");
        return n.isTextual() ? Path.of(n.asText()) : null;
    }

    @Override
    public Dhcp4Config copy() {
        return new Dhcp4Config(document.deepCopy());
    }

    @Override
    public String toJson() {
        return Json.pretty(document);
    }
}
