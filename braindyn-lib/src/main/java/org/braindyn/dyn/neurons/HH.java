package org.braindyn.dyn.neurons;

import static org.braindyn.tensor.BM.*;

import java.util.List;
import java.util.function.Supplier;
import org.braindyn.analysis.VectorField;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.init.Uniform;
import org.braindyn.integrators.Derivative;
import org.braindyn.state.Variable;
import org.braindyn.surrogate.Surrogate;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * Hodgkin–Huxley neurons (BrainPy's {@code bp.dyn.HH}, the squid giant axon):
 * <pre>
 *   C dV/dt = −g_Na m³h (V − E_Na) − g_K n⁴ (V − E_K) − g_L (V − E_L) + I       (mV, ms, µA/cm², mS/cm², µF/cm²)
 *   dx/dt = α_x(V)(1 − x) − β_x(V) x   for x = m, h, n
 *   α_m = 0.1(V + 40)/(1 − e^{−(V+40)/10}),  β_m = 4 e^{−(V+65)/18}
 *   α_h = 0.07 e^{−(V+65)/20},              β_h = 1/(1 + e^{−(V+35)/10})
 *   α_n = 0.01(V + 55)/(1 − e^{−(V+55)/10}), β_n = 0.125 e^{−(V+65)/80}
 * </pre>
 * A spike is an upward crossing of {@code V_th}. BrainPy's defaults: {@code E_Na 50, g_Na 120, E_K −77, g_K 36,
 * E_L −54.387, g_L 0.03, V_th 20, C 1}; V starts uniform in [−70, −60) mV, m 0.5, h 0.6, n 0.32; {@code exp_auto}.
 * <pre>{@code
 * HH hh = HH.builder(100).gNa(120).gK(36).vInit(-65.0).method("rk4").build();
 * }</pre>
 */
public final class HH extends OdeNeuron {
    /** Membrane potential, mV. */
    public final Variable V;
    /** Gating variables. */
    public final Variable m, h, n;
    /** Spikes of the last step (bool, or float with a surrogate). */
    public final Variable spike;
    private final Supplier<Tensor> eNa, gNa, eK, gK, eL, gL, vTh, cm;
    private final Object vInit, mInit, hInit, nInit;

    private HH(Builder b) {
        super(b.name, b.size, b.method, b.spkFun);
        eNa = param("ENa", "mV", b.eNa, ParamSpec.Rule.FINITE);
        gNa = param("gNa", "mS/cm²", b.gNa, ParamSpec.Rule.NON_NEGATIVE);
        eK = param("EK", "mV", b.eK, ParamSpec.Rule.FINITE);
        gK = param("gK", "mS/cm²", b.gK, ParamSpec.Rule.NON_NEGATIVE);
        eL = param("EL", "mV", b.eL, ParamSpec.Rule.FINITE);
        gL = param("gL", "mS/cm²", b.gL, ParamSpec.Rule.NON_NEGATIVE);
        vTh = param("vTh", "mV", b.vTh, ParamSpec.Rule.FINITE);
        cm = param("C", "µF/cm²", b.c, ParamSpec.Rule.POSITIVE);
        vInit = b.vInit; mInit = b.mInit; hInit = b.hInit; nInit = b.nInit;
        V = state(initial(vInit, "vInit"));
        m = state(initial(mInit, "mInit"));
        h = state(initial(hInit, "hInit"));
        n = state(initial(nInit, "nInit"));
        spike = state(BM.zeros(Shape.of(stateShape()), spkFun == null ? DType.BOOL : Config.defaultFloat()));
    }

    private Tensor initial(Object spec, String what) {
        Tensor t = ParamSpec.resolve(label, what, "", spec, num(), ParamSpec.Rule.FINITE).get();
        return BM.broadcastTo(t.astype(Config.defaultFloat()), stateShape()).contiguous();
    }

    /** A builder with BrainPy's defaults for {@code size} neurons. */
    public static Builder builder(int size) { return new Builder(size); }

    static Tensor alphaM(Tensor v) { Tensor x = v.add(40); return x.mul(0.1).div(onesLike(x).sub(exp(x.div(-10)))); }
    static Tensor betaM(Tensor v) { return exp(v.add(65).div(-18)).mul(4); }
    static Tensor alphaH(Tensor v) { return exp(v.add(65).div(-20)).mul(0.07); }
    static Tensor betaH(Tensor v) { return onesLike(v).div(exp(v.add(35).div(-10)).add(1)); }
    static Tensor alphaN(Tensor v) { Tensor x = v.add(55); return x.mul(0.01).div(onesLike(x).sub(exp(x.div(-10)))); }
    static Tensor betaN(Tensor v) { return exp(v.add(65).div(-80)).mul(0.125); }

    private static Tensor gate(Tensor x, Tensor alpha, Tensor beta) { return alpha.mul(onesLike(x).sub(x)).sub(beta.mul(x)); }

