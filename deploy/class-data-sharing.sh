#!/usr/bin/env bash
# usage: class-data-sharing.sh RELEASE_DIR JAVA [JVM_OPTION...]
#
# Prepares class-data sharing (CDS) for the jar RELEASE_DIR/carmarket.jar (docs/deploy.md):
#   1. Spring Boot's `-Djarmode=tools extract` unpacks it into RELEASE_DIR/app (carmarket.jar + lib/):
#      the JVM shares only classes loaded from plain jars on the class path, not from nested jars;
#   2. a training start with the given JVM options (the ecosystem's) records the classes a start loads in
#      RELEASE_DIR/app/carmarket.jsa. `spring.context.exit=onRefresh` ends it once the application context
#      is refreshed, before the web server binds its port.
# ecosystem.config.js starts a release from app/ with -XX:SharedArchiveFile when the archive exists, so the
# JVM maps those classes instead of loading and verifying them again; start to ready about halves.
#
# The training start runs in the caller's environment. deploy.sh gives it the service's configuration, as it
# does for --preflight, so it loads what production loads (database driver, pool, Flyway, JSON logging).
# That start applies pending migrations, as the first new instance would a moment later.
#
# Exit 0: RELEASE_DIR/app/carmarket.jsa exists. Otherwise RELEASE_DIR/app is removed and the release runs from its jar
# (a slower start, nothing else differs); the training start's output is on stderr.
set -euo pipefail

[[ $# -ge 2 && -f "$1/carmarket.jar" ]] || { echo "usage: $(basename "$0") RELEASE_DIR JAVA [JVM_OPTION...]" >&2; exit 2; }
# The archive is valid only for the class path it was recorded with, byte for byte: the release's final,
# canonical path (ecosystem.config.js starts it by the same path).
release=$(realpath "$1") java=$2
# A training start that hangs (a database that stops answering) must not hold up the deploy.
readonly TRAINING_TIMEOUT_SECONDS=180
shift 2
app="$release/app"
rm -rf "$app"
trap '[[ -f "$app/carmarket.jsa" ]] || rm -rf "$app"' EXIT

# Only a Spring Boot jar that carries the tools jar mode can be unpacked; any other jar would just run.
grep -qaF 'BOOT-INF/lib/spring-boot-jarmode-tools-' "$release/carmarket.jar" ||
  { echo "$release/carmarket.jar is not a Spring Boot jar with the tools jar mode" >&2; exit 1; }
output=$(timeout --kill-after=10 60 "$java" -Djarmode=tools -jar "$release/carmarket.jar" extract --destination "$app" 2>&1) ||
  { printf '%s\n' "$output" >&2; echo "cannot unpack $release/carmarket.jar" >&2; exit 1; }
# The JVM reports each class it cannot archive as a warning; only errors matter here. The archive gets its
# name only when complete: a start never sees half of one.
output=$(cd "$release" && timeout --kill-after=10 "$TRAINING_TIMEOUT_SECONDS" "$java" "$@" -Xlog:disable -Xlog:all=error:stderr -XX:ArchiveClassesAtExit="$app/carmarket.jsa.new" \
  -Dspring.context.exit=onRefresh -jar "$app/carmarket.jar" 2>&1) ||
  { printf '%s\n' "$output" | tail -n 20 >&2; echo "the training start failed" >&2; exit 1; }
[[ -s "$app/carmarket.jsa.new" ]] || { printf '%s\n' "$output" | tail -n 20 >&2; echo "the training start wrote no archive" >&2; exit 1; }
find "$app" -type f -exec chmod 0444 {} +
mv -T "$app/carmarket.jsa.new" "$app/carmarket.jsa"
