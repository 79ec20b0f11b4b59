package org.braindyn.nn;

import static org.braindyn.tensor.BM.*;

import org.braindyn.dyn.Shared;
import org.braindyn.state.TrainVar;
import org.braindyn.state.Variable;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * Batch normalisation over {@code (batch, features)} (Ioffe and Szegedy 2015; BrainPy's {@code BatchNorm1d},
 * {@code epsilon=1e-5}, {@code momentum=0.99}, affine): while the shared {@code fit} flag is set, each feature is
 * normalised by the batch mean and (biased) variance and the running statistics move toward them
 * ({@code running ← m·running + (1 − m)·batch}); outside fitting the running statistics are used. Then
 * {@code y = γ·x̂ + β} with trainable γ (ones) and β (zeros).
 */
public final class BatchNorm extends Node {
    private final int features;
    private final double eps, momentum;
    /** Scale γ and shift β {@code (features,)}. */
    public final TrainVar gamma, beta;
    /** Running mean and variance {@code (features,)}. */
    public final Variable runningMean, runningVar;

    public BatchNorm(int features) { this(features, 1e-5, 0.99); }

    public BatchNorm(int features, double eps, double momentum) {
        super(null);
        if (features < 1) throw new IllegalArgumentException("BatchNorm.features: must be >= 1; got " + features);
        if (!(eps > 0)) throw new IllegalArgumentException("BatchNorm.epsilon: must be > 0; got " + eps);
        if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("BatchNorm.momentum: must be in [0, 1); got " + momentum);
        this.features = features;
        this.eps = eps;
        this.momentum = momentum;
        DType dt = Config.defaultFloat();
        gamma = new TrainVar(ones(Shape.of(features), dt), "gamma");
        beta = new TrainVar(zeros(Shape.of(features), dt), "beta");
        runningMean = new Variable(zeros(Shape.of(features), dt), "running_mean");
        runningVar = new Variable(ones(Shape.of(features), dt), "running_var");
    }

    @Override public int inFeatures() { return features; }
    @Override public int outFeatures() { return features; }

    @Override public Tensor forward(Tensor x, Tensor fb) {
        checkStep(x, features, "input");
        Tensor mean, var;
        if (Shared.current().fit()) {
            mean = org.braindyn.tensor.BM.mean(x, 0);
            var = org.braindyn.tensor.BM.mean(square(x.sub(mean)), 0);
            runningMean.set(runningMean.value().mul(momentum).add(org.braindyn.autodiff.Autodiff.stopGradient(mean).mul(1 - momentum)).astype(runningMean.dtype()));
            runningVar.set(runningVar.value().mul(momentum).add(org.braindyn.autodiff.Autodiff.stopGradient(var).mul(1 - momentum)).astype(runningVar.dtype()));
        } else {
            mean = runningMean.value();
            var = runningVar.value();
        }
        return x.sub(mean).div(sqrt(var.add(eps))).mul(gamma.value()).add(beta.value());
    }

    @Override public void resetState(int batchSize) {}
}
