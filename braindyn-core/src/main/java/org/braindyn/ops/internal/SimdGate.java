package org.braindyn.ops.internal;

/**
 * When a Vector API loop may take over from its scalar twin. Until HotSpot's C2 has compiled it, Vector API code
 * runs boxed (in the interpreter or C1, every lane operation an allocation) at tens of times the scalar cost, so a
 * short simulation that calls its SIMD loops from the first step spends most of its warm-up there. A call site
 * keeps one gate and, while the gate is closed, runs the SIMD loop only on a short prefix of its elements (the
 * scalar loop does the rest), timed: on each of the first {@value #TRIGGER} calls (enough for HotSpot to queue the
 * SIMD loop for C2 at the launcher's thresholds) and then on every {@value #PROBE_EVERY}th call, as a probe. Once
 * the prefix runs in compiled time (under {@value #COMPILED_NS} ns) on {@value #GOOD} probes in a row, the gate opens
 * for good. Both loops must compute the same bits and split at any element, so results never depend on the gate.
 *
 * <p>Not synchronised: threads sharing a gate may lose an update of its counters, which only shifts when it opens.
 * <pre>{@code
 * if (gate.open()) return simd(x, 0, n);
 * if (!gate.probe()) return scalar(x, 0, n);
 * long t = System.nanoTime();
 * simd(x, 0, SimdGate.PREFIX_VECTORS * L);
 * gate.probed(System.nanoTime() - t);
 * return scalar(x, SimdGate.PREFIX_VECTORS * L, n);
 * }</pre>
 */
public final class SimdGate {
    /** SIMD registers' worth of elements a probe runs. */
    public static final int PREFIX_VECTORS = 2;
    /** Calls that always probe. */
    static final int TRIGGER = 256;
    /** Probe period after the first {@link #TRIGGER} calls (a power of two). */
    static final int PROBE_EVERY = 32;
    /** A probe this fast ran C2's code. */
    static final long COMPILED_NS = 2_000;
    /** Fast probes in a row that open the gate. */
    static final int GOOD = 4;
    /** Calls after which the gate opens whatever the probes say (a JVM that never compiles the loop). */
    static final int GIVE_UP = 50_000;

    private int calls, good;
    private boolean open;

    /** Whether the SIMD loop runs every element now. */
    public boolean open() { return open; }

    /** Counts a call of a closed gate; true when this call should run the timed SIMD prefix. */
    public boolean probe() {
        int c = ++calls;
        if (c > GIVE_UP) open = true;
        return c <= TRIGGER || (c & (PROBE_EVERY - 1)) == 0;
    }

    /** Reports a probe's time. */
    public void probed(long nanos) {
        good = nanos < COMPILED_NS ? good + 1 : 0;
        if (good >= GOOD) open = true;
    }
}
