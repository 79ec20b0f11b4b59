#!/usr/bin/env bash
# One training step of seed 004's models, BrainDyn against PyTorch (CPU) in the same runs: medians of REPEATS
# alternating runs for each thread count. MODEL: snn (compiled, event-driven) or lstm (eager, as fashion-lstm trains).
# Usage: bench/train-step-vs-torch.sh [REPEATS] [MODEL] [THREADS...]   e.g. bench/train-step-vs-torch.sh 3 snn 1 2
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=${1:-3}; model=${2:-snn}; shift $(( $# > 2 ? 2 : $# )); threads=${*:-1}
has_torch() { for py in python3 /usr/bin/python3; do "$py" -c "import torch" 2>/dev/null && return 0; done; return 1; }
if ! has_torch; then
  echo "installing python3-torch (Debian's PyTorch, CPU)"
  if [ "$(id -u)" = 0 ]; then apt-get install -y python3-torch; else sudo apt-get install -y python3-torch; fi
fi
extra=""; [ "$model" = lstm ] && extra="--eager"
out=$(mktemp)
for r in $(seq "$repeats"); do
  for t in $threads; do
    ./braindyn bench train-step --model "$model" --threads "$t" --json --peer $extra 2>/dev/null | grep '"bench"' | tee -a "$out"
  done
done
/usr/bin/env python3 - "$out" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
for t in sorted({r["threads"] for r in rows}):
    rs = [r for r in rows if r["threads"] == t]
    b, p = statistics.median(r["step_ms"] for r in rs), statistics.median(r["peer_step_ms"] for r in rs)
    print(f"{rs[0]['model']}, {t} thread(s), medians of {len(rs)}: BrainDyn {b:.1f} ms, PyTorch {p:.1f} ms, BrainDyn {p / b:.2f}x PyTorch's speed")
PY
