package org.braindyn.init;

import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * Distance-dependent intra-layer weights over a population geometry (BrainPy's {@code GaussianDecay} and
 * {@code DOGDecay}): for a geometry {@code (n₁, …, n_d)} the result is {@code (N, N)}, {@code N = Πnₖ}, row {@code i}
 * the outgoing weights of the flattened neuron {@code i}; weights below {@code minW} are set to zero.
 * <ul>
 * <li>Gaussian: {@code w_ij = maxW·exp(−|v_i − v_j|²/(2σ²))}, default {@code minW = 0.005·maxW}.</li>
 * <li>Difference of Gaussians: {@code w₁·exp(−d²/(2σ₁²)) − w₂·exp(−d²/(2σ₂²))}, default
 *     {@code minW = 0.005·min(w₁, w₂)}; values with |w| below {@code minW} are zeroed.</li>
 * </ul>
 * Positions are the grid indices; with {@code periodicBoundary} distances wrap around each axis.
 */
public record DecayInit(double[] sigmas, double[] maxWs, double minW, boolean periodicBoundary, boolean includeSelf) implements Initializer {
    /** {@code GaussianDecay(sigma, maxW)}, include_self true, no periodic boundary. */
    public static DecayInit gaussian(double sigma, double maxW) {
        return new DecayInit(new double[] {sigma}, new double[] {maxW}, 0.005 * maxW, false, true);
    }

    /** {@code DOGDecay(sigmas, maxWs, minW)}, include_self true. */
    public static DecayInit dog(double sigma1, double sigma2, double maxW1, double maxW2, double minW) {
        return new DecayInit(new double[] {sigma1, sigma2}, new double[] {maxW1, maxW2}, minW, false, true);
    }

    public DecayInit {
        if (sigmas.length != maxWs.length || sigmas.length < 1 || sigmas.length > 2)
            throw new IllegalArgumentException("DecayInit: one or two (sigma, maxW) pairs; got " + sigmas.length + " sigmas and " + maxWs.length + " weights");
        for (double s : sigmas) if (!(s > 0)) throw new IllegalArgumentException("DecayInit.sigma: must be > 0; got " + s);
        sigmas = sigmas.clone();
        maxWs = maxWs.clone();
    }

    @Override public Tensor init(int[] geometry, DType dtype) {
        int n = Shape.of(geometry).size();
        double[] w = new double[n * n];
        org.braindyn.connect.GridDistance grid = new org.braindyn.connect.GridDistance(geometry, periodicBoundary);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j && !includeSelf) continue;
                double d2 = grid.squared(i, j);
                double v = maxWs[0] * Math.exp(-d2 / (2 * sigmas[0] * sigmas[0]));
                if (sigmas.length == 2) v -= maxWs[1] * Math.exp(-d2 / (2 * sigmas[1] * sigmas[1]));
                w[i * n + j] = Math.abs(v) < minW ? 0 : v;
            }
        }
        return BM.array(w).reshape(n, n).astype(dtype);
    }
}
