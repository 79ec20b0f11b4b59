package org.braindyn.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.braindyn.analysis.Bifurcation;
import org.braindyn.analysis.Bifurcation2D;
import org.braindyn.analysis.FixedPoint;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A bifurcation diagram: fixed-point branches against a parameter, one colour and legend entry per stability class
 * (stable classes filled circles, unstable open circles), limit-cycle extrema, fold and Hopf points; or, for codimension
 * 2, the bifurcation points in the parameter plane. A trajectory can be drawn over it (fast–slow analysis).
 * <pre>{@code
 * BifurcationFigure.titled("FitzHugh–Nagumo: V against Iext").axes("Iext", "V (dimensionless)")
 *         .fixedPoints(r.fixedPoints(), 0, 0).limitCycles(cycles, 0).bifurcations(r.bifurcations(), 0, 0)
 *         .save(Path.of("fhn_bifurcation.png"));
 * }</pre>
 */
public final class BifurcationFigure {
    private final String title;
    private String xLabel = "parameter", yLabel = "x";
    private final Map<String, double[][]> branches = new LinkedHashMap<>();
    private final Map<String, Boolean> stableOf = new LinkedHashMap<>();
    private final List<Object[]> extra = new ArrayList<>();   // {name, x[], y[], color, marker or null for a line}

    private BifurcationFigure(String title) { this.title = title; }

    public static BifurcationFigure titled(String title) { return new BifurcationFigure(title); }

    public BifurcationFigure axes(String xLabel, String yLabel) { this.xLabel = xLabel; this.yLabel = yLabel; return this; }

    /** Fixed points with parameter {@code parIndex} on x and variable {@code varIndex} on y, grouped by stability class. */
    public BifurcationFigure fixedPoints(List<FixedPoint> fps, int parIndex, int varIndex) {
        Map<String, List<FixedPoint>> by = new LinkedHashMap<>();
        for (FixedPoint p : fps) by.computeIfAbsent(p.stability(), k -> new ArrayList<>()).add(p);
        by.forEach((k, list) -> {
            branches.put(k, new double[][] {list.stream().mapToDouble(p -> p.pars()[parIndex]).toArray(), list.stream().mapToDouble(p -> p.x()[varIndex]).toArray()});
            stableOf.put(k, list.get(0).stable());
        });
        return this;
    }

    /** The minimum and maximum of variable {@code varIndex} over each limit cycle (codimension 1). */
    public BifurcationFigure limitCycles(List<Bifurcation2D.Cycle> cycles, int varIndex) {
        if (cycles.isEmpty()) return this;
        double[] p = cycles.stream().mapToDouble(c -> c.pars()[0]).toArray();
        extra.add(new Object[] {"limit cycle max", p, cycles.stream().mapToDouble(c -> c.cycle().max()[varIndex]).toArray(), new Color(255, 127, 14), SeriesMarkers.TRIANGLE_UP});
        extra.add(new Object[] {"limit cycle min", p, cycles.stream().mapToDouble(c -> c.cycle().min()[varIndex]).toArray(), new Color(255, 127, 14), SeriesMarkers.TRIANGLE_DOWN});
        return this;
    }

    /** Fold and Hopf points at (parameter {@code parIndex}, variable {@code varIndex}). */
    public BifurcationFigure bifurcations(List<Bifurcation> bif, int parIndex, int varIndex) {
        for (String kind : new String[] {"fold", "hopf"}) {
            List<Bifurcation> k = bif.stream().filter(b -> b.kind().equals(kind)).toList();
            if (k.isEmpty()) continue;
            extra.add(new Object[] {kind + " point", k.stream().mapToDouble(b -> b.pars()[parIndex]).toArray(), k.stream().mapToDouble(b -> b.x()[varIndex]).toArray(),
                    kind.equals("fold") ? Color.BLACK : new Color(44, 160, 44), kind.equals("fold") ? SeriesMarkers.SQUARE : SeriesMarkers.DIAMOND});
        }
        return this;
    }

