import type { MigrationHistory, Revision } from '../load/types.js';
import type { SchemaState } from '../model/schema-state.js';
import type { Ddl, ParsedStatement } from '../parse/ddl.js';
import { parseRevision } from '../parse/index.js';
import { ReplayContext } from './context.js';
import { DataRecorder } from './data-statements.js';
import type { DataStatement } from '../model/data-statement.js';
import type { Diagnostic, ReplayStats } from './diagnostics.js';
import { Draft } from './draft.js';
import { alterTable } from './handlers/alter-table.js';
import { alterView } from './handlers/view-columns.js';
import { comment } from './handlers/comment.js';
import { createIndex } from './handlers/create-index.js';
import { createTable } from './handlers/create-table.js';
import { drop } from './handlers/drop.js';
import { addEnumValue, createEnum, renameEnumValue } from './handlers/enums.js';
import { alterDomain, createDomain } from './handlers/domains.js';
import { alterType, createCompositeType, createRangeType } from './handlers/types.js';
import { createUnmodelledType } from './handlers/unmodelled-types.js';
import { createCollation } from './handlers/collations.js';
import { alterOperator, createOperator } from './handlers/operators.js';
import { rename } from './handlers/rename.js';
import { alterPolicy, createPolicy } from './handlers/policies.js';
import { createAggregate } from './handlers/aggregates.js';
import { createRule } from './handlers/rules.js';
import { alterFunction, createFunction, createTrigger, createView } from './handlers/routines.js';
import { createExtension, createSchema, updateExtension } from './handlers/schemas.js';
import { alterSequence, createSequence } from './handlers/sequences.js';
import { setSchema } from './handlers/set-schema.js';
import { setRelOptions } from './handlers/rel-options.js';
import { grant } from './handlers/privileges.js';
import { alterDefaultPrivileges } from './handlers/default-privileges.js';
import { defaultPrivilegesOnCreate, setOwner } from './handlers/owners.js';

import { ALEMBIC_VERSION_TABLE } from './alembic-version.js';
import { withConsistentWrittenText } from './written-text.js';
import { withNoOpViewCastsDropped } from './view-casts.js';

export { ALEMBIC_VERSION_TABLE };

export interface ReplayOptions {
  /** Model the `alembic_version` table too (default: it is bookkeeping, not schema). */
  readonly includeAlembicVersion?: boolean;
}

export interface ReplayResult {
  readonly state: SchemaState;
  readonly diagnostics: readonly Diagnostic[];
  readonly stats: ReplayStats;
  /** The history's data statements (INSERT, UPDATE, ...), in history order: the plan lists the ones it does not run. */
  readonly data: readonly DataStatement[];
}

function assertNever(x: never): never {
  throw new Error(`unhandled statement kind: ${JSON.stringify(x)}`);
}

function touchesAlembicVersion(ddl: Ddl): boolean {
  switch (ddl.kind) {
    case 'createTable':
    case 'alterTable':
      return ddl.table.name === ALEMBIC_VERSION_TABLE;
    case 'drop':
      return ddl.objects.some((o) => o.object.name === ALEMBIC_VERSION_TABLE);
    default:
      return false;
  }
}

/** Applies one lowered statement to the draft. Returns false when it changes no schema. */
function applyStatement(ctx: ReplayContext, ddl: Ddl): 'modelled' | 'noop' | 'unsupported' {
  const afterCreate = defaultPrivilegesOnCreate(ctx, ddl);
  const r = applyOne(ctx, ddl);
  afterCreate?.();
  return r;
}

