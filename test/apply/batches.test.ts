import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchSql, batchSteps } from '../../src/apply/batches.js';
import { guardedBlockOf } from '../../src/plan/index.js';
import { guardedSql } from '../../src/plan/guarded-sql.js';
import type { PlanStep } from '../../src/plan/types.js';
import { freshDatabase, type FreshDatabase } from '../support/database.js';

const step = (id: number, sql: string): PlanStep => ({ id, change: id - 1, sql, transactional: true, description: `step ${id}` });
const conExists = (table: string, name: string): string =>
  `NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = '${table}'::pg_catalog.regclass AND conname = '${name}')`;

describe('apply batches', () => {
  it('reads back the IF block of a guarded step and nothing else', () => {
    const sql = guardedSql('NOT EXISTS (SELECT 1)', ['CREATE TYPE a AS ENUM (\'x\')']);
    expect(guardedBlockOf(sql)).toBe("IF NOT EXISTS (SELECT 1) THEN CREATE TYPE a AS ENUM ('x'); END IF;");
    // A body holding `$$` gets another tag; the block still reads back whole.
    const dollars = guardedSql('true', ["COMMENT ON TABLE t IS '$$'"]);
    expect(dollars.startsWith('DO $body$')).toBe(true);
    expect(guardedBlockOf(dollars)).toBe("IF true THEN COMMENT ON TABLE t IS '$$'; END IF;");
    for (const other of ['CREATE TABLE IF NOT EXISTS t (a int)', "DO $$ BEGIN RAISE NOTICE 'x'; END $$", 'DO $$ BEGIN IF true THEN SELECT 1; END IF; END $x$']) {
      expect(guardedBlockOf(other)).toBeUndefined();
    }
  });

  it('sends a run of guarded steps as one DO block and leaves lone steps as written', () => {
    const a = guardedSql('true', ['SELECT 1']);
    const b = guardedSql('false', ["SELECT '$$'"]);
    const lone = guardedSql('true', ['SELECT 2']);
    const sql = batchSql([step(1, a), step(2, b), step(3, 'CREATE TABLE IF NOT EXISTS t (a int)'), step(4, lone)]);
    expect(sql).toBe(
      "DO $body$ BEGIN IF true THEN SELECT 1; END IF; IF false THEN SELECT '$$'; END IF; END $body$\n;\n" +
        'CREATE TABLE IF NOT EXISTS t (a int)\n;\n' +
        `${lone}\n;`,
    );
  });

  it('bounds a batch by steps and by bytes', () => {
    const steps = Array.from({ length: 450 }, (_, i) => step(i + 1, 'SELECT 1'));
    expect(batchSteps(steps).map((b) => b.length)).toEqual([200, 200, 50]);
    const big = Array.from({ length: 3 }, (_, i) => step(i + 1, `SELECT '${'x'.repeat(300 * 1024)}'`));
    expect(batchSteps(big).map((b) => b.length)).toEqual([1, 1, 1]);
  });

  describe('on a real PostgreSQL', () => {
    let fresh: FreshDatabase;
    beforeAll(async () => {
      fresh = await freshDatabase();
    });
    afterAll(async () => {
      await fresh?.drop();
    });

    it('a merged run does what the steps do one by one, and runs again as a no-op', async () => {
      await fresh.db.exec('CREATE TABLE "Pa$$rent" (id int PRIMARY KEY); CREATE TABLE child (id int PRIMARY KEY, parent_id int, n int)');
      const steps = [
        step(1, guardedSql(conExists('public.child', 'child_parent_fkey'), ['ALTER TABLE public.child ADD CONSTRAINT child_parent_fkey FOREIGN KEY (parent_id) REFERENCES public."Pa$$rent" (id)'])),
        step(2, guardedSql(conExists('public.child', 'child_n_check'), ["ALTER TABLE public.child ADD CONSTRAINT child_n_check CHECK (n > 0 OR 'a$$b' <> '')"])),
        step(3, guardedSql("NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type WHERE typname = 'mood')", ["CREATE TYPE public.mood AS ENUM ('ok')"])),
      ];
      const sql = batchSql(steps);
      expect(sql.match(/^DO /gm)).toHaveLength(1);
      await fresh.db.exec(`BEGIN; ${sql}; COMMIT`);
      await fresh.db.exec(`BEGIN; ${sql}; COMMIT`);
      const cons = await fresh.db.query<{ conname: string; def: string }>(
        `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'public.child'::regclass AND contype IN ('f', 'c') ORDER BY conname`,
      );
      expect(cons).toEqual([
        { conname: 'child_n_check', def: "CHECK (((n > 0) OR ('a$$b'::text <> ''::text)))" },
        { conname: 'child_parent_fkey', def: 'FOREIGN KEY (parent_id) REFERENCES "Pa$$rent"(id)' },
      ]);
      expect(await fresh.db.query(`SELECT enum_range(NULL::public.mood)::text AS r`)).toEqual([{ r: '{ok}' }]);
    });
  });
});
