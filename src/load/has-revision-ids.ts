import type { MigrationHistory } from './types.js';

/**
 * Whether the history's revision ids are Alembic's, so `alembic_version` can name them: not for
 * a folder of plain numbered files (ids are file names) nor for a script without any
 * `-- Running upgrade` marker (one revision named after the file).
 */
export function hasRevisionIds(h: MigrationHistory): boolean {
  if (h.kind === 'plain-folder') return false;
  if (h.kind === 'offline-script' && h.revisions.length === 1) return /^--\s*Running upgrade\b/m.test(h.revisions[0]!.sql);
  return true;
}
