package org.braindyn.nn;

import static org.braindyn.tensor.BM.*;

import org.braindyn.state.TrainVar;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * Group normalisation (Wu and He 2018; BrainPy's {@code GroupNorm}, {@code epsilon=1e-5}) on channels-first samples
 * flattened to {@code (batch, channels·size)}: the channels are split into groups, each group of each sample is
 * normalised by its own mean and (biased) variance over its channels and positions, then scaled and shifted per
 * channel by trainable γ (ones) and β (zeros). {@link #instance} (one group per channel) is instance normalisation.
 */
public final class GroupNorm extends Node {
    private final int channels, groups, size;
    private final double eps;
    /** Per-channel scale γ and shift β {@code (channels,)}. */
    public final TrainVar gamma, beta;

    /**
     * @param channels channels of the samples
     * @param groups   groups, dividing {@code channels}
     * @param size     positions per channel (the product of the spatial sizes)
     */
    public GroupNorm(int channels, int groups, int size) { this(channels, groups, size, 1e-5); }

    public GroupNorm(int channels, int groups, int size, double eps) {
        super(null);
        if (channels < 1 || groups < 1 || channels % groups != 0 || size < 1)
            throw new IllegalArgumentException("GroupNorm: channels and size must be >= 1 and groups must divide channels; got channels " + channels + ", groups " + groups + ", size " + size);
        if (!(eps > 0)) throw new IllegalArgumentException("GroupNorm.epsilon: must be > 0; got " + eps);
        this.channels = channels;
        this.groups = groups;
        this.size = size;
        this.eps = eps;
        gamma = new TrainVar(ones(Shape.of(channels), Config.defaultFloat()), "gamma");
        beta = new TrainVar(zeros(Shape.of(channels), Config.defaultFloat()), "beta");
    }

    /** Instance normalisation (BrainPy's {@code InstanceNorm}): each channel of each sample on its own. */
    public static GroupNorm instance(int channels, int size) { return new GroupNorm(channels, channels, size); }

    @Override public int inFeatures() { return channels * size; }
    @Override public int outFeatures() { return channels * size; }

    @Override public Tensor forward(Tensor x, Tensor fb) {
        checkStep(x, channels * size, "input");
        int b = x.dim(0);
        Tensor g = x.reshape(b, groups, channels / groups * size);
        Tensor mean = org.braindyn.tensor.BM.mean(g, true, 2);
        Tensor var = org.braindyn.tensor.BM.mean(square(g.sub(mean)), true, 2);
        Tensor n = g.sub(mean).div(sqrt(var.add(eps))).reshape(b, channels, size);
        return n.mul(gamma.value().reshape(1, channels, 1)).add(beta.value().reshape(1, channels, 1)).reshape(b, channels * size);
    }

    @Override public void resetState(int batchSize) {}
}
