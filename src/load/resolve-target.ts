import { UserError } from '../errors.js';
import { editDistance } from './edit-distance.js';
import { formatList } from './format-list.js';
import type { LocatedRevision } from './located-revision.js';

function closeMatches(to: string, ids: readonly string[]): string[] {
  const limit = to.length < 8 ? 1 : 2;
  return ids
    .map((id) => ({ id, d: editDistance(to, id.slice(0, Math.max(to.length, 1))) }))
    .filter((m) => m.d <= limit)
    .sort((x, y) => x.d - y.d)
    .slice(0, 3)
    .map((m) => m.id);
}

/**
 * Turns the user's `to` into a revision id the way Alembic does: an exact id, `head` when there is
 * exactly one head, or a prefix that only one revision id starts with.
 */
export function resolveTarget(
  to: string,
  revisions: readonly LocatedRevision[],
  heads: readonly string[],
  source: string,
): string {
  const want = to.trim();
  if (want === '') throw new UserError(`Empty revision given as --to for ${source}`);
  const ids = revisions.map((r) => r.id);
  if (ids.includes(want)) return want;
  if (want === 'head') {
    if (heads.length === 1) return heads[0]!;
    throw new UserError(`--to head is ambiguous: ${source} has ${heads.length} heads (${formatList(heads)}); name one`);
  }
  const candidates = revisions.filter((r) => r.id.startsWith(want));
  if (candidates.length === 1) return candidates[0]!.id;
  if (candidates.length > 1) {
    const names = candidates.map((r) => `${r.id} (${r.file})`);
    throw new UserError(
      `--to ${want} is ambiguous in ${source}: ${candidates.length} revisions start with it: ${formatList(names, 5)}; give more characters`,
    );
  }
  const close = closeMatches(want, ids);
  throw new UserError(
    `No revision ${want} (--to) in ${source}: none of its ${ids.length} revision${ids.length === 1 ? '' : 's'} has that id or starts with it` +
      (close.length > 0 ? `; did you mean ${close.join(' or ')}?` : ''),
  );
}
