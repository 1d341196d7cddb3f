package dev.nestor.transport;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Linux DHCPv6 transport, on FFM; the same shape as {@link FfmDhcp4Transport}.
 *
 * <p>Receiving: one {@code AF_INET6} UDP socket (IPV6_V6ONLY) bound to {@code [::]:serverPort} with IPV6_RECVPKTINFO,
 * member of ff02::1:2 on each listened interface (IPV6_JOIN_GROUP with {@code ipv6_mreq{group, ifindex}}). The
 * IPV6_PKTINFO control message gives the ingress interface and the destination, so multicast and unicast are told
 * apart and {@link InterfaceSelection6} applies Kea's rules. Kea instead opens one socket per link-local and
 * configured unicast address plus one per multicast group: one socket gives one receive thread and the same filter.
 *
 * <p>Sending: {@code sendmsg} to a {@code sockaddr_in6} (scope id = the interface for link-local and multicast
 * destinations) with an IPV6_PKTINFO control message pinning the egress interface and, when given, the source.
 *
 * <p>Interfaces appearing later are found by a refresh (at most once a second) when a packet arrives with an unknown
 * index, and the group is joined on them then; a multicast-only client on an interface that came up after the
 * transport opened is therefore heard only after some other packet triggered the refresh, or after a reopen.
 *
 * <p>Closing: as in v4, {@code shutdown(SHUT_RD)} wakes a blocked {@code recvmsg} (SO_RCVTIMEO 200 ms is the fallback)
 * and the descriptor is closed only when no call is inside the kernel with it.
 */
final class FfmDhcp6Transport implements Dhcp6Transport {
    private static final Logger log = LoggerFactory.getLogger(FfmDhcp6Transport.class);
    private static final int RECV_BUFFER = 65536, CONTROL_BUFFER = 128, RECEIVE_TIMEOUT_MILLIS = 200;
    private static final int SEND_CONTROL = 40; // CMSG_SPACE(sizeof(in6_pktinfo))
    private static final long REFRESH_INTERVAL_NANOS = 1_000_000_000L;
    private static final byte[] GROUP = Ipv6Text.ALL_DHCP_RELAY_AGENTS_AND_SERVERS;

    private final InterfaceSelection6 selection;
    private final Supplier<List<NetInterface>> interfaceSource;
    private final int fd;
    private final String bindText;

    private final ReentrantReadWriteLock fdLock = new ReentrantReadWriteLock();
    private volatile boolean closed;
    private volatile Map<Integer, NetInterface> byIndex;
    private volatile long lastRefreshNanos;
    // the highest SO_RXQ_OVFL count seen: datagrams dropped because the socket's receive buffer was full
    private final AtomicLong receiveBufferDrops = new AtomicLong();
    /** Interface indexes on which this socket is a member of ff02::1:2. */
    private final Set<Integer> joined = ConcurrentHashMap.newKeySet();

    // receive-side native memory, one set per receiving thread (any number of threads may receive at once);
    // GC-managed, so close() never frees it under a reader
    private final ThreadLocal<ReceiveBuffers> receiveBuffers = ThreadLocal.withInitial(
            () -> new ReceiveBuffers(RECV_BUFFER, CONTROL_BUFFER, Native.SOCKADDR_IN6_SIZE));

    private FfmDhcp6Transport(Transport6Options options, InterfaceSelection6 selection, Supplier<List<NetInterface>> source,
                              List<NetInterface> interfaces, int fd) {
        this.selection = selection;
        this.interfaceSource = source;
        this.fd = fd;
        this.bindText = "[::]:" + options.serverPort();
        this.byIndex = index(interfaces);
        this.lastRefreshNanos = System.nanoTime();
    }

    static FfmDhcp6Transport open(Transport6Options options) throws IOException {
        return open(options, Interfaces::list);
    }

    static FfmDhcp6Transport open(Transport6Options options, Supplier<List<NetInterface>> interfaceSource) throws IOException {
        InterfaceSelection6 selection = InterfaceSelection6.of(options.interfaceSpecs());
        List<NetInterface> interfaces = interfaceSource.get();
        selection.validate(interfaces);
        int fd = openSocket(options.serverPort());
        FfmDhcp6Transport t = new FfmDhcp6Transport(options, selection, interfaceSource, interfaces, fd);
        try {
            for (NetInterface ni : interfaces) {
                if (!selection.joins(ni)) continue;
                try {
                    t.join(ni);
                } catch (IOException e) {
                    if (selection.named(ni)) throw e; // a configured interface we cannot listen on is an error
                    log.warn("not listening on {}: {}", ni.name(), e.getMessage());
                }
            }
        } catch (IOException e) {
            t.close();
            throw e;
        }
        log.info("DHCPv6 transport listening on {} interfaces {}", t.bindText, t.listening().stream().map(NetInterface::name).toList());
        return t;
    }

