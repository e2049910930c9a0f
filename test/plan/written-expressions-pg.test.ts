import { describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/index.js';
import { renderStateSql } from '../../src/report/index.js';
import { freshDatabase } from '../support/database.js';
import { historyConvergence } from '../support/history-convergence.js';
import { pgDumpSchema } from '../support/pg-dump/pg-dump.js';
import { dumpDifference } from '../support/pg-dump/schema-oracle.js';
import { revisionsFromSql, runMigrations } from '../support/run-migrations.js';

/**
 * CHECK bodies, index keys and predicates, EXCLUDE predicates and generated columns are stored as
 * PostgreSQL parsed them: `status IN ('a', 'b')` on a varchar column becomes
 * `(status)::text = ANY ((ARRAY['a'::character varying, ...])::text[])`, while the canonical text
 * the diff compares (`status = ANY (ARRAY['a', 'b'])`) would be stored with `'a'::text`. apply
 * must run them as the migration wrote them, or pg_dump differs from a database the migrations
 * built (polar's `ix_subscriptions_cycle_schedule` did, from 33 of 54 starting revisions). A
 * column rename rewrites the written text as PostgreSQL's stored trees follow it.
 */
const HISTORY = revisionsFromSql('written_expr', [
  `CREATE TABLE subscriptions (
     id int PRIMARY KEY,
     status varchar(20) NOT NULL,
     kind varchar(10),
     ends_at timestamp,
     CONSTRAINT subscriptions_status_check CHECK (status IN ('trialing', 'active', 'past_due')),
     CONSTRAINT subscriptions_open EXCLUDE USING btree (id WITH =) WHERE (status IN ('trialing', 'active')),
     is_paid boolean GENERATED ALWAYS AS (status IN ('active', 'past_due')) STORED);
   CREATE INDEX ix_subscriptions_due ON subscriptions (ends_at) WHERE status IN ('trialing', 'active');
   CREATE INDEX ix_subscriptions_kind ON subscriptions ((kind IN ('a', 'b')), (coalesce(kind, 'none')));`,
  `ALTER TABLE subscriptions RENAME COLUMN kind TO plan_kind;
   ALTER TABLE subscriptions ADD CONSTRAINT subscriptions_kind_check CHECK (plan_kind IN ('a', 'b', 'c'));`,
]);

describe('CHECK, index and generated expressions run as the migration wrote them (judged by pg_dump)', () => {
  const { target, expected } = historyConvergence(HISTORY, { apply: { allowDestructive: true } });

  it('rebuilds a predicate that differs as the migration wrote it', async () => {
    const f = await freshDatabase();
    try {
      await runMigrations(f.db, HISTORY);
      await f.db.exec(`DROP INDEX ix_subscriptions_due; CREATE INDEX ix_subscriptions_due ON subscriptions (ends_at) WHERE status = 'active'`);
      await apply(f.db, target, { allowDestructive: true });
      expect(dumpDifference(expected(), await pgDumpSchema(f.url)) ?? 'same pg_dump').toBe('same pg_dump');
    } finally {
      await f.drop();
    }
  });

  it('prints the canonical text in state output, whatever the spelling', () => {
    const sql = renderStateSql(target);
    expect(sql).toContain(`WHERE (status = ANY (ARRAY['trialing', 'active']))`);
    expect(sql).not.toContain(' IN (');
  });
});
