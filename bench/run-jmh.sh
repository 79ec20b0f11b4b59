#!/usr/bin/env bash
# Runs the JMH benchmarks of braindyn-bench: bench/run-jmh.sh [JMH options, e.g. MatmulBench -prof gc]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$here/scripts/java-home.sh"
braindyn_find_java || exit 1
export JAVA_HOME
(cd "$here" && ./mvnw -q -B -DskipTests -pl braindyn-bench -am package)
exec "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector \
  -cp "$here/braindyn-bench/target/braindyn-bench-0.1.0-SNAPSHOT.jar:$here/braindyn-bench/target/lib/*" \
  org.openjdk.jmh.Main "$@"
