package org.braindyn.analysis;

import static org.braindyn.tensor.BM.*;

import java.util.List;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;

/**
 * Classic low-dimensional models as vector fields with BrainPy's parameter names (SPEC §4.1), for analysis: the
 * FitzHugh–Nagumo oscillator, the exponential integrate-and-fire neuron below threshold, the Hindmarsh–Rose burster,
 * the reduced Wong–Wang decision model, and a one-dimensional continuous-attractor network.
 * <pre>{@code
 * Setup s = Setup.of(Models.fhn()).targetVar("V", -3, 3).targetVar("w", -3, 3)
 *         .par("Iext", 0.8).par("a", 0.7).par("b", 0.8).par("tau", 12.5).build();
 * }</pre>
 */
public final class Models {
    private Models() {}

    /** FitzHugh–Nagumo: {@code dV/dt = V − V³/3 − w + Iext}, {@code dw/dt = (V + a − b·w)/τ} (dimensionless). */
    public static VectorField fhn() {
        return VectorField.of((y, t, p) -> new Tensor[] {
                y[0].sub(y[0].pow(3).div(3)).sub(y[1]).add(p[0]), y[0].add(p[1]).sub(y[1].mul(p[2])).div(p[3])},
                List.of("V", "w"), List.of("Iext", "a", "b", "tau"));
    }

    /** Exponential integrate-and-fire, subthreshold: {@code τ dV/dt = −(V − V_rest) + Δ_T exp((V − V_T)/Δ_T) + R·I_ext} (mV, ms). */
    public static VectorField expIf(double vRest, double vT, double deltaT, double r, double tau) {
        return VectorField.of((y, t, p) -> new Tensor[] {
                y[0].sub(vRest).neg().add(exp(y[0].sub(vT).div(deltaT)).mul(deltaT)).add(p[0].mul(r)).div(tau)},
                List.of("V"), List.of("I_ext"));
    }

    /** Hindmarsh–Rose: {@code x' = y − a x³ + b x² − z + I}, {@code y' = c − d x² − y}, {@code z' = r(s(x − x_r) − z)} (a 1, b 3, c 1, d 5, s 4, x_r −1.6, r 0.001). */
    public static VectorField hindmarshRose() {
        return VectorField.of((v, t, p) -> new Tensor[] {
                v[1].sub(v[0].pow(3)).add(v[0].square().mul(3)).sub(v[2]).add(p[0]),
                onesLike(v[0]).sub(v[0].square().mul(5)).sub(v[1]),
                v[0].add(1.6).mul(4).sub(v[2]).mul(0.001)}, List.of("x", "y", "z"), List.of("Isyn"));
    }

    /**
     * The reduced Wong–Wang (2006) decision model: {@code I_i = J_E s_i + J_I s_j + I_b + J_Aext μ (1 ± c')},
     * {@code r_i = (a I_i − b)/(1 − exp(−d (a I_i − b)))}, {@code ds_i/dt = −s_i/τ + (1 − s_i) γ r_i}
     * (γ 0.641, τ 0.1 s, a 270, b 108, d 0.154, J_E 0.2609, J_I −0.0497, J_Aext 0.00052, I_b 0.3255); parameters
     * {@code coh} (coherence c') and {@code mu} (input strength, Hz).
     */
    public static VectorField decisionMaking() { return decisionMaking(0.1, 0.2609, -0.0497, 0.00052, 0.3255); }

    /** The decision model with other time constant τ (s), couplings J_E, J_I, J_Aext and background input I_b. */
    public static VectorField decisionMaking(double tau, double je, double ji, double jaExt, double ib) {
        return VectorField.of((y, t, p) -> {
            Tensor coh = p[0], mu = p[1];
            Tensor i1 = y[0].mul(je).add(y[1].mul(ji)).add(ib).add(mu.mul(jaExt).mul(coh.add(1)));
            Tensor i2 = y[1].mul(je).add(y[0].mul(ji)).add(ib).add(mu.mul(jaExt).mul(onesLike(coh).sub(coh)));
            return new Tensor[] {
                    y[0].div(-tau).add(onesLike(y[0]).sub(y[0]).mul(0.641).mul(rate(i1))),
                    y[1].div(-tau).add(onesLike(y[1]).sub(y[1]).mul(0.641).mul(rate(i2)))};
        }, List.of("s1", "s2"), List.of("coh", "mu"));
    }

    private static Tensor rate(Tensor i) {
        Tensor x = i.mul(270).sub(108);
        return x.div(onesLike(x).sub(exp(x.mul(-0.154))));
    }

    /**
     * A one-dimensional continuous-attractor network (Wu, Hamaguchi &amp; Amari 2008): {@code τ du/dt = −u + J·r + I},
     * {@code r = u²/(1 + k Σ u²)}, Gaussian recurrent weights {@code J(x, x') = J0/(√(2π) a) exp(−½ (d(x, x')/a)²)} on a ring.
     */
    public static final class Cann1D {
        private final int num;
        private final double tau, k, a, bigA;
        private final double[] x;
        private final Tensor connT;

        /**
         * @param num  neurons on the ring [−π, π]
         * @param tau  time constant
         * @param k    global inhibition strength
         * @param a    half-width of the excitatory connections (rad)
         * @param bigA stimulus amplitude
         * @param j0   maximal connection strength
         */
        public Cann1D(int num, double tau, double k, double a, double bigA, double j0) {
            if (num < 2 || !(tau > 0) || !(a > 0)) throw new IllegalArgumentException("Models.Cann1D: need num >= 2, tau > 0, a > 0; got " + num + ", " + tau + ", " + a);
            this.num = num; this.tau = tau; this.k = k; this.a = a; this.bigA = bigA;
            x = new double[num];
            for (int i = 0; i < num; i++) x[i] = -Math.PI + 2 * Math.PI * i / (num - 1);   // linspace(−π, π, num)
            double[] j = new double[num * num];
            for (int i = 0; i < num; i++)
                for (int q = 0; q < num; q++) {
                    double d = dist(x[i] - x[q]);
                    j[i * num + q] = j0 * Math.exp(-0.5 * (d / a) * (d / a)) / (Math.sqrt(2 * Math.PI) * a);
                }
            connT = array(j).reshape(num, num).transpose().contiguous();
        }

        /** The neurons' preferred positions (rad). */
        public double[] positions() { return x.clone(); }

        /** The number of neurons. */
        public int size() { return num; }

        static double dist(double d) {
            double range = 2 * Math.PI, r = ((d % range) + range) % range;
            return r > 0.5 * range ? r - range : r;
        }

        /** The derivative at a batch of states {@code (B, num)} with no input ({@code cann.cell}). */
        public Tensor cell(Tensor u) {
            Tensor r1 = u.mul(u), r2 = sum(r1, true, 1).mul(k).add(1.0);
            return u.neg().add(matmul(r1.div(r2), connT)).div(tau);
        }

        /** The stimulus of a bump at each of {@code positions}: {@code (P, num)}. */
        public Tensor stimulus(double[] positions) {
            double[] s = new double[positions.length * num];
            for (int p = 0; p < positions.length; p++)
                for (int i = 0; i < num; i++) {
                    double d = dist(x[i] - positions[p]) / a;
                    s[p * num + i] = bigA * Math.exp(-0.25 * d * d);
                }
            return array(s).reshape(positions.length, num).astype(DType.F64);
        }
    }
}
