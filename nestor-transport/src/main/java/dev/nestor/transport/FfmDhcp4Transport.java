package dev.nestor.transport;

import dev.nestor.common.net.Ipv4;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Linux transport, on FFM.
 *
 * <p>Receiving (both modes): one UDP socket bound to {@code bindAddress:serverPort} with IP_PKTINFO; the ingress
 * interface and IP destination come from the control message, and packets from unconfigured interfaces are dropped
 * here. A single socket with a filter is used instead of one SO_BINDTODEVICE socket per interface: one receive thread,
 * no per-interface polling, and interfaces appearing later are picked up by a refresh on an unknown index.
 *
 * <p>Sending: {@link UdpDatagram} goes through the same UDP socket with an IP_PKTINFO control message (egress
 * interface + source address). {@link LinkLayerDatagram} in raw mode goes through one unbound AF_PACKET socket
 * (protocol 0, so it never receives) with {@code sendto(sockaddr_ll{ifindex, MAC})}; in udp mode it becomes a
 * broadcast on its interface.
 *
 * <p>Closing: the closed flag is set, {@code shutdown(SHUT_RD)} wakes a blocked {@code recvmsg} (SO_RCVTIMEO 200 ms
 * is the fallback), and file descriptors are closed only once no call is inside the kernel with them (a write lock
 * over the read-locked calls), so a reused fd number can never be read or written by mistake.
 */
final class FfmDhcp4Transport implements Dhcp4Transport {
    private static final Logger log = LoggerFactory.getLogger(FfmDhcp4Transport.class);
    private static final int RECV_BUFFER = 65536, CONTROL_BUFFER = 128, RECEIVE_TIMEOUT_MILLIS = 200;
    private static final long REFRESH_INTERVAL_NANOS = 1_000_000_000L;
    private static final byte[] NO_MAC = new byte[6];

    private final TransportOptions options;
    private final InterfaceSelection selection;
    private final Supplier<List<NetInterface>> interfaceSource;
    private final int udpFd;
    private final int packetFd; // -1 in udp mode
    private final String bindText;

    private final ReentrantReadWriteLock fdLock = new ReentrantReadWriteLock();
    private volatile boolean closed;
    private volatile Map<Integer, NetInterface> byIndex;
    private volatile long lastRefreshNanos;
    // the highest SO_RXQ_OVFL count seen: datagrams dropped because the socket's receive buffer was full
    private final AtomicLong receiveBufferDrops = new AtomicLong();

    // receive-side native memory, one set per receiving thread (any number of threads may receive at once);
    // GC-managed, so close() never frees it under a reader
    private final ThreadLocal<ReceiveBuffers> receiveBuffers = ThreadLocal.withInitial(
            () -> new ReceiveBuffers(RECV_BUFFER, CONTROL_BUFFER, Native.SOCKADDR_IN_SIZE));

    private FfmDhcp4Transport(TransportOptions options, InterfaceSelection selection, Supplier<List<NetInterface>> source,
                              List<NetInterface> interfaces, int udpFd, int packetFd) {
        this.options = options;
        this.selection = selection;
        this.interfaceSource = source;
        this.udpFd = udpFd;
        this.packetFd = packetFd;
        this.bindText = Ipv4.toString(options.bindAddress()) + ":" + options.serverPort();
        this.byIndex = index(interfaces);
        this.lastRefreshNanos = System.nanoTime();
    }

    static FfmDhcp4Transport open(TransportOptions options) throws IOException {
        return open(options, Interfaces::list);
    }

    static FfmDhcp4Transport open(TransportOptions options, Supplier<List<NetInterface>> interfaceSource) throws IOException {
        InterfaceSelection selection = InterfaceSelection.of(options.interfaceSpecs());
        List<NetInterface> interfaces = interfaceSource.get();
        selection.validate(interfaces);
        int udp = openUdp(options);
        int packet = -1;
        if (options.raw()) {
            try {
                packet = openPacket();
            } catch (IOException e) {
                closeQuietly(udp);
                throw e;
            }
        }
        FfmDhcp4Transport t = new FfmDhcp4Transport(options, selection, interfaceSource, interfaces, udp, packet);
        log.info("DHCPv4 transport listening on {} ({} mode) interfaces {}", t.bindText, options.raw() ? "raw" : "udp",
                t.listening().stream().map(NetInterface::name).toList());
        return t;
    }