function applyOne(ctx: ReplayContext, ddl: Ddl): 'modelled' | 'noop' | 'unsupported' {
  switch (ddl.kind) {
    case 'createSchema': createSchema(ctx, ddl); break;
    case 'createExtension': createExtension(ctx, ddl); break;
    case 'updateExtension': updateExtension(ctx, ddl); break;
    case 'createTable': createTable(ctx, ddl); break;
    case 'alterTable': alterTable(ctx, ddl); break;
    case 'alterView': alterView(ctx, ddl); break;
    case 'createIndex': createIndex(ctx, ddl); break;
    case 'createEnum': createEnum(ctx, ddl); break;
    case 'addEnumValue': addEnumValue(ctx, ddl); break;
    case 'renameEnumValue': renameEnumValue(ctx, ddl); break;
    case 'createDomain': createDomain(ctx, ddl); break;
    case 'alterDomain': alterDomain(ctx, ddl); break;
    case 'createCompositeType': createCompositeType(ctx, ddl); break;
    case 'createRangeType': createRangeType(ctx, ddl); break;
    case 'alterType': alterType(ctx, ddl); break;
    case 'createCollation': createCollation(ctx, ddl); break;
    case 'createOperator': createOperator(ctx, ddl); break;
    case 'alterOperator': alterOperator(ctx, ddl); break;
    case 'createSequence': createSequence(ctx, ddl.sequence, ddl.ifNotExists, ddl.options); break;
    case 'alterSequence': alterSequence(ctx, ddl.sequence, ddl.ifExists, ddl.options); break;
    case 'createView': createView(ctx, ddl); break;
    case 'createFunction': createFunction(ctx, ddl); break;
    case 'alterFunction': alterFunction(ctx, ddl); break;
    case 'createTrigger': createTrigger(ctx, ddl); break;
    case 'createAggregate': createAggregate(ctx, ddl); break;
    case 'createRule': createRule(ctx, ddl); break;
    case 'createPolicy': createPolicy(ctx, ddl); break;
    case 'alterPolicy': alterPolicy(ctx, ddl); break;
    case 'rename': rename(ctx, ddl); break;
    case 'setSchema': setSchema(ctx, ddl); break;
    case 'setRelOptions': setRelOptions(ctx, ddl); break;
    case 'drop': drop(ctx, ddl); break;
    case 'comment': comment(ctx, ddl); break;
    case 'grant': grant(ctx, ddl); break;
    case 'defaultPrivileges': alterDefaultPrivileges(ctx, ddl); break;
    case 'setOwner': setOwner(ctx, ddl); break;
    case 'data':
    case 'noop': return 'noop';
    case 'createBaseType':
      createUnmodelledType(ctx, ddl);
      return 'unsupported';
    case 'unsupported':
      ctx.warn(`not modelled: ${ddl.what} statement (replay continues without it)${ddl.why ? `: ${ddl.why}` : ''}`);
      return 'unsupported';
    default: return assertNever(ddl);
  }
  return 'modelled';
}

/** The running state of one replay: statements go in one at a time, the result comes out at the end. */
class ReplaySession {
  private readonly draft = new Draft();
  private readonly diagnostics: Diagnostic[] = [];
  private readonly data = new DataRecorder();
  private total = 0;
  private modelled = 0;
  private noop = 0;
  private unsupported = 0;
  constructor(private readonly opts: ReplayOptions) {}

  add(st: ParsedStatement): void {
    this.total++;
    if (!this.opts.includeAlembicVersion && touchesAlembicVersion(st.ddl)) {
      this.noop++;
      return;
    }
    const ctx = new ReplayContext(this.draft, st.pos, this.diagnostics, st.sql, st.tolerate);
    if (st.ddl.kind === 'data') this.data.add(ctx, st.ddl, st.sql);
    const r = applyStatement(ctx, st.ddl);
    for (const c of st.ignoredClauses ?? []) ctx.warn(`not modelled: ${c.what} (replay continues without it): ${c.why}`);
    if (r === 'modelled') this.modelled++;
    else if (r === 'noop') this.noop++;
    else this.unsupported++;
  }

  result(revisions: number): ReplayResult {
    return {
      state: withConsistentWrittenText(withNoOpViewCastsDropped(this.draft.toState())),
      data: this.data.finish(this.draft.history, this.draft.domains),
      diagnostics: this.diagnostics,
      stats: { revisions, statements: this.total, modelled: this.modelled, noSchemaChange: this.noop, notModelled: this.unsupported },
    };
  }
}

/**
 * Replays parsed statements into a schema state. Pure: no I/O. Every problem becomes a
 * diagnostic; replay never stops at the first one.
 */
export function replayStatements(statements: Iterable<ParsedStatement>, opts: ReplayOptions = {}, revisions = 0): ReplayResult {
  const session = new ReplaySession(opts);
  for (const st of statements) session.add(st);
  return session.result(revisions);
}

/**
 * Parses and replays one revision per step (the generator yields after each), returning the
 * result: a caller can run other work between revisions, e.g. let catalog queries proceed on the
 * server while the replay runs (the CLI's `plan` and `apply` do).
 */
export function* replaySteps(history: MigrationHistory | readonly Revision[], opts: ReplayOptions = {}): Generator<void, ReplayResult> {
  const revisions = 'revisions' in history ? history.revisions : history;
  const session = new ReplaySession(opts);
  for (const rev of revisions) {
    for (const st of parseRevision(rev)) session.add(st);
    yield;
  }
  return session.result(revisions.length);
}

/** Parses and replays revisions in order (a syntax error throws a UserError with file:line). */
export function replay(history: MigrationHistory | readonly Revision[], opts: ReplayOptions = {}): ReplayResult {
  const steps = replaySteps(history, opts);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
