import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryError, type Database, openDatabase } from '../../src/db/index.js';
import { freshDatabase, type FreshDatabase } from '../support/database.js';

// The same contract, checked against PGlite and against the run's real PostgreSQL server.
describe.each(['pglite', 'postgres'] as const)('Database contract (%s)', (kind) => {
  let fresh: FreshDatabase | undefined;
  let db: Database;

  beforeAll(async () => {
    if (kind === 'pglite') {
      db = await openDatabase('pglite:memory');
    } else {
      fresh = await freshDatabase();
      db = fresh.db;
    }
  });
  afterAll(async () => {
    if (fresh) await fresh.drop();
    else await db.close();
  });

  it('reports its kind', () => {
    expect(db.kind).toBe(kind);
  });

  it('runs multi-statement scripts with exec', async () => {
    await db.exec(`
      CREATE TABLE t (id int8 PRIMARY KEY, name text NOT NULL, tags text[]);
      INSERT INTO t VALUES (1, 'one', '{a,b}'), (9223372036854775807, 'max', NULL);
    `);
    const rows = await db.query('SELECT id, name, tags FROM t ORDER BY name');
    expect(rows).toEqual([
      { id: '9223372036854775807', name: 'max', tags: null },
      { id: '1', name: 'one', tags: ['a', 'b'] },
    ]);
  });

  it('binds parameters, including arrays, with the extended protocol', async () => {
    const rows = await db.query<{ name: string }>('SELECT name FROM t WHERE name = ANY($1) AND id > $2 ORDER BY 1', [
      ['one', 'max', 'none'],
      0,
    ]);
    expect(rows.map((r) => r.name)).toEqual(['max', 'one']);
  });

  it('refuses several statements in query()', async () => {
    await expect(db.query('SELECT 1; SELECT 2')).rejects.toBeInstanceOf(QueryError);
  });

  it('throws QueryError with SQLSTATE and position', async () => {
    const err = await db.query('SELECT nope FROM t').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QueryError);
    expect(err).toMatchObject({ code: '42703', position: 8, message: 'column "nope" does not exist' });
    const dup = await db.exec('CREATE TABLE t (x int)').catch((e: unknown) => e);
    expect(dup).toMatchObject({ name: 'QueryError', code: '42P07' });
  });

  it('keeps working after an error', async () => {
    expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('rolls back a failing script as a whole (simple protocol implicit transaction)', async () => {
    await expect(db.exec('INSERT INTO t VALUES (2, $$two$$, NULL); SELECT 1/0;')).rejects.toMatchObject({ code: '22012' });
    expect(await db.query('SELECT count(*) AS n FROM t')).toEqual([{ n: '2' }]);
  });
});

describe('closing', () => {
  it('is idempotent and makes later queries fail', async () => {
    const db = await openDatabase('pglite:memory');
    await db.close();
    await db.close();
    await expect(db.query('SELECT 1')).rejects.toThrow(/closed/);
  });
});
