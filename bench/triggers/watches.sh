#!/usr/bin/env bash
# Shared watches: N event-driven agents whose kubernetes-event trigger watches the same ConfigMap, the real operator
# against the in-process API server (test infrastructure); prints the watch requests the server received for that
# ConfigMap, the watches open on it, and the heap the operator took to start the N forwardings (see README.md).
# Usage: bench/triggers/watches.sh [agents=50] [configmap-KiB=64]
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
# Built from the reactor (sibling modules' target/classes), never installed into ~/.m2.
./mvnw -q -B -o -pl langop-operator -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
cd langop-operator
LOG_LEVEL="${LOG_LEVEL:-warn}" exec "$JAVA_HOME/bin/java" -Xmx1g \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.langop.operator.bench.SharedWatchBenchmark "${1:-50}" "${2:-64}"
