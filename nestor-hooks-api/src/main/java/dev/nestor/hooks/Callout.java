package dev.nestor.hooks;

/**
 * A function attached to a hook point. It gets the event (immutable; already changed by the callouts before it) and
 * answers a next step, optionally with a changed event. Runs on a packet-processing thread: keep it short, and
 * thread-safe unless the library declared itself not {@link HookLibrary#multiThreadingCompatible()}.
 *
 * <p>Throwing is contained: the server logs the error with the library's name, drops the packet (counted in
 * {@code pkt4-receive-drop} / {@code pkt6-receive-drop}) and keeps serving.
 */
@FunctionalInterface
public interface Callout<E> {
    /** {@return the next step, and the event as changed (or null / {@link CalloutResult#proceed()} for no change)} */
    CalloutResult<E> call(E event) throws Exception;
}
