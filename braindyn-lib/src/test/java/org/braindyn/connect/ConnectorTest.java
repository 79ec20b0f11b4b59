package org.braindyn.connect;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import org.braindyn.tensor.Csr;
import org.braindyn.tensor.Index;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Connectors: BrainPy's deterministic examples I1–I9 exactly, random connectors' invariants and statistics (I11). */
class ConnectorTest {
    static Tensor ints(int... v) { return array(v); }

    @Test
    void oneToOneAndAllToAllI1I2() {
        Conn o = new One2One().connect(5, 5);
        assertEquals(ints(0, 1, 2, 3, 4), o.preIds());
        assertEquals(ints(0, 1, 2, 3, 4), o.postIds());
        assertEquals(ints(0, 1, 2, 3, 4), o.pre2post().indices());
        assertEquals(ints(0, 1, 2, 3, 4, 5), o.pre2post().indptr());
        assertThrows(IllegalArgumentException.class, () -> new One2One().connect(5, 4));
        Conn a = new All2All(false).connect(5, 5);
        assertEquals(ints(0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4), a.preIds());
        assertEquals(ints(1, 2, 3, 4, 0, 2, 3, 4, 0, 1, 3, 4, 0, 1, 2, 4, 0, 1, 2, 3), a.postIds());
        assertEquals(ints(0, 4, 8, 12, 16, 20), a.pre2post().indptr());
        assertEquals(logicalNot(eye(5).astype(org.braindyn.tensor.DType.BOOL)), a.connMat());
    }

    @Test
    void gridsI3I4I5() {
        Conn four = GridN.four(false).connectWithin(4, 4);
        assertEquals(ints(0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 4, 4, 4, 5, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 9, 9, 10, 10, 10, 10,
                11, 11, 11, 12, 12, 13, 13, 13, 14, 14, 14, 15, 15), four.preIds());
        Conn eight = GridN.eight(false).connectWithin(4, 4);
        assertEquals(84, eight.size());
        assertEquals(8, sum(eight.connMat().get("5")).item(), "an interior neuron has 8 neighbours");
        assertEquals(eight.connMat(), GridN.of(1, false).connectWithin(4, 4).connMat());
        assertEquals(24, sum(GridN.of(2, false).connectWithin(5, 5).connMat().get("12")).item(), "N = 2: a 5×5 neighbourhood");
    }

    @Test
    void explicitStructuresI6I7I8I9() {
        Conn ij = new IJConn(new int[] {0, 1, 2}, new int[] {0, 0, 0}).connect(5, 3);
        assertEquals(array(new boolean[][] {{true, false, false}, {true, false, false}, {true, false, false}, {false, false, false}, {false, false, false}}), ij.connMat());
        assertEquals(ints(0, 0, 0), ij.pre2post().indices());
        assertEquals(ints(0, 1, 2, 3, 3, 3), ij.pre2post().indptr());
        assertEquals(ints(0, 1, 2), ij.pre2syn().indices());
        assertEquals(ints(0, 1, 2, 3, 3, 3), ij.pre2syn().indptr());

        Tensor m = array(new boolean[][] {{true, true, false}, {false, true, true}, {true, false, true}, {false, false, true}, {true, false, false}});
        Conn mc = new MatConn(m).connect(5, 3);
        assertEquals(ints(0, 1, 1, 2, 0, 2, 2, 0), mc.pre2post().indices());
        assertEquals(ints(0, 2, 4, 6, 7, 8), mc.pre2post().indptr());
        assertEquals(ints(0, 1, 2, 3, 4, 5, 6, 7), mc.pre2syn().indices());

        Csr csr = Csr.fromDense(array(new boolean[][] {{true, false, true}, {true, false, true}, {true, false, false}, {false, true, true}, {false, true, false}}));
        Conn sm = new SparseMatConn(csr).connect(5, 3);
        assertEquals(ints(0, 2, 0, 2, 0, 1, 2, 1), sm.pre2post().indices());
        assertEquals(ints(0, 2, 4, 5, 7, 8), sm.pre2post().indptr());
        assertEquals(ints(0, 2, 4, 5, 7, 1, 3, 6), sm.post2syn().indices());
        assertEquals(ints(0, 3, 5, 8), sm.post2syn().indptr());

        Tensor w = array(new double[][] {{1, 1.5, 0, 0.5}, {0, 2.5, 0, 0}, {2, 0, 3, 0}});
        Conn wc = new MatConn(w).connect(3, 4);
        assertEquals(array(new double[] {1, 1.5, 0.5, 2.5, 2, 3}), w.get(Index.take(wc.preIds()), Index.take(wc.postIds())));
    }

