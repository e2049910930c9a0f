import { defineConfig } from 'vitest/config';
import base from '../../vitest.config.js';

/** The project's own vitest config (same global setup and pool), pointed at the harness fixtures only (one file: one worker). */
export default defineConfig({
  ...base,
  test: { ...base.test, include: ['test/harness/fixtures/*.fixture.ts'], maxWorkers: 1, minWorkers: 1 },
});
