/**
 * Loads a folder of Alembic .py revisions: each is interpreted into the SQL Alembic would emit
 * on PostgreSQL; a `.sql` file beside them whose `-- revision:` header (or base name) is a
 * revision's id replaces that revision's interpretation.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../../errors.js';
import { joinAsGiven } from '../list-sql-files.js';
import type { LocatedRevision } from '../located-revision.js';
import { naturalCompare } from '../natural-compare.js';
import { parseRevisionHeader } from '../revision-header.js';
import { topologicalOrder } from '../revision-graph.js';
import { findConfigFile } from '../config-lookup.js';
import { readAlembicConfig, type AlembicPyConfig } from './config.js';
import { interpretRevision, type InterpretedRevision } from './interpret-revision.js';

/** Figures a caller can report: how many revisions were interpreted and how many came from .sql overrides. */
export interface PythonFolderStats {
  readonly interpreted: number;
  readonly overridden: readonly string[];
}

/**
 * Turns interpreted statements into a revision whose SQL lines map back to .py lines. `done`
 * holds the run-once statements earlier revisions (in execution order) already emitted.
 */
export function toLocatedRevision(r: InterpretedRevision, file: string, done = new Set<string>()): LocatedRevision {
  const sql: string[] = [];
  const lineMap: number[] = [];
  for (const s of r.statements) {
    if (s.once !== undefined) {
      if (done.has(s.once)) continue;
      done.add(s.once);
    }
    const lines = (s.sql.trimEnd() + ';').split('\n');
    sql.push(...lines);
    for (let i = 0; i < lines.length; i++) lineMap.push(s.line);
  }
  return {
    id: r.id, parents: r.parents, file, sql: sql.join('\n'), startLine: 1, lineMap,
    ...(r.skipped.length ? { skipped: r.skipped } : {}),
    idLine: r.idLine, parentsLine: r.parentsLine,
  };
}

/** Reads and interprets every revision of `folder` (relative: to `cwd`; files are named as given). */
export function loadPythonFolder(
  folder: string,
  config: AlembicPyConfig = readAlembicConfig(findConfigFile()),
  cwd: string = process.cwd(),
): { revisions: LocatedRevision[]; stats: PythonFolderStats } {
  const read = (file: string): string => readFileSync(resolve(cwd, file), 'utf8');
  let names: string[];
  try {
    names = readdirSync(resolve(cwd, folder)).sort(naturalCompare);
  } catch (e) {
    throw new UserError(`Cannot read folder ${folder}: ${(e as Error).message}`);
  }
  const pyFiles = names.filter((n) => /\.py$/.test(n) && n !== '__init__.py' && !n.startsWith('.#'));
  if (!pyFiles.length) throw new UserError(`No Alembic .py revisions in ${folder}`);
  const overrides = new Map<string, LocatedRevision>();
  for (const n of names.filter((x) => /\.sql$/i.test(x))) {
    const file = joinAsGiven(folder, n);
    const text = read(file);
    const h = parseRevisionHeader(text, file);
    const id = h?.id ?? n.replace(/\.sql$/i, '');
    overrides.set(id, { id, parents: h?.parents ?? [], file, sql: text, startLine: 1, idLine: h?.idLine ?? 1, parentsLine: h?.parentsLine ?? 1 });
  }
  const revisions: LocatedRevision[] = [];
  const overridden: string[] = [];
  const interpreted = new Map<string, InterpretedRevision>();
  for (const n of pyFiles) {
    const file = joinAsGiven(folder, n);
    const source = read(file);
    const idOnly = overrides.size ? quickId(source) : undefined;
    const override = idOnly !== undefined ? overrides.get(idOnly) : undefined;
    if (override) {
      const r = interpretHeaderOnly(source, override);
      revisions.push(r);
      overridden.push(r.id);
      continue;
    }
    const r = interpretRevision(source, file, config);
    interpreted.set(r.id, r);
    revisions.push(toLocatedRevision(r, file));
  }
  const unused = [...overrides.values()].filter((o) => !overridden.includes(o.id));
  if (unused.length) {
    throw new UserError(
      `${unused.map((o) => o.file).join(', ')}: no .py revision in ${folder} has the id ${unused.map((o) => o.id).join(', ')}; ` +
        'a .sql file beside Python revisions replaces the revision with its id (give it a "-- revision: <id>" header)',
      { file: unused[0]!.file, line: 1 },
    );
  }
  return { revisions: withRunOnceStatements(revisions, interpreted), stats: { interpreted: revisions.length - overridden.length, overridden } };
}

/** Rebuilds the revisions in execution order so that run-once statements appear only the first time. */
function withRunOnceStatements(revisions: LocatedRevision[], interpreted: ReadonlyMap<string, InterpretedRevision>): LocatedRevision[] {
  if (![...interpreted.values()].some((r) => r.statements.some((s) => s.once !== undefined))) return revisions;
  let order: LocatedRevision[];
  try {
    order = topologicalOrder(revisions);
  } catch {
    return revisions; // the graph error is reported by the caller
  }
  const done = new Set<string>();
  const rebuilt = new Map(order.map((r) => {
    const i = interpreted.get(r.id);
    return [r.id, i && i.id === r.id && r.lineMap ? toLocatedRevision(i, r.file, done) : r] as const;
  }));
  return revisions.map((r) => rebuilt.get(r.id) ?? r);
}

/** `revision = '...'` read without running the file (to find a .sql override first). */
function quickId(source: string): string | undefined {
  return /^revision\s*(?::\s*[\w\[\], |]+)?=\s*['"]([^'"]+)['"]/m.exec(source)?.[1];
}

/** An overridden revision: the graph edges come from the .py file, the SQL from the .sql file. */
function interpretHeaderOnly(source: string, sql: LocatedRevision): LocatedRevision {
  const down = /^down_revision\s*(?::\s*[^=]+)?=\s*(.+)$/m.exec(source)?.[1] ?? 'None';
  const parents = [...down.matchAll(/['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  return { ...sql, parents: sql.parents.length ? sql.parents : parents, idLine: 1, parentsLine: 1, file: sql.file };
}

