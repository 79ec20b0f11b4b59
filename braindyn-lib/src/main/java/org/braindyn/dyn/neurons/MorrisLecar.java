package org.braindyn.dyn.neurons;

import static org.braindyn.tensor.BM.*;

import java.util.List;
import java.util.function.Supplier;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.init.Uniform;
import org.braindyn.integrators.Derivative;
import org.braindyn.state.Variable;
import org.braindyn.tensor.Tensor;

/**
 * Morris–Lecar neurons (BrainPy's {@code bp.dyn.MorrisLecar}; barnacle muscle fibre):
 * <pre>
 *   C dV/dt = −g_Ca M∞(V)(V − V_Ca) − g_K W (V − V_K) − g_leak (V − V_leak) + I          (mV, ms)
 *   dW/dt = (W∞(V) − W)/τ_W(V)
 *   M∞ = ½(1 + tanh((V − V1)/V2)),  W∞ = ½(1 + tanh((V − V3)/V4)),  τ_W = 1/(φ cosh((V − V3)/(2 V4)))
 * </pre>
 * A spike is an upward crossing of {@code V_th}. BrainPy's defaults: {@code V_Ca 130, g_Ca 4.4, V_K −84, g_K 8,
 * V_leak −60, g_leak 2, C 20, V1 −1.2, V2 18, V3 2, V4 30, φ 0.04, V_th 10}; V starts uniform in [−70, −60), W at
 * 0.02; {@code exp_auto}.
 */
public final class MorrisLecar extends CrossingNeuron {
    private final Supplier<Tensor> vCa, gCa, vK, gK, vLeak, gLeak, c, v1, v2, v3, v4, phi;

    private MorrisLecar(Builder b) {
        super(b.name, b.size, b.method, b.spkFun, b.vTh, List.of("V", "W"), b.vInit, b.wInit);
        vCa = param("V_Ca", "mV", b.vCa, ParamSpec.Rule.FINITE);
        gCa = param("g_Ca", "mS/cm²", b.gCa, ParamSpec.Rule.NON_NEGATIVE);
        vK = param("V_K", "mV", b.vK, ParamSpec.Rule.FINITE);
        gK = param("g_K", "mS/cm²", b.gK, ParamSpec.Rule.NON_NEGATIVE);
        vLeak = param("V_leak", "mV", b.vLeak, ParamSpec.Rule.FINITE);
        gLeak = param("g_leak", "mS/cm²", b.gLeak, ParamSpec.Rule.NON_NEGATIVE);
        c = param("C", "µF/cm²", b.c, ParamSpec.Rule.POSITIVE);
        v1 = param("V1", "mV", b.v1, ParamSpec.Rule.FINITE);
        v2 = param("V2", "mV", b.v2, ParamSpec.Rule.POSITIVE);
        v3 = param("V3", "mV", b.v3, ParamSpec.Rule.FINITE);
        v4 = param("V4", "mV", b.v4, ParamSpec.Rule.POSITIVE);
        phi = param("phi", "1/ms", b.phi, ParamSpec.Rule.POSITIVE);
    }

    /** A builder with BrainPy's defaults for {@code size} neurons. */
    public static Builder builder(int size) { return new Builder(size); }

    /** Membrane potential, mV. */
    public Variable V() { return variable("V"); }

    /** Potassium activation. */
    public Variable W() { return variable("W"); }

    @Override Derivative derivative() {
        return (y, t, p) -> {
            Tensor v = y[0], w = y[1];
            Tensor mInf = tanh(v.sub(v1.get()).div(v2.get())).add(1).mul(0.5);
            Tensor wInf = tanh(v.sub(v3.get()).div(v4.get())).add(1).mul(0.5);
            Tensor rate = cosh(v.sub(v3.get()).div(v4.get().mul(2))).mul(phi.get());       // 1/τ_W
            Tensor iCa = gCa.get().mul(mInf).mul(v.sub(vCa.get())), iK = gK.get().mul(w).mul(v.sub(vK.get())), iL = gLeak.get().mul(v.sub(vLeak.get()));
            return new Tensor[] {p[0].sub(iCa).sub(iK).sub(iL).div(c.get()), wInf.sub(w).mul(rate)};
        };
    }

    @Override Derivative homogeneousDerivative() {
        for (var p : List.of(vCa, gCa, vK, gK, vLeak, gLeak, c, v1, v2, v3, v4, phi)) homogeneous(p, "every parameter");
        return derivative();
    }

    /** Named parameters with BrainPy's defaults; each setter takes a number or any {@link ParamSpec} form. */
    public static final class Builder extends NeuronBuilder<Builder> {
        private Object vCa = 130.0, gCa = 4.4, vK = -84.0, gK = 8.0, vLeak = -60.0, gLeak = 2.0, c = 20.0, v1 = -1.2, v2 = 18.0, v3 = 2.0, v4 = 30.0,
                phi = 0.04, vTh = 10.0, vInit, wInit = 0.02;

        private Builder(int size) { super(size); this.vInit = new Uniform(-70, -60, new org.braindyn.random.RandomState(0)); }

        /** Calcium reversal potential, mV ({@code V_Ca}, default 130). */
        public Builder vCa(Object v) { this.vCa = v; return this; }
        /** Maximal calcium conductance ({@code g_Ca}, default 4.4). */
        public Builder gCa(Object v) { this.gCa = v; return this; }
        /** Potassium reversal potential, mV ({@code V_K}, default −84). */
        public Builder vK(Object v) { this.vK = v; return this; }
        /** Maximal potassium conductance ({@code g_K}, default 8). */
        public Builder gK(Object v) { this.gK = v; return this; }
        /** Leak reversal potential, mV ({@code V_leak}, default −60). */
        public Builder vLeak(Object v) { this.vLeak = v; return this; }
        /** Leak conductance ({@code g_leak}, default 2). */
        public Builder gLeak(Object v) { this.gLeak = v; return this; }
        /** Membrane capacitance ({@code C}, default 20). */
        public Builder c(Object v) { this.c = v; return this; }
        /** Half-activation and slope of M∞ and W∞, mV ({@code V1 −1.2, V2 18, V3 2, V4 30}). */
        public Builder gating(Object v1, Object v2, Object v3, Object v4) { this.v1 = v1; this.v2 = v2; this.v3 = v3; this.v4 = v4; return this; }
        /** Rate scale of W, 1/ms ({@code phi}, default 0.04). */
        public Builder phi(Object v) { this.phi = v; return this; }
        /** Spike detection threshold, mV ({@code V_th}, default 10). */
        public Builder vTh(Object v) { this.vTh = v; return this; }
        /** Initial V, mV (default uniform in [−70, −60), seed 0). */
        public Builder vInit(Object v) { this.vInit = v; return this; }
        /** Initial W (default 0.02). */
        public Builder wInit(Object v) { this.wInit = v; return this; }

        /** Validates every parameter, naming the model, parameter, unit, expected and found. */
        public MorrisLecar build() { return new MorrisLecar(this); }
    }
}
