import { defineConfig } from 'vitest/config';

// Browser tests: playwright-core drives Debian chromium against a real runtime on a random port.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    passWithNoTests: true,
  },
});
