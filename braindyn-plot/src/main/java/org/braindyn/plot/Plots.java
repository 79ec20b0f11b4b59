package org.braindyn.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Figures of simulation results (BrainPy's {@code bp.visualize.raster_plot} and {@code line_plot}), written as PNG
 * or SVG according to the file extension.
 * <pre>{@code
 * Plots.raster(runner.ts(), runner.mon("E.spike"), Path.of("raster.png"), "E spikes");
 * Plots.line(runner.ts(), runner.mon("E.V"), new int[] {0, 1, 2}, Path.of("v.svg"), "membrane potential", "V (mV)", true);
 * }</pre>
 */
public final class Plots {
    private Plots() {}

    /** A dot per spike: times on x (ms), neuron index on y; {@code spikes} is {@code (T, N)} (bool or 0/1). */
    public static void raster(Tensor ts, Tensor spikes, Path file, String title) throws IOException {
        if (spikes.ndim() != 2 || spikes.dim(0) != ts.size())
            throw new IllegalArgumentException("Plots.raster: spikes must be (T, N) with T = " + ts.size() + " times; got " + spikes.shape());
        Tensor[] nz = BM.nonzero(spikes.astype(DType.BOOL));
        raster(BM.take(ts.astype(DType.F64), nz[0], 0).toDoubleArray(), nz[1].astype(DType.F64).toDoubleArray(), file, title);
    }

    /** A dot per spike event given as parallel arrays of times (ms) and neuron indices. */
    public static void raster(double[] t, double[] n, Path file, String title) throws IOException {
        if (t.length != n.length) throw new IllegalArgumentException("Plots.raster: " + t.length + " times for " + n.length + " neuron indices");
        XYChart c = new XYChartBuilder().width(1000).height(600).title(title).xAxisTitle("time (ms)").yAxisTitle("neuron index").build();
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        c.getStyler().setMarkerSize(2);
        c.getStyler().setLegendVisible(false);
        XYSeries s = c.addSeries("spikes", t.length == 0 ? new double[] {0} : t, n.length == 0 ? new double[] {0} : n);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(t.length == 0 ? new Color(0, 0, 0, 0) : new Color(31, 79, 191));
        save(c, file);
    }

    /** Traces of the selected columns of {@code values} ({@code (T, N)} or {@code (T,)}) against time. */
    public static void line(Tensor ts, Tensor values, int[] plotIds, Path file, String title, String yLabel, boolean legend) throws IOException {
        Tensor v = values.ndim() == 1 ? values.reshape(-1, 1) : values;
        if (v.ndim() != 2 || v.dim(0) != ts.size())
            throw new IllegalArgumentException("Plots.line: values must be (T,) or (T, N) with T = " + ts.size() + "; got " + values.shape());
        int[] ids = plotIds == null || plotIds.length == 0 ? new int[] {0} : plotIds;
        XYChart c = new XYChartBuilder().width(1000).height(500).title(title).xAxisTitle("time (ms)").yAxisTitle(yLabel).build();
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        c.getStyler().setLegendVisible(legend);
        double[] t = ts.toDoubleArray();
        for (int id : ids) {
            if (id < 0 || id >= v.dim(1)) throw new IllegalArgumentException("Plots.line: plot id " + id + " is outside 0 … " + (v.dim(1) - 1));
            XYSeries s = c.addSeries("N" + id, t, v.get(":, " + id).toDoubleArray());
            s.setMarker(SeriesMarkers.NONE);
        }
        save(c, file);
    }

    private static void save(Chart<?, ?> chart, Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        if (abs.getParent() != null) Files.createDirectories(abs.getParent());
        String name = abs.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) BitmapEncoder.saveBitmap(chart, abs.toString(), BitmapEncoder.BitmapFormat.PNG);
        else if (name.endsWith(".svg")) VectorGraphicsEncoder.saveVectorGraphic(chart, abs.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        else throw new IllegalArgumentException("Plots: unknown figure format for '" + file + "'; use .png or .svg");
    }
}
