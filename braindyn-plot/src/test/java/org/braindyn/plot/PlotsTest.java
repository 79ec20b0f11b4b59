package org.braindyn.plot;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.braindyn.random.RandomState;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Figures are written in the format their extension names, with the content asked for. */
class PlotsTest {
    @Test
    void rasterAndLineToPngAndSvg(@TempDir Path dir) throws Exception {
        Tensor ts = arange(0.0, 100.0, 0.1);
        Tensor spikes = new RandomState(1).bernoulli(0.01, ts.size(), 50);
        Path png = dir.resolve("raster.png");
        Plots.raster(ts, spikes, png, "test raster");
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1527, img.getWidth(), "1000 × 600 points at 110 dpi");
        assertEquals(916, img.getHeight());
        Path svg = dir.resolve("sub/v.svg");
        Tensor v = sin(ts.reshape(-1, 1).mul(array(new float[] {0.1f, 0.2f, 0.3f})));
        Plots.line(ts, v, new int[] {0, 2}, svg, "traces", "V (mV)", true);
        String text = Files.readString(svg);
        assertTrue(text.contains("<svg") && text.length() > 1000, "an SVG document with drawing content");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plots.line(ts, v, new int[] {5}, dir.resolve("x.png"), "t", "y", false));
        assertTrue(e.getMessage().contains("plot id 5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Plots.raster(ts, spikes, dir.resolve("x.gif"), "t"));
    }
}
