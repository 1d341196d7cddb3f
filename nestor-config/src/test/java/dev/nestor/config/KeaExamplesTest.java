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
                    Dhcp4ConfigParser.parse(ConfigText.read(f));
                    System.out.println("OK   " + f.getFileName());
                } catch (ConfigException e) {
                    System.out.println("FAIL " + f.getFileName() + "\n   " + e.getMessage().replace("\n", "\n   "));
                }
            }
        }
    }
}