    /** Every property agrees with the dense matrix. */
    static void consistent(Conn c) {
        Tensor mat = c.connMat();
        int[] pre = c.preIds().toIntArray(), post = c.postIds().toIntArray();
        for (int s = 0; s < pre.length; s++) assertTrue(mat.getBool(pre[s], post[s]));
        assertEquals(sum(mat).item(), (double) c.size(), "no duplicate synapses");
        int[] p2pI = c.post2pre().indices().toIntArray(), p2pP = c.post2pre().indptr().toIntArray();
        for (int j = 0; j < c.postNum(); j++) for (int k = p2pP[j]; k < p2pP[j + 1]; k++) assertTrue(mat.getBool(p2pI[k], j));
        assertEquals(c.size(), p2pP[c.postNum()]);
        assertTrue(allclose(c.connMat().astype(org.braindyn.tensor.DType.F32), c.csr().toDense(scalar(1))));
    }

    @Test
    void randomConnectorsI11() {
        Conn pre2 = FixedNum.preNum(2, true, 1).connect(4, 4);
        assertEquals(full(new int[] {4}, 2).astype(org.braindyn.tensor.DType.I32), sum(pre2.connMat(), 0), "every column has 2");
        Conn post2 = FixedNum.postNum(2, true, 1).connect(4, 4);
        assertEquals(full(new int[] {4}, 2).astype(org.braindyn.tensor.DType.I32), sum(post2.connMat(), 1), "every row has 2");
        Conn noSelf = new FixedProb(0.5, false, 7).connect(50, 50);
        assertEquals(0.0, sum(diag(noSelf.connMat().astype(org.braindyn.tensor.DType.I32))).item(), "no diagonal");
        for (Connector g : new Connector[] {Graphs.smallWorld(4, 0.2, false, 3), Graphs.scaleFreeBA(5, false, 3),
                Graphs.scaleFreeBADual(3, 5, 0.5, false, 3), Graphs.powerLaw(3, 0.5, false, 3)}) {
            Conn c = g.connectWithin(30);
            assertEquals(c.connMat(), c.connMat().T(), g.name() + " is symmetric");
            assertEquals(0.0, sum(diag(c.connMat().astype(org.braindyn.tensor.DType.I32))).item(), g.name() + " has no self loop");
            consistent(c);
        }
        Conn sw = Graphs.smallWorld(4, 0.0, false, 3).connectWithin(10);
        assertEquals(full(new int[] {10}, 4).astype(org.braindyn.tensor.DType.I32), sum(sw.connMat(), 1), "p = 0: a ring lattice of degree 4");
        Conn gp = new GaussianProb(2, true, true, 5).connectWithin(10);
        assertEquals(10.0, sum(diag(gp.connMat().astype(org.braindyn.tensor.DType.I32))).item(), "self connections kept");
        consistent(new FixedProb(0.1, true, 2).connect(40, 30));
        consistent(FixedNum.preNum(3, false, 9).connect(20, 20));
    }

    @Test
    void fixedProbStatisticsAndReproducibility() {
        Conn c = new FixedProb(0.02, false, 42).connect(4000, 4000);
        double meanIn = c.size() / 4000.0;
        assertEquals(0.02 * 3999, meanIn, 1.0, "mean in-degree");
        assertEquals(c.preIds(), new FixedProb(0.02, false, 42).connect(4000, 4000).preIds(), "same seed, same synapses");
        assertNotEquals(c.size(), new FixedProb(0.02, false, 43).connect(4000, 4000).size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FixedNum.postNum(5, false, 1).connect(4, 4));
        assertTrue(e.getMessage().contains("cannot pick 5 distinct partners out of 3"), e.getMessage());
    }
}
