package dev.nestor.transport;

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
import java.util.Map;

/**
 * The few libc socket calls the transport needs, bound with FFM (Linux x86_64 constants and layouts, see STACK.md).
 * Every call captures errno so failures can be reported as "bind 0.0.0.0:67: EADDRINUSE (98)".
 */
final class Native {
    static final int AF_INET = 2, AF_PACKET = 17;
    static final int SOCK_DGRAM = 2, SOCK_RAW = 3, SOCK_CLOEXEC = 0x80000;
    static final int SOL_SOCKET = 1, SO_REUSEADDR = 2, SO_BROADCAST = 6, SO_RCVBUF = 8, SO_RCVTIMEO = 20, SO_BINDTODEVICE = 25,
            SO_RXQ_OVFL = 40;
    static final int IPPROTO_IP = 0, IP_PKTINFO = 8;
    static final int ETH_P_IP = 0x0800;
    // IPv6 (checked against glibc headers on x86_64 Linux 6.x with a C program; see package-info)
    static final int AF_INET6 = 10, IPPROTO_IPV6 = 41;
    static final int IPV6_V6ONLY = 26, IPV6_RECVPKTINFO = 49, IPV6_PKTINFO = 50, IPV6_JOIN_GROUP = 20, IPV6_LEAVE_GROUP = 21;
    static final int MSG_CTRUNC = 0x8, MSG_TRUNC = 0x20;
    static final int SHUT_RD = 0, SHUT_RDWR = 2;
    static final int EINTR = 4, EAGAIN = 11;

    static final int SOCKADDR_IN_SIZE = 16, SOCKADDR_LL_SIZE = 20, IOVEC_SIZE = 16, MSGHDR_SIZE = 56;
    // msghdr field offsets (x86_64)
    static final long MSG_NAME = 0, MSG_NAMELEN = 8, MSG_IOV = 16, MSG_IOVLEN = 24, MSG_CONTROL = 32, MSG_CONTROLLEN = 40, MSG_FLAGS = 48;
    // cmsghdr: size_t len, int level, int type, then data at 16
    static final long CMSG_LEN = 0, CMSG_LEVEL = 8, CMSG_TYPE = 12, CMSG_DATA = 16, CMSG_HDR = 16;
    static final int IN_PKTINFO_SIZE = 12; // ifindex @0, spec_dst @4, addr @8
    // sockaddr_in6: family @0, port @2 (BE), flowinfo @4, addr @8, scope_id @24
    static final int SOCKADDR_IN6_SIZE = 28;
    // in6_pktinfo: addr @0, ifindex @16; cmsg_len 36, CMSG_SPACE 40. ipv6_mreq: group @0, ifindex @16
    static final int IN6_PKTINFO_SIZE = 20, IPV6_MREQ_SIZE = 20;

    /** Big-endian unaligned views for wire-order fields inside native structs. */
    static final ValueLayout.OfShort NET_SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    static final ValueLayout.OfInt NET_INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final ValueLayout.OfInt I = ValueLayout.JAVA_INT;
    private static final ValueLayout.OfLong L = ValueLayout.JAVA_LONG;
    private static final ValueLayout P = ValueLayout.ADDRESS;

    private static final MethodHandle SOCKET = handle("socket", FunctionDescriptor.of(I, I, I, I));
    private static final MethodHandle SETSOCKOPT = handle("setsockopt", FunctionDescriptor.of(I, I, I, I, P, I));
    private static final MethodHandle BIND = handle("bind", FunctionDescriptor.of(I, I, P, I));
    private static final MethodHandle RECVMSG = handle("recvmsg", FunctionDescriptor.of(L, I, P, I));
    private static final MethodHandle SENDMSG = handle("sendmsg", FunctionDescriptor.of(L, I, P, I));
    private static final MethodHandle SENDTO = handle("sendto", FunctionDescriptor.of(L, I, P, L, I, P, I));
    private static final MethodHandle SHUTDOWN = handle("shutdown", FunctionDescriptor.of(I, I, I));
    private static final MethodHandle CLOSE = handle("close", FunctionDescriptor.of(I, I));

    private static final Map<Integer, String> ERRNO_NAMES = Map.ofEntries(
            Map.entry(1, "EPERM"), Map.entry(2, "ENOENT"), Map.entry(4, "EINTR"), Map.entry(6, "ENXIO"),
            Map.entry(9, "EBADF"), Map.entry(11, "EAGAIN"), Map.entry(12, "ENOMEM"), Map.entry(13, "EACCES"),
            Map.entry(14, "EFAULT"), Map.entry(19, "ENODEV"), Map.entry(22, "EINVAL"), Map.entry(23, "ENFILE"),
            Map.entry(24, "EMFILE"), Map.entry(88, "ENOTSOCK"), Map.entry(90, "EMSGSIZE"), Map.entry(92, "ENOPROTOOPT"),
            Map.entry(93, "EPROTONOSUPPORT"), Map.entry(95, "EOPNOTSUPP"), Map.entry(97, "EAFNOSUPPORT"),
            Map.entry(98, "EADDRINUSE"), Map.entry(99, "EADDRNOTAVAIL"), Map.entry(100, "ENETDOWN"),
            Map.entry(101, "ENETUNREACH"), Map.entry(105, "ENOBUFS"), Map.entry(107, "ENOTCONN"),
            Map.entry(111, "ECONNREFUSED"), Map.entry(113, "EHOSTUNREACH"));

