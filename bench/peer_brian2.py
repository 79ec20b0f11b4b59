#!/usr/bin/env python3
"""Peer benchmark: the COBA / CUBA networks of `./braindyn run coba|cuba` in Brian2's cpp_standalone mode.

Same model as BrainDyn's CobaNetwork (Brette et al. 2007 as in BrainPy's quickstart): 80% excitatory, 20% inhibitory
LIF neurons (tau 20 ms, 5 ms refractory, V_th -50 mV, V_reset -60 mV), exponential synapses (tau_e 5 ms, tau_i 10 ms),
fixed connection probability 0.02 * 4000 / N without self-connections, dt 0.1 ms, one thread (no OpenMP).
  COBA: V_rest -60 mV, input 20 mV, conductance jumps 0.6 (E) and 6.7 (I), reversal 0 and -80 mV, V0 ~ N(-55, 2) mV.
  CUBA: V_rest -49 mV, no input, current jumps +1.62 mV (E) and -9 mV (I), V0 ~ U[-60, -50) mV.
  COBAHH: Brette et al. 2007 benchmark 3 as in Brian2's own example (Traub-Miles HH, area 20000 um^2, Cm 1 uF/cm^2,
  gl 5e-5 S/cm^2, El -60, EK -90, ENa 50 mV, g_na 100, g_kd 30 mS/cm^2, VT -63 mV; ge/gi exponential, tau 5 / 10 ms,
  we 6 nS, wi 67 nS, Ee 0, Ei -80 mV; threshold v > -20 mV with 3 ms refractory (re-detection only); v0 = El +
  5 mV*randn - 5 mV, ge0 = (4 + 1.5 randn)*10 nS, gi0 = (20 + 12 randn)*10 nS; no external input).

Prints one JSON line like `./braindyn run coba --json`: rate_hz, spikes, run_s (the simulation loop as Brian2's
standalone binary reports it) and build_s (code generation + compilation, for information).

Usage: python3 bench/peer_brian2.py coba|cuba|cobahh [--neurons N] [--duration MS] [--seed S] [--method M] [--threads T]
`--method` is Brian2's state updater: `euler` (default for coba/cuba; Brian2's fastest for them, as measured in
bench/RESULTS.md), `exponential_euler` (default for cobahh: Brian2's example's method; forward Euler, where stable,
is measured beside it), or `exact` (CUBA only: its equations are linear).
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
    ap.add_argument("model", choices=["coba", "cuba", "cobahh"])
    ap.add_argument("--neurons", type=int, default=4000)
    ap.add_argument("--duration", type=float, default=1000.0, help="biological time in ms")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--method", choices=["euler", "exponential_euler", "exact"], default=None,
                    help="Brian2 state updater; default euler, Brian2's fastest for both models (bench/RESULTS.md)")
    ap.add_argument("--threads", type=int, default=1, help="OpenMP threads of the standalone binary (1: no OpenMP)")
    ap.add_argument("--we", type=float, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--wi", type=float, default=None, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.method is None:   # Brian2's fastest valid method per model (bench/RESULTS.md): euler for the LIF nets, exponential_euler for HH
        a.method = "exponential_euler" if a.model == "cobahh" else "euler"

    import brian2 as b2
    from brian2 import ms, mV

    workdir = tempfile.mkdtemp(prefix="brian2_peer_")
    b2.set_device("cpp_standalone", directory=workdir, build_on_run=False)
    b2.prefs.devices.cpp_standalone.openmp_threads = a.threads if a.threads > 1 else 0
    b2.defaultclock.dt = 0.1 * ms
    b2.seed(a.seed)

    n = a.neurons
    ne = n * 4 // 5
    prob = min(1.0, 0.02 * 4000 / n)
    cuba = a.model == "cuba"
    if a.model == "cobahh":
        P, syns = cobahh(b2, n, ne, prob, a.method)
    else:
        P, syns = lif_net(b2, n, ne, prob, a, cuba)
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
                      "method": a.method, "threads": a.threads,
                      "neurons": n, "duration_ms": a.duration, "seed": a.seed,
                      "rate_hz": round(spikes / n / (a.duration / 1000), 3), "spikes": spikes,
                      "build_s": round(total - run_s, 3), "run_s": round(run_s, 3)}))
    shutil.rmtree(workdir, ignore_errors=True)


def lif_net(b2, n, ne, prob, a, cuba):
    from brian2 import ms, mV
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
    return P, syns


def cobahh(b2, count, ne, prob, method):
    from brian2 import ms, mV, umetre, ufarad, cm, siemens, msiemens, nS
    area = 20000 * umetre ** 2
    Cm = 1 * ufarad * cm ** -2 * area
    gl = 5e-5 * siemens * cm ** -2 * area
    El, EK, ENa = -60 * mV, -90 * mV, 50 * mV
    g_na = 100 * msiemens * cm ** -2 * area
    g_kd = 30 * msiemens * cm ** -2 * area
    VT = -63 * mV
    taue, taui, we, wi, Ee, Ei = 5 * ms, 10 * ms, 6 * nS, 67 * nS, 0 * mV, -80 * mV
    eqs = """dv/dt = (gl*(El-v) + ge*(Ee-v) + gi*(Ei-v) - g_na*(m*m*m)*h*(v-ENa) - g_kd*(n*n*n*n)*(v-EK))/Cm : volt
             dm/dt = alpha_m*(1-m)-beta_m*m : 1
             dn/dt = alpha_n*(1-n)-beta_n*n : 1
             dh/dt = alpha_h*(1-h)-beta_h*h : 1
             dge/dt = -ge*(1./taue) : siemens
             dgi/dt = -gi*(1./taui) : siemens
             alpha_m = 0.32*(mV**-1)*4*mV/exprel((13*mV-v+VT)/(4*mV))/ms : Hz
             beta_m = 0.28*(mV**-1)*5*mV/exprel((v-VT-40*mV)/(5*mV))/ms : Hz
             alpha_h = 0.128*exp((17*mV-v+VT)/(18*mV))/ms : Hz
             beta_h = 4./(1+exp((40*mV-v+VT)/(5*mV)))/ms : Hz
             alpha_n = 0.032*(mV**-1)*5*mV/exprel((15*mV-v+VT)/(5*mV))/ms : Hz
             beta_n = .5*exp((10*mV-v+VT)/(40*mV))/ms : Hz"""
    ns = dict(area=area, Cm=Cm, gl=gl, El=El, EK=EK, ENa=ENa, g_na=g_na, g_kd=g_kd, VT=VT, taue=taue, taui=taui, Ee=Ee, Ei=Ei)
    P = b2.NeuronGroup(count, eqs, threshold="v > -20*mV", refractory=3 * ms, method=method, namespace=ns)
    P.v = "El + (randn() * 5 - 5)*mV"
    P.ge = "(randn() * 1.5 + 4) * 10.*nS"
    P.gi = "(randn() * 12 + 20) * 10.*nS"
    E, I = P[:ne], P[ne:]
    syns = []
    for pre, post, on_pre in [(E, E, "ge += we"), (E, I, "ge += we"), (I, E, "gi += wi"), (I, I, "gi += wi")]:
        s = b2.Synapses(pre, post, on_pre=on_pre, namespace=dict(we=we, wi=wi))
        s.connect(condition="i != j" if pre is post else None, p=prob)
        syns.append(s)
    return P, syns


if __name__ == "__main__":
    sys.exit(main())
