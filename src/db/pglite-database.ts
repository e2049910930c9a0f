import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';
import type { QueryOptions } from '@electric-sql/pglite';
import type { ExtensionDef } from '../model/objects.js';
import type { Database } from './database.js';
import { wrapDriverError } from './driver-error.js';
import { pgliteExtensions } from './pglite-extensions.js';
import { TEXT_PARSERS } from './type-parsers.js';

/** The `pglite:` suffix that selects an in-memory database instead of a directory. */
export const PGLITE_MEMORY = 'memory';

/**
 * Opens PGlite (PostgreSQL compiled to WASM) in memory or on a data directory, which is created
 * when missing. The module is imported here, lazily, so that `pg` users never load the WASM.
 * A non-empty directory that is not a PostgreSQL data directory is refused rather than written to.
 */
export async function openPgliteDatabase(location: string, label: string, needs: readonly ExtensionDef[] = []): Promise<Database> {
  const extensions = await pgliteExtensions(needs, label);
  let dataDir: string | undefined;
  if (location !== PGLITE_MEMORY) {
    dataDir = path.resolve(location);
    await prepareDataDir(dataDir, label);
  }

  let db: import('@electric-sql/pglite').PGlite;
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    db = await PGlite.create({ ...(dataDir !== undefined ? { dataDir } : {}), extensions });
  } catch (err) {
    const detail = err instanceof Error ? err.message || err.name : String(err);
    throw new UserError(`Cannot open ${label}: ${detail}`);
  }

  // Per-query parsers take precedence over PGlite's own, including the array parsers it builds
  // from the catalog at startup (which constructor-level parsers would not override).
  const options: QueryOptions = { parsers: { ...TEXT_PARSERS } };
  let closed = false;
  const run = async <T>(work: () => Promise<T>): Promise<T> => {
    if (closed) throw new Error(`Database ${label} is closed`);
    try {
      return await work();
    } catch (err) {
      throw wrapDriverError(err, label, []);
    }
  };

  return {
    kind: 'pglite',
    label,
    query: <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
      run(async () => (await db.query<T>(sql, params, options)).rows),
    exec: (sql: string) =>
      run(async () => {
        await db.exec(sql, options);
      }),
    close: async () => {
      if (closed) return;
      closed = true;
      await db.close();
    },
  };
}

/**
 * mkdir -p one level at a time. Node's `mkdir(.., { recursive: true })` never returns for a path
 * under /proc (`pglite:/proc/self/x`): it retries ENOENT from a parent that exists forever.
 */
async function makeDirs(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let d = dir; !(await stat(d).catch(() => undefined)); d = path.dirname(d)) {
    missing.push(d);
    if (path.dirname(d) === d) break;
  }
  for (const d of missing.reverse()) await mkdir(d);
}

async function prepareDataDir(dir: string, label: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (info && !info.isDirectory()) throw new UserError(`Cannot open ${label}: ${dir} is not a directory`);
  if (!info) {
    await makeDirs(dir).catch((err: Error) => {
      throw new UserError(`Cannot open ${label}: cannot create ${dir}: ${err.message}`);
    });
    return;
  }
  const entries = await readdir(dir);
  if (entries.length > 0 && !entries.includes('PG_VERSION')) {
    throw new UserError(`Cannot open ${label}: ${dir} is not empty and is not a PostgreSQL data directory`);
  }
}
