package dev.nestor.lease;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeaseStoresTest {
    private final StoreContext ctx = new StoreContext(() -> 0L, Path.of("."));

    @Test
    void unknownTypeIsNamedInTheError() {
        assertThatThrownBy(() -> LeaseStores.open4(Map.of("type", "mysql"), ctx))
                .isInstanceOf(LeaseStoreException.class)
                .hasMessageStartingWith("lease-database type 'mysql' is not supported by this build");
    }

    @Test
    void missingTypeIsAnError() {
        assertThatThrownBy(() -> LeaseStores.open4(Map.of("persist", "false"), ctx))
                .isInstanceOf(LeaseStoreException.class)
                .hasMessageContaining("'type'");
    }
}
