package dev.nestor.engine.alloc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.common.net.Ipv4;
import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The two-level map finds exactly the next unmarked address from its cursor, as a plain bit set would. */
class PoolOccupancyTest {

    @Test
    void handsOutAddressesInOrderAndWraps() {
        PoolOccupancy map = new PoolOccupancy(Ipv4.parse("10.0.0.1"), 5);
        map.markLeased(1);
        assertThat(map.nextFree()).isEqualTo(0);
        assertThat(map.nextFree()).isEqualTo(2);
        map.markLeased(3);
        assertThat(map.nextFree()).isEqualTo(4);
        assertThat(map.nextFree()).isEqualTo(0); // wrapped
        assertThat(map.address(4)).isEqualTo(Ipv4.parse("10.0.0.5"));
        assertThat(map.offsetOf(Ipv4.parse("10.0.0.6"))).isEqualTo(-1);
        assertThat(map.offsetOf(Ipv4.parse("10.0.0.0"))).isEqualTo(-1);
    }

    @Test
    void aFullMapSaysSoAndAFreedAddressComesBack() {
        PoolOccupancy map = new PoolOccupancy(Ipv4.parse("10.0.0.0"), 130);
        for (int i = 0; i < 130; i++) map.markLeased(i);
        assertThat(map.nextFree()).isEqualTo(-1);
        assertThat(map.markedCount()).isEqualTo(130);
        map.markFree(129);
        assertThat(map.nextFree()).isEqualTo(129);
        map.markFree(7);
        assertThat(map.nextFree()).isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 63, 64, 65, 4095, 4096, 4097, 70_000})
    void agreesWithABitSetUnderRandomMarks(int size) {
        Random rnd = new Random(size);
        PoolOccupancy map = new PoolOccupancy(0x0A000000, size);
        BitSet model = new BitSet(size);
        int cursor = 0;
        for (int step = 0; step < 5000; step++) {
            int off = rnd.nextInt(size);
            switch (rnd.nextInt(4)) {
                case 0, 1 -> {
                    map.markLeased(off);
                    model.set(off);
                }
                case 2 -> {
                    map.markFree(off);
                    model.clear(off);
                }
                default -> {
                    int expected = model.nextClearBit(cursor);
                    if (expected >= size) expected = model.nextClearBit(0);
                    if (expected >= size) expected = -1;
                    assertThat(map.nextFree()).as("size %d step %d", size, step).isEqualTo(expected);
                    if (expected >= 0) cursor = expected + 1 == size ? 0 : expected + 1;
                }
            }
        }
        assertThat(map.markedCount()).isEqualTo(model.cardinality());
    }

    @Test
    void rebuildsComeQuicklyAtFirstThenRarelyWhileThePoolStaysFull() {
        PoolOccupancy map = new PoolOccupancy(0, 64);
        assertThat(map.seeded()).isFalse();
        long[] all = map.newBits();
        all[0] = -1L;
        map.install(all, 100);
        int due = 0;
        for (int i = 0; i < 4096; i++) {
            assertThat(map.nextFree()).isEqualTo(-1);
            if (map.reseedDue(100)) due++;
        }
        // failures 1, 2, 4, ..., 1024, then every 1024th: 11 + 3
        assertThat(due).isEqualTo(14);
        assertThat(map.reseedDue(110)).isTrue(); // and every 10 seconds
    }
}
