"""Writes measures_golden.npz: fixed inputs and NumPy-computed values of BrainDyn's measures (MeasuresTest reads it).
Each measure is written out here in NumPy from its published definition (the same as BrainPy's bp.measure).
Run from this folder: python3 make_measures_golden.py"""
import numpy as np

rng = np.random.default_rng(7)
T, N, dt = 400, 12, 0.1
spikes = (rng.random((T, N)) < 0.05).astype(np.float64)
spikes[:, 3] = 0.0                      # a silent neuron
potentials = rng.normal(-60, 3, (T, N)) + 2 * np.sin(np.arange(T) * dt / 3)[:, None]
times = np.arange(T) * dt
x, y, w = rng.normal(size=50), rng.normal(size=50), rng.random(50)
m1, m2 = rng.normal(size=(6, 6)), rng.normal(size=(6, 6))


def cross_correlation(sp, bin, dt):
    size = int(bin / dt)
    nb = int(np.ceil(sp.shape[0] / size))
    pad = np.zeros((nb * size, sp.shape[1]))
    pad[:sp.shape[0]] = sp
    states = (pad.T.reshape(sp.shape[1], nb, size).sum(axis=2) > 0).astype(float)
    ks = []
    for i in range(sp.shape[1]):
        for j in range(i):
            den = np.sqrt(states[i].sum() * states[j].sum())
            ks.append(0.0 if den == 0 else (states[i] * states[j]).sum() / den)
    return np.mean(ks)


def voltage_fluctuation(v):
    avg = v.mean(axis=1)
    avg_var = np.mean(avg * avg) - np.mean(avg) ** 2
    var_mean = np.mean(np.mean(v * v, axis=0) - np.mean(v, axis=0) ** 2)
    return 1.0 if var_mean == 0 else avg_var / var_mean


def matrix_correlation(a, b):
    iu = np.triu_indices_from(a, k=1)
    return np.corrcoef(a[iu], b[iu])[0, 1]


def weighted_correlation(a, b, w):
    mean = lambda u: np.sum(u * w) / np.sum(w)
    cov = lambda u, v: np.sum(w * (u - mean(u)) * (v - mean(v))) / np.sum(w)
    return cov(a, b) / np.sqrt(cov(a, a) * cov(b, b))


def firing_rate(sp, width, dt):
    width1 = int(width / 2 / dt) * 2 + 1
    return np.convolve(sp.mean(axis=1), np.ones(width1) * 1000 / width, mode="same")


def unitary_lfp(times, sp, xs, ys, exc):
    xmax = ymax = 0.2
    dist = np.sqrt((xs - xmax / 2) ** 2 + (ys - ymax / 2) ** 2)
    amp = np.exp(-dist / 0.2) * (0.48 if exc else 3.0)
    delay = 10.4 + dist / 200.0
    it, idn = np.where(sp)
    tts = times[it] + delay[idn]
    tau = 2 * (2.1 * 1.5) ** 2 if exc else 2 * 2.1 ** 2
    return np.array([np.sum(amp[idn] * np.exp(-(t - tts) ** 2 / tau)) for t in times])


xs, ys = rng.random(N) * 0.2, rng.random(N) * 0.2
fc = np.nan_to_num(np.corrcoef(potentials.T))
np.savez("measures_golden.npz", spikes=spikes, potentials=potentials, times=times, x=x, y=y, w=w, m1=m1, m2=m2, xs=xs, ys=ys,
         cross_correlation_2ms=np.array(cross_correlation(spikes, 2.0, dt)),
         cross_correlation_0_5ms=np.array(cross_correlation(spikes, 0.5, dt)),
         voltage_fluctuation=np.array(voltage_fluctuation(potentials)),
         matrix_correlation=np.array(matrix_correlation(m1, m2)),
         weighted_correlation=np.array(weighted_correlation(x, y, w)),
         functional_connectivity=fc,
         firing_rate_5ms=firing_rate(spikes, 5.0, dt),
         unitary_lfp_exc=unitary_lfp(times, spikes, xs, ys, True),
         unitary_lfp_inh=unitary_lfp(times, spikes, xs, ys, False))
print("wrote measures_golden.npz with NumPy", np.__version__)
