"""Writes elementwise_oracle.txt: NumPy's values of BrainDyn's elementwise primitives, an oracle independent of
BrainDyn's own element functions (ElementwiseOracleTest reads it). Run from this folder:
python3 make_elementwise_oracle.py   (NumPy; erf from Python's math module)

One line per element: `op dtype x [y] out`, numbers as exact hexadecimal floats (Java's Double.parseDouble reads
them), nan / inf / -inf spelled out.
float64 results are NumPy's float64 functions; float32 results are the float64 result rounded to float32 (the
correctly rounded value to within float64's error), so BrainDyn's float32 kernels are held to 1 ulp.
"""
import math
import numpy as np

rng = np.random.default_rng(20261201)
SPECIAL = np.array([0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, -2.5, 2.5, np.inf, -np.inf, np.nan, 1e-310, -1e-310,
                    1e-30, 1e30, -1e30, 700.0, -700.0, 88.0, -88.0, 3.0e38, 1e-7])


def inputs(domain, n=100):
    lo, hi = domain
    return np.concatenate([SPECIAL, rng.uniform(lo, hi, n), rng.standard_normal(n) * 3])


erf = np.vectorize(math.erf, otypes=[np.float64])


def logistic(x):
    with np.errstate(over="ignore"):
        return np.where(x >= 0, 1 / (1 + np.exp(-x)), np.exp(x) / (1 + np.exp(x)))


UNARY = {
    "neg": (np.negative, (-1e3, 1e3)), "abs": (np.abs, (-1e3, 1e3)), "sign": (np.sign, (-10, 10)),
    "floor": (np.floor, (-100, 100)), "ceil": (np.ceil, (-100, 100)), "round": (np.rint, (-100, 100)),
    "exp": (np.exp, (-50, 50)), "expm1": (np.expm1, (-5, 5)), "log": (np.log, (0, 1e4)), "log1p": (np.log1p, (-0.99, 10)),
    "sqrt": (np.sqrt, (0, 1e4)), "rsqrt": (lambda x: 1 / np.sqrt(x), (0, 1e4)), "sin": (np.sin, (-20, 20)),
    "cos": (np.cos, (-20, 20)), "tan": (np.tan, (-1.5, 1.5)), "tanh": (np.tanh, (-10, 10)),
    "logistic": (logistic, (-30, 30)), "erf": (erf, (-4, 4)),
}
BINARY = {
    "add": np.add, "sub": np.subtract, "mul": np.multiply, "div": np.divide, "rem": np.remainder,
    "pow": np.power, "max": np.maximum, "min": np.minimum, "atan2": np.arctan2,
}

out = {}
with np.errstate(all="ignore"):
    for name, (f, dom) in UNARY.items():
        x = inputs(dom)
        y = f(x)
        out[f"{name}_f64_x"], out[f"{name}_f64_out"] = x, y
        x32 = x.astype(np.float32)
        out[f"{name}_f32_x"], out[f"{name}_f32_out"] = x32, f(x32.astype(np.float64)).astype(np.float32)
    for name, f in BINARY.items():
        a, b = inputs((-50, 50)), inputs((-50, 50))[::-1].copy()
        if name == "pow":
            a = np.abs(a)
            b = np.clip(b, -30, 30)
            b[::7] = np.round(b[::7])
            a[::5] = -a[::5]   # negative bases with integer and non-integer exponents
        out[f"{name}_f64_x"], out[f"{name}_f64_y"], out[f"{name}_f64_out"] = a, b, f(a, b)
        a32, b32 = a.astype(np.float32), b.astype(np.float32)
        out[f"{name}_f32_x"], out[f"{name}_f32_y"] = a32, b32
        out[f"{name}_f32_out"] = f(a32.astype(np.float64), b32.astype(np.float64)).astype(np.float32)
def h(v):
    v = float(v)
    return "nan" if math.isnan(v) else ("inf" if v > 0 else "-inf") if math.isinf(v) else v.hex()


with open("elementwise_oracle.txt", "w") as f:
    f.write(f"# NumPy {np.__version__}; written by make_elementwise_oracle.py; op dtype x [y] out (hex floats)\n")
    for key in out:
        if not key.endswith("_out"):
            continue
        op, dt = key.split("_")[:2]
        x, y, o = out[f"{op}_{dt}_x"], out.get(f"{op}_{dt}_y"), out[key]
        for i in range(len(o)):
            f.write(" ".join([op, dt, h(x[i])] + ([h(y[i])] if y is not None else []) + [h(o[i])]) + "\n")
print(f"wrote elementwise_oracle.txt: {len(UNARY)} unary and {len(BINARY)} binary ops, NumPy {np.__version__}")
