import { qualifyOperator } from '../../model/names.js';
import type { OperatorDef } from '../../model/objects.js';
import { operatorArgs, operatorKey, type SchemaState } from '../../model/schema-state.js';
import { operatorDeps } from '../../plan/object-deps.js';
import { DROP_RANK } from '../../plan/rank.js';
import type { KindModule } from '../kind-module.js';
import { schemaAndParent } from '../object-specs.js';
import { alterOperatorActions, createOperatorActions } from './operator-actions.js';
import type { OperatorChange } from './operator-change.js';
import { diffOperators } from './operator-diff.js';

/** The live operators of a symbol in a schema. */
function ofSymbol(live: SchemaState, schema: string, name: string): OperatorDef[] {
  return [...live.operators.values()].filter((o) => o.schema === schema && o.name === name);
}

/** Display name of an operator with its operands (`public.=== (integer, integer)`). */
function display(op: OperatorDef): string {
  return `${qualifyOperator(op)} (${operatorArgs(op.left, op.right)})`;
}

/**
 * Operators, identified by schema, symbol and operand types (operatorKey): created (guarded),
 * their estimators altered, dropped with their operands. PostgreSQL has no ALTER OPERATOR ..
 * RENAME: a changed symbol is a drop and a creation.
 */
export const operatorKind: KindModule<'operator', OperatorChange, 'operator'> = {
  name: 'operator',
  diff: diffOperators,
  changes: {
    createOperator: {
      build: createOperatorActions,
      describe: (c) => ({ object: 'operator', name: display(c.operator), group: display(c.operator), action: 'create', detail: `function ${c.operator.function}` }),
    },
    alterOperator: {
      build: alterOperatorActions,
      describe: (c) => {
        const est = (f: string | undefined): string => f ?? 'NONE';
        return {
          object: 'operator', name: display(c.operator), group: display(c.operator), action: 'set estimators of',
          detail: `restrict ${est(c.from.restrict)} -> ${est(c.operator.restrict)}, join ${est(c.from.join)} -> ${est(c.operator.join)}`,
        };
      },
    },
  },
  objects: {
    operator: {
      displayName: qualifyOperator,
      dropRank: DROP_RANK.operator,
      dropTarget: (c, live, r) => {
        const found = c.args !== undefined ? live.operators.get(operatorKey(r.schema, r.name, c.args)) : undefined;
        const all = found ? [found] : c.args === undefined ? ofSymbol(live, r.schema, r.name) : [];
        const op = all.length === 1 ? all[0] : undefined;
        return op && { deps: operatorDeps(op), dropRank: DROP_RANK.operator, args: operatorArgs(op.left, op.right) };
      },
      dropSql: (c, target) => {
        const args = c.args ?? target.args;
        return args === undefined ? undefined : `DROP OPERATOR IF EXISTS ${qualifyOperator(c.ref)} (${args})`;
      },
      renameSql: () => 'PostgreSQL cannot rename an operator (ALTER OPERATOR has no RENAME TO): it is dropped and created under its new name',
      renamedAsPart: false,
      mentionable: true,
      dropRequires: schemaAndParent,
    },
  },
  compare: { state: (s) => s.operators, object: () => 'operator' },
};
