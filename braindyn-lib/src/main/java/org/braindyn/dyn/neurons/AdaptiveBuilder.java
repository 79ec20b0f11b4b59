package org.braindyn.dyn.neurons;

/**
 * The adaptation parameters of the adaptive integrate-and-fire models (AdExIF, AdQuaIF):
 * {@code τ_w dw/dt = a (V − V_rest) − w} and {@code w ← w + b} at each spike; w starts at 0.
 *
 * @param <B> the concrete builder
 */
public abstract class AdaptiveBuilder<B extends AdaptiveBuilder<B>> extends IfBuilder<B> {
    Object a, b, tauW, wInit;

    AdaptiveBuilder(int size, double tauRef, double a, double b, double tauW) {
        super(size, tauRef);
        this.a = a;
        this.b = b;
        this.tauW = tauW;
    }

    /** Subthreshold adaptation coupling ({@code a}). */
    public B a(Object v) { this.a = v; return self(); }

    /** Spike-triggered adaptation increment ({@code b}). */
    public B b(Object v) { this.b = v; return self(); }

    /** Adaptation time constant, ms ({@code tau_w}). */
    public B tauW(Object v) { this.tauW = v; return self(); }

    /** Initial w (default 0). */
    public B wInit(Object v) { this.wInit = v; return self(); }
}
