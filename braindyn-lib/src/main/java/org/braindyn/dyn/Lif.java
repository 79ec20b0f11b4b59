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
        super(name, size);
        this.p = p;
        this.reset = reset;
        this.spkFun = spkFun;
        this.vInit = vInit;
        this.V = new Variable(initialV());
        this.spike = new Variable(spkFun == null ? BM.zeros(Shape.of(size), DType.BOOL) : BM.zeros(Shape.of(size), Config.defaultFloat()));
        this.tLast = new Variable(BM.full(Shape.of(size), -1e7, Config.defaultFloat()));
    }

    /** BrainPy's defaults, hard reset, boolean spikes. */
    public Lif(int size) { this(null, size, LifParams.defaults(), Reset.HARD, null, null); }

    /** BrainPy's {@code LifRef}: the defaults with a refractory period of {@code tauRef} ms . */
    public static Lif ref(String name, int size, double tauRef) {
        return new Lif(name, size, LifParams.defaults().withTauRef(tauRef), Reset.HARD, null, null);
    }

    private Tensor initialV() {
        return vInit == null ? BM.full(Shape.of(num()), p.vRest(), Config.defaultFloat()) : vInit.init(new int[] {num()}, Config.defaultFloat());
    }

    /** The parameters. */
    public LifParams params() { return p; }

    @Override public Tensor spike() { return spike.value(); }

    @Override public Tensor update(Tensor... inputs) {
        Shared s = Shared.current();
        Tensor v = V.value();
        Tensor ri = totalInput(v, inputs.length > 0 ? inputs[0] : null).mul(p.r());
        Tensor target = ri.add(p.vRest());
        Tensor vNew = target.add(v.sub(target).mul(Math.exp(-s.dt() / p.tau())));
        if (p.tauRef() > 0) vNew = BM.where(BM.lessEqual(BM.subtract(s.t(), tLast.value()), p.tauRef()), v, vNew);
        Tensor sp;
        if (spkFun == null) sp = vNew.ge(p.vTh());
        else sp = spkFun.apply(vNew.sub(p.vTh()).div(p.vTh() - p.vReset()));
        Tensor spF = sp.astype(vNew.dtype());
        Tensor after = reset == Reset.HARD ? BM.where(spF.gt(0), BM.fullLike(vNew, p.vReset()), vNew)
                : vNew.sub(spF.mul(p.vTh() - p.vReset()));
        if (spkFun != null && reset == Reset.HARD) after = vNew.add(spF.mul(BM.subtract(p.vReset(), Autodiff.stopGradient(vNew))));   // differentiable reset
        V.set(after.astype(V.dtype()));
        if (p.tauRef() > 0) tLast.set(BM.where(spF.gt(0), BM.fullLike(tLast.value(), s.t()), tLast.value()));
        spike.set(spkFun == null ? sp : spF.astype(spike.dtype()));
        input.fill(0);
        return spike.value();
    }

    @Override public void resetState(int batchSize) {
        V.set(initialV());
        spike.fill(0);
        tLast.fill(-1e7);
        input.fill(0);
    }
}
