#!/usr/bin/env python3
"""The NumPy/SciPy peer of `./braindyn bench esn-fit --peer`: the same echo-state network (weights read from the
.npz BrainDyn wrote), driven by the same signal, fitted by the same ridge regression, float64, with the BLAS threads it is given (OPENBLAS_NUM_THREADS).
ReservoirPy's algorithm: a SciPy CSR mat-vec per step; states gathered in blocks of 1,000 steps whose X^T X and
X^T Y are accumulated (X = [1, states]); a Cholesky solve of (X^T X + beta I) W = X^T Y.
Usage: peer_esn.py IN.npz OUT_W.npy   (prints one JSON line of timings)"""
import json, sys, time
import numpy as np
import scipy.linalg
import scipy.sparse

def main():
    d = np.load(sys.argv[1])
    w_in = d["w_in"][0]                      # (N,)
    n = w_in.shape[0]
    w = scipy.sparse.csr_matrix((d["data"], d["indices"], d["indptr"]), shape=(n, n))   # rows: post unit
    sig = d["signal"]; leak = float(d["leak"]); beta = float(d["beta"])
    xs, ys = sig[:-1], sig[1:]
    steps = xs.shape[0]
    block = 1000
    x = np.zeros(n)
    g = np.zeros((n + 1, n + 1)); r = np.zeros((n + 1, 1))
    buf = np.ones((block, n + 1))
    t_run = t_gram = 0.0
    t0 = time.perf_counter()
    for s0 in range(0, steps, block):
        s1 = min(steps, s0 + block)
        ta = time.perf_counter()
        for k, t in enumerate(range(s0, s1)):
            x = (1 - leak) * x + leak * np.tanh(w_in * xs[t] + w @ x)
            buf[k, 1:] = x
        tb = time.perf_counter()
        b = buf[: s1 - s0]
        g += b.T @ b
        r += b.T @ ys[s0:s1, None]
        t_run += tb - ta
        t_gram += time.perf_counter() - tb
    ts = time.perf_counter()
    wout = scipy.linalg.solve(g + beta * np.eye(n + 1), r, assume_a="pos")
    t_solve = time.perf_counter() - ts
    total = time.perf_counter() - t0
    np.save(sys.argv[2], wout)
    print(json.dumps({"run_s": t_run, "gram_s": t_gram, "solve_s": t_solve, "total_s": total,
                      "numpy": np.__version__, "scipy": __import__("scipy").__version__}))

if __name__ == "__main__":
    main()
