import type { FunctionDef } from '../../model/objects.js';
import { functionDep, routineDep, schemaDep } from '../../plan/dependency-keys.js';
import { routineMention, deps, type Deps } from '../../plan/object-deps.js';

/**
 * A function: argument and result types always (they may be enums or table row types); the body
 * only for LANGUAGE sql, the one PostgreSQL validates against existing tables at creation.
 */
export function functionDeps(f: FunctionDef): Deps {
  return deps({
    provides: [functionDep(f), routineDep(f, f.identityArgs)],
    mentionables: [routineMention(f)],
    requires: [schemaDep(f.schema)],
    mentions: [f.args, ...(f.returns !== undefined ? [f.returns] : []), ...(isSqlFunction(f) ? [f.body] : [])],
  });
}

/** Whether a function is LANGUAGE sql, whose body must find its tables at creation time. */
export function isSqlFunction(f: FunctionDef): boolean {
  return f.language.toLowerCase() === 'sql';
}
