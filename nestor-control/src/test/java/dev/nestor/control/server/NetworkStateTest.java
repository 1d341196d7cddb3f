package dev.nestor.control.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nestor.control.KeaJson;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** dhcp-disable / dhcp-enable bookkeeping, Kea's NetworkState. */
class NetworkStateTest {
    @Test
    void serviceResumesOnlyWhenEveryOriginHasEnabledIt() {
        try (NetworkState s = new NetworkState()) {
            assertThat(s.isServiceEnabled()).isTrue();
            s.disableService(NetworkState.USER_COMMAND);
            s.disableService(NetworkState.HA_REMOTE_COMMAND);
            assertThat(s.isServiceEnabled()).isFalse();
            assertThat(KeaJson.write(s.toJson())).isEqualTo("{ \"disabled-by-db-connection\": [  ], \"disabled-by-local-command\": [  ], "
                    + "\"disabled-by-remote-command\": [ 2000 ], \"disabled-by-user\": true, \"globally-disabled\": true }");
            s.enableService(NetworkState.USER_COMMAND);
            assertThat(s.isServiceEnabled()).as("the HA partner still holds it").isFalse();
            s.enableService(NetworkState.HA_REMOTE_COMMAND);
            assertThat(s.isServiceEnabled()).isTrue();
        }
    }

    @Test
    void maxPeriodReEnables() {
        try (NetworkState s = new NetworkState()) {
            s.delayedEnableService(1, NetworkState.USER_COMMAND);
            s.disableService(NetworkState.USER_COMMAND);
            assertThat(s.isServiceEnabled()).isFalse();
            await().atMost(Duration.ofSeconds(10)).until(s::isServiceEnabled);
        }
    }
}
