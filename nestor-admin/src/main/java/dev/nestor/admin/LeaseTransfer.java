package dev.nestor.admin;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.Ipv4;
import dev.nestor.common.time.Clock;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseStore4;
import dev.nestor.lease.LeaseStore6;
import dev.nestor.lease.LeaseStoreException;
import dev.nestor.lease.StoreContext;
import dev.nestor.lease.memfile.MemfileLeaseStore4;
import dev.nestor.lease.memfile.MemfileLeaseStore6;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Moves leases between Kea CSV files and stores: {@code lease-dump} (store or lease file → CSV) and
 * {@code lease-upload} (CSV → store).
 *
 * <p>A CSV is read exactly as the memfile backend loads a lease file (Kea's columns of any schema version, its
 * {@code &#xHH} escapes, later rows replacing earlier ones for the same address, rows with valid lifetime 0
 * removing the address), from a private copy, so the input is never touched. That is also what kea-admin does
 * before an upload (it runs kea-lfc on a copy). Uploading replaces a lease already stored for the same address.
 */
final class LeaseTransfer {
    private static final int PAGE = 1000;
    /** Connections an upload uses at once (the store's pool is opened with as many). */
    static final int UPLOAD_THREADS = 8;
    /** Kea's LFC leftovers of a lease file, replayed with it. */
    private static final List<String> LFC_SUFFIXES = List.of(".2", ".1", ".completed");

    private final PrintStream out;
    private final PrintStream err;

    LeaseTransfer(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** What an upload did. */
    record Counts(long added, long replaced, long unchanged) {
        long total() {
            return added + replaced + unchanged;
        }
    }

    // ---- reading lease files ------------------------------------------------------------------------------------

    /** The current leases of a Kea DHCPv4 lease file (and its LFC leftovers). */
    List<Lease4> readCsv4(Path file) throws AdminException {
        Path copy = privateCopy(file);
        try (MemfileLeaseStore4 store = MemfileLeaseStore4.open(memfile(copy), context(copy.getParent()))) {
            return sorted4(store.getAll());
        } catch (LeaseStoreException e) {
            throw new AdminException("cannot read " + file + ": " + e.getMessage(), e);
        } finally {
            deleteTree(copy.getParent());
        }
    }

    /** The current leases of a Kea DHCPv6 lease file (and its LFC leftovers). */
    List<Lease6> readCsv6(Path file) throws AdminException {
        Path copy = privateCopy(file);
        try (MemfileLeaseStore6 store = MemfileLeaseStore6.open(memfile(copy), context(copy.getParent()))) {
            return store.getAll().stream().sorted(Comparator.comparing(Lease6::address)).toList();
        } catch (LeaseStoreException e) {
            throw new AdminException("cannot read " + file + ": " + e.getMessage(), e);
        } finally {
            deleteTree(copy.getParent());
        }
    }

    private static List<Lease4> sorted4(List<Lease4> leases) {
        return leases.stream().sorted((a, b) -> Integer.compareUnsigned(a.address(), b.address())).toList();
    }

    private Path privateCopy(Path file) throws AdminException {
        if (!Files.isRegularFile(file)) throw new AdminException("input file " + file + " does not exist");
        try {
            Path dir = Files.createTempDirectory("nestor-admin-");
            Path copy = dir.resolve(file.getFileName().toString());
            copyWithoutNulls(file, copy);
            for (String suffix : LFC_SUFFIXES) {
                Path leftover = file.resolveSibling(file.getFileName() + suffix);
                if (Files.isRegularFile(leftover)) Files.copy(leftover, dir.resolve(leftover.getFileName().toString()));
            }
            return copy;
        } catch (IOException e) {
            throw new AdminException("cannot copy " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Copies a CSV, turning the {@code NULL} that kea-admin's MySQL dump prints for a NULL column (e.g.
     * {@code hwtype} of a DHCPv6 lease without a hardware address) into the empty value a lease file has.
     */
    private static void copyWithoutNulls(Path from, Path to) throws IOException {
        try (var in = Files.newBufferedReader(from, StandardCharsets.ISO_8859_1);
             var w = Files.newBufferedWriter(to, StandardCharsets.ISO_8859_1)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.contains("NULL")) {
                    String[] v = line.split(",", -1);
                    for (int i = 0; i < v.length; i++) if (v[i].equals("NULL")) v[i] = "";
                    line = String.join(",", v);
                }
                w.write(line);
                w.write('\n');
            }
        }
    }

    /** The lease-database map of a memfile store on {@code file} (no cleanup timer: the tool runs once). */
    static Map<String, String> memfile(Path file) {
        return Map.of("type", "memfile", "persist", "true", "name", file.toAbsolutePath().toString(), "lfc-interval", "0");
    }

    static StoreContext context(Path dataDirectory) {
        return new StoreContext(Clock.SYSTEM, dataDirectory);
    }

    // ---- dump -----------------------------------------------------------------------------------------------------

    /** Writes every lease of a store, in address order, page by page. */
    long dump4(LeaseStore4 store, Path output, boolean overwrite) throws AdminException {
        return writeCsv(output, overwrite, w -> {
            Progress p = new Progress(err, "dumped", -1);
            try (KeaCsvWriter csv = KeaCsvWriter.v4(w)) {
                int from = 0;
                while (true) {
                    List<Lease4> page = store.getPage(from, PAGE);
                    for (Lease4 l : page) {
                        csv.write(l);
                        p.step();
                    }
                    if (page.size() < PAGE) break;
                    from = page.getLast().address();
                }
            }
            p.finish();
            return p.done();
        });
    }

    long dump6(LeaseStore6 store, Path output, boolean overwrite) throws AdminException {
        return writeCsv(output, overwrite, w -> {
            Progress p = new Progress(err, "dumped", -1);
            try (KeaCsvWriter csv = KeaCsvWriter.v6(w)) {
                Bytes from = Bytes.of(new byte[16]);
                while (true) {
                    List<Lease6> page = store.getPage(from, PAGE);
                    for (Lease6 l : page) {
                        csv.write(l);
                        p.step();
                    }
                    if (page.size() < PAGE) break;
                    from = page.getLast().address();
                }
            }
            p.finish();
            return p.done();
        });
    }

    /** Writes the leases read from a lease file (memfile's lease-dump: a compacted copy). */
    long dumpList4(List<Lease4> leases, Path output, boolean overwrite) throws AdminException {
        return writeCsv(output, overwrite, w -> {
            try (KeaCsvWriter csv = KeaCsvWriter.v4(w)) {
                for (Lease4 l : leases) csv.write(l);
            }
            return leases.size();
        });
    }

    long dumpList6(List<Lease6> leases, Path output, boolean overwrite) throws AdminException {
        return writeCsv(output, overwrite, w -> {
            try (KeaCsvWriter csv = KeaCsvWriter.v6(w)) {
                for (Lease6 l : leases) csv.write(l);
            }
            return leases.size();
        });
    }

    @FunctionalInterface
    private interface CsvBody {
        long write(Writer w) throws IOException;
    }

    /** Writes to a temporary file next to {@code output}, then renames it: a failed dump leaves no half file. */
    private static long writeCsv(Path output, boolean overwrite, CsvBody body) throws AdminException {
        if (Files.exists(output) && !overwrite)
            throw new AdminException("output file " + output + " exists; use -y to overwrite it");
        Path dir = output.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + output.getFileName() + ".", ".tmp");
            long n;
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.US_ASCII)) {
                n = body.write(w);
            }
            Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return n;
        } catch (IOException e) {
            throw new AdminException("cannot write " + output + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    // ---- upload ---------------------------------------------------------------------------------------------------

    /** Inserts every lease, replacing one stored for the same address; several connections work at once. */
    Counts upload4(List<Lease4> leases, LeaseStore4 store) throws LeaseStoreException {
        return upload(leases, l -> put4(store, l));
    }

    Counts upload6(List<Lease6> leases, LeaseStore6 store) throws LeaseStoreException {
        return upload(leases, l -> put6(store, l));
    }

    @FunctionalInterface
    private interface PutOne<L> {
        Put put(L lease) throws LeaseStoreException;
    }

    /**
     * Puts the leases from {@link #UPLOAD_THREADS} threads, each taking the next lease in turn: a database commits
     * concurrent transactions together, so this is several times faster than one lease after the other.
     */
    private <L> Counts upload(List<L> leases, PutOne<L> put) throws LeaseStoreException {
        Progress p = new Progress(err, "uploaded", leases.size());
        AtomicInteger next = new AtomicInteger();
        AtomicLongArray counts = new AtomicLongArray(Put.values().length);
        AtomicReference<LeaseStoreException> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < leases.size() && failure.get() == null; i = next.getAndIncrement()) {
                try {
                    counts.incrementAndGet(put.put(leases.get(i)).ordinal());
                } catch (LeaseStoreException e) {
                    failure.compareAndSet(null, e);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, new LeaseStoreException(e.getMessage(), e));
                }
                synchronized (p) {
                    p.step();
                }
            }
        };
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < UPLOAD_THREADS; t++) threads.add(Thread.ofPlatform().name("upload-" + t).start(worker));
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LeaseStoreException("interrupted", e);
            }
        }
        if (failure.get() != null) throw failure.get();
        p.finish();
        return new Counts(counts.get(Put.ADDED.ordinal()), counts.get(Put.REPLACED.ordinal()),
                counts.get(Put.UNCHANGED.ordinal()));
    }

    private enum Put { ADDED, REPLACED, UNCHANGED }

    /** add, or compare-and-set over what is stored; a server changing the lease meanwhile just means another round. */
    private static Put put4(LeaseStore4 store, Lease4 lease) throws LeaseStoreException {
        for (int attempt = 0; attempt < 10; attempt++) {
            if (store.add(lease)) return Put.ADDED;
            Optional<Lease4> current = store.get(lease.address());
            if (current.isEmpty()) continue;
            if (current.get().equals(lease)) return Put.UNCHANGED;
            if (store.replace(current.get(), lease)) return Put.REPLACED;
        }
        throw new LeaseStoreException("lease " + Ipv4.toString(lease.address()) + " keeps changing under the upload; try again");
    }

    private static Put put6(LeaseStore6 store, Lease6 lease) throws LeaseStoreException {
        for (int attempt = 0; attempt < 10; attempt++) {
            if (store.add(lease)) return Put.ADDED;
            Optional<Lease6> current = store.get(lease.type(), lease.address());
            if (current.isEmpty()) {
                if (attempt > 0) throw new LeaseStoreException("address " + lease.addressText()
                        + " is stored as a lease of another type; delete it first");
                continue;
            }
            if (current.get().equals(lease)) return Put.UNCHANGED;
            if (store.replace(current.get(), lease)) return Put.REPLACED;
        }
        throw new LeaseStoreException("lease " + lease.addressText() + " keeps changing under the upload; try again");
    }

    void report(Counts c, String where) {
        out.printf("Uploaded %d leases to %s: %d added, %d replaced, %d already there%n", c.total(), where, c.added(),
                c.replaced(), c.unchanged());
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory: best effort
        }
    }
}
