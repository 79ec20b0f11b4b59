package org.braindyn.nn;

import static org.braindyn.tensor.BM.*;

import java.util.Arrays;
import org.braindyn.tensor.Tensor;

/**
 * The sliding windows of a convolution or pooling over {@code d} spatial axes (channels first, flattened per sample):
 * for input size {@code n}, kernel {@code k}, stride {@code s}, padding {@code p} (zeros both sides) and dilation
 * {@code r}, the output size is {@code ⌊(n + 2p − r(k − 1) − 1)/s⌋ + 1} per axis. {@link #gather} returns, for every
 * output position and every kernel tap, the padded input value — one gather of precomputed indices (its gradient is
 * one scatter-add), so convolutions become a matrix product and pooling a reduction.
 */
final class Windows {
    final int[] in, kernel, stride, padding, dilation, out, padded;
    final int channels, inSize, outPositions, taps;
    private final Tensor index;          // (outPositions · channels · taps) indices into the padded (channels, padded...) sample

    Windows(String who, int channels, int[] in, int[] kernel, int[] stride, int[] padding, int[] dilation) {
        int d = in.length;
        for (int[] a : new int[][] {kernel, stride, padding, dilation})
            if (a.length != d) throw new IllegalArgumentException(who + ": kernel, stride, padding and dilation need " + d + " values each (one per spatial axis)");
        this.in = in.clone();
        this.kernel = kernel.clone();
        this.stride = stride.clone();
        this.padding = padding.clone();
        this.dilation = dilation.clone();
        this.channels = channels;
        out = new int[d];
        padded = new int[d];
        int positions = 1, tapsN = 1, size = 1;
        for (int a = 0; a < d; a++) {
            if (in[a] < 1 || kernel[a] < 1 || stride[a] < 1 || padding[a] < 0 || dilation[a] < 1)
                throw new IllegalArgumentException(who + ": sizes, kernel, stride and dilation must be >= 1 and padding >= 0; got input " + Arrays.toString(in)
                        + ", kernel " + Arrays.toString(kernel) + ", stride " + Arrays.toString(stride) + ", padding " + Arrays.toString(padding) + ", dilation " + Arrays.toString(dilation));
            padded[a] = in[a] + 2 * padding[a];
            out[a] = (padded[a] - dilation[a] * (kernel[a] - 1) - 1) / stride[a] + 1;
            if (out[a] < 1) throw new IllegalArgumentException(who + ": the kernel (" + kernel[a] + ", dilation " + dilation[a] + ") does not fit axis " + a + " of size " + in[a] + " with padding " + padding[a]);
            positions *= out[a];
            tapsN *= kernel[a];
            size *= in[a];
        }
        outPositions = positions;
        taps = tapsN;
        inSize = size;
        int paddedSize = 1;
        for (int p : padded) paddedSize *= p;
        int[] idx = new int[positions * channels * tapsN];
        int[] o = new int[d], t = new int[d];
        int w = 0;
        for (int pos = 0; pos < positions; pos++) {
            unravel(pos, out, o);
            for (int c = 0; c < channels; c++)
                for (int tap = 0; tap < tapsN; tap++) {
                    unravel(tap, kernel, t);
                    int flat = 0;
                    for (int a = 0; a < d; a++) flat = flat * padded[a] + o[a] * stride[a] + t[a] * dilation[a];
                    idx[w++] = c * paddedSize + flat;
                }
        }
        index = array(idx);
    }

    private static void unravel(int i, int[] dims, int[] into) {
        for (int a = dims.length - 1; a >= 0; a--) { into[a] = i % dims[a]; i /= dims[a]; }
    }

    /** Features per sample of the input ({@code channels · Π in}). */
    int inFeatures() { return channels * inSize; }

    /** {@code x (batch, channels·Π in)} → windows {@code (batch, outPositions, channels, taps)}. */
    Tensor gather(Tensor x, double padValue) {
        int b = x.dim(0), d = in.length;
        int[] shape = new int[d + 2];
        shape[0] = b;
        shape[1] = channels;
        for (int a = 0; a < d; a++) shape[a + 2] = in[a];
        Tensor xs = x.reshape(shape);
        boolean any = false;
        int[][] widths = new int[d + 2][2];
        for (int a = 0; a < d; a++) { widths[a + 2][0] = widths[a + 2][1] = padding[a]; any |= padding[a] > 0; }
        Tensor p = any ? pad(xs, widths, padValue) : xs;
        return take(p.reshape(b, -1), index, 1).reshape(b, outPositions, channels, taps);
    }
}
