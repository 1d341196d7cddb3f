package dev.nestor.dhcp6;

import dev.nestor.common.Bytes;
import dev.nestor.common.time.Clock;
import dev.nestor.config.model.ServerIdSpec;
import dev.nestor.transport.NetInterface;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.Supplier;

/**
 * The server's DUID (SERVERID option), built as Kea's DUIDFactory does: from the {@code server-id} config, with
 * every part the config leaves out taken from the DUID stored in {@code <data-dir>/kea-dhcp6-serverid} when it has
 * the same type, else generated (an interface's hardware address, the current time, random bytes). The result is
 * written back to that file (Kea's format: the DUID in colon-separated hex), so it survives restarts.
 */
public final class ServerIdentity {
    /** DUID-LLT time is counted from 2000-01-01 00:00:00 UTC. */
    private static final long DUID_EPOCH = 946_684_800L;
    private static final long ISC_ENTERPRISE = 2495;
    private static final int HTYPE_ETHER = 1;

    private ServerIdentity() {}

    /** The DUID for {@code spec}, reading and (when {@code persist}) writing {@code <dataDir>/kea-dhcp6-serverid}. */
    public static Bytes loadOrCreate(ServerIdSpec spec, Path dataDir, Clock clock, Supplier<List<NetInterface>> interfaces)
            throws IOException {
        Path file = dataDir.resolve(ServerIdSpec.DEFAULT_FILE);
        Bytes stored = spec.persist() ? read(file) : null;
        Bytes duid = build(spec, stored, clock, interfaces);
        if (spec.persist() && !duid.equals(stored)) {
            Files.createDirectories(dataDir);
            Files.writeString(file, duid.toHexColon(), StandardCharsets.US_ASCII);
        }
        return duid;
    }

    /** The stored DUID, or null when there is none or it is not valid hex. */
    static Bytes read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return null;
        String text = Files.readString(file, StandardCharsets.US_ASCII).replaceAll("\\s", "");
        if (text.isEmpty()) return null;
        try {
            Bytes b = Bytes.fromHex(text);
            return b.length() >= 3 ? b : null;
        } catch (IllegalArgumentException e) {
            return null; // not a DUID: generate one, as Kea does
        }
    }

    static Bytes build(ServerIdSpec spec, Bytes stored, Clock clock, Supplier<List<NetInterface>> interfaces) {
        int storedType = stored == null ? -1 : (stored.get(0) << 8) | stored.get(1);
        return switch (spec.type()) {
            case LLT -> {
                boolean reuse = storedType == 1 && stored.length() > 8;
                long time = spec.time() != 0 ? spec.time() : reuse ? u32(stored, 4) : Math.max(0, clock.epochSeconds() - DUID_EPOCH);
                int htype = spec.htype();
                Bytes ll = spec.identifier();
                if (ll.isEmpty()) {
                    if (reuse) {
                        ll = Bytes.of(stored.toArray(), 8, stored.length() - 8);
                        htype = u16(stored, 2);
                    } else {
                        Bytes mac = linkLayerAddress(interfaces);
                        if (mac == null) yield build(new ServerIdSpec(ServerIdSpec.DuidType.EN, Bytes.EMPTY, 0, 0, 0,
                                spec.persist()), stored, clock, interfaces); // Kea falls back to DUID-EN
                        ll = mac;
                        htype = HTYPE_ETHER;
                    }
                } else if (htype == 0) {
                    htype = reuse ? u16(stored, 2) : HTYPE_ETHER;
                }
                yield concat(be(1, 2), be(htype, 2), be(time, 4), ll.toArray());
            }
            case EN -> {
                boolean reuse = storedType == 2 && stored.length() > 6;
                long enterprise = spec.enterpriseId() != 0 ? spec.enterpriseId() : reuse ? u32(stored, 2) : ISC_ENTERPRISE;
                Bytes id = spec.identifier();
                if (id.isEmpty()) id = reuse ? Bytes.of(stored.toArray(), 6, stored.length() - 6) : random(6);
                yield concat(be(2, 2), be(enterprise, 4), id.toArray());
            }
            case LL -> {
                boolean reuse = storedType == 3 && stored.length() > 4;
                int htype = spec.htype();
                Bytes ll = spec.identifier();
                if (ll.isEmpty()) {
                    if (reuse) {
                        ll = Bytes.of(stored.toArray(), 4, stored.length() - 4);
                        htype = u16(stored, 2);
                    } else {
                        ll = linkLayerAddress(interfaces);
                        if (ll == null) throw new IllegalStateException("no interface with a hardware address for a DUID-LL");
                        htype = HTYPE_ETHER;
                    }
                } else if (htype == 0) {
                    htype = reuse ? u16(stored, 2) : HTYPE_ETHER;
                }
                yield concat(be(3, 2), be(htype, 2), ll.toArray());
            }
        };
    }

    /** The first usable 6-byte hardware address of a non-loopback interface, preferring interfaces that are up. */
    private static Bytes linkLayerAddress(Supplier<List<NetInterface>> interfaces) {
        List<NetInterface> all = interfaces.get();
        for (boolean wantUp : new boolean[] {true, false}) {
            for (NetInterface ni : all) {
                byte[] mac = ni.mac();
                if (ni.loopback() || mac.length != 6 || (wantUp && !ni.up())) continue;
                boolean zero = true;
                for (byte b : mac) if (b != 0) zero = false;
                if (!zero) return Bytes.of(mac);
            }
        }
        return null;
    }

    private static Bytes random(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return Bytes.of(b);
    }

    private static int u16(Bytes b, int at) { return (b.get(at) << 8) | b.get(at + 1); }

    private static long u32(Bytes b, int at) {
        return ((long) b.get(at) << 24) | ((long) b.get(at + 1) << 16) | ((long) b.get(at + 2) << 8) | b.get(at + 3);
    }

    private static byte[] be(long v, int n) {
        byte[] out = new byte[n];
        for (int i = n - 1; i >= 0; i--, v >>>= 8) out[i] = (byte) v;
        return out;
    }

    private static Bytes concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return Bytes.of(out);
    }
}
