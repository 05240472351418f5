// Starts zhicheng for the Playwright journeys: a fresh embedded database in a temporary folder, a
// platform admin made with the CLI, the web app built, then the server on port 3100 with test settings.
// SIGTERM / SIGINT are passed on to the server so that PGlite closes its data folder cleanly.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Keep in step with e2e/support.ts (E2E_ADMIN).
const ADMIN_USERNAME = 'e2e-admin';
const ADMIN_PASSWORD = 'E2e-Admin#2026';
const PORT = process.env.E2E_PORT ?? '3100';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsxCli = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const dataDir = mkdtempSync(join(tmpdir(), 'zhicheng-e2e-'));

const env = {
  ...process.env,
  NODE_ENV: 'test',
  PORT,
  DATA_DIR: dataDir,
  CAPTCHA_TEST_CODE: 'e2e1',
  // POST /api/test/clock moves the server's clock: a journey lets a 公示 period pass.
  TEST_CLOCK_CONTROL: 'true',
  SMS_RESEND_SECONDS: '1',
  DEMO_DATA: 'false',
  RATE_LIMIT_LOGIN: '1000',
  RATE_LIMIT_REGISTER: '1000',
  RATE_LIMIT_SMS: '1000',
  RATE_LIMIT_CAPTCHA: '1000',
  SMS_DAILY_LIMIT_PER_IP: '100000',
  // The embedded database runs on the event loop: a journey's PDF or bulk step must not have its next
  // click shed for load (test/test-app.ts does the same).
  LOAD_MAX_EVENT_LOOP_DELAY_MS: '0',
  LOAD_MAX_EVENT_LOOP_UTILIZATION: '0',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
};
delete env.DATABASE_URL;

function cleanUp() {
  try {
    rmSync(dataDir, { recursive: true, force: true });
  } catch {
    // A leftover temporary folder is harmless.
  }
}

function step(label, command, args) {
  console.log(`[e2e] ${label}`);
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[e2e] ${label} failed (exit ${result.status ?? result.signal})`);
    cleanUp();
    process.exit(1);
  }
}

console.log(`[e2e] data folder ${dataDir}`);
step('creating the platform admin', process.execPath, [
  tsxCli,
  'server/src/modules/admin/admin-create.cli.ts',
  '--username',
  ADMIN_USERNAME,
  '--password',
  ADMIN_PASSWORD,
]);
// E2E_WEB_DIST builds the web app into a folder of its own, so that two runs side by side do not
// overwrite each other's web/dist.
const webDist = process.env.E2E_WEB_DIST;
if (webDist) env.WEB_DIST_DIR = webDist;
if (process.env.E2E_SKIP_BUILD !== '1') {
  const outDir = webDist ? ['--', '--outDir', webDist, '--emptyOutDir'] : [];
  step('building the web app', process.platform === 'win32' ? 'npm.cmd' : 'npm', [
    'run',
    'build',
    '--silent',
    ...outDir,
  ]);
}

console.log(`[e2e] starting the server on port ${PORT}`);
const server = spawn(process.execPath, [tsxCli, 'server/src/main.ts'], { cwd: root, env, stdio: 'inherit' });

let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  if (server.exitCode === null) server.kill(signal);
  // Do not wait forever for a server that will not close.
  setTimeout(() => {
    if (server.exitCode === null) server.kill('SIGKILL');
  }, 10_000).unref();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGHUP', () => stop('SIGTERM'));

server.on('exit', (code, signal) => {
  cleanUp();
  process.exit(stopping ? 0 : (code ?? (signal ? 1 : 0)));
});
