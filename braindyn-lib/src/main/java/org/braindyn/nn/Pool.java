package org.braindyn.nn;

import static org.braindyn.tensor.BM.*;

import org.braindyn.tensor.Tensor;

/**
 * Max, average and min pooling over 1 to 3 spatial axes (BrainPy's {@code MaxPool}, {@code AvgPool},
 * {@code MinPool}) on channels-first samples flattened to {@code (batch, channels·Π size)}; padding takes the
 * neutral value (−∞ for max, +∞ for min, 0 for average, counted in the mean as PyTorch's default). Adaptive pooling
 * is the same with the kernel and stride that cover the input in the requested number of windows
 * ({@link #adaptive}).
 * <pre>{@code Pool p = Pool.max(16, new int[] {28, 28}, new int[] {2, 2});   // 16×28×28 → 16×14×14}</pre>
 */
public final class Pool extends Node {
    /** The reduction. */
    public enum Kind { MAX, AVG, MIN }

    private final Kind kind;
    private final Windows win;

    private Pool(Kind kind, int channels, int[] size, int[] kernel, int[] stride, int[] padding) {
        super(null);
        int[] ones = new int[size.length];
        java.util.Arrays.fill(ones, 1);
        this.kind = kind;
        this.win = new Windows(kind + "Pool", channels, size, kernel, stride == null ? kernel : stride, padding == null ? new int[size.length] : padding, ones);
    }

    /** Max pooling with stride = kernel and no padding. */
    public static Pool max(int channels, int[] size, int[] kernel) { return new Pool(Kind.MAX, channels, size, kernel, null, null); }
    /** Average pooling with stride = kernel and no padding. */
    public static Pool avg(int channels, int[] size, int[] kernel) { return new Pool(Kind.AVG, channels, size, kernel, null, null); }
    /** Min pooling with stride = kernel and no padding. */
    public static Pool min(int channels, int[] size, int[] kernel) { return new Pool(Kind.MIN, channels, size, kernel, null, null); }
    /** Any pooling with explicit stride and padding. */
    public static Pool of(Kind kind, int channels, int[] size, int[] kernel, int[] stride, int[] padding) { return new Pool(kind, channels, size, kernel, stride, padding); }

    /** Adaptive pooling to {@code outSize} windows per axis (each input size divisible by its output size). */
    public static Pool adaptive(Kind kind, int channels, int[] size, int[] outSize) {
        int[] k = new int[size.length];
        for (int a = 0; a < size.length; a++) {
            if (outSize[a] < 1 || size[a] % outSize[a] != 0)
                throw new IllegalArgumentException("Pool.adaptive: input size " + size[a] + " on axis " + a + " must be a multiple of the output size " + outSize[a]);
            k[a] = size[a] / outSize[a];
        }
        return new Pool(kind, channels, size, k, k, null);
    }

    @Override public int inFeatures() { return win.inFeatures(); }
    @Override public int outFeatures() { return win.channels * win.outPositions; }

    /** The output's spatial size. */
    public int[] outSize() { return win.out.clone(); }

    @Override public Tensor forward(Tensor x, Tensor fb) {
        checkStep(x, win.inFeatures(), "input");
        double padValue = switch (kind) { case MAX -> Double.NEGATIVE_INFINITY; case MIN -> Double.POSITIVE_INFINITY; case AVG -> 0; };
        Tensor cols = win.gather(x, padValue);                                  // (batch, positions, channels, taps)
        Tensor r = switch (kind) { case MAX -> org.braindyn.tensor.BM.max(cols, 3); case MIN -> org.braindyn.tensor.BM.min(cols, 3); case AVG -> mean(cols, 3); };
        int b = x.dim(0);
        return r.transpose(0, 2, 1).reshape(b, win.channels * win.outPositions);
    }

    @Override public void resetState(int batchSize) {}
}
