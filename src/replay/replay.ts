import type { MigrationHistory, Revision } from '../load/types.js';
import type { SchemaState } from '../model/schema-state.js';
import type { Ddl, ParsedStatement } from '../parse/ddl.js';
import { parseRevision } from '../parse/index.js';
import { ReplayContext } from './context.js';
import type { Diagnostic, ReplayStats } from './diagnostics.js';
import { Draft } from './draft.js';
import { alterTable } from './handlers/alter-table.js';
import { comment } from './handlers/comment.js';
import { createIndex } from './handlers/create-index.js';
import { createTable } from './handlers/create-table.js';
import { drop } from './handlers/drop.js';
import { addEnumValue, createEnum, renameEnumValue } from './handlers/enums.js';
import { rename } from './handlers/rename.js';
import { createFunction, createTrigger, createView } from './handlers/routines.js';
import { createExtension, createSchema } from './handlers/schemas.js';
import { alterSequence, createSequence } from './handlers/sequences.js';
import { setSchema } from './handlers/set-schema.js';

/** Alembic's own bookkeeping table: ignored unless asked for, on both sides of a comparison. */
export const ALEMBIC_VERSION_TABLE = 'alembic_version';

export interface ReplayOptions {
  /** Model the `alembic_version` table too (default: it is bookkeeping, not schema). */
  readonly includeAlembicVersion?: boolean;
}

export interface ReplayResult {
  readonly state: SchemaState;
  readonly diagnostics: readonly Diagnostic[];
  readonly stats: ReplayStats;
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
  switch (ddl.kind) {
    case 'createSchema': createSchema(ctx, ddl); break;
    case 'createExtension': createExtension(ctx, ddl); break;
    case 'createTable': createTable(ctx, ddl); break;
    case 'alterTable': alterTable(ctx, ddl); break;
    case 'createIndex': createIndex(ctx, ddl); break;
    case 'createEnum': createEnum(ctx, ddl); break;
    case 'addEnumValue': addEnumValue(ctx, ddl); break;
    case 'renameEnumValue': renameEnumValue(ctx, ddl); break;
    case 'createSequence': createSequence(ctx, ddl.sequence, ddl.ifNotExists, ddl.options); break;
    case 'alterSequence': alterSequence(ctx, ddl.sequence, ddl.ifExists, ddl.options); break;
    case 'createView': createView(ctx, ddl); break;
    case 'createFunction': createFunction(ctx, ddl); break;
    case 'createTrigger': createTrigger(ctx, ddl); break;
    case 'rename': rename(ctx, ddl); break;
    case 'setSchema': setSchema(ctx, ddl); break;
    case 'drop': drop(ctx, ddl); break;
    case 'comment': comment(ctx, ddl); break;
    case 'noop': return 'noop';
    case 'unsupported':
      ctx.warn(`not modelled: ${ddl.what} statement (replay continues without it)`);
      return 'unsupported';
    default: return assertNever(ddl);
  }
  return 'modelled';
}

/**
 * Replays parsed statements into a schema state. Pure: no I/O. Every problem becomes a
 * diagnostic; replay never stops at the first one.
 */
export function replayStatements(statements: Iterable<ParsedStatement>, opts: ReplayOptions = {}, revisions = 0): ReplayResult {
  const draft = new Draft();
  const diagnostics: Diagnostic[] = [];
  let total = 0;
  let modelled = 0;
  let noop = 0;
  let unsupported = 0;
  for (const st of statements) {
    total++;
    if (!opts.includeAlembicVersion && touchesAlembicVersion(st.ddl)) {
      noop++;
      continue;
    }
    const ctx = new ReplayContext(draft, st.pos, diagnostics, st.sql.split(/\s+/).slice(0, 3).join(' '));
    const r = applyStatement(ctx, st.ddl);
    if (r === 'modelled') modelled++;
    else if (r === 'noop') noop++;
    else unsupported++;
  }
  return {
    state: draft.toState(),
    diagnostics,
    stats: { revisions, statements: total, modelled, noSchemaChange: noop, notModelled: unsupported },
  };
}

/** Parses and replays revisions in order (a syntax error throws a UserError with file:line). */
export function replay(history: MigrationHistory | readonly Revision[], opts: ReplayOptions = {}): ReplayResult {
  const revisions = 'revisions' in history ? history.revisions : history;
  function* all(): Generator<ParsedStatement> {
    for (const rev of revisions) yield* parseRevision(rev);
  }
  return replayStatements(all(), opts, revisions.length);
}
