'use strict';
// PM2 ecosystem for carmarket on a small VPS: N forked JVMs (carmarket-1..N) on consecutive ports
// behind nginx (deploy/nginx/carmarket.conf). deploy.sh and rollback.sh drive it one instance at a
// time (`pm2 start ecosystem.config.js --only carmarket-2`); it also works by hand, e.g. after a
// reboot without `pm2 resurrect`.
//
// Everything comes from the environment of the `pm2` command (docs/deploy.md):
//   CARMARKET_DEPLOY_ROOT   /opt/carmarket     releases/, current, logs/
//   CARMARKET_RELEASE       (current)          release id to run; default: where `current` points
//   CARMARKET_ENV_FILE      /etc/carmarket/env the service's configuration, KEY=VALUE lines
//   CARMARKET_INSTANCES     2                  number of instances
//   CARMARKET_BASE_PORT     8081               carmarket-1 listens on it, carmarket-2 on +1, ...
//   CARMARKET_JAVA          java               the java binary (PATH lookup)
//   CARMARKET_JAVA_OPTS     (see JVM_OPTIONS)  replaces the default JVM flags
//   CARMARKET_DEPLOY_ENV_OVERRIDES             test hook only, see deploy/lib.sh
const fs = require('fs');
const path = require('path');

const root = process.env.CARMARKET_DEPLOY_ROOT || '/opt/carmarket';
const envFile = process.env.CARMARKET_ENV_FILE || '/etc/carmarket/env';
const instances = positiveInteger('CARMARKET_INSTANCES', 2);
const basePort = positiveInteger('CARMARKET_BASE_PORT', 8081);

// Sized for a 2 GB / 2 vCPU VPS running two instances plus PostgreSQL and nginx:
// - a fixed 256-384 MB heap: the service keeps little state (search pages, the R2DBC pool);
//   -Xms avoids early resize pauses, -Xmx caps each instance well below half the RAM;
// - SerialGC: on a heap this small it has the lowest footprint and CPU cost, and its pauses
//   (a few ms) are far below the latency budget; G1 pays for regions and concurrent threads;
// - metaspace, code cache and Netty's direct buffers capped, so the RSS is predictable
//   (heap 384 + metaspace 160 + code 64 + direct 64 + thread stacks < max_memory_restart);
// - 512 KB thread stacks: reactive code runs on a few event-loop threads with shallow stacks;
// - on OutOfMemoryError exit at once and let PM2 restart the instance instead of limping on.
const JVM_OPTIONS = [
  '-Xms256m', '-Xmx384m',
  '-XX:+UseSerialGC',
  '-XX:MaxMetaspaceSize=160m',
  '-XX:ReservedCodeCacheSize=64m',
  '-XX:MaxDirectMemorySize=64m',
  '-Xss512k',
  '-XX:+ExitOnOutOfMemoryError',
  '-Dfile.encoding=UTF-8',
  // The JVM's own warnings (e.g. a class-data-sharing archive it cannot use after a Java update) go to the
  // error log: stdout carries the service's JSON lines only.
  '-Xlog:disable', '-Xlog:all=warning:stderr',
];

function positiveInteger(name, fallback) {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  if (!/^[1-9][0-9]*$/.test(text)) throw new Error(`${name} must be a positive integer, got '${text}'`);
  return Number(text);
}

// KEY=VALUE per line; blank lines and # comments ignored; an optional `export ` prefix; one pair of
// matching quotes around the value is removed; nothing is expanded. deploy/lib.sh parses the same way.
// Errors name the line, never its value (it may be a secret).
function readEnvFile(file) {
  const values = {};
  fs.readFileSync(file, 'utf8').split(/\r?\n/).forEach((line, index) => {
    if (/^\s*(#|$)/.test(line)) return;
    const pair = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!pair) throw new Error(`${file}:${index + 1}: expected KEY=VALUE`);
    values[pair[1]] = pair[2].replace(/^(['"])(.*)\1$/, '$2');
  });
  return values;
}

// SHUTDOWN_GRACE_PERIOD as the service reads it ("20s", "500ms", "1m", bare seconds).
function durationMillis(text) {
  const match = /^([0-9]+(?:\.[0-9]+)?)(ms|s|m)?$/.exec(String(text).trim());
  if (!match) throw new Error(`SHUTDOWN_GRACE_PERIOD: unreadable duration '${text}'`);
  const unit = { ms: 1, s: 1000, m: 60000 }[match[2] || 's'];
  return Math.ceil(Number(match[1]) * unit);
}

function releaseDirectory() {
  const release = process.env.CARMARKET_RELEASE;
  if (release) return path.join(root, 'releases', release);
  return fs.realpathSync(path.join(root, 'current'));
}

const release = releaseDirectory();
const serviceEnv = readEnvFile(envFile);
const overrides = process.env.CARMARKET_DEPLOY_ENV_OVERRIDES;
if (overrides) Object.assign(serviceEnv, readEnvFile(overrides));
const javaOptions = process.env.CARMARKET_JAVA_OPTS
  ? process.env.CARMARKET_JAVA_OPTS.split(/\s+/).filter(Boolean)
  : JVM_OPTIONS;
// PM2 sends SIGINT (its default kill_signal, which the service handles like SIGTERM), then
// SIGKILL after kill_timeout: that must outlast the service's own drain.
const killTimeout = durationMillis(serviceEnv.SHUTDOWN_GRACE_PERIOD || '20s') + 5000;

// deploy/class-data-sharing.sh unpacks a release into app/ and records the classes a start loads in
// app/carmarket.jsa; the JVM then maps them instead of loading them again (start to ready about halves).
// The archive holds the class path it was recorded with, hence the canonical path. A release without
// an archive (deployed before, or its preparation failed) runs from its jar.
function launchArguments() {
  if (!fs.existsSync(path.join(release, 'app', 'carmarket.jsa'))) return ['-jar', path.join(release, 'carmarket.jar')];
  const app = path.join(fs.realpathSync(release), 'app');
  return [`-XX:SharedArchiveFile=${path.join(app, 'carmarket.jsa')}`, '-jar', path.join(app, 'carmarket.jar')];
}

function app(index) {
  const name = `carmarket-${index}`;
  return {
    name,
    script: process.env.CARMARKET_JAVA || 'java',
    args: [...javaOptions, ...launchArguments()],
    cwd: release,
    exec_interpreter: 'none',
    exec_mode: 'fork',
    // The service sees the env file, not whatever the shell running `pm2` exported. PM2 6 ignores
    // `filter_env: true` (it tests `.length`); a list drops each inherited key containing one of
    // its strings, and every key contains ''.
    filter_env: [''],
    env: {
      PATH: process.env.PATH,
      ...serviceEnv,
      PORT: String(basePort + index - 1),
      APP_RELEASE: path.basename(release),
    },
    kill_timeout: killTimeout,
    autorestart: true,
    // A crash loop (e.g. the database is down at start) backs off from 200 ms up to PM2's 15 s cap
    // instead of hammering; a run longer than min_uptime resets the delay.
    exp_backoff_restart_delay: 200,
    min_uptime: 10000,
    // Above the capped footprint (~700 MB): only a leak in native memory reaches it.
    max_memory_restart: '800M',
    // The service writes JSON lines with their own timestamp: no prefix from PM2.
    out_file: path.join(root, 'logs', `${name}.out.log`),
    error_file: path.join(root, 'logs', `${name}.err.log`),
  };
}

module.exports = {
  apps: Array.from({ length: instances }, (_, i) => app(i + 1)),
};
