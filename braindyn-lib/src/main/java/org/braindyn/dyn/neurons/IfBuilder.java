package org.braindyn.dyn.neurons;

/**
 * The parameters the integrate-and-fire family shares (ExpIF, AdExIF, QuaIF, AdQuaIF), with BrainPy's defaults:
 * {@code V_rest −65, V_reset −68, V_th −30 mV, τ 10 ms, R 1}, the model's {@code τ_ref}; V starts at V_rest.
 *
 * @param <B> the concrete builder
 */
public abstract class IfBuilder<B extends IfBuilder<B>> extends NeuronBuilder<B> {
    Object vRest = -65.0, vReset = -68.0, vTh = -30.0, tau = 10.0, r = 1.0, tauRef, vInit;

    IfBuilder(int size, double tauRef) {
        super(size);
        this.tauRef = tauRef;
    }

    /** Resting potential, mV ({@code V_rest}, default −65). */
    public B vRest(Object v) { this.vRest = v; return self(); }

    /** Reset potential, mV ({@code V_reset}, default −68). */
    public B vReset(Object v) { this.vReset = v; return self(); }

    /** Spike threshold, mV ({@code V_th}, default −30). */
    public B vTh(Object v) { this.vTh = v; return self(); }

    /** Membrane time constant, ms ({@code tau}, default 10). */
    public B tau(Object v) { this.tau = v; return self(); }

    /** Membrane resistance ({@code R}, default 1). */
    public B r(Object v) { this.r = v; return self(); }

    /** Refractory period, ms ({@code tau_ref}; the model's default). */
    public B tauRef(Object v) { this.tauRef = v; return self(); }

    /** Initial V, mV (default V_rest). */
    public B vInit(Object v) { this.vInit = v; return self(); }

    /** The initial V spec: the one given, else V_rest. */
    final Object startV() { return vInit == null ? vRest : vInit; }
}
