package dev.nestor.lease.memfile;

import dev.nestor.lease.LeaseStoreException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
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

    /**
     * Applies every row of {@code file}, in file order, to {@code leases}. A missing or empty file applies nothing.
     * A second thread reads and parses rows while this one applies them, so a million-lease file loads in about
     * the time the slower of the two takes.
     */
    static <K, L> Result load(Path file, LeaseRowCodec<K, L> codec, LeaseFileBackend.Replay<K, L> leases, long maxRowErrors)
            throws LeaseStoreException {
        if (!Files.exists(file)) return new Result(0, 0, false);
        if (!Files.isRegularFile(file)) throw new LeaseStoreException("lease file " + file + " is not a regular file");
        BlockingQueue<Object> batches = new ArrayBlockingQueue<>(16);
        AtomicBoolean cancelled = new AtomicBoolean();
        Thread parser = Thread.ofPlatform().daemon(true).name("nestor-lease-load").start(() -> {
            Object last;
            try {
                last = parse(file, codec, maxRowErrors, batches, cancelled);
            } catch (LeaseStoreException | RuntimeException e) {
                last = e;
            }
            putQuietly(batches, last, cancelled);
        });
        try {
            while (true) {
                Object item = take(batches);
                if (item instanceof Result r) return r;
                if (item instanceof LeaseStoreException e) throw e;
                if (item instanceof RuntimeException e) throw e;
                @SuppressWarnings("unchecked")
                List<LeaseRowCodec.Row<L>> rows = (List<LeaseRowCodec.Row<L>>) item;
                for (LeaseRowCodec.Row<L> row : rows) {
                    if (row.deletion()) leases.remove(codec.key(row.lease()));
                    else leases.put(row.lease());
                }
            }
        } finally {
            cancelled.set(true);
            batches.clear(); // unblocks a parser waiting to put
            try {
                parser.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final int BATCH = 2048;

    /** Reads and parses the file into batches of rows; returns the Result (the last item). */
    private static <K, L> Result parse(Path file, LeaseRowCodec<K, L> codec, long maxRowErrors, BlockingQueue<Object> out,
                                       AtomicBoolean cancelled) throws LeaseStoreException {
        // ISO-8859-1 keeps every byte; text columns are unescaped and UTF-8-decoded by the codec
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(Files.newInputStream(file), StandardCharsets.ISO_8859_1), 1 << 16)) {
            String line;
            LeaseFileSchema schema = null;
            int rows = 0;
            int errors = 0;
            long lineNo = 0;
            List<LeaseRowCodec.Row<L>> batch = new ArrayList<>(BATCH);
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isEmpty() || line.equals("\r")) continue;
                if (schema == null) {
                    try {
                        schema = LeaseFileSchema.of(codec, line);
                    } catch (IllegalArgumentException e) {
                        throw new LeaseStoreException("invalid header in lease file " + file + ": " + e.getMessage());
                    }
                    continue;
                }
                LeaseRowCodec.Row<L> row;
                try {
                    List<String> values = schema.values(line, codec.defaults());
                    row = codec.parse(values);
                } catch (IllegalArgumentException e) {
                    errors++;
                    LOG.warn("skipping invalid row {} of lease file {}: {}", lineNo, file, e.getMessage());
                    if (maxRowErrors > 0 && errors > maxRowErrors)
                        throw new LeaseStoreException("exceeded maximum number of failures " + maxRowErrors
                                + " to read a lease from the lease file " + file);
                    continue;
                }
                rows++;
                batch.add(row);
                if (batch.size() == BATCH) {
                    if (!putQuietly(out, batch, cancelled)) return new Result(rows, errors, false);
                    batch = new ArrayList<>(BATCH);
                }
            }
            if (!batch.isEmpty()) putQuietly(out, batch, cancelled);
            if (schema == null && Files.size(file) > 0)
                throw new LeaseStoreException("lease file " + file + " has no header line");
            LOG.info("loaded {} rows from lease file {} ({} invalid)", rows, file, errors);
            return new Result(rows, errors, schema != null && schema.needsConversion());
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
