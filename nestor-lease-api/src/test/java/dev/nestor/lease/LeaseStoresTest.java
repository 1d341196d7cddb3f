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

    @Test
    void open6FindsProvidersLikeOpen4() {
        assertThatThrownBy(() -> LeaseStores.open6(Map.of("type", "mysql"), ctx))
                .isInstanceOf(LeaseStoreException.class)
                .hasMessageStartingWith("lease-database type 'mysql' is not supported by this build");
        assertThatThrownBy(() -> LeaseStores.open6(Map.of(), ctx)).isInstanceOf(LeaseStoreException.class)
                .hasMessageContaining("'type'");
    }

    @Test
    void providerWithoutV6StoreRefusesByDefault() {
        LeaseStoreProvider v4Only = new LeaseStoreProvider() {
            @Override
            public String type() {
                return "legacy";
            }

            @Override
            public LeaseStore4 open4(Map<String, String> parameters, StoreContext c) throws LeaseStoreException {
                throw new LeaseStoreException("not in this test");
            }
        };
        assertThatThrownBy(() -> v4Only.open6(Map.of("type", "legacy"), ctx)).isInstanceOf(LeaseStoreException.class)
                .hasMessage("v6 not supported by legacy");
    }
}
