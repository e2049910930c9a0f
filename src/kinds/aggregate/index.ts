import { functionKey } from '../../model/schema-state.js';
import { aggregateSubject } from '../../model/sql/index.js';
import { routineExists } from '../../plan/catalog-conditions.js';
import { aggregateDeps } from './aggregate-deps.js';
import type { KindModule } from '../kind-module.js';
import { overloadsOf, ownNames, qualifiedName, schemaAndParent } from '../object-specs.js';
import { functionDep, routineDep } from '../../plan/dependency-keys.js';
import { routineMention } from '../../plan/object-deps.js';
import { quoteIdent } from '../../model/names.js';
import { AGGREGATE_RANK, createAggregateActions } from './aggregate-actions.js';
import type { AggregateChange } from './aggregate-change.js';
import { diffAggregates } from './aggregate-diff.js';
import type { AggregateDef, QualifiedName } from '../../model/objects.js';
import type { SchemaState } from '../../model/schema-state.js';

/** The aggregates of a name in a state (overloads). */
const overloads = (live: SchemaState, name: QualifiedName): AggregateDef[] => overloadsOf(live.aggregates, name);

/**
 * Aggregates, identified like functions by name and argument types (functionKey): their own
 * kind, since PostgreSQL creates, drops and alters them with their own statements
 * (DROP FUNCTION refuses an aggregate).
 */
export const aggregateKind: KindModule<'aggregate', AggregateChange, 'aggregate'> = {
  name: 'aggregate',
  diff: diffAggregates,
  changes: {
    createAggregate: {
      build: createAggregateActions,
      describe: (c) => {
        const name = aggregateSubject(c.aggregate);
        return { object: 'aggregate', name, group: name, action: c.replace ? 'replace' : 'create' };
      },
    },
  },
  objects: {
    aggregate: {
      displayName: qualifiedName,
      dropRank: AGGREGATE_RANK.drop,
      dropTarget: (c, live, r) => {
        const found = c.args !== undefined ? live.aggregates.get(functionKey(r.schema, r.name, c.args)) : overloads(live, r)[0];
        return found && { deps: aggregateDeps(found), dropRank: AGGREGATE_RANK.drop, args: found.identityArgs };
      },
      dropSql: (c, target) => `DROP AGGREGATE IF EXISTS ${aggregateSubject({ ...c.ref, identityArgs: c.args ?? target.args ?? '' })}`,
      renameSql: (from, to, live) => {
        const found = overloads(live, from);
        if (found.length !== 1) return `the aggregate ${qualifiedName(from)} has ${found.length ? 'overloads' : 'no live copy'}: rename it by hand`;
        const subject = aggregateSubject(found[0]!);
        const statements: string[] = [];
        if (from.schema !== to.schema) statements.push(`ALTER AGGREGATE ${subject} SET SCHEMA ${quoteIdent(to.schema)}`);
        const moved = aggregateSubject({ ...found[0]!, schema: to.schema });
        if (from.name !== to.name) statements.push(`ALTER AGGREGATE ${moved} RENAME TO ${quoteIdent(to.name)}`);
        return { condition: `${routineExists(from)} AND NOT ${routineExists(to)}`, statements };
      },
      renamedAsPart: false,
      mentionable: true,
      dropRequires: schemaAndParent,
      names: ownNames('aggregate'),
      // One routine name space with functions: by name every overload, with `args` one.
      dep: (r, args) => (args !== undefined ? routineDep(r, args) : functionDep(r)),
    },
  },
  compare: { state: (s) => s.aggregates, object: () => 'aggregate' },
  mentionables: (s) => [...s.aggregates.values()].map(routineMention),
};
