package org.braindyn.dyn.neurons;

import java.util.List;
import java.util.function.Supplier;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * The fractional-order Izhikevich neuron (Teka, Upadhyay &amp; Mondal 2018; BrainPy's
 * {@code bp.dyn.FractionalIzhikevich}):
 * <pre>
 *   τ D^α V = f V² + g V + h − u + R I          (mV, ms)
 *   τ D^α u = a (b V − u)
 *   V ≥ V_th:  V ← c,  u ← u + d
 * </pre>
 * integrated by the Caputo L1 scheme ({@link FractionalNeuron}; the reset is not part of the remembered increments).
 * It is the classical Izhikevich model at α = 1 (stepped by forward Euler). BrainPy's defaults: {@code a 0.02, b 0.2,
 * c −65, d 8, f 0.04, g 5, h 140, R 1, τ 1, V_th 30}; V starts at −65, u at −13. The order α and the history length
 * {@code numMemory} have no defaults (BrainPy requires both; L1 remembers the whole run when numMemory is the number of
 * steps).
 * <pre>{@code FractionalIzhikevich n = FractionalIzhikevich.builder(1, 0.9, 5000).build();}</pre>
 */
public final class FractionalIzhikevich extends FractionalNeuron {
    private final Supplier<Tensor> a, b, c, d, f, g, h, r, tau, vTh;

    private FractionalIzhikevich(Builder bd) {
        super(bd.name, bd.size, Scheme.CAPUTO_L1, new double[] {bd.alpha}, bd.numMemory, List.of("V", "u"),
                new Tensor[] {init(bd, "vInit", bd.vInit), init(bd, "uInit", bd.uInit)});
        a = param("a", "", bd.a, ParamSpec.Rule.FINITE);
        b = param("b", "", bd.b, ParamSpec.Rule.FINITE);
        c = param("c", "mV", bd.c, ParamSpec.Rule.FINITE);
        d = param("d", "mV", bd.d, ParamSpec.Rule.FINITE);
        f = param("f", "1/mV", bd.f, ParamSpec.Rule.FINITE);
        g = param("g", "", bd.g, ParamSpec.Rule.FINITE);
        h = param("h", "mV", bd.h, ParamSpec.Rule.FINITE);
        r = param("R", "Ω", bd.r, ParamSpec.Rule.FINITE);
        tau = param("tau", "ms", bd.tau, ParamSpec.Rule.POSITIVE);
        vTh = param("vTh", "mV", bd.vTh, ParamSpec.Rule.FINITE);
    }

    private static Tensor init(Builder bd, String what, Object spec) {
        return ParamSpec.resolve("FractionalIzhikevich" + (bd.name == null ? "" : " '" + bd.name + "'"), what, "mV", spec, bd.size, ParamSpec.Rule.FINITE).get();
    }

    private Supplier<Tensor> param(String pname, String unit, Object spec, ParamSpec.Rule rule) { return ParamSpec.resolve(label, pname, unit, spec, num(), rule); }

    /** A builder with BrainPy's defaults for {@code size} neurons of order {@code alpha} remembering {@code numMemory} steps. */
    public static Builder builder(int size, double alpha, int numMemory) { return new Builder(size, alpha, numMemory); }

    /** Membrane potential, mV. */
    public Variable V() { return vars[0]; }

    /** Recovery variable, mV. */
    public Variable u() { return vars[1]; }

    @Override public Tensor update(Tensor... inputs) {
        Tensor v = vars[0].value(), u = vars[1].value();
        Tensor i = totalInput(v, inputs.length > 0 ? inputs[0] : null);
        Tensor dv = f.get().mul(v.mul(v)).add(g.get().mul(v)).add(h.get()).sub(u).add(r.get().mul(i)).div(tau.get());
        Tensor du = a.get().mul(b.get().mul(v).sub(u)).div(tau.get());
        Tensor[] next = fractionalStep(new Tensor[] {v, u}, new Tensor[] {dv, du});
        Tensor vn = withJumps(next[0]), sp = vn.ge(vTh.get());
        vars[0].set(BM.where(sp, BM.broadcastTo(c.get().astype(vn.dtype()), vn.shape().toArray()), vn).astype(vars[0].dtype()));
        vars[1].set(BM.where(sp, next[1].add(d.get()), next[1]).astype(vars[1].dtype()));
        spike.set(sp);
        input.fill(0);
        return spike.value();
    }

    /** Named parameters with BrainPy's defaults; each a number or any {@link ParamSpec} form. */
    public static final class Builder {
        private final int size, numMemory;
        private final double alpha;
        private String name;
        private Object a = 0.02, b = 0.2, c = -65.0, d = 8.0, f = 0.04, g = 5.0, h = 140.0, r = 1.0, tau = 1.0, vTh = 30.0, vInit = -65.0, uInit = -13.0;

        private Builder(int size, double alpha, int numMemory) { this.size = size; this.alpha = alpha; this.numMemory = numMemory; }

        /** A unique name within the network (default automatic). */
        public Builder name(String v) { this.name = v; return this; }
        /** Recovery rate {@code a} (default 0.02). */ public Builder a(Object v) { this.a = v; return this; }
        /** Recovery sensitivity {@code b} (default 0.2). */ public Builder b(Object v) { this.b = v; return this; }
        /** Reset potential {@code c}, mV (default −65). */ public Builder c(Object v) { this.c = v; return this; }
        /** Recovery jump {@code d}, mV (default 8). */ public Builder d(Object v) { this.d = v; return this; }
        /** Quadratic coefficient {@code f}, 1/mV (default 0.04). */ public Builder f(Object v) { this.f = v; return this; }
        /** Linear coefficient {@code g} (default 5). */ public Builder g(Object v) { this.g = v; return this; }
        /** Constant {@code h}, mV (default 140). */ public Builder h(Object v) { this.h = v; return this; }
        /** Resistance {@code R} (default 1). */ public Builder r(Object v) { this.r = v; return this; }
        /** Time constant {@code τ}, ms (default 1). */ public Builder tau(Object v) { this.tau = v; return this; }
        /** Spike peak {@code V_th}, mV (default 30). */ public Builder vTh(Object v) { this.vTh = v; return this; }
        /** Initial V, mV (default −65). */ public Builder vInit(Object v) { this.vInit = v; return this; }
        /** Initial u, mV (default −13). */ public Builder uInit(Object v) { this.uInit = v; return this; }

        /** Validates every parameter, naming the model, parameter, unit, expected and found. */
        public FractionalIzhikevich build() { return new FractionalIzhikevich(this); }
    }
}
