package dev.nestor.lease.memfile;

import dev.nestor.lease.LeaseStoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lease file cleanup (LFC), file for file what Kea's memfile backend and kea-lfc do, run in-process.
 *
 * <p>File names for lease file {@code name} (memfile_lease_mgr.cc {@code appendSuffix}):
 * <ul>
 *   <li>{@code name.2} "previous": the result of the last cleanup;</li>
 *   <li>{@code name.1} "input" (copy): the lease file as it was when this cleanup began;</li>
 *   <li>{@code name.output}: the cleanup result being written;</li>
 *   <li>{@code name.completed} "finish": the finished result, not yet rotated into place;</li>
 *   <li>{@code name.pid}: the pid of the process running the cleanup.</li>
 * </ul>
 *
 * <p>Steps: (1) the server, if neither {@code .completed} nor {@code .1} exists (a previous cleanup finished),
 * renames {@code name} to {@code name.1} and starts a new {@code name}; (2) unless {@code .completed} exists,
 * {@code .2} then {@code .1} are replayed and the live leases written to {@code .output}, which is renamed to
 * {@code .completed}; (3) {@code .2} and {@code .1} are removed and {@code .completed} renamed to {@code .2}.
 * A crash at any point leaves files that the loader ({@link #loadOrder}) and the next cleanup handle.
 */
final class LeaseFileCleanup<K, L> {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseFileCleanup.class);

    /** Rotates the current lease file to {@code input()} under the store's write lock (step 1). */
    @FunctionalInterface
    interface Rotator {
        void rotate(Path input) throws IOException;
    }

    private final Path name;
    private final LeaseRowCodec<K, L> codec;

    LeaseFileCleanup(Path name, LeaseRowCodec<K, L> codec) {
        this.name = name;
        this.codec = codec;
    }

    Path previous() { return suffixed(".2"); }

    Path input() { return suffixed(".1"); }

    Path output() { return suffixed(".output"); }

    Path finish() { return suffixed(".completed"); }

    Path pidFile() { return suffixed(".pid"); }

    private Path suffixed(String suffix) {
        return name.resolveSibling(name.getFileName() + suffix);
    }

    /**
     * The files to replay before the current lease file, in order: {@code .completed} alone when it exists (it
     * already holds {@code .2} and {@code .1}), otherwise {@code .2} then {@code .1}.
     */
    Path[] loadOrder() {
        return Files.exists(finish()) ? new Path[] {finish()} : new Path[] {previous(), input()};
    }

    /** The pid of another live process holding {@code name.pid}, or 0 (Kea's PIDFile::check). */
    long runningElsewhere() {
        try {
            String text = Files.readString(pidFile(), StandardCharsets.US_ASCII).trim();
            long pid = Long.parseLong(text);
            if (pid <= 0 || pid == ProcessHandle.current().pid()) return 0;
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() ? pid : 0;
        } catch (NoSuchFileException | NumberFormatException e) {
            return 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Runs one cleanup; returns false if another process's cleanup is in progress. */
    boolean run(Rotator rotator, long maxRowErrors) throws LeaseStoreException {
        long other = runningElsewhere();
        if (other != 0) {
            LOG.info("lease file cleanup skipped: process {} is running one on {}", other, name);
            return false;
        }
        try {
            Files.writeString(pidFile(), ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new LeaseStoreException("cannot write LFC pid file " + pidFile() + ": " + e.getMessage(), e);
        }
        try {
            if (!Files.exists(finish()) && !Files.exists(input())) {
                try {
                    rotator.rotate(input());
                } catch (IOException e) {
                    // as Kea: without a fresh copy there is nothing new to compact, but leftovers may be
                    throw new LeaseStoreException("cannot rotate lease file " + name + " to " + input() + ": " + e.getMessage(), e);
                }
            }
            if (!Files.exists(finish())) compact(maxRowErrors);
            rotateResult();
            LOG.info("lease file cleanup of {} finished", name);
            return true;
        } catch (IOException e) {
            throw new LeaseStoreException("lease file cleanup of " + name + " failed: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(pidFile());
            } catch (IOException e) {
                LOG.warn("cannot delete LFC pid file {}: {}", pidFile(), e.getMessage());
            }
        }
    }

    /** Step 2: replay .2 then .1, write the survivors to .output, rename it to .completed. */
    private void compact(long maxRowErrors) throws IOException, LeaseStoreException {
        Map<K, L> leases = new TreeMap<>(codec.keyOrder());
        LeaseFileReader.load(previous(), codec, leases, maxRowErrors);
        LeaseFileReader.load(input(), codec, leases, maxRowErrors);
        try (var out = Files.newBufferedWriter(output(), StandardCharsets.ISO_8859_1,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            out.write(codec.header());
            out.write('\n');
            for (L l : leases.values()) {
                out.write(codec.row(l));
                out.write('\n');
            }
        }
        // the result replaces data: it must be on disk before the rename makes it authoritative
        try (var ch = java.nio.channels.FileChannel.open(output(), StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(output(), finish(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        LeaseFileWriter.forceDirectory(finish());
        LOG.info("lease file cleanup wrote {} leases to {}", leases.size(), finish());
    }

    /** Step 3: drop .2 and .1, promote .completed to .2. */
    private void rotateResult() throws IOException {
        Files.deleteIfExists(previous());
        Files.deleteIfExists(input());
        Files.move(finish(), previous(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        LeaseFileWriter.forceDirectory(previous());
    }
}
