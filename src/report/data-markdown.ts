import type { Plan } from '../plan/types.js';
import { DATA_HEADING, dataOrder, dataSubject, oneLine } from './data-text.js';
import { code, details, inline, plural, relativeTo } from './markdown.js';

/**
 * The Markdown report's section on the history's data statements: the seed INSERTs apply runs
 * and the statements schema-sync does not run (backfills, data moves), each with file:line, as
 * the text plan lists them. A reviewer reading only the pull-request comment must not miss the
 * UPDATE that a drop depends on. Long lists are collapsed after `max` lines.
 */
export function renderDataMarkdown(plan: Plan, base: string | readonly string[] | undefined, max = 40): string[] {
  const notRun = plan.data?.notRun ?? [];
  const seeded = plan.data?.seeded ?? [];
  const out: string[] = [];
  const at = (o: { file: string; line: number }): string => code(`${relativeTo(o.file, base)}:${o.line}`);
  const bounded = (lines: string[], what: string): string[] =>
    lines.length > max ? [...lines.slice(0, max), ...details(`… and ${plural(lines.length - max, what)} more`, lines.slice(max))] : lines;
  if (notRun.length) {
    const counted = notRun.filter((n) => n.effect === 'rows').length;
    out.push(`### ⚠️ ${DATA_HEADING}: ${notRun.length}`, '', `${counted} may change rows; run them where the history does (see "Data statements" in docs/SCHEMA_SYNC_GUIDE.md).`, '');
    const lines = notRun.map((n) => {
      const o = n.statement.origin;
      const rev = o.revision ? ` (revision ${code(o.revision)}${n.pending ? ', pending' : n.pending === false ? ', already run per alembic_version' : ''})` : '';
      const order = n.effect === 'none' ? 'no rows to change: this plan creates the table empty' : dataOrder(n, plan);
      return `- ${n.effect === 'rows' ? '⚠️' : '·'} ${inline(dataSubject(n.statement))} — ${at(o)}${rev}: ${code(oneLine(n.statement.sql))}${order ? ` — ${inline(order)}` : ''}`;
    });
    out.push(...bounded(lines, 'statement'), '');
  }
  if (seeded.length) {
    out.push(`### Seed rows (run by apply right after their table is created; \`--no-seed\` leaves them out)`, '');
    out.push(...bounded(seeded.map((d) => `- ${inline(dataSubject(d))} — ${at(d.origin)}${d.origin.revision ? ` (revision ${code(d.origin.revision)})` : ''}`), 'statement'), '');
  }
  return out;
}
