package dev.nestor.transport;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * One receiving thread's native memory for {@code recvmsg}: payload, control messages, source address, iovec,
 * msghdr and errno. GC-managed ({@link Arena#ofAuto()}), so closing a transport never frees it under a reader.
 */
final class ReceiveBuffers {
    private final Arena arena = Arena.ofAuto();
    final MemorySegment buffer;
    final MemorySegment control;
    final MemorySegment name;
    final MemorySegment iov = arena.allocate(Native.IOVEC_SIZE, 8);
    final MemorySegment msg = arena.allocate(Native.MSGHDR_SIZE, 8);
    final MemorySegment errno = Native.errnoSlot(arena);

    ReceiveBuffers(long bufferSize, long controlSize, long nameSize) {
        buffer = arena.allocate(bufferSize, 8);
        control = arena.allocate(controlSize, 8);
        name = arena.allocate(nameSize, 8);
    }
}
