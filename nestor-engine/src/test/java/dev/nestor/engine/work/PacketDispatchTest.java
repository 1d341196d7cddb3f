package dev.nestor.engine.work;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.config.model.MultiThreadingParams;
import dev.nestor.config.model.MultiThreadingParams.Dispatch;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The three ways datagrams reach a server's threads, on a source that behaves like a socket (poll with a timeout). */
class PacketDispatchTest {

    /** A socket stand-in: datagrams offered by the test, poll waits up to 20 ms, close wakes nobody (readers poll). */
    private static final class FakeSocket implements PacketDispatch.Source<Integer> {
        final LinkedBlockingQueue<Integer> arriving = new LinkedBlockingQueue<>();
        final AtomicBoolean open = new AtomicBoolean(true);
        final AtomicInteger failuresLeft = new AtomicInteger();
        final java.util.concurrent.atomic.AtomicLong kernelDrops = new java.util.concurrent.atomic.AtomicLong();

        @Override
        public Integer poll() throws IOException {
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) throw new IOException("ENOBUFS (test)");
            try {
                return open.get() ? arriving.poll(20, TimeUnit.MILLISECONDS) : null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        @Override
        public boolean isOpen() {
            return open.get();
        }

        @Override
        public long receiveBufferDrops() {
            return kernelDrops.get();
        }
    }

    @Test
    void whatTheKernelDroppedFromTheSocketBufferIsReportedOnceAsQueueFull() throws Exception {
        FakeSocket socket = new FakeSocket();
        socket.kernelDrops.set(7); // before this dispatch: not its business
        java.util.concurrent.atomic.AtomicLong lost = new java.util.concurrent.atomic.AtomicLong();
        CountDownLatch done = new CountDownLatch(3);
        try (PacketDispatch<Integer> d = PacketDispatch.start("test", MultiThreadingParams.defaults(), 2, socket, in -> true,
                in -> done.countDown(), lost::addAndGet)) {
            socket.arriving.add(1);
            socket.kernelDrops.set(12); // 5 lost, known with the next datagram
            socket.arriving.add(2);
            socket.arriving.add(3);
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(lost).hasValue(5);
    }

    @Test
    void readersEachTakeDatagramsOffTheSocketAndHandleThemThemselves() throws Exception {
        FakeSocket socket = new FakeSocket();
        Set<String> handlingThreads = ConcurrentHashMap.newKeySet();
        List<Integer> handled = new CopyOnWriteArrayList<>();
        CountDownLatch bothBusy = new CountDownLatch(2);
        CountDownLatch all = new CountDownLatch(100);
        try (PacketDispatch<Integer> d = PacketDispatch.start("test", new MultiThreadingParams(true, 2, 64, Dispatch.READERS),
                0, socket, in -> true, in -> {
                    handlingThreads.add(Thread.currentThread().getName());
                    if (in < 2) { // the first two datagrams hold their threads until both are busy: two readers at once
                        bothBusy.countDown();
                        try {
                            bothBusy.await(5, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    handled.add(in);
                    all.countDown();
                }, n -> {})) {
            assertThat(d.threads()).isEqualTo(2);
            assertThat(d.multiThreaded()).isTrue();
            assertThat(d.queueCapacity()).isZero(); // no queue of ours: the socket buffer is the queue
            for (int i = 0; i < 100; i++) socket.arriving.add(i);
            assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(handled).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, 100).boxed().toList());
        assertThat(handlingThreads).containsExactlyInAnyOrder("test-reader-0", "test-reader-1");
    }

    @Test
    void aDatagramTheAdmissionCheckRefusesIsNotHandled() throws Exception {
        FakeSocket socket = new FakeSocket();
        List<Integer> handled = new CopyOnWriteArrayList<>();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        try (PacketDispatch<Integer> d = PacketDispatch.start("test", MultiThreadingParams.defaults(), 1, socket, in -> {
            if (in % 2 == 0) return true;
            refused.incrementAndGet();
            return false;
        }, in -> {
            handled.add(in);
            if (in == 4) done.countDown();
        }, n -> {})) {
            for (int i = 0; i <= 4; i++) socket.arriving.add(i);
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(handled).containsExactly(0, 2, 4); // one reader: in order
        assertThat(refused).hasValue(2);
    }

    @Test
    void aReceiveErrorOrABuggyHandlerCostsOneDatagramNotAThread() throws Exception {
        FakeSocket socket = new FakeSocket();
        socket.failuresLeft.set(2);
        List<Integer> handled = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        try (PacketDispatch<Integer> d = PacketDispatch.start("test", MultiThreadingParams.defaults(), 1, socket, in -> true, in -> {
            if (in == 1) throw new IllegalStateException("bug (test)");
            handled.add(in);
            if (in == 2) done.countDown();
        }, n -> {})) {
            socket.arriving.addAll(List.of(1, 2));
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(handled).containsExactly(2);
        assertThat(socket.failuresLeft).hasValue(0);
    }

    @Test
    void readersStopWhenTheSocketClosesOrTheDispatchCloses() throws Exception {
        FakeSocket socket = new FakeSocket();
        PacketDispatch<Integer> d = PacketDispatch.start("test", MultiThreadingParams.defaults(), 3, socket, in -> true, in -> {}, n -> {});
        socket.open.set(false);
        long t0 = System.nanoTime();
        d.close();
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).isLessThan(5); // joined, not timed out
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("test-reader-"));

        FakeSocket open = new FakeSocket(); // still open: close() alone stops the readers at their next poll
        PacketDispatch<Integer> d2 = PacketDispatch.start("test2", MultiThreadingParams.defaults(), 2, open, in -> true, in -> {}, n -> {});
        d2.close();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("test2-reader-"));
    }

    @Test
    void keasQueueAndSingleThreadedModesKeepOneReceiveThread() throws Exception {
        FakeSocket socket = new FakeSocket();
        List<String> threads = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        try (PacketDispatch<Integer> d = PacketDispatch.start("st", new MultiThreadingParams(false, 4, 64), 0, socket, in -> true,
                in -> {
                    threads.add(Thread.currentThread().getName());
                    done.countDown();
                }, n -> {})) {
            assertThat(d.multiThreaded()).isFalse();
            assertThat(d.threads()).isZero();
            socket.arriving.add(1);
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(threads).containsExactly("st-receiver");

        FakeSocket socket2 = new FakeSocket();
        Set<String> workers = ConcurrentHashMap.newKeySet();
        CountDownLatch all = new CountDownLatch(20);
        try (PacketDispatch<Integer> d = PacketDispatch.start("q", new MultiThreadingParams(true, 2, 64), 0, socket2, in -> true,
                in -> {
                    workers.add(Thread.currentThread().getName());
                    all.countDown();
                }, n -> {})) {
            assertThat(d.settings().dispatch()).isEqualTo(Dispatch.QUEUE);
            assertThat(d.queueCapacity()).isEqualTo(64);
            assertThat(d.threads()).isEqualTo(2);
            for (int i = 0; i < 20; i++) socket2.arriving.add(i);
            assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(workers).allMatch(n -> n.startsWith("q-worker-"));
    }
}
