/**
 * Finds the versions folder of an Alembic project given its alembic.ini, its script_location
 * folder (the one with env.py), or the versions folder itself.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../../errors.js';

/** Reads `script_location` (and `version_locations`) from the [alembic] section of an ini file. */
function iniVersions(ini: string, cwd: string): string {
  const text = readFileSync(path.resolve(cwd, ini), 'utf8');
  const here = path.resolve(cwd, path.dirname(ini));
  let section = '';
  const opts = new Map<string, { value: string; line: number }>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    const sec = /^\[(.+)\]$/.exec(line);
    if (sec) section = sec[1]!;
    else if (section === 'alembic') {
      const m = /^([\w.]+)\s*[=:]\s*(.*)$/.exec(line);
      if (m) opts.set(m[1]!, { value: m[2]!.replace(/%\(here\)s/g, here), line: i + 1 });
    }
  });
  const loc = opts.get('script_location');
  if (!loc) throw new UserError(`${ini} has no script_location in its [alembic] section`, { file: ini, line: 1 });
  const vl = opts.get('version_locations');
  if (vl) {
    const dirs = vl.value.split(/[\s,;:]+/).filter(Boolean);
    if (dirs.length !== 1) throw new UserError(`${ini}: several version_locations are not supported; point --migrations at one of them`, { file: ini, line: vl.line });
    return path.resolve(here, dirs[0]!);
  }
  if (loc.value.includes(':') && !path.isAbsolute(loc.value)) {
    throw new UserError(`${ini}: script_location ${loc.value} names a Python package; point --migrations at its versions folder`, { file: ini, line: loc.line });
  }
  return path.join(path.resolve(here, loc.value), 'versions');
}

/**
 * The folder of .py revisions for `target` (a versions folder, a script_location folder, or
 * alembic.ini); a relative `target` is read from `cwd` and stays relative unless an ini names the folder.
 */
export function resolveVersionsFolder(target: string, cwd: string = process.cwd()): string {
  const at = (p: string): string => path.resolve(cwd, p);
  if (statSync(at(target)).isFile()) return iniVersions(target, cwd);
  if (existsSync(at(path.join(target, 'env.py'))) && existsSync(at(path.join(target, 'versions')))) return path.join(target, 'versions');
  if (existsSync(at(path.join(target, 'alembic.ini')))) return iniVersions(path.join(target, 'alembic.ini'), cwd);
  return target;
}

/** True when `target` looks like Python Alembic input rather than SQL. */
export function isPythonInput(target: string, entries: readonly string[] | null): boolean {
  if (entries === null) return /\.ini$/i.test(target);
  return entries.includes('alembic.ini') || entries.includes('env.py') || entries.some((e) => /\.py$/.test(e) && e !== '__init__.py');
}
