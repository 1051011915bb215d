import { defineConfig } from 'vitest/config';

// Server tests boot fastify over a fresh PGlite (and PostgreSQL when TEST_DATABASE_URL is set) per suite.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
