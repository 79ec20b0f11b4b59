package org.braindyn.nn;

import static org.braindyn.tensor.BM.*;

import org.braindyn.state.TrainVar;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * Layer normalisation (Ba et al. 2016; BrainPy's {@code LayerNorm}, {@code epsilon=1e-5}): each sample's features are
 * normalised by their own mean and (biased) variance, then {@code y = γ·x̂ + β} with trainable γ (ones), β (zeros).
 * The same in and out of fitting.
 */
public final class LayerNorm extends Node {
    private final int features;
    private final double eps;
    /** Scale γ and shift β {@code (features,)}. */
    public final TrainVar gamma, beta;

    public LayerNorm(int features) { this(features, 1e-5); }

    public LayerNorm(int features, double eps) {
        super(null);
        if (features < 1) throw new IllegalArgumentException("LayerNorm.features: must be >= 1; got " + features);
        if (!(eps > 0)) throw new IllegalArgumentException("LayerNorm.epsilon: must be > 0; got " + eps);
        this.features = features;
        this.eps = eps;
        gamma = new TrainVar(ones(Shape.of(features), Config.defaultFloat()), "gamma");
        beta = new TrainVar(zeros(Shape.of(features), Config.defaultFloat()), "beta");
    }

    @Override public int inFeatures() { return features; }
    @Override public int outFeatures() { return features; }

    @Override public Tensor forward(Tensor x, Tensor fb) {
        checkStep(x, features, "input");
        Tensor mean = org.braindyn.tensor.BM.mean(x, true, 1);
        Tensor var = org.braindyn.tensor.BM.mean(square(x.sub(mean)), true, 1);
        return x.sub(mean).div(sqrt(var.add(eps))).mul(gamma.value()).add(beta.value());
    }

    @Override public void resetState(int batchSize) {}
}
