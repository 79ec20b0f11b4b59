package org.braindyn.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

/**
 * Animated GIFs of a network variable over time (BrainPy's {@code animate_1D} and {@code animate_2D}): a line per
 * frame for a 1-D population, a colour map per frame for a 2-D sheet, every {@code frameStep}-th step, {@code delayMs}
 * between frames, looping.
 * <pre>{@code
 * Animation.animate1D(u, cann.x, 0.1, "CANN bump", "position (rad)", "u", 10, 50, Path.of("bump.gif"));
 * }</pre>
 */
public final class Animation {
    private Animation() {}

    /**
     * @param values {@code values[t][i]}: the variable at step t and position i
     * @param xs     the positions ({@code values[0].length} of them)
     * @param dt     ms per step (the frame title shows the time)
     */
    public static void animate1D(double[][] values, double[] xs, double dt, String title, String xLabel, String yLabel, int frameStep, int delayMs, Path file)
            throws IOException {
        check(values, frameStep, delayMs, file);
        if (xs.length != values[0].length) throw new IllegalArgumentException("Animation.animate1D: " + xs.length + " positions for " + values[0].length + " values per step");
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] row : values) { lo = Math.min(lo, FigureStyle.min(row)); hi = Math.max(hi, FigureStyle.max(row)); }
        double pad = (hi - lo) * 0.05 + 1e-12;
        List<BufferedImage> frames = new ArrayList<>();
        for (int t = 0; t < values.length; t += frameStep) {
            XYChart c = LineFigure.titled(String.format(java.util.Locale.ROOT, "%s, t = %.1f ms", title, t * dt)).xLabel(xLabel).yLabel(yLabel)
                    .size(640, 400).series(yLabel, xs, values[t]).chart();
            c.getStyler().setYAxisMin(lo - pad).setYAxisMax(hi + pad);
            frames.add(BitmapEncoder.getBufferedImage(c));
        }
        writeGif(frames, delayMs, file);
    }

    /**
     * @param values {@code values[t][r·width + c]}: a {@code height × width} sheet per step, drawn with a blue–white–red
     *               colour map between {@code vmin} and {@code vmax}
     */
    public static void animate2D(double[][] values, int height, int width, double vmin, double vmax, double dt, String title, int frameStep, int delayMs, Path file)
            throws IOException {
        check(values, frameStep, delayMs, file);
        if (height * width != values[0].length)
            throw new IllegalArgumentException("Animation.animate2D: a " + height + " × " + width + " sheet needs " + height * width + " values per step; got " + values[0].length);
        if (!(vmax > vmin)) throw new IllegalArgumentException("Animation.animate2D: need vmin < vmax; got " + vmin + ", " + vmax);
        int cell = Math.max(2, 360 / Math.max(height, width)), top = 36, bar = 24;
        List<BufferedImage> frames = new ArrayList<>();
        for (int t = 0; t < values.length; t += frameStep) {
            BufferedImage img = new BufferedImage(width * cell + 20, height * cell + top + bar + 30, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(String.format(java.util.Locale.ROOT, "%s, t = %.1f ms", title, t * dt), 10, 22);
            for (int r = 0; r < height; r++)
                for (int c = 0; c < width; c++) {
                    g.setColor(colour((values[t][r * width + c] - vmin) / (vmax - vmin)));
                    g.fillRect(10 + c * cell, top + r * cell, cell, cell);
                }
            int y = top + height * cell + 8, w = width * cell;
            for (int k = 0; k < w; k++) { g.setColor(colour(k / (double) (w - 1))); g.drawLine(10 + k, y, 10 + k, y + 10); }
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString(String.format(java.util.Locale.ROOT, "%.3g", vmin), 10, y + 26);
            String hiText = String.format(java.util.Locale.ROOT, "%.3g", vmax);
            g.drawString(hiText, 10 + w - g.getFontMetrics().stringWidth(hiText), y + 26);
            g.dispose();
            frames.add(img);
        }
        writeGif(frames, delayMs, file);
    }

    private static Color colour(double u) {
        double v = Math.max(0, Math.min(1, u));
        return v < 0.5 ? new Color((int) (255 * 2 * v), (int) (255 * 2 * v), 255) : new Color(255, (int) (255 * 2 * (1 - v)), (int) (255 * 2 * (1 - v)));
    }

    private static void check(double[][] values, int frameStep, int delayMs, Path file) {
        if (values == null || values.length == 0 || values[0].length == 0) throw new IllegalArgumentException("Animation: no values to animate");
        if (frameStep < 1 || delayMs < 1) throw new IllegalArgumentException("Animation: frameStep and delayMs must be >= 1; got " + frameStep + ", " + delayMs);
        if (!file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gif"))
            throw new IllegalArgumentException("Animation: write to a .gif file; got '" + file + "'");
    }

    /** Writes the frames as a looping GIF with {@code delayMs} per frame. */
    static void writeGif(List<BufferedImage> frames, int delayMs, Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        if (abs.getParent() != null) Files.createDirectories(abs.getParent());
        ImageWriter w = ImageIO.getImageWritersByFormatName("gif").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(abs.toFile())) {
            w.setOutput(out);
            w.prepareWriteSequence(null);
            for (BufferedImage f : frames) {
                BufferedImage rgb = new BufferedImage(f.getWidth(), f.getHeight(), BufferedImage.TYPE_INT_RGB);
                rgb.getGraphics().drawImage(f, 0, 0, null);
                IIOMetadata meta = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(rgb), null);
                String fmt = meta.getNativeMetadataFormatName();
                IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(fmt);
                IIOMetadataNode gce = child(root, "GraphicControlExtension");
                gce.setAttribute("disposalMethod", "none");
                gce.setAttribute("userInputFlag", "FALSE");
                gce.setAttribute("transparentColorFlag", "FALSE");
                gce.setAttribute("delayTime", Integer.toString(Math.max(1, delayMs / 10)));
                gce.setAttribute("transparentColorIndex", "0");
                IIOMetadataNode apps = child(root, "ApplicationExtensions");
                IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
                app.setAttribute("applicationID", "NETSCAPE");
                app.setAttribute("authenticationCode", "2.0");
                app.setUserObject(new byte[] {1, 0, 0});   // loop forever
                apps.appendChild(app);
                meta.setFromTree(fmt, root);
                w.writeToSequence(new IIOImage(rgb, null, meta), null);
            }
            w.endWriteSequence();
        } finally {
            w.dispose();
        }
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) if (root.item(i).getNodeName().equalsIgnoreCase(name)) return (IIOMetadataNode) root.item(i);
        IIOMetadataNode n = new IIOMetadataNode(name);
        root.appendChild(n);
        return n;
    }
}
