import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/index.js';
import { type CatalogQuery, runCatalogQueries } from '../../src/introspect/catalog-query.js';

/** A fake Database answering every query with one row naming it, after a tick; tracks overlap. */
function fakeDatabase(): Database & { maxInFlight: number; sent: string[] } {
  let inFlight = 0;
  const fake = {
    kind: 'postgres' as const,
    label: 'fake',
    maxInFlight: 0,
    sent: [] as string[],
    query: async <T>(sql: string): Promise<T[]> => {
      fake.sent.push(sql);
      fake.maxInFlight = Math.max(fake.maxInFlight, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      if (sql === 'fails') throw new Error('query failed');
      return [{ sql } as T];
    },
    exec: async () => undefined,
    close: async () => undefined,
  };
  return fake;
}

const query = (sql: string, build = (rows: { sql: string }[]) => rows[0]!.sql): CatalogQuery<{ sql: string }, string> => ({
  sql: () => sql,
  build,
});
const scope = { schemas: null, serverVersion: 150000 };

describe('runCatalogQueries', () => {
  it('runs the queries in order, one at a time, sending each before building the previous', async () => {
    const db = fakeDatabase();
    const order: string[] = [];
    const q = (name: string) => query(name, (rows) => (order.push(`build ${name} (sent ${db.sent.length})`), rows[0]!.sql));
    const results = await runCatalogQueries(db, scope, [q('a'), q('b'), q('c')]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(db.maxInFlight).toBe(1);
    expect(order).toEqual(['build a (sent 2)', 'build b (sent 3)', 'build c (sent 3)']);
  });

  it('lets the query in flight settle before rethrowing a build error', async () => {
    const db = fakeDatabase();
    const broken = query('a', () => {
      throw new Error('cannot build');
    });
    await expect(runCatalogQueries(db, scope, [broken, query('fails')])).rejects.toThrow('cannot build');
    expect(db.sent).toEqual(['a', 'fails']);
  });
});
