package dev.nestor.hooks.bundled.pingcheck;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * An ICMP socket through FFM (Linux x86_64): a raw socket ({@code socket(AF_INET, SOCK_RAW, IPPROTO_ICMP)}, needs
 * CAP_NET_RAW) or, when that is refused, a ping socket ({@code SOCK_DGRAM}, allowed by
 * {@code net.ipv4.ping_group_range}). Both live in the network namespace of the process, so probes leave through
 * the server's own interfaces. Raw sockets receive the IP header and every ICMP message; ping sockets only the
 * replies to their own echoes, without the IP header, with the identifier rewritten by the kernel.
 */
final class IcmpSocket implements AutoCloseable {
    private static final int AF_INET = 2, SOCK_DGRAM = 2, SOCK_RAW = 3, SOCK_CLOEXEC = 0x80000, IPPROTO_ICMP = 1;
    private static final int SOL_SOCKET = 1, SO_RCVTIMEO = 20;
    private static final int EAGAIN = 11, EINTR = 4;
    private static final ValueLayout.OfShort NET_SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt NET_INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final ValueLayout.OfInt I = ValueLayout.JAVA_INT;
    private static final ValueLayout.OfLong L = ValueLayout.JAVA_LONG;
    private static final ValueLayout P = ValueLayout.ADDRESS;
    private static final MethodHandle SOCKET = handle("socket", FunctionDescriptor.of(I, I, I, I));
    private static final MethodHandle SETSOCKOPT = handle("setsockopt", FunctionDescriptor.of(I, I, I, I, P, I));
    private static final MethodHandle SENDTO = handle("sendto", FunctionDescriptor.of(L, I, P, L, I, P, I));
    private static final MethodHandle RECVFROM = handle("recvfrom", FunctionDescriptor.of(L, I, P, L, I, P, P));
    private static final MethodHandle CLOSE = handle("close", FunctionDescriptor.of(I, I));

    /** One received ICMP message: its sender and the ICMP bytes (type first). */
    record Received(int source, byte[] icmp) {}

    private final int fd;
    private final boolean raw;
    private volatile boolean closed;

    private IcmpSocket(int fd, boolean raw) {
        this.fd = fd;
        this.raw = raw;
    }

    @SuppressWarnings("restricted") // the servers run with --enable-native-access
    private static MethodHandle handle(String name, FunctionDescriptor fd) {
        MemorySegment fn = LINKER.defaultLookup().find(name).orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
        return LINKER.downcallHandle(fn, fd, Linker.Option.captureCallState("errno"));
    }

    /** Opens a raw ICMP socket, else a ping socket; {@code receiveTimeoutMillis} bounds each {@link #receive}. */
    static IcmpSocket open(int receiveTimeoutMillis) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            boolean raw = true;
            int fd = (int) SOCKET.invokeExact(st, AF_INET, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_ICMP);
            if (fd < 0) {
                int rawErr = errno(st);
                raw = false;
                fd = (int) SOCKET.invokeExact(st, AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, IPPROTO_ICMP);
                if (fd < 0) {
                    throw new IOException("no ICMP socket: raw socket errno " + rawErr + " (CAP_NET_RAW?), ping socket errno "
                            + errno(st) + " (net.ipv4.ping_group_range?)");
                }
            }
            MemorySegment tv = a.allocate(16);
            tv.set(ValueLayout.JAVA_LONG, 0, receiveTimeoutMillis / 1000);
            tv.set(ValueLayout.JAVA_LONG, 8, (receiveTimeoutMillis % 1000) * 1000L);
            int rc = (int) SETSOCKOPT.invokeExact(st, fd, SOL_SOCKET, SO_RCVTIMEO, tv, 16);
            if (rc < 0) {
                int err = errno(st);
                int ignored = (int) CLOSE.invokeExact(st, fd);
                throw new IOException("setsockopt SO_RCVTIMEO: errno " + err);
            }
            return new IcmpSocket(fd, raw);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    boolean raw() { return raw; }

    /** Sends an echo request to {@code address} (IPv4 as an int). @throws IOException with errno on failure */
    void sendEcho(int address, int id, int seq, byte[] payload) throws IOException {
        byte[] icmp = new byte[8 + payload.length];
        icmp[0] = 8; // echo request
        icmp[4] = (byte) (id >>> 8);
        icmp[5] = (byte) id;
        icmp[6] = (byte) (seq >>> 8);
        icmp[7] = (byte) seq;
        System.arraycopy(payload, 0, icmp, 8, payload.length);
        int sum = checksum(icmp);
        icmp[2] = (byte) (sum >>> 8);
        icmp[3] = (byte) sum;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            MemorySegment buf = a.allocateFrom(ValueLayout.JAVA_BYTE, icmp);
            MemorySegment sa = a.allocate(16);
            sa.set(ValueLayout.JAVA_SHORT, 0, (short) AF_INET);
            sa.set(NET_INT, 4, address);
            long n = (long) SENDTO.invokeExact(st, fd, buf, (long) icmp.length, 0, sa, 16);
            if (n < 0) throw new IOException("sendto: errno " + errno(st));
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** {@return the next ICMP message, or null after the receive timeout} @throws IOException when closed or failing */
    Received receive() throws IOException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(CAPTURE);
            MemorySegment buf = a.allocate(1500);
            MemorySegment sa = a.allocate(16);
            MemorySegment len = a.allocate(ValueLayout.JAVA_INT);
            len.set(ValueLayout.JAVA_INT, 0, 16);
            long n = (long) RECVFROM.invokeExact(st, fd, buf, 1500L, 0, sa, len);
            if (n < 0) {
                int err = errno(st);
                if (closed) throw new IOException("closed");
                if (err == EAGAIN || err == EINTR) return null;
                throw new IOException("recvfrom: errno " + err);
            }
            byte[] data = buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
            int source = sa.get(NET_INT, 4);
            if (!raw) return new Received(source, data);
            int ihl = (data.length > 0 ? data[0] & 0x0F : 5) * 4;
            if (data.length < ihl + 8) return new Received(source, new byte[0]);
            byte[] icmp = new byte[data.length - ihl];
            System.arraycopy(data, ihl, icmp, 0, icmp.length);
            return new Received(source, icmp);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static int checksum(byte[] b) {
        long sum = 0;
        for (int i = 0; i + 1 < b.length; i += 2) sum += ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
        if ((b.length & 1) == 1) sum += (b[b.length - 1] & 0xFF) << 8;
        while ((sum >>> 16) != 0) sum = (sum & 0xFFFF) + (sum >>> 16);
        return (int) (~sum & 0xFFFF);
    }

    private static int errno(MemorySegment st) { return (int) ERRNO.get(st, 0L); }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try (Arena a = Arena.ofConfined()) {
            int ignored = (int) CLOSE.invokeExact(a.allocate(CAPTURE), fd);
        } catch (Throwable t) {
            // nothing left to do
        }
    }
}
