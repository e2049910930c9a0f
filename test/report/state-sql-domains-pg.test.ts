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
