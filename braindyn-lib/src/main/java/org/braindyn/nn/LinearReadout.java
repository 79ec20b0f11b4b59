package org.braindyn.nn;

/**
 * BrainPy's {@code bp.nn.LinearReadout}: a {@link Dense} readout for reservoirs, fitted offline (ridge and the other
 * regressions of {@link org.braindyn.train.OfflineTrainer}) or online at every step (FORCE/RLS, LMS with
 * {@link org.braindyn.train.OnlineTrainer}). Its weights start as BrainPy's (Xavier normal, zero bias), so an untrained readout is a random projection.
 * <pre>{@code
 * Dense o = LinearReadout.builder(400, 3).build();
 * }</pre>
 */
public final class LinearReadout {
    private LinearReadout() {}

    /** A {@link Dense.Builder} for a readout of {@code in} features to {@code out}: untrainable by gradient unless asked. */
    public static Dense.Builder builder(int in, int out) { return Dense.builder(in, out).trainable(false); }
}
