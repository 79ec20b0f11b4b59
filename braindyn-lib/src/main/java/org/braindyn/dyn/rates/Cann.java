package org.braindyn.dyn.rates;

import java.util.function.Supplier;
import org.braindyn.dyn.NeuronGroup;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.dyn.StepIntegrator;
import org.braindyn.integrators.Derivative;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;

/**
 * Continuous-attractor neural networks (Wu, Hamaguchi &amp; Amari 2008; BrainPy's {@code CANN1D} tutorial model and
 * {@code bp.dyn.WuCANN1D/2D}): neurons with preferred features {@code x} on a ring (1-D) or a torus (2-D, a
 * {@code length × length} grid), synaptic input {@code u} and firing rate {@code r}:
 * <pre>
 *   τ du/dt = −u + Σ_x' J(x, x') r(x') + I_ext,      r = u² / (1 + k Σ_x' u(x')²)
 *   J(x, x') = J₀ / (√(2π) a)^D · exp(−|d(x, x')|² / (2a²))      (d: the periodic distance; D = 1 or 2)
 * </pre>
 * {@code τ} may differ between neurons (any {@link ParamSpec} form); {@code k, a, A, J₀} and the feature range shape
 * the connection kernel and the global inhibition and are one value each. {@link #stimulus} gives BrainPy's bump input {@code A·exp(−|d(x, z)|²/(4a²))} at a position {@code z}. In 2-D the
 * Gaussian kernel factorises over the two axes, so the recurrent input is {@code G·R·Gᵀ} with the 1-D kernel
 * {@code G}: O(L³) per step instead of O(L⁴). Defaults (BrainPy's): {@code τ 1, k 8.1, a 0.5, A 10, J₀ 4}, features evenly
 * spaced over [−π, π) ({@code zMin + i·(zMax − zMin)/num}; BrainPy's {@code linspace(zMin, zMax, num)} puts one neuron at
 * both ends, the same point of the ring, which pulls nearby bumps towards it); u starts at 0; {@code euler} (the tutorial's
 * {@code odeint} default; any method by name).
 * <pre>{@code
 * Cann cann = Cann.builder1D(512).k(0.1).bigA(30).build();
 * DSRunner r = new DSRunner(cann, List.of("u"), 0.1).input("input", cann.stimulus(0.0), false, Op.ADD);
 * }</pre>
 */
public final class Cann extends NeuronGroup {
    /** Synaptic input of every neuron ({@code (num,)}; a 2-D network is stored row-major, {@code (length·length,)}). */
    public final Variable u;
    /** Firing rate of the last step. */
    public final Variable r;
    private final int length, dims;
    private final java.util.function.Supplier<Tensor> tau;
    private final double k, a, bigA, j0;
    private final double[] x;
    private final Tensor kernel;     // G (length × length): J = J₀·G in 1-D, J₀·G ⊗ G in 2-D
    private final StepIntegrator integrator;
    private final String label;

    private Cann(Builder b) {
        super(b.name, b.dims == 1 ? new int[] {b.length} : new int[] {b.length, b.length});
        label = "CANN" + b.dims + "D" + (b.name == null ? "" : " '" + b.name + "'");
        if (mode().batched()) throw new IllegalArgumentException(label + ": runs in the non-batching mode only (as BrainPy's); got " + mode().kind());
        if (b.length < 2) throw new IllegalArgumentException(label + ".num: must be >= 2 neurons per axis; got " + b.length);
        k = nonNegative("k", b.k);
        a = positive("a", "rad", b.a);
        bigA = nonNegative("A", b.bigA);
        if (!Double.isFinite(b.j0)) throw new IllegalArgumentException(label + ".J0: must be finite; got " + b.j0);
        if (!(b.zMax > b.zMin)) throw new IllegalArgumentException(label + ".zMax: must be above zMin " + b.zMin + "; got " + b.zMax);
        length = b.length;
        dims = b.dims;
        x = new double[length];
        for (int i = 0; i < length; i++) x[i] = b.zMin + (b.zMax - b.zMin) * i / length;
        double range = b.zMax - b.zMin;
        double[] g = new double[length * length];
        for (int i = 0; i < length; i++)
            for (int q = 0; q < length; q++) {
                double d = dist(x[i] - x[q], range);
                g[i * length + q] = Math.exp(-0.5 * d * d / (a * a)) / (Math.sqrt(2 * Math.PI) * a);
            }
        j0 = b.j0;
        kernel = BM.array(g).reshape(length, length).astype(Config.defaultFloat());
        this.range = range;
        tau = ParamSpec.resolve(label, "tau", "ms", b.tau, num(), ParamSpec.Rule.POSITIVE);
        u = state(BM.zeros(org.braindyn.tensor.Shape.of(num()), Config.defaultFloat()));
        r = state(BM.zerosLike(u.value()));
        integrator = new StepIntegrator(b.method, this::derivative);
    }

    private final double range;

    private double positive(String what, String unit, double v) {
        if (!(v > 0) || !Double.isFinite(v)) throw new IllegalArgumentException(label + "." + what + ": must be > 0 " + unit + "; got " + v);
        return v;
    }

