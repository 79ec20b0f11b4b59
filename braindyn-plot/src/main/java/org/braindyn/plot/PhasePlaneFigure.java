package org.braindyn.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.braindyn.analysis.FixedPoint;
import org.braindyn.analysis.LimitCycle;
import org.braindyn.analysis.PhasePlane2D;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A phase-plane figure from {@link PhasePlane2D} results: the vector field as arrows (quiver) or streamlines, both
 * nullclines, fixed points (filled circles for stable, open circles for unstable, open diamonds for saddles, named in
 * the legend by class),
 * trajectories and limit cycles.
 * <pre>{@code
 * PhasePlaneFigure.titled("FitzHugh–Nagumo, I = 0.8").axes("V (dimensionless)", "w (dimensionless)")
 *         .vectorField(pp.vectorField(), PhasePlaneFigure.Style.STREAMLINES).nullclines(pp.nullclines())
 *         .fixedPoints(fps).trajectory("from (−2.8, −1.8)", tr).save(Path.of("fhn_phase_plane.png"));
 * }</pre>
 */
public final class PhasePlaneFigure {
    /** How the vector field is drawn (BrainPy's {@code plot_method}). */
    public enum Style { QUIVER, STREAMLINES }

    private final String title;
    private String xLabel = "x", yLabel = "y";
    private PhasePlane2D.Field field;
    private Style style = Style.QUIVER;
    private final List<PhasePlane2D.Nullcline> nullclines = new ArrayList<>();
    private final List<FixedPoint> fixedPoints = new ArrayList<>();
    private final List<Object[]> curves = new ArrayList<>();   // {name, x[], y[], isCycle}

    private PhasePlaneFigure(String title) { this.title = title; }

    public static PhasePlaneFigure titled(String title) { return new PhasePlaneFigure(title); }

    /** Axis labels with units. */
    public PhasePlaneFigure axes(String xLabel, String yLabel) { this.xLabel = xLabel; this.yLabel = yLabel; return this; }

    public PhasePlaneFigure vectorField(PhasePlane2D.Field f, Style style) { this.field = f; this.style = style; return this; }

    public PhasePlaneFigure nullclines(List<PhasePlane2D.Nullcline> ncs) { nullclines.addAll(ncs); return this; }

    public PhasePlaneFigure fixedPoints(List<FixedPoint> fps) { fixedPoints.addAll(fps); return this; }

    public PhasePlaneFigure trajectory(String name, PhasePlane2D.Trajectory tr) { curves.add(new Object[] {name, tr.x(), tr.y(), false}); return this; }

    public PhasePlaneFigure limitCycle(String name, LimitCycle lc) {
        if (lc != null) curves.add(new Object[] {name, lc.points()[0], lc.points()[1], true});
        return this;
    }

    XYChart chart() {
        XYChart c = new XYChartBuilder().width(1000).height(760).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        FigureStyle.apply(c, true);
        double xmin = Double.POSITIVE_INFINITY, xmax = Double.NEGATIVE_INFINITY, ymin = xmin, ymax = xmax;
        if (field != null) {
            xmin = field.x()[0]; xmax = field.x()[field.x().length - 1]; ymin = field.y()[0]; ymax = field.y()[field.y().length - 1];
            Segments seg = style == Style.QUIVER ? quiver(field) : Streamlines.of(field);
            XYSeries s = c.addSeries(style == Style.QUIVER ? "vector field" : "streamlines", seg.xs(), seg.ys());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(new Color(150, 150, 150));
            s.setLineWidth(0.8f);
        }
        Color[] ncColors = {new Color(31, 119, 180), new Color(214, 39, 40)};
        for (int i = 0; i < nullclines.size(); i++) {
            PhasePlane2D.Nullcline n = nullclines.get(i);
            if (n.x().length == 0) continue;
            XYSeries s = c.addSeries(n.variable() + "-nullcline", n.x(), n.y());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(Markers.circle(3, true));
            s.setMarkerColor(ncColors[i % 2]);
        }
        int k = 0;
        for (Object[] cv : curves) {
            XYSeries s = c.addSeries((String) cv[0], (double[]) cv[1], (double[]) cv[2]);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor((boolean) cv[3] ? new Color(255, 127, 14) : FigureStyle.color(2 + k++));
            s.setLineWidth((boolean) cv[3] ? 3f : 1.6f);
        }
        java.util.Map<String, List<FixedPoint>> byType = new java.util.LinkedHashMap<>();
        for (FixedPoint p : fixedPoints) byType.computeIfAbsent(p.stability(), t -> new ArrayList<>()).add(p);
        for (var e : byType.entrySet()) {
            double[] xs = e.getValue().stream().mapToDouble(p -> p.x()[0]).toArray(), ys = e.getValue().stream().mapToDouble(p -> p.x()[1]).toArray();
            XYSeries s = c.addSeries(e.getKey(), xs, ys);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            boolean stable = e.getValue().get(0).stable(), saddle = e.getKey().contains("saddle");
            s.setMarker(saddle ? Markers.diamond(16, false) : Markers.circle(14, stable));   // stable filled, unstable open
            s.setMarkerColor(Color.BLACK);
        }
        if (field != null) {
            c.getStyler().setXAxisMin(xmin).setXAxisMax(xmax).setYAxisMin(ymin).setYAxisMax(ymax);
            FigureStyle.ticks(c, xmin, xmax, ymin, ymax);
        }
        return c;
    }

    /** Arrows on a sub-grid of about 20 × 20, normalised so the longest spans one cell. */
    private static Segments quiver(PhasePlane2D.Field f) {
        int nx = f.x().length, ny = f.y().length, stepX = Math.max(1, nx / 20), stepY = Math.max(1, ny / 20);
        double cellX = (f.x()[nx - 1] - f.x()[0]) / Math.max(1, nx - 1) * stepX, cellY = (f.y()[ny - 1] - f.y()[0]) / Math.max(1, ny - 1) * stepY;
        double max = 0;
        for (int j = 0; j < ny; j += stepY) for (int i = 0; i < nx; i += stepX)
            max = Math.max(max, Math.hypot(f.dx()[j][i] / cellX, f.dy()[j][i] / cellY));
        Segments seg = new Segments();
        if (max == 0) return seg;
        for (int j = 0; j < ny; j += stepY)
            for (int i = 0; i < nx; i += stepX) {
                double ux = f.dx()[j][i] / cellX, uy = f.dy()[j][i] / cellY, m = Math.hypot(ux, uy);
                if (m == 0 || !Double.isFinite(m)) continue;
                double scale = 0.85 * Math.sqrt(m / max) / m;        // √ compresses the range so slow regions stay visible
                seg.arrow(f.x()[i], f.y()[j], ux * scale * cellX, uy * scale * cellY, cellX, cellY);
            }
        return seg;
    }

    public void save(Path file) throws IOException { FigureStyle.save(chart(), file); }
}
