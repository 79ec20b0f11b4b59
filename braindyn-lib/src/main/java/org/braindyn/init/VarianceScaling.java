package org.braindyn.init;

import org.braindyn.random.RandomState;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;

/**
 * Variance scaling (BrainPy/JAX {@code VarianceScaling(scale, mode, distribution)}): values with variance
 * {@code scale / n}, where {@code n} is the fan-in, fan-out or their average. For shape {@code (…, in, out)} the
 * fan-in is {@code in · receptive field} and the fan-out {@code out · receptive field} (receptive field = product of
 * the leading axes). Distributions: truncated normal (±2 std, rescaled so the variance is exact), normal, uniform.
 * Kaiming/He (scale 2, fan-in), Xavier/Glorot (scale 1, fan average) and LeCun (scale 1, fan-in) are the named
 * members in {@link VarianceScaling.Family}.
 */
public record VarianceScaling(double scale, Mode mode, Distribution distribution, RandomState rng) implements Initializer {
    /** Which fan divides the scale. */
    public enum Mode { FAN_IN, FAN_OUT, FAN_AVG }

    /** The sampling distribution. */
    public enum Distribution { TRUNCATED_NORMAL, NORMAL, UNIFORM }

    public VarianceScaling {
        if (!(scale > 0)) throw new IllegalArgumentException("VarianceScaling.scale: must be > 0; got " + scale);
        if (rng == null) rng = org.braindyn.random.Random.DEFAULT;
    }

    @Override public Tensor init(int[] shape, DType dtype) {
        if (shape.length < 1) throw new IllegalArgumentException("VarianceScaling: needs at least a 1-D shape");
        int out = shape[shape.length - 1], in = shape.length >= 2 ? shape[shape.length - 2] : shape[0];
        int field = 1;
        for (int i = 0; i < shape.length - 2; i++) field *= shape[i];
        double fanIn = (double) in * field, fanOut = (double) out * field;
        double n = switch (mode) { case FAN_IN -> fanIn; case FAN_OUT -> fanOut; case FAN_AVG -> (fanIn + fanOut) / 2; };
        double variance = scale / Math.max(1, n);
        Tensor t = switch (distribution) {
            case TRUNCATED_NORMAL -> rng.truncatedNormal(-2, 2, shape).mul(Math.sqrt(variance) / 0.87962566103423978);
            case NORMAL -> rng.normal(0, Math.sqrt(variance), shape);
            case UNIFORM -> rng.uniform(-Math.sqrt(3 * variance), Math.sqrt(3 * variance), shape);
        };
        return t.astype(dtype);
    }

    /** The named members of the family. */
    public static final class Family {
        private Family() {}

        /** He/Kaiming uniform: scale 2 (× {@code scale}), fan-in. */
        public static Initializer kaimingUniform(double scale) { return new VarianceScaling(2 * scale, Mode.FAN_IN, Distribution.UNIFORM, null); }
        /** He/Kaiming normal (truncated): scale 2 (× {@code scale}), fan-in; BrainPy's {@code KaimingNormal(scale=…)}. */
        public static Initializer kaimingNormal(double scale) { return new VarianceScaling(2 * scale, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL, null); }
        /** Glorot/Xavier uniform: scale 1, fan average. */
        public static Initializer xavierUniform() { return new VarianceScaling(1, Mode.FAN_AVG, Distribution.UNIFORM, null); }
        /** Glorot/Xavier normal (truncated): scale 1, fan average. */
        public static Initializer xavierNormal() { return new VarianceScaling(1, Mode.FAN_AVG, Distribution.TRUNCATED_NORMAL, null); }
        /** LeCun uniform: scale 1, fan-in. */
        public static Initializer lecunUniform() { return new VarianceScaling(1, Mode.FAN_IN, Distribution.UNIFORM, null); }
        /** LeCun normal (truncated): scale 1, fan-in. */
        public static Initializer lecunNormal() { return new VarianceScaling(1, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL, null); }
    }
}
