import { beforeAll, describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/index.js';
import { compareStates, diff } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import { plan } from '../../src/plan/index.js';
import { replay } from '../../src/replay/index.js';
import { perTestResources } from '../support/cleanups.js';
import type { FreshDatabase } from '../support/database.js';
import { PARTITION_HISTORY } from '../support/partition-history.js';
import { pgDumpSchema } from '../support/pg-dump/pg-dump.js';
import { referenceDump } from '../support/pg-dump/reference-dump.js';
import { dumpDifference } from '../support/pg-dump/schema-oracle.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';

/**
 * ATTACH / DETACH PARTITION through the planner, on tables with rows: from each revision of a
 * history that attaches a stand-alone table (with its own matching and extra indexes and keys),
 * detaches a partition and attaches it back, apply must give the pg_dump of the database the
 * migrations build (pg_dump prints the partitions' ATTACH and their indexes' ATTACH, so cloned
 * index names count), keep the rows, and leave an empty second plan. Cloned indexes and
 * constraints are neither created twice nor dropped.
 */
const HISTORY = revisionsFromSql('partitions', PARTITION_HISTORY);

/** Rows that fit every revision's partitions: k = 5 in p1, 15 in p2, 25 in the default partition. */
const ROWS: Record<number, string> = {
  1: `INSERT INTO ref VALUES (1); INSERT INTO p VALUES (1, 5, 1, 'a'); INSERT INTO p2 VALUES (2, 15, 1, 'b');`,
  2: `INSERT INTO ref VALUES (1); INSERT INTO p1 VALUES (1, 5, 1, 'a'); INSERT INTO p VALUES (2, 15, 1, 'b'), (3, 25, 1, 'c');`,
};

const { db } = perTestResources();
const target = replay(HISTORY).state;
let expected: string;
beforeAll(async () => {
  expected = await referenceDump(HISTORY);
});

const count = async (f: FreshDatabase, rel: string): Promise<number> => Number((await f.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${rel}`))[0]!.n);

describe('ATTACH / DETACH PARTITION: plan and apply converge', () => {
  for (const from of [0, 1, 2]) {
    it(`from revision ${from}${ROWS[from] ? ', with rows' : ''}: same pg_dump, rows kept, empty second plan`, async () => {
      const f = await db();
      await runMigrations(f.db, HISTORY.slice(0, from));
      if (ROWS[from]) await f.db.exec(ROWS[from]!);
      const live = await introspect(f.db);
      const p = plan(diff(target, live), live);
      const kinds = p.changes.map((c) => c.kind);
      if (from > 0) {
        // Revision 1 already has the target's partitions (revision 2 swaps them, 3 swaps them back).
        if (from === 2) expect(kinds.filter((k) => k.endsWith('Partition')).sort()).toEqual(['attachPartition', 'detachPartition']);
        else expect(kinds.filter((k) => k.endsWith('Partition'))).toEqual([]);
        // Nothing the partitions get from p (or give p on ATTACH) is created or dropped by hand. (From
        // revision 1 p2 was never attached, so what the history's attach + detach left on it is created.)
        if (from === 2) expect(p.steps.map((s) => s.sql).filter((s) => /^(CREATE|DROP) INDEX|ADD CONSTRAINT|DROP CONSTRAINT/.test(s) && /\b(p1|p2)\b/.test(s) && !/p2_v_idx|p1_v_idx/.test(s))).toEqual([]);
        expect(p.unmanaged).toEqual([]);
      }
      const result = await apply(f.db, target);
      expect(result.remaining.steps).toEqual([]);
      expect(dumpDifference(expected, await pgDumpSchema(f.url)) ?? 'same pg_dump').toBe('same pg_dump');
      expect(diff(target, await introspect(f.db)).changes).toEqual([]);
      if (ROWS[from]) {
        expect(await count(f, 'p')).toBe(from === 1 ? 1 : 2);
        expect(await count(f, 'p2')).toBe(1);
      }
    });
  }

  it('check drift: a partition detached live is a difference, planned as ATTACH (review: scan, may fail), then in sync', async () => {
    const f = await db();
    await runMigrations(f.db, HISTORY);
    await f.db.exec(`INSERT INTO ref VALUES (1); INSERT INTO p VALUES (1, 5, 1, 'a'); ALTER TABLE p DETACH PARTITION p1;`);
    const live = await introspect(f.db);
    const differences = compareStates(target, live);
    expect(differences).toContainEqual(expect.objectContaining({ kind: 'different', object: 'table', name: 'public.p1' }));
    const p = plan(diff(target, live), live);
    const attach = p.changes.filter((c) => c.kind === 'attachPartition');
    expect(attach.map((c) => [c.safety, c.hazards])).toEqual([['review', ['full table scan', 'access exclusive lock', 'may fail on existing data']]]);
    expect(p.changes.filter((c) => c.kind !== 'attachPartition')).toEqual([]);
    await apply(f.db, target);
    expect(compareStates(target, await introspect(f.db))).toEqual([]);
    expect(await count(f, 'p')).toBe(1);
    expect(dumpDifference(expected, await pgDumpSchema(f.url)) ?? 'same pg_dump').toBe('same pg_dump');
  });
});
