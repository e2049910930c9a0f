import { describeChange } from '../diff/describe-change.js';
import type { PlannedChange } from '../diff/change.js';
import { qualify, quoteIdent } from '../model/names.js';
import type { Plan } from '../plan/types.js';
import { alembicLines } from './alembic-text.js';
import { dataBefore, renderDataSection } from './data-text.js';
import type { PlanSummary } from './plan-summary.js';
import { PLAIN, type Style } from './style.js';

/** Options for the human rendering of a plan. */
export interface PlanTextOptions {
  readonly style?: Style;
  /** List objects already in place one by one instead of a count. */
  readonly verbose?: boolean;
  /** Names of the target objects already in place (shown with --verbose). */
  readonly inPlace?: readonly string[];
  /** Where the target came from and what database, for the header. */
  readonly target?: string;
  readonly database?: string;
  /** Replaces the `Plan: target -> database` header (e.g. `diff`'s two sides). */
  readonly title?: string;
  /** Replaces the closing line when there is nothing to do. */
  readonly nothingToDo?: string;
}

function where(c: PlannedChange): string {
  return c.origin ? `${c.origin.file}:${c.origin.line}` : '';
}

function line(c: PlannedChange, s: Style): string {
  const d = describeChange(c);
  const warn = c.safety !== 'safe';
  const mark = warn ? s.warn('⚠') : s.info('ℹ');
  const hazard = c.hazards.length ? ` ${s.warn(`[${c.safety}: ${c.hazards.join(', ')}]`)}` : warn ? ` ${s.warn(`[${c.safety}]`)}` : '';
  const detail = d.detail ? ` ${s.dim(`(${d.detail})`)}` : '';
  const origin = where(c) ? `  ${s.dim(where(c))}` : '';
  return `  ${mark} ${d.action} ${d.object} ${d.name}${detail}${hazard}${origin}`;
}

/**
 * The dry run for people: changes grouped by the object they touch (✓ in place, ℹ will be
 * created/changed, ⚠ needs review / skipped / unmanaged / drift), then a one-line summary.
 */
export function renderPlanText(plan: Plan, summary: PlanSummary, opts: PlanTextOptions = {}): string {
  const s = opts.style ?? PLAIN;
  const out: string[] = [];
  const alembic = alembicLines(plan.alembic);
  if (opts.title) out.push(s.bold(opts.title));
  else if (opts.target || opts.database) out.push(s.bold(`Plan: ${opts.target ?? ''} -> ${opts.database ?? ''}`));
  if (alembic.length) out.push(...alembic.map((l) => s.dim(l)));
  if (opts.title || opts.target || opts.database || alembic.length) out.push('');
  const groups = new Map<string, PlannedChange[]>();
  for (const c of plan.changes) {
    const g = describeChange(c).group;
    groups.set(g, [...(groups.get(g) ?? []), c]);
  }
  const firstRuns = dataBefore(plan, s);
  const at = new Map<PlannedChange, number>([...plan.changes.entries(), ...plan.skipped.entries()].map(([i, c]) => [c, i]));
  const withData = (c: PlannedChange, skipped: boolean): string[] =>
    firstRuns.size ? [line(c, s), ...(firstRuns.get(`${skipped}:${at.get(c)}`) ?? [])] : [line(c, s)];
  for (const [group, changes] of groups) {
    out.push(s.bold(group));
    for (const c of changes) out.push(...withData(c, false));
  }
  out.push(...renderDataSection(plan, s));
  if (plan.skipped.length) {
    out.push('', s.warn(`⚠ skipped: ${plan.skipped.length} destructive change${plan.skipped.length === 1 ? '' : 's'} (pass --allow-destructive to plan them)`));
    for (const c of plan.skipped) out.push(...withData(c, true));
  }
  if (plan.unmanaged.length) {
    out.push('', s.warn(`⚠ unmanaged: ${plan.unmanaged.length} object${plan.unmanaged.length === 1 ? '' : 's'} no migration mentions (left alone)`));
    for (const u of plan.unmanaged) {
      const name = u.ref.parent !== undefined ? `${qualify({ schema: u.ref.schema, name: u.ref.parent })}.${quoteIdent(u.ref.name)}` : qualify(u.ref);
      out.push(`  ${s.warn('⚠')} ${u.object} ${name}`);
    }
  }
  if (plan.drift.length) {
    out.push('', s.warn(`⚠ drift: ${plan.drift.length} difference${plan.drift.length === 1 ? '' : 's'} no plan can fix`));
    for (const d of plan.drift) out.push(`  ${s.warn('⚠')} ${d.message}${d.origin ? `  ${s.dim(`${d.origin.file}:${d.origin.line}`)}` : ''}`);
  }
  if (opts.verbose && opts.inPlace?.length) {
    out.push('', s.ok(`✓ already in place:`));
    for (const n of opts.inPlace) out.push(`  ${s.ok('✓')} ${n}`);
  } else if (summary.inPlace) {
    out.push('', s.ok(`✓ ${summary.inPlace} object${summary.inPlace === 1 ? '' : 's'} already in place${opts.verbose ? '' : ' (--verbose lists them)'}`));
  }
  const nothing = !summary.changes && plan.alembic?.stamp.length
    ? s.bold(`Nothing to do to the schema; apply records revision ${plan.alembic.heads.join(', ')} in alembic_version.`)
    : summary.changes === 0 && opts.nothingToDo ? s.ok(opts.nothingToDo) : renderPlanSummaryLine(summary, s);
  out.push('', nothing);
  return out.join('\n') + '\n';
}

/** `Summary: N changes (a safe, b review, c destructive) in M steps; ...`. */
export function renderPlanSummaryLine(m: PlanSummary, s: Style = PLAIN): string {
  if (!m.changes) {
    const rest = [m.skipped && `${m.skipped} skipped`, m.unmanaged && `${m.unmanaged} unmanaged`, m.drift && `${m.drift} drift`].filter(Boolean);
    return s.ok(`Nothing to do: the database has everything the migrations describe${rest.length ? ` (${rest.join(', ')})` : ''}.`);
  }
  const parts = [`${m.safe} safe`, `${m.review} review`, `${m.destructive} destructive`].join(', ');
  const rest = [`${m.skipped} skipped`, `${m.unmanaged} unmanaged`, `${m.drift} drift`, `${m.inPlace} in place`].join(', ');
  return s.bold(`Summary: ${m.changes} change${m.changes === 1 ? '' : 's'} (${parts}) in ${m.steps} step${m.steps === 1 ? '' : 's'}; ${rest}.`);
}
