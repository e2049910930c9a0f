import type { Revision } from './types.js';

/** A revision plus the header lines it was declared on, so graph errors can point at file:line. */
export interface LocatedRevision extends Revision {
  /** Line of the `-- revision:` header or `-- Running upgrade` marker that named this id. */
  readonly idLine: number;
  /** Line that named the parents (same as idLine for offline markers and plain files). */
  readonly parentsLine: number;
}

/** Drops the location fields so callers get exactly the public `Revision` shape. */
export function toRevision(r: LocatedRevision): Revision {
  const { id, parents, file, sql, startLine, lineMap, skipped } = r;
  return { id, parents, file, sql, startLine, ...(lineMap ? { lineMap } : {}), ...(skipped ? { skipped } : {}) };
}
