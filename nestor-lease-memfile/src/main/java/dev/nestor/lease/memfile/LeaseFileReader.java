package dev.nestor.lease.memfile;

import dev.nestor.lease.LeaseStoreException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays a Kea lease file into a map keyed by address, as Kea's LeaseFileLoader does: a later row replaces an
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

    /** Applies every row of {@code file}, in file order, to {@code leases}. A missing or empty file applies nothing. */
    static <K, L> Result load(Path file, LeaseRowCodec<K, L> codec, LeaseFileBackend.Replay<K, L> leases, long maxRowErrors)
            throws LeaseStoreException {
        if (!Files.exists(file)) return new Result(0, 0, false);
        if (!Files.isRegularFile(file)) throw new LeaseStoreException("lease file " + file + " is not a regular file");
        // ISO-8859-1 keeps every byte; text columns are unescaped and UTF-8-decoded by the codec
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(Files.newInputStream(file), StandardCharsets.ISO_8859_1), 1 << 16)) {
            String line;
            LeaseFileSchema schema = null;
            int rows = 0;
            int errors = 0;
            long lineNo = 0;
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
                if (row.deletion()) leases.remove(codec.key(row.lease()));
                else leases.put(row.lease());
            }
            if (schema == null && Files.size(file) > 0)
                throw new LeaseStoreException("lease file " + file + " has no header line");
            LOG.info("loaded {} rows from lease file {} ({} invalid)", rows, file, errors);
            return new Result(rows, errors, schema != null && schema.needsConversion());
        } catch (IOException e) {
            throw new LeaseStoreException("cannot read lease file " + file + ": " + e.getMessage(), e);
        }
    }
}
