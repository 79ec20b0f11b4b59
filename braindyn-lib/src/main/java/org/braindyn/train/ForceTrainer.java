package org.braindyn.train;

import org.braindyn.nn.Sequential;

/**
 * BrainPy's {@code bp.ForceTrainer(model, alpha=1.)}: an {@link OnlineTrainer} with {@link OnlineMethod.Rls} (FORCE
 * learning, Sussillo and Abbott 2009).
 * <pre>{@code OnlineTrainer t = ForceTrainer.of(net, 1.0);}</pre>
 */
public final class ForceTrainer {
    private ForceTrainer() {}

    /** FORCE with {@code P₀ = alpha·I}. */
    public static OnlineTrainer of(Sequential model, double alpha) { return new OnlineTrainer(model, new OnlineMethod.Rls(alpha)); }

    /** FORCE with BrainPy's default α = 1. */
    public static OnlineTrainer of(Sequential model) { return of(model, 1.0); }
}
