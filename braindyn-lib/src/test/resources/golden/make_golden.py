"""Writes the NumPy golden files that braindyn's io tests read. Run from this folder: python3 make_golden.py"""
import numpy as np

f32 = np.array([[1.5, -2.25, 0.0], [np.inf, -0.0, 3.0e-8]], dtype=np.float32)
f64 = np.linspace(-1.0, 1.0, 7).reshape(7)
i32 = np.arange(24, dtype=np.int32).reshape(2, 3, 4) - 5
b1 = np.array([[True, False], [False, True], [True, True]])
scalar = np.array(2.5, dtype=np.float64)
empty = np.zeros((0, 3), dtype=np.float32)

for name, a in dict(f32=f32, f64=f64, i32=i32, b1=b1, scalar=scalar, empty=empty).items():
    np.save(f"{name}.npy", a)
np.save("fortran_f64.npy", np.asfortranarray(np.arange(6, dtype=np.float64).reshape(2, 3)))
np.save("bigendian_i32.npy", np.arange(5, dtype=">i4"))
np.save("int64.npy", np.array([[1, -2], [3, 2**31 - 1]], dtype=np.int64))
np.save("uint8.npy", np.array([0, 255, 7], dtype=np.uint8))
np.savez("arrays.npz", f32=f32, i32=i32, b1=b1)
np.savez_compressed("arrays_compressed.npz", f64=f64, scalar=scalar)
