package dev.nestor.engine.work;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.config.model.MultiThreadingParams;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Kea's multi-threading settings: a worker pool with a drop-oldest queue, or the receive thread alone. */
class PacketWorkersTest {

    private static Integer datagram(int n) {
        return n;
    }

    private static int number(Integer d) {
        return d;
    }

    @Test
    void singleThreadedHandlesOnTheReceivingThread() {
        List<String> threads = new CopyOnWriteArrayList<>();
        try (PacketWorkers<Integer> w = PacketWorkers.start("test", new MultiThreadingParams(false, 4, 64), 0,
                d -> threads.add(Thread.currentThread().getName()), () -> {})) {
            w.submit(datagram(1));
            assertThat(w.multiThreaded()).isFalse();
            assertThat(w.threads()).isZero();
        }
        assertThat(threads).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void aFullQueueDropsItsOldestDatagram() throws Exception {
        List<Integer> handled = new CopyOnWriteArrayList<>();
        CountDownLatch firstTaken = new CountDownLatch(1);
        Semaphore go = new Semaphore(0);
        AtomicInteger drops = new AtomicInteger();
        PacketWorkers<Integer> w = PacketWorkers.start("test", new MultiThreadingParams(true, 1, 2), 0, d -> {
            if (number(d) == 1) {
                firstTaken.countDown();
                go.acquireUninterruptibly();
            }
            handled.add(number(d));
        }, drops::incrementAndGet);
        try {
            w.submit(datagram(1));
            firstTaken.await(); // the only worker is busy with 1
            w.submit(datagram(2));
            w.submit(datagram(3));
            assertThat(drops).hasValue(0);
            w.submit(datagram(4)); // queue [2, 3] is full: 2, the oldest, goes
            assertThat(drops).hasValue(1);
            assertThat(w.queued()).isEqualTo(2);
            go.release();
        } finally {
            w.close(); // finishes what is queued
        }
        assertThat(handled).containsExactly(1, 3, 4);
    }

    @Test
    void poolSizeZeroMeansOneWorkerPerCoreAndQueueSizeZeroMeansUnbounded() {
        try (PacketWorkers<Integer> w = PacketWorkers.start("test", new MultiThreadingParams(true, 0, 0), 0, d -> {}, () -> {})) {
            assertThat(w.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
            for (int i = 0; i < 1000; i++) w.submit(datagram(i));
            assertThat(w.queueCapacity()).isZero();
        }
        try (PacketWorkers<Integer> w = PacketWorkers.start("test", new MultiThreadingParams(true, 0, 0), 3, d -> {}, () -> {})) {
            assertThat(w.threads()).isEqualTo(3); // -Dnestor.workers wins
        }
    }
}
