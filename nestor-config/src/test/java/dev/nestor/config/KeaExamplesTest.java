package dev.nestor.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

class KeaExamplesTest {
    static Path dir() throws URISyntaxException {
        return Path.of(KeaExamplesTest.class.getResource("/kea-examples/kea4").toURI());
    }

    @Test
    void dump() throws Exception {
        try (Stream<Path> s = Files.list(dir())) {
            for (Path f : s.sorted().toList()) {
                try {
                    var r = Dhcp4ConfigParser.parseWithNotes(ConfigText.read(f)); r.notes().forEach(n -> System.out.println("   note " + n));
                    System.out.println("OK   " + f.getFileName()); if (System.getProperty("show", "").equals(f.getFileName().toString())) { r.config().subnets().forEach(x -> System.out.println("  S " + x)); r.config().sharedNetworks().forEach(x -> System.out.println("  N " + x)); r.config().globalReservations().forEach(x -> System.out.println("  R " + x)); System.out.println("  G " + r.config().globals()); }
                } catch (ConfigException e) {
                    System.out.println("FAIL " + f.getFileName() + "\n   " + e.getMessage().replace("\n", "\n   "));
                }
            }
        }
    }
}
