import type { ConstraintSpec, Ddl } from './ddl.js';
import { parseSql } from './libpg.js';
import { lowerStatement } from './lower/statement.js';

/**
 * Lowers one DDL statement given as text, e.g. `pg_get_indexdef` / `pg_get_triggerdef` /
 * `pg_get_functiondef` output, so introspected objects go through the same code as migrations.
 */
export function parseDefinition(sql: string): Ddl {
  const raws = parseSql(sql);
  if (raws.length !== 1) throw new Error(`expected one statement, got ${raws.length}: ${sql.slice(0, 80)}`);
  return lowerStatement(raws[0]!.stmt);
}

/** Lowers `pg_get_constraintdef` output (`CHECK (...)`, `FOREIGN KEY (...) REFERENCES ...`). */
export function parseConstraintDefinition(name: string, definition: string): ConstraintSpec {
  const ddl = parseDefinition(`ALTER TABLE t ADD CONSTRAINT "${name.replace(/"/g, '""')}" ${definition}`);
  if (ddl.kind !== 'alterTable' || ddl.commands[0]?.op !== 'addConstraint') {
    throw new Error(`not a constraint definition: ${definition}`);
  }
  return ddl.commands[0].constraint;
}
