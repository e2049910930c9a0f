import type { PlannedChange, Safety } from '../diff/change.js';
import { describeChange } from '../diff/describe-change.js';
import { qualify, quoteIdent } from '../model/names.js';
import type { SchemaState } from '../model/schema-state.js';
import type { Plan } from '../plan/types.js';
import { renderDataMarkdown } from './data-markdown.js';
import { DETAIL_NOTE, renderErDiagram, touchedTables } from './er-diagram.js';
import { code, htmlCode, details, inline, plural, relativeTo, table } from './markdown.js';
import type { PlanSummary } from './plan-summary.js';

/** What the Markdown report of a plan (or of a `diff`) needs. */
export interface PlanMarkdownInput {
  readonly plan: Plan;
  readonly summary: PlanSummary;
  /** The new side: where created and changed tables are read from for the diagram. */
  readonly target: SchemaState;
  /** The old side (live database, or `diff --from`): where dropped tables are read from. */
  readonly live: SchemaState;
}

/** Options of the Markdown report. */
export interface PlanMarkdownOptions {
  /** First heading, e.g. `schema-sync plan: alembic-versions → postgres://…`. */
  readonly title: string;
  /** Directories paths are shown relative to (the working directory, the migrations folder's parent). */
  readonly base?: string | readonly string[];
  /** Up to this many changes, every change gets its own line; beyond, changes are summarised per object. */
  readonly listEachUpTo?: number;
  /** Beyond this many per-object lines in all, each revision lists one line per kind of change instead. */
  readonly maxObjectLines?: number;
  /** Up to this many review/destructive changes are listed one by one under "Needs review". */
  readonly maxHazards?: number;
  /** Size bound of the Mermaid diagram, in lines. */
  readonly maxDiagramLines?: number;
}

const SAFETIES: readonly Safety[] = ['safe', 'review', 'destructive'];
const MARK: Record<Safety, string> = { safe: '🟢', review: '🟠', destructive: '🔴' };

function where(c: PlannedChange, base: string | readonly string[] | undefined, withFile: boolean): string {
  if (!c.origin) return '';
  return withFile ? ` — ${code(`${relativeTo(c.origin.file, base)}:${c.origin.line}`)}` : ` — line ${c.origin.line}`;
}

/** One change on one line: mark, action, object, detail, hazards, and where it comes from. */
function changeLine(c: PlannedChange, base: string | readonly string[] | undefined, withFile: boolean): string {
  const d = describeChange(c);
  const detail = d.detail ? ` (${inline(d.detail)})` : '';
  const hazards = c.safety !== 'safe' || c.hazards.length ? ` — **${c.safety}**${c.hazards.length ? `: ${c.hazards.join(', ')}` : ''}` : '';
  return `- ${MARK[c.safety]} ${d.action} ${d.object} ${code(d.name)}${detail}${hazards}${where(c, base, withFile)}`;
}

/** One line per object for a large revision: `public.users`: create table (8 columns), 3× create index. */
function groupLines(changes: readonly PlannedChange[]): string[] {
  const groups = new Map<string, Map<string, number>>();
  const worst = new Map<string, Safety>();
  for (const c of changes) {
    const d = describeChange(c);
    const g = groups.get(d.group) ?? new Map<string, number>();
    groups.set(d.group, g);
    const what = d.object === 'table' && d.action === 'create' && d.detail ? `create table (${d.detail})` : `${d.action} ${d.object}`;
    g.set(what, (g.get(what) ?? 0) + 1);
    const w = worst.get(d.group);
    if (!w || SAFETIES.indexOf(c.safety) > SAFETIES.indexOf(w)) worst.set(d.group, c.safety);
  }
  return [...groups].map(([group, actions]) =>
    `- ${MARK[worst.get(group)!]} ${code(group)}: ${[...actions].map(([a, n]) => (n > 1 ? `${n}× ${a}` : a)).join(', ')}`);
}

/** One line per kind of change for a very large plan: `🟢 create table ×10: `a`, `b`, …`. */
function kindLines(changes: readonly PlannedChange[]): string[] {
  const kinds = new Map<string, { safety: Safety; names: string[] }>();
  for (const c of changes) {
    const d = describeChange(c);
    const key = `${d.action} ${d.object}`;
    const k = kinds.get(key) ?? { safety: c.safety, names: [] };
    if (SAFETIES.indexOf(c.safety) > SAFETIES.indexOf(k.safety)) k.safety = c.safety;
    k.names.push(d.name);
    kinds.set(key, k);
  }
  return [...kinds].map(([what, k]) => `- ${MARK[k.safety]} ${what}${k.names.length > 1 ? ` ×${k.names.length}` : ''}: ${k.names.map(code).join(', ')}`);
}

function counts(changes: readonly PlannedChange[]): string {
  const by = SAFETIES.map((s) => [s, changes.filter((c) => c.safety === s).length] as const).filter(([, n]) => n);
  return `${plural(changes.length, 'change')} (${by.map(([s, n]) => `${n} ${s}`).join(', ')})`;
}

/** Revision files in history order: numbered file names sort naturally; changes without a file last. */
function byRevision(changes: readonly PlannedChange[]): [string, PlannedChange[]][] {
  const groups = new Map<string, PlannedChange[]>();
  for (const c of changes) {
    const key = c.origin?.file ?? '';
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'en', { numeric: true })));
}

/**
 * A plan as Markdown for a pull request or a CI job summary: the summary by object kind and
 * safety class, the changes that need review first, every change grouped by the revision file
 * it comes from (collapsed and summarised per object when the plan is large), and a Mermaid ER
 * diagram of the tables it touches. Paths are relative to `base`; each appears once per revision.
 */
