package org.braindyn.tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.braindyn.ops.Attr;
import org.braindyn.ops.Op;
import org.braindyn.ops.Prims;

/**
 * Products: {@code matmul} (NumPy semantics, 1-D operands promoted and the added axis removed, batch axes
 * broadcast), {@code dot}, {@code inner}, {@code outer}, {@code tensordot} and {@code einsum} for one or two
 * operands. All contract through the MATMUL primitive. Part of {@link BM}.
 */
public class LinearOps extends Reductions {
    protected LinearOps() {}

    /** Matrix product with NumPy's rules ({@code a @ b}). */
    public static Tensor matmul(Tensor a, Tensor b) {
        if (a.ndim() == 0 || b.ndim() == 0) throw new IllegalArgumentException("matmul: operands must not be scalars; got " + a.shape() + " and " + b.shape() + ". Use multiply for scalars.");
        DType t = DType.promote(DType.promote(a.dtype(), b.dtype()), DType.I32);
        Tensor a2 = a.ndim() == 1 ? reshape(a, 1, -1) : a, b2 = b.ndim() == 1 ? reshape(b, -1, 1) : b;
        if (a2.dim(-1) != b2.dim(-2))
            throw new IllegalArgumentException("matmul: shapes " + a.shape() + " and " + b.shape() + " are not aligned: "
                    + a2.dim(-1) + " (last axis of a) != " + b2.dim(-2) + " (" + (b.ndim() == 1 ? "only" : "second-last") + " axis of b)");
        Tensor r = Prims.bind(Op.MATMUL, Attr.NONE, astype(a2, t), astype(b2, t));
        if (a.ndim() == 1) r = squeeze(r, -2);
        if (b.ndim() == 1) r = squeeze(r, -1);
        return r;
    }

    /** NumPy {@code dot}: inner product of vectors, matrix product of matrices, last-axis contraction with a vector. */
    public static Tensor dot(Tensor a, Tensor b) {
        if (a.ndim() == 0 || b.ndim() == 0) return multiply(a, b);
        if (b.ndim() <= 2) return matmul(a, b);
        return tensordot(a, b, new int[] {a.ndim() - 1}, new int[] {b.ndim() - 2});
    }

    /** Sum of products over the last axes. */
    public static Tensor inner(Tensor a, Tensor b) {
        return tensordot(a, b, new int[] {a.ndim() - 1}, new int[] {b.ndim() - 1});
    }

    /** Outer product of the flattened operands. */
    public static Tensor outer(Tensor a, Tensor b) { return multiply(reshape(a, -1, 1), reshape(b, 1, -1)); }

