#!/usr/bin/env python3
"""Peer benchmark: the COBA / CUBA networks of `./braindyn run coba|cuba` in Brian2's cpp_standalone mode.

Same model as BrainDyn's CobaNetwork (Brette et al. 2007 as in BrainPy's quickstart): 80% excitatory, 20% inhibitory
LIF neurons (tau 20 ms, 5 ms refractory, V_th -50 mV, V_reset -60 mV), exponential synapses (tau_e 5 ms, tau_i 10 ms),
fixed connection probability 0.02 * 4000 / N without self-connections, dt 0.1 ms, one thread (no OpenMP).
  COBA: V_rest -60 mV, input 20 mV, conductance jumps 0.6 (E) and 6.7 (I), reversal 0 and -80 mV, V0 ~ N(-55, 2) mV.
  CUBA: V_rest -49 mV, no input, current jumps +1.62 mV (E) and -9 mV (I), V0 ~ U[-60, -50) mV.

Prints one JSON line like `./braindyn run coba --json`: rate_hz, spikes, run_s (the simulation loop as Brian2's
standalone binary reports it) and build_s (code generation + compilation, for information).

Usage: python3 bench/peer_brian2.py coba|cuba [--neurons N] [--duration MS] [--seed S] [--method M]
`--method` is Brian2's state updater: `euler` (default; Brian2's fastest for both models, as measured in
bench/RESULTS.md), `exponential_euler`, or `exact` (CUBA only: its equations are linear).
Needs Brian2 (Debian: apt-get install python3-brian; run with /usr/bin/python3) and a C++ compiler.
"""
import argparse
import json
import os
import shutil
import sys
import tempfile
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model", choices=["coba", "cuba"])
    ap.add_argument("--neurons", type=int, default=4000)
    ap.add_argument("--duration", type=float, default=1000.0, help="biological time in ms")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--method", choices=["euler", "exponential_euler", "exact"], default="euler",
                    help="Brian2 state updater; default euler, Brian2's fastest for both models (bench/RESULTS.md)")
    ap.add_argument("--we", type=float, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--wi", type=float, default=None, help=argparse.SUPPRESS)
    a = ap.parse_args()

    import brian2 as b2
    from brian2 import ms, mV

    workdir = tempfile.mkdtemp(prefix="brian2_peer_")
    b2.set_device("cpp_standalone", directory=workdir, build_on_run=False)
    b2.prefs.devices.cpp_standalone.openmp_threads = 0
    b2.defaultclock.dt = 0.1 * ms
    b2.seed(a.seed)

    n = a.neurons
    ne = n * 4 // 5
    prob = min(1.0, 0.02 * 4000 / n)
    cuba = a.model == "cuba"
    if cuba:
        eqs = """dv/dt = (-49*mV - v + ge + gi) / (20*ms) : volt (unless refractory)
                 dge/dt = -ge / (5*ms) : volt
                 dgi/dt = -gi / (10*ms) : volt"""
        we, wi = "ge += 1.62*mV", "gi -= 9*mV"
    else:
        eqs = """dv/dt = (-60*mV - v + ge*(0*mV - v) + gi*(-80*mV - v) + 20*mV) / (20*ms) : volt (unless refractory)
                 dge/dt = -ge / (5*ms) : 1
                 dgi/dt = -gi / (10*ms) : 1"""
        we, wi = "ge += %g" % (0.6 if a.we is None else a.we), "gi += %g" % (6.7 if a.wi is None else a.wi)
    P = b2.NeuronGroup(n, eqs, threshold="v > -50*mV", reset="v = -60*mV", refractory=5 * ms,
                       method=a.method)
    P.v = "-60*mV + 10*mV*rand()" if cuba else "-55*mV + 2*mV*randn()"
    E, I = P[:ne], P[ne:]
    syns = []
    for pre, post, on_pre in [(E, E, we), (E, I, we), (I, E, wi), (I, I, wi)]:
        s = b2.Synapses(pre, post, on_pre=on_pre)
        s.connect(condition="i != j" if pre is post else None, p=prob)
        syns.append(s)
    mon = b2.SpikeMonitor(P)
    # An explicit Network: Brian2's magic run() only collects objects bound to names, not those held in a list.
    net = b2.Network(P, mon, *syns)
    net.run(a.duration * ms)
    t0 = time.perf_counter()
    b2.device.build(directory=workdir, compile=True, run=True, debug=False)
    total = time.perf_counter() - t0
    run_s = b2.device._last_run_time
    spikes = int(mon.num_spikes)
    print(json.dumps({"model": a.model, "peer": "brian2 " + b2.__version__ + " cpp_standalone",
                      "method": a.method, "threads": 1,
                      "neurons": n, "duration_ms": a.duration, "seed": a.seed,
                      "rate_hz": round(spikes / n / (a.duration / 1000), 3), "spikes": spikes,
                      "build_s": round(total - run_s, 3), "run_s": round(run_s, 3)}))
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
