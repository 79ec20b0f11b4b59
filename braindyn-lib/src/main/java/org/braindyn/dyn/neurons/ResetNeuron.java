package org.braindyn.dyn.neurons;

import java.util.function.Supplier;
import org.braindyn.autodiff.Autodiff;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.dyn.Shared;
import org.braindyn.state.Variable;
import org.braindyn.surrogate.Surrogate;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * Integrate-and-fire neurons with a reset (ExpIF, AdExIF, QuaIF, AdQuaIF, Izhikevich): the state {@code V} and,
 * for adaptive models, {@code w}, integrated by the chosen method; when {@code V ≥ V_th} after a step the neuron
 * spikes, {@code V ← V_reset} and {@code w ← w + jump}; during the refractory period after a spike {@code V} is held.
 * With a surrogate spike function the spike is differentiable and the reset detached from the gradient path of V's
 * old value (BrainPy's behaviour).
 */
abstract class ResetNeuron extends OdeNeuron implements org.braindyn.analysis.Analyzable {
    /** Membrane potential, mV. */
    public final Variable V;
    /** Adaptation (recovery) variable; null for non-adaptive models. */
    public final Variable w;
    /** Spikes of the last step (bool, or float with a surrogate). */
    public final Variable spike;
    /** Time of each neuron's last spike, ms. */
    public final Variable tLast;
    final Supplier<Tensor> vTh, vReset, tauRef, jump;
    private final Object vInit, wInit;
    private final java.util.function.UnaryOperator<Tensor> wDefault;

    /** The reset, threshold and initial values every model of this family takes by name. */
    record Common(Object vTh, Object vReset, Object tauRef, Object vInit, Object wInit) {}

    /**
     * @param jumpName the after-spike increment of w ({@code "b"} or {@code "d"}), null for a model without w
     * @param wDefault w₀ from V₀ when no {@code wInit} is given (null: 0)
     */
    ResetNeuron(String name, int size, String method, Surrogate spkFun, Common c, String jumpName, Object jumpSpec,
                java.util.function.UnaryOperator<Tensor> wDefault) {
        super(name, size, method, spkFun);
        vTh = param("vTh", "mV", c.vTh(), ParamSpec.Rule.FINITE);
        vReset = param("vReset", "mV", c.vReset(), ParamSpec.Rule.FINITE);
        tauRef = param("tauRef", "ms", c.tauRef(), ParamSpec.Rule.NON_NEGATIVE);
        jump = jumpName == null ? null : param(jumpName, "", jumpSpec, ParamSpec.Rule.FINITE);
        vInit = c.vInit();
        wInit = c.wInit();
        this.wDefault = wDefault == null ? BM::zerosLike : wDefault;
        V = state(initial(vInit, "vInit"));
        w = jump == null ? null : state(startW());
        spike = state(BM.zeros(Shape.of(stateShape()), spkFun == null ? DType.BOOL : Config.defaultFloat()));
        tLast = state(BM.full(Shape.of(stateShape()), -1e7, Config.defaultFloat()));
    }

    private Tensor startW() { return wInit == null ? wDefault.apply(V.value()).astype(Config.defaultFloat()) : initial(wInit, "wInit"); }


    @Override public final Tensor update(Tensor... inputs) {
        Tensor v = V.value(), current = totalInput(v, inputs.length > 0 ? inputs[0] : null);
        Tensor[] next = integrate(w == null ? new Tensor[] {v} : new Tensor[] {v, w.value()}, current);
        Tensor now = Shared.current().time(tLast.dtype());
        Tensor vNew = BM.where(BM.lessEqual(BM.subtract(now, tLast.value()), tauRef.get()), v, withJumps(next[0]));
        Tensor th = vTh.get(), rs = vReset.get();
        Tensor sp = spkFun == null ? vNew.ge(th) : spkFun.apply(vNew.sub(th).div(BM.abs(th.sub(rs)).add(1e-6)));
        Tensor spF = sp.astype(vNew.dtype());
        Tensor after = spkFun == null ? BM.where(sp, BM.broadcastTo(rs.astype(vNew.dtype()), vNew.shape().toArray()), vNew)
                : vNew.add(spF.mul(rs.sub(Autodiff.stopGradient(vNew))));
        V.set(after.astype(V.dtype()));
        if (w != null) w.set(next[1].add(spF.mul(jump.get())).astype(w.dtype()));
        tLast.set(BM.where(spF.gt(0), now, tLast.value()).astype(tLast.dtype()));
        spike.set(spkFun == null ? sp : spF.astype(spike.dtype()));
        input.fill(0);
        return spike.value();
    }

    @Override public final Tensor spike() { return spike.value(); }

    @Override public final void resetState(int batchSize) {
        resizeBatch(batchSize);
        V.set(initial(vInit, "vInit"));
        if (w != null) w.set(startW());
        spike.set(BM.zeros(Shape.of(stateShape()), spike.dtype()));
        tLast.set(BM.full(Shape.of(stateShape()), -1e7, Config.defaultFloat()));
    }

    /** The subthreshold dynamics with this population's parameters (which must be the same for every neuron). */
    @Override public abstract org.braindyn.analysis.VectorField vectorField();
}
