import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (in-process, needs no build) and `e2e` (runs the built bin/jobfx.js, so
 * it first checks that dist/bundle is not older than src/). `npm test` runs both;
 * `npm run test:unit` and `npm run test:e2e` one each. A test that spawns bin/jobfx.js (through
 * test/e2e/run.ts) belongs under test/e2e/ or in the E2E list; test/layout.test.ts checks that.
 */
export const E2E = [
  'test/e2e/**/*.test.ts',
  // The fuzz regressions and the formula-injection test run the binary on hostile inputs.
  'test/fuzz/**/*.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...E2E] },
      },
      {
        extends: true,
        test: { name: 'e2e', include: E2E, globalSetup: ['test/e2e/fresh-bundle.ts'] },
      },
    ],
  },
});
