package org.braindyn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.braindyn.dyn.DSRunner;
import org.braindyn.dyn.NeuronGroup;
import org.braindyn.dyn.neurons.Catalogue;
import org.braindyn.plot.LineFigure;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./braindyn neuron MODEL [--set NAME=VALUE …] [--method M] [--dt D] [--duration MS] (--current I | --fi I1,I2,…)
 * [--json] [--plot FILE.png]}: one neuron per current of a catalogue model; spike count, rate, first-spike latency,
 * an f–I curve for {@code --fi}. {@code --list [--json]} lists the models with their parameters, defaults and units.
 */
@Command(name = "neuron", mixinStandardHelpOptions = true, description = "Simulate single neurons of the model catalogue: spikes, rate, latency, f–I curves.")
final class NeuronCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "MODEL", description = "Model name (see --list).")
    String model;

    @Option(names = "--list", description = "List the models with their parameters, defaults and units.")
    boolean list;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Set a parameter (repeatable), e.g. --set a=0.1.")
    Map<String, Double> set = new LinkedHashMap<>();

    @Option(names = "--method", description = "Integration method (BrainPy name: exp_auto, euler, rk2, rk4, …).")
    String method;

    @Option(names = "--dt", description = "Time step in ms (default ${DEFAULT-VALUE}).", defaultValue = "0.1")
    double dt;

    @Option(names = "--duration", description = "Simulated time in ms (default ${DEFAULT-VALUE}).", defaultValue = "1000")
    double duration;

    @Option(names = "--current", description = "Input current of one neuron (the model's units).")
    Double current;

    @Option(names = "--fi", split = ",", paramLabel = "I1,I2,…", description = "Input currents, one neuron each: prints the f–I curve.")
    List<Double> fi;

    @Option(names = "--json", description = "One JSON line per neuron (with --list: per model).")
    boolean json;

    @Option(names = "--plot", description = "Write a figure: V trace (--current) or f–I curve (--fi), .png or .svg.")
    Path plot;

    private static String num(double v) {
        return Double.isFinite(v) ? new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g", v)).stripTrailingZeros().toPlainString() : "null";
    }

    @Override public Integer call() throws Exception {
        if (list) { list(); return 0; }
        if (model == null) { System.err.println("braindyn neuron: name a model; known: " + names()); return 2; }
        var m = Catalogue.find(model);
        if (m.isEmpty()) { System.err.println("braindyn neuron: unknown model '" + model + "'; known: " + names()); return 2; }
        if ((current == null) == (fi == null)) { System.err.println("braindyn neuron: give exactly one of --current I or --fi I1,I2,…"); return 2; }
        if (!(dt > 0) || !Double.isFinite(dt) || !(duration >= dt) || !Double.isFinite(duration)) {
            System.err.println("braindyn neuron: invalid --dt " + dt + " / --duration " + duration + "; allowed: 0 < dt <= duration, both finite (ms)");
            return 2;
        }
        List<Double> currents = current != null ? List.of(current) : fi;
        for (double c : currents) if (!Double.isFinite(c)) { System.err.println("braindyn neuron: invalid current " + c + "; allowed: finite numbers"); return 2; }
        NeuronGroup g;
        try {
            g = m.get().build(currents.size(), set, method);
        } catch (IllegalArgumentException e) {
            System.err.println("braindyn neuron: " + e.getMessage());
            return 2;
        }
        double[] cs = currents.stream().mapToDouble(Double::doubleValue).toArray();
        List<Tensor> trace = new ArrayList<>();
        DSRunner r = new DSRunner(g, List.of("spike"), dt).input("input", BM.array(cs).astype(g.input.dtype()), false, DSRunner.Op.ADD).progress(null);
        if (current != null) r.monitor("V", () -> m.get().potential(g));
        r.run(duration);
        Tensor sp = r.mon("spike").astype(DType.F64);
        double[] rates = new double[cs.length];
        for (int k = 0; k < cs.length; k++) {
            int count = 0;
            double first = Double.NaN;
            for (int s = 0; s < sp.dim(0); s++) if (sp.getDouble(s, k) > 0) { if (count == 0) first = (s + 1) * dt; count++; }
            rates[k] = count / (duration / 1000);
            if (json) System.out.printf(Locale.ROOT, "{\"model\":\"%s\",\"current\":%s,\"spikes\":%d,\"rate_hz\":%s,\"first_spike_ms\":%s}%n",
                    m.get().name(), num(cs[k]), count, num(rates[k]), num(first));
            else System.out.printf(Locale.ROOT, "%s, I = %s: %d spikes in %s ms (%.2f Hz), first at %s ms%n", m.get().name(), num(cs[k]), count, num(duration),
                    rates[k], Double.isNaN(first) ? "—" : num(first));
        }
        if (plot != null) {
            if (current != null)
                LineFigure.titled(m.get().name() + " neuron, I = " + num(current)).xLabel("time (ms)").yLabel("V (mV)")
                        .series("V", r.ts().astype(DType.F64), r.mon("V").reshape(-1).astype(DType.F64)).save(plot);
            else
                LineFigure.titled(m.get().name() + " f–I curve (" + num(duration) + " ms per current)").xLabel("input current").yLabel("firing rate (Hz)")
                        .series("rate", cs, rates).points("measured", cs, rates).save(plot);
            if (!json) System.out.println("wrote " + plot);
        }
        return 0;
    }

    private static String names() { return String.join(", ", Catalogue.all().stream().map(Catalogue.Model::name).toList()); }

    private void list() {
        for (Catalogue.Model m : Catalogue.all()) {
            if (json) {
                StringBuilder sb = new StringBuilder("{\"model\":\"" + m.name() + "\",\"parameters\":{");
                for (int i = 0; i < m.parameters().size(); i++) {
                    var p = m.parameters().get(i);
                    sb.append(i == 0 ? "" : ",").append('"').append(p.name()).append("\":{\"default\":").append(num(p.defaultValue())).append(",\"unit\":\"").append(p.unit()).append("\"}");
                }
                System.out.println(sb.append("}}"));
            } else {
                System.out.println(m.name() + " — " + m.description());
                for (var p : m.parameters()) System.out.printf(Locale.ROOT, "    %-8s %10s %s%n", p.name(), num(p.defaultValue()), p.unit());
            }
        }
    }
}
