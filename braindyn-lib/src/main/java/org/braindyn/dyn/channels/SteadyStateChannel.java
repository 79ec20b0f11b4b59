package org.braindyn.dyn.channels;

import java.util.List;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * A {@link GatedChannel} whose gates are given in the steady-state form of Huguenard &amp; McCormick's models,
 * {@code dx/dt = φ φ_x (x∞(u) − x)/τ_x(u)}: the same first-order kinetics with {@code α = x∞/τ} and
 * {@code β = (1 − x∞)/τ}, so the steady state (the initial value) is {@code x∞}. Subclasses give {@code x∞} and
 * {@code τ_x} (ms) of the shifted potential {@code u = V − V_sh}.
 */
public abstract class SteadyStateChannel extends GatedChannel {
    protected SteadyStateChannel(String name, List<String> gates, int[] powers, double[] gateFactors, Object gMax, Object e, Object phi, Object vSh) {
        super(name, gates, powers, gateFactors, gMax, e, phi, vSh);
    }

    /** The steady state of gate {@code k} at the shifted potential {@code u}. */
    protected abstract Tensor inf(int k, Tensor u);

    /** The time constant of gate {@code k} at {@code u}, ms. */
    protected abstract Tensor tau(int k, Tensor u);

    @Override protected final Tensor alpha(int k, Tensor u) { return inf(k, u).div(tau(k, u)); }

    @Override protected final Tensor beta(int k, Tensor u) { return BM.onesLike(u).sub(inf(k, u)).div(tau(k, u)); }

    /** {@code 1/(1 + e^{(u − half)/slope})}: the Boltzmann curves of the steady states (negative slope: activation). */
    static Tensor boltzmann(Tensor u, double half, double slope) { return BM.onesLike(u).div(BM.exp(u.sub(half).div(slope)).add(1)); }
}
