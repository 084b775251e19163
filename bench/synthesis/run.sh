#!/usr/bin/env bash
# Synthesis check benchmark (issue 7): how long the operator's check of a typical synthesized agent takes
# (compile against langop-sdk + safety policy), cold and warm, on the operator's class path, and what one
# whole synthesis round costs the operator besides the LLM (prompt, local scripted LLM, extraction, check).
# Usage: bench/synthesis/run.sh [warmRuns=30] [pieces=40] [gapMillis=20]
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
out="$PWD/bench/synthesis/target"
mkdir -p "$out"

# From the reactor (no install): the operator's jars, its runtime class path, and langop-sdk's test-jar
# (the project's one scripted OpenAI-compatible server).
./mvnw -B -q -pl langop-operator -am package dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$out/classpath.txt"
# Snapshot the project's own jars: a concurrent build must not swap them under a running benchmark.
mkdir -p "$out/lib"
classpath=""
for entry in "$PWD/langop-operator/target/langop-operator-0.1.0-SNAPSHOT.jar" \
    "$PWD/langop-sdk/target/langop-sdk-0.1.0-SNAPSHOT-tests.jar" $(tr ':' ' ' < "$out/classpath.txt"); do
  if [[ "$entry" == "$PWD"/* ]]; then cp "$entry" "$out/lib/"; entry="$out/lib/$(basename "$entry")"; fi
  classpath="${classpath:+$classpath:}$entry"
done

# The check alone, on the operator's class path (the agent benchmark runs the same on the agent's).
"$JAVA_HOME/bin/java" -cp "$classpath" bench/agent/CheckerBench.java bench/agent/Agent.java "${1:-30}"
LOG_LEVEL="${LOG_LEVEL:-warn}" "$JAVA_HOME/bin/java" -cp "$classpath" \
  bench/synthesis/SynthesisCheckBench.java "${1:-30}" "${2:-40}" "${3:-20}"
