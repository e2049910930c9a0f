import { describe } from 'vitest';
import { perTestResources } from '../support/cleanups.js';
import { convergesFromEachRevision } from '../support/converge-with-oracle.js';
import { revisionsFromSql } from '../support/run-migrations.js';

const { db } = perTestResources();

/**
 * A view's output column keeps its name and changes type because its table's column is retyped
 * (r2: PostgreSQL refuses while a view uses it, so the migration drops and creates the views).
 * The plan must drop the view and the view over it, retype, and create both (CREATE OR REPLACE
 * VIEW refuses "cannot change data type of view column"); the default r1 set on v goes with the
 * drop, the one r2 sets on w is set after w is created again.
 */
const HISTORY = [
  `CREATE TABLE t (id int PRIMARY KEY, b int);
   CREATE VIEW v AS SELECT id, b FROM t;
   CREATE VIEW w AS SELECT b FROM v;
   ALTER VIEW v ALTER COLUMN b SET DEFAULT 1;`,
  `DROP VIEW w; DROP VIEW v;
   ALTER TABLE t ALTER COLUMN b TYPE bigint;
   CREATE VIEW v AS SELECT id, b FROM t;
   CREATE VIEW w AS SELECT b FROM v;
   ALTER VIEW w ALTER COLUMN b SET DEFAULT 2;`,
];

describe('a view column that changes type under the same name converges (pg_dump oracle)', () => {
  convergesFromEachRevision(revisionsFromSql('view-retype', HISTORY), db);
});
