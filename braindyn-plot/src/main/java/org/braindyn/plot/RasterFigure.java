package org.braindyn.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A spike raster (BrainPy's {@code raster_plot}): one dot per spike, time on x, neuron index on y, one colour per
 * population and a legend naming them.
 * <pre>{@code
 * RasterFigure.titled("COBA network, 4,000 LIF neurons")
 *         .population("E (excitatory)", eTimes, eIds).population("I (inhibitory)", iTimes, iIds)   // iIds offset by 3200
 *         .save(Path.of("raster.png"));
 * }</pre>
 */
public final class RasterFigure {
    private record Population(String name, double[] t, double[] n) {}

    private final String title;
    private String xLabel = "time (ms)", yLabel = "neuron index";
    private final List<Population> pops = new ArrayList<>();

    private RasterFigure(String title) { this.title = title; }

    /** A new raster with this title. */
    public static RasterFigure titled(String title) { return new RasterFigure(title); }

    /** The x-axis label (default {@code "time (ms)"}). */
    public RasterFigure xLabel(String label) { this.xLabel = label; return this; }

    /** The y-axis label (default {@code "neuron index"}). */
    public RasterFigure yLabel(String label) { this.yLabel = label; return this; }

    /** A population's spikes as parallel arrays of times and neuron indices (already offset to where it sits on the y axis). */
    public RasterFigure population(String name, double[] times, double[] neurons) {
        if (times.length != neurons.length)
            throw new IllegalArgumentException("RasterFigure '" + title + "': population '" + name + "' has " + times.length + " times for " + neurons.length + " neuron indices");
        pops.add(new Population(name, times.clone(), neurons.clone()));
        return this;
    }

    /** A population's spikes from a {@code (T, N)} raster (bool or 0/1) and its {@code T} times; indices start at {@code offset}. */
    public RasterFigure population(String name, Tensor ts, Tensor spikes, int offset) {
        if (spikes.ndim() != 2 || spikes.dim(0) != ts.size())
            throw new IllegalArgumentException("RasterFigure '" + title + "': population '" + name + "' spikes must be (T, N) with T = " + ts.size() + " times; got " + spikes.shape());
        Tensor[] nz = BM.nonzero(spikes.astype(DType.BOOL));
        return population(name, BM.take(ts.astype(DType.F64), nz[0], 0).toDoubleArray(), nz[1].astype(DType.F64).add(offset).toDoubleArray());
    }

    XYChart chart() {
        if (pops.isEmpty()) throw new IllegalStateException("RasterFigure '" + title + "': no population to draw; add one with population(...)");
        XYChart c = new XYChartBuilder().width(1000).height(600).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        FigureStyle.apply(c, pops.size() > 1);
        c.getStyler().setMarkerSize(pops.stream().mapToInt(p -> p.t.length).sum() > 50_000 ? 1 : 2);
        double tmin = Double.POSITIVE_INFINITY, tmax = Double.NEGATIVE_INFINITY, nmax = 0;
        for (int i = 0; i < pops.size(); i++) {
            Population p = pops.get(i);
            boolean empty = p.t.length == 0;   // an empty population still gets its legend entry
            XYSeries s = c.addSeries(p.name + (empty ? " (no spikes)" : ""), empty ? new double[] {0} : p.t, empty ? new double[] {0} : p.n);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(empty ? new java.awt.Color(0, 0, 0, 0) : FigureStyle.color(i));
            if (!empty) {
                tmin = Math.min(tmin, FigureStyle.min(p.t));
                tmax = Math.max(tmax, FigureStyle.max(p.t));
                nmax = Math.max(nmax, FigureStyle.max(p.n));
            }
        }
        if (tmin > tmax) { tmin = 0; tmax = 1; }
        FigureStyle.ticks(c, tmin, tmax, 0, Math.max(1, nmax));
        return c;
    }

    /** Writes the raster as PNG or SVG, by the file's extension. */
    public void save(Path file) throws IOException { FigureStyle.save(chart(), file); }
}
