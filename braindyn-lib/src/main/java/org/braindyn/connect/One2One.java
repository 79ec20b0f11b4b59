package org.braindyn.connect;

/** Neuron {@code i} to neuron {@code i} (BrainPy's {@code One2One}); both populations must have the same size. */
public final class One2One extends Connector {
    @Override protected Conn build(int[] pre, int[] post) {
        int n = count(pre), m = count(post);
        if (n != m) throw new IllegalArgumentException("One2One: pre size " + n + " differs from post size " + m + "; one-to-one needs equal sizes");
        int[] i = new int[n];
        for (int k = 0; k < n; k++) i[k] = k;
        return Conn.fromIJ(n, m, i, i.clone());
    }
}
