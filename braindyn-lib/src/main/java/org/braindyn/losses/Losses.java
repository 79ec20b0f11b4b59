package org.braindyn.losses;

import static org.braindyn.tensor.BM.*;

import org.braindyn.tensor.Tensor;

/** Losses (BrainPy's {@code bp.losses}); each checks that predictions and targets have the same shape. */
public final class Losses {
    private Losses() {}

    /** {@code mean((pred − target)²)} over every element (BrainPy's {@code mean_squared_error}). */
    public static Tensor meanSquaredError(Tensor pred, Tensor target) {
        same("meanSquaredError", pred, target);
        return mean(square(pred.sub(target.astype(pred.dtype()))));
    }

    /** {@code mean(|pred − target|)} (BrainPy's {@code mean_absolute_error}). */
    public static Tensor meanAbsoluteError(Tensor pred, Tensor target) {
        same("meanAbsoluteError", pred, target);
        return mean(abs(pred.sub(target.astype(pred.dtype()))));
    }

    private static void same(String who, Tensor a, Tensor b) {
        if (!a.shape().equals(b.shape()))
            throw new IllegalArgumentException("Losses." + who + ": predictions have shape " + a.shape() + " but targets have " + b.shape() + "; expected the same shape");
    }
}
