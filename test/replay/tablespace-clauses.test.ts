import { describe, expect, it } from 'vitest';
import { replay } from '../../src/replay/index.js';
import { revisionsFromSql } from '../support/run-migrations.js';

const WHY = 'not managed by schema-sync: a tablespace is cluster-level, shared by every database of the server, and names a directory on the server';

/** A clause's warning: how it is spelled, why it is not managed, and what apply creates instead. */
const clause = (spelled: string, object: string): string =>
  `not modelled: ${spelled} clause (replay continues without it): ${WHY}; apply creates ${object} in the database's default tablespace and check does not compare tablespaces`;

const SETUP = `CREATE TABLE t (a int, r tsrange);`;

/** Each form that places a modelled object in a tablespace, on line 2 after SETUP, and its one warning. */
const CASES: [string, string, string][] = [
  ['CREATE TABLE .. TABLESPACE', `CREATE TABLE u (a int) TABLESPACE fast`, clause('TABLESPACE fast', 'the table')],
  ['CREATE TABLE .. PARTITION BY .. TABLESPACE', `CREATE TABLE p (a int) PARTITION BY LIST (a) TABLESPACE fast`, clause('TABLESPACE fast', 'the table')],
  ['CREATE TABLE .. PARTITION OF .. TABLESPACE', `CREATE TABLE p (a int) PARTITION BY LIST (a);\nCREATE TABLE p1 PARTITION OF p FOR VALUES IN (1) TABLESPACE fast`, clause('TABLESPACE fast', 'the table')],
  ['a column PRIMARY KEY USING INDEX TABLESPACE', `CREATE TABLE u (a int PRIMARY KEY USING INDEX TABLESPACE fast)`, clause('USING INDEX TABLESPACE fast', "the constraint's index")],
  ['a table UNIQUE USING INDEX TABLESPACE', `CREATE TABLE u (a int, UNIQUE (a) USING INDEX TABLESPACE "Fast Disk")`, clause('USING INDEX TABLESPACE "Fast Disk"', "the constraint's index")],
  ['a table EXCLUDE USING INDEX TABLESPACE', `CREATE TABLE u (r tsrange, EXCLUDE USING gist (r WITH &&) USING INDEX TABLESPACE fast)`, clause('USING INDEX TABLESPACE fast', "the constraint's index")],
  ['ALTER TABLE .. ADD CONSTRAINT .. PRIMARY KEY USING INDEX TABLESPACE', `ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY (a) USING INDEX TABLESPACE fast`, clause('USING INDEX TABLESPACE fast', "the constraint's index")],
  ['ALTER TABLE .. ADD CONSTRAINT .. EXCLUDE USING INDEX TABLESPACE', `ALTER TABLE t ADD EXCLUDE USING gist (r WITH &&) USING INDEX TABLESPACE fast`, clause('USING INDEX TABLESPACE fast', "the constraint's index")],
  ['ALTER TABLE .. ADD COLUMN .. UNIQUE USING INDEX TABLESPACE', `ALTER TABLE t ADD COLUMN b int UNIQUE USING INDEX TABLESPACE fast`, clause('USING INDEX TABLESPACE fast', "the constraint's index")],
  ['CREATE INDEX .. TABLESPACE', `CREATE INDEX t_a ON t (a) TABLESPACE fast`, clause('TABLESPACE fast', 'the index')],
  ['CREATE MATERIALIZED VIEW .. TABLESPACE', `CREATE MATERIALIZED VIEW m TABLESPACE fast AS SELECT a FROM t`, clause('TABLESPACE fast', 'the materialized view')],
  ['ALTER TABLE .. SET TABLESPACE', `ALTER TABLE t SET TABLESPACE fast`, `not modelled: SET TABLESPACE fast: ${WHY}; apply does not run it and check does not compare tablespaces`],
];

describe('tablespace clauses are warnings at their statement, and the statement is still modelled', () => {
  for (const [what, sql, message] of CASES) {
    it(what, () => {
      const result = replay(revisionsFromSql('ts', [`${SETUP}\n${sql};`]));
      const line = 1 + sql.split('\n').length;
      expect(result.diagnostics.map((d) => [d.severity, `${d.pos.file}:${d.pos.line}`, d.message])).toEqual([['warning', `ts/r1.sql:${line}`, message]]);
    });
  }

  it('each clause of a statement is one warning, and what it creates is in the target as without them', () => {
    const result = replay(revisionsFromSql('ts', [
      `CREATE TABLE u (
         id int PRIMARY KEY USING INDEX TABLESPACE fast,
         r tsrange,
         EXCLUDE USING gist (r WITH &&) USING INDEX TABLESPACE slow
       ) TABLESPACE fast;
       CREATE INDEX u_r ON u (r) TABLESPACE slow;
       CREATE MATERIALIZED VIEW m TABLESPACE fast AS SELECT id FROM u;`,
    ]));
    expect(result.diagnostics.map((d) => `${d.pos.line}: ${d.message.slice(0, d.message.indexOf(' clause'))}`)).toEqual([
      '1: not modelled: USING INDEX TABLESPACE fast',
      '1: not modelled: USING INDEX TABLESPACE slow',
      '1: not modelled: TABLESPACE fast',
      '6: not modelled: TABLESPACE slow',
      '7: not modelled: TABLESPACE fast',
    ]);
    const plain = replay(revisionsFromSql('ts', [
      `CREATE TABLE u (id int PRIMARY KEY, r tsrange, EXCLUDE USING gist (r WITH &&));
       CREATE INDEX u_r ON u (r);
       CREATE MATERIALIZED VIEW m AS SELECT id FROM u;`,
    ]));
    expect(plain.diagnostics).toEqual([]);
    expect(result.stats.modelled).toBe(3);
    const withoutOrigins = (s: typeof result.state): string => JSON.stringify(s, (k, v: unknown) => (k === 'origin' ? undefined : v instanceof Map ? [...v] : v));
    expect(withoutOrigins(result.state)).toBe(withoutOrigins(plain.state));
    expect([...result.state.tables.keys(), ...result.state.indexes.keys(), ...result.state.views.keys()]).toEqual(['public.u', 'public.u_r', 'public.m']);
  });

  it('a clause inside a DO block is a warning at its own line', () => {
    const result = replay(revisionsFromSql('ts', [`${SETUP}\nDO $$\nBEGIN\n  CREATE INDEX t_a ON t (a) TABLESPACE fast;\nEND $$;`]));
    expect(result.diagnostics.map((d) => [`${d.pos.file}:${d.pos.line}`, d.message])).toEqual([['ts/r1.sql:4', clause('TABLESPACE fast', 'the index')]]);
  });

  it('TABLESPACE pg_default is silent: the default tablespace, stored as if no clause were given', () => {
    const result = replay(revisionsFromSql('ts', [
      `CREATE TABLE u (id int PRIMARY KEY USING INDEX TABLESPACE pg_default, a int) TABLESPACE pg_default;
       CREATE INDEX u_a ON u (a) TABLESPACE pg_default;
       CREATE MATERIALIZED VIEW m TABLESPACE pg_default AS SELECT id FROM u;`,
    ]));
    expect(result.diagnostics).toEqual([]);
  });
});
