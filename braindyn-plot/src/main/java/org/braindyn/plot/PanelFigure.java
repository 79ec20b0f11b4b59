package org.braindyn.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;

/**
 * Several {@link LineFigure}s stacked top to bottom in one PNG (matplotlib's {@code subplot(311)} … {@code (313)}),
 * each panel with its own title, axis labels and legend — e.g. prediction against truth for x, y and z.
 * <pre>{@code
 * PanelFigure.of(xPanel, yPanel, zPanel).save(Path.of("esn_lorenz.png"));
 * }</pre>
 */
public final class PanelFigure {
    private final List<LineFigure> panels;

    private PanelFigure(List<LineFigure> panels) {
        if (panels.isEmpty()) throw new IllegalArgumentException("PanelFigure: needs at least one panel");
        this.panels = List.copyOf(panels);
    }

    /** The panels, top first. */
    public static PanelFigure of(LineFigure... panels) { return new PanelFigure(List.of(panels)); }

    /** Writes one PNG with the panels stacked (PNG only). */
    public void save(Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        if (!abs.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png"))
            throw new IllegalArgumentException("PanelFigure: stacked panels are written as PNG; got '" + file + "'");
        BufferedImage[] imgs = new BufferedImage[panels.size()];
        int w = 0, h = 0;
        for (int i = 0; i < imgs.length; i++) {
            imgs[i] = BitmapEncoder.getBufferedImage(panels.get(i).chart());
            w = Math.max(w, imgs[i].getWidth());
            h += imgs[i].getHeight();
        }
        BufferedImage all = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        int y = 0;
        for (BufferedImage im : imgs) { g.drawImage(im, 0, y, null); y += im.getHeight(); }
        g.dispose();
        if (abs.getParent() != null) Files.createDirectories(abs.getParent());
        ImageIO.write(all, "png", abs.toFile());
    }
}
