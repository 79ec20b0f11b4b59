package org.braindyn.dyn.neurons;

import static org.braindyn.tensor.BM.*;

import java.util.List;
import java.util.function.Supplier;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.dyn.channels.Rates;
import org.braindyn.integrators.Derivative;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.Tensor;

/**
 * The Pinsky–Rinzel two-compartment CA3 pyramidal cell (Pinsky &amp; Rinzel 1994, a reduction of Traub et al. 1991;
 * BrainPy's {@code bp.dyn.PinskyRinzelModel}): a soma with fast sodium and delayed-rectifier potassium currents and a
 * dendrite with calcium, calcium-activated potassium and after-hyperpolarisation currents, coupled by {@code g_c}:
 * <pre>
 *   C dVs/dt = −g_L(Vs − E_L) − g_Na m∞(Vs)² h (Vs − E_Na) − g_K n (Vs − E_K) + g_c/p (Vd − Vs) + I_s/p
 *   C dVd/dt = −g_L(Vd − E_L) − g_Ca s² (Vd − E_Ca) − g_AHP q (Vd − E_K) − g_C c χ(Ca) (Vd − E_K)
 *              + g_c/(1 − p) (Vs − Vd) + I_d/(1 − p)
 *   dCa/dt = −0.13 g_Ca s² (Vd − E_Ca) − 0.075 Ca,      χ(Ca) = min(Ca/250, 1)
 *   dx/dt = α_x (1 − x) − β_x x    for x = h, n (of Vs), s, c (of Vd), q (of Ca)
 * </pre>
 * with the rate functions of the paper in the shifted potential {@code u = V + 60} (mV, ms, mS/cm², µA/cm²):
 * <pre>
 *   α_m = 0.32(13.1 − u)/(e^{(13.1−u)/4} − 1),   β_m = 0.28(u − 40.1)/(e^{(u−40.1)/5} − 1)
 *   α_n = 0.016(35.1 − u)/(e^{(35.1−u)/5} − 1),  β_n = 0.25 e^{0.5 − 0.025u}
 *   α_h = 0.128 e^{(17−u)/18},                   β_h = 4/(1 + e^{(40−u)/5})
 *   α_s = 1.6/(1 + e^{−0.072(u−65)}),            β_s = 0.02(u − 51.1)/(e^{(u−51.1)/5} − 1)
 *   u ≤ 50: α_c = (e^{(u−10)/11} − e^{(u−6.5)/27})/18.975, β_c = 2e^{(6.5−u)/27} − α_c;  u > 50: α_c = 2e^{(6.5−u)/27}, β_c = 0
 *   α_q = min(2·10⁻⁵ Ca, 0.01),                   β_q = 0.001
 * </pre>
 * The somatic input {@code I_s} is {@code input} plus every projection's current (at Vs); the dendritic input
 * {@code I_d} is {@link #inputD}. A spike is an upward crossing of {@code V_th} by Vs. BrainPy's defaults:
 * {@code g_Na 30, g_K 15, g_Ca 10, g_AHP 0.8, g_C 15, g_L 0.1, E_Na 60, E_K −75, E_Ca 80, E_L −60, g_c 2.1, p 0.5,
 * C 3, V_th 20}; Vs starts at −64.6, Vd at −64.5, Ca at 0.2 and the gates at their steady state; {@code exp_auto}.
 * (BrainPy's code leaves the gate {@code c} out of {@code I_C}; this class keeps it, as in the paper.)
 * <pre>{@code PinskyRinzel pr = PinskyRinzel.builder(10).gc(2.1).method("rk4").build();}</pre>
 */
public final class PinskyRinzel extends CrossingNeuron {
    private final Conductances k;
    private final Supplier<Tensor> gCa, gAhp, gC, eCa, gc, p;
    /** External input to the dendrite, µA/cm², cleared after each update (BrainPy's {@code Id}). */
    public final Variable inputD;