    private static int openUdp(TransportOptions o) throws IOException {
        String where = Ipv4.toString(o.bindAddress()) + ":" + o.serverPort();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = Native.errnoSlot(a);
            int fd = Native.socket(st, Native.AF_INET, Native.SOCK_DGRAM | Native.SOCK_CLOEXEC, 0);
            if (fd < 0) throw Native.failure("socket(AF_INET, SOCK_DGRAM)", Native.errno(st));
            try {
                MemorySegment one = Native.intValue(a, 1);
                setOption(st, fd, Native.SOL_SOCKET, Native.SO_REUSEADDR, one, "SO_REUSEADDR");
                setOption(st, fd, Native.SOL_SOCKET, Native.SO_BROADCAST, one, "SO_BROADCAST");
                setOption(st, fd, Native.IPPROTO_IP, Native.IP_PKTINFO, one, "IP_PKTINFO");
                // every datagram then carries the count of datagrams the kernel dropped on this socket (buffer full)
                setOption(st, fd, Native.SOL_SOCKET, Native.SO_RXQ_OVFL, one, "SO_RXQ_OVFL");
                setOption(st, fd, Native.SOL_SOCKET, Native.SO_RCVTIMEO, Native.timeval(a, RECEIVE_TIMEOUT_MILLIS), "SO_RCVTIMEO");
                if (Native.bind(st, fd, Native.sockaddrIn(a, o.bindAddress(), o.serverPort())) < 0)
                    throw Native.failure("bind " + where, Native.errno(st));
                return fd;
            } catch (IOException e) {
                closeQuietly(fd);
                throw e;
            }
        }
    }

    private static int openPacket() throws IOException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = Native.errnoSlot(a);
            // protocol 0: a send-only socket, the kernel never queues received frames on it
            int fd = Native.socket(st, Native.AF_PACKET, Native.SOCK_RAW | Native.SOCK_CLOEXEC, 0);
            if (fd < 0) {
                int e = Native.errno(st);
                throw new IOException("socket(AF_PACKET, SOCK_RAW): " + Native.errnoText(e)
                        + (e == 1 ? "; raw mode needs CAP_NET_RAW (or use dhcp-socket-type udp)" : ""));
            }
            return fd;
        }
    }

    private static void setOption(MemorySegment st, int fd, int level, int name, MemorySegment value, String what) throws IOException {
        if (Native.setsockopt(st, fd, level, name, value) < 0) throw Native.failure("setsockopt " + what, Native.errno(st));
    }

    // ---------------------------------------------------------------- receive

    @Override
    public InboundDatagram receive() throws IOException {
        while (true) {
            InboundDatagram d = poll();
            if (closed) return null;
            if (d != null) return d;
        }
    }

    @Override
    public InboundDatagram poll() throws IOException {
        fdLock.readLock().lock();
        try {
            if (closed) return null;
            InboundDatagram d = receiveOne(receiveBuffers.get());
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
    private InboundDatagram receiveOne(ReceiveBuffers rx) throws IOException {
        MemorySegment rxMsg = rx.msg, rxIov = rx.iov, rxBuffer = rx.buffer, rxName = rx.name, rxControl = rx.control,
                rxErrno = rx.errno;
        rxMsg.fill((byte) 0);
        rxIov.set(ValueLayout.ADDRESS, 0, rxBuffer);
        rxIov.set(ValueLayout.JAVA_LONG, 8, RECV_BUFFER);
        rxMsg.set(ValueLayout.ADDRESS, Native.MSG_NAME, rxName);
        rxMsg.set(ValueLayout.JAVA_INT, Native.MSG_NAMELEN, Native.SOCKADDR_IN_SIZE);
        rxMsg.set(ValueLayout.ADDRESS, Native.MSG_IOV, rxIov);
        rxMsg.set(ValueLayout.JAVA_LONG, Native.MSG_IOVLEN, 1);
        rxMsg.set(ValueLayout.ADDRESS, Native.MSG_CONTROL, rxControl);
        rxMsg.set(ValueLayout.JAVA_LONG, Native.MSG_CONTROLLEN, CONTROL_BUFFER);
        long n = Native.recvmsg(rxErrno, udpFd, rxMsg, 0);
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
        int source = rxName.get(Native.NET_INT, 4);
        int sourcePort = Short.toUnsignedInt(rxName.get(Native.NET_SHORT, 2));
        long controlLength = rxMsg.get(ValueLayout.JAVA_LONG, Native.MSG_CONTROLLEN);
        int ifindex = -1, destination = 0;
        for (long off = 0; off + Native.CMSG_HDR <= controlLength; ) {
            long len = rxControl.get(ValueLayout.JAVA_LONG, off + Native.CMSG_LEN);
            if (len < Native.CMSG_HDR || off + len > controlLength) break;
            if (rxControl.get(ValueLayout.JAVA_INT, off + Native.CMSG_LEVEL) == Native.IPPROTO_IP
                    && rxControl.get(ValueLayout.JAVA_INT, off + Native.CMSG_TYPE) == Native.IP_PKTINFO
                    && len >= Native.CMSG_HDR + Native.IN_PKTINFO_SIZE) {
                ifindex = rxControl.get(ValueLayout.JAVA_INT, off + Native.CMSG_DATA);
                destination = rxControl.get(Native.NET_INT, off + Native.CMSG_DATA + 8);
            } else if (rxControl.get(ValueLayout.JAVA_INT, off + Native.CMSG_LEVEL) == Native.SOL_SOCKET
                    && rxControl.get(ValueLayout.JAVA_INT, off + Native.CMSG_TYPE) == Native.SO_RXQ_OVFL
                    && len >= Native.CMSG_HDR + 4) {
                long dropped = Integer.toUnsignedLong(rxControl.get(ValueLayout.JAVA_INT, off + Native.CMSG_DATA));
                receiveBufferDrops.accumulateAndGet(dropped, Math::max);
            }
            off += (len + 7) & ~7L;
        }
        if (ifindex <= 0) {
            log.warn("dropped a datagram from {}:{} without IP_PKTINFO", Ipv4.toString(source), sourcePort);
            return null;
        }
        NetInterface ni = interfaceByIndex(ifindex);
        if (ni == null || !selection.accepts(ni) || !selection.acceptsDestination(ni, destination)) {
            if (log.isTraceEnabled())
                log.trace("dropped a datagram from {}:{} to {} on unconfigured interface {}", Ipv4.toString(source), sourcePort,
                        Ipv4.toString(destination), ni == null ? ifindex : ni.name());
            return null;
        }
        byte[] data = rxBuffer.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
        return new InboundDatagram(data, source, sourcePort, destination, ifindex, ni.name(), now);
    }

    /** Looks an index up, re-listing interfaces (at most once a second) when it is unknown: interfaces come and go. */
    private NetInterface interfaceByIndex(int ifindex) {
        NetInterface ni = byIndex.get(ifindex);
        if (ni != null) return ni;
        long now = System.nanoTime();
        if (now - lastRefreshNanos < REFRESH_INTERVAL_NANOS) return null;
        lastRefreshNanos = now;
        try {
            byIndex = index(interfaceSource.get());
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
    public void send(OutboundDatagram datagram) throws IOException {
        fdLock.readLock().lock();
        try {
            if (closed) throw new IOException("transport closed");
            switch (datagram) {
                case UdpDatagram u -> sendUdp(u.payload(), u.destinationAddress(), u.destinationPort(), u.interfaceIndex(), u.sourceAddress());
                case LinkLayerDatagram l when packetFd >= 0 -> sendFrame(l);
                // udp mode cannot address a MAC: broadcast on the interface, as Kea does with udp sockets
                case LinkLayerDatagram l -> sendUdp(l.payload(), Ipv4.BROADCAST, l.destinationPort(), l.interfaceIndex(), l.sourceAddress());
            }
        } finally {
            fdLock.readLock().unlock();
        }
    }

    /**
     * Native memory for sends, one set per sending thread and reused for every datagram it sends: a worker
     * thread sends thousands of replies a second, and an arena per send would malloc and free five blocks each
     * time. GC-managed (Arena.ofAuto), so a thread's set goes when the thread does.
     */
    private static final class SendBuffers {
        static final int DATA = 4096;
        private final Arena arena = Arena.ofAuto();
        final MemorySegment st = Native.errnoSlot(arena);
        final MemorySegment buf = arena.allocate(DATA, 8);
        final MemorySegment iov = arena.allocate(Native.IOVEC_SIZE, 8);
        final MemorySegment msg = arena.allocate(Native.MSGHDR_SIZE, 8);
        final MemorySegment name = arena.allocate(Native.SOCKADDR_IN_SIZE, 8);
        final MemorySegment control = arena.allocate(32, 8);
    }

    private final ThreadLocal<SendBuffers> sendBuffers = ThreadLocal.withInitial(SendBuffers::new);

    private void sendUdp(byte[] data, int destination, int port, int ifindex, int source) throws IOException {
        if (data.length > SendBuffers.DATA) {
            sendUdpLarge(data, destination, port, ifindex, source);
            return;
        }
        SendBuffers b = sendBuffers.get();
        MemorySegment.copy(data, 0, b.buf, ValueLayout.JAVA_BYTE, 0, data.length);
        b.iov.set(ValueLayout.ADDRESS, 0, b.buf);
        b.iov.set(ValueLayout.JAVA_LONG, 8, data.length);
        b.name.fill((byte) 0);
        b.name.set(ValueLayout.JAVA_SHORT, 0, (short) Native.AF_INET);
        b.name.set(Native.NET_SHORT, 2, (short) port);
        b.name.set(Native.NET_INT, 4, destination);
        b.msg.fill((byte) 0);
        b.msg.set(ValueLayout.ADDRESS, Native.MSG_NAME, b.name);
        b.msg.set(ValueLayout.JAVA_INT, Native.MSG_NAMELEN, Native.SOCKADDR_IN_SIZE);
        b.msg.set(ValueLayout.ADDRESS, Native.MSG_IOV, b.iov);
        b.msg.set(ValueLayout.JAVA_LONG, Native.MSG_IOVLEN, 1);
        if (ifindex != 0 || source != 0) {
            b.control.fill((byte) 0);
            pktinfo(b.control, ifindex, source);
            b.msg.set(ValueLayout.ADDRESS, Native.MSG_CONTROL, b.control);
            b.msg.set(ValueLayout.JAVA_LONG, Native.MSG_CONTROLLEN, 32);
        }
        sendmsg(b.st, b.msg, destination, port, ifindex, source);
    }

    /** One IP_PKTINFO cmsg: len 16 + 12 = 28, in a buffer padded to 32. */
    private static void pktinfo(MemorySegment control, int ifindex, int source) {
        control.set(ValueLayout.JAVA_LONG, Native.CMSG_LEN, Native.CMSG_HDR + Native.IN_PKTINFO_SIZE);
        control.set(ValueLayout.JAVA_INT, Native.CMSG_LEVEL, Native.IPPROTO_IP);
        control.set(ValueLayout.JAVA_INT, Native.CMSG_TYPE, Native.IP_PKTINFO);
        control.set(ValueLayout.JAVA_INT, Native.CMSG_DATA, ifindex);
        control.set(Native.NET_INT, Native.CMSG_DATA + 4, source);
    }

    private void sendmsg(MemorySegment st, MemorySegment msg, int destination, int port, int ifindex, int source) throws IOException {
        while (true) {
            long n = Native.sendmsg(st, udpFd, msg, 0);
            if (n >= 0) return;
            int e = Native.errno(st);
            if (e == Native.EINTR) continue;
            throw Native.failure("sendmsg to " + Ipv4.toString(destination) + ":" + port + " via " + describe(ifindex)
                    + " from " + Ipv4.toString(source), e);
        }
    }

    /** A datagram larger than the per-thread buffer (never for DHCP replies in practice): memory of its own. */
    private void sendUdpLarge(byte[] data, int destination, int port, int ifindex, int source) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = Native.errnoSlot(a);
            MemorySegment buf = a.allocate(data.length);
            MemorySegment.copy(data, 0, buf, ValueLayout.JAVA_BYTE, 0, data.length);
            MemorySegment iov = a.allocate(Native.IOVEC_SIZE, 8);
            iov.set(ValueLayout.ADDRESS, 0, buf);
            iov.set(ValueLayout.JAVA_LONG, 8, data.length);
            MemorySegment msg = a.allocate(Native.MSGHDR_SIZE, 8);
            msg.set(ValueLayout.ADDRESS, Native.MSG_NAME, Native.sockaddrIn(a, destination, port));
            msg.set(ValueLayout.JAVA_INT, Native.MSG_NAMELEN, Native.SOCKADDR_IN_SIZE);
            msg.set(ValueLayout.ADDRESS, Native.MSG_IOV, iov);
            msg.set(ValueLayout.JAVA_LONG, Native.MSG_IOVLEN, 1);
            if (ifindex != 0 || source != 0) {
                MemorySegment control = a.allocate(32, 8);
                pktinfo(control, ifindex, source);
                msg.set(ValueLayout.ADDRESS, Native.MSG_CONTROL, control);
                msg.set(ValueLayout.JAVA_LONG, Native.MSG_CONTROLLEN, 32);
            }
            sendmsg(st, msg, destination, port, ifindex, source);
        }
    }

    private void sendFrame(LinkLayerDatagram l) throws IOException {
        NetInterface ni = interfaceByIndex(l.interfaceIndex());
        if (ni == null) throw new IOException("send frame: no interface with index " + l.interfaceIndex());
        byte[] srcMac = ni.mac().length == 6 ? ni.mac() : NO_MAC;
        byte[] dstMac = l.destinationMac();
        byte[] frame = FrameBuilder.udpFrame(dstMac, srcMac, l.sourceAddress(), l.destinationAddress(), l.sourcePort(),
                l.destinationPort(), l.payload());
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = Native.errnoSlot(a);
            MemorySegment buf = a.allocateFrom(ValueLayout.JAVA_BYTE, frame);
            MemorySegment to = Native.sockaddrLl(a, ni.index(), dstMac);
            while (true) {
                long n = Native.sendto(st, packetFd, buf, 0, to);
                if (n >= 0) return;
                int e = Native.errno(st);
                if (e == Native.EINTR) continue;
                throw Native.failure("sendto " + HexFormat.ofDelimiter(":").formatHex(dstMac) + " ("
                        + Ipv4.toString(l.destinationAddress()) + ":" + l.destinationPort() + ") via " + ni.name(), e);
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
        return selection.listening(byIndex.values().stream().sorted(java.util.Comparator.comparingInt(NetInterface::index)).toList());
    }

    /** The options this transport was opened with. */
    TransportOptions options() { return options; }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try (Arena a = Arena.ofConfined()) {
            // wakes a receiver blocked in recvmsg; the fd stays valid until no call uses it
            Native.shutdown(Native.errnoSlot(a), udpFd, Native.SHUT_RD);
        }
        fdLock.writeLock().lock();
        try {
            closeQuietly(udpFd);
            if (packetFd >= 0) closeQuietly(packetFd);
        } finally {
            fdLock.writeLock().unlock();
        }
        log.info("DHCPv4 transport on {} closed", bindText);
    }

    private static void closeQuietly(int fd) {
        try (Arena a = Arena.ofConfined()) {
            Native.close(Native.errnoSlot(a), fd);
        }
    }
}
