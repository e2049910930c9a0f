import { expect, it } from 'vitest';
import { compareStates } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import { renderStateSql } from '../../src/report/state-sql.js';
import { replay } from '../../src/replay/index.js';
import { perTestResources } from '../support/cleanups.js';
import { revisionsFromSql } from '../support/run-migrations.js';

const { db } = perTestResources();

it('the state dump of domains (over domains, with NOT VALID checks and comments) builds the same domains on PostgreSQL', async () => {
  const result = replay(revisionsFromSql('dump', [
    `CREATE DOMAIN base_text AS text COLLATE "C" DEFAULT 'x';
     CREATE DOMAIN derived AS base_text NOT NULL CONSTRAINT long_enough CHECK (length(VALUE) > 2);
     CREATE DOMAIN qty AS integer DEFAULT 0 CHECK (VALUE >= 0);
     ALTER DOMAIN qty ADD CONSTRAINT small CHECK (VALUE < 10) NOT VALID;
     COMMENT ON DOMAIN qty IS 'how many';
     COMMENT ON CONSTRAINT small ON DOMAIN qty IS 'for now';
     CREATE TABLE t (a derived, q qty[]);`,
  ]));
  expect(result.diagnostics).toEqual([]);
  const f = await db();
  await f.db.exec(renderStateSql(result.state));
  expect(compareStates(result.state, await introspect(f.db))).toEqual([]);
});

it('the state dump of composite and range types (built on one another and on domains, with comments on types and attributes) builds the same types on PostgreSQL', async () => {
  // Names sort against the order of creation: the dump must order types by what they are built on.
  const result = replay(revisionsFromSql('dump', [
    `CREATE DOMAIN zzz_posint AS integer CHECK (VALUE > 0);
     CREATE TYPE a_posrange AS RANGE (SUBTYPE = zzz_posint);
     CREATE TYPE b_pair AS (x text COLLATE "C", y numeric(5,1)[]);
     CREATE TYPE a_outer AS (inner_pair b_pair, spans a_posmultirange, n zzz_posint);
     CREATE DOMAIN a_pair_d AS b_pair;
     CREATE TYPE txt AS RANGE (SUBTYPE = text, COLLATION = "C", MULTIRANGE_TYPE_NAME = txts);
     COMMENT ON TYPE b_pair IS 'two';
     COMMENT ON COLUMN b_pair.y IS 'an attribute''s comment';
     COMMENT ON TYPE a_posrange IS 'positive';
     CREATE TABLE t (o a_outer, p a_pair_d);`,
  ]));
  expect(result.diagnostics).toEqual([]);
  const f = await db();
  await f.db.exec(renderStateSql(result.state));
  const live = await introspect(f.db);
  expect(live.compositeTypes.size + live.rangeTypes.size).toBe(4);
  expect(compareStates(result.state, live)).toEqual([]);
});
