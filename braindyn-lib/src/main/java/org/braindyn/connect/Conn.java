package org.braindyn.connect;

import java.util.Arrays;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Csr;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * A built connectivity between {@code preNum} and {@code postNum} neurons: synapse {@code s} connects
 * {@code preIds[s] → postIds[s]}, synapses sorted by presynaptic neuron (and, within one, in the order the connector
 * produced them). Every BrainPy connection property derives from it (SPEC §1.19): {@link #connMat()},
 * {@link #pre2post()}, {@link #post2pre()}, {@link #pre2syn()}, {@link #post2syn()}, and {@link #csr()} for the
 * event-driven operators.
 */
public final class Conn {
    /** A structure of (indices, indptr): the indices of row {@code r} are {@code indices[indptr[r] .. indptr[r+1])}. */
    public record Pairs(Tensor indices, Tensor indptr) {}

    private final int preNum, postNum;
    private final int[] pre, post;

    private Conn(int preNum, int postNum, int[] pre, int[] post) {
        this.preNum = preNum;
        this.postNum = postNum;
        this.pre = pre;
        this.post = post;
    }

    /** From (pre, post) pairs; sorted by pre, stable. Indices are checked against the sizes. */
    public static Conn fromIJ(int preNum, int postNum, int[] i, int[] j) {
        if (i.length != j.length) throw new IllegalArgumentException("Conn: " + i.length + " pre ids but " + j.length + " post ids");
        for (int s = 0; s < i.length; s++) {
            if (i[s] < 0 || i[s] >= preNum) throw new IllegalArgumentException("Conn: pre id " + i[s] + " at synapse " + s + " is outside 0 … " + (preNum - 1));
            if (j[s] < 0 || j[s] >= postNum) throw new IllegalArgumentException("Conn: post id " + j[s] + " at synapse " + s + " is outside 0 … " + (postNum - 1));
        }
        int[] count = new int[preNum + 1];
        for (int a : i) count[a + 1]++;
        for (int r = 0; r < preNum; r++) count[r + 1] += count[r];
        int[] p = new int[i.length], q = new int[i.length], pos = count.clone();
        for (int s = 0; s < i.length; s++) { int d = pos[i[s]]++; p[d] = i[s]; q[d] = j[s]; }
        return new Conn(preNum, postNum, p, q);
    }

    /** From CSR by pre (post indices, indptr of length preNum + 1). */
    public static Conn fromCsr(int preNum, int postNum, int[] indices, int[] indptr) {
        if (indptr.length != preNum + 1 || indptr[preNum] != indices.length)
            throw new IllegalArgumentException("Conn: indptr must have " + (preNum + 1) + " entries ending at " + indices.length);
        int[] p = new int[indices.length];
        for (int r = 0; r < preNum; r++) Arrays.fill(p, indptr[r], indptr[r + 1], r);
        return fromIJ(preNum, postNum, p, indices.clone());
    }

    /** The non-zero entries of a matrix (boolean or weights), row-major. */
    public static Conn fromMatrix(Tensor m) {
        if (m.ndim() != 2) throw new IllegalArgumentException("Conn: needs a 2-D matrix; got shape " + m.shape());
        Tensor[] nz = BM.nonzero(m.astype(DType.BOOL));
        return new Conn(m.dim(0), m.dim(1), nz[0].toIntArray(), nz[1].toIntArray());
    }

    /** Number of presynaptic neurons. */ public int preNum() { return preNum; }
    /** Number of postsynaptic neurons. */ public int postNum() { return postNum; }
    /** Number of synapses. */ public int size() { return pre.length; }

    /** Pre id of every synapse (int32). */ public Tensor preIds() { return Tensor.wrap(DType.I32, Shape.of(pre.length), pre.clone()); }
    /** Post id of every synapse (int32). */ public Tensor postIds() { return Tensor.wrap(DType.I32, Shape.of(post.length), post.clone()); }

    /** Dense boolean {@code (preNum, postNum)} matrix. */
    public Tensor connMat() {
        boolean[] m = new boolean[preNum * postNum];
        for (int s = 0; s < pre.length; s++) m[pre[s] * postNum + post[s]] = true;
        return Tensor.wrap(DType.BOOL, Shape.of(preNum, postNum), m);
    }

    /** Post ids grouped by pre. */
    public Pairs pre2post() { return new Pairs(postIds(), ints(indptr(pre, preNum))); }

    /** Synapse ids grouped by pre (they are consecutive). */
    public Pairs pre2syn() {
        int[] ids = new int[pre.length];
        for (int s = 0; s < ids.length; s++) ids[s] = s;
        return new Pairs(ints(ids), ints(indptr(pre, preNum)));
    }

    /** Pre ids grouped by post (stable within a post: in synapse order). */
    public Pairs post2pre() {
        int[] syn = bySyn();
        int[] out = new int[syn.length];
        for (int k = 0; k < syn.length; k++) out[k] = pre[syn[k]];
        return new Pairs(ints(out), ints(indptr(post, postNum)));
    }

    /** Synapse ids grouped by post. */
    public Pairs post2syn() { return new Pairs(ints(bySyn()), ints(indptr(post, postNum))); }

    /** The structure for {@link BM#csrEventSum} and friends (rows pre, columns post). */
    public Csr csr() { return new Csr(ints(indptr(pre, preNum)), postIds(), preNum, postNum); }

    private int[] bySyn() {
        int[] pos = indptr(post, postNum), out = new int[post.length];
        for (int s = 0; s < post.length; s++) out[pos[post[s]]++] = s;
        return out;
    }

    private static int[] indptr(int[] ids, int n) {
        int[] p = new int[n + 1];
        for (int a : ids) p[a + 1]++;
        for (int r = 0; r < n; r++) p[r + 1] += p[r];
        return p;
    }

    private static Tensor ints(int[] a) { return Tensor.wrap(DType.I32, Shape.of(a.length), a); }

    /** Raw pre ids (no copy, read-only by contract) for builders in this package. */
    int[] rawPre() { return pre; }

    /** Raw post ids (no copy). */
    int[] rawPost() { return post; }

    @Override public String toString() { return "Conn(" + preNum + " → " + postNum + ", " + pre.length + " synapses)"; }
}