    private static int openSocket(int port) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = Native.errnoSlot(a);
            int fd = Native.socket(st, Native.AF_INET6, Native.SOCK_DGRAM | Native.SOCK_CLOEXEC, 0);
            if (fd < 0) throw Native.failure("socket(AF_INET6, SOCK_DGRAM)", Native.errno(st));
            try {
                MemorySegment one = Native.intValue(a, 1);
                setOption(st, fd, Native.IPPROTO_IPV6, Native.IPV6_V6ONLY, one, "IPV6_V6ONLY");
                setOption(st, fd, Native.SOL_SOCKET, Native.SO_REUSEADDR, one, "SO_REUSEADDR");
                setOption(st, fd, Native.IPPROTO_IPV6, Native.IPV6_RECVPKTINFO, one, "IPV6_RECVPKTINFO");
                // every datagram then carries the count of datagrams the kernel dropped on this socket (buffer full)
                setOption(st, fd, Native.SOL_SOCKET, Native.SO_RXQ_OVFL, one, "SO_RXQ_OVFL");
                setOption(st, fd, Native.SOL_SOCKET, Native.SO_RCVTIMEO, Native.timeval(a, RECEIVE_TIMEOUT_MILLIS), "SO_RCVTIMEO");
                if (Native.bind(st, fd, Native.sockaddrIn6(a, Ipv6Text.UNSPECIFIED, port, 0)) < 0)
                    throw Native.failure("bind [::]:" + port, Native.errno(st));
                return fd;
            } catch (IOException e) {
                closeQuietly(fd);
                throw e;
            }
        }
    }

    private static void setOption(MemorySegment st, int fd, int level, int name, MemorySegment value, String what) throws IOException {
        if (Native.setsockopt(st, fd, level, name, value) < 0) throw Native.failure("setsockopt " + what, Native.errno(st));
    }

    /** Joins ff02::1:2 on the interface (once). */
    private void join(NetInterface ni) throws IOException {
        if (joined.contains(ni.index())) return;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = Native.errnoSlot(a);
            if (Native.setsockopt(st, fd, Native.IPPROTO_IPV6, Native.IPV6_JOIN_GROUP, Native.ipv6Mreq(a, GROUP, ni.index())) < 0)
                throw Native.failure("setsockopt IPV6_JOIN_GROUP ff02::1:2 on " + ni.name() + "(" + ni.index() + ")", Native.errno(st));
        }
        joined.add(ni.index());
    }

    // ---------------------------------------------------------------- receive

    @Override
    public InboundDatagram6 receive() throws IOException {
        while (true) {
            InboundDatagram6 d = poll();
            if (closed) return null;
            if (d != null) return d;
        }
    }

    @Override
    public InboundDatagram6 poll() throws IOException {
        fdLock.readLock().lock();
        try {
            if (closed) return null;
            InboundDatagram6 d = receiveOne(receiveBuffers.get());
            return closed ? null : d;
        } finally {
            fdLock.readLock().unlock();
        }
    }

    @Override
    public boolean isOpen() {
        return !closed;
    }

    @Override
    public long receiveBufferDrops() {
        return receiveBufferDrops.get();
    }

    /** One recvmsg; null when the datagram was dropped or the call timed out. */
    private InboundDatagram6 receiveOne(ReceiveBuffers rx) throws IOException {
        MemorySegment rxMsg = rx.msg, rxIov = rx.iov, rxBuffer = rx.buffer, rxName = rx.name, rxControl = rx.control,
                rxErrno = rx.errno;
        rxMsg.fill((byte) 0);
        rxIov.set(ValueLayout.ADDRESS, 0, rxBuffer);
        rxIov.set(ValueLayout.JAVA_LONG, 8, RECV_BUFFER);
        rxMsg.set(ValueLayout.ADDRESS, Native.MSG_NAME, rxName);
        rxMsg.set(ValueLayout.JAVA_INT, Native.MSG_NAMELEN, Native.SOCKADDR_IN6_SIZE);
        rxMsg.set(ValueLayout.ADDRESS, Native.MSG_IOV, rxIov);
        rxMsg.set(ValueLayout.JAVA_LONG, Native.MSG_IOVLEN, 1);
        rxMsg.set(ValueLayout.ADDRESS, Native.MSG_CONTROL, rxControl);
        rxMsg.set(ValueLayout.JAVA_LONG, Native.MSG_CONTROLLEN, CONTROL_BUFFER);
        long n = Native.recvmsg(rxErrno, fd, rxMsg, 0);
        long now = System.nanoTime();
        if (n < 0) {
            int e = Native.errno(rxErrno);
            if (e == Native.EAGAIN || e == Native.EINTR || closed) return null;
            throw Native.failure("recvmsg on " + bindText, e);
        }
        if (closed) return null; // shutdown() makes recvmsg return 0
        int flags = rxMsg.get(ValueLayout.JAVA_INT, Native.MSG_FLAGS);
        if ((flags & Native.MSG_TRUNC) != 0) {
            log.debug("dropped a datagram larger than {} bytes", RECV_BUFFER);
            return null;
        }
        byte[] source = rxName.asSlice(8, 16).toArray(ValueLayout.JAVA_BYTE);
        int sourcePort = Short.toUnsignedInt(rxName.get(Native.NET_SHORT, 2));
        long controlLength = rxMsg.get(ValueLayout.JAVA_LONG, Native.MSG_CONTROLLEN);
        int ifindex = -1;
        byte[] destination = null;
        for (long off = 0; off + Native.CMSG_HDR <= controlLength; ) {
            long len = rxControl.get(ValueLayout.JAVA_LONG, off + Native.CMSG_LEN);
            if (len < Native.CMSG_HDR || off + len > controlLength) break;
            if (rxControl.get(ValueLayout.JAVA_INT, off + Native.CMSG_LEVEL) == Native.IPPROTO_IPV6
                    && rxControl.get(ValueLayout.JAVA_INT, off + Native.CMSG_TYPE) == Native.IPV6_PKTINFO
                    && len >= Native.CMSG_HDR + Native.IN6_PKTINFO_SIZE) {
                destination = rxControl.asSlice(off + Native.CMSG_DATA, 16).toArray(ValueLayout.JAVA_BYTE);
                ifindex = rxControl.get(ValueLayout.JAVA_INT, off + Native.CMSG_DATA + 16);
            } else if (rxControl.get(ValueLayout.JAVA_INT, off + Native.CMSG_LEVEL) == Native.SOL_SOCKET
                    && rxControl.get(ValueLayout.JAVA_INT, off + Native.CMSG_TYPE) == Native.SO_RXQ_OVFL
                    && len >= Native.CMSG_HDR + 4) {
                long dropped = Integer.toUnsignedLong(rxControl.get(ValueLayout.JAVA_INT, off + Native.CMSG_DATA));
                receiveBufferDrops.accumulateAndGet(dropped, Math::max);
            }
            off += (len + 7) & ~7L;
        }
        if (ifindex <= 0 || destination == null) {
            log.warn("dropped a datagram from [{}]:{} without IPV6_PKTINFO", Ipv6Text.toString(source), sourcePort);
            return null;
        }
        NetInterface ni = interfaceByIndex(ifindex);
        if (ni == null || !selection.accepts(ni) || !selection.acceptsDestination(ni, destination)) {
            if (log.isTraceEnabled())
                log.trace("dropped a datagram from [{}]:{} to {} on unconfigured interface or address {}", Ipv6Text.toString(source),
                        sourcePort, Ipv6Text.toString(destination), ni == null ? ifindex : ni.name());
            return null;
        }
        byte[] data = rxBuffer.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
        return new InboundDatagram6(data, source, sourcePort, destination, ifindex, ni.name(), now);
    }

    /** Looks an index up, re-listing interfaces (at most once a second) when it is unknown: interfaces come and go. */
    private NetInterface interfaceByIndex(int ifindex) {
        NetInterface ni = byIndex.get(ifindex);
        if (ni != null) return ni;
        long now = System.nanoTime();
        if (now - lastRefreshNanos < REFRESH_INTERVAL_NANOS) return null;
        lastRefreshNanos = now;
        try {
            List<NetInterface> all = interfaceSource.get();
            byIndex = index(all);
            joined.retainAll(byIndex.keySet()); // the kernel dropped memberships of vanished interfaces
            for (NetInterface n : all) {
                if (!selection.joins(n) || joined.contains(n.index())) continue;
                try {
                    join(n);
                    log.info("DHCPv6 transport now also listening on {}", n.name());
                } catch (IOException e) {
                    log.warn("not listening on {}: {}", n.name(), e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            log.warn("cannot re-list interfaces: {}", e.toString());
        }
        return byIndex.get(ifindex);
    }

    private static Map<Integer, NetInterface> index(List<NetInterface> list) {
        return list.stream().collect(Collectors.toUnmodifiableMap(NetInterface::index, Function.identity(), (x, _) -> x));
    }

    // ---------------------------------------------------------------- send

    @Override
    public void send(UdpDatagram6 datagram) throws IOException {
        fdLock.readLock().lock();
        try {
            if (closed) throw new IOException("transport closed");
            sendUdp(datagram);
        } finally {
            fdLock.readLock().unlock();
        }
    }

    private void sendUdp(UdpDatagram6 d) throws IOException {
        byte[] data = d.payload(), destination = d.destinationAddress(), source = d.sourceAddress();
        int ifindex = d.interfaceIndex();
        boolean scoped = Ipv6Text.isLinkLocal(destination) || Ipv6Text.isMulticast(destination);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = Native.errnoSlot(a);
            MemorySegment buf = a.allocate(Math.max(1, data.length));
            MemorySegment.copy(data, 0, buf, ValueLayout.JAVA_BYTE, 0, data.length);
            MemorySegment iov = a.allocate(Native.IOVEC_SIZE, 8);
            iov.set(ValueLayout.ADDRESS, 0, buf);
            iov.set(ValueLayout.JAVA_LONG, 8, data.length);
            MemorySegment msg = a.allocate(Native.MSGHDR_SIZE, 8);
            // the scope id must agree with the pktinfo ifindex (the kernel refuses a mismatch), so set it only where needed
            msg.set(ValueLayout.ADDRESS, Native.MSG_NAME, Native.sockaddrIn6(a, destination, d.destinationPort(), scoped ? ifindex : 0));
            msg.set(ValueLayout.JAVA_INT, Native.MSG_NAMELEN, Native.SOCKADDR_IN6_SIZE);
            msg.set(ValueLayout.ADDRESS, Native.MSG_IOV, iov);
            msg.set(ValueLayout.JAVA_LONG, Native.MSG_IOVLEN, 1);
            if (ifindex != 0 || !Ipv6Text.isUnspecified(source)) {
                // one IPV6_PKTINFO cmsg: len 16 + 20 = 36, buffer padded to 40
                MemorySegment control = a.allocate(SEND_CONTROL, 8);
                control.set(ValueLayout.JAVA_LONG, Native.CMSG_LEN, Native.CMSG_HDR + Native.IN6_PKTINFO_SIZE);
                control.set(ValueLayout.JAVA_INT, Native.CMSG_LEVEL, Native.IPPROTO_IPV6);
                control.set(ValueLayout.JAVA_INT, Native.CMSG_TYPE, Native.IPV6_PKTINFO);
                MemorySegment.copy(source, 0, control, ValueLayout.JAVA_BYTE, Native.CMSG_DATA, 16);
                control.set(ValueLayout.JAVA_INT, Native.CMSG_DATA + 16, ifindex);
                msg.set(ValueLayout.ADDRESS, Native.MSG_CONTROL, control);
                msg.set(ValueLayout.JAVA_LONG, Native.MSG_CONTROLLEN, SEND_CONTROL);
            }
            while (true) {
                long n = Native.sendmsg(st, fd, msg, 0);
                if (n >= 0) return;
                int e = Native.errno(st);
                if (e == Native.EINTR) continue;
                throw Native.failure("sendmsg to [" + Ipv6Text.toString(destination) + "]:" + d.destinationPort() + " via "
                        + describe(ifindex) + " from " + Ipv6Text.toString(source), e);
            }
        }
    }

    private String describe(int ifindex) {
        if (ifindex == 0) return "routing";
        NetInterface ni = byIndex.get(ifindex);
        return (ni == null ? "?" : ni.name()) + "(" + ifindex + ")";
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public List<NetInterface> listening() {
        return selection.listening(byIndex.values().stream().sorted(Comparator.comparingInt(NetInterface::index)).toList());
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try (Arena a = Arena.ofConfined()) {
            // wakes a receiver blocked in recvmsg; the fd stays valid until no call uses it
            Native.shutdown(Native.errnoSlot(a), fd, Native.SHUT_RD);
        }
        fdLock.writeLock().lock();
        try {
            closeQuietly(fd); // closing drops the group memberships too
        } finally {
            fdLock.writeLock().unlock();
        }
        log.info("DHCPv6 transport on {} closed", bindText);
    }

    private static void closeQuietly(int fd) {
        try (Arena a = Arena.ofConfined()) {
            Native.close(Native.errnoSlot(a), fd);
        }
    }
}
