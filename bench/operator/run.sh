#!/usr/bin/env bash
# Operator convergence benchmark: N LanguageAgents against the in-process fabric8 mock API server
# (test infrastructure: the harness's indexed CRUD store); prints time to convergence, API requests
# per agent and write requests while idle.
# Usage: bench/operator/run.sh [agents=500] [idle-seconds=30] [shared=0] [usage-seconds=20]
#   shared=0: each agent has its own model and tool; shared=M: the agents share M models and M tools.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q '"25'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
# Built from the reactor (sibling modules' target/classes), never installed into ~/.m2.
./mvnw -q -B -pl langop-operator -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
cd langop-operator
# the mock server logs through java.util.logging and JOSDK through logback: keep the figures readable
LOG_LEVEL="${LOG_LEVEL:-warn}" exec "$JAVA_HOME/bin/java" -Xmx1g \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.langop.operator.bench.ConvergenceBenchmark "${1:-500}" "${2:-30}" "${3:-0}" "${4:-20}"
