package org.braindyn.dyn.neurons;

import org.braindyn.autodiff.Autodiff;
import org.braindyn.dyn.NeuronGroup;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.dyn.Shared;
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
 * Lif e = Lif.builder(3200).name("E").vRest(-60).vReset(-60).vTh(-50).tau(20).tauRef(5)
 *         .vInit(new Normal(-55, 2, rng)).build();                        // named parameters, BrainPy's defaults for the rest
 * Lif same = new Lif("E2", 3200, new LifParams(-60, -60, -50, 20, 1, 5), Lif.Reset.HARD, null, new Normal(-55, 2, rng));
 * }</pre>
 */
public final class Lif extends NeuronGroup {
    /** How the potential is reset after a spike. */
    public enum Reset { HARD, SOFT }

    private final LifParams p;
    private final java.util.function.Supplier<Tensor> vRest, vReset, vTh, tau, r, tauRef;
    private final boolean refractory;
    private final Reset reset;
    private final boolean detachReset;
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
        this(name, size, LifSpec.of(p), p, reset, spkFun, vInit, false);
    }

    /** Neurons with heterogeneous parameters (see {@link LifSpec}). */
    public Lif(String name, int size, LifSpec spec, Reset reset, Surrogate spkFun, Initializer vInit) {
        this(name, size, spec, null, reset, spkFun, vInit, false);
    }

    private Lif(String name, int size, LifSpec spec, LifParams p, Reset reset, Surrogate spkFun, Initializer vInit, boolean detachReset) {
        super(name, size);
        this.p = p;
        String model = "Lif" + (name == null ? "" : " '" + name + "'");
        this.vRest = LifSpec.resolve(model, "vRest", "mV", spec.vRest(), size, ParamSpec.Rule.FINITE);
        this.vReset = LifSpec.resolve(model, "vReset", "mV", spec.vReset(), size, ParamSpec.Rule.FINITE);
        this.vTh = LifSpec.resolve(model, "vTh", "mV", spec.vTh(), size, ParamSpec.Rule.FINITE);
        this.tau = LifSpec.resolve(model, "tau", "ms", spec.tau(), size, ParamSpec.Rule.POSITIVE);
        this.r = LifSpec.resolve(model, "r", "MΩ", spec.r(), size, ParamSpec.Rule.POSITIVE);
        this.tauRef = LifSpec.resolve(model, "tauRef", "ms", spec.tauRef(), size, ParamSpec.Rule.NON_NEGATIVE);
        LifSpec.validate(model, vTh.get(), vReset.get());
        this.refractory = BM.any(tauRef.get().gt(0)).getBool() || spec.tauRef() instanceof Variable;
        this.reset = reset;
        this.detachReset = detachReset;
        this.spkFun = spkFun;
        this.vInit = vInit;
        this.V = state(initialV());
        this.spike = state(initialSpike());
        this.tLast = state(BM.full(Shape.of(stateShape()), -1e7, Config.defaultFloat()));
    }

    /**
     * A builder with BrainPy's {@code bp.dyn.Lif} defaults (V_rest 0, V_reset −5, V_th 20 mV, τ 10 ms, R 1, no
     * refractory period, hard reset, boolean spikes); every parameter a number or any {@link ParamSpec} form.
     */
    public static Builder builder(int size) { return new Builder(size); }

    /** Named parameters of {@link Lif}, one setter each, with their units. */
    public static final class Builder {
        private final int size;
        private String name;
        private Object vRest = 0.0, vReset = -5.0, vTh = 20.0, tau = 10.0, r = 1.0, tauRef = 0.0;
        private Reset reset = Reset.HARD;
        private Surrogate spkFun;
        private Object vInit;
        private boolean detachReset;

        private Builder(int size) { this.size = size; }

        /** A unique name within the network (default automatic). */
        public Builder name(String name) { this.name = name; return this; }
        /** Resting potential, mV ({@code V_rest}, default 0). */
        public Builder vRest(Object v) { this.vRest = v; return this; }
        /** Reset potential, mV ({@code V_reset}, default −5). */
        public Builder vReset(Object v) { this.vReset = v; return this; }
        /** Threshold, mV ({@code V_th}, default 20). */
        public Builder vTh(Object v) { this.vTh = v; return this; }
        /** Membrane time constant, ms ({@code tau}, default 10). */
        public Builder tau(Object v) { this.tau = v; return this; }
        /** Membrane resistance, MΩ ({@code R}, default 1). */
        public Builder r(Object v) { this.r = v; return this; }
        /** Refractory period, ms ({@code tau_ref}, default 0: BrainPy's {@code Lif}; > 0: {@code LifRef}). */
        public Builder tauRef(Object v) { this.tauRef = v; return this; }
        /** Hard (default) or soft reset. */
        public Builder reset(Reset v) { this.reset = v; return this; }
        /** Surrogate spike function for training (default none: boolean spikes). */
        public Builder spkFun(Surrogate v) { this.spkFun = v; return this; }
        /** Initial potential, mV (default V_rest): an {@link Initializer}, a number, a per-neuron tensor or any {@link ParamSpec} form. */
        public Builder vInit(Object v) { this.vInit = v; return this; }
        /**
         * Detach the reset from the gradient (SpyTorch/snnTorch convention: hard reset {@code V·(1 − s) + s·V_reset}
         * with s constant in the backward pass, so the membrane's gradient is cut by a spike and none flows through the
         * spike into the reset); default false, BrainPy's behaviour (the reset passes the gradient, and the spike's
         * surrogate carries the reset's dependence on V). Spikes and potentials are the same either way.
         */
        public Builder detachReset(boolean on) { this.detachReset = on; return this; }

        /** Validates every parameter, naming the model, parameter, unit, expected and found. */
        public Lif build() { return new Lif(name, size, new LifSpec(vRest, vReset, vTh, tau, r, tauRef), null, reset, spkFun, initializer(), detachReset); }

        private Initializer initializer() {
            if (vInit == null || vInit instanceof Initializer) return (Initializer) vInit;
            var v0 = ParamSpec.resolve("Lif" + (name == null ? "" : " '" + name + "'"), "vInit", "mV", vInit, size, ParamSpec.Rule.FINITE);
            return (shape, dtype) -> BM.broadcastTo(v0.get().astype(dtype), shape).contiguous();
        }
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
        Tensor vNew = withJumps(target.add(v.sub(target).mul(decay)));
        Tensor now = refractory ? s.time(tLast.dtype()) : null;
        if (refractory) vNew = BM.where(BM.lessEqual(BM.subtract(now, tLast.value()), tauRef.get()), v, vNew);
        Tensor sp;
        if (spkFun == null) sp = vNew.ge(th);
        else sp = spkFun.apply(vNew.sub(th).div(th.sub(rs)));
        Tensor spF = sp.astype(vNew.dtype());
        Tensor after = reset == Reset.HARD ? BM.where(spF.gt(0), BM.broadcastTo(rs.astype(vNew.dtype()), vNew.shape().toArray()), vNew)
                : vNew.sub(spF.mul(th.sub(rs)));
        if (spkFun != null && detachReset) {                     // SpyTorch/snnTorch: the reset is a constant of the backward pass
            Tensor d = Autodiff.stopGradient(spF);
            after = reset == Reset.HARD ? vNew.mul(d.neg().add(1)).add(d.mul(rs)) : vNew.sub(d.mul(th.sub(rs)));
        } else if (spkFun != null && reset == Reset.HARD) after = vNew.add(spF.mul(rs.sub(Autodiff.stopGradient(vNew))));   // differentiable reset (BrainPy)
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
