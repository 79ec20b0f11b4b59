package org.braindyn.dyn.channels;

import java.util.List;
import java.util.function.Supplier;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * A channel of independent gates with first-order (Markov) kinetics, the Hodgkin–Huxley form:
 * <pre>
 *   I = g_max · Π_k x_k^{p_k} · (E − V)
 *   dx_k/dt = φ φ_k (α_k(V − V_sh)(1 − x_k) − β_k(V − V_sh) x_k)
 * </pre>
 * ({@code φ_k}: an optional constant factor per gate, 1 by default)
 * with the steady state {@code x_k = α_k/(α_k + β_k)} as the initial value. Subclasses give the gates, their
 * exponents and rate functions (of the shifted potential {@code u = V − V_sh}). {@code g_max, E, φ, V_sh} may be a
 * number or any {@link ParamSpec} form.
 */
public abstract class GatedChannel extends Channel {
    private final Object gSpec, eSpec, phiSpec, shSpec;
    private final int[] powers;
    private final double[] gateFactors;
    private final List<String> gates;
    private Supplier<Tensor> gMax, e, phi, vSh;

    protected GatedChannel(String name, List<String> gates, int[] powers, Object gMax, Object e, Object phi, Object vSh) {
        this(name, gates, powers, null, gMax, e, phi, vSh);
    }

    /**
     * @param gateFactors a constant factor per gate multiplying its rates on top of {@code φ} (e.g. the separate
     *                    temperature factors {@code φ_p, φ_q} of the calcium and A-type currents); null: ones
     */
    protected GatedChannel(String name, List<String> gates, int[] powers, double[] gateFactors, Object gMax, Object e, Object phi, Object vSh) {
        super(name);
        this.gates = List.copyOf(gates);
        this.powers = powers.clone();
        this.gateFactors = gateFactors == null ? null : gateFactors.clone();
        if (gateFactors != null && gateFactors.length != gates.size())
            throw new IllegalArgumentException(name + ": " + gateFactors.length + " gate factors for gates " + gates);
        this.gSpec = gMax;
        this.eSpec = e;
        this.phiSpec = phi;
        this.shSpec = vSh;
    }

    @Override public final List<String> gates() { return gates; }

    @Override public final void bind(String owner, int size) {
        String who = owner + "." + name();
        gMax = ParamSpec.resolve(who, "gMax", "mS/cm²", gSpec, size, ParamSpec.Rule.NON_NEGATIVE);
        e = ParamSpec.resolve(who, "E", "mV", eSpec, size, ParamSpec.Rule.FINITE);
        phi = ParamSpec.resolve(who, "phi", "", phiSpec, size, ParamSpec.Rule.POSITIVE);
        vSh = ParamSpec.resolve(who, "vSh", "mV", shSpec, size, ParamSpec.Rule.FINITE);
    }

    /** α of gate {@code k} at the shifted potential {@code u}, 1/ms. */
    protected abstract Tensor alpha(int k, Tensor u);

    /** β of gate {@code k} at the shifted potential {@code u}, 1/ms. */
    protected abstract Tensor beta(int k, Tensor u);

    private Tensor shifted(Tensor v) { return v.sub(vSh.get().astype(v.dtype())); }

    @Override public final Tensor[] steadyState(Tensor v) {
        Tensor u = shifted(v);
        Tensor[] out = new Tensor[gates.size()];
        for (int k = 0; k < out.length; k++) { Tensor a = alpha(k, u); out[k] = a.div(a.add(beta(k, u))); }
        return out;
    }

    @Override public final Tensor[] derivative(Tensor v, Tensor[] x) {
        Tensor u = shifted(v), p = phi.get().astype(v.dtype());
        Tensor[] out = new Tensor[x.length];
        for (int k = 0; k < x.length; k++) {
            out[k] = p.mul(alpha(k, u).mul(BM.onesLike(x[k]).sub(x[k])).sub(beta(k, u).mul(x[k])));
            if (gateFactors != null && gateFactors[k] != 1) out[k] = out[k].mul(gateFactors[k]);
        }
        return out;
    }

    @Override public final Tensor current(Tensor v, Tensor[] x) { return conductance(v, x).mul(e.get().astype(v.dtype()).sub(v)); }

    /** The open conductance {@code g_max · Π_k x_k^{p_k}}, mS/cm² (for currents with another driving force, e.g. a calcium ion's E). */
    public final Tensor conductance(Tensor v, Tensor[] x) {
        Tensor g = gMax.get().astype(v.dtype());
        for (int k = 0; k < x.length; k++) {
            Tensor f = x[k];
            for (int q = 1; q < powers[k]; q++) f = f.mul(x[k]);
            g = g.mul(f);
        }
        return g;
    }
}
