import { describe } from 'vitest';
import { perTestResources } from '../support/cleanups.js';
import { convergesFromEachRevision } from '../support/converge-with-oracle.js';
import { revisionsFromSql } from '../support/run-migrations.js';

const { db } = perTestResources();

/**
 * `TABLESPACE pg_default` replays without a warning (replayedClean) because PostgreSQL stores an
 * object placed in the database's default tablespace as one given no clause: the database the
 * history built and the one apply builds without the clauses have the same pg_dump.
 */
const HISTORY = revisionsFromSql('pg-default', [
  `CREATE TABLE u (id int PRIMARY KEY USING INDEX TABLESPACE pg_default, a int, r tsrange,
     UNIQUE (a) USING INDEX TABLESPACE pg_default,
     EXCLUDE USING gist (r WITH &&) USING INDEX TABLESPACE pg_default) TABLESPACE pg_default;
   CREATE INDEX u_a ON u (a) TABLESPACE pg_default;`,
  `CREATE MATERIALIZED VIEW m TABLESPACE pg_default AS SELECT id FROM u;
   CREATE INDEX m_id ON m (id) TABLESPACE pg_default;
   ALTER TABLE u ADD COLUMN b int, ADD CONSTRAINT u_b_key UNIQUE (b) USING INDEX TABLESPACE pg_default;`,
]);

describe('TABLESPACE pg_default converges as no clause (pg_dump oracle)', () => {
  convergesFromEachRevision(HISTORY, db);
});
