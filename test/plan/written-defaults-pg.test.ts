import { describe } from 'vitest';
import { historyConvergence } from '../support/history-convergence.js';
import { revisionsFromSql } from '../support/run-migrations.js';

/**
 * Defaults PostgreSQL stores differently for spellings the canonical text treats as equal
 * (`'0'` on a bigint is stored as `'0'::bigint`, `0` as `0`): apply must run them as the
 * migration wrote them, or pg_dump of the database differs from one built by the migrations
 * (ckan's `size bigint DEFAULT '0'` did, from every starting revision). Where replay rewrote a
 * default (a renamed sequence), the canonical text is what runs.
 */
const HISTORY = revisionsFromSql('written', [
  `CREATE SEQUENCE counter;
   CREATE TABLE resource (
     id int DEFAULT nextval('counter'),
     size bigint NOT NULL DEFAULT '0',
     small bigint DEFAULT 0,
     ratio numeric DEFAULT '1.5',
     price money DEFAULT '$1.00',
     flag boolean DEFAULT 'FALSE',
     token text DEFAULT gen_random_uuid());`,
  `ALTER TABLE resource ADD COLUMN hits bigint DEFAULT '7';
   ALTER TABLE resource ALTER COLUMN small SET DEFAULT '2';
   ALTER SEQUENCE counter RENAME TO resource_counter;`,
]);

describe('defaults run as the migration wrote them (judged by pg_dump)', () => {
  historyConvergence(HISTORY);
});
