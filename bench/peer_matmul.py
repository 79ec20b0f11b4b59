"""Peer timing for `./braindyn bench matmul --peer`: NumPy float32 matmul, one thread, median of several runs.
Usage: OPENBLAS_NUM_THREADS=1 python3 bench/peer_matmul.py 256x784x100 512x512x512
Prints one JSON object per size: {"peer":"numpy","m":..,"k":..,"n":..,"gflops":..,"threads":1,"blas":..}"""
import json
import sys
import time

import numpy as np


def blas_name():
    try:
        cfg = np.show_config(mode="dicts")
        return cfg["Build Dependencies"]["blas"]["name"] + " " + cfg["Build Dependencies"]["blas"]["version"]
    except Exception:  # older numpy
        return "unknown"


def main():
    rng = np.random.default_rng(1)
    for size in sys.argv[1:]:
        m, k, n = (int(v) for v in size.lower().split("x"))
        a = rng.uniform(-1, 1, (m, k)).astype(np.float32)
        b = rng.uniform(-1, 1, (k, n)).astype(np.float32)
        t = time.perf_counter()
        while time.perf_counter() - t < 1.0:
            a @ b
        runs = []
        for _ in range(7):
            reps, t0 = 0, time.perf_counter()
            while time.perf_counter() - t0 < 0.05:
                a @ b
                reps += 1
            runs.append((time.perf_counter() - t0) / reps)
        runs.sort()
        s = runs[len(runs) // 2]
        print(json.dumps({"peer": "numpy", "m": m, "k": k, "n": n, "gflops": round(2 * m * k * n / s / 1e9, 2),
                          "threads": 1, "blas": blas_name()}))


if __name__ == "__main__":
    main()
