package org.braindyn.plot;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** Figures say what they show: axis labels with units, titles, named series with a legend, one colour per population. */
class FiguresTest {
    private static List<XYSeries> visible(XYChart c) {
        return c.getSeriesMap().values().stream().filter(XYSeries::isShowInLegend).toList();
    }

    @Test
    void lineFiguresCarryAxisLabelsTitlesAndNamedSeriesWithALegend() {
        double[] x = {0, 1, 2, 3}, y = {1, 2, 0, 3};
        XYChart c = LineFigure.titled("training").xLabel("Adam step").yLabel("loss (cross-entropy)")
                .series("train", x, y).series("test", x, new double[] {2, 2, 1, 1}).chart();
        assertEquals("training", c.getTitle());
        assertEquals("Adam step", c.getXAxisTitle());
        assertEquals("loss (cross-entropy)", c.getYAxisTitle());
        assertEquals(List.of("train", "test"), visible(c).stream().map(XYSeries::getName).toList());
        assertTrue(c.getStyler().isLegendVisible(), "two series: legend shown");
        assertNotEquals(visible(c).get(0).getLineColor(), visible(c).get(1).getLineColor());
        assertFalse(LineFigure.titled("one").series("v", x, y).chart().getStyler().isLegendVisible(), "one series: no legend unless asked");
    }

    @Test
    void aPhasePortraitHasItsOwnAxes() {
        XYChart c = LineFigure.titled("FHN").xLabel("v (dimensionless)").yLabel("w (dimensionless)")
                .series("trajectory", new double[] {0, 1, 0.5}, new double[] {0, 0.2, 0.9}).chart();
        assertEquals("v (dimensionless)", c.getXAxisTitle());
        assertEquals("w (dimensionless)", c.getYAxisTitle());
    }

    @Test
    void plotsLineNamesSeriesByNeuronAndLabelsTime() {
        Tensor ts = BM.arange(0.0, 10.0, 1.0), v = BM.zeros(10, 3);
        XYChart c = Plots.lineFigure(ts, v, new int[] {0, 2}, "V", "V (mV)", true).chart();
        assertEquals(List.of("neuron 0", "neuron 2"), visible(c).stream().map(XYSeries::getName).toList());
        assertEquals("time (ms)", c.getXAxisTitle());
        assertEquals("V (mV)", c.getYAxisTitle());
    }

    @Test
    void rastersColourEachPopulationAndNameItInTheLegend() {
        XYChart c = RasterFigure.titled("E/I").population("E", new double[] {1, 2}, new double[] {0, 1})
                .population("I", new double[] {1.5}, new double[] {3}).population("silent", new double[0], new double[0]).chart();
        List<XYSeries> s = visible(c);
        assertEquals(List.of("E", "I", "silent (no spikes)"), s.stream().map(XYSeries::getName).toList());
        assertNotEquals(s.get(0).getMarkerColor(), s.get(1).getMarkerColor());
        assertEquals("time (ms)", c.getXAxisTitle());
        assertEquals("neuron index", c.getYAxisTitle());
        assertTrue(c.getStyler().isLegendVisible());
    }

    /** Tick labels stay short: as many decimals as the step needs, scientific notation for extreme magnitudes. */
    @Test
    void tickPatternsStayReadable() {
        assertEquals("#,##0", FigureStyle.tickPattern(0, 100));
        assertEquals("#,##0.0", FigureStyle.tickPattern(-2, 2));
        assertEquals("#,##0.000", FigureStyle.tickPattern(0, 0.02));
        assertEquals("0.###E0", FigureStyle.tickPattern(0, 3e7));
        assertEquals("0.###E0", FigureStyle.tickPattern(-65.00001, -65.00002 + 0.00002));
    }

    /** A time axis of equally spaced samples gets round, evenly spaced ticks (XChart alone put one on nearly every integer). */
    @Test
    void anEquallySpacedTimeAxisGetsFewRoundTicks(@TempDir Path dir) throws Exception {
        double[] t = new double[10_001], v = new double[t.length];
        for (int i = 0; i < t.length; i++) { t[i] = i * 0.01; v[i] = Math.sin(t[i]); }
        Path png = dir.resolve("trace.png");
        LineFigure.titled("trace").xLabel("time (ms)").yLabel("V (mV)").series("V", t, v).save(png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertTrue(img.getWidth() > 1000, "written at 110 dpi");
        XYChart c = LineFigure.titled("trace").series("V", t, v).chart();
        assertEquals(2, c.getSeriesMap().size(), "the trace and the hidden off-grid point");
    }

    @Test
    void badSeriesAreRefusedWithTheFigureAndSeriesNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> LineFigure.titled("fig").series("v", new double[] {1, 2}, new double[] {1}));
        assertTrue(e.getMessage().contains("'fig'") && e.getMessage().contains("'v'") && e.getMessage().contains("2 x values and 1 y values"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LineFigure.titled("fig").series("", new double[] {1}, new double[] {1}));
        assertThrows(IllegalStateException.class, () -> LineFigure.titled("empty").chart());
    }
}
