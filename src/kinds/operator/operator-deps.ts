import { qualifyOperator, type QualifiedName } from '../../model/names.js';
import type { OperatorDef } from '../../model/objects.js';
import { operatorArgs, operatorKey } from '../../model/schema-state.js';
import { schemaDep, textDep, type DepKey } from '../../plan/dependency-keys.js';
import type { Mentionable } from '../../plan/mentions.js';
import { deps, type Deps } from '../../plan/object-deps.js';

/** Key of every operator of a symbol in a schema: what expressions can point at. */
export function operatorNameDep(op: QualifiedName): DepKey {
  return textDep('operators', qualifyOperator(op));
}

/** Key of one operator (symbol and operand types, see operatorArgs). */
export function operatorDep(op: QualifiedName, args: string): DepKey {
  return textDep('operator', operatorKey(op.schema, op.name, args));
}

/** Expressions name an operator by its symbol (`a === b`, `OPERATOR(s.===)`): every operator of it. */
export function operatorMention(o: QualifiedName): Mentionable {
  return { key: operatorNameDep(o), ref: { schema: o.schema, name: o.name } };
}

/**
 * An operator: its schema, the functions it calls (its own, the estimators) and its operand types.
 * `after`: operators that must be created first (see the operator diff: links PostgreSQL makes mutual).
 */
export function operatorDeps(o: OperatorDef, after: readonly string[] = []): Deps {
  const fns = [o.function, o.restrict, o.join].filter((f): f is string => f !== undefined && !f.startsWith('pg_catalog.'));
  return deps({
    provides: [operatorDep(o, operatorArgs(o.left, o.right)), operatorNameDep(o)],
    mentionables: [operatorMention(o)],
    requires: [schemaDep(o.schema), ...after],
    // Its functions (schema-qualified names) and operand types are found by name.
    mentions: [...fns, ...[o.left, o.right].filter((t): t is string => t !== undefined)],
  });
}
