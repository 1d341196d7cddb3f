package dev.nestor.lease.memfile;

import dev.nestor.lease.LeaseStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays a Kea lease file into the store's index (or a map keyed by address), as Kea's LeaseFileLoader does: a later row replaces an
 * earlier one for the same address, and a row with valid lifetime 0 removes the address. Rows Kea would reject
 * are logged and skipped, up to {@code maxRowErrors} (0 = no limit, Kea's "max-row-errors").
 */
final class LeaseFileReader {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseFileReader.class);

    /**
     * What one file contained.
     *
     * @param rows            rows applied
     * @param errors          rows skipped as invalid
     * @param needsConversion whether the header was of another schema version
     */
    record Result(int rows, int errors, boolean needsConversion) {}

    private LeaseFileReader() {}

    /** Applies every row of {@code file} to {@code leases}. A missing or empty file applies nothing. */
    static <K, L> Result load(Path file, LeaseRowCodec<K, L> codec, Map<K, L> leases, long maxRowErrors)
            throws LeaseStoreException {
        return load(file, codec, new LeaseFileBackend.Replay<>() {
            @Override
            public void put(L lease) {
                leases.put(codec.key(lease), lease);
            }

            @Override
            public void remove(K key) {
                leases.remove(key);
            }

            @Override
            public int size() {
                return leases.size();
            }
        }, maxRowErrors);
    }

    /** Files at least this large are parsed in two halves on two threads. */
    static final long PARALLEL_MIN_BYTES = 4L << 20;
    private static final int BATCH = 2048;

    /** A row the parsers rejected: reported by the applying thread, in file order, with the file's line number. */
    private record RowError(long lineInChunk, String message) {}

    /** The end of a chunk: its lines and rows, and the file's schema if the header was found by then. */
    private record ChunkEnd(long lines, int rows, LeaseFileSchema schema) {}

    /**
     * Applies every row of {@code file}, in file order, to {@code leases}. A missing or empty file applies nothing.
     * Other threads read and parse while this one applies the rows: one thread for a small file; for a large one,
     * two, each parsing one half (split at a line end), the second half's rows held until the first half's have
     * been applied, so the order, and which row wins for an address, are those of the file.
     */
    static <K, L> Result load(Path file, LeaseRowCodec<K, L> codec, LeaseFileBackend.Replay<K, L> leases, long maxRowErrors)
            throws LeaseStoreException {
        if (!Files.exists(file)) return new Result(0, 0, false);
        if (!Files.isRegularFile(file)) throw new LeaseStoreException("lease file " + file + " is not a regular file");
        long size;
        long[] starts;
        try {
            size = Files.size(file);
            starts = size >= PARALLEL_MIN_BYTES ? new long[] {0, lineStartAfter(file, size / 2)} : new long[] {0};
        } catch (IOException e) {
            throw new LeaseStoreException("cannot read lease file " + file + ": " + e.getMessage(), e);
        }
        if (starts.length == 2 && starts[1] >= size) starts = new long[] {0};
        int chunks = starts.length;
        AtomicBoolean cancelled = new AtomicBoolean();
        List<BlockingQueue<Object>> queues = new ArrayList<>();
        List<Thread> parsers = new ArrayList<>();
        CompletableFuture<LeaseFileSchema> schemaBefore = CompletableFuture.completedFuture(null);
        for (int c = 0; c < chunks; c++) {
            // the first half is applied as it is parsed; later ones wait whole (their leases are kept anyway)
            BlockingQueue<Object> q = c == 0 ? new ArrayBlockingQueue<>(16) : new LinkedBlockingQueue<>();
            queues.add(q);
            long from = starts[c];
            long to = c + 1 < chunks ? starts[c + 1] : Long.MAX_VALUE;
            CompletableFuture<LeaseFileSchema> schemaIn = schemaBefore;
            CompletableFuture<LeaseFileSchema> schemaOut = new CompletableFuture<>();
            schemaBefore = schemaOut;
            parsers.add(Thread.ofPlatform().daemon(true).name("nestor-lease-load-" + c).start(() -> {
                Object last;
                try {
                    last = parse(file, codec, from, to, schemaIn, schemaOut, q, cancelled);
                } catch (LeaseStoreException | RuntimeException e) {
                    last = e;
                } finally {
                    schemaOut.complete(null); // never leaves the next chunk waiting
                }
                if (last != null) putQuietly(q, last, cancelled);
            }));
        }
        try {
            LeaseFileSchema schema = null;
            long lineOffset = 0;
            int rows = 0;
            int errors = 0;
            for (BlockingQueue<Object> q : queues) {
                while (true) {
                    Object item = take(q);
                    if (item instanceof ChunkEnd end) {
                        lineOffset += end.lines();
                        rows += end.rows();
                        if (end.schema() != null) schema = end.schema();
                        break;
                    }
                    if (item instanceof RowError err) {
                        errors++;
                        LOG.warn("skipping invalid row {} of lease file {}: {}", lineOffset + err.lineInChunk(), file,
                                err.message());
                        if (maxRowErrors > 0 && errors > maxRowErrors)
                            throw new LeaseStoreException("exceeded maximum number of failures " + maxRowErrors
                                    + " to read a lease from the lease file " + file);
                        continue;
                    }
                    if (item instanceof LeaseStoreException e) throw e;
                    if (item instanceof RuntimeException e) throw e;
                    @SuppressWarnings("unchecked")
                    List<LeaseRowCodec.Row<L>> batch = (List<LeaseRowCodec.Row<L>>) item;
                    for (LeaseRowCodec.Row<L> row : batch) {
                        if (row.deletion()) leases.remove(codec.key(row.lease()));
                        else leases.put(row.lease());
                    }
                }
            }
            if (schema == null && size > 0) throw new LeaseStoreException("lease file " + file + " has no header line");
            LOG.info("loaded {} rows from lease file {} ({} invalid)", rows, file, errors);
            return new Result(rows, errors, schema != null && schema.needsConversion());
        } finally {
            cancelled.set(true);
            for (BlockingQueue<Object> q : queues) q.clear(); // unblocks a parser waiting to put
            for (Thread t : parsers) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** The offset just after the first '\n' at or after {@code at} (a line start), or the size if there is none. */
    private static long lineStartAfter(Path file, long at) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            long pos = at;
            while (true) {
                buf.clear();
                int n = ch.read(buf, pos);
                if (n < 0) return ch.size();
                for (int i = 0; i < n; i++) if (buf.get(i) == '\n') return pos + i + 1;
                pos += n;
            }
        }
    }

    /**
     * Parses the lines in [from, to) of the file into batches of rows, {@link RowError}s and a last
     * {@link ChunkEnd} (returned; null if the consumer gave up). The header is the first non-empty line of the
     * file: a chunk gets the schema from the chunk before it ({@code schemaIn}, null if that one had no header
     * either) and passes it on as soon as it knows it.
     */
    private static <K, L> Object parse(Path file, LeaseRowCodec<K, L> codec, long from, long to,
                                       CompletableFuture<LeaseFileSchema> schemaIn,
                                       CompletableFuture<LeaseFileSchema> schemaOut, BlockingQueue<Object> out,
                                       AtomicBoolean cancelled) throws LeaseStoreException {
        // bytes, not chars: ISO-8859-1 keeps every byte; text columns are unescaped and UTF-8-decoded by the codec
        try (InputStream stream = Files.newInputStream(file)) {
            stream.skipNBytes(from);
            ByteLines in = new ByteLines(stream, 1 << 16, to - from);
            LeaseFileSchema schema = schemaIn.join();
            if (schema != null) schemaOut.complete(schema);
            LeaseRowCodec.FastRows<L> fast = schema != null && schema.current() ? codec.fastRows() : null;
            int rows = 0;
            long lineNo = 0;
            List<LeaseRowCodec.Row<L>> batch = new ArrayList<>(BATCH);
            while (in.next()) {
                lineNo++;
                if (in.isEmpty()) continue;
                if (schema == null) {
                    try {
                        schema = LeaseFileSchema.of(codec, in.text());
                    } catch (IllegalArgumentException e) {
                        throw new LeaseStoreException("invalid header in lease file " + file + ": " + e.getMessage());
                    }
                    schemaOut.complete(schema);
                    if (schema.current()) fast = codec.fastRows();
                    continue;
                }
                LeaseRowCodec.Row<L> row = null;
                if (fast != null) {
                    try {
                        row = fast.parse(in.buffer(), in.start(), in.end());
                    } catch (IllegalArgumentException e) {
                        row = null; // the general parser words the rejection
                    }
                }
                if (row == null) {
                    try {
                        row = codec.parse(schema.values(in.text(), codec.defaults()));
                    } catch (IllegalArgumentException e) {
                        if (!batch.isEmpty()) {
                            if (!putQuietly(out, batch, cancelled)) return null;
                            batch = new ArrayList<>(BATCH);
                        }
                        if (!putQuietly(out, new RowError(lineNo, e.getMessage()), cancelled)) return null;
                        continue;
                    }
                }
                rows++;
                batch.add(row);
                if (batch.size() == BATCH) {
                    if (!putQuietly(out, batch, cancelled)) return null;
                    batch = new ArrayList<>(BATCH);
                }
            }
            if (!batch.isEmpty() && !putQuietly(out, batch, cancelled)) return null;
            return new ChunkEnd(lineNo, rows, schema);
        } catch (IOException e) {
            throw new LeaseStoreException("cannot read lease file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Puts unless the consumer gave up; false if it did. */
    private static boolean putQuietly(BlockingQueue<Object> q, Object item, AtomicBoolean cancelled) {
        try {
            while (!cancelled.get()) {
                if (q.offer(item, 100, TimeUnit.MILLISECONDS)) return true;
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Object take(BlockingQueue<Object> q) throws LeaseStoreException {
        try {
            return q.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LeaseStoreException("interrupted while loading leases");
        }
    }
}
