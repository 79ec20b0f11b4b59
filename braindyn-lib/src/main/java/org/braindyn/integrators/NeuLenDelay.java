package org.braindyn.integrators;

import org.braindyn.tensor.Tensor;

/** A {@link LengthDelay} of a derivative, for neutral equations stepped in whole steps (BrainPy's {@code bm.NeuLenDelay}). */
public final class NeuLenDelay extends LengthDelay {
    /** See {@link LengthDelay#LengthDelay(Tensor, int)}. */
    public NeuLenDelay(Tensor target, int delayLen) { super(target, delayLen); }
}
