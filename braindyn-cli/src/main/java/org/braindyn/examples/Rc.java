package org.braindyn.examples;

import static org.braindyn.tensor.BM.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.braindyn.datasets.ChaoticSeries;
import org.braindyn.plot.LineFigure;
import org.braindyn.plot.PanelFigure;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;

/** What the reservoir-computing examples share: Lorenz data as (time, 3), sequence windows, errors, figures, JSON. */
final class Rc {
    private Rc() {}

    /** Lorenz x, y, z as one {@code (T, 3)} float64 tensor. */
    static Tensor xyz(ChaoticSeries.Series s) { return concatenate(1, s.get("x"), s.get("y"), s.get("z")).astype(DType.F64); }

    /** Rows {@code [a, b)} of a {@code (T, F)} series as one sequence {@code (1, b − a, F)}. */
    static Tensor window(Tensor series, int a, int b) { return series.get(a + ":" + b).reshape(1, b - a, series.dim(1)); }

    /** Mean squared error over every element. */
    static double mse(Tensor a, Tensor b) { return mean(square(a.astype(DType.F64).sub(b.astype(DType.F64)))).item(); }

    /** Stacked panels of truth against prediction, one per column of {@code (1, T, F)} sequences. */
    static void truthVsPrediction(Path png, String title, String[] names, double t0, double dt, String timeUnit, Tensor truth, Tensor pred) throws IOException {
        int steps = truth.dim(1), feats = truth.dim(2);
        double[] ts = new double[steps];
        for (int i = 0; i < steps; i++) ts[i] = t0 + i * dt;
        LineFigure[] panels = new LineFigure[feats];
        Tensor tr = truth.reshape(steps, feats).astype(DType.F64), pr = pred.reshape(steps, feats).astype(DType.F64);
        for (int f = 0; f < feats; f++) {
            panels[f] = LineFigure.titled(f == 0 ? title : "").xLabel("time (" + timeUnit + ")").yLabel(names[f]).size(900, 260)
                    .series("truth", ts, tr.get(":, " + f).contiguous().toDoubleArray())
                    .series("prediction", ts, pr.get(":, " + f).contiguous().toDoubleArray());
        }
        PanelFigure.of(panels).save(png);
    }

    /** One JSON object with the given fields in order (numbers via {@link AnalysisJson#num}). */
    static String json(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        StringBuilder sb = new StringBuilder("{");
        for (var e : m.entrySet()) {
            if (sb.length() > 1) sb.append(',');
            sb.append('"').append(e.getKey()).append("\":");
            Object v = e.getValue();
            if (v instanceof Number n) sb.append(v instanceof Integer || v instanceof Long ? String.valueOf(n) : AnalysisJson.num(n.doubleValue()));
            else sb.append('"').append(v).append('"');
        }
        return sb.append('}').toString();
    }
}
