package dev.nestor.dhcp4.command;

import dev.nestor.config.model.ClientClassDef;
import dev.nestor.control.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** class_cmds over a real server runtime, with Kea's answers. */
class ClassCommands4Test {
    @TempDir
    Path dir;
    CommandFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new CommandFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private java.util.List<String> names() {
        return f.server.runtime().config().clientClasses().stream().map(ClientClassDef::name).toList();
    }

    @Test
    void listGetAddUpdateDelete() {
        assertThat(CommandFixture.json(f.run("class-list", null))).isEqualTo("{ \"arguments\": { \"client-classes\": [ "
                + "{ \"name\": \"voip\" }, { \"name\": \"phones\" } ] }, \"result\": 0, \"text\": \"2 classes found\" }");
        Answer get = f.run("class-get", "{ \"name\": \"voip\" }");
        assertThat(CommandFixture.json(get)).isEqualTo("{ \"arguments\": { \"client-classes\": [ { \"name\": \"voip\", "
                + "\"test\": \"substring(option[60].hex,0,4) == 'voip'\" } ] }, \"result\": 0, \"text\": \"Class 'voip' definition returned\" }");

        assertThat(CommandFixture.json(f.run("class-add", "{ \"client-classes\": [ { \"name\": \"printers\", "
                + "\"test\": \"option[60].text == 'printer'\", \"option-data\": [ { \"name\": \"domain-name\", \"data\": \"print.example\" } ] } ] }")))
                .isEqualTo("{ \"result\": 0, \"text\": \"Class 'printers' added\" }");
        assertThat(names()).containsExactly("voip", "phones", "printers");
        assertThat(f.server.runtime().classifier()).isNotNull();
        assertThat(f.changes.isDirty()).isTrue();
        assertThat(f.run("class-add", "{ \"client-classes\": [ { \"name\": \"voip\" } ] }").text())
                .isEqualTo("Client Class: voip has already been defined");
        Answer bad = f.run("class-add", "{ \"client-classes\": [ { \"name\": \"bad\", \"test\": \"option[60].text ==\" } ] }");
        assertThat(bad.result()).isEqualTo(Answer.ERROR);
        assertThat(names()).doesNotContain("bad");

        assertThat(f.run("class-update", "{ \"client-classes\": [ { \"name\": \"voip\", \"test\": \"option[60].text == 'sip'\" } ] }").text())
                .isEqualTo("Class 'voip' updated");
        assertThat(names()).containsExactly("voip", "phones", "printers");
        assertThat(f.server.runtime().config().clientClass("voip").orElseThrow().test()).isEqualTo("option[60].text == 'sip'");
        assertThat(CommandFixture.json(f.run("class-update", "{ \"client-classes\": [ { \"name\": \"fax\" } ] }")))
                .isEqualTo("{ \"result\": 3, \"text\": \"Class 'fax' is not found\" }");
        assertThat(f.run("class-update", "{ \"client-classes\": [ { \"name\": \"voip\", \"test\": \"member('KNOWN')\" } ] }").text())
                .startsWith("modification of the class 'voip' would affect its dependency on the KNOWN and/or UNKNOWN built-in classes.");

        assertThat(f.run("class-del", "{ \"name\": \"voip\" }").text()).isEqualTo("Class 'voip' is used by class 'phones'");
        assertThat(CommandFixture.json(f.run("class-del", "{ \"name\": \"phones\" }")))
                .isEqualTo("{ \"result\": 0, \"text\": \"Class 'phones' deleted\" }");
        assertThat(CommandFixture.json(f.run("class-del", "{ \"name\": \"phones\" }")))
                .isEqualTo("{ \"result\": 3, \"text\": \"Class 'phones' not found\" }");
        assertThat(f.run("class-get", "{ \"name\": \"phones\" }").text()).isEqualTo("Class 'phones' not found");
    }

    @Test
    void argumentChecks() {
        assertThat(f.run("class-add", null).text()).isEqualTo("invalid command 'class-add': no arguments specified");
        assertThat(f.run("class-add", "{ }").text()).isEqualTo("invalid command 'class-add': 'arguments' is empty");
        assertThat(f.run("class-add", "{ \"client-classes\": { } }").text())
                .isEqualTo("'client-classes' argument specified for the 'class-add' command is not a list");
        assertThat(f.run("class-add", "{ \"client-classes\": [ ], \"x\": 1 }").text())
                .isEqualTo("invalid number of arguments 2 for the 'class-add' command. Expecting 'client-classes' list");
        assertThat(f.run("class-add", "{ \"client-classes\": [ ] }").text())
                .isEqualTo("invalid number of classes specified for the 'class-add' command. Expected one class");
        assertThat(f.run("class-get", "{ \"name\": 1 }").text()).isEqualTo("'name' argument specified for the 'class-get' command is not a string");
        assertThat(f.run("class-del", "{ \"id\": 1 }").text()).isEqualTo("missing 'name' argument for the 'class-del' command");
    }
}
