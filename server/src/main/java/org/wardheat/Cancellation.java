package org.wardheat;

/**
 * Cooperative cancellation of long computations. The HTTP analysis pool interrupts the worker thread of an
 * analysis whose client has gone or whose time budget has run out; the hot loops of the kernels call
 * {@link #check()} (a read of the interrupt flag) and stop with {@link CancelledException}. Nothing else
 * interrupts threads, so the CLI never sees it.
 */
public final class Cancellation {
    private Cancellation() {
    }

    /** Throws {@link CancelledException} when the current thread has been interrupted. */
    public static void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancelledException();
        }
    }

    /** The same for work done on other threads (a parallel stream) on behalf of {@code owner}. */
    public static void check(Thread owner) {
        if (owner.isInterrupted()) {
            throw new CancelledException();
        }
    }

    /** A computation stopped because it was cancelled. */
    public static final class CancelledException extends RuntimeException {
        public CancelledException() {
            super("the computation was cancelled", null, false, false);
        }
    }
}
