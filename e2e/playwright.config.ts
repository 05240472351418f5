import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
/**
 * Journeys that move the server's test clock forward (POST /api/test/clock): they run after every other
 * one, which would otherwise meet a server days ahead of the browser (a TOTP code, a session, a batch).
 */
const movesClock = /committee-work\.spec\.ts$/;

/**
 * The journeys of the manual in Chromium, against a server started on a fresh data folder
 * (e2e/start-server.mjs). The machine has no internet: Debian's Chromium, never `playwright install`.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  // One worker by default; E2E_WORKERS=2 runs journeys side by side (each uses its own accounts and data).
  workers: Number(process.env.E2E_WORKERS ?? 1),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  // E2E_OUTPUT_DIR / E2E_REPORT_DIR keep two sessions' runs on one machine apart.
  outputDir: process.env.E2E_OUTPUT_DIR ?? fileURLToPath(new URL('../test-results', import.meta.url)),
  reporter: [
    ['list'],
    [
      'html',
      {
        open: 'never',
        outputFolder: process.env.E2E_REPORT_DIR ?? fileURLToPath(new URL('../playwright-report', import.meta.url)),
      },
    ],
  ],
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 860 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 20_000,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-dev-shm-usage',
      ],
    },
  },
  projects: [
    { name: 'chromium', use: { browserName: 'chromium' }, testIgnore: movesClock },
    { name: 'clock', use: { browserName: 'chromium' }, testMatch: movesClock, dependencies: ['chromium'] },
  ],
  webServer: {
    command: 'node e2e/start-server.mjs',
    cwd: root,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    env: { E2E_PORT: String(port) },
  },
});
