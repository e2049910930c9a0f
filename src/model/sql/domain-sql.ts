import { qualify, quoteIdent, quoteLiteral, type QualifiedName } from '../names.js';
import type { DomainCheck, DomainDef } from '../objects.js';

/** How an expression is printed: as the migration wrote it where known (executable), or canonical. */
type Spelling = 'written' | 'canonical';

function checkExpr(c: DomainCheck, spelling: Spelling): string {
  return spelling === 'written' ? (c.expressionSql ?? c.expression) : c.expression;
}

/** `CONSTRAINT n CHECK (expr)` of a domain. */
export function domainCheckSql(c: DomainCheck, spelling: Spelling = 'written'): string {
  return `CONSTRAINT ${quoteIdent(c.name)} CHECK (${checkExpr(c, spelling)})`;
}

/**
 * `CREATE DOMAIN s.d AS base [COLLATE c] [DEFAULT e] [NOT NULL] [CONSTRAINT n CHECK (..)]...`
 * with its validated checks; NOT VALID ones cannot be written there (see {@link addDomainCheckSql}).
 */
export function createDomainSql(d: DomainDef, spelling: Spelling = 'written'): string {
  const parts = [`CREATE DOMAIN ${qualify(d)} AS ${d.baseType}`];
  if (d.collation !== undefined) parts.push(`COLLATE ${d.collation}`);
  if (d.default !== undefined) parts.push(`DEFAULT ${spelling === 'written' ? (d.defaultSql ?? d.default) : d.default}`);
  if (d.notNull) parts.push('NOT NULL');
  for (const c of d.checks) if (c.validated) parts.push(domainCheckSql(c, spelling));
  return parts.join(' ');
}

/** `ALTER DOMAIN s.d ADD CONSTRAINT n CHECK (..) [NOT VALID]`. */
export function addDomainCheckSql(d: QualifiedName, c: DomainCheck, spelling: Spelling = 'written'): string {
  return `ALTER DOMAIN ${qualify(d)} ADD ${domainCheckSql(c, spelling)}${c.validated ? '' : ' NOT VALID'}`;
}

/** `COMMENT ON CONSTRAINT n ON DOMAIN s.d IS ..` (COMMENT ON CONSTRAINT .. ON s.d would name a table). */
export function domainCheckCommentSql(d: QualifiedName, name: string, text: string | null): string {
  return `COMMENT ON CONSTRAINT ${quoteIdent(name)} ON DOMAIN ${qualify(d)} IS ${text === null ? 'NULL' : quoteLiteral(text)}`;
}