    /** Codimension 2: the fold and Hopf points in the plane of the two parameters. */
    public BifurcationFigure parameterPlane(List<Bifurcation> bif) {
        for (Bifurcation b : bif)
            if (b.pars().length != 2)
                throw new IllegalArgumentException("BifurcationFigure '" + title + "'.parameterPlane: needs codimension-2 results (two parameters); got a "
                        + b.kind() + " with " + b.pars().length + " parameter(s)");
        for (String kind : new String[] {"fold", "hopf"}) {
            List<Bifurcation> k = bif.stream().filter(b -> b.kind().equals(kind)).toList();
            if (k.isEmpty()) continue;
            extra.add(new Object[] {kind + " curve", k.stream().mapToDouble(b -> b.pars()[0]).toArray(), k.stream().mapToDouble(b -> b.pars()[1]).toArray(),
                    kind.equals("fold") ? Color.BLACK : new Color(44, 160, 44), SeriesMarkers.CIRCLE});
        }
        return this;
    }

    /** A trajectory drawn as a line (e.g. slow against fast variable in a fast–slow analysis). */
    public BifurcationFigure trajectory(String name, double[] x, double[] y) {
        extra.add(new Object[] {name, x, y, new Color(127, 127, 127), null});
        return this;
    }

    XYChart chart() {
        XYChart c = new XYChartBuilder().width(1000).height(640).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        FigureStyle.apply(c, true);
        c.getStyler().setMarkerSize(9);
        double xmin = Double.POSITIVE_INFINITY, xmax = Double.NEGATIVE_INFINITY, ymin = xmin, ymax = xmax;
        for (Object[] e : extra) if (e[4] == null) {                     // lines first, under the markers
            XYSeries s = c.addSeries((String) e[0], (double[]) e[1], (double[]) e[2]);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor((Color) e[3]);
        }
        Color[] stableColors = {new Color(31, 119, 180), new Color(23, 190, 207), new Color(140, 86, 75)};
        Color[] unstableColors = {new Color(214, 39, 40), new Color(227, 119, 194), new Color(148, 103, 189), new Color(188, 189, 34)};
        int si = 0, ui = 0;
        for (var e : branches.entrySet()) {
            boolean stable = stableOf.get(e.getKey());
            XYSeries s = c.addSeries(e.getKey(), e.getValue()[0], e.getValue()[1]);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(stable ? Markers.circle(5, true) : Markers.circle(5, false));
            s.setMarkerColor(stable ? stableColors[si++ % stableColors.length] : unstableColors[ui++ % unstableColors.length]);
            xmin = Math.min(xmin, FigureStyle.min(e.getValue()[0])); xmax = Math.max(xmax, FigureStyle.max(e.getValue()[0]));
            ymin = Math.min(ymin, FigureStyle.min(e.getValue()[1])); ymax = Math.max(ymax, FigureStyle.max(e.getValue()[1]));
        }
        for (Object[] e : extra) if (e[4] != null) {
            XYSeries s = c.addSeries((String) e[0], (double[]) e[1], (double[]) e[2]);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker((Marker) e[4]);
            s.setMarkerColor((Color) e[3]);
            xmin = Math.min(xmin, FigureStyle.min((double[]) e[1])); xmax = Math.max(xmax, FigureStyle.max((double[]) e[1]));
            ymin = Math.min(ymin, FigureStyle.min((double[]) e[2])); ymax = Math.max(ymax, FigureStyle.max((double[]) e[2]));
        }
        if (c.getSeriesMap().isEmpty()) throw new IllegalStateException("BifurcationFigure '" + title + "': nothing to draw");
        if (xmin <= xmax) FigureStyle.ticks(c, xmin, xmax, ymin, ymax);
        return c;
    }

    public void save(Path file) throws IOException { FigureStyle.save(chart(), file); }
}
