import { readFile } from 'node:fs/promises';
import type { Database } from '../../src/db/index.js';
import { diff } from '../../src/diff/index.js';
import { introspect, readAlembicVersion } from '../../src/introspect/index.js';
import { hasRevisionIds, loadMigrations, type MigrationHistory, type Revision } from '../../src/load/index.js';
import { plan, type Plan } from '../../src/plan/index.js';
import { replay, type ReplayResult } from '../../src/replay/index.js';

/** Plans a history against a database the way the CLI does, with alembic_version and data statements. */
export async function planWithHistory(db: Database, migrations: string, opts: { seed?: boolean; allowDestructive?: boolean } = {}): Promise<Plan> {
  const history = await loadMigrations(migrations);
  return planWithReplayed(db, history, replay(history), opts);
}

/** planWithHistory for a history loaded and replayed once (acceptance runs plan it against many databases). */
export async function planWithReplayed(
  db: Database, history: MigrationHistory, replayed: ReplayResult, opts: { seed?: boolean; allowDestructive?: boolean } = {},
): Promise<Plan> {
  const live = await introspect(db);
  return plan(diff(replayed.state, live), live, {
    allowDestructive: !!opts.allowDestructive,
    history: {
      revisions: history.revisions, hasRevisionIds: hasRevisionIds(history), alembicVersion: await readAlembicVersion(db),
      data: replayed.data, events: replayed.state.history, seed: opts.seed !== false,
    },
  });
}

/**
 * The data statements of revisions, found without the parser: statements (a line ending in `;`
 * ends one) that start with INSERT, UPDATE or DELETE, or with WITH and contain one, as
 * `file:line` of their first line. An independent oracle for the plan's list; it holds for
 * histories that end statements at line ends, as Alembic writes them, and have no `;`-ended
 * line starting with a data verb inside a function body.
 */
export async function scanDataLines(revisions: readonly Revision[]): Promise<string[]> {
  const out: string[] = [];
  for (const r of revisions) {
    const lines = (await readFile(r.file, 'utf8')).split('\n');
    const last = Math.min(r.startLine + r.sql.split('\n').length - 1, lines.length);
    let start: number | undefined;
    let text = '';
    for (let i = r.startLine; i <= last; i++) {
      const line = lines[i - 1]!.trim();
      if (start === undefined && (line === '' || line.startsWith('--'))) continue;
      if (start === undefined) [start, text] = [i, ''];
      text += `${line}\n`;
      if (!line.endsWith(';')) continue;
      const data = /^(insert|update|delete)\b/i.test(text) || (/^with\b/i.test(text) && /\b(insert|update|delete)\b/i.test(text));
      if (data && !/alembic_version/i.test(text)) out.push(`${r.file}:${start}`);
      start = undefined;
    }
  }
  return out;
}

/** `file:line` of each statement a plan lists as not run, and of each it seeds. */
export function listed(p: Plan): { notRun: string[]; seeded: string[] } {
  return {
    notRun: (p.data?.notRun ?? []).map((n) => `${n.statement.origin.file}:${n.statement.origin.line}`),
    seeded: (p.data?.seeded ?? []).map((d) => `${d.origin.file}:${d.origin.line}`),
  };
}
