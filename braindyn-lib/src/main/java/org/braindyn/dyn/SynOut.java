package org.braindyn.dyn;

import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * How a synaptic conductance {@code g} becomes a postsynaptic current given the membrane potential {@code V}
 * (BrainPy's {@code bp.dyn.CUBA}, {@code COBA}, {@code MgBlock}).
 */
@FunctionalInterface
public interface SynOut {
    /** The current for conductance {@code g} at potential {@code v}. */
    Tensor current(Tensor g, Tensor v);

    /** Current-based: {@code I = g}. */
    static SynOut cuba() { return (g, v) -> g; }

    /** Conductance-based: {@code I = g·(E − V)}, reversal potential {@code e} in mV. */
    static SynOut coba(double e) { return (g, v) -> g.mul(BM.subtract(e, v)); }

    /** NMDA magnesium block: {@code I = g·(E − V)/(1 + [Mg]/β·e^{−α·V})}, BrainPy defaults E 0, [Mg] 1.2 mM, α 0.062, β 3.57. */
    static SynOut mgBlock(double e, double mg, double alpha, double beta) {
        return (g, v) -> g.mul(BM.subtract(e, v)).div(BM.exp(v.mul(-alpha)).mul(mg / beta).add(1));
    }
}
