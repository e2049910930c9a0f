import { afterEach } from 'vitest';
import { freshDatabase, type FreshDatabase } from './database.js';

/**
 * Per-test resources: `defer` registers a cleanup run after each test (last in, first out);
 * `db()` is a fresh database dropped after the test.
 */
export function perTestResources(): { defer: (fn: () => Promise<void>) => void; db: () => Promise<FreshDatabase> } {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });
  const defer = (fn: () => Promise<void>): void => {
    cleanups.push(fn);
  };
  return {
    defer,
    db: async () => {
      const f = await freshDatabase();
      defer(() => f.drop());
      return f;
    },
  };
}