    private double nonNegative(String what, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) throw new IllegalArgumentException(label + "." + what + ": must be >= 0; got " + v);
        return v;
    }

    static double dist(double d, double range) {
        double m = ((d % range) + range) % range;
        return m > 0.5 * range ? m - range : m;
    }

    /** A ring of {@code num} neurons with BrainPy's defaults. */
    public static Builder builder1D(int num) { return new Builder(num, 1); }

    /** A {@code length × length} torus with BrainPy's defaults. */
    public static Builder builder2D(int length) { return new Builder(length, 2); }

    /** The preferred features along one axis (rad). */
    public double[] positions() { return x.clone(); }

    /** The firing rate at {@code u}: {@code u²/(1 + kΣu²)}. */
    public Tensor rate(Tensor uu) { return uu.mul(uu).div(BM.sum(uu.mul(uu)).mul(k).add(1.0)); }

    /** The recurrent input {@code J·r}. */
    public Tensor recurrent(Tensor rr) {
        Tensor kk = kernel.astype(rr.dtype());
        if (dims == 1) return BM.matmul(kk, rr.reshape(length, 1)).reshape(length).mul(j0);
        Tensor img = rr.reshape(length, length);
        return BM.matmul(BM.matmul(kk, img), BM.transpose(kk)).reshape(length * length).mul(j0);
    }

    private Derivative derivative() {
        return (y, t, p) -> new Tensor[] {y[0].neg().add(recurrent(rate(y[0]))).add(p[0]).div(tau.get())};
    }

    /** The bump input {@code A·exp(−|d(x, z)|²/(4a²))} at position {@code z} (1-D) or {@code (z₀, z₁)} (2-D: row, column). */
    public Tensor stimulus(double... z) {
        if (z.length != dims) throw new IllegalArgumentException(label + ".stimulus: a position has " + dims + " coordinates; got " + z.length);
        double[] s = new double[num()];
        for (int i = 0; i < num(); i++) {
            double d0 = dist(x[dims == 1 ? i : i / length] - z[0], range), d2 = d0 * d0;
            if (dims == 2) { double d1 = dist(x[i % length] - z[1], range); d2 += d1 * d1; }
            s[i] = bigA * Math.exp(-0.25 * d2 / (a * a));
        }
        return BM.array(s).astype(Config.defaultFloat());
    }

    /**
     * The bump's centre: the population vector {@code arg Σ r·e^{iφ(x)}} per axis, φ mapping the feature range onto
     * the circle (rad, in the features' units).
     */
    public double[] decode() {
        double[] rr = r.value().astype(DType.F64).toDoubleArray(), out = new double[dims];
        for (int ax = 0; ax < dims; ax++) {
            double c = 0, s = 0;
            for (int i = 0; i < rr.length; i++) {
                double phi = 2 * Math.PI * (x[dims == 1 ? i : ax == 0 ? i / length : i % length] - x[0]) / range;
                c += rr[i] * Math.cos(phi);
                s += rr[i] * Math.sin(phi);
            }
            out[ax] = x[0] + Math.atan2(s, c) * range / (2 * Math.PI);
            out[ax] = x[0] + (((out[ax] - x[0]) % range) + range) % range;   // into [zMin, zMax)
        }
        return out;
    }

    @Override public Tensor update(Tensor... inputs) {
        Tensor in = totalInput(u.value(), inputs.length > 0 ? inputs[0] : null);
        Tensor next = integrator.step(new Tensor[] {u.value()}, in)[0];
        u.set(next.astype(u.dtype()));
        r.set(rate(u.value()).astype(r.dtype()));
        input.fill(0);
        return r.value();
    }

    /** The firing rates (the activity projections read). */
    @Override public Tensor spike() { return r.value(); }

    @Override public void resetState(int batchSize) {
        resizeBatch(batchSize);
        u.set(BM.zerosLike(u.value()));
        r.set(BM.zerosLike(r.value()));
    }

    /** Named parameters with BrainPy's defaults. */
    public static final class Builder {
        private final int length, dims;
        private String name, method = "euler";
        private Object tau = 1.0;
        private double k = 8.1, a = 0.5, bigA = 10, j0 = 4, zMin = -Math.PI, zMax = Math.PI;

        private Builder(int length, int dims) { this.length = length; this.dims = dims; }

        /** A unique name within the network (default automatic). */
        public Builder name(String name) { this.name = name; return this; }
        /** Integration method by BrainPy name ({@code euler} default, {@code rk4}, …). */
        public Builder method(String method) { this.method = method; return this; }
        /** Synaptic time constant ({@code tau}, default 1); a number or any {@link ParamSpec} form (one per neuron). */
        public Builder tau(Object v) { this.tau = v; return this; }
        /** Strength of the global (divisive) inhibition ({@code k}, default 8.1). */
        public Builder k(double v) { this.k = v; return this; }
        /** Half-width of the excitatory connections, in feature units ({@code a}, default 0.5). */
        public Builder a(double v) { this.a = v; return this; }
        /** Stimulus amplitude ({@code A}, default 10). */
        public Builder bigA(double v) { this.bigA = v; return this; }
        /** Maximal connection strength ({@code J0}, default 4). */
        public Builder j0(double v) { this.j0 = v; return this; }
        /** The feature range [zMin, zMax) (default [−π, π)). */
        public Builder range(double zMin, double zMax) { this.zMin = zMin; this.zMax = zMax; return this; }
        /** Validates every parameter, naming the model, parameter, expected and found. */
        public Cann build() { return new Cann(this); }
    }
}
