package org.braindyn.dyn.rates;

import java.util.List;
import java.util.function.Supplier;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.integrators.Derivative;
import org.braindyn.tensor.Tensor;

/**
 * Stuart–Landau oscillators (the Hopf normal form; BrainPy's {@code bp.dyn.rates.StuartLandauOscillator}):
 * <pre>
 *   dx/dt = (a − x² − y²) x − w y + x_ext
 *   dy/dt = (a − x² − y²) y + w x + y_ext
 * </pre>
 * For {@code a > 0} the origin is an unstable focus and every trajectory approaches the circle of radius √a,
 * travelled at angular speed w. BrainPy's defaults: {@code a 0.25, w 0.2}; x and y start at 0.5 and 0;
 * {@code exp_auto}.
 */
public final class StuartLandau extends RateGroup {
    private final Supplier<Tensor> a, w;

    private StuartLandau(Builder b) {
        super(b.name, b.size, b.method, b.xInit, b.yInit);
        a = param("a", "", b.a, ParamSpec.Rule.FINITE);
        w = param("w", "", b.w, ParamSpec.Rule.FINITE);
    }

    /** A builder with BrainPy's defaults for {@code size} oscillators. */
    public static Builder builder(int size) { return new Builder(size); }

    @Override Derivative derivative() {
        return (v, t, p) -> {
            Tensor x = v[0], y = v[1], g = a.get().sub(x.mul(x)).sub(y.mul(y));
            return new Tensor[] {g.mul(x).sub(w.get().mul(y)).add(p[0]), g.mul(y).add(w.get().mul(x)).add(p[1])};
        };
    }

    @Override List<Supplier<Tensor>> parameters() { return List.of(a, w); }

    /** Named parameters with BrainPy's defaults; each a number or any {@link ParamSpec} form. */
    public static final class Builder {
        private final int size;
        private String name, method = "exp_auto";
        private Object a = 0.25, w = 0.2, xInit = 0.5, yInit = 0.0;

        private Builder(int size) { this.size = size; }

        /** A unique name within the network (default automatic). */
        public Builder name(String name) { this.name = name; return this; }
        /** Integration method by BrainPy name ({@code exp_auto} default, {@code rk4}, …). */
        public Builder method(String method) { this.method = method; return this; }
        /** Bifurcation parameter (default 0.25; the cycle's radius is √a). */
        public Builder a(Object v) { this.a = v; return this; }
        /** Angular frequency (default 0.2). */
        public Builder w(Object v) { this.w = v; return this; }
        /** Initial x and y (default 0.5 and 0). */
        public Builder init(Object x0, Object y0) { this.xInit = x0; this.yInit = y0; return this; }

        /** Validates every parameter. */
        public StuartLandau build() { return new StuartLandau(this); }
    }
}
