package org.braindyn.train;

import org.braindyn.nn.Sequential;

/**
 * BrainPy's {@code bp.RidgeTrainer(model, beta)}: an {@link OfflineTrainer} with {@link OfflineMethod.Ridge}.
 * <pre>{@code OfflineTrainer t = RidgeTrainer.of(esn, 1e-6);}</pre>
 */
public final class RidgeTrainer {
    private RidgeTrainer() {}

    /** Ridge regression with penalty {@code beta} (BrainPy's default 1e-7). */
    public static OfflineTrainer of(Sequential model, double beta) { return new OfflineTrainer(model, new OfflineMethod.Ridge(beta)); }

    /** Ridge regression with BrainPy's default β = 1e-7. */
    public static OfflineTrainer of(Sequential model) { return of(model, 1e-7); }
}
