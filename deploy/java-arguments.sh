#!/usr/bin/env bash
# usage: java-arguments.sh [RELEASE_DIR]
# Prints, one per line, the java arguments of the PM2 ecosystem (ecosystem.config.js): with RELEASE_DIR (a
# directory <root>/releases/<id>), all of them, as PM2 starts that release; without, only the JVM options
# (CARMARKET_JAVA_OPTS or the defaults). deploy.sh's class-data-sharing training start and the benchmarks
# use it, so they run the JVM exactly as PM2 does.
set -euo pipefail
ecosystem="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/ecosystem.config.js"
if [[ $# -eq 1 ]]; then
  release=$(realpath "$1")
  root=$(dirname "$(dirname "$release")") id=$(basename "$release")
else
  root=/nonexistent id=none # no release: the options alone
fi
CARMARKET_DEPLOY_ROOT=$root CARMARKET_RELEASE=$id CARMARKET_ENV_FILE=/dev/null exec node -e '
  const args = require(process.argv[1]).apps[0].args;
  console.log((process.argv[2] ? args : args.slice(0, args.indexOf("-jar"))).join("\n"));
' "$ecosystem" "${1:-}"
