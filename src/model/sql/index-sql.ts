import { qualify, quoteIdent } from '../names.js';
import type { IndexDef } from '../objects.js';
import { parenIdentListSql } from './ident-list.js';
import { indexKeySql } from './index-key-sql.js';
import { withOptionsSql } from './rel-options-sql.js';
import { spelt, type Spelling } from './spelling.js';

/** Options of {@link createIndexSql}. */
export interface CreateIndexOptions {
  /** CONCURRENTLY: no write lock, but cannot run inside a transaction block. */
  readonly concurrently?: boolean;
  readonly ifNotExists?: boolean;
  /** Expression text to print (default `written`). */
  readonly spelling?: Spelling;
}

/**
 * `CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] name ON s.t [USING m] (keys) [INCLUDE (..)]
 * [NULLS NOT DISTINCT] [WITH (..)] [WHERE (..)]`. The index name is unqualified: an index always lives in its
 * table's schema. `USING btree` is the default and left out.
 */
export function createIndexSql(idx: IndexDef, opts: CreateIndexOptions = {}): string {
  let sql = `CREATE ${idx.unique ? 'UNIQUE ' : ''}INDEX `;
  if (opts.concurrently) sql += 'CONCURRENTLY ';
  if (opts.ifNotExists) sql += 'IF NOT EXISTS ';
  sql += `${quoteIdent(idx.name)} ON ${qualify({ schema: idx.schema, name: idx.table })}`;
  if (idx.method !== 'btree') sql += ` USING ${quoteIdent(idx.method)}`;
  const spelling = opts.spelling ?? 'written';
  sql += ` (${idx.keys.map((k) => indexKeySql(k, spelling)).join(', ')})`;
  if (idx.include.length) sql += ` INCLUDE ${parenIdentListSql(idx.include)}`;
  if (idx.nullsNotDistinct) sql += ' NULLS NOT DISTINCT';
  sql += withOptionsSql(idx.options);
  if (idx.where !== undefined) sql += ` WHERE (${spelt(idx.where, idx.whereSql, spelling)})`;
  return sql;
}