    /** Contracts axes {@code axesA} of {@code a} with {@code axesB} of {@code b}; remaining axes of a then of b. */
    public static Tensor tensordot(Tensor a, Tensor b, int[] axesA, int[] axesB) {
        if (axesA.length != axesB.length) throw new IllegalArgumentException("tensordot: " + axesA.length + " axes of a vs " + axesB.length + " of b");
        boolean[] ca = new boolean[a.ndim()], cb = new boolean[b.ndim()];
        int nc = 1;
        for (int i = 0; i < axesA.length; i++) {
            int x = Shape.normalizeAxis(axesA[i], a.ndim(), "tensordot"), y = Shape.normalizeAxis(axesB[i], b.ndim(), "tensordot");
            if (a.dim(x) != b.dim(y)) throw new IllegalArgumentException("tensordot: extent " + a.dim(x) + " of a's axis " + x + " != " + b.dim(y) + " of b's axis " + y);
            ca[x] = true; cb[y] = true;
            axesA[i] = x; axesB[i] = y;
            nc *= a.dim(x);
        }
        int[] pa = new int[a.ndim()], pb = new int[b.ndim()];
        List<Integer> outDims = new ArrayList<>();
        int k = 0, na = 1;
        for (int i = 0; i < a.ndim(); i++) if (!ca[i]) { pa[k++] = i; outDims.add(a.dim(i)); na *= a.dim(i); }
        for (int x : axesA) pa[k++] = x;
        k = 0;
        for (int y : axesB) pb[k++] = y;
        int nb = 1;
        for (int i = 0; i < b.ndim(); i++) if (!cb[i]) { pb[k++] = i; outDims.add(b.dim(i)); nb *= b.dim(i); }
        Tensor m = matmul(reshape(transpose(a, pa), na, nc), reshape(transpose(b, pb), nc, nb));
        return reshape(m, outDims.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Einstein summation for one or two operands, e.g. {@code "ij,jk->ik"}, {@code "bij,bjk->bik"},
     * {@code "i,j->ij"}, {@code "ij->ji"}, {@code "ij->"}. Without {@code ->} the output is the labels that occur
     * once, sorted. Repeated labels within one operand (diagonals) and ellipses are not supported.
     */
    public static Tensor einsum(String spec, Tensor... operands) {
        String s = spec.replace(" ", "");
        if (s.contains(".")) throw new IllegalArgumentException("einsum: ellipsis is not supported in '" + spec + "'");
        String lhs = s.contains("->") ? s.substring(0, s.indexOf("->")) : s;
        String[] ins = lhs.split(",", -1);
        if (ins.length != operands.length || ins.length < 1 || ins.length > 2)
            throw new IllegalArgumentException("einsum: '" + spec + "' names " + ins.length + " operands; got " + operands.length + " (1 or 2 supported)");
        String out;
        if (s.contains("->")) out = s.substring(s.indexOf("->") + 2);
        else {
            StringBuilder o = new StringBuilder();
            lhs.chars().filter(Character::isLetter).distinct().sorted()
                    .filter(c -> lhs.chars().filter(d -> d == c).count() == 1).forEach(c -> o.append((char) c));
            out = o.toString();
        }
        Map<Character, Integer> extent = new LinkedHashMap<>();
        Tensor[] ops = new Tensor[ins.length];
        for (int i = 0; i < ins.length; i++) {
            String lab = ins[i];
            if (lab.length() != operands[i].ndim())
                throw new IllegalArgumentException("einsum: operand " + i + " has rank " + operands[i].ndim() + " but '" + lab + "' names " + lab.length() + " axes");
            for (int j = 0; j < lab.length(); j++) {
                char c = lab.charAt(j);
                if (lab.indexOf(c) != j) throw new IllegalArgumentException("einsum: repeated label '" + c + "' within operand " + i + " is not supported");
                Integer e = extent.putIfAbsent(c, operands[i].dim(j));
                if (e != null && e != operands[i].dim(j))
                    throw new IllegalArgumentException("einsum: label '" + c + "' has extents " + e + " and " + operands[i].dim(j));
            }
            // sum out labels that appear nowhere else
            String others = (ins.length == 2 ? ins[1 - i] : "") + out;
            List<Integer> red = new ArrayList<>();
            StringBuilder keep = new StringBuilder();
            for (int j = 0; j < lab.length(); j++) if (others.indexOf(lab.charAt(j)) < 0) red.add(j); else keep.append(lab.charAt(j));
            ops[i] = red.isEmpty() ? operands[i] : sum(operands[i], red.stream().mapToInt(Integer::intValue).toArray());
            ins[i] = keep.toString();
        }
        for (char c : out.toCharArray()) if (!extent.containsKey(c)) throw new IllegalArgumentException("einsum: output label '" + c + "' is not in any operand");
        if (ins.length == 1) return permuteTo(ops[0], ins[0], out);
        String a = ins[0], b = ins[1];
        StringBuilder batch = new StringBuilder(), con = new StringBuilder(), fa = new StringBuilder(), fb = new StringBuilder();
        for (char c : a.toCharArray()) {
            if (b.indexOf(c) >= 0) (out.indexOf(c) >= 0 ? batch : con).append(c);
            else fa.append(c);
        }
        for (char c : b.toCharArray()) if (a.indexOf(c) < 0) fb.append(c);
        int nb = prod(extent, batch), nc = prod(extent, con), na = prod(extent, fa), nn = prod(extent, fb);
        Tensor am = reshape(permuteTo(ops[0], a, batch + "" + fa + con), nb, na, nc);
        Tensor bm = reshape(permuteTo(ops[1], b, batch + "" + con + fb), nb, nc, nn);
        String got = batch + "" + fa + fb;
        int[] dims = got.chars().map(c -> extent.get((char) c)).toArray();
        return permuteTo(reshape(matmul(am, bm), dims), got, out);
    }

    private static int prod(Map<Character, Integer> extent, CharSequence labels) {
        int p = 1;
        for (int i = 0; i < labels.length(); i++) p *= extent.get(labels.charAt(i));
        return p;
    }

    private static Tensor permuteTo(Tensor x, String from, String to) {
        int[] p = new int[to.length()];
        for (int i = 0; i < p.length; i++) p[i] = from.indexOf(to.charAt(i));
        return transpose(x, p);
    }
}
