package dev.nestor.daemon.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestor.config.ConfigException;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.server.RuntimeChanges;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one path a config takes into service, with a stand-in server whose configs are plain strings. */
class ConfigReloaderTest {
    @TempDir
    Path dir;

    final List<String> applied = new ArrayList<>();
    final List<String> loggers = new ArrayList<>();

    ConfigReloader<String> reloader(Path file, RuntimeChanges changes, ControlChannels channels) {
        ConfigReloader.Server<String> server = ConfigReloader.Server.of(c -> {
            if (c.contains("bad")) throw new IllegalArgumentException("refused: " + c);
        }, c -> {
            if (c.contains("bad")) throw new IllegalArgumentException("refused: " + c);
            applied.add(c);
        }, c -> List.of());
        ConfigReloader.Loader<String> loader = f -> {
            try {
                return Files.readString(f).strip();
            } catch (java.io.IOException e) {
                throw new ConfigException("", e.getMessage());
            }
        };
        return new ConfigReloader<>(this, server, file, loader, loggers::add, channels, changes);
    }

    @Test
    void appliesGoodConfigsKeepsTheRunningOneOnABadOneAndSighupClearsTheRuntimeMark() throws Exception {
        Path file = dir.resolve("config.txt");
        Files.writeString(file, "from-file");
        RuntimeChanges changes = new RuntimeChanges();
        try (ControlChannels channels = new ControlChannels(new CommandRegistry(), "dhcp6")) {
            ConfigReloader<String> r = reloader(file, changes, channels);
            assertThat(r.file()).isEqualTo(file);
            r.apply("set-by-command");
            assertThatThrownBy(() -> r.apply("bad one")).hasMessage("refused: bad one");
            assertThatThrownBy(() -> r.check("bad two")).hasMessage("refused: bad two");
            r.check("fine");
            assertThat(applied).containsExactly("set-by-command");
            assertThat(loggers).as("loggers follow each applied config").containsExactly("set-by-command");

            changes.markDirty();
            r.reloadFromFile();
            assertThat(applied).containsExactly("set-by-command", "from-file");
            assertThat(changes.isDirty()).isFalse();
            Files.writeString(file, "bad file");
            r.reloadFromFile();
            assertThat(applied).as("a bad file changes nothing").hasSize(2);
        }
    }
}
