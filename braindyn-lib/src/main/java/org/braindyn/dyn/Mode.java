package org.braindyn.dyn;

import java.util.function.Supplier;

/**
 * How components lay out their states (BrainPy's {@code bm.NonBatchingMode}, {@code BatchingMode},
 * {@code TrainingMode}): without a batch axis, states are {@code (N,)}; in batching and training modes they are
 * {@code (batch, N)}, and {@link DynamicalSystem#resetState(int)} changes the batch size. Components read the mode
 * in effect when they are constructed, as with BrainPy's {@code bm.environment(mode=...)}:
 * <pre>{@code
 * Network net = Mode.with(Mode.training(16), () -> new MySnn());   // every state (16, N)
 * net.resetState(32);                                             // now (32, N)
 * }</pre>
 *
 * @param kind      non-batching, batching or training
 * @param batchSize the initial batch size (0 when non-batching)
 */
public record Mode(Kind kind, int batchSize) {
    /** The three modes. */
    public enum Kind { NON_BATCHING, BATCHING, TRAINING }

    private static final ScopedValue<Mode> CURRENT = ScopedValue.newInstance();

    /** Validates the batch size. */
    public Mode {
        if (kind == null) throw new IllegalArgumentException("Mode.kind: must not be null");
        if (kind == Kind.NON_BATCHING ? batchSize != 0 : batchSize < 1)
            throw new IllegalArgumentException("Mode.batchSize: " + (kind == Kind.NON_BATCHING ? "must be 0 without batching" : "must be >= 1") + "; got " + batchSize);
    }

    /** No batch axis (the default). */
    public static Mode nonBatching() { return new Mode(Kind.NON_BATCHING, 0); }

    /** A leading batch axis of {@code batchSize}. */
    public static Mode batching(int batchSize) { return new Mode(Kind.BATCHING, batchSize); }

    /** A leading batch axis, for models that will be trained (BrainPy's {@code TrainingMode}). */
    public static Mode training(int batchSize) { return new Mode(Kind.TRAINING, batchSize); }

    /** Whether states have a batch axis. */
    public boolean batched() { return kind != Kind.NON_BATCHING; }

    /** The mode in effect for components constructed now. */
    public static Mode current() { return CURRENT.isBound() ? CURRENT.get() : nonBatching(); }

    /** Builds components in {@code mode}. */
    public static <T> T with(Mode mode, Supplier<T> build) { return ScopedValue.where(CURRENT, mode).call(build::get); }

    /** The shape of a state of {@code n} values per sample for batch size {@code batch} (0: no batch axis). */
    static int[] shape(int batch, int n) { return batch == 0 ? new int[] {n} : new int[] {batch, n}; }
}
