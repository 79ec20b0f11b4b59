package org.braindyn.plot;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import org.braindyn.analysis.Bifurcation2D;
import org.braindyn.analysis.FixedPoint;
import org.braindyn.analysis.PhasePlane2D;
import org.braindyn.analysis.Setup;
import org.braindyn.analysis.VectorField;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** Analysis figures name what they draw: nullclines, fixed points by class, branches by stability, cycles, bifurcation points. */
class AnalysisFiguresTest {
    static final VectorField FHN = VectorField.of((y, t, p) -> new Tensor[] {
            y[0].sub(y[0].pow(3).div(3)).sub(y[1]).add(p[0]), y[0].add(0.7).sub(y[1].mul(0.8)).div(12.5)}, List.of("V", "w"), List.of("Iext"));

    static List<String> names(XYChart c) { return c.getSeriesMap().values().stream().filter(XYSeries::isShowInLegend).map(XYSeries::getName).toList(); }

    @Test
    void phasePlaneFigureShowsFieldNullclinesTrajectoryAndClassifiedFixedPoints(@TempDir Path dir) throws Exception {
        PhasePlane2D pp = new PhasePlane2D(Setup.of(FHN).targetVar("V", -3, 3).targetVar("w", -3, 3).par("Iext", 0.8).resolutions(0.05).log(null).build());
        List<FixedPoint> fps = pp.fixedPoints();
        for (PhasePlaneFigure.Style style : PhasePlaneFigure.Style.values()) {
            PhasePlaneFigure f = PhasePlaneFigure.titled("FHN").axes("V", "w").vectorField(pp.vectorField(), style).nullclines(pp.nullclines())
                    .trajectory("trajectory", pp.trajectory(new double[] {-2.8, -1.8}, 50, 0.05)).fixedPoints(fps);
            XYChart c = f.chart();
            assertEquals(List.of(style == PhasePlaneFigure.Style.QUIVER ? "vector field" : "streamlines", "V-nullcline", "w-nullcline", "trajectory", "unstable node"), names(c));
            assertEquals("V", c.getXAxisTitle());
            Path png = dir.resolve(style + ".png");
            f.save(png);
            assertTrue(Files.size(png) > 5_000);
        }
    }

    @Test
    void bifurcationFigureGroupsBranchesByStabilityAndMarksHopfAndCycles(@TempDir Path dir) throws Exception {
        Setup s = Setup.of(FHN).targetVar("V", -3, 3).targetVar("w", -3, 3).targetPar("Iext", 0, 1).resolution("Iext", 0.01).log(null).build();
        Bifurcation2D b = new Bifurcation2D(s);
        Bifurcation2D.Result r = b.compute(10, 1e-8, 1e-2);
        XYChart c = BifurcationFigure.titled("FHN").axes("Iext", "V").fixedPoints(r.fixedPoints(), 0, 0)
                .limitCycles(b.limitCyclesBySim(r, 200, 0.05, 0.01, 0.1), 0).bifurcations(r.bifurcations(), 0, 0).chart();
        List<String> n = names(c);
        assertTrue(n.containsAll(List.of("stable focus", "unstable focus", "limit cycle max", "limit cycle min", "hopf point")), n.toString());
        BifurcationFigure.titled("FHN").axes("Iext", "V").fixedPoints(r.fixedPoints(), 0, 0).save(dir.resolve("branches.svg"));
        assertTrue(Files.readString(dir.resolve("branches.svg")).contains("<svg"));
        var e = assertThrows(IllegalArgumentException.class, () -> BifurcationFigure.titled("plane").parameterPlane(r.bifurcations()));
        assertTrue(e.getMessage().contains("codimension-2"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> BifurcationFigure.titled("empty").chart());
    }

    @Test
    void animationsWriteOneGifFramePerFrameStep(@TempDir Path dir) throws Exception {
        double[][] v = new double[30][20];
        for (int t = 0; t < 30; t++) for (int i = 0; i < 20; i++) v[t][i] = Math.sin(i / 3.0 + t / 5.0);
        double[] xs = new double[20];
        for (int i = 0; i < 20; i++) xs[i] = i;
        Path one = dir.resolve("line.gif"), two = dir.resolve("sheet.gif");
        Animation.animate1D(v, xs, 0.1, "wave", "position", "u", 3, 40, one);
        Animation.animate2D(v, 4, 5, -1, 1, 0.1, "sheet", 5, 40, two);
        assertEquals(10, frames(one));
        assertEquals(6, frames(two));
        var e = assertThrows(IllegalArgumentException.class, () -> Animation.animate2D(v, 3, 5, -1, 1, 0.1, "bad", 1, 40, two));
        assertTrue(e.getMessage().contains("3 × 5 sheet needs 15 values"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Animation.animate1D(v, xs, 0.1, "x", "x", "u", 1, 40, dir.resolve("x.png")));
    }

    private static int frames(Path gif) throws Exception {
        ImageReader r = ImageIO.getImageReadersByFormatName("gif").next();
        try (var in = ImageIO.createImageInputStream(gif.toFile())) {
            r.setInput(in);
            return r.getNumImages(true);
        }
    }
}
