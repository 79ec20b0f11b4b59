package org.braindyn.examples;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** A spike raster as a PNG: time on x, neuron on y, excitatory neurons blue and inhibitory red. */
final class RasterPng {
    private RasterPng() {}

    static void write(Path path, int[] steps, int[] neurons, int nSteps, int nNeurons, int firstInhibitory, String title) throws IOException {
        int w = 1000, h = 600, left = 60, top = 40, pw = w - left - 20, ph = h - top - 50;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        for (int i = 0; i < steps.length; i++) {
            int x = left + (int) ((long) steps[i] * pw / Math.max(1, nSteps));
            int y = top + ph - 1 - (int) ((long) neurons[i] * ph / Math.max(1, nNeurons));
            img.setRGB(x, y, neurons[i] < firstInhibitory ? 0x1f4fbf : 0xcc2222);
        }
        g.setColor(Color.BLACK);
        g.drawRect(left, top, pw, ph);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        g.drawString(title, left, top - 12);
        g.drawString("time (ms): 0", left, top + ph + 20);
        String end = String.format("%.0f", nSteps * 0.1);
        g.drawString(end, left + pw - 8 * end.length(), top + ph + 20);
        g.drawString("neuron", 5, top + ph / 2);
        g.dispose();
        Files.createDirectories(path.toAbsolutePath().getParent());
        ImageIO.write(img, "png", path.toFile());
    }
}
