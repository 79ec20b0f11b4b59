#!/usr/bin/env bash
# COBA / CUBA simulation-loop wall time, BrainDyn vs Brian2 cpp_standalone (one thread each), same machine, same run.
# Usage: bench/network-vs-brian2.sh [REPEATS]   (default 3; prints one JSON line per run and a median table)
# Installs Brian2 from Debian (python3-brian) if it is missing and apt-get is usable.
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=${1:-3}
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
  for n in 4000 40000; do
    for dur in 1000 5000; do
      for r in $(seq "$repeats"); do
        b=$(./braindyn run "$model" --json --neurons "$n" --duration "$dur" --threads 1 2>/dev/null | tail -1)
        p=$("$py" bench/peer_brian2.py "$model" --neurons "$n" --duration "$dur" 2>/dev/null | tail -1)
        echo "braindyn $b"; echo "brian2   $p"
        echo "$model $n $dur $(echo "$b" | "$py" -c 'import json,sys; d=json.load(sys.stdin); print(d["run_s"], d["rate_hz"])') $(echo "$p" | "$py" -c 'import json,sys; d=json.load(sys.stdin); print(d["run_s"], d["rate_hz"])')" >> "$out"
      done
    done
  done
done
"$py" - "$out" <<'PY'
import sys, statistics as st, collections
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    m, n, d, bs, br, ps, pr = line.split()
    rows[(m, int(n), float(d))].append((float(bs), float(br), float(ps), float(pr)))
print("| model | neurons | duration ms | BrainDyn run s | Brian2 run s | ratio BrainDyn/Brian2 | rate Hz BrainDyn / Brian2 |")
print("|---|---|---|---|---|---|---|")
for (m, n, d), v in rows.items():
    b = st.median(x[0] for x in v); p = st.median(x[2] for x in v)
    print(f"| {m} | {n} | {d:.0f} | {b:.3f} | {p:.3f} | {b/p:.2f} | {st.median(x[1] for x in v):.2f} / {st.median(x[3] for x in v):.2f} |")
PY
rm -f "$out"
