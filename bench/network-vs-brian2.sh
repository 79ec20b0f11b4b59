#!/usr/bin/env bash
# COBA / CUBA simulation-loop wall time, BrainDyn vs Brian2 cpp_standalone (one thread each), same machine, same run.
# Brian2 runs its fastest configuration for these models: state updater `euler` (forward Euler; measured against
# `exponential_euler` and, for CUBA, `exact` in bench/RESULTS.md), no OpenMP, Brian2's default -O3 -march=native.
# Usage: bench/network-vs-brian2.sh [REPEATS] [SIZES] [DURATIONS]
#   defaults: 3, "4000 40000", "1000 5000"; prints one JSON line per run and a median table.
# Installs Brian2 from Debian (python3-brian) if it is missing and apt-get is usable.
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=${1:-3}
sizes=${2:-4000 40000}
durations=${3:-1000 5000}
method=euler
py=/usr/bin/python3
if ! "$py" -c "import brian2" 2>/dev/null; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-brian >/dev/null
  else
    echo "Brian2 is missing: apt-get install python3-brian (needs root)" >&2; exit 1
  fi
fi
out=$(mktemp)
for model in coba cuba; do
  for n in $sizes; do
    for dur in $durations; do
      for r in $(seq "$repeats"); do
        b=$(./braindyn run "$model" --json --neurons "$n" --duration "$dur" --threads 1 2>/dev/null | tail -1)
        p=$("$py" bench/peer_brian2.py "$model" --neurons "$n" --duration "$dur" --method "$method" 2>/dev/null | tail -1)
        echo "braindyn $b"; echo "brian2   $p"
        echo "$model $n $dur $(echo "$b" | "$py" -c 'import json,sys; d=json.load(sys.stdin); print(d["run_s"], d["rate_hz"])') $(echo "$p" | "$py" -c 'import json,sys; d=json.load(sys.stdin); print(d["run_s"], d["rate_hz"])')" >> "$out"
      done
    done
  done
done
echo "Brian2 $("$py" -c 'import brian2; print(brian2.__version__)') cpp_standalone, method $method, 1 thread; $(g++ --version | head -1)"
"$py" - "$out" <<'PY'
import sys, statistics as st, collections
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    m, n, d, bs, br, ps, pr = line.split()
    rows[(m, int(n), float(d))].append((float(bs), float(br), float(ps), float(pr)))
print("| model | neurons | duration ms | BrainDyn run s (runs) | Brian2 run s (runs) | ratio BrainDyn/Brian2 | rate Hz BrainDyn / Brian2 |")
print("|---|---|---|---|---|---|---|")
for (m, n, d), v in rows.items():
    b = st.median(x[0] for x in v); p = st.median(x[2] for x in v)
    br = ", ".join(f"{x[0]:.3f}" for x in v); pr = ", ".join(f"{x[2]:.3f}" for x in v)
    print(f"| {m} | {n} | {d:.0f} | {b:.3f} ({br}) | {p:.3f} ({pr}) | {b/p:.2f} | {st.median(x[1] for x in v):.2f} / {st.median(x[3] for x in v):.2f} |")
PY
rm -f "$out"
