package org.braindyn.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line figure: named series of (x, y) points, axis labels with units, a title and a legend (shown when there is
 * more than one series, or when asked). Traces against time, training curves and phase portraits alike:
 * <pre>{@code
 * LineFigure.titled("FitzHugh–Nagumo phase portrait").xLabel("v (dimensionless)").yLabel("w (dimensionless)")
 *         .series("trajectory", v, w).save(Path.of("fhn_phase.png"));
 * }</pre>
 */
public final class LineFigure {
    private record Series(String name, double[] x, double[] y, boolean markers) {}

    private final String title;
    private String xLabel = "x", yLabel = "y";
    private Boolean legend;
    private int width = 1000, height = 560;
    private double[] xRange, yRange;
    private final List<Series> series = new ArrayList<>();

    private LineFigure(String title) { this.title = title; }

    /** A new figure with this title. */
    public static LineFigure titled(String title) { return new LineFigure(title); }

    /** The x-axis label, with its unit (e.g. {@code "time (ms)"}). */
    public LineFigure xLabel(String label) { this.xLabel = label; return this; }

    /** The y-axis label, with its unit (e.g. {@code "V (mV)"}). */
    public LineFigure yLabel(String label) { this.yLabel = label; return this; }

    /** Shows or hides the legend (default: shown when there are two or more series). */
    public LineFigure legend(boolean on) { this.legend = on; return this; }

    /** Fixes the x-axis range (default: fitted to the data). */
    public LineFigure xRange(double lo, double hi) { xRange = range("x", lo, hi); return this; }

    /** Fixes the y-axis range (default: fitted to the data), e.g. to show values that are all but zero as zero. */
    public LineFigure yRange(double lo, double hi) { yRange = range("y", lo, hi); return this; }

    private double[] range(String axis, double lo, double hi) {
        if (!(lo < hi)) throw new IllegalArgumentException("LineFigure '" + title + "': " + axis + " range [" + lo + ", " + hi + "] is empty; expected lo < hi");
        return new double[] {lo, hi};
    }

    /** The figure's size in pixels (default 1000 × 560). */
    public LineFigure size(int width, int height) {
        if (width < 200 || height < 150) throw new IllegalArgumentException("LineFigure.size: at least 200 × 150 pixels; got " + width + " × " + height);
        this.width = width;
        this.height = height;
        return this;
    }

    /** A line named {@code name} through the points {@code (x[i], y[i])}. */
    public LineFigure series(String name, double[] x, double[] y) { return add(name, x, y, false); }

    /** As {@link #series(String, double[], double[])} from 1-D tensors. */
    public LineFigure series(String name, Tensor x, Tensor y) { return add(name, doubles(x, "x"), doubles(y, "y"), false); }

    /** Points drawn as markers only (e.g. fixed points, measured values). */
    public LineFigure points(String name, double[] x, double[] y) { return add(name, x, y, true); }

    private LineFigure add(String name, double[] x, double[] y, boolean markers) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("LineFigure '" + title + "': every series needs a name for the legend");
        if (x.length != y.length)
            throw new IllegalArgumentException("LineFigure '" + title + "': series '" + name + "' has " + x.length + " x values and " + y.length + " y values; expected equal lengths");
        if (x.length == 0) throw new IllegalArgumentException("LineFigure '" + title + "': series '" + name + "' is empty");
        for (Series s : series) if (s.name.equals(name)) throw new IllegalArgumentException("LineFigure '" + title + "': two series named '" + name + "'");
        series.add(new Series(name, x.clone(), y.clone(), markers));
        return this;
    }

    private static double[] doubles(Tensor t, String what) {
        if (t.ndim() != 1) throw new IllegalArgumentException("LineFigure: " + what + " must be 1-D; got shape " + t.shape());
        return t.astype(DType.F64).toDoubleArray();
    }

    /** The chart as XChart builds it (for tests and further styling). */
    XYChart chart() {
        if (series.isEmpty()) throw new IllegalStateException("LineFigure '" + title + "': no series to draw; add one with series(name, x, y)");
        XYChart c = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        FigureStyle.apply(c, legend != null ? legend : series.size() > 1);
        double xmin = Double.POSITIVE_INFINITY, xmax = Double.NEGATIVE_INFINITY, ymin = xmin, ymax = xmax;
        int i = 0;
        for (Series s : series) {
            XYSeries xs = c.addSeries(s.name, s.x, s.y);
            xs.setXYSeriesRenderStyle(s.markers ? XYSeries.XYSeriesRenderStyle.Scatter : XYSeries.XYSeriesRenderStyle.Line);
            xs.setMarker(s.markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            xs.setLineColor(FigureStyle.color(i));
            xs.setMarkerColor(FigureStyle.color(i++));
            xmin = Math.min(xmin, FigureStyle.min(s.x));
            xmax = Math.max(xmax, FigureStyle.max(s.x));
            ymin = Math.min(ymin, FigureStyle.min(s.y));
            ymax = Math.max(ymax, FigureStyle.max(s.y));
        }
        if (xRange != null) { c.getStyler().setXAxisMin(xRange[0]).setXAxisMax(xRange[1]); xmin = xRange[0]; xmax = xRange[1]; }
        if (yRange != null) { c.getStyler().setYAxisMin(yRange[0]).setYAxisMax(yRange[1]); ymin = yRange[0]; ymax = yRange[1]; }
        FigureStyle.ticks(c, xmin, xmax, ymin, ymax);
        FigureStyle.regularXTicks(c, series.get(0).x, series.get(0).y);
        return c;
    }

    /** Writes the figure as PNG or SVG, by the file's extension. */
    public void save(Path file) throws IOException { FigureStyle.save(chart(), file); }
}
