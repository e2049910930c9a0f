import { assertNever, type Change, type DiffResult, type PlannedChange } from '../../src/diff/change.js';
import type { HistoryRef } from '../../src/model/history.js';
import type { SchemaState } from '../../src/model/schema-state.js';
import { changeActions } from '../../src/plan/change-actions.js';
import { assess } from '../../src/plan/derive-hazards.js';
import { planContext } from '../../src/plan/plan-context.js';
import { replay } from '../../src/replay/index.js';
import { revisionsFromSql } from '../support/run-migrations.js';

/** Replays SQL revisions into a state, failing the test on any replay diagnostic. */
export function replaySql(revisions: readonly string[]): SchemaState {
  const r = replay(revisionsFromSql('diff', revisions));
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(errors.map((d) => d.message).join('\n'));
  return r.state;
}

/**
 * A target and a live state from one history: the target replays every revision, the live
 * database is what the first `applied` revisions built (a database behind the migrations).
 */
export function behind(revisions: readonly string[], applied: number): { target: SchemaState; live: SchemaState } {
  return { target: replaySql(revisions), live: replaySql(revisions.slice(0, applied)) };
}

/** The changes of one kind, narrowed. */
export function changesOf<C extends Change, K extends Change['kind']>(result: { changes: readonly C[] }, kind: K): Extract<C, { kind: K }>[] {
  return result.changes.filter((c): c is Extract<C, { kind: K }> => c.kind === kind);
}

/**
 * The diff's changes, in diff order, with the safety class and hazards the plan derives from the
 * statements it emits for them against `live` (plain index builds; an unplannable change is safe).
 */
export function assessed(result: DiffResult, live: SchemaState): Omit<DiffResult, 'changes'> & { changes: PlannedChange[] } {
  const ctx = planContext(result.changes, live, {});
  return {
    ...result,
    changes: result.changes.map((c, i) => {
      const built = changeActions(c, i, ctx);
      return { ...c, ...assess(c.concern, 'unplannable' in built ? [] : built.flatMap((a) => a.statements)) };
    }),
  };
}

/** One-line summaries (`kind object-name`) of every change, in order: compact for whole-diff assertions. */
export function summary(result: { changes: readonly Change[] }): string[] {
  return result.changes.map((c) => `${c.kind} ${subject(c)}`);
}

const refText = (r: HistoryRef): string => (r.parent !== undefined ? `${r.schema}.${r.parent}.${r.name}` : `${r.schema}.${r.name}`);

function subject(c: Change): string {
  switch (c.kind) {
    case 'createSchema': return c.schema.name;
    case 'createExtension': return c.extension.name;
    case 'setExtensionSchema': return `${c.extension.name} ${c.from} -> ${c.extension.schema}`;
    case 'createEnum': return `${c.enum.schema}.${c.enum.name}`;
    case 'addEnumValue': return `${c.enum.schema}.${c.enum.name}.${c.value}`;
    case 'createSequence':
    case 'alterSequence': return `${c.sequence.schema}.${c.sequence.name}`;
    case 'createTable':
    case 'setLogged':
    case 'setRowSecurity':
    case 'setTableOptions':
    case 'attachPartition':
    case 'detachPartition': return `${c.table.schema}.${c.table.name}`;
    case 'addColumn':
    case 'alterColumnType':
    case 'alterIdentity':
    case 'setGenerated': return `${c.table.schema}.${c.table.name}.${c.column.name}`;
    case 'setDefault':
    case 'setNotNull': return `${c.table.schema}.${c.table.name}.${c.column}`;
    case 'addConstraint': return `${c.table.schema}.${c.table.name}.${c.constraint.name}`;
    case 'validateConstraint': return `${c.table.schema}.${c.table.name}.${c.constraint}`;
    case 'createIndex': return `${c.index.schema}.${c.index.name}`;
    case 'createView': return `${c.view.schema}.${c.view.name}`;
    case 'setViewColumnDefault': return `${c.view.schema}.${c.view.name}.${c.column}`;
    case 'createFunction': return `${c.function.schema}.${c.function.name}`;
    case 'createTrigger':
    case 'setTriggerFiring': return `${c.trigger.schema}.${c.trigger.table}.${c.trigger.name}`;
    case 'createAggregate': return `${c.aggregate.schema}.${c.aggregate.name}(${c.aggregate.identityArgs})`;
    case 'createRule':
    case 'setRuleFiring': return `${c.rule.schema}.${c.rule.table}.${c.rule.name}`;
    case 'createPolicy':
    case 'alterPolicy': return `${c.policy.schema}.${c.policy.table}.${c.policy.name}`;
    case 'domain': return `${c.domain.schema}.${c.domain.name} ${c.op.op}`;
    case 'createRangeType': return `${c.range.schema}.${c.range.name}`;
    case 'compositeType': return `${c.type.schema}.${c.type.name} ${c.op.op}`;
    case 'createCollation': return `${c.collation.schema}.${c.collation.name}`;
    case 'createOperator':
    case 'alterOperator': return `${c.operator.schema}.${c.operator.name}(${c.operator.left ?? 'NONE'}, ${c.operator.right})`;
    case 'setComment': return `${c.object} ${refText(c.ref)}`;
    case 'rename': return `${c.object} ${refText(c.from)} -> ${refText(c.to)}`;
    case 'drop': return `${c.object} ${refText(c.ref)} (${c.reason})`;
    case 'setPrivileges': return `privileges ${c.step.name}: ${c.step.detail}`;
    default: return assertNever(c, 'change');
  }
}
