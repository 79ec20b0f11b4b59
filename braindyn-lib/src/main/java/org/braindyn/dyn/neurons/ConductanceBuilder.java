package org.braindyn.dyn.neurons;

/**
 * The parameters Hodgkin–Huxley-type models share (HH, Wang–Buzsáki): reversal potentials and maximal conductances
 * of the sodium, potassium and leak currents, the membrane capacitance, the spike detection threshold and the
 * initial potential; each model passes its own defaults.
 *
 * @param <B> the concrete builder
 */
public abstract class ConductanceBuilder<B extends ConductanceBuilder<B>> extends NeuronBuilder<B> {
    Object eNa, gNa, eK, gK, eL, gL, c = 1.0, vTh = 20.0, vInit;

    ConductanceBuilder(int size, double eNa, double gNa, double eK, double gK, double eL, double gL, Object vInit) {
        super(size);
        this.eNa = eNa; this.gNa = gNa; this.eK = eK; this.gK = gK; this.eL = eL; this.gL = gL; this.vInit = vInit;
    }

    /** Sodium reversal potential, mV ({@code ENa}). */
    public B eNa(Object v) { this.eNa = v; return self(); }
    /** Maximal sodium conductance, mS/cm² ({@code gNa}). */
    public B gNa(Object v) { this.gNa = v; return self(); }
    /** Potassium reversal potential, mV ({@code EK}). */
    public B eK(Object v) { this.eK = v; return self(); }
    /** Maximal potassium conductance, mS/cm² ({@code gK}). */
    public B gK(Object v) { this.gK = v; return self(); }
    /** Leak reversal potential, mV ({@code EL}). */
    public B eL(Object v) { this.eL = v; return self(); }
    /** Leak conductance, mS/cm² ({@code gL}). */
    public B gL(Object v) { this.gL = v; return self(); }
    /** Membrane capacitance, µF/cm² ({@code C}, default 1). */
    public B c(Object v) { this.c = v; return self(); }
    /** Spike detection threshold, mV ({@code V_th}, default 20). */
    public B vTh(Object v) { this.vTh = v; return self(); }
    /** Initial V, mV (number, values or initializer). */
    public B vInit(Object v) { this.vInit = v; return self(); }
}
