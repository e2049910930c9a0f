import { qualify, quoteIdent } from '../names.js';
import type { ConstraintDef, SequenceDef, TableDef } from '../objects.js';
import { columnSql, executableDefault, type Spelling } from './column-sql.js';
import { namedConstraintSql } from './constraint-sql.js';
import { withOptionsSql } from './rel-options-sql.js';
import { defaultClauseExpr } from './default-clause.js';

/** Options of {@link createTableSql}. */
export interface CreateTableOptions {
  /**
   * `inline`: every constraint of `table.constraints`, in the given order (PostgreSQL silently
   * ignores NOT VALID inside CREATE TABLE: add unvalidated ones with ALTER TABLE); `none`: none;
   * a list: these constraints, in this order (saves copying the table to print some of them).
   */
  readonly constraints: 'inline' | 'none' | readonly ConstraintDef[];
  /** Implicit sequences of identity columns by column name, to print their non-default options. */
  readonly identitySequences?: ReadonlyMap<string, SequenceDef>;
  /** Expression text to print (default `written`). */
  readonly spelling?: Spelling;
}

/**
 * `CREATE [UNLOGGED] TABLE s.t (columns, constraints) [PARTITION BY ..] [WITH (..)]`, one element per line.
 * A partition (`PARTITION OF parent FOR VALUES ..`) takes its columns from the parent, so only its
 * own constraints are listed, and its columns' defaults (`b WITH OPTIONS DEFAULT 1`: a partition
 * may have its own; restating the parent's changes nothing); PostgreSQL would reject re-declared
 * columns with types. (A NOT NULL only the partition has is not restated: the model cannot tell
 * it from the parent's.)
 */
export function createTableSql(table: TableDef, opts: CreateTableOptions): string {
  const inline = opts.constraints === 'inline' ? table.constraints : opts.constraints === 'none' ? [] : opts.constraints;
  const constraints = inline.map((c) => namedConstraintSql(c, opts.spelling));
  const head = `CREATE ${table.unlogged ? 'UNLOGGED ' : ''}TABLE ${qualify(table)}`;
  let sql: string;
  if (table.partitionOf) {
    sql = `${head} PARTITION OF ${qualify(table.partitionOf.parent)}`;
    const options = partitionColumnOptions(table, opts.spelling);
    if (options.length || constraints.length) sql += ` ${elementsSql([...options, ...constraints])}`;
    sql += ` ${table.partitionOf.bound}`;
  } else {
    const columns = table.columns.map((col) => {
      const sequence = col.identity ? opts.identitySequences?.get(col.name) : undefined;
      return columnSql(col, sequence ? { table, sequence } : { table }, opts.spelling);
    });
    sql = `${head} ${elementsSql([...columns, ...constraints])}`;
  }
  if (table.partitionBy !== undefined) sql += ` PARTITION BY ${table.partitionBy}`;
  return sql + withOptionsSql(table.options);
}

function partitionColumnOptions(table: TableDef, spelling: Spelling = 'written'): string[] {
  return table.columns.flatMap((col) => {
    const def = spelling === 'written' ? executableDefault(col) : col.default;
    return def !== undefined ? [`${quoteIdent(col.name)} WITH OPTIONS DEFAULT ${defaultClauseExpr(def)}`] : [];
  });
}

function elementsSql(elements: readonly string[]): string {
  return elements.length ? `(\n${elements.map((e) => `    ${e}`).join(',\n')}\n)` : '()';
}
