package org.braindyn.integrators;

import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;

/**
 * Measures an ODE method's order of convergence on the damped oscillator {@code y' = A·y},
 * {@code A = [[−½, 1], [−1, −½]]}, whose exact flow is {@code e^{−t/2}·R(−t)}: the slope of log(error at t = 2) against
 * log(dt) for dt = 0.2, 0.1, 0.05, 0.025 (float64); first-order methods use dt = 0.004 … 0.0005, where their leading
 * error term dominates (RKF12's first-order term has coefficient 1/512). Used by the tests and by
 * {@code ./braindyn check integrators}.
 */
public final class OrderCheck {
    /** The step sizes of the fit. */
    public static final double[] DTS = {0.2, 0.1, 0.05, 0.025};
    /** The step sizes for first-order methods. */
    public static final double[] DTS_FIRST_ORDER = {0.004, 0.002, 0.001, 0.0005};
    private static final double T = 2.0;

    private OrderCheck() {}

    /** The test problem as two scalar state variables. */
    public static final Derivative OSCILLATOR = (y, t, p) -> new Tensor[] {
            y[0].mul(-0.5).add(y[1]), y[0].neg().sub(y[1].mul(0.5))};

    /** The exact state at time {@code t} from (1, 0). */
    public static double[] exact(double t) { return new double[] {Math.exp(-t / 2) * Math.cos(t), -Math.exp(-t / 2) * Math.sin(t)}; }

    /** Global error at t = 2 with fixed step {@code dt}. */
    public static double error(OdeIntegrator integ, double dt) {
        Tensor[] y = {BM.scalar(1, DType.F64), BM.scalar(0, DType.F64)};
        int n = (int) Math.round(T / dt);
        OdeIntegrator stepper = integ instanceof ExpEulerIntegrator ? new ExpEulerIntegrator(integ.derivative(), dt, integ.methodName())
                : new OdeIntegrator(integ.derivative(), integ.tableau(), dt, integ.methodName());
        for (int i = 0; i < n; i++) y = stepper.step(y, i * dt);
        double[] e = exact(T);
        return Math.hypot(y[0].item() - e[0], y[1].item() - e[1]);
    }

    /** The least-squares slope of log(error) against log(dt). */
    public static double measuredOrder(Method m) {
        double[] dts = m.order() == 1 ? DTS_FIRST_ORDER : DTS;
        OdeIntegrator integ = Odeint.odeint(OSCILLATOR, m, dts[0]);
        double[] x = new double[dts.length], yv = new double[dts.length];
        for (int i = 0; i < dts.length; i++) {
            x[i] = Math.log(dts[i]);
            yv[i] = Math.log(error(integ, dts[i]));
        }
        return slope(x, yv);
    }

    static double slope(double[] x, double[] y) {
        double mx = 0, my = 0;
        for (int i = 0; i < x.length; i++) { mx += x[i]; my += y[i]; }
        mx /= x.length;
        my /= y.length;
        double sxy = 0, sxx = 0;
        for (int i = 0; i < x.length; i++) { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) * (x[i] - mx); }
        return sxy / sxx;
    }
}