    private PinskyRinzel(Builder b) {
        String label = "PinskyRinzel" + (b.name == null ? "" : " '" + b.name + "'");
        Tensor vs = ParamSpec.resolve(label, "vInit", "mV", b.vInit, b.size, ParamSpec.Rule.FINITE).get().astype(Config.defaultFloat());
        Tensor vd = ParamSpec.resolve(label, "vdInit", "mV", b.vdInit, b.size, ParamSpec.Rule.FINITE).get().astype(Config.defaultFloat());
        Tensor ca = ParamSpec.resolve(label, "caInit", "", b.caInit, b.size, ParamSpec.Rule.NON_NEGATIVE).get().astype(Config.defaultFloat());
        Tensor us = vs.add(60), ud = vd.add(60);
        super(b.name, b.size, b.method, b.spkFun, b.vTh, List.of("Vs", "Vd", "Ca", "h", "n", "s", "c", "q"),
                vs, vd, ca, inf(alphaH(us), betaH(us)), inf(alphaN(us), betaN(us)), inf(alphaS(ud), betaS(ud)), inf(alphaC(ud), betaC(ud)),
                inf(alphaQ(ca), betaQ(ca)));
        k = Conductances.of(this, b);
        gCa = param("gCa", "mS/cm²", b.gCa, ParamSpec.Rule.NON_NEGATIVE);
        gAhp = param("gAHP", "mS/cm²", b.gAhp, ParamSpec.Rule.NON_NEGATIVE);
        gC = param("gC", "mS/cm²", b.gC, ParamSpec.Rule.NON_NEGATIVE);
        eCa = param("ECa", "mV", b.eCa, ParamSpec.Rule.FINITE);
        gc = param("gc", "mS/cm²", b.gcpl, ParamSpec.Rule.NON_NEGATIVE);
        p = param("p", "", b.p, ParamSpec.Rule.POSITIVE);
        if (BM.any(p.get().ge(1)).getBool()) throw new IllegalArgumentException(label + ".p: the somatic fraction of the area must be in (0, 1); got max " + BM.max(p.get()).item());
        inputD = state(BM.zerosLike(variable("Vs").value()));
    }

    /** A builder with BrainPy's defaults for {@code size} neurons. */
    public static Builder builder(int size) { return new Builder(size); }

    /** Somatic potential, mV. */
    public Variable Vs() { return variable("Vs"); }

    /** Dendritic potential, mV. */
    public Variable Vd() { return variable("Vd"); }

    /** Dendritic calcium (arbitrary units of the model). */
    public Variable Ca() { return variable("Ca"); }

    static Tensor inf(Tensor a, Tensor b) { return a.div(a.add(b)); }
    static Tensor alphaM(Tensor u) { return Rates.vtrap(u.sub(13.1), 4).mul(0.32); }
    static Tensor betaM(Tensor u) { return Rates.vtrap(u.neg().add(40.1), 5).mul(0.28); }
    static Tensor alphaN(Tensor u) { return Rates.vtrap(u.sub(35.1), 5).mul(0.016); }
    static Tensor betaN(Tensor u) { return exp(u.mul(-0.025).add(0.5)).mul(0.25); }
    static Tensor alphaH(Tensor u) { return exp(u.neg().add(17).div(18)).mul(0.128); }
    static Tensor betaH(Tensor u) { return onesLike(u).mul(4).div(exp(u.neg().add(40).div(5)).add(1)); }
    static Tensor alphaS(Tensor u) { return onesLike(u).mul(1.6).div(exp(u.sub(65).mul(-0.072)).add(1)); }
    static Tensor betaS(Tensor u) { return Rates.vtrap(u.neg().add(51.1), 5).mul(0.02); }
    private static Tensor lowC(Tensor u) { return exp(u.sub(10).div(11)).sub(exp(u.sub(6.5).div(27))).div(18.975); }
    private static Tensor highC(Tensor u) { return exp(u.neg().add(6.5).div(27)).mul(2); }
    static Tensor alphaC(Tensor u) { return where(u.le(50), lowC(u), highC(u)); }
    static Tensor betaC(Tensor u) { return where(u.le(50), highC(u).sub(lowC(u)), zerosLike(u)); }
    static Tensor alphaQ(Tensor ca) { return minimum(ca.mul(2e-5), onesLike(ca).mul(0.01)); }
    static Tensor betaQ(Tensor ca) { return onesLike(ca).mul(0.001); }

    private static Tensor gate(Tensor x, Tensor a, Tensor b) { return a.mul(onesLike(x).sub(x)).sub(b.mul(x)); }

