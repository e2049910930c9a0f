import type { Plan } from '../plan/types.js';

/**
 * The exact script `apply` runs: the transactional steps between BEGIN and COMMIT, then the
 * steps PostgreSQL refuses inside a transaction (CREATE INDEX CONCURRENTLY), one by one, and the
 * statements recording the revision in alembic_version.
 */
export function renderPlanSql(plan: Plan): string {
  const out = [`-- schema-sync plan (live schema fingerprint ${plan.fingerprint})`];
  const inTx = plan.steps.filter((s) => s.transactional);
  const after = plan.steps.filter((s) => !s.transactional);
  // Like apply: alembic_version is recorded in the transaction, or after the steps outside it.
  const stamp = plan.alembic?.stamp ?? [];
  const stampLines = stamp.length ? [`-- record revision ${plan.alembic!.heads.join(', ')} in alembic_version`, ...stamp.map((sql) => `${sql};`), ''] : [];
  if (!plan.steps.length && !stamp.length) out.push('-- nothing to do');
  if (inTx.length || (stamp.length && !after.length)) {
    out.push('BEGIN;', '');
    for (const s of inTx) out.push(`-- step ${s.id}: ${s.description}`, `${s.sql};`, '');
    if (!after.length) out.push(...stampLines);
    out.push('COMMIT;');
  }
  if (after.length) {
    out.push('', '-- outside the transaction:');
    for (const s of after) out.push(`-- step ${s.id}: ${s.description}`, `${s.sql};`, '');
    if (stamp.length) out.push('BEGIN;', ...stampLines, 'COMMIT;');
  }
  return out.join('\n').replace(/\n*$/, '\n');
}
