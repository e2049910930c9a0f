import { readdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isPythonInput, resolveVersionsFolder } from './alembic-py/alembic-ini.js';
import { readAlembicConfig } from './alembic-py/config.js';
import { findConfigFile } from './config-lookup.js';
import { UserError } from '../errors.js';
import { formatList } from './format-list.js';
import { loadFolder } from './load-folder.js';
import { toRevision, type LocatedRevision } from './located-revision.js';
import { readSqlFile } from './read-sql-file.js';
import { resolveTarget } from './resolve-target.js';
import {
  ancestorsOf,
  checkDuplicateIds,
  checkParentsComeFirst,
  checkParentsKnown,
  findHeads,
  topologicalOrder,
} from './revision-graph.js';
import { splitOfflineScript } from './split-offline-script.js';
import { undoublePercents } from './percent-escaping.js';
import type { LoadOptions, MigrationHistory } from './types.js';

/** What a loader hands back before heads and the `to` cut are worked out. */
interface Loaded {
  readonly kind: MigrationHistory['kind'];
  readonly revisions: LocatedRevision[];
}

/**
 * Fails with the loader's own message when the migrations path is missing or unreadable: commands
 * call it before opening the database, so a typo costs no connection (and no PGlite start-up).
 */
export async function checkMigrationsPath(path: string, cwd: string = process.cwd()): Promise<void> {
  await kindOfPath(path, cwd);
}

async function kindOfPath(path: string, cwd: string): Promise<'folder' | 'file'> {
  try {
    const s = await stat(resolve(cwd, path));
    if (s.isDirectory()) return 'folder';
    if (s.isFile()) return 'file';
    throw new UserError(`${path} is neither a folder of .sql files nor a .sql file`);
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UserError(`No such file or folder: ${path}`);
    throw new UserError(`Cannot read ${path}: ${(err as Error).message}`);
  }
}

/** Reads a script's revisions; its order is the file's, which Alembic already made topological. */
async function loadScript(path: string, cwd: string): Promise<Loaded> {
  const text = await readSqlFile(path, cwd);
  if (text.trim() === '') {
    const lines = text.split('\n').length;
    throw new UserError(`${path} is empty (${Buffer.byteLength(text)} bytes, ${text.length ? `${lines} line${lines > 1 ? 's' : ''} of whitespace` : 'no text'})`, { file: path, line: 1 });
  }
  const revisions = splitOfflineScript(text, path);
  checkDuplicateIds(revisions);
  // Parents missing from the script are allowed: `alembic upgrade A:B --sql` starts past the base.
  checkParentsComeFirst(revisions);
  return { kind: 'offline-script', revisions };
}

/**
 * Alembic .py revisions (a versions folder, its script_location, or alembic.ini), interpreted.
 * The reader (the Python parser and the interpreter) is loaded only here, so SQL histories do
 * not pay for it.
 */
async function loadPython(path: string, configFile: string | undefined, cwd: string): Promise<Loaded> {
  const { loadPythonFolder } = await import('./alembic-py/load-python-folder.js');
  const { revisions } = loadPythonFolder(resolveVersionsFolder(path, cwd), readAlembicConfig(findConfigFile(configFile, cwd), cwd), cwd);
  checkDuplicateIds(revisions);
  checkParentsKnown(revisions);
  return { kind: 'python-folder', revisions: topologicalOrder(revisions) };
}

async function loadDirectory(path: string, configFile: string | undefined, cwd: string): Promise<Loaded> {
  if (isPythonInput(path, await readdir(resolve(cwd, path)))) return loadPython(path, configFile, cwd);
  const { kind, revisions, markers } = await loadFolder(path, cwd);
  checkDuplicateIds(revisions);
  if (!markers) {
    checkParentsKnown(revisions);
    return { kind, revisions: topologicalOrder(revisions) };
  }
  // `alembic upgrade A:B --sql` starts past the base: its first parent A is in no file. One such
  // start is allowed when no file starts at the base (else it is a missing file); it is left out
  // while ordering (each revision keeps its parents).
  const ids = new Set(revisions.map((r) => r.id));
  const outside = [...new Set(revisions.flatMap((r) => r.parents.filter((p) => !ids.has(p))))];
  if (outside.length > 1 || (outside.length === 1 && revisions.some((r) => !r.parents.length))) checkParentsKnown(revisions);
  const byId = new Map(revisions.map((r) => [r.id, r]));
  const ordered = topologicalOrder(revisions.map((r) => ({ ...r, parents: r.parents.filter((p) => ids.has(p)) })));
  return { kind, revisions: ordered.map((r) => byId.get(r.id)!) };
}

/**
 * Loads Alembic migration SQL from a folder of per-revision files (with `-- revision:` headers),
 * a folder of plain numbered `.sql` files, or one `alembic upgrade --sql` script, and returns the
 * revisions in execution order. With `to`, only that revision and its ancestors are returned.
 */
export async function loadMigrations(path: string, opts: LoadOptions = {}): Promise<MigrationHistory> {
  const cwd = opts.cwd ?? process.cwd();
  const kind = await kindOfPath(path, cwd);
  const loaded = kind === 'folder' ? await loadDirectory(path, opts.config, cwd) : isPythonInput(path, null) ? await loadPython(path, opts.config, cwd) : await loadScript(path, cwd);
  // Only SQL text carries Alembic's offline %% escaping; a `%%` written in Python source is meant.
  const undoubled = loaded.kind === 'python-folder' ? undefined : undoublePercents(loaded.revisions);
  const all = undoubled ?? loaded.revisions;
  const heads = findHeads(all);
  let chosen = all;
  if (opts.to !== undefined) {
    chosen = ancestorsOf(resolveTarget(opts.to, all, heads, path), all);
  } else if (heads.length > 1 && loaded.kind !== 'offline-script') {
    const byId = new Map(all.map((r) => [r.id, r]));
    const list = formatList(heads.map((h) => `${h} (${byId.get(h)!.file}:${byId.get(h)!.idLine})`));
    const first = byId.get(heads[0]!)!;
    throw new UserError(
      `${path} has ${heads.length} heads: ${list}. Merge them, or pick one with --to <revision>`,
      { file: first.file, line: first.idLine },
    );
  }
  return { source: path, kind: loaded.kind, revisions: chosen.map(toRevision), heads, ...(undoubled ? { percentsUndoubled: true } : {}) };
}
