import { existsSync } from 'node:fs';
import path from 'node:path';

/** The settings file of a project (exclusions, settings for reading Python revisions). */
export const CONFIG_FILE = 'schema-sync.json';

/**
 * The one rule for finding schema-sync.json, used by every reader of it: the file `given`
 * (`--config`) when set; else the nearest `schema-sync.json` in `from` (the working directory)
 * or a folder above it, stopping at the repository root (the first folder holding `.git`);
 * else none. Like alembic.ini, it is found from where the command runs, not from the
 * migrations folder, so a history copied elsewhere (`--from REV` snapshots) reads the same file.
 */
export function findConfigFile(given?: string, from: string = process.cwd()): string | undefined {
  if (given !== undefined) return given;
  for (let dir = path.resolve(from); ; ) {
    const file = path.join(dir, CONFIG_FILE);
    if (existsSync(file)) return file;
    const up = path.dirname(dir);
    if (up === dir || existsSync(path.join(dir, '.git'))) return undefined;
    dir = up;
  }
}
