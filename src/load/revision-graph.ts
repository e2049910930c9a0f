import { UserError } from '../errors.js';
import { formatList } from './format-list.js';
import type { LocatedRevision } from './located-revision.js';

/** Refuses two revisions with the same id, naming both files. */
export function checkDuplicateIds(revisions: readonly LocatedRevision[]): void {
  const seen = new Map<string, LocatedRevision>();
  for (const r of revisions) {
    const first = seen.get(r.id);
    if (first) {
      const where = first.file === r.file ? `${r.file} (lines ${first.idLine} and ${r.idLine})` : `${first.file} and ${r.file}`;
      throw new UserError(`Revision id ${r.id} is declared twice: ${where}`, { file: r.file, line: r.idLine });
    }
    seen.set(r.id, r);
  }
}

/** Refuses parents that no revision declares, saying which file names which unknown id. */
export function checkParentsKnown(revisions: readonly LocatedRevision[]): void {
  const ids = new Set(revisions.map((r) => r.id));
  const problems: string[] = [];
  let first: LocatedRevision | undefined;
  for (const r of revisions) {
    const unknown = r.parents.filter((p) => !ids.has(p));
    if (unknown.length === 0) continue;
    first ??= r;
    problems.push(`${r.file}:${r.parentsLine} names ${unknown.join(', ')}`);
  }
  if (first) {
    throw new UserError(`Unknown down_revision: ${formatList(problems, 5)}; no file declares that revision`, {
      file: first.file,
      line: first.parentsLine,
    });
  }
}

/** Refuses (for a script whose order is fixed) a parent that only appears after its child. */
export function checkParentsComeFirst(revisions: readonly LocatedRevision[]): void {
  const index = new Map(revisions.map((r, i) => [r.id, i]));
  revisions.forEach((r, i) => {
    const late = r.parents.find((p) => (index.get(p) ?? -1) >= i);
    if (late === undefined) return;
    const parent = revisions[index.get(late)!]!;
    throw new UserError(
      `Revision ${r.id} (line ${r.idLine}) runs before its parent ${late} (line ${parent.idLine}) in ${r.file}`,
      { file: r.file, line: r.idLine },
    );
  });
}

/** Ids that no other revision names as a parent, in the order given. */
export function findHeads(revisions: readonly LocatedRevision[]): string[] {
  const parents = new Set(revisions.flatMap((r) => r.parents));
  return revisions.filter((r) => !parents.has(r.id)).map((r) => r.id);
}

function describeCycle(remaining: readonly LocatedRevision[], byId: Map<string, LocatedRevision>): UserError {
  const left = new Set(remaining.map((r) => r.id));
  const path: LocatedRevision[] = [];
  const at = new Map<string, number>();
  let cur = remaining[0]!;
  while (!at.has(cur.id)) {
    at.set(cur.id, path.length);
    path.push(cur);
    // Every revision left over still waits on a parent that is itself left over.
    cur = byId.get(cur.parents.find((p) => left.has(p))!)!;
  }
  const cycle = path.slice(at.get(cur.id)!).reverse();
  const steps = cycle.map((r) => `${r.id} (${r.file}:${r.parentsLine})`);
  return new UserError(`Revision cycle (each is the down_revision of the next): ${steps.join(' -> ')} -> ${cycle[0]!.id}`, {
    file: cycle[0]!.file,
    line: cycle[0]!.parentsLine,
  });
}

/**
 * Orders revisions so each comes after all its parents. Among revisions that are ready at the
 * same time the one earliest in the input (file-name order) goes first, so the result is stable.
 * Expects ids to be unique and every parent to be known.
 */
export function topologicalOrder(revisions: readonly LocatedRevision[]): LocatedRevision[] {
  const byId = new Map(revisions.map((r) => [r.id, r]));
  const index = new Map(revisions.map((r, i) => [r.id, i]));
  const waiting = new Map(revisions.map((r) => [r.id, r.parents.length]));
  const children = new Map<string, string[]>();
  for (const r of revisions) for (const p of r.parents) children.set(p, [...(children.get(p) ?? []), r.id]);

  // Indexes of ready revisions, kept sorted descending so pop() yields the earliest.
  const ready = revisions.map((_, i) => i).filter((i) => waiting.get(revisions[i]!.id) === 0).reverse();
  const order: LocatedRevision[] = [];
  while (ready.length > 0) {
    const r = revisions[ready.pop()!]!;
    order.push(r);
    for (const child of children.get(r.id) ?? []) {
      const n = waiting.get(child)! - 1;
      waiting.set(child, n);
      if (n > 0) continue;
      const ci = index.get(child)!;
      let at = ready.findIndex((i) => i < ci);
      if (at === -1) at = ready.length;
      ready.splice(at, 0, ci);
    }
  }
  if (order.length < revisions.length) {
    const done = new Set(order.map((r) => r.id));
    throw describeCycle(revisions.filter((r) => !done.has(r.id)), byId);
  }
  return order;
}

/** The target and all its ancestors, kept in the order given. */
export function ancestorsOf(target: string, revisions: readonly LocatedRevision[]): LocatedRevision[] {
  const byId = new Map(revisions.map((r) => [r.id, r]));
  const keep = new Set<string>();
  const stack = [target];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (keep.has(id) || !byId.has(id)) continue;
    keep.add(id);
    stack.push(...byId.get(id)!.parents);
  }
  return revisions.filter((r) => keep.has(r.id));
}