    @Override Derivative derivative() {
        return (y, t, p) -> {
            Tensor v = y[0], mm = y[1], hh = y[2], nn = y[3];
            Tensor iNa = gNa.get().mul(mm.mul(mm).mul(mm)).mul(hh).mul(v.sub(eNa.get()));
            Tensor n2 = nn.mul(nn);
            Tensor iK = gK.get().mul(n2.mul(n2)).mul(v.sub(eK.get()));
            Tensor iL = gL.get().mul(v.sub(eL.get()));
            return new Tensor[] {
                    p[0].sub(iNa).sub(iK).sub(iL).div(cm.get()),
                    gate(mm, alphaM(v), betaM(v)), gate(hh, alphaH(v), betaH(v)), gate(nn, alphaN(v), betaN(v))};
        };
    }

    @Override public Tensor update(Tensor... inputs) {
        Tensor v = V.value(), current = totalInput(v, inputs.length > 0 ? inputs[0] : null);
        Tensor[] next = integrate(new Tensor[] {v, m.value(), h.value(), n.value()}, current);
        Tensor th = vTh.get();
        Tensor sp = spkFun == null ? BM.logicalAnd(next[0].ge(th), v.lt(th)) : spkFun.apply(next[0].sub(th).div(20)).mul(v.lt(th).astype(next[0].dtype()));
        V.set(next[0].astype(V.dtype()));
        m.set(next[1].astype(m.dtype()));
        h.set(next[2].astype(h.dtype()));
        n.set(next[3].astype(n.dtype()));
        spike.set(spkFun == null ? sp : sp.astype(spike.dtype()));
        input.fill(0);
        return spike.value();
    }

    @Override public Tensor spike() { return spike.value(); }

    @Override public void resetState(int batchSize) {
        resizeBatch(batchSize);
        V.set(initial(vInit, "vInit"));
        m.set(initial(mInit, "mInit"));
        h.set(initial(hInit, "hInit"));
        n.set(initial(nInit, "nInit"));
        spike.set(BM.zeros(Shape.of(stateShape()), spike.dtype()));
    }

    /**
     * The four-variable dynamics as a {@link VectorField} ({@code V, m, h, n}; parameter {@code I}), with this
     * population's parameters, which must be the same for every neuron.
     */
    public VectorField vectorField() {
        for (var p : List.of(eNa, gNa, eK, gK, eL, gL, cm))
            if (BM.max(p.get()).item() != BM.min(p.get()).item()) throw new IllegalStateException(label + ".vectorField: parameters differ between neurons");
        Derivative d = derivative();
        return VectorField.of(d, List.of("V", "m", "h", "n"), List.of("I"));
    }

    /** Named parameters with BrainPy's defaults; each setter takes a number or any {@link ParamSpec} form. */
    public static final class Builder {
        private final int size;
        private String name, method = "exp_auto";
        private Surrogate spkFun;
        private Object eNa = 50.0, gNa = 120.0, eK = -77.0, gK = 36.0, eL = -54.387, gL = 0.03, vTh = 20.0, c = 1.0;
        private Object vInit, mInit = 0.5, hInit = 0.6, nInit = 0.32;

        private Builder(int size) { this.size = size; this.vInit = new Uniform(-70, -60, new org.braindyn.random.RandomState(0)); }

        /** A unique name within the network (default automatic). */
        public Builder name(String name) { this.name = name; return this; }
        /** Sodium reversal potential, mV ({@code ENa}, default 50). */
        public Builder eNa(Object v) { this.eNa = v; return this; }
        /** Maximal sodium conductance, mS/cm² ({@code gNa}, default 120). */
        public Builder gNa(Object v) { this.gNa = v; return this; }
        /** Potassium reversal potential, mV ({@code EK}, default −77). */
        public Builder eK(Object v) { this.eK = v; return this; }
        /** Maximal potassium conductance, mS/cm² ({@code gK}, default 36). */
        public Builder gK(Object v) { this.gK = v; return this; }
        /** Leak reversal potential, mV ({@code EL}, default −54.387). */
        public Builder eL(Object v) { this.eL = v; return this; }
        /** Leak conductance, mS/cm² ({@code gL}, default 0.03). */
        public Builder gL(Object v) { this.gL = v; return this; }
        /** Spike detection threshold, mV ({@code V_th}, default 20). */
        public Builder vTh(Object v) { this.vTh = v; return this; }
        /** Membrane capacitance, µF/cm² ({@code C}, default 1). */
        public Builder c(Object v) { this.c = v; return this; }
        /** Initial V, mV (default uniform in [−70, −60), seed 0). */
        public Builder vInit(Object v) { this.vInit = v; return this; }
        /** Initial gating values (defaults m 0.5, h 0.6, n 0.32). */
        public Builder gates(Object m0, Object h0, Object n0) { this.mInit = m0; this.hInit = h0; this.nInit = n0; return this; }
        /** Integration method by BrainPy name ({@code exp_auto} default, {@code rk4}, …). */
        public Builder method(String method) { this.method = method; return this; }
        /** Surrogate spike function for training (default none). */
        public Builder spkFun(Surrogate spkFun) { this.spkFun = spkFun; return this; }

        /** Validates every parameter, naming the model, parameter, unit, expected and found. */
        public HH build() { return new HH(this); }
    }
}
