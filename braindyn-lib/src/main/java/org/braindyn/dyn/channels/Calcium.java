package org.braindyn.dyn.channels;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Supplier;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * Intracellular calcium of a conductance-based neuron with the channels that depend on it (BrainPy's
 * {@code CalciumFixed}, {@code CalciumDetailed}, {@code CalciumFirstOrder}): a {@link Channel} of a
 * {@link org.braindyn.dyn.neurons.CondNeuGroup} whose state is the concentration {@code C} (mM) followed by the gates
 * of its {@link CalciumChannel}s, and whose current is theirs. The calcium currents {@code I_Ca} (those that
 * {@link CalciumChannel#carriesCalcium() carry calcium}, inward positive, µA/cm²) drive the concentration:
 * <pre>
 *   fixed:        C and E constant (defaults E 120 mV, C 2.4·10⁻⁴ mM)
 *   detailed:     dC/dt = max(I_Ca/(2 F d), 0) + (C_rest − C)/τ      (Destexhe et al. 1993; d 1 µm, C_rest 2.4·10⁻⁴ mM, τ 5 ms)
 *   first order:  dC/dt = max(α I_Ca, 0) − β C                      (α 0.13, β 0.075)
 *   E = R(273.15 + T)/(2F) · ln(C₀/C)   (Nernst; R 8.31441 J/(mol·K), F 96.489 C/mmol, T 36 °C, C₀ 2 mM)
 * </pre>
 * C starts at 2.4·10⁻⁴ mM and the gates at their steady state. (BrainPy writes the influx as {@code −I_Ca/(2Fd)} with
 * currents that are positive inward, which makes it zero; this class lets inward calcium current raise C, as the
 * references do.) State variables {@code NAME_C} and {@code NAME_CHANNEL_GATE}; named {@code Ca} by default.
 * <pre>{@code
 * Calcium ca = Calcium.detailed().tau(10).channels(ICa.tHm1992().build(), IAhp.de1994().build()).build();
 * CondNeuGroup cell = CondNeuGroup.builder(1).channels(Sodium.hh1952().build(), Potassium.hh1952().build(), ca, Leak.il().build()).build();
 * }</pre>
 */
public final class Calcium extends Channel {
    /** BrainPy's gas constant, J/(mol·K), and Faraday constant, C/mmol. */
    public static final double R = 8.31441, F = 96.489;

    enum Kind { FIXED, DETAILED, FIRST_ORDER }

    private final Kind kind;
    private final List<CalciumChannel> channels;
    private final List<String> gates = new ArrayList<>();
    private final int[] offsets;
    private final Object eSpec, cSpec, tSpec, c0Spec, dSpec, restSpec, tauSpec, alphaSpec, betaSpec;
    private Supplier<Tensor> eFixed, cFixed, temperature, c0, d, cRest, tau, alpha, beta;

    private Calcium(Builder b) {
        super(b.name);
        kind = b.kind;
        channels = List.copyOf(b.channels);
        var seen = new HashSet<String>();
        for (CalciumChannel c : channels)
            if (!seen.add(c.name())) throw new IllegalArgumentException(b.name + ".channels: two channels are named '" + c.name() + "'; give each a unique name");
        if (kind != Kind.FIXED) gates.add("C");
        offsets = new int[channels.size() + 1];
        offsets[0] = gates.size();
        for (int i = 0; i < channels.size(); i++) {
            for (String g : channels.get(i).gates()) gates.add(channels.get(i).name() + "_" + g);
            offsets[i + 1] = gates.size();
        }
        eSpec = b.e; cSpec = b.c; tSpec = b.temperature; c0Spec = b.c0; dSpec = b.d; restSpec = b.cRest; tauSpec = b.tau; alphaSpec = b.alpha; betaSpec = b.beta;
    }

    /** Fixed concentration and reversal potential (BrainPy's {@code CalciumFixed}: E 120 mV, C 2.4e-4 mM). */
    public static Builder fixed() { return new Builder(Kind.FIXED); }

    /** Influx and relaxation to rest (BrainPy's {@code CalciumDetailed}). */
    public static Builder detailed() { return new Builder(Kind.DETAILED); }

    /** First-order influx and removal (BrainPy's {@code CalciumFirstOrder}). */
    public static Builder firstOrder() { return new Builder(Kind.FIRST_ORDER); }

    /** The calcium-dependent channels. */
    public List<CalciumChannel> channels() { return channels; }

    @Override public List<String> gates() { return List.copyOf(gates); }

    @Override public void bind(String owner, int size) {
        String who = owner + "." + name();
        if (kind == Kind.FIXED) {
            eFixed = ParamSpec.resolve(who, "E", "mV", eSpec, size, ParamSpec.Rule.FINITE);
            cFixed = ParamSpec.resolve(who, "C", "mM", cSpec, size, ParamSpec.Rule.POSITIVE);
        } else {
            cFixed = ParamSpec.resolve(who, "cInit", "mM", cSpec, size, ParamSpec.Rule.POSITIVE);
            temperature = ParamSpec.resolve(who, "T", "°C", tSpec, size, ParamSpec.Rule.FINITE);
            c0 = ParamSpec.resolve(who, "C0", "mM", c0Spec, size, ParamSpec.Rule.POSITIVE);
            if (kind == Kind.DETAILED) {
                d = ParamSpec.resolve(who, "d", "µm", dSpec, size, ParamSpec.Rule.POSITIVE);
                cRest = ParamSpec.resolve(who, "cRest", "mM", restSpec, size, ParamSpec.Rule.NON_NEGATIVE);
                tau = ParamSpec.resolve(who, "tau", "ms", tauSpec, size, ParamSpec.Rule.POSITIVE);
            } else {
                alpha = ParamSpec.resolve(who, "alpha", "mM/(ms·µA/cm²)", alphaSpec, size, ParamSpec.Rule.NON_NEGATIVE);
                beta = ParamSpec.resolve(who, "beta", "1/ms", betaSpec, size, ParamSpec.Rule.NON_NEGATIVE);
            }
        }
        for (CalciumChannel c : channels) c.bind(who, size);
    }

    /** The Nernst potential of concentration {@code c}, mV (the fixed E for a fixed ion). */
    public Tensor reversal(Tensor c) {
        if (kind == Kind.FIXED) return eFixed.get().astype(c.dtype());
        Tensor k = temperature.get().astype(c.dtype()).add(273.15).mul(R / (2 * F));
        return k.mul(BM.log(c0.get().astype(c.dtype()).div(c)));
    }

    private Tensor concentration(Tensor v, Tensor[] x) {
        return kind == Kind.FIXED ? BM.broadcastTo(cFixed.get().astype(v.dtype()), v.shape().toArray()) : x[0];
    }

    private static Tensor[] slice(Tensor[] x, int from, int to) { return java.util.Arrays.copyOfRange(x, from, to); }

    @Override public Tensor[] steadyState(Tensor v) {
        Tensor c = BM.broadcastTo(cFixed.get().astype(v.dtype()), v.shape().toArray());
        List<Tensor> out = new ArrayList<>();
        if (kind != Kind.FIXED) out.add(c);
        for (CalciumChannel ch : channels) out.addAll(List.of(ch.steadyState(v, c)));
        return out.toArray(Tensor[]::new);
    }

    /** The total current of the calcium-carrying channels at state {@code x}, µA/cm² (inward positive). */
    public Tensor calciumCurrent(Tensor v, Tensor[] x) {
        Tensor c = concentration(v, x), e = reversal(c), sum = BM.zerosLike(v);
        for (int i = 0; i < channels.size(); i++)
            if (channels.get(i).carriesCalcium()) sum = sum.add(channels.get(i).current(v, c, e, slice(x, offsets[i], offsets[i + 1])));
        return sum;
    }

    @Override public Tensor[] derivative(Tensor v, Tensor[] x) {
        Tensor c = concentration(v, x);
        Tensor[] out = new Tensor[x.length];
        for (int i = 0; i < channels.size(); i++) {
            Tensor[] d = channels.get(i).derivative(v, c, slice(x, offsets[i], offsets[i + 1]));
            System.arraycopy(d, 0, out, offsets[i], d.length);
        }
        if (kind != Kind.FIXED) {
            Tensor iCa = calciumCurrent(v, x);
            out[0] = kind == Kind.DETAILED
                    ? BM.maximum(iCa.div(d.get().astype(v.dtype()).mul(2 * F)), BM.zerosLike(iCa)).add(cRest.get().astype(v.dtype()).sub(c).div(tau.get().astype(v.dtype())))
                    : BM.maximum(iCa.mul(alpha.get().astype(v.dtype())), BM.zerosLike(iCa)).sub(c.mul(beta.get().astype(v.dtype())));
        }
        return out;
    }

    @Override public Tensor current(Tensor v, Tensor[] x) {
        Tensor c = concentration(v, x), e = reversal(c), sum = BM.zerosLike(v);
        for (int i = 0; i < channels.size(); i++) sum = sum.add(channels.get(i).current(v, c, e, slice(x, offsets[i], offsets[i + 1])));
        return sum;
    }

    /** Named parameters with BrainPy's defaults of the chosen model; each a number or any {@link ParamSpec} form. */
    public static final class Builder {
        private final Kind kind;
        private String name = "Ca";
        private final List<CalciumChannel> channels = new ArrayList<>();
        private Object e = 120.0, c = 2.4e-4, temperature = 36.0, c0 = 2.0, d = 1.0, cRest = 2.4e-4, tau = 5.0, alpha = 0.13, beta = 0.075;

        private Builder(Kind kind) { this.kind = kind; }

        /** The ion's name in the group (prefix of its variables; default {@code Ca}). */
        public Builder name(String v) { this.name = v; return this; }
        /** The calcium-dependent channels. */
        public Builder channels(CalciumChannel... cs) { channels.addAll(List.of(cs)); return this; }
        /** Fixed reversal potential, mV (fixed ion; default 120). */
        public Builder e(Object v) { this.e = v; return this; }
        /** The fixed concentration, or the initial one of a dynamic ion, mM (default 2.4e-4). */
        public Builder c(Object v) { this.c = v; return this; }
        /** Temperature, °C (default 36). */
        public Builder temperature(Object v) { this.temperature = v; return this; }
        /** Extracellular concentration, mM (default 2). */
        public Builder c0(Object v) { this.c0 = v; return this; }
        /** Depth of the submembrane shell, µm (detailed; default 1). */
        public Builder d(Object v) { this.d = v; return this; }
        /** Resting concentration, mM (detailed; default 2.4e-4). */
        public Builder cRest(Object v) { this.cRest = v; return this; }
        /** Removal time constant, ms (detailed; default 5). */
        public Builder tau(Object v) { this.tau = v; return this; }
        /** Influx per unit current (first order; default 0.13). */
        public Builder alpha(Object v) { this.alpha = v; return this; }
        /** Removal rate, 1/ms (first order; default 0.075). */
        public Builder beta(Object v) { this.beta = v; return this; }

        public Calcium build() { return new Calcium(this); }
    }
}
