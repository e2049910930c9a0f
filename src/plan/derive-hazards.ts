import type { Concern, Hazard, Safety } from '../diff/change.js';
import type { Statement } from './action.js';
import { kindConcern, kindHazards } from '../kinds/kind-lookup.js';
import type { ConcernSpec } from '../kinds/kind-module.js';

/** A change's safety class and hazards, as the plan reports them. */
export interface Assessment {
  readonly safety: Safety;
  readonly hazards: readonly Hazard[];
}

let hazardOrder: readonly Hazard[] | undefined;

/** The order hazards are listed in, whatever order the statements run in: the kinds' own after data loss. */
function HAZARD_ORDER(): readonly Hazard[] {
  return (hazardOrder ??= [
    'runs outside the transaction', 'data loss', ...kindHazards(),
    'table rewrite', 'full table scan', 'blocks writes while building', 'access exclusive lock', 'may fail on existing data',
  ]);
}

const RANKED: readonly Safety[] = ['safe', 'review', 'destructive'];

/** What a concern adds: the class it needs at least, and the hazard it names (if any). */
function concernOf(concern: Concern): ConcernSpec {
  switch (concern) {
    case 'changes behaviour': return { safety: 'review' };
    case 'removes an object': return { safety: 'destructive' };
  }
  const spec = kindConcern(concern);
  if (!spec) throw new Error(`internal: concern ${concern} has no spec in its kind module (KindModule.concerns)`);
  return spec;
}

/**
 * The safety class and hazards of a change, derived from the statements the planner emitted for
 * it (their effects and where they run) and the change's concern (what only its kind knows: a
 * rename breaks users of the old name, a REVOKE loses access). `destructive`: a statement drops
 * stored data, or the concern removes an object or opens every row. `review`: a statement
 * rewrites the table, scans it (a concurrent index build aside: writes go on) or may fail on
 * existing rows, or the concern asks for it. `safe` otherwise: a plain CREATE INDEX blocks writes but cannot fail, and a
 * catalog-only ALTER TABLE holds its ACCESS EXCLUSIVE lock only for an instant (the step says
 * which lock; the hazard `access exclusive lock` is for a lock held across a scan or rewrite,
 * when reads and writes wait for the whole table).
 */
export function assess(concern: Concern | undefined, statements: readonly Statement[]): Assessment {
  let safety: Safety = 'safe';
  const raise = (s: Safety): void => {
    if (RANKED.indexOf(s) > RANKED.indexOf(safety)) safety = s;
  };
  const hazards = new Set<Hazard>();
  for (const s of statements) {
    const e = s.effects;
    if (!s.transactional) hazards.add('runs outside the transaction');
    if (e.dataLoss) {
      hazards.add('data loss');
      raise('destructive');
    }
    if (e.rewrite) {
      hazards.add('table rewrite');
      raise('review');
    }
    if (e.scan) {
      if (e.lock === 'SHARE' && s.buildsIndex) hazards.add('blocks writes while building');
      // CREATE INDEX CONCURRENTLY reads the table twice while writes go on: a scan to know of, not to review.
      else if (s.buildsIndex && !s.transactional) hazards.add('full table scan');
      else {
        hazards.add('full table scan');
        raise('review');
      }
    }
    if (e.lock === 'ACCESS EXCLUSIVE' && (e.rewrite || e.scan)) hazards.add('access exclusive lock');
    if (e.mayFail) {
      hazards.add('may fail on existing data');
      raise('review');
    }
  }
  if (concern !== undefined) {
    const c = concernOf(concern);
    raise(c.safety);
    if (c.hazard) hazards.add(c.hazard);
  }
  return { safety, hazards: HAZARD_ORDER().filter((h) => hazards.has(h)) };
}
