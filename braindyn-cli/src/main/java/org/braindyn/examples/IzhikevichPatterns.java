package org.braindyn.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.braindyn.dyn.DSRunner;
import org.braindyn.dyn.neurons.Izhikevich;
import org.braindyn.plot.LineFigure;
import org.braindyn.plot.PanelFigure;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;

/**
 * The firing patterns of the Izhikevich (2003) model: one heterogeneous population of seven neurons, each with the
 * {@code (a, b, c, d)} of one cortical or thalamic cell class — regular spiking (RS), intrinsically bursting (IB),
 * chattering (CH), fast spiking (FS), low-threshold spiking (LTS), thalamo-cortical (TC) and resonator (RZ) —
 * driven by the same current step (I = 10 from 20 ms; V₀ = −65 mV, u₀ = b·V₀), integrated with {@code rk4} at
 * 0.05 ms, compiled. (From rest a step of 10 makes TC and RZ fire tonically; their distinctive rebound bursts and
 * resonance need hyperpolarising or oscillating inputs.) Per pattern it reports the spike count, the rate over the step, the ratio of the last to the first
 * interspike interval (adaptation) and the coefficient of variation of the intervals (high for bursting); the figure
 * {@code izhikevich_patterns.png} stacks the seven voltage traces. {@code --duration} sets the run (default 300 ms).
 */
public final class IzhikevichPatterns implements Example {
    /** Name, a, b, c, d (Izhikevich 2003, Fig. 2). */
    static final Object[][] PATTERNS = {
            {"RS", 0.02, 0.2, -65.0, 8.0}, {"IB", 0.02, 0.2, -55.0, 4.0}, {"CH", 0.02, 0.2, -50.0, 2.0}, {"FS", 0.1, 0.2, -65.0, 2.0},
            {"LTS", 0.02, 0.25, -65.0, 2.0}, {"TC", 0.02, 0.25, -65.0, 0.05}, {"RZ", 0.1, 0.26, -65.0, 2.0}};
    static final String[] LONG = {"regular spiking", "intrinsically bursting", "chattering", "fast spiking", "low-threshold spiking",
            "thalamo-cortical", "resonator"};

    @Override public String name() { return "izhikevich-patterns"; }

    @Override public String description() { return "The Izhikevich (2003) firing patterns: RS, IB, CH, FS, LTS, TC, RZ in one heterogeneous population"; }

    @Override public Set<String> options() { return Set.of("--json", "--duration"); }

    @Override public void run(PrintStream log, Path out, RunOptions o) throws Exception {
        double duration = o.durationMs(300), dt = 0.05, onset = 20;
        int n = PATTERNS.length, steps = (int) Math.round(duration / dt);
        double[][] p = new double[4][n];
        for (int k = 0; k < n; k++) for (int j = 0; j < 4; j++) p[j][k] = (double) PATTERNS[k][j + 1];
        Izhikevich pop = Izhikevich.builder(n).a(BM.array(p[0])).b(BM.array(p[1])).c(BM.array(p[2])).d(BM.array(p[3])).vInit(-65.0).method("rk4").build();
        float[] drive = new float[steps * n];
        for (int s = 0; s < steps; s++) if (s * dt >= onset) for (int k = 0; k < n; k++) drive[s * n + k] = 10f;
        Tensor current = Tensor.wrap(DType.F32, org.braindyn.tensor.Shape.of(steps, n), drive);
        long t0 = System.nanoTime();
        DSRunner r = new DSRunner(pop, List.of("V", "spike"), dt).input("input", current, true, DSRunner.Op.ADD).progress(null).jit(true);
        r.run(duration);
        double secs = (System.nanoTime() - t0) / 1e9;
        Tensor v = r.mon("V").astype(DType.F64), sp = r.mon("spike").astype(DType.F64);
        double[] time = new double[steps];
        for (int s = 0; s < steps; s++) time[s] = (s + 1) * dt;
        LineFigure[] panels = new LineFigure[n];
        StringBuilder json = new StringBuilder();
        for (int k = 0; k < n; k++) {
            List<Double> spikes = new ArrayList<>();
            double[] trace = new double[steps];
            for (int s = 0; s < steps; s++) {
                trace[s] = v.getDouble(s, k);
                if (sp.getDouble(s, k) > 0) { spikes.add(time[s]); trace[s] = 30; }   // draw each spike at its peak, as Izhikevich's figures do
            }
            double[] isi = new double[Math.max(0, spikes.size() - 1)];
            double m = 0, m2 = 0;
            for (int i = 0; i < isi.length; i++) { isi[i] = spikes.get(i + 1) - spikes.get(i); m += isi[i]; m2 += isi[i] * isi[i]; }
            m /= Math.max(1, isi.length);
            double cv = isi.length < 2 ? Double.NaN : Math.sqrt(Math.max(0, m2 / isi.length - m * m)) / m;
            double adaptation = isi.length >= 2 ? isi[isi.length - 1] / isi[0] : Double.NaN;
            double rate = spikes.size() / ((duration - onset) / 1000);
            String name = (String) PATTERNS[k][0];
            panels[k] = LineFigure.titled(String.format("%s (%s): a %.2f, b %.2f, c %.0f, d %.2f", name, LONG[k], p[0][k], p[1][k], p[2][k], p[3][k]))
                    .xLabel(k == n - 1 ? "time (ms)" : "").yLabel("V (mV)").legend(false).size(1400, 230).series(name, time, trace);
            String line = Rc.json("example", name(), "pattern", name, "spikes", spikes.size(), "rate_hz", rate, "adaptation", adaptation, "isi_cv", cv);
            if (o.json()) json.append(line).append('\n');
            else log.printf("  %-3s %-22s %3d spikes, %5.1f Hz, last/first interval %5.2f, CV of the intervals %4.2f%n", name, LONG[k], spikes.size(), rate,
                    adaptation, cv);
        }
        PanelFigure.of(panels).save(out.resolve("izhikevich_patterns.png"));
        if (o.json()) log.print(json);
        else log.printf("  %d neurons × %d steps (rk4, dt %.2f ms) in %.2f s; wrote %s%n", n, steps, dt, secs, out.resolve("izhikevich_patterns.png"));
    }
}
