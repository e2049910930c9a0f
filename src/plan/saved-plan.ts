import type { ExcludeRule } from '../model/exclude.js';
import type { Plan, PlanStep } from './types.js';

/**
 * The options that shaped a plan, as `plan --format json` saves them: `apply --plan` runs with
 * them and refuses a command line that says otherwise. `migrations` is relative to the working
 * directory the plan was made in.
 */
export interface PlanShape {
  readonly migrations: string;
  /** `--to`: the revision the history was cut at (null: its heads). */
  readonly to: string | null;
  readonly allowDestructive: boolean;
  readonly concurrentIndexes: boolean;
  /** `--declaration` (or the config file's `declaration`): undeclared live objects are dropped. */
  readonly declaration: boolean;
  /** `--owners` (or the config file's `owners`): owners the history set are changed too. */
  readonly owners: boolean;
  /** `--schema` (empty: every schema). */
  readonly schemas: readonly string[];
  /** The exclusion rules in force (config file and `--exclude`). */
  readonly exclude: readonly ExcludeRule[];
  readonly includeAlembicVersion: boolean;
  /** `--no-stamp` gives false. */
  readonly stamp: boolean;
  /** `--no-seed` gives false. */
  readonly seed: boolean;
}

/** What `apply --plan` holds a freshly computed plan to: the saved fingerprints and statements. */
export interface SavedPlanCheck {
  /** Fingerprint of the live schema (in scope) the plan was made against. */
  readonly live: string;
  /** Fingerprint of the replayed target (in scope; provenance left out, so moved files or comments do not count). */
  readonly target: string;
  readonly steps: readonly Pick<PlanStep, 'sql' | 'transactional' | 'early'>[];
  /** The statements that record the revision in alembic_version. */
  readonly stamp: readonly string[];
  /** The history's heads the plan was made for (histories with revision ids). */
  readonly heads?: readonly string[];
}

/** A fingerprint as messages show it: enough hex digits to tell two apart. */
const short = (fp: string): string => fp.slice(0, 12);

function oneLine(sql: string): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 117)}...` : flat;
}

/** The first statement where the saved plan and the plan computed now part, described. */
function firstDifference(saved: readonly Pick<PlanStep, 'sql' | 'transactional' | 'early'>[], now: readonly PlanStep[]): string | undefined {
  const where = (s: Pick<PlanStep, 'transactional' | 'early'>): string => (!s.transactional ? 'after the commit' : s.early ? 'in the first transaction' : 'in the transaction');
  for (let i = 0; i < Math.max(saved.length, now.length); i++) {
    const a = saved[i];
    const b = now[i];
    if (a && b && a.sql === b.sql && a.transactional === b.transactional && !!a.early === !!b.early) continue;
    if (!b) return `the saved plan has ${saved.length} steps, a plan made now has ${now.length}: step ${i + 1} (${oneLine(a!.sql)}) would not run`;
    if (!a) return `a plan made now has ${now.length} steps, the saved plan ${saved.length}: step ${i + 1} (${oneLine(b.sql)}) was never reviewed`;
    if (a.sql !== b.sql) return `step ${i + 1} differs: saved \`${oneLine(a.sql)}\`, now \`${oneLine(b.sql)}\``;
    return `step ${i + 1} now runs ${where(b)}, the saved plan ran it ${where(a)}`;
  }
  return undefined;
}

/**
 * Why a plan computed now (inside apply's lock) is not the saved one, or undefined when it is:
 * the live schema, the migrations' target, the statements or the alembic_version stamp differ.
 * When it is the same, apply runs exactly the saved statements. Pure.
 */
export function savedPlanMismatch(saved: SavedPlanCheck, now: Plan, targetFingerprint: string): string | undefined {
  const reasons: string[] = [];
  if (saved.live !== now.fingerprint) {
    reasons.push(`the live schema changed since the plan was made (fingerprint ${short(now.fingerprint)}, the plan was made against ${short(saved.live)})`);
  }
  if (saved.target !== targetFingerprint) {
    const heads = now.alembic?.heads ?? [];
    const moved = saved.heads && heads.join() !== saved.heads.join() ? `: the plan was made at revision ${saved.heads.join(', ')}, the migrations now end at ${heads.join(', ')}` : '';
    reasons.push(`the migrations changed since the plan was made${moved} (target fingerprint ${short(targetFingerprint)}, the plan was made for ${short(saved.target)})`);
  }
  if (!reasons.length) {
    const step = firstDifference(saved.steps, now.steps);
    if (step) reasons.push(`the statements differ from the saved plan: ${step}`);
    const stamp = now.alembic?.stamp ?? [];
    if (stamp.length !== saved.stamp.length || stamp.some((s, i) => s !== saved.stamp[i])) {
      reasons.push(`alembic_version changed since the plan was made (the plan would now record ${stamp.length ? `\`${oneLine(stamp[stamp.length - 1]!)}\`` : 'nothing'})`);
    }
  }
  return reasons.length ? reasons.join('; ') : undefined;
}
