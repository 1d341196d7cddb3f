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

/**
 * Appends rows to the current lease file. Not thread-safe: the store calls it under its write lock.
 *
 * <p>Every append either lands completely or not at all: a failed write is cut off again with truncate, so a
 * half row can never merge with the next one. If even that fails the writer is broken and refuses further
 * writes, because the file's tail is unknown.
 */
final class LeaseFileWriter implements AutoCloseable {
    private static final int BUFFER_LIMIT = 64 * 1024;

    private final Path path;
    private final SyncPolicy sync;
    private final FileChannel channel;
    private final Object fileKey;
    /** Length of the file up to the last complete row handed to the OS. */
    private long size;
    private final StringBuilder pending = new StringBuilder();
    private String brokenReason;

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

    /** Appends rows (each without terminator) as one write; returns once the sync policy is met. */
    void append(List<String> rows) throws IOException {
        if (brokenReason != null) throw new IOException("lease file " + path + " is unusable: " + brokenReason);
        checkStillOurFile();
        StringBuilder text = new StringBuilder();
        for (String row : rows) text.append(row).append('\n');
        if (sync == SyncPolicy.NONE) {
            pending.append(text);
            if (pending.length() >= BUFFER_LIMIT) drain();
            return;
        }
        drain();
        writeAtEnd(text.toString());
        if (sync == SyncPolicy.FSYNC) forceOrCut(size - text.length());
    }

    /** Writes buffered rows and forces the file to stable storage. */
    void flush() throws IOException {
        if (brokenReason != null) throw new IOException("lease file " + path + " is unusable: " + brokenReason);
        drain();
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        try {
            if (brokenReason == null && channel.isOpen()) {
                drain();
                channel.force(false);
            }
        } finally {
            channel.close();
        }
    }

    private void drain() throws IOException {
        if (pending.isEmpty()) return;
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
