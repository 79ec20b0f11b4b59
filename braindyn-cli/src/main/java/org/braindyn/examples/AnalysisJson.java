package org.braindyn.examples;

import java.util.List;
import java.util.Locale;
import org.braindyn.analysis.Bifurcation;
import org.braindyn.analysis.FixedPoint;

/** The JSON line the analysis examples print with {@code --json}. */
final class AnalysisJson {
    private AnalysisJson() {}

    static String num(double v) { return Double.isFinite(v) ? String.format(Locale.ROOT, "%.10g", v) : "null"; }

    static String array(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) sb.append(i == 0 ? "" : ",").append(num(v[i]));
        return sb.append(']').toString();
    }

    static String fixedPoints(List<FixedPoint> fps) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < fps.size(); i++) {
            FixedPoint p = fps.get(i);
            sb.append(i == 0 ? "" : ",").append("{\"x\":").append(array(p.x()));
            if (p.pars().length > 0) sb.append(",\"pars\":").append(array(p.pars()));
            sb.append(",\"stability\":\"").append(p.stability()).append("\"}");
        }
        return sb.append(']').toString();
    }

    static String bifurcations(List<Bifurcation> bs) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < bs.size(); i++) {
            Bifurcation b = bs.get(i);
            sb.append(i == 0 ? "" : ",").append("{\"par\":").append(b.pars().length == 1 ? num(b.pars()[0]) : array(b.pars()))
                    .append(",\"x\":").append(array(b.x())).append(",\"kind\":\"").append(b.kind()).append("\"}");
        }
        return sb.append(']').toString();
    }
}
