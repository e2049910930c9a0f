import { qualify, quoteIdent } from '../names.js';
import type { ColumnDef, QualifiedName, SequenceDef } from '../objects.js';
import { defaultColumnSequenceName, identityOptionsSql } from './sequence-sql.js';
import { defaultClauseExpr } from './default-clause.js';
import { spelt, type Spelling } from './spelling.js';

export type { Spelling } from './spelling.js';

/** What {@link columnSql} needs to print an identity column's sequence options and name. */
export interface IdentityContext {
  /** The table the column belongs to (the implicit sequence lives in its schema). */
  readonly table: QualifiedName;
  /** The column's implicit sequence, when known. */
  readonly sequence?: SequenceDef;
}

/**
 * One column of CREATE TABLE / ADD COLUMN: `name type [COLLATE c] [GENERATED ALWAYS AS (e) STORED |
 * GENERATED {ALWAYS|BY DEFAULT} AS IDENTITY [(opts)] | DEFAULT e] [NOT NULL]`. With `identity`
 * context, the implicit sequence's non-default options (and its name, when it is not the one
 * PostgreSQL would choose) are printed inline, since the sequence has no CREATE of its own.
 */
export function columnSql(col: ColumnDef, identity?: IdentityContext, spelling: Spelling = 'written'): string {
  let sql = `${quoteIdent(col.name)} ${col.type}`;
  if (col.collation !== undefined) sql += ` COLLATE ${col.collation}`;
  if (col.generated !== undefined) sql += ` GENERATED ALWAYS AS (${spelt(col.generated, col.generatedSql, spelling)}) STORED`;
  if (col.identity) {
    sql += ` GENERATED ${col.identity.always ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY`;
    const options = identity ? identitySequenceOptions(col, identity) : '';
    if (options) sql += ` (${options})`;
  }
  const def = spelling === 'written' ? executableDefault(col) : col.default;
  if (def !== undefined) sql += ` DEFAULT ${defaultClauseExpr(def)}`;
  if (col.notNull) sql += ' NOT NULL';
  return sql;
}

/** The default to execute: as the migration wrote it when known, else the canonical text. */
export function executableDefault(col: ColumnDef): string | undefined {
  return col.defaultSql ?? col.default;
}

function identitySequenceOptions(col: ColumnDef, ctx: IdentityContext): string {
  const parts: string[] = [];
  const name = ctx.sequence?.name ?? col.identity?.sequence;
  if (name !== undefined && name !== defaultColumnSequenceName(ctx.table.name, col.name)) {
    // Qualified: an unqualified SEQUENCE NAME would follow search_path, not the table's schema.
    parts.push(`SEQUENCE NAME ${qualify({ schema: ctx.table.schema, name })}`);
  }
  if (ctx.sequence) {
    const options = identityOptionsSql(ctx.sequence, col.type);
    if (options) parts.push(options);
  }
  return parts.join(' ');
}
