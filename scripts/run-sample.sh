#!/usr/bin/env bash
# Runs the sample app doing its main job: the sample WAR on Payara Micro, driven by the local executor
# (inngest-testing) playing the Inngest dev server. Places orders (paid and unpaid), ships, invokes, runs
# parallel steps, a failing sync with its failure handler and the nightly cleanup; prints every run's
# timeline and exits 0 once all of them ended as expected. Time is virtual: sleeps and timeouts pass at once.
#   PORT=8080 EXECUTOR_PORT=8288 scripts/run-sample.sh [--serve]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests -pl sample-demo -am
exec mvn -B -q -pl sample-demo exec:exec -Ddemo.port="${PORT:-8080}" -Ddemo.executor-port="${EXECUTOR_PORT:-8288}" \
  -Ddemo.serve="${1:---no-serve}"
