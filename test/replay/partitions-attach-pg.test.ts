import { describe, expect, it } from 'vitest';
import { compareStates } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import { relationKey } from '../../src/model/schema-state.js';
import { replay } from '../../src/replay/index.js';
import { perTestResources } from '../support/cleanups.js';
import { PARTITION_HISTORY } from '../support/partition-history.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';

const { db } = perTestResources();

/**
 * ATTACH / DETACH PARTITION replayed as PostgreSQL does them: the partition's own indexes, keys,
 * foreign keys and (merged) CHECKs matching the parent's become inherited (left out on both sides),
 * and DETACH gives back what the partition inherited as its own objects under PostgreSQL's names.
 * Each case runs on PostgreSQL and the replayed state must equal the introspected one.
 */
const CASES: readonly { name: string; sql: readonly string[] }[] = [
  {
    name: 'clones on PARTITION OF, attach of a table with matching and extra indexes, detach and re-attach',
    sql: PARTITION_HISTORY,
  },
  {
    name: 'bounds in the key type\'s canonical form; a list partition attached and detached',
    sql: [
      `CREATE TABLE ev (at timestamptz NOT NULL, kind text) PARTITION BY RANGE (at);
       CREATE TABLE ev26 (at timestamptz NOT NULL, kind text);
       ALTER TABLE ev ATTACH PARTITION ev26 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
       CREATE TABLE kinds (k text) PARTITION BY LIST (k);
       CREATE TABLE kinds_ab (k text);
       ALTER TABLE kinds ATTACH PARTITION kinds_ab FOR VALUES IN ('a', 'b');
       CREATE TABLE kinds_c PARTITION OF kinds FOR VALUES IN ('c');
       ALTER TABLE kinds DETACH PARTITION kinds_c;`,
    ],
  },
];

describe('ATTACH / DETACH PARTITION: replay equals PostgreSQL', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const f = await db();
      const revisions = revisionsFromSql('partitions', c.sql);
      await runMigrations(f.db, revisions);
      const result = replay(revisions);
      expect(result.diagnostics).toEqual([]);
      expect(compareStates(result.state, await introspect(f.db))).toEqual([]);
    });
  }

  it('what detach gives back, by name; the attached partition keeps only what is its own', async () => {
    const state = replay(revisionsFromSql('partitions', CASES[0]!.sql)).state;
    const p2 = state.tables.get(relationKey('public', 'p2'))!;
    expect(p2.partitionOf).toBeUndefined();
    expect(p2.constraints.map((c) => c.name).sort()).toEqual(['p2_k_id_key', 'p2_own_pk', 'p_v_check', 'p_v_fkey']);
    expect([...state.indexes.values()].filter((i) => i.table === 'p2').map((i) => i.name).sort()).toEqual(['p2_c', 'p2_lower_idx', 'p2_other']);
    const p1 = state.tables.get(relationKey('public', 'p1'))!;
    expect(p1.partitionOf?.bound).toBe('FOR VALUES FROM (0) TO (10)');
    expect(p1.constraints).toEqual([]);
    expect([...state.indexes.values()].filter((i) => i.table === 'p1')).toEqual([]);
  });

  it('refusals PostgreSQL makes: missing CHECK, nullable key column, not partitioned, not a partition', () => {
    const errors = (sql: string): string[] => replay(revisionsFromSql('bad', [sql])).diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
    expect(errors(`CREATE TABLE p (k int CHECK (k > 0)) PARTITION BY RANGE (k); CREATE TABLE c (k int); ALTER TABLE p ATTACH PARTITION c FOR VALUES FROM (1) TO (2);`))
      .toEqual(['child table is missing constraint "p_k_check"']);
    expect(errors(`CREATE TABLE p (k int NOT NULL) PARTITION BY RANGE (k); CREATE TABLE c (k int); ALTER TABLE p ATTACH PARTITION c FOR VALUES FROM (1) TO (2);`))
      .toEqual(['column "k" in child table must be marked NOT NULL']);
    expect(errors(`CREATE TABLE p (k int); CREATE TABLE c (k int); ALTER TABLE p ATTACH PARTITION c FOR VALUES FROM (1) TO (2);`))
      .toEqual(['table "p" is not partitioned']);
    expect(errors(`CREATE TABLE p (k int) PARTITION BY RANGE (k); CREATE TABLE c (k int); ALTER TABLE p DETACH PARTITION c;`))
      .toEqual(['relation "c" is not a partition of relation "p"']);
    expect(errors(`CREATE TABLE p (k int) PARTITION BY RANGE (k); CREATE TABLE c PARTITION OF p FOR VALUES FROM (1) TO (2);
      ALTER TABLE p DETACH PARTITION c CONCURRENTLY; ALTER TABLE p DETACH PARTITION c FINALIZE;`))
      .toEqual(['relation "c" is not a partition of relation "p"']);
    expect(errors(`CREATE TABLE p (k int) PARTITION BY RANGE (k); CREATE TABLE c PARTITION OF p FOR VALUES FROM (1) TO (2);
      ALTER TABLE p DETACH PARTITION c FINALIZE;`))
      .toEqual([`cannot complete detaching partition "c": there's no pending concurrent detach`]);
  });
});
