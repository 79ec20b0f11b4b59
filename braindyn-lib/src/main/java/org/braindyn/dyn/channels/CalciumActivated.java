package org.braindyn.dyn.channels;

import java.util.function.Supplier;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.tensor.Tensor;

/**
 * What the one-gate calcium-activated channels ({@link IAhp}, {@link ICaN}) share: they carry no calcium, and take a
 * maximal conductance {@code g_max} (mS/cm²), their own reversal potential {@code E} (mV) and a temperature factor
 * {@code φ}, each a number or any {@link ParamSpec} form, resolved when the group binds them.
 */
abstract class CalciumActivated extends CalciumChannel {
    private final Object gSpec, eSpec, phiSpec;
    Supplier<Tensor> gMax, e, phi;

    CalciumActivated(String name, Object gMax, Object e, Object phi) {
        super(name);
        gSpec = gMax;
        eSpec = e;
        phiSpec = phi;
    }

    @Override public final boolean carriesCalcium() { return false; }

    @Override public final void bind(String owner, int size) {
        String who = owner + "." + name();
        gMax = ParamSpec.resolve(who, "gMax", "mS/cm²", gSpec, size, ParamSpec.Rule.NON_NEGATIVE);
        e = ParamSpec.resolve(who, "E", "mV", eSpec, size, ParamSpec.Rule.FINITE);
        phi = ParamSpec.resolve(who, "phi", "", phiSpec, size, ParamSpec.Rule.POSITIVE);
        bindRates(who, size);
    }

    /** Resolves the channel's further parameters ({@code who}: owner and channel, for messages); none by default. */
    void bindRates(String who, int size) {}
}
