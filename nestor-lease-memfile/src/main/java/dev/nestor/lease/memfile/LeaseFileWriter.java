package dev.nestor.lease.memfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Appends rows to the current lease file, with group commit: callers on many threads hand rows to one open batch;
 * the first caller to find no write in progress becomes the leader and writes the whole batch with one write(2)
 * (and one fdatasync under {@link SyncPolicy#FSYNC}) while the next batch fills. Every caller returns only once
 * its own rows have reached the sync policy's durability, or throws if they did not.
 *
 * <p>Every write either lands completely or not at all: a failed write is cut off again with truncate, so a
 * half row can never merge with the next one. If even that fails the writer is broken and refuses further
 * writes, because the file's tail is unknown.
 *
 * <p>Thread-safe. The file itself is only touched by one thread at a time (the leader, or {@link #flush} /
 * {@link #close}, which wait for the leader).
 */
final class LeaseFileWriter implements AutoCloseable {
    private static final int BUFFER_LIMIT = 64 * 1024;

    /** Rows that share one write; {@code done} and {@code failure} are guarded by the writer's lock. */
    static final class Batch {
        private final StringBuilder text = new StringBuilder(256);
        private int rows;
        private boolean done;
        private IOException failure;
    }

    private final Path path;
    private final SyncPolicy sync;
    private final FileChannel channel;
    private final Object fileKey;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();
    // guarded by lock
    private Batch open = new Batch();
    private boolean writing;
    private final StringBuilder pending = new StringBuilder();
    // set by the leader when a failed write could not be cut off; read by everyone
    private volatile String brokenReason;
    // touched only by the thread that set writing (or holds lock with writing false)
    /** Length of the file up to the last complete row handed to the OS. */
    private long size;
    private long batches;
    private long rowsWritten;

    private LeaseFileWriter(Path path, SyncPolicy sync, FileChannel channel, Object fileKey, long size) {
        this.path = path;
        this.sync = sync;
        this.channel = channel;
        this.fileKey = fileKey;
        this.size = size;
    }

    /**
     * Opens {@code path} for appending, creating it with Kea's {@code header} when it is missing or empty, and
     * ending an unterminated last line (left by a crash) so the next row starts on a line of its own.
     */
    static LeaseFileWriter open(Path path, String header, SyncPolicy sync) throws IOException {
        boolean created = !Files.exists(path);
        FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        try {
            long size = ch.size();
            if (size == 0) {
                size = writeFully(ch, 0, header + "\n");
                ch.force(false);
            } else if (!endsWithNewline(ch, size)) {
                size += writeFully(ch, size, "\n");
                ch.force(false);
            }
            if (created && sync == SyncPolicy.FSYNC) forceDirectory(path);
            Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            return new LeaseFileWriter(path, sync, ch, key, size);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    Path path() {
        return path;
    }

    /** Appends rows (each without terminator) as part of one batch; returns once the sync policy is met. */
    void append(List<String> rows) throws IOException {
        Batch b = enqueue(rows);
        if (b != null) await(b);
    }

    /**
     * Adds rows to the open batch without waiting; {@link #await} then waits for them. Under
     * {@link SyncPolicy#NONE} the rows are only buffered and null is returned (nothing to wait for).
     */
    Batch enqueue(List<String> rows) throws IOException {
        lock.lock();
        try {
            if (brokenReason != null) throw new IOException("lease file " + path + " is unusable: " + brokenReason);
            if (sync == SyncPolicy.NONE) {
                for (String row : rows) pending.append(row).append('\n');
                if (pending.length() >= BUFFER_LIMIT) {
                    awaitIdle();
                    drain();
                }
                return null;
            }
            Batch b = open;
            for (String row : rows) b.text.append(row).append('\n');
            b.rows += rows.size();
            return b;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the batch is written (leading the write when no other thread is writing); throws if it failed. */
    void await(Batch b) throws IOException {
        lock.lock();
        try {
            while (!b.done) {
                if (writing) {
                    written.awaitUninterruptibly();
                    continue;
                }
                // no write in progress and ours is not done: ours is the open batch, and this thread writes it
                Batch lead = open;
                open = new Batch();
                writing = true;
                IOException failure = null;
                lock.unlock();
                try {
                    writeBatch(lead);
                } catch (IOException e) {
                    failure = e;
                } finally {
                    lock.lock();
                    writing = false;
                    lead.failure = failure;
                    lead.done = true;
                    written.signalAll();
                }
            }
            if (b.failure != null) throw new IOException(b.failure.getMessage(), b.failure);
        } finally {
            lock.unlock();
        }
    }

    /** Writes and syncs one batch; runs on the leader without the lock. */
    private void writeBatch(Batch b) throws IOException {
        String broken = brokenReason;
        if (broken != null) throw new IOException("lease file " + path + " is unusable: " + broken);
        checkStillOurFile();
        String text = b.text.toString();
        writeAtEnd(text);
        if (sync == SyncPolicy.FSYNC) forceOrCut(size - text.length());
        batches++;
        rowsWritten += b.rows;
    }

    /** Rows and writes so far (for tests and statistics): how well group commit batched. */
    long[] batchCounts() {
        lock.lock();
        try {
            awaitIdle();
            return new long[] {batches, rowsWritten};
        } finally {
            lock.unlock();
        }
    }

    /** Writes buffered rows and forces the file to stable storage. */
    void flush() throws IOException {
        lock.lock();
        try {
            if (brokenReason != null) throw new IOException("lease file " + path + " is unusable: " + brokenReason);
            awaitIdle();
            drain();
            channel.force(false);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            awaitIdle();
            if (brokenReason == null && channel.isOpen()) {
                drain();
                channel.force(false);
            }
        } finally {
            try {
                channel.close();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Waits (holding the lock again on return) until no leader is writing; the caller then has the file. */
    private void awaitIdle() {
        while (writing) written.awaitUninterruptibly();
    }

    /** Writes the rows buffered under {@link SyncPolicy#NONE}; call with the lock held and no leader writing. */
    private void drain() throws IOException {
        if (pending.isEmpty()) return;
        checkStillOurFile();
        String text = pending.toString();
        pending.setLength(0);
        writeAtEnd(text);
    }

    private void writeAtEnd(String text) throws IOException {
        long before = size;
        try {
            size += writeFully(channel, before, text);
        } catch (IOException e) {
            cutBack(before, e);
            throw e;
        }
    }

    private void forceOrCut(long before) throws IOException {
        try {
            channel.force(false);
        } catch (IOException e) {
            cutBack(before, e);
            size = before;
            throw e;
        }
    }

    private void cutBack(long length, IOException cause) {
        try {
            channel.truncate(length);
            channel.force(false);
        } catch (IOException e) {
            cause.addSuppressed(e);
            brokenReason = "could not remove a partly written row: " + e.getMessage();
        }
    }

    /** A removed or replaced file would silently swallow every later row; fail the write instead. */
    private void checkStillOurFile() throws IOException {
        Object key;
        try {
            key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException e) {
            throw new IOException("lease file " + path + " has been removed", e);
        }
        if (!Objects.equals(key, fileKey)) throw new IOException("lease file " + path + " has been replaced by another file");
    }

    private static int writeFully(FileChannel ch, long position, String text) throws IOException {
        // rows are ASCII after escaping
        ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
        int total = buf.remaining();
        long pos = position;
        while (buf.hasRemaining()) pos += ch.write(buf, pos);
        return total;
    }

    private static boolean endsWithNewline(FileChannel ch, long size) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        ch.read(last, size - 1);
        return last.get(0) == '\n';
    }

    /** Makes a file creation or rename durable. */
    static void forceDirectory(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null) return;
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }
}
