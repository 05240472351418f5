import { defineConfig } from 'vitest/config';

// Every suite runs on the embedded database; when TEST_DATABASE_URL is set, the same suites run again
// on that PostgreSQL server (each test file in a fresh database made from a migrated template).
const engines = ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])];

export default defineConfig({
  test: {
    include: ['common/src/**/*.test.ts', 'server/src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: engines.map((engine) => ({
      extends: true,
      test: {
        name: engine,
        env: { TEST_DB_ENGINE: engine },
        globalSetup: ['test/global-setup.ts'],
      },
    })),
  },
});
