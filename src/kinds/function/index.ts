import { qualify } from '../../model/names.js';
import { functionKey } from '../../model/schema-state.js';
import { routineExists } from '../../plan/catalog-conditions.js';
import { functionDeps } from './function-deps.js';
import { DROP_RANK } from '../../plan/rank.js';
import type { KindModule } from '../kind-module.js';
import { moveAndRename, overloadsOf, ownNames, qualifiedName, schemaAndParent } from '../object-specs.js';
import { functionDep, routineDep } from '../../plan/dependency-keys.js';
import { createFunctionActions } from './function-actions.js';
import { noteLiveProcedures, noteProcedure } from './procedures.js';
import type { FunctionChange } from './function-change.js';
import { diffFunctions } from './function-diff.js';
import type { FunctionDef, QualifiedName } from '../../model/objects.js';
import type { SchemaState } from '../../model/schema-state.js';
import { routineMention } from '../../plan/object-deps.js';
import { matchFunctions } from './function-match.js';

function onlyOne<T>(xs: readonly T[]): T | undefined {
  return xs.length === 1 ? xs[0] : undefined;
}

/** The overloads of a function name in a state. */
const overloads = (live: SchemaState, name: QualifiedName): FunctionDef[] => overloadsOf(live.functions, name);

/** Functions and procedures, identified by name and argument types (functionKey). */
export const functionKind: KindModule<'function', FunctionChange, 'function'> = {
  name: 'function',
  match: matchFunctions,
  diff: diffFunctions,
  changes: {
    createFunction: {
      build: createFunctionActions,
      scan: (c, facts) => noteProcedure(facts, c.function),
      describe: (c) => {
        const name = `${qualify(c.function)}(${c.function.identityArgs})`;
        return { object: 'function', name, group: name, action: c.replace ? 'replace' : 'create' };
      },
    },
  },
  objects: {
    function: {
      displayName: qualifiedName,
      dropRank: DROP_RANK.function,
      dropTarget: (c, live, r) => {
        const f = c.args !== undefined ? live.functions.get(functionKey(r.schema, r.name, c.args)) : onlyOne(overloads(live, r));
        return f && { deps: functionDeps(f), dropRank: DROP_RANK.function, procedure: f.kind === 'procedure', args: f.identityArgs };
      },
      dropSql: (c, target) => {
        const args = c.args ?? target.args;
        return `DROP ${target.procedure ? 'PROCEDURE' : 'FUNCTION'} IF EXISTS ${qualify(c.ref)}${args !== undefined ? `(${args})` : ''}`;
      },
      // ALTER ROUTINE (PostgreSQL 11+) covers procedures too; with the arguments of the overload renamed, or of the name's only one.
      renameSql: (from, to, live) => {
        const found = overloads(live, from);
        const args = from.args ?? (found.length === 1 ? found[0]!.identityArgs : undefined);
        const subject = args !== undefined ? `${qualify(from)}(${args})` : qualify(from);
        return { condition: `${routineExists(from)} AND NOT ${routineExists(to)}`, statements: moveAndRename('ROUTINE', from, to, subject) };
      },
      renamedAsPart: false,
      mentionable: true,
      dropRequires: schemaAndParent,
      names: ownNames('function'),
      // By name: every overload (what expressions, triggers and comments point at); with `args`: one.
      dep: (r, args) => (args !== undefined ? routineDep(r, args) : functionDep(r)),
    },
  },
  compare: { state: (s) => s.functions, object: () => 'function' },
  inPlace: (t) => [...t.functions.values()].map((f) => ({ label: 'function', name: `${qualify(f)}(${f.identityArgs})` })),
  mentionables: (s) => [...s.functions.values()].map(routineMention),
  scanLive: noteLiveProcedures,
};
