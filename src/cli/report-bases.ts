import path from 'node:path';

/**
 * Directories the Markdown reports show paths relative to: the working directory (paths the user
 * typed stay as typed), then the migrations folder's parent (absolute `-m` paths lose their prefix).
 */
export function reportBases(migrations: string, cwd: string): string[] {
  return [cwd, path.dirname(path.resolve(cwd, migrations))];
}
