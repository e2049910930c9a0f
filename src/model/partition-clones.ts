import type { ConstraintDef, IndexDef } from './objects.js';

/**
 * What PostgreSQL clones from a partitioned table onto each partition (and attaches on ATTACH
 * PARTITION when the partition already has a match): primary keys, unique constraints, foreign
 * keys and inheritable CHECKs (NO INHERIT ones stay on the parent), besides its indexes.
 */
export function clonedOntoPartitions(c: ConstraintDef): boolean {
  return c.type === 'primary key' || c.type === 'unique' || c.type === 'foreign key' || (c.type === 'check' && !c.noInherit);
}

/** Fields that do not define an index or constraint: names, provenance, comments, as-written SQL, state. */
const NOT_DEFINING = new Set(['schema', 'name', 'table', 'origin', 'comment', 'whereSql', 'expressionSql', 'concurrently', 'validated']);

function shape(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) return v.map(shape);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) if (!NOT_DEFINING.has(k) && (v as Record<string, unknown>)[k] !== undefined) out[k] = shape((v as Record<string, unknown>)[k]);
  return out;
}

/**
 * Do a partition's index or constraint and its parent's define the same thing, names aside? The
 * match ATTACH PARTITION makes (an index or key the partition already has becomes the parent's
 * instead of a clone); a CHECK matches by name, as PostgreSQL merges it.
 */
export function sameClone(a: IndexDef | ConstraintDef, b: IndexDef | ConstraintDef): boolean {
  if ('type' in a && 'type' in b && a.type === 'check' && b.type === 'check') return a.name === b.name;
  return JSON.stringify(shape(a)) === JSON.stringify(shape(b));
}
