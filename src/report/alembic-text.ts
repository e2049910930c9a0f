import type { AlembicStatus } from '../plan/alembic-position.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "database at revision X per alembic_version; N revisions pending", or why the position is unknown. */
export function alembicPositionLine(a: AlembicStatus): string {
  if (a.current === null) return 'no alembic_version table: the database\'s Alembic revision is unknown';
  if (a.unknown.length) {
    return `alembic_version names ${a.unknown.join(', ')}, which ${a.unknown.length === 1 ? 'is' : 'are'} not a revision of this history`;
  }
  const pending = a.pending ?? [];
  const where = a.current.length === 0 ? 'database at base (alembic_version is empty)' : `database at revision ${a.current.join(', ')} per alembic_version`;
  return `${where}; ${pending.length ? `${plural(pending.length, 'revision')} pending` : 'no revision pending'}`;
}

/** What apply does to alembic_version. */
export function alembicStampLine(a: AlembicStatus): string {
  const heads = a.heads.join(', ');
  if (a.stamp.length) return `apply records revision ${heads} in alembic_version${a.current === null ? ' (creating the table)' : ''} (--no-stamp to leave it)`;
  if (a.noStamp) return `alembic_version is not updated: ${a.noStamp}`;
  return `alembic_version already names revision ${heads}`;
}

/** Both lines, for the plan's and check's text. */
export function alembicLines(a: AlembicStatus | undefined): string[] {
  return a ? [alembicPositionLine(a), alembicStampLine(a)] : [];
}
