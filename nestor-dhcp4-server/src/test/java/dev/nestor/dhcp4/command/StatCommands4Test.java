package dev.nestor.dhcp4.command;

import dev.nestor.control.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** stat_cmds' stat-lease4-get over a real server runtime: Kea's result-set table and texts. */
class StatCommands4Test {
    @TempDir
    Path dir;
    CommandFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new CommandFixture(dir);
        f.run("lease4-add", "{ \"ip-address\": \"192.0.2.101\", \"hw-address\": \"00:00:00:00:00:01\" }");
        f.run("lease4-add", "{ \"ip-address\": \"192.0.2.102\", \"hw-address\": \"00:00:00:00:00:02\", \"state\": 1 }");
        f.run("lease4-add", "{ \"ip-address\": \"198.51.100.11\", \"hw-address\": \"00:00:00:00:00:03\" }");
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void allSubnets() {
        assertThat(CommandFixture.json(f.run("stat-lease4-get", null))).isEqualTo("{ \"arguments\": { \"result-set\": { "
                + "\"columns\": [ \"subnet-id\", \"total-addresses\", \"cumulative-assigned-addresses\", \"assigned-addresses\", "
                + "\"declined-addresses\" ], \"rows\": [ [ 1, 100, 0, 2, 1 ], [ 2, 11, 0, 1, 0 ] ], "
                + "\"timestamp\": \"2027-01-15 10:00:00.123456\" } }, \"result\": 0, \"text\": \"stat-lease4-get[all subnets]: 2 rows found\" }");
    }

    @Test
    void selectedSubnets() {
        Answer one = f.run("stat-lease4-get", "{ \"subnet-id\": 2 }");
        assertThat(one.text()).isEqualTo("stat-lease4-get[subnet-id=2]: 1 rows found");
        assertThat(one.arguments().at("/result-set/rows/0").toString()).isEqualTo("[2,11,0,1,0]");
        Answer range = f.run("stat-lease4-get", "{ \"subnet-range\": { \"first-subnet-id\": 2, \"last-subnet-id\": 9 } }");
        assertThat(range.text()).isEqualTo("stat-lease4-get[subnets 2 through 9]: 1 rows found");

        assertThat(CommandFixture.json(f.run("stat-lease4-get", "{ \"subnet-id\": 7 }"))).isEqualTo("{ \"arguments\": {  }, "
                + "\"result\": 3, \"text\": \"stat-lease4-get[subnet-id=7]: no matching data, subnet-id: 7 does not exist\" }");
        assertThat(f.run("stat-lease4-get", "{ \"subnet-range\": { \"first-subnet-id\": 5, \"last-subnet-id\": 9 } }").text())
                .isEqualTo("stat-lease4-get[subnets 5 through 9]: no matching data, selected ID range: 5 through 9 includes no known subnets");
        assertThat(f.run("stat-lease4-get", "{ \"subnet-id\": 0 }").text()).isEqualTo("'subnet-id' parameter must be > 0");
        assertThat(f.run("stat-lease4-get", "{ \"subnet-id\": 1, \"subnet-range\": { } }").text())
                .isEqualTo("cannot specify both subnet-id and subnet-range");
        assertThat(f.run("stat-lease4-get", "{ \"subnet-range\": { \"first-subnet-id\": 5, \"last-subnet-id\": 2 } }").text())
                .isEqualTo("'last-subnet-id' must be greater than 'first-subnet-id'");
    }
}
