package org.braindyn.surrogate;

import org.braindyn.autodiff.Autodiff;
import org.braindyn.tensor.Tensor;

/**
 * A spike function for gradient training: the forward pass is the Heaviside step {@code H(x) = 1 if x ≥ 0 else 0}
 * (exactly, in the input's float dtype), the backward pass multiplies the incoming cotangent by a smooth surrogate
 * derivative {@link #grad(Tensor)} instead of the Dirac delta. Subclasses give the surrogate; their Javadoc states
 * its formula and defaults (those of BrainPy's {@code bm.surrogate}).
 * <pre>{@code
 * Surrogate spk = new ReluGrad();                    // alpha 0.3, width 1
 * Tensor spike = spk.apply(v.sub(vTh).div(vTh - vReset));
 * }</pre>
 */
public abstract class Surrogate {
    private final Autodiff.Fn spike = Autodiff.customVjp(
            a -> a[0].ge(0).astype(a[0].dtype()),
            (in, out, g) -> new Tensor[] {g.mul(grad(in[0]))});

    /** Heaviside forward, surrogate backward. Integer input is converted to the default float first. */
    public final Tensor apply(Tensor x) {
        Tensor f = x.dtype().isFloating() ? x : x.astype(org.braindyn.tensor.Config.defaultFloat());
        return spike.apply(f);
    }

    /** The surrogate derivative {@code g'(x)}, elementwise, composed of primitives (so itself differentiable). */
    public abstract Tensor grad(Tensor x);

    /** The normal density {@code N(x; mu, sd²)}, for Gaussian-shaped surrogates. */
    protected static Tensor gaussian(Tensor x, double mu, double sd) {
        return org.braindyn.tensor.BM.exp(x.sub(mu).square().div(-2 * sd * sd)).div(Math.sqrt(2 * Math.PI) * sd);
    }

    @Override public String toString() { return getClass().getSimpleName() + "()"; }
}
