package org.braindyn.plot;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/** What every BrainDyn figure shares: a palette, fonts, tick formats that stay readable, and writing by file extension. */
final class FigureStyle {
    private FigureStyle() {}

    /** Matplotlib's "tab10" colours: distinct for up to ten series or populations. */
    static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44), new Color(255, 127, 14), new Color(148, 103, 189),
        new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207)};

    static Color color(int i) { return PALETTE[i % PALETTE.length]; }

    /** White background, light grid, fonts large enough to read at the figure's size, ticks spaced so labels never touch. */
    static void apply(XYChart c, boolean legend) {
        XYStyler s = c.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(true);
        s.setPlotGridLinesColor(new Color(225, 225, 225));
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setXAxisTickMarkSpacingHint(110);
        s.setYAxisTickMarkSpacingHint(60);
        s.setLegendVisible(legend);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setLegendBorderColor(new Color(200, 200, 200));
        s.setSeriesColors(PALETTE);
    }

    /**
     * A decimal pattern for axis ticks over {@code [min, max]}: plain numbers with as many decimals as the tick step
     * needs (at most 4), scientific notation for very large or very small magnitudes, so labels stay short.
     */
    static String tickPattern(double min, double max) {
        double range = max - min, mag = Math.max(Math.abs(min), Math.abs(max));
        if (!(range > 0) || !Double.isFinite(range)) return mag >= 1e5 || (mag > 0 && mag < 1e-3) ? "0.##E0" : "#,##0.###";
        if (mag >= 1e6 || mag < 1e-3 || range < 1e-4 * mag) return "0.###E0";
        int decimals = (int) Math.max(0, Math.min(4, Math.ceil(-Math.log10(range / 8))));
        return decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
    }

    static void ticks(XYChart c, double xmin, double xmax, double ymin, double ymax) {
        c.getStyler().setXAxisDecimalPattern(tickPattern(xmin, xmax));
        c.getStyler().setYAxisDecimalPattern(tickPattern(ymin, ymax));
    }

    /**
     * XChart puts x ticks on the data's own values when they are equally spaced (a time axis), and then packs labels
     * so tightly that they run together. One hidden point off that grid (not drawn, not in the legend, inside the
     * data's range) makes it choose evenly spaced round ticks from the tick-spacing hint instead.
     */
    static void regularXTicks(XYChart c, double[] x, double[] y) {
        if (x.length < 3) return;
        double mid = x[0] + (x[1] - x[0]) / 3;
        org.knowm.xchart.XYSeries hidden = c.addSeries("\u0000grid", new double[] {mid}, new double[] {y[0]});
        hidden.setShowInLegend(false);
        hidden.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        hidden.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Line);
        hidden.setLineColor(new Color(0, 0, 0, 0));
    }

    static void save(XYChart chart, Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        String name = abs.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean png = name.endsWith(".png"), svg = name.endsWith(".svg");
        if (!png && !svg) throw new IllegalArgumentException("Plots: unknown figure format for '" + file + "'; use .png or .svg");
        if (abs.getParent() != null) Files.createDirectories(abs.getParent());
        if (png) BitmapEncoder.saveBitmapWithDPI(chart, abs.toString(), BitmapEncoder.BitmapFormat.PNG, 110);
        else VectorGraphicsEncoder.saveVectorGraphic(chart, abs.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    }

    static double min(double[] a) { double m = Double.POSITIVE_INFINITY; for (double v : a) if (Double.isFinite(v)) m = Math.min(m, v); return m; }

    static double max(double[] a) { double m = Double.NEGATIVE_INFINITY; for (double v : a) if (Double.isFinite(v)) m = Math.max(m, v); return m; }
}
