package org.braindyn.plot;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import org.knowm.xchart.style.markers.Marker;

/** Markers of a fixed pixel size, filled or open (XChart sizes every marker of a chart alike). */
final class Markers {
    private Markers() {}

    /** A circle of {@code size} pixels, filled or drawn as a ring. */
    static Marker circle(int size, boolean filled) {
        return new Marker() {
            @Override public void paint(Graphics2D g, double x, double y, int ignored) {
                Ellipse2D e = new Ellipse2D.Double(x - size / 2.0, y - size / 2.0, size, size);
                if (filled) g.fill(e);
                else { g.setStroke(new BasicStroke(2f)); g.draw(e); }
            }
        };
    }

    /** A diamond of {@code size} pixels, filled or open. */
    static Marker diamond(int size, boolean filled) {
        return new Marker() {
            @Override public void paint(Graphics2D g, double x, double y, int ignored) {
                double h = size / 2.0;
                Path2D p = new Path2D.Double();
                p.moveTo(x, y - h); p.lineTo(x + h, y); p.lineTo(x, y + h); p.lineTo(x - h, y); p.closePath();
                if (filled) g.fill(p);
                else { g.setStroke(new BasicStroke(2f)); g.draw(p); }
            }
        };
    }
}
