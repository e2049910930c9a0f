import { qualify, quoteIdent } from '../names.js';
import type { ConstraintDef, ForeignKeyAction, ForeignKeyConstraint, QualifiedName } from '../objects.js';
import { parenIdentListSql } from './ident-list.js';
import { indexKeySql } from './index-key-sql.js';
import { withOptionsSql } from './rel-options-sql.js';
import { spelt, type Spelling } from './spelling.js';

/**
 * The body of a table constraint, i.e. what follows `CONSTRAINT name`. Defaults are left out
 * (MATCH SIMPLE, ON UPDATE/DELETE NO ACTION, NOT DEFERRABLE), NOT VALID is printed for FOREIGN KEY
 * and CHECK constraints not yet validated; the `WITH (..)` of a PRIMARY KEY / UNIQUE / EXCLUDE
 * constraint's index comes after INCLUDE, as the grammar wants. PostgreSQL rejects DEFERRABLE on CHECK, so a model
 * that says so yields SQL the server refuses rather than silently losing the flag.
 */
export function constraintSql(c: ConstraintDef, spelling: Spelling = 'written'): string {
  let sql: string;
  switch (c.type) {
    case 'primary key':
      sql = `PRIMARY KEY ${parenIdentListSql(c.columns)}${includeSql(c.include)}${withOptionsSql(c.options)}`;
      break;
    case 'unique':
      sql = `UNIQUE ${c.nullsNotDistinct ? 'NULLS NOT DISTINCT ' : ''}${parenIdentListSql(c.columns)}${includeSql(c.include)}${withOptionsSql(c.options)}`;
      break;
    case 'foreign key':
      sql = foreignKeySql(c);
      break;
    case 'check':
      sql = `CHECK (${spelt(c.expression, c.expressionSql, spelling)})${c.noInherit ? ' NO INHERIT' : ''}`;
      break;
    case 'exclude':
      sql = `EXCLUDE USING ${quoteIdent(c.method)} (${c.keys.map((k) => indexKeySql(k, spelling)).join(', ')})${includeSql(c.include)}${withOptionsSql(c.options)}`;
      if (c.where !== undefined) sql += ` WHERE (${spelt(c.where, c.whereSql, spelling)})`;
      break;
  }
  if (c.deferrable) sql += c.initiallyDeferred ? ' DEFERRABLE INITIALLY DEFERRED' : ' DEFERRABLE';
  if ((c.type === 'foreign key' || c.type === 'check') && !c.validated) sql += ' NOT VALID';
  return sql;
}

function includeSql(columns: readonly string[]): string {
  return columns.length ? ` INCLUDE ${parenIdentListSql(columns)}` : '';
}

function foreignKeySql(c: ForeignKeyConstraint): string {
  const ref = c.references;
  // An empty list means "the referenced table's primary key", which PostgreSQL also accepts.
  let sql = `FOREIGN KEY ${parenIdentListSql(c.columns)} REFERENCES ${qualify(ref.table)}`;
  if (ref.columns.length) sql += ` ${parenIdentListSql(ref.columns)}`;
  if (ref.match !== 'simple') sql += ` MATCH ${ref.match.toUpperCase()}`;
  if (ref.onUpdate !== 'no action') sql += ` ON UPDATE ${actionSql(ref.onUpdate)}`;
  if (ref.onDelete !== 'no action') sql += ` ON DELETE ${actionSql(ref.onDelete)}`;
  return sql;
}

function actionSql(action: ForeignKeyAction): string {
  return action.toUpperCase();
}

/** `CONSTRAINT name <body>`: the named form used both inline in CREATE TABLE and in ADD CONSTRAINT. */
export function namedConstraintSql(c: ConstraintDef, spelling: Spelling = 'written'): string {
  return `CONSTRAINT ${quoteIdent(c.name)} ${constraintSql(c, spelling)}`;
}

/** `ALTER TABLE s.t ADD CONSTRAINT name <body>`; how dumps add foreign keys once all tables exist. */
export function addConstraintSql(table: QualifiedName, c: ConstraintDef, spelling: Spelling = 'written'): string {
  return `ALTER TABLE ${qualify(table)} ADD ${namedConstraintSql(c, spelling)}`;
}
