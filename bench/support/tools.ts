/** Finds the PostgreSQL client programs the peers need, when the machine has them. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Path of `name` (psql, pg_dump): on PATH, else in `pg_config --bindir`; undefined when absent.
 * The benchmark compares against them only when present: the project never depends on them.
 */
export function findPgTool(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  try {
    const bindir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const candidate = path.join(bindir, name);
    return existsSync(candidate) ? candidate : undefined;
  } catch {
    return undefined;
  }
}

/** The first line of `<tool> --version`. */
export function toolVersion(tool: string): string {
  try {
    return execFileSync(tool, ['--version'], { encoding: 'utf8' }).split('\n')[0]!.trim();
  } catch {
    return 'unknown version';
  }
}