    @Override Derivative derivative() {
        return (y, t, in) -> {
            Tensor vs = y[0], vd = y[1], ca = y[2], h = y[3], n = y[4], s = y[5], c = y[6], q = y[7];
            Tensor us = vs.add(60), ud = vd.add(60), mInf = inf(alphaM(us), betaM(us)), pp = p.get(), pd = onesLike(pp).sub(pp);
            Tensor iCa = gCa.get().mul(s.mul(s)).mul(vd.sub(eCa.get()));
            Tensor chi = minimum(ca.div(250), onesLike(ca));
            Tensor eK = k.eK().get(), gL = k.gL().get(), eL = k.eL().get(), cm = k.c().get();
            Tensor dVs = gL.mul(vs.sub(eL)).neg()
                    .sub(k.gNa().get().mul(mInf.mul(mInf)).mul(h).mul(vs.sub(k.eNa().get())))
                    .sub(k.gK().get().mul(n).mul(vs.sub(eK)))
                    .add(gc.get().div(pp).mul(vd.sub(vs))).add(in[0].div(pp)).div(cm);
            Tensor dVd = gL.mul(vd.sub(eL)).neg().sub(iCa)
                    .sub(gAhp.get().mul(q).mul(vd.sub(eK)))
                    .sub(gC.get().mul(c).mul(chi).mul(vd.sub(eK)))
                    .add(gc.get().div(pd).mul(vs.sub(vd))).add(inputD.value().astype(vd.dtype()).div(pd)).div(cm);
            return new Tensor[] {dVs, dVd, iCa.mul(-0.13).sub(ca.mul(0.075)),
                    gate(h, alphaH(us), betaH(us)), gate(n, alphaN(us), betaN(us)), gate(s, alphaS(ud), betaS(ud)),
                    gate(c, alphaC(ud), betaC(ud)), gate(q, alphaQ(ca), betaQ(ca))};
        };
    }

    @Override void clearInputs() { inputD.fill(0); }

    @Override Derivative homogeneousDerivative() {
        for (var x : k.all()) homogeneous(x, "every parameter");
        for (var x : List.of(gCa, gAhp, gC, eCa, gc, p)) homogeneous(x, "every parameter");
        return derivative();
    }

    /** Named parameters with BrainPy's defaults; each setter takes a number or any {@link ParamSpec} form. */
    public static final class Builder extends ConductanceBuilder<Builder> {
        private Object gCa = 10.0, gAhp = 0.8, gC = 15.0, eCa = 80.0, gcpl = 2.1, p = 0.5, vdInit = -64.5, caInit = 0.2;

        /** BrainPy's defaults: ENa 60, gNa 30, EK −75, gK 15, EL −60, gL 0.1, C 3; Vs₀ −64.6. */
        private Builder(int size) {
            super(size, 60, 30, -75, 15, -60, 0.1, -64.6);
            c(3.0);
        }

        /** Maximal dendritic calcium conductance, mS/cm² ({@code gCa}, default 10). */
        public Builder gCa(Object v) { this.gCa = v; return this; }
        /** Maximal after-hyperpolarisation conductance, mS/cm² ({@code gAHP}, default 0.8). */
        public Builder gAhp(Object v) { this.gAhp = v; return this; }
        /** Maximal calcium-activated potassium conductance, mS/cm² ({@code gC}, default 15). */
        public Builder gC(Object v) { this.gC = v; return this; }
        /** Calcium reversal potential, mV ({@code ECa}, default 80). */
        public Builder eCa(Object v) { this.eCa = v; return this; }
        /** Soma–dendrite coupling conductance, mS/cm² ({@code gc}, default 2.1). */
        public Builder gc(Object v) { this.gcpl = v; return this; }
        /** The soma's fraction of the membrane area ({@code p}, default 0.5). */
        public Builder p(Object v) { this.p = v; return this; }
        /** Initial dendritic potential, mV (default −64.5). */
        public Builder vdInit(Object v) { this.vdInit = v; return this; }
        /** Initial calcium (default 0.2). */
        public Builder caInit(Object v) { this.caInit = v; return this; }

        /** Validates every parameter, naming the model, parameter, unit, expected and found. */
        public PinskyRinzel build() { return new PinskyRinzel(this); }
    }
}
