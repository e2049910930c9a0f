import { quoteIdent, qualifyOperator } from '../../model/names.js';
import type { OperatorDef } from '../../model/objects.js';
import { operatorArgs, operatorKey, type SchemaState } from '../../model/schema-state.js';
import { operatorDep, operatorDeps, operatorMention, operatorNameDep } from './operator-deps.js';
import { matchOperators } from './operator-match.js';
import type { KindModule } from '../kind-module.js';
import { ownNames, schemaAndParent } from '../object-specs.js';
import { OPERATOR_RANK, alterOperatorActions, createOperatorActions, operatorExists } from './operator-actions.js';
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
 * their estimators altered, moved (SET SCHEMA), dropped with their operands. PostgreSQL has no
 * ALTER OPERATOR .. RENAME: a changed symbol is a drop and a creation.
 */
export const operatorKind: KindModule<'operator', OperatorChange, 'operator'> = {
  name: 'operator',
  match: matchOperators,
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
      dropRank: OPERATOR_RANK.drop,
      dropTarget: (c, live, r) => {
        const found = c.args !== undefined ? live.operators.get(operatorKey(r.schema, r.name, c.args)) : undefined;
        const all = found ? [found] : c.args === undefined ? ofSymbol(live, r.schema, r.name) : [];
        const op = all.length === 1 ? all[0] : undefined;
        return op && { deps: operatorDeps(op), dropRank: OPERATOR_RANK.drop, args: operatorArgs(op.left, op.right) };
      },
      dropSql: (c, target) => {
        const args = c.args ?? target.args;
        return args === undefined ? undefined : `DROP OPERATOR IF EXISTS ${qualifyOperator(c.ref)} (${args})`;
      },
      // Only SET SCHEMA moves one (there is no RENAME TO); the history event names no operands.
      renameSql: (from, to, live) => {
        const found = ofSymbol(live, from.schema, from.name);
        if (found.length !== 1) return `the operator ${qualifyOperator(from)} has ${found.length ? 'overloads' : 'no live copy'}: move it by hand`;
        const { left, right } = found[0]!;
        return {
          condition: `${operatorExists(from, left, right)} AND NOT ${operatorExists(to, left, right)}`,
          statements: [`ALTER OPERATOR ${qualifyOperator(from)} (${operatorArgs(left, right)}) SET SCHEMA ${quoteIdent(to.schema)}`],
        };
      },
      renamedAsPart: false,
      mentionable: true,
      dropRequires: schemaAndParent,
      names: ownNames('operator'),
      // By symbol: every operator of it (what expressions point at); with `args`: one.
      dep: (r, args) => (args !== undefined ? operatorDep(r, args) : operatorNameDep(r)),
    },
  },
  compare: { state: (s) => s.operators, object: () => 'operator' },
  mentionables: (s) => [...s.operators.values()].map(operatorMention),
};
