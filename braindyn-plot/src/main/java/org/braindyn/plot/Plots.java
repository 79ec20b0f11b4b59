package org.braindyn.plot;

import java.io.IOException;
import java.nio.file.Path;
import org.braindyn.tensor.Tensor;

/**
 * One-call figures of simulation results (BrainPy's {@code bp.visualize.raster_plot} and {@code line_plot}), written
 * as PNG or SVG according to the file extension. For more control (several populations, axis labels, phase
 * portraits, training curves) use {@link RasterFigure} and {@link LineFigure}, which these calls build.
 * <pre>{@code
 * Plots.raster(runner.ts(), runner.mon("E.spike"), Path.of("raster.png"), "E spikes");
 * Plots.line(runner.ts(), runner.mon("E.V"), new int[] {0, 1, 2}, Path.of("v.svg"), "membrane potential", "V (mV)", true);
 * }</pre>
 */
public final class Plots {
    private Plots() {}

    /** A dot per spike: times on x (ms), neuron index on y; {@code spikes} is {@code (T, N)} (bool or 0/1). */
    public static void raster(Tensor ts, Tensor spikes, Path file, String title) throws IOException {
        RasterFigure.titled(title).population("spikes", ts, spikes, 0).save(file);
    }

    /** A dot per spike event given as parallel arrays of times (ms) and neuron indices. */
    public static void raster(double[] t, double[] n, Path file, String title) throws IOException {
        RasterFigure.titled(title).population("spikes", t, n).save(file);
    }

    /**
     * Traces of the selected columns of {@code values} ({@code (T, N)} or {@code (T,)}) against time in ms; series are
     * named {@code "neuron i"}. For another x axis or other names use {@link LineFigure}.
     */
    public static void line(Tensor ts, Tensor values, int[] plotIds, Path file, String title, String yLabel, boolean legend) throws IOException {
        lineFigure(ts, values, plotIds, title, yLabel, legend).save(file);
    }

    static LineFigure lineFigure(Tensor ts, Tensor values, int[] plotIds, String title, String yLabel, boolean legend) {
        Tensor v = values.ndim() == 1 ? values.reshape(-1, 1) : values;
        if (v.ndim() != 2 || v.dim(0) != ts.size())
            throw new IllegalArgumentException("Plots.line: values must be (T,) or (T, N) with T = " + ts.size() + "; got " + values.shape());
        int[] ids = plotIds == null || plotIds.length == 0 ? new int[] {0} : plotIds;
        LineFigure f = LineFigure.titled(title).xLabel("time (ms)").yLabel(yLabel).legend(legend);
        for (int id : ids) {
            if (id < 0 || id >= v.dim(1)) throw new IllegalArgumentException("Plots.line: plot id " + id + " is outside 0 … " + (v.dim(1) - 1));
            f.series("neuron " + id, ts.reshape(-1), v.get(":, " + id).reshape(-1));
        }
        return f;
    }
}
