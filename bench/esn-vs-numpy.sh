#!/usr/bin/env bash
# ESN run + ridge fit, BrainDyn against NumPy/SciPy on the same weights, float64, THREADS each (default 1; with 2,
# BrainDyn accumulates the normal equations beside the run and the peer's OpenBLAS gets 2 threads): medians of REPEATS.
# Usage: bench/esn-vs-numpy.sh [REPEATS] [STEPS] [UNITS] [THREADS]
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=${1:-3}; steps=${2:-100000}; units=${3:-2000}; threads=${4:-1}
# the peer runs under the first of python3 and Debian's /usr/bin/python3 that has NumPy and SciPy (as ./braindyn does)
has_numpy() { for py in python3 /usr/bin/python3; do "$py" -c "import numpy, scipy" 2>/dev/null && return 0; done; return 1; }
if ! has_numpy; then
  echo "installing python3-numpy python3-scipy"
  if [ "$(id -u)" = 0 ]; then apt-get install -y python3-numpy python3-scipy; else sudo apt-get install -y python3-numpy python3-scipy; fi
fi
out=$(mktemp)
for r in $(seq "$repeats"); do
  ./braindyn bench esn-fit --steps "$steps" --units "$units" --threads "$threads" --json --peer 2>/dev/null | grep '"bench"' | tee -a "$out"
done
/usr/bin/env python3 - "$out" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
med = lambda k: statistics.median(r[k] for r in rows)
print(f"medians of {len(rows)}: BrainDyn total {med('total_s'):.2f} s (run {med('run_s'):.2f}, normal equations {med('gram_s'):.2f}, solve {med('solve_s'):.2f}); "
      f"NumPy/SciPy total {med('peer_total_s'):.2f} s (run {med('peer_run_s'):.2f}, X^T X {med('peer_gram_s'):.2f}, solve {med('peer_solve_s'):.2f}); "
      f"speedup {med('peer_total_s') / med('total_s'):.2f}x; readouts differ by {max(r['readout_rel_diff'] for r in rows):.1e} (relative)")
PY
