import { TRANSACTION_SETTINGS } from '../plan/transaction-settings.js';
import type { Plan } from '../plan/types.js';

/** How each of the script's transactions opens: BEGIN, then apply's settings. */
const BEGIN = ['BEGIN;', ...TRANSACTION_SETTINGS.map((s) => `${s};`)];

/**
 * The exact script `apply` runs: enum labels later steps use in a first transaction (PostgreSQL
 * refuses a label's use before the commit that added it), the other transactional steps between
 * BEGIN and COMMIT, then the steps PostgreSQL refuses inside a transaction (CREATE INDEX
 * CONCURRENTLY), one by one, and the statements recording the revision in alembic_version. Each
 * transaction first sets what apply's do (TRANSACTION_SETTINGS: check_function_bodies off, locally).
 */
export function renderPlanSql(plan: Plan): string {
  const out = [`-- schema-sync plan (live schema fingerprint ${plan.fingerprint})`];
  const early = plan.steps.filter((s) => s.transactional && s.early);
  const inTx = plan.steps.filter((s) => s.transactional && !s.early);
  const after = plan.steps.filter((s) => !s.transactional);
  // Like apply: alembic_version is recorded in the main transaction, or after the steps outside it.
  const stamp = plan.alembic?.stamp ?? [];
  const stampLines = stamp.length ? [`-- record revision ${plan.alembic!.heads.join(', ')} in alembic_version`, ...stamp.map((sql) => `${sql};`), ''] : [];
  if (!plan.steps.length && !stamp.length) out.push('-- nothing to do');
  for (const [i, part] of [early, inTx].entries()) {
    const withStamp = i === 1 && stamp.length > 0 && !after.length;
    if (!part.length && !withStamp) continue;
    if (i === 0) out.push('-- enum labels used below: committed first', '');
    else if (early.length) out.push('');
    out.push(...BEGIN, '');
    for (const s of part) out.push(`-- step ${s.id}: ${s.description}`, `${s.sql};`, '');
    if (withStamp) out.push(...stampLines);
    out.push('COMMIT;');
  }
  if (after.length) {
    out.push('', '-- outside the transaction:');
    for (const s of after) out.push(`-- step ${s.id}: ${s.description}`, `${s.sql};`, '');
    if (stamp.length) out.push(...BEGIN, ...stampLines, 'COMMIT;');
  }
  return out.join('\n').replace(/\n*$/, '\n');
}
