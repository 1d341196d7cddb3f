package dev.nestor.lease.memfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.common.Bytes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The open-addressing index agrees with a plain map of sets through random adds and removes. */
class MultiIndexTest {

    @Test
    void matchesAReferenceModel() {
        for (long seed = 1; seed <= 5; seed++) {
            Random rnd = new Random(seed);
            // few distinct keys with a bad hash force long probe runs and many backward shifts
            MultiIndex<Bytes, Integer> index = new MultiIndex<>(Integer::compare, b -> b.get(0) & 3);
            Map<Bytes, Set<Integer>> model = new HashMap<>();
            for (int step = 0; step < 20_000; step++) {
                Bytes key = Bytes.of(new byte[] {(byte) rnd.nextInt(64), 7});
                int address = rnd.nextInt(8);
                if (rnd.nextInt(3) == 0) {
                    index.remove(key, address);
                    Set<Integer> s = model.get(key);
                    if (s != null && s.remove(address) && s.isEmpty()) model.remove(key);
                } else {
                    index.add(key, address);
                    model.computeIfAbsent(key, _ -> new HashSet<>()).add(address);
                }
                if (step % 97 == 0) {
                    for (int k = 0; k < 64; k++) {
                        Bytes probe = Bytes.of(new byte[] {(byte) k, 7});
                        assertThat(new HashSet<>(index.get(probe))).as("seed %d step %d key %d", seed, step, k)
                                .isEqualTo(model.getOrDefault(probe, Set.of()));
                    }
                    assertThat(index.size()).isEqualTo(model.size());
                }
            }
        }
    }

    @Test
    void macAddressesDifferingInTheirLastBytesSpreadOverTheTable() {
        Set<Integer> hashes = new HashSet<>();
        for (int i = 0; i < 65536; i++) {
            hashes.add(KeyHash.bytes(Bytes.of(new byte[] {0, 12, 1, 2, (byte) (i >> 8), (byte) i})) & 0xFFFF);
        }
        // a uniform hash fills about 63% of 65536 buckets with 65536 keys; Arrays.hashCode fills under 13%
        assertThat(hashes.size()).isGreaterThan(40_000);
    }
}
