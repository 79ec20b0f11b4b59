package org.braindyn.dyn;

import org.braindyn.autodiff.Autodiff;
import org.braindyn.init.Initializer;
import org.braindyn.state.Variable;
import org.braindyn.surrogate.Surrogate;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * Leaky integrate-and-fire neurons (BrainPy's {@code bp.dyn.Lif}/{@code LifRef}):
 * {@code τ dV/dt = −(V − V_rest) + R·I}, integrated exactly over a step for the step's input
 * ({@code V ← V_rest + RI + (V − V_rest − RI)·e^{−dt/τ}}); a spike when {@code V ≥ V_th}, then a hard reset to
 * {@code V_reset} or a soft one ({@code V ← V − (V_th − V_reset)}); during the refractory period after a spike
 * {@code V} is held. With a surrogate spike function the spike is {@code spkFun((V − V_th)/(V_th − V_reset))}
 * (float, differentiable); without, it is a boolean.
 * <pre>{@code
 * Lif e = new Lif("E", 3200, new LifParams(-60, -60, -50, 20, 1, 5), Lif.Reset.HARD, null, new Normal(-55, 2, rng));
 * }</pre>
 */
public final class Lif extends NeuronGroup {
    /** How the potential is reset after a spike. */
    public enum Reset { HARD, SOFT }

    private final LifParams p;
    private final java.util.function.Supplier<Tensor> vRest, vReset, vTh, tau, r, tauRef;
    private final boolean refractory;
    private final Reset reset;
    private final Surrogate spkFun;
    private final Initializer vInit;
    /** Membrane potential, mV. */
    public final Variable V;
    /** Spikes of the last step (bool, or float with a surrogate). */
    public final Variable spike;
    /** Time of the last spike, ms. */
    public final Variable tLast;

    /**
     * @param name   unique name (null for automatic)
     * @param size   number of neurons
     * @param p      parameters
     * @param reset  hard or soft reset
     * @param spkFun surrogate spike function for training, or null for a boolean threshold
     * @param vInit  initial potential (null: V_rest)
     */
    public Lif(String name, int size, LifParams p, Reset reset, Surrogate spkFun, Initializer vInit) {
        this(name, size, LifSpec.of(p), p, reset, spkFun, vInit);
    }

    /** Neurons with heterogeneous parameters (see {@link LifSpec}). */
    public Lif(String name, int size, LifSpec spec, Reset reset, Surrogate spkFun, Initializer vInit) {
        this(name, size, spec, null, reset, spkFun, vInit);
    }

    private Lif(String name, int size, LifSpec spec, LifParams p, Reset reset, Surrogate spkFun, Initializer vInit) {
        super(name, size);
        this.p = p;
        String model = "Lif" + (name == null ? "" : " '" + name + "'");
        this.vRest = LifSpec.resolve(model, "vRest", spec.vRest(), size, LifSpec.Rule.POTENTIAL);
        this.vReset = LifSpec.resolve(model, "vReset", spec.vReset(), size, LifSpec.Rule.POTENTIAL);
        this.vTh = LifSpec.resolve(model, "vTh", spec.vTh(), size, LifSpec.Rule.POTENTIAL);
        this.tau = LifSpec.resolve(model, "tau", spec.tau(), size, LifSpec.Rule.POSITIVE);
        this.r = LifSpec.resolve(model, "r", spec.r(), size, LifSpec.Rule.RESISTANCE);
        this.tauRef = LifSpec.resolve(model, "tauRef", spec.tauRef(), size, LifSpec.Rule.NON_NEGATIVE);
        LifSpec.validate(model, vTh.get(), vReset.get());
        this.refractory = BM.any(tauRef.get().gt(0)).getBool() || spec.tauRef() instanceof Variable;
        this.reset = reset;
        this.spkFun = spkFun;
        this.vInit = vInit;
        this.V = state(initialV());
        this.spike = state(initialSpike());
        this.tLast = state(BM.full(Shape.of(stateShape()), -1e7, Config.defaultFloat()));
    }

    /** BrainPy's defaults, hard reset, boolean spikes. */
    public Lif(int size) { this(null, size, LifParams.defaults(), Reset.HARD, null, null); }

    /** BrainPy's {@code LifRef}: the defaults with a refractory period of {@code tauRef} ms . */
    public static Lif ref(String name, int size, double tauRef) {
        return new Lif(name, size, LifParams.defaults().withTauRef(tauRef), Reset.HARD, null, null);
    }

    private Tensor initialV() {
        return vInit == null ? BM.broadcastTo(vRest.get(), stateShape()).astype(Config.defaultFloat()).contiguous() : vInit.init(stateShape(), Config.defaultFloat());
    }

    private Tensor initialSpike() {
        return BM.zeros(Shape.of(stateShape()), spkFun == null ? DType.BOOL : Config.defaultFloat());
    }

    /** The homogeneous parameters, or null when built from a {@link LifSpec}. */
    public LifParams params() { return p; }

    @Override public Tensor spike() { return spike.value(); }

    @Override public Tensor update(Tensor... inputs) {
        Shared s = Shared.current();
        Tensor v = V.value();
        Tensor th = vTh.get(), rs = vReset.get();
        Tensor ri = totalInput(v, inputs.length > 0 ? inputs[0] : null).mul(r.get());
        Tensor target = ri.add(vRest.get());
        Tensor decay = BM.exp(BM.divide(-s.dt(), tau.get()).astype(v.dtype()));
        Tensor vNew = target.add(v.sub(target).mul(decay));
        Tensor now = refractory ? s.time(tLast.dtype()) : null;
        if (refractory) vNew = BM.where(BM.lessEqual(BM.subtract(now, tLast.value()), tauRef.get()), v, vNew);
        Tensor sp;
        if (spkFun == null) sp = vNew.ge(th);
        else sp = spkFun.apply(vNew.sub(th).div(th.sub(rs)));
        Tensor spF = sp.astype(vNew.dtype());
        Tensor after = reset == Reset.HARD ? BM.where(spF.gt(0), BM.broadcastTo(rs.astype(vNew.dtype()), vNew.shape().toArray()), vNew)
                : vNew.sub(spF.mul(th.sub(rs)));
        if (spkFun != null && reset == Reset.HARD) after = vNew.add(spF.mul(rs.sub(Autodiff.stopGradient(vNew))));   // differentiable reset
        V.set(after.astype(V.dtype()));
        if (refractory) tLast.set(BM.where(spF.gt(0), now, tLast.value()));
        spike.set(spkFun == null ? sp : spF.astype(spike.dtype()));
        input.fill(0);
        return spike.value();
    }

    @Override public void resetState(int batchSize) {
        resizeBatch(batchSize);
        V.set(initialV());
        spike.set(initialSpike());
        tLast.set(BM.full(Shape.of(stateShape()), -1e7, Config.defaultFloat()));
    }
}
