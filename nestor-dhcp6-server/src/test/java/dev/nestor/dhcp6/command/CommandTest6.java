package dev.nestor.dhcp6.command;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh {@link CommandFixture6} for each test, in a temporary data directory. */
abstract class CommandTest6 {
    @TempDir
    Path dir;
    CommandFixture6 f;

    @BeforeEach
    void startFixture() throws Exception {
        f = new CommandFixture6(dir);
    }

    @AfterEach
    void closeFixture() {
        f.close();
    }
}
