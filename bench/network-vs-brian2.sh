#!/usr/bin/env bash
# COBA / CUBA simulation-loop wall time, BrainDyn vs Brian2 cpp_standalone, same machine, same run, alternating.
# Brian2 runs its fastest configuration for these models: state updater `euler` (forward Euler; measured against
# `exponential_euler` and, for CUBA, `exact` in bench/RESULTS.md), Brian2's default -O3 -march=native; one thread
# means no OpenMP, T > 1 threads means OpenMP with T threads for Brian2 and `--threads T` for BrainDyn.
# `run_s` is the simulation loop on both sides: Brian2's code generation and C++ compilation (build_s) and BrainDyn's
# tracing and kernel generation (compile_s) are printed apart; HotSpot's warm-up of the generated code is in
# BrainDyn's loop time.
# Usage: bench/network-vs-brian2.sh [REPEATS] [SIZES] [DURATIONS] [THREADS] [METHODS] [MODELS]
#   defaults: 3, "4000 40000", "1000 5000", "1", "euler", "coba cuba"; e.g. METHODS="euler exponential_euler" adds
#   Brian2's exponential-Euler rows. MODELS may include coba-hh (Brette et al.'s benchmark 3), for which Brian2 runs
#   HH_METHODS (default exponential_euler: forward Euler is not stable for these HH equations at dt 0.1 ms, see
#   bench/RESULTS.md). Prints one JSON line per run and a median table.
# Installs Brian2 from Debian (python3-brian) if it is missing and apt-get is usable.
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=${1:-3}
sizes=${2:-4000 40000}
durations=${3:-1000 5000}
threads_list=${4:-1}
methods=${5:-euler}
models=${6:-coba cuba}
py=/usr/bin/python3
if ! "$py" -c "import brian2" 2>/dev/null; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-brian g++ >/dev/null
  else
    echo "Brian2 is missing: apt-get install python3-brian g++ (needs root)" >&2; exit 1
  fi
fi
out=$(mktemp)
field() { "$py" -c 'import json,sys; d=json.load(sys.stdin); print(" ".join(str(d.get(k, 0)) for k in sys.argv[1:]))' "$@"; }
for model in $models; do
  peer=$model; model_methods=$methods
  if [ "$model" = coba-hh ]; then peer=cobahh; model_methods=${HH_METHODS:-exponential_euler}; fi
  for n in $sizes; do
    for dur in $durations; do
      for th in $threads_list; do
        for method in $model_methods; do
          for r in $(seq "$repeats"); do
            b=$(./braindyn run "$model" --json --neurons "$n" --duration "$dur" --threads "$th" 2>/dev/null | tail -1)
            p=$("$py" bench/peer_brian2.py "$peer" --neurons "$n" --duration "$dur" --method "$method" --threads "$th" 2>/dev/null | tail -1)
            echo "braindyn $b"; echo "brian2   $p"
            echo "$model $n $dur $th $method $(echo "$b" | field run_s rate_hz compile_s) $(echo "$p" | field run_s rate_hz)" >> "$out"
          done
        done
      done
    done
  done
done
echo "Brian2 $("$py" -c 'import brian2; print(brian2.__version__)') cpp_standalone; $(g++ --version | head -1); $(date -u +%F)"
"$py" - "$out" <<'PY'
import sys, statistics as st, collections
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    m, n, d, th, meth, bs, br, bc, ps, pr = line.split()
    rows[(m, int(n), float(d), int(th), meth)].append((float(bs), float(br), float(bc), float(ps), float(pr)))
print("| model | neurons | duration ms | threads | Brian2 method | BrainDyn loop s (runs) | BrainDyn compile s | Brian2 loop s (runs) | BrainDyn speed vs Brian2 | rate Hz BrainDyn / Brian2 |")
print("|---|---|---|---|---|---|---|---|---|---|")
for (m, n, d, th, meth), v in rows.items():
    b = st.median(x[0] for x in v); p = st.median(x[3] for x in v)
    br = ", ".join(f"{x[0]:.3f}" for x in v); pr = ", ".join(f"{x[3]:.3f}" for x in v)
    print(f"| {m} | {n} | {d:.0f} | {th} | {meth} | {b:.3f} ({br}) | {st.median(x[2] for x in v):.3f} | {p:.3f} ({pr}) | {p/b:.2f}x | {st.median(x[1] for x in v):.2f} / {st.median(x[4] for x in v):.2f} |")
PY
rm -f "$out"
