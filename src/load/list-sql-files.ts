import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError } from '../errors.js';
import { naturalCompare } from './natural-compare.js';

/** Base names of the `.sql` files directly inside a folder (relative: to `cwd`), in natural file-name order. */
export async function listSqlFiles(folder: string, cwd: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(resolve(cwd, folder), { withFileTypes: true });
  } catch (err) {
    throw new UserError(`Cannot read folder ${folder}: ${(err as Error).message}`);
  }
  // Symlinks are kept: a linked migration file is still a migration file.
  const names = entries
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && /\.sql$/i.test(e.name))
    .map((e) => e.name)
    .sort(naturalCompare);
  if (names.length === 0) {
    throw new UserError(
      `No .sql files in ${folder}` +
        (entries.length > 0 ? ` (it holds ${entries.length} other entr${entries.length === 1 ? 'y' : 'ies'})` : ' (the folder is empty)'),
    );
  }
  return names;
}

/** Joins folder and file name without normalising, so the path stays as the user typed it. */
export function joinAsGiven(folder: string, name: string): string {
  return /[\\/]$/.test(folder) ? folder + name : `${folder}/${name}`;
}
