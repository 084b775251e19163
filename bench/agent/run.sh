#!/usr/bin/env bash
# Agent benchmarks (issue 4): code checker speed, cold and warm, and agent cold start
# (process start -> first request received by a scripted LLM) without and with the JDK 25 AOT cache.
# Usage: bench/agent/run.sh [coldStartRuns]
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
out="$PWD/bench/agent/target"
mkdir -p "$out"

# Jars only: the AOT cache refuses class-path directories.
./mvnw -B -q -pl langop-agent -am package dependency:build-classpath -DskipTests \
  -DincludeScope=runtime -Dmdep.outputFile="$out/classpath.txt"
# Snapshot the project's own jars: a concurrent build must not swap them under a running benchmark.
mkdir -p "$out/lib"
classpath=""
for entry in "$PWD/langop-agent/target/langop-agent-0.1.0-SNAPSHOT.jar" $(tr ':' ' ' < "$out/classpath.txt"); do
  if [[ "$entry" == "$PWD"/* ]]; then cp "$entry" "$out/lib/"; entry="$out/lib/$(basename "$entry")"; fi
  classpath="${classpath:+$classpath:}$entry"
done

"$JAVA_HOME/bin/java" -cp "$classpath" bench/agent/CheckerBench.java bench/agent/Agent.java 30
"$JAVA_HOME/bin/java" bench/agent/ColdStartBench.java "$classpath" bench/agent/Agent.java bench/agent/TrainingAgent.java "${1:-5}"
