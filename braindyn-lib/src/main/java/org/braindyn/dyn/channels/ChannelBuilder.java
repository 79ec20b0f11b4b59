package org.braindyn.dyn.channels;

/**
 * Named parameters of a gated channel: its name in the group, {@code g_max} (mS/cm²), {@code E} (mV), the temperature
 * factor {@code φ} (or a temperature for the models that define φ = 3^{(T − 36)/10}) and the voltage shift
 * {@code V_sh} (mV); each a number or any {@link org.braindyn.dyn.ParamSpec} form.
 *
 * @param <B> the concrete builder
 */
public abstract class ChannelBuilder<B extends ChannelBuilder<B>> {
    String name;
    Object gMax, e, phi = 1.0, vSh;

    ChannelBuilder(String name, double gMax, double e, double vSh) {
        this.name = name;
        this.gMax = gMax;
        this.e = e;
        this.vSh = vSh;
    }

    @SuppressWarnings("unchecked")
    private B self() { return (B) this; }

    /** The channel's name in the group (prefix of its gate variables). */
    public B name(String v) { this.name = v; return self(); }
    /** Maximal conductance density, mS/cm². */
    public B gMax(Object v) { this.gMax = v; return self(); }
    /** Reversal potential, mV. */
    public B e(Object v) { this.e = v; return self(); }
    /** Temperature factor φ multiplying the gate rates (default 1). */
    public B phi(Object v) { this.phi = v; return self(); }
    /** Temperature in °C: φ = 3^{(T − 36)/10} (Bazhenov et al. 2002's convention). */
    public B temperature(double celsius) { this.phi = Math.pow(3, (celsius - 36) / 10); return self(); }
    /** Shift of the rate functions along V, mV. */
    public B vSh(Object v) { this.vSh = v; return self(); }
}
