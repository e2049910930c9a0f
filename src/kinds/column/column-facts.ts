import { quoteIdent, type QualifiedName } from '../../model/names.js';
import type { ColumnDef, SequenceDef } from '../../model/objects.js';
import { relationKey } from '../../model/schema-state.js';
import { defaultColumnSequenceName } from '../../model/sql/index.js';
import type { PlanContext } from '../../plan/plan-context.js';
import { fact, type PlanFacts } from '../../plan/plan-facts.js';

/** A column of a table. */
export interface ColumnRef {
  readonly table: QualifiedName;
  readonly column: string;
}

/** Identity columns the plan creates, by their owning column (`relationKey.column`). */
const IDENTITY_BY_OWNER = fact<ColumnRef>('identity columns by owner');
/** Identity columns the plan creates, by their implicit sequence's relationKey. */
const IDENTITY_BY_NAME = fact<ColumnRef>('identity columns by sequence');

/** Records an identity column a change creates (its implicit sequence is PostgreSQL's, not the plan's). */
export function noteIdentity(facts: PlanFacts, table: QualifiedName, col: ColumnDef): void {
  if (!col.identity) return;
  const ref = { table: { schema: table.schema, name: table.name }, column: col.name };
  facts.set(IDENTITY_BY_OWNER, `${relationKey(table.schema, table.name)}.${quoteIdent(col.name)}`, ref);
  const seqName = col.identity.sequence ?? defaultColumnSequenceName(table.name, col.name);
  facts.set(IDENTITY_BY_NAME, relationKey(table.schema, seqName), ref);
}

/** The identity column (created by this plan) whose implicit sequence `seq` is, if any. */
export function identityColumnOf(ctx: PlanContext, seq: SequenceDef): ColumnRef | undefined {
  return (
    (seq.ownedBy ? ctx.fact(IDENTITY_BY_OWNER).get(`${relationKey(seq.schema, seq.ownedBy.table)}.${quoteIdent(seq.ownedBy.column)}`) : undefined) ??
    ctx.fact(IDENTITY_BY_NAME).get(relationKey(seq.schema, seq.name))
  );
}

/** The live column a change names (after renames), if the live database has it. */
export function liveColumn(ctx: PlanContext, table: QualifiedName, column: string): ColumnDef | undefined {
  const ref = ctx.liveRef('column', { schema: table.schema, parent: table.name, name: column });
  return ctx.live.tables.get(relationKey(ref.schema, ref.parent ?? ''))?.columns.find((c) => c.name === ref.name);
}
