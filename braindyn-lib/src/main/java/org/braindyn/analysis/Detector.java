package org.braindyn.analysis;

import java.util.ArrayList;
import java.util.List;

/** Bifurcations between neighbouring parameter points of a grid, from the fixed points found at each. */
final class Detector {
    private Detector() {}

    /**
     * Along every axis of a parameter grid ({@code sizes[i]} points on axis i, first axis slowest; {@code fps.get(k)}
     * the fixed points at flat index k): a fold where the number of fixed points changes between neighbours, a Hopf
     * bifurcation where, with the same number, a focus changes stability.
     */
    static List<Bifurcation> scan(List<List<FixedPoint>> fps, double[][] parPoints, int[] sizes) {
        List<Bifurcation> out = new ArrayList<>();
        int total = fps.size(), stride = total;
        for (int axis = 0; axis < sizes.length; axis++) {
            stride /= sizes[axis];
            for (int k = 0; k < total; k++) {
                if ((k / stride) % sizes[axis] == sizes[axis] - 1) continue;       // last along this axis
                int n = k + stride;
                out.addAll(between(fps.get(k), fps.get(n), mid(parPoints, k, n)));
            }
        }
        return out;
    }

    private static double[] mid(double[][] parPoints, int a, int b) {
        double[] m = new double[parPoints.length];
        for (int i = 0; i < m.length; i++) m[i] = 0.5 * (parPoints[i][a] + parPoints[i][b]);
        return m;
    }

    /**
     * Folds when, matching each fixed point of the side with fewer to its nearest unmatched one on the other side,
     * points are left over: each pair of nearest left-over points of opposite stability is one fold (a stable and an
     * unstable point meet and vanish; a single left-over point is one leaving the analysed range, which is no
     * bifurcation). A Hopf bifurcation when the counts agree and a matched focus changes stability.
     */
    static List<Bifurcation> between(List<FixedPoint> a, List<FixedPoint> b, double[] pars) {
        List<FixedPoint> more = a.size() >= b.size() ? a : b, less = more == a ? b : a;
        boolean[] used = new boolean[more.size()];
        int[] match = new int[less.size()];
        for (int i = 0; i < less.size(); i++) {
            int best = -1;
            for (int j = 0; j < more.size(); j++)
                if (!used[j] && (best < 0 || dist(more.get(j).x(), less.get(i).x()) < dist(more.get(best).x(), less.get(i).x()))) best = j;
            used[best] = true;
            match[i] = best;
        }
        List<Bifurcation> out = new ArrayList<>();
        if (more.size() != less.size()) {
            List<FixedPoint> left = new ArrayList<>();
            for (int j = 0; j < more.size(); j++) if (!used[j]) left.add(more.get(j));
            boolean[] paired = new boolean[left.size()];
            for (int i = 0; i < left.size(); i++) {
                if (paired[i]) continue;
                int best = -1;
                for (int j = 0; j < left.size(); j++)
                    if (j != i && !paired[j] && left.get(j).stable() != left.get(i).stable()
                            && (best < 0 || dist(left.get(j).x(), left.get(i).x()) < dist(left.get(best).x(), left.get(i).x()))) best = j;
                if (best < 0) continue;
                paired[i] = paired[best] = true;
                double[] x = new double[left.get(i).x().length];
                for (int k = 0; k < x.length; k++) x[k] = 0.5 * (left.get(i).x()[k] + left.get(best).x()[k]);
                out.add(new Bifurcation("fold", pars, x));
            }
            return out;
        }
        for (int i = 0; i < less.size(); i++) {
            FixedPoint p = less.get(i), q = more.get(match[i]);
            boolean focus = p.stability().endsWith("focus") || q.stability().endsWith("focus") || p.stability().equals(Stability.CENTER);
            if (focus && p.stable() != q.stable()) {
                double[] x = new double[p.x().length];
                for (int k = 0; k < x.length; k++) x[k] = 0.5 * (p.x()[k] + q.x()[k]);
                out.add(new Bifurcation("hopf", pars, x));
                return out;
            }
        }
        return out;
    }

    static double dist(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(s);
    }
}
