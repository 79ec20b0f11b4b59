package org.braindyn.examples;

import static org.braindyn.tensor.BM.*;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.braindyn.datasets.ChaoticSeries;
import org.braindyn.integrators.Derivative;
import org.braindyn.integrators.IntegratorRunner;
import org.braindyn.integrators.Method;
import org.braindyn.integrators.Odeint;
import org.braindyn.integrators.SdeMethod;
import org.braindyn.integrators.Sdeint;
import org.braindyn.io.Npz;
import org.braindyn.random.RandomState;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;

/**
 * Integrators at work: the FitzHugh–Nagumo oscillator with RK4 (BrainPy's E3 setup: a = 0.7, b = 0.8, τ = 12.5,
 * I = 1, dt = 0.01 ms, 100 ms), a stochastic version with Milstein, and the Lorenz attractor; traces are written to
 * an {@code .npz}.
 */
public final class IntegratorsTour implements Example {
    @Override public String name() { return "integrators"; }

    @Override public String description() { return "ODE/SDE integrators: FitzHugh-Nagumo (RK4, Milstein) and the Lorenz attractor"; }

    @Override public void run(PrintStream log, Path out, RunOptions options) throws Exception {
        Derivative fhn = (y, t, p) -> new Tensor[] {
                y[0].sub(y[0].pow(3).div(3)).sub(y[1]).add(p[0]), y[0].add(0.7).sub(y[1].mul(0.8)).div(12.5)};
        Tensor[] init = {scalar(0.0, DType.F64), scalar(0.0, DType.F64)};
        IntegratorRunner.Traces tr = new IntegratorRunner(Odeint.odeint(fhn, Method.RK4, 0.01), new String[] {"V", "w"})
                .inputs(t -> new Tensor[] {scalar(1.0, DType.F64)}).run(init, 0, 100);
        Tensor v = tr.get("V");
        int crossings = 0;
        double[] vv = v.toDoubleArray();
        for (int i = 1; i < vv.length; i++) if (vv[i - 1] < 1 && vv[i] >= 1) crossings++;
        log.printf("  FitzHugh–Nagumo, RK4, dt 0.01: %d steps, V in [%.3f, %.3f], %d oscillation peaks in t ∈ [0, 100]%n",
                vv.length, min(v).item(), max(v).item(), crossings);
        var sde = Sdeint.sdeint(fhn, (y, t, p) -> new Tensor[] {onesLike(y[0]).mul(0.1), zerosLike(y[1])},
                SdeMethod.MILSTEIN, Sdeint.IntgType.ITO, Sdeint.WienerType.SCALAR, 0.01, new RandomState(1));
        Tensor[] y = init;
        for (int i = 0; i < 10_000; i++) y = sde.step(y, i * 0.01, scalar(1.0, DType.F64));
        log.printf("  noisy FitzHugh–Nagumo (Milstein, σ = 0.1): V(t = 100) = %.3f%n", y[0].item());
        ChaoticSeries.Series lorenz = ChaoticSeries.lorenz(50, 0.01);
        log.printf("  Lorenz attractor (RK4, 5000 steps): x in [%.2f, %.2f], z in [%.2f, %.2f]%n",
                min(lorenz.get("x")).item(), max(lorenz.get("x")).item(), min(lorenz.get("z")).item(), max(lorenz.get("z")).item());
        Map<String, Tensor> arrays = new LinkedHashMap<>();
        arrays.put("fhn_ts", tr.ts());
        arrays.put("fhn_V", v);
        arrays.put("lorenz_x", lorenz.get("x"));
        arrays.put("lorenz_z", lorenz.get("z"));
        Path p = out.resolve("integrators.npz");
        Npz.write(p, arrays);
        Path fig = out.resolve("fhn_v.png"), phase = out.resolve("fhn_phase.png");
        org.braindyn.plot.LineFigure.titled("FitzHugh–Nagumo, RK4 (dt 0.01), I = 1").xLabel("t (dimensionless time)").yLabel("V (dimensionless)")
                .series("V (RK4)", tr.ts(), v).save(fig);
        org.braindyn.plot.LineFigure.titled("FitzHugh–Nagumo phase portrait, I = 1").xLabel("V (dimensionless)").yLabel("w (dimensionless)")
                .series("trajectory from (0, 0)", v, tr.get("w")).points("start", new double[] {0}, new double[] {0}).save(phase);
        log.println("  wrote " + p + ", " + fig + " and " + phase);
    }
}
