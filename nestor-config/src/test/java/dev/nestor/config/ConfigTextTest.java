package dev.nestor.config;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigTextTest {
    @TempDir
    Path dir;

    @Test
    void acceptsKeaCommentsTrailingCommasAndLeadingDotNumbers() throws Exception {
        JsonNode n = ConfigText.parse("""
                # shell comment
                {
                  // line comment
                  "a": 1, /* block
                  comment */ "b": [1, 2, ],
                  "c": .5,
                  "d": "not // a comment # at all",
                }
                """, null);
        assertThat(n.get("a").asInt()).isEqualTo(1);
        assertThat(n.get("b")).hasSize(2);
        assertThat(n.get("c").asDouble()).isEqualTo(0.5);
        assertThat(n.get("d").asText()).isEqualTo("not // a comment # at all");
    }

    @Test
    void syntaxErrorNamesFileLineAndColumn() throws Exception {
        Path f = dir.resolve("kea.json");
        Files.writeString(f, "{\n  \"Dhcp4\": {\n    \"x\": tru\n  }\n}\n");
        assertThatThrownBy(() -> ConfigText.read(f))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).errors().getFirst().path()).startsWith(f + ":3:"))
                .hasMessageContaining("syntax error");
    }

    @Test
    void duplicateKeyIsAnError() {
        assertThatThrownBy(() -> ConfigText.parse("{\"a\": 1,\n \"a\": 2}", null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("<config>:2:")
                .hasMessageContaining("Duplicate field 'a'");
    }

    @Test
    void includesAreRelativeToTheIncludingFileAndMayNest() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("main.json"), """
                { "Dhcp4": { <?include "sub/subnets.json"?> } }
                """);
        Files.writeString(sub.resolve("subnets.json"), """
                "subnet4": [ <?include "one.json"?> ]
                """);
        Files.writeString(sub.resolve("one.json"), """
                // the <?include "nowhere.json"?> in a comment is not a directive
                { "id": 1, "subnet": "192.0.2.0/24", "comment": "<?include \\"x\\"?> in a string" }
                """);
        JsonNode n = ConfigText.read(dir.resolve("main.json"));
        assertThat(n.at("/Dhcp4/subnet4/0/subnet").asText()).isEqualTo("192.0.2.0/24");
        assertThat(n.at("/Dhcp4/subnet4/0/comment").asText()).startsWith("<?include");
    }

    @Test
    void errorInsideAnIncludedFileIsLocatedInThatFile() throws Exception {
        Files.writeString(dir.resolve("main.json"), "{\n\"Dhcp4\": <?include \"bad.json\"?>\n}");
        Files.writeString(dir.resolve("bad.json"), "{\n  \"a\": 1,\n  \"b\" 2\n}");
        assertThatThrownBy(() -> ConfigText.read(dir.resolve("main.json")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(dir.resolve("bad.json") + ":3:");
    }

    @Test
    void includeLoopIsDetected() throws Exception {
        Files.writeString(dir.resolve("a.json"), "{ \"x\": <?include \"b.json\"?> }");
        Files.writeString(dir.resolve("b.json"), "[ <?include \"a.json\"?> ]");
        assertThatThrownBy(() -> ConfigText.read(dir.resolve("a.json")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("include loop")
                .hasMessageContaining("a.json");
    }

    @Test
    void missingIncludedFileIsReportedWithThePositionOfTheDirective() throws Exception {
        Files.writeString(dir.resolve("a.json"), "{\n  \"x\": <?include \"gone.json\"?> }");
        assertThatThrownBy(() -> ConfigText.read(dir.resolve("a.json")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(dir.resolve("a.json") + ":2:8")
                .hasMessageContaining("does not exist");
    }

    @Test
    void parseWithBaseDirResolvesIncludes() throws Exception {
        Files.writeString(dir.resolve("v.json"), "42");
        assertThat(ConfigText.parse("{\"v\": <?include \"v.json\"?>}", dir).get("v").asInt()).isEqualTo(42);
    }

    @Test
    void missingFileAndEmptyText() {
        assertThatThrownBy(() -> ConfigText.read(dir.resolve("nope.json"))).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> ConfigText.parse("  // nothing\n", null)).hasMessageContaining("empty");
    }
}
