package org.braindyn.integrators;

import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;

/**
 * Measures an ODE method's order of convergence on nonlinear, non-autonomous, coupled problems with known solutions
 * (a linear autonomous one cannot tell a wrong nonlinear order condition from a right one):
 * <pre>
 *   forced:   y₁' = ω cos ωt + (sin ωt + a)² − y₁²,  y₂' = 0.1·y₁·y₂,  a = ½, ω = 1
 *             ⇒ y₁ = sin t + ½,  y₂ = exp(0.1·(t/2 − cos t + 1))
 *   rational: y₁' = −2·t·y₁²,  y₂' = y₁·y₂,  y₁(0) = y₂(0) = 1  ⇒  y₁ = 1/(1 + t²),  y₂ = exp(arctan t)
 * </pre>
 * The order is the least-squares slope of log(global error at t = 2) against log(dt), float64, with the steps where each
 * class of method is in its asymptotic regime and above rounding: orders 2–4 on the forced problem with dt = 0.025 …
 * 0.003125; order 5 with dt = 0.025 … 0.00625 (smaller steps reach the 1e−14 rounding floor); first-order methods
 * on the rational problem with dt = 0.004 … 0.0005 (RKF12's first-order term has coefficient 1/512, so it needs small
 * steps, and on the forced problem its error changes sign there). The damped oscillator {@link #OSCILLATOR} stays for
 * checks that need a linear problem. Used by the tests and by {@code ./braindyn check integrators}.
 */
public final class OrderCheck {
    /** The step sizes of the fit for orders 2–4. */
    public static final double[] DTS = {0.025, 0.0125, 0.00625, 0.003125};
    /** The step sizes for fifth-order methods. */
    public static final double[] DTS_FIFTH_ORDER = {0.025, 0.0125, 0.00625};
    /** The step sizes for first-order methods. */
    public static final double[] DTS_FIRST_ORDER = {0.004, 0.002, 0.001, 0.0005};
    private static final double T = 2.0, A = 0.5;

    private OrderCheck() {}

    /** The damped oscillator {@code y' = [[−½, 1], [−1, −½]]·y} as two scalar state variables. */
    public static final Derivative OSCILLATOR = (y, t, p) -> new Tensor[] {
            y[0].mul(-0.5).add(y[1]), y[0].neg().sub(y[1].mul(0.5))};

    /** The forced nonlinear problem (orders ≥ 2). */
    public static final Derivative NONLINEAR_FORCED = (y, t, p) -> new Tensor[] {
            y[0].square().neg().add(Math.cos(t) + (Math.sin(t) + A) * (Math.sin(t) + A)), y[0].mul(y[1]).mul(0.1)};

    /** The rational nonlinear problem (first order). */
    public static final Derivative NONLINEAR_RATIONAL = (y, t, p) -> new Tensor[] {y[0].square().mul(-2 * t), y[0].mul(y[1])};

    /** Global error at t = 2 with fixed step {@code dt} on the problem used for {@code m}'s order. */
    public static double nonlinearError(Method m, double dt) {
        boolean first = m.order() == 1;
        OdeIntegrator stepper = Odeint.odeint(first ? NONLINEAR_RATIONAL : NONLINEAR_FORCED, m, dt);
        Tensor[] y = {BM.scalar(first ? 1 : A, DType.F64), BM.scalar(1, DType.F64)};
        int n = (int) Math.round(T / dt);
        for (int i = 0; i < n; i++) y = stepper.step(y, i * dt);
        double e0 = first ? 1 / (1 + T * T) : Math.sin(T) + A, e1 = first ? Math.exp(Math.atan(T)) : Math.exp(0.1 * (A * T - Math.cos(T) + 1));
        return Math.hypot(y[0].item() - e0, y[1].item() - e1);
    }

    /** The exact state of the oscillator at time {@code t} from (1, 0). */
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

    /** The least-squares slope of log(error) against log(dt) on the nonlinear problems. */
    public static double measuredOrder(Method m) {
        double[] dts = m.order() == 1 ? DTS_FIRST_ORDER : m.order() >= 5 ? DTS_FIFTH_ORDER : DTS;
        double[] x = new double[dts.length], yv = new double[dts.length];
        for (int i = 0; i < dts.length; i++) {
            x[i] = Math.log(dts[i]);
            yv[i] = Math.log(nonlinearError(m, dts[i]));
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
