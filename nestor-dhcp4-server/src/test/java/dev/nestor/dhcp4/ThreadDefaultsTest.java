package dev.nestor.dhcp4;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.config.ConfigText;
import dev.nestor.config.Dhcp4ConfigParser;
import dev.nestor.config.model.Dhcp4Config;
import org.junit.jupiter.api.Test;

/** How many threads take packets when the config does not say: more for PostgreSQL, where workers wait. */
class ThreadDefaultsTest {
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private static Dhcp4Config config(String extra) throws Exception {
        return Dhcp4ConfigParser.parse(ConfigText.parse("{\"Dhcp4\": {" + extra + "}}", null));
    }

    @Test
    void postgresqlGetsFourThreadsPerCoreUnlessTheConfigOrCommandLineSays() throws Exception {
        String pg = "\"lease-database\": {\"type\": \"postgresql\", \"name\": \"kea\"}";
        assertThat(Dhcp4Server.threadOverride(config(pg), 0)).isEqualTo(4 * CORES);
        assertThat(Dhcp4Server.threadOverride(config(pg + ", \"multi-threading\": {\"thread-pool-size\": 3}"), 0))
                .as("thread-pool-size wins").isZero(); // 0: no override, the config's 3 stands
        assertThat(Dhcp4Server.threadOverride(config(pg), 5)).as("-Dnestor.workers wins").isEqualTo(5);
    }

    @Test
    void memfileAndMysqlKeepOnePerCore() throws Exception {
        assertThat(Dhcp4Server.threadOverride(config(""), 0)).isZero();
        assertThat(Dhcp4Server.threadOverride(config("\"lease-database\": {\"type\": \"mysql\", \"name\": \"kea\"}"), 0)).isZero();
    }
}
