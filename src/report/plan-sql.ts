import type { Plan } from '../plan/types.js';

/**
 * The exact script `apply` runs: the transactional steps between BEGIN and COMMIT, then the
 * steps PostgreSQL refuses inside a transaction (CREATE INDEX CONCURRENTLY), one by one.
 */
export function renderPlanSql(plan: Plan): string {
  const out = [`-- schema-sync plan (live schema fingerprint ${plan.fingerprint})`];
  const inTx = plan.steps.filter((s) => s.transactional);
  const after = plan.steps.filter((s) => !s.transactional);
  if (!plan.steps.length) out.push('-- nothing to do');
  if (inTx.length) {
    out.push('BEGIN;', '');
    for (const s of inTx) out.push(`-- step ${s.id}: ${s.description}`, `${s.sql};`, '');
    out.push('COMMIT;');
  }
  if (after.length) {
    out.push('', '-- outside the transaction:');
    for (const s of after) out.push(`-- step ${s.id}: ${s.description}`, `${s.sql};`, '');
  }
  return out.join('\n').replace(/\n*$/, '\n');
}