export function renderPlanMarkdown(input: PlanMarkdownInput, opts: PlanMarkdownOptions): string {
  const { plan, summary } = input;
  const base = opts.base;
  const listEachUpTo = opts.listEachUpTo ?? 40;
  const maxHazards = opts.maxHazards ?? 40;
  const out: string[] = [`## ${opts.title}`, ''];
  const all = [...plan.changes, ...plan.skipped];
  const data = renderDataMarkdown(plan, base, maxHazards);
  if (!all.length && !plan.unmanaged.length && !plan.drift.length) {
    out.push(`✅ Nothing to do: no schema changes (${plural(summary.inPlace, 'object')} already in place).`);
    return [...out, ...(data.length ? ['', ...data] : [])].join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
  }
  out.push(
    `**${plural(summary.changes, 'change')}** (${summary.safe} safe, ${summary.review} review, ${summary.destructive} destructive) in ${plural(summary.steps, 'step')}; ` +
      `${summary.skipped} skipped, ${summary.unmanaged} unmanaged, ${summary.drift} drift, ${summary.inPlace} in place.`,
    '',
  );
  // Summary by object kind and safety class.
  const kinds = new Map<string, Record<Safety, number>>();
  for (const c of all) {
    const k = describeChange(c).object;
    const row = kinds.get(k) ?? { safe: 0, review: 0, destructive: 0 };
    row[c.safety]++;
    kinds.set(k, row);
  }
  out.push(...table(['object', ...SAFETIES, 'total'], [...kinds].map(([k, r]) => [k, ...SAFETIES.map((s) => String(r[s] || '')), String(r.safe + r.review + r.destructive)])), '');

  // Hazards first.
  const risky = plan.changes.filter((c) => c.safety !== 'safe');
  if (risky.length || plan.skipped.length) {
    out.push(`### ⚠️ Needs review`, '');
    // Destructive first, then review; each in plan order.
    risky.sort((a, b) => SAFETIES.indexOf(b.safety) - SAFETIES.indexOf(a.safety));
    const lines = risky.map((c) => changeLine(c, base, true));
    out.push(...lines.slice(0, maxHazards));
    if (lines.length > maxHazards) out.push(...details(`… and ${lines.length - maxHazards} more review/destructive changes`, groupLines(risky.slice(maxHazards))));
    if (plan.skipped.length) {
      out.push('', `**Skipped** (destructive; planned only with \`--allow-destructive\`):`, '');
      out.push(...plan.skipped.slice(0, maxHazards).map((c) => changeLine(c, base, true)));
      if (plan.skipped.length > maxHazards) out.push(`- … and ${plan.skipped.length - maxHazards} more`);
    }
    out.push('');
  }

  // What the history does to rows that this plan does not (or does, for seeds).
  out.push(...data);

  // Every change, by revision.
  if (plan.changes.length) {
    const large = plan.changes.length > listEachUpTo;
    out.push(`### Changes by revision`, '');
    const revisions = byRevision(plan.changes);
    const perObject = revisions.map(([, changes]) => groupLines(changes));
    const compact = perObject.reduce((n, l) => n + l.length, 0) > (opts.maxObjectLines ?? 150);
    if (large) out.push(compact ? 'Each line is one kind of change; the JSON format (`-f json`) has every change with its SQL.' : 'Each line is one object.', '');
    for (const [i, [file, changes]] of revisions.entries()) {
      const rev = changes[0]?.origin?.revision;
      const shown = file ? relativeTo(file, base) : '';
      const head = (q: (s: string) => string): string =>
        `${file ? q(shown) : 'no migration file'}${rev && !shown.includes(rev) ? ` (revision ${q(rev)})` : ''}: ${counts(changes)}`;
      const body = compact ? kindLines(changes) : perObject[i]!;
      // A revision with one line to show gets no collapsible section of its own (4 lines saved).
      if (large && body.length === 1) out.push(`- ${head(code)} — ${body[0]!.slice(2)}`);
      else if (large) out.push(...details(head(htmlCode), body));
      else out.push(`**${head(code)}**`, '', ...changes.map((c) => changeLine(c, base, false)), '');
    }
    out.push('');
  }

  // The tables the change touches.
  const touched = touchedTables(all);
  if (touched.size) {
    const diagram = renderErDiagram(touched, input.target, input.live, { maxLines: opts.maxDiagramLines ?? 120 });
    const note = diagram.tablesShown < diagram.tablesTouched || diagram.detail !== 'columns'
      ? `Showing ${diagram.tablesShown} of ${plural(diagram.tablesTouched, 'touched table')}${DETAIL_NOTE[diagram.detail]}; notes on columns say what changes.`
      : `${plural(diagram.tablesTouched, 'touched table')}; notes on columns say what changes.`;
    const body = ['```mermaid', ...diagram.lines, '```'];
    out.push('### Tables touched', '', note, '');
    if (diagram.lines.length > 60) out.push(...details('ER diagram', body));
    else out.push(...body);
    out.push('');
  }

  if (plan.unmanaged.length) {
    const names = plan.unmanaged.map((u) => `${u.object} ${code(u.ref.parent !== undefined ? `${qualify({ schema: u.ref.schema, name: u.ref.parent })}.${quoteIdent(u.ref.name)}` : qualify(u.ref))}`);
    out.push(`### Unmanaged (no migration mentions them; left alone)`, '', names.join(', '), '');
  }
  if (plan.drift.length) {
    out.push(`### Drift no plan can fix`, '', ...plan.drift.map((d) => `- ${inline(d.message)}${d.origin ? ` — ${code(`${relativeTo(d.origin.file, base)}:${d.origin.line}`)}` : ''}`), '');
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
