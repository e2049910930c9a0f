import { qualify, type QualifiedName } from '../../model/names.js';
import { functionKey } from '../../model/schema-state.js';
import type { NameRef } from '../../parse/ddl.js';
import type { ReplayContext } from '../context.js';
import { followRoutineRename } from './aggregates.js';

/** Which statement names the routine: ON / ALTER / DROP FUNCTION, PROCEDURE or ROUTINE. */
export type RoutineStatement = 'function' | 'procedure' | 'routine';

/** A routine found by name and signature, with the kind it turned out to be. */
export interface FoundRoutine {
  /** Its key in `functions` or, for an aggregate, in `aggregates`. */
  readonly key: string;
  readonly routine: 'function' | 'procedure' | 'aggregate';
  /** For messages: `public.f(integer)`. */
  readonly label: string;
}

/** Whether a routine of kind `routine` answers to `statement` (PostgreSQL's LookupFuncWithArgs: FUNCTION takes aggregates, PROCEDURE only procedures). */
function answersTo(statement: RoutineStatement, routine: FoundRoutine['routine']): boolean {
  return statement === 'routine' || (statement === 'procedure') === (routine === 'procedure');
}

/**
 * The routine a statement names with FUNCTION, PROCEDURE or ROUTINE, as PostgreSQL's
 * LookupFuncWithArgs finds it: a function, a procedure or an aggregate of that name (and
 * identity arguments, when given). Without arguments the name must be unique among the routines
 * the statement takes; with them, the one found must be of a kind the statement takes (`is not
 * a procedure`). Undefined after an error, or when none exists and `ifExists`.
 */
export function findRoutine(ctx: ReplayContext, ref: NameRef, args: string | undefined, statement: RoutineStatement, ifExists = false): FoundRoutine | undefined {
  const d = ctx.draft;
  const schema = ctx.schemaOf(ref);
  const named = (o: { schema: string; name: string; identityArgs: string }): boolean => o.schema === schema && o.name === ref.name && (args === undefined || o.identityArgs === args);
  const label = `${qualify({ schema, name: ref.name })}${args !== undefined ? `(${args})` : ''}`;
  const matches = [
    ...[...d.functions.entries()].filter(([, f]) => named(f)).map(([key, f]) => ({ key, routine: f.kind, label })),
    ...[...d.aggregates.entries()].filter(([, a]) => named(a)).map(([key]) => ({ key, routine: 'aggregate' as const, label })),
  ].filter((m) => args !== undefined || answersTo(statement, m.routine));
  const word = statement === 'procedure' ? 'procedure' : 'function';
  if (matches.length > 1) return void ctx.error(`${statement} name "${ref.name}" is not unique`);
  const m = matches[0];
  if (m === undefined) {
    if (!ifExists) ctx.error(args === undefined ? `could not find a ${word} named "${ref.name}"` : `${word} ${label} does not exist`);
    return undefined;
  }
  if (!answersTo(statement, m.routine)) return void ctx.error(`${label} is not a ${statement}`);
  return m;
}

/**
 * Renames or moves a function or procedure (ALTER .. RENAME TO / SET SCHEMA), refused when a
 * routine of that signature exists there; aggregates and views calling it follow (they hold its
 * OID) and the rename is recorded. False when refused.
 */
export function moveFunction(ctx: ReplayContext, key: string, to: QualifiedName): boolean {
  const d = ctx.draft;
  const f = d.functions.get(key)!;
  const newKey = functionKey(to.schema, to.name, f.identityArgs);
  if (newKey !== key && (d.functions.has(newKey) || d.aggregates.has(newKey))) {
    ctx.error(`function ${to.name}(${f.identityArgs}) already exists in schema "${to.schema}"`);
    return false;
  }
  d.functions.delete(key);
  d.functions.set(newKey, { ...f, ...to });
  followRoutineRename(d, f, to);
  d.history.push({ event: 'rename', object: 'function', from: { schema: f.schema, name: f.name }, to, origin: ctx.origin });
  return true;
}
