package org.braindyn.dyn.channels;

import java.util.List;
import java.util.function.Supplier;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.tensor.Tensor;

/**
 * A leak channel without gates, {@code I = g_max (E − V)}: BrainPy's {@code IL} (leakage, defaults {@code g_max 0.1
 * mS/cm², E −70 mV}) through {@link #il}, and {@code IKL} (potassium leak, {@code g_max 0.005, E −90}) through
 * {@link #ikl}.
 * <pre>{@code Leak leak = Leak.il().gMax(0.05).e(-60).build();}</pre>
 */
public final class Leak extends Channel {
    private final Object gSpec, eSpec;
    private Supplier<Tensor> gMax, e;

    private Leak(Builder b) {
        super(b.name);
        gSpec = b.gMax;
        eSpec = b.e;
    }

    /** BrainPy's {@code IL}: leakage, {@code g_max 0.1 mS/cm², E −70 mV}; named {@code IL}. */
    public static Builder il() { return new Builder("IL", 0.1, -70); }

    /** BrainPy's {@code IKL}: potassium leak, {@code g_max 0.005 mS/cm², E −90 mV}; named {@code IKL}. */
    public static Builder ikl() { return new Builder("IKL", 0.005, -90); }

    @Override public List<String> gates() { return List.of(); }

    @Override public void bind(String owner, int size) {
        gMax = ParamSpec.resolve(owner + "." + name(), "gMax", "mS/cm²", gSpec, size, ParamSpec.Rule.NON_NEGATIVE);
        e = ParamSpec.resolve(owner + "." + name(), "E", "mV", eSpec, size, ParamSpec.Rule.FINITE);
    }

    @Override public Tensor[] steadyState(Tensor v) { return new Tensor[0]; }

    @Override public Tensor[] derivative(Tensor v, Tensor[] gates) { return new Tensor[0]; }

    @Override public Tensor current(Tensor v, Tensor[] gates) { return gMax.get().astype(v.dtype()).mul(e.get().astype(v.dtype()).sub(v)); }

    /** Named parameters. */
    public static final class Builder {
        private String name;
        private Object gMax, e;

        private Builder(String name, double gMax, double e) { this.name = name; this.gMax = gMax; this.e = e; }

        /** The channel's name in the group. */
        public Builder name(String v) { this.name = v; return this; }
        /** Maximal conductance, mS/cm². */
        public Builder gMax(Object v) { this.gMax = v; return this; }
        /** Reversal potential, mV. */
        public Builder e(Object v) { this.e = v; return this; }

        public Leak build() { return new Leak(this); }
    }
}
