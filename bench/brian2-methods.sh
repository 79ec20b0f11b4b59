#!/usr/bin/env bash
# Which Brian2 state updater is fastest for the COBA / CUBA benchmark networks (cpp_standalone, one thread)?
# Runs bench/peer_brian2.py with each applicable method (COBA is nonlinear, so `exact` applies to CUBA only) and
# prints the median simulation-loop time of REPEATS runs; bench/network-vs-brian2.sh uses the winner.
# Usage: bench/brian2-methods.sh [REPEATS] [NEURONS] [DURATION_MS]   (defaults 3, 4000, 5000)
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=${1:-3}; n=${2:-4000}; dur=${3:-5000}
py=/usr/bin/python3
"$py" -c "import brian2" 2>/dev/null || { echo "Brian2 is missing: apt-get install python3-brian" >&2; exit 1; }
echo "Brian2 $("$py" -c 'import brian2; print(brian2.__version__)') cpp_standalone, 1 thread, $n neurons, $dur ms; $(g++ --version | head -1)"
for model in coba cuba; do
  methods="euler exponential_euler"; [ "$model" = cuba ] && methods="$methods exact"
  for m in $methods; do
    runs=()
    for r in $(seq "$repeats"); do
      runs+=("$("$py" bench/peer_brian2.py "$model" --neurons "$n" --duration "$dur" --method "$m" 2>/dev/null | tail -1 \
        | "$py" -c 'import json,sys; print(json.load(sys.stdin)["run_s"])')")
    done
    med=$(printf '%s\n' "${runs[@]}" | sort -g | sed -n "$(( (repeats + 1) / 2 ))p")
    echo "$model $m run_s median $med (runs ${runs[*]})"
  done
done