    private Native() {}

    @SuppressWarnings("restricted") // the module runs with --enable-native-access
    private static MethodHandle handle(String name, FunctionDescriptor fd) {
        MemorySegment fn = LINKER.defaultLookup().find(name).orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
        return LINKER.downcallHandle(fn, fd, Linker.Option.captureCallState("errno"));
    }

    /** Per-call errno holder: confined to the calling thread's arena. */
    static MemorySegment errnoSlot(Arena arena) { return arena.allocate(CAPTURE); }

    static int errno(MemorySegment slot) { return (int) ERRNO.get(slot, 0L); }

    static String errnoText(int errno) {
        return ERRNO_NAMES.getOrDefault(errno, "errno") + " (" + errno + ")";
    }

    static IOException failure(String what, int errno) {
        return new IOException(what + ": " + errnoText(errno));
    }

    static int socket(MemorySegment st, int domain, int type, int protocol) { return invokeInt(SOCKET, st, domain, type, protocol); }

    static int setsockopt(MemorySegment st, int fd, int level, int name, MemorySegment value) {
        try {
            return (int) SETSOCKOPT.invokeExact(st, fd, level, name, value, (int) value.byteSize());
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static int bind(MemorySegment st, int fd, MemorySegment addr) {
        try {
            return (int) BIND.invokeExact(st, fd, addr, (int) addr.byteSize());
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // the hot calls use their constant handle directly: a handle passed through a shared helper makes the call
    // site polymorphic and the JIT stops inlining the downcall
    static long recvmsg(MemorySegment st, int fd, MemorySegment msghdr, int flags) {
        try {
            return (long) RECVMSG.invokeExact(st, fd, msghdr, flags);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static long sendmsg(MemorySegment st, int fd, MemorySegment msghdr, int flags) {
        try {
            return (long) SENDMSG.invokeExact(st, fd, msghdr, flags);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static long sendto(MemorySegment st, int fd, MemorySegment buf, int flags, MemorySegment addr) {
        try {
            return (long) SENDTO.invokeExact(st, fd, buf, buf.byteSize(), flags, addr, (int) addr.byteSize());
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static int shutdown(MemorySegment st, int fd, int how) {
        try {
            return (int) SHUTDOWN.invokeExact(st, fd, how);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static int close(MemorySegment st, int fd) {
        try {
            return (int) CLOSE.invokeExact(st, fd);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static int invokeInt(MethodHandle h, MemorySegment st, int a, int b, int c) {
        try {
            return (int) h.invokeExact(st, a, b, c);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static long invokeLong(MethodHandle h, MemorySegment st, int fd, MemorySegment seg, int flags) {
        try {
            return (long) h.invokeExact(st, fd, seg, flags);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException("native call failed", t);
    }

    // ---- struct helpers ----

    static MemorySegment sockaddrIn(Arena arena, int address, int port) {
        MemorySegment sa = arena.allocate(SOCKADDR_IN_SIZE, 8);
        sa.set(ValueLayout.JAVA_SHORT, 0, (short) AF_INET);
        sa.set(NET_SHORT, 2, (short) port);
        sa.set(NET_INT, 4, address);
        return sa;
    }

    static MemorySegment sockaddrIn6(Arena arena, byte[] address, int port, int scopeId) {
        MemorySegment sa = arena.allocate(SOCKADDR_IN6_SIZE, 8);
        sa.set(ValueLayout.JAVA_SHORT, 0, (short) AF_INET6);
        sa.set(NET_SHORT, 2, (short) port);
        MemorySegment.copy(address, 0, sa, ValueLayout.JAVA_BYTE, 8, 16);
        sa.set(ValueLayout.JAVA_INT, 24, scopeId);
        return sa;
    }

    static MemorySegment ipv6Mreq(Arena arena, byte[] group, int ifindex) {
        MemorySegment m = arena.allocate(IPV6_MREQ_SIZE, 4);
        MemorySegment.copy(group, 0, m, ValueLayout.JAVA_BYTE, 0, 16);
        m.set(ValueLayout.JAVA_INT, 16, ifindex);
        return m;
    }

    static MemorySegment sockaddrLl(Arena arena, int ifindex, byte[] mac) {
        MemorySegment sa = arena.allocate(SOCKADDR_LL_SIZE, 8);
        sa.set(ValueLayout.JAVA_SHORT, 0, (short) AF_PACKET);
        sa.set(NET_SHORT, 2, (short) ETH_P_IP);
        sa.set(ValueLayout.JAVA_INT, 4, ifindex);
        sa.set(ValueLayout.JAVA_BYTE, 11, (byte) mac.length);
        MemorySegment.copy(mac, 0, sa, ValueLayout.JAVA_BYTE, 12, mac.length);
        return sa;
    }

    static MemorySegment intValue(Arena arena, int v) {
        MemorySegment s = arena.allocate(ValueLayout.JAVA_INT);
        s.set(ValueLayout.JAVA_INT, 0, v);
        return s;
    }

    static MemorySegment timeval(Arena arena, long millis) {
        MemorySegment tv = arena.allocate(16, 8);
        tv.set(ValueLayout.JAVA_LONG, 0, millis / 1000);
        tv.set(ValueLayout.JAVA_LONG, 8, (millis % 1000) * 1000);
        return tv;
    }
}
