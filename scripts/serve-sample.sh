#!/usr/bin/env bash
# Serves the sample WAR on Payara Micro at the root context, in dev mode, for the real Inngest dev server:
#   scripts/serve-sample.sh            # http://localhost:${PORT:-8080}/api/inngest
#   npx inngest-cli@latest dev -u http://localhost:8080/api/inngest
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests -pl sample-demo -am
INNGEST_DEV="${INNGEST_DEV:-1}" exec java -Xmx512m -jar sample-demo/target/run/payara-micro.jar --nocluster \
  --deploy sample-demo/target/run/sample-war.war --contextroot / --port "${PORT:-8080}"
