import type { SequenceDef } from '../../model/objects.js';
import { relationKey, type SchemaState } from '../../model/schema-state.js';
import type { DiffContext } from '../../diff/diff-context.js';
import { differs } from '../../diff/diff-context.js';
import { rename } from '../rename/rename-change.js';
import { alterSequence, createSequence } from './sequence-change.js';
import { COLUMNS } from '../column/column-match.js';
import { SEQUENCES } from './sequence-match.js';
import { targetNamedSequence } from './sequence-names.js';
import { pairedTableKey } from '../table/table-match.js';

const TYPE_MAX: Record<SequenceDef['dataType'], string> = { smallint: '32767', integer: '2147483647', bigint: '9223372036854775807' };

/** Is the sequence the one behind an identity column (created and dropped with the column)? */
export function isIdentitySequence(state: SchemaState, seq: SequenceDef): boolean {
  if (!seq.ownedBy) return false;
  const table = state.tables.get(relationKey(seq.schema, seq.ownedBy.table));
  return table?.columns.some((c) => c.name === seq.ownedBy!.column && c.identity !== undefined) ?? false;
}

/** The options PostgreSQL gives the sequence of a new identity column when the column says none. */
function implicitIdentitySequence(seq: SequenceDef): SequenceDef {
  const { comment: _c, origin: _o, ...rest } = seq;
  return { ...rest, start: '1', increment: '1', min: '1', max: TYPE_MAX[seq.dataType], cache: '1', cycle: false };
}

/**
 * Does the identity column owning a target sequence only now become one (new table, new column,
 * or a live column without identity)? Then the sequence appears with the column.
 */
function identityIsNew(ctx: DiffContext, seq: SequenceDef): boolean {
  const tableKey = relationKey(seq.schema, seq.ownedBy!.table);
  const cols = ctx.matched(COLUMNS).get(tableKey);
  if (!cols) return true;
  const pair = cols.pairs.find((c) => c.key === seq.ownedBy!.column);
  return pair === undefined || pair.live.identity === undefined;
}

/**
 * Sequences. Identity sequences come with their column: no CREATE, but an ALTER when the
 * migrations gave the identity options PostgreSQL's implicit sequence lacks (START WITH 100);
 * serial and stand-alone ones are created (the planner sets OWNED BY once the table exists).
 */
export function diffSequences(ctx: DiffContext): void {
  const { out, target, live } = ctx;
  for (const { key, target: seq } of ctx.matched(SEQUENCES).created) {
    if (isIdentitySequence(target, seq)) {
      if (!identityIsNew(ctx, seq)) continue;
      const implicit = implicitIdentitySequence(seq);
      if (differs(seq, implicit)) out.add('sequence', key, alterSequence(seq, implicit, true));
    } else out.add('sequence', key, createSequence(seq));
    ctx.comment('sequence', { schema: seq.schema, name: seq.name }, seq.comment, undefined, seq.origin);
  }
  for (const { key, target: seq, live: l } of ctx.matched(SEQUENCES).pairs) {
    const ref = { schema: seq.schema, name: seq.name };
    // An owned sequence follows its table's SET SCHEMA; only its own name needs a rename.
    if (l.name !== seq.name || (l.schema !== seq.schema && !seq.ownedBy)) {
      out.add('sequence', key, rename('sequence', { schema: seq.ownedBy ? seq.schema : l.schema, name: l.name }, ref, seq.origin));
    }
    const normalized = targetNamedSequence(ctx.names, l);
    if (differs(seq, normalized)) out.add('sequence', key, alterSequence(seq, normalized, false));
    ctx.comment('sequence', ref, seq.comment, l.comment, seq.origin);
  }
  ctx.liveOnly('sequence', ctx.matched(SEQUENCES), () => 'sequence', (s) => {
    if (!s.ownedBy) return false;
    // Identity sequences go with their column's identity; owned ones go with their table or column.
    if (isIdentitySequence(live, s)) return true;
    const table = { schema: s.schema, name: s.ownedBy.table };
    if (ctx.relationGoes(table)) return true;
    const tableKey = pairedTableKey(ctx, table);
    return tableKey !== undefined && ctx.matched(COLUMNS).get(tableKey)!.liveOnly.some((c) => c.key === s.ownedBy!.column);
  });
}
