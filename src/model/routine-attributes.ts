import type { FunctionDef } from './objects.js';

/** A routine's optional attributes (absent when at PostgreSQL's defaults), as in FunctionDef. */
export type RoutineOptions = Pick<FunctionDef, 'leakproof' | 'parallel' | 'cost' | 'rows' | 'config' | 'sqlBody'>;

/**
 * The optional attributes of a routine (LEAKPROOF, PARALLEL, COST, ROWS, SET, a SQL-standard
 * body) copied from a lowered statement, leaving out those absent so that routines at
 * PostgreSQL's defaults keep their shape.
 */
export function routineAttributeFields(s: RoutineOptions): RoutineOptions {
  const out: { -readonly [K in keyof RoutineOptions]: RoutineOptions[K] } = {};
  if (s.leakproof) out.leakproof = true;
  if (s.parallel !== undefined) out.parallel = s.parallel;
  if (s.cost !== undefined) out.cost = s.cost;
  if (s.rows !== undefined) out.rows = s.rows;
  if (s.config !== undefined) out.config = s.config;
  if (s.sqlBody !== undefined) out.sqlBody = s.sqlBody;
  return out;
}
