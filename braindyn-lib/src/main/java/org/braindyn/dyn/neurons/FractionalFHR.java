package org.braindyn.dyn.neurons;

import java.util.List;
import java.util.function.Supplier;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * The fractional-order FitzHugh–Rinzel bursting neuron (Mondal et al. 2019; BrainPy's {@code bp.dyn.FractionalFHR}):
 * <pre>
 *   D^α V = V − V³/3 − w + y + I
 *   D^α w = δ (a + V − b w)
 *   D^α y = μ (c − V − d y)
 * </pre>
 * integrated by the Grünwald–Letnikov short-memory scheme ({@link FractionalNeuron}); a spike is an upward crossing
 * of {@code V_th}. BrainPy's defaults: {@code numMemory 1000, a 0.7, b 0.8, c −0.775, d 1, δ 0.08, μ 0.0001,
 * V_th 1.8}; V starts at 2.5, w and y at 0. The order α has no default (BrainPy requires it).
 * <pre>{@code FractionalFHR fhr = FractionalFHR.builder(1, 0.98).build();}</pre>
 */
public final class FractionalFHR extends FractionalNeuron {
    private final Supplier<Tensor> a, b, c, d, delta, mu, vTh;

    private FractionalFHR(Builder bd) {
        super(bd.name, bd.size, Scheme.GL_SHORT_MEMORY, bd.alpha, bd.numMemory, List.of("V", "w", "y"),
                new Tensor[] {init(bd, "vInit", bd.vInit), init(bd, "wInit", bd.wInit), init(bd, "yInit", bd.yInit)});
        a = param("a", bd.a, ParamSpec.Rule.FINITE);
        b = param("b", bd.b, ParamSpec.Rule.FINITE);
        c = param("c", bd.c, ParamSpec.Rule.FINITE);
        d = param("d", bd.d, ParamSpec.Rule.FINITE);
        delta = param("delta", bd.delta, ParamSpec.Rule.FINITE);
        mu = param("mu", bd.mu, ParamSpec.Rule.FINITE);
        vTh = param("vTh", bd.vTh, ParamSpec.Rule.FINITE);
    }

    private static Tensor init(Builder bd, String what, Object spec) {
        return ParamSpec.resolve("FractionalFHR" + (bd.name == null ? "" : " '" + bd.name + "'"), what, "", spec, bd.size, ParamSpec.Rule.FINITE).get();
    }

    private Supplier<Tensor> param(String pname, Object spec, ParamSpec.Rule rule) { return ParamSpec.resolve(label, pname, "", spec, num(), rule); }

    /** A builder with BrainPy's defaults for {@code size} neurons of fractional order {@code alpha} (one, or one per variable V, w, y). */
    public static Builder builder(int size, double... alpha) { return new Builder(size, alpha); }

    /** Membrane potential (dimensionless). */
    public Variable V() { return vars[0]; }

    @Override public Tensor update(Tensor... inputs) {
        Tensor v = vars[0].value(), w = vars[1].value(), y = vars[2].value();
        Tensor i = totalInput(v, inputs.length > 0 ? inputs[0] : null);
        Tensor[] f = {v.sub(v.mul(v).mul(v).div(3)).sub(w).add(y).add(i), delta.get().mul(a.get().add(v).sub(b.get().mul(w))),
                mu.get().mul(c.get().sub(v).sub(d.get().mul(y)))};
        Tensor[] next = fractionalStep(new Tensor[] {v, w, y}, f);
        next[0] = withJumps(next[0]);
        Tensor th = vTh.get();
        spike.set(BM.logicalAnd(next[0].ge(th), v.lt(th)));
        for (int k = 0; k < 3; k++) vars[k].set(next[k].astype(vars[k].dtype()));
        input.fill(0);
        return spike.value();
    }

    /** Named parameters with BrainPy's defaults; each a number or any {@link ParamSpec} form. */
    public static final class Builder {
        private final int size;
        private final double[] alpha;
        private String name;
        private int numMemory = 1000;
        private Object a = 0.7, b = 0.8, c = -0.775, d = 1.0, delta = 0.08, mu = 1e-4, vTh = 1.8, vInit = 2.5, wInit = 0.0, yInit = 0.0;

        private Builder(int size, double[] alpha) { this.size = size; this.alpha = alpha.clone(); }

        /** A unique name within the network (default automatic). */
        public Builder name(String v) { this.name = v; return this; }
        /** History length in steps ({@code num_memory}, default 1000). */
        public Builder numMemory(int v) { this.numMemory = v; return this; }
        /** {@code a} (default 0.7). */ public Builder a(Object v) { this.a = v; return this; }
        /** {@code b} (default 0.8). */ public Builder b(Object v) { this.b = v; return this; }
        /** {@code c} (default −0.775). */ public Builder c(Object v) { this.c = v; return this; }
        /** {@code d} (default 1). */ public Builder d(Object v) { this.d = v; return this; }
        /** Time-scale ratio of w, {@code δ} (default 0.08). */ public Builder delta(Object v) { this.delta = v; return this; }
        /** Time-scale ratio of the slow y, {@code μ} (default 0.0001). */ public Builder mu(Object v) { this.mu = v; return this; }
        /** Spike detection threshold ({@code V_th}, default 1.8). */ public Builder vTh(Object v) { this.vTh = v; return this; }
        /** Initial V (default 2.5). */ public Builder vInit(Object v) { this.vInit = v; return this; }
        /** Initial w (default 0). */ public Builder wInit(Object v) { this.wInit = v; return this; }
        /** Initial y (default 0). */ public Builder yInit(Object v) { this.yInit = v; return this; }

        /** Validates every parameter, naming the model, parameter, expected and found. */
        public FractionalFHR build() { return new FractionalFHR(this); }
    }
}
