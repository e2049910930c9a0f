import type { DepKey } from './dependency-keys.js';
import type { Deps } from './object-deps.js';
import type { StatementEffects } from './statement-effects.js';

/** One SQL statement of an action, as it becomes a PlanStep. */
export interface Statement {
  readonly sql: string;
  /** The lock it takes and what it does to existing rows (see statement-effects.ts). */
  readonly effects: StatementEffects;
  readonly transactional: boolean;
  /** In the first transaction, committed before the main one (see PlanStep.early). */
  readonly early?: boolean;
  readonly description: string;
  /**
   * It builds an index (CREATE INDEX): its scan under SHARE blocks writes while building, which
   * the change reports as such rather than as a full table scan (see derive-hazards.ts).
   */
  readonly buildsIndex?: boolean;
}

/**
 * A unit of ordering: one or more statements of one change that run together. A change usually
 * has one action; some have several that run at different times (a sequence's OWNED BY after its
 * table, a new table's foreign keys after the referenced tables).
 */
export interface Action {
  /** Index of the change in the diff. */
  readonly change: number;
  /** Tie-break rank (see RANK). */
  readonly rank: number;
  /** Tie-break name after the rank: the object's display name. */
  readonly name: string;
  readonly statements: readonly Statement[];
  /** For creations and alterations: what the target side provides and needs. */
  readonly deps: Deps;
  /**
   * For drops: what the live object being dropped has and needs. A drop goes before the drops of
   * what its object needs, so dependents are dropped first.
   */
  readonly live?: Deps;
  /**
   * Keys whose live dependents must be dropped first (a column's type cannot change while a view
   * uses the table).
   */
  readonly clearedBy?: readonly DepKey[];
  /**
   * The quoted enum label this action adds (ALTER TYPE .. ADD VALUE). PostgreSQL refuses to use
   * a label in the transaction that added it, so the label is committed in a first transaction.
   */
  readonly newEnumLabel?: string;
}

/** A statement that may run inside the plan's transaction, with the effects its builder knows it has. */
export function statement(sql: string, description: string, effects: StatementEffects): Statement {
  return { sql, effects, transactional: true, description };
}

/** A change PostgreSQL has no statement for (e.g. dropping an enum label): reported as drift. */
export interface Unplannable {
  readonly unplannable: string;
}

/** What a change builder returns: its actions, or why it cannot be planned. */
export type Built = readonly Action[] | Unplannable;
