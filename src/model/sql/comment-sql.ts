import { qualify, qualifyOperator, quoteIdent, quoteLiteral } from '../names.js';
import type { ObjectKind } from '../objects.js';

/** Object kinds COMMENT ON accepts here (enum values cannot carry comments in PostgreSQL). */
export type CommentKind = Exclude<ObjectKind, 'enum value'> | 'procedure';

/**
 * What a comment is on. `schema` is ignored for schemas and extensions; `table` names the
 * owning table of a column, constraint, trigger or policy; `args` are a function's identity argument types or an operator's operands (operatorArgs).
 */
export interface CommentTarget {
  readonly schema?: string;
  readonly name: string;
  readonly table?: string;
  readonly args?: string;
}

const KEYWORD: Record<CommentKind, string> = {
  schema: 'SCHEMA',
  extension: 'EXTENSION',
  table: 'TABLE',
  column: 'COLUMN',
  constraint: 'CONSTRAINT',
  index: 'INDEX',
  enum: 'TYPE',
  domain: 'DOMAIN',
  'composite type': 'TYPE',
  'range type': 'TYPE',
  attribute: 'COLUMN',
  sequence: 'SEQUENCE',
  view: 'VIEW',
  'materialized view': 'MATERIALIZED VIEW',
  function: 'FUNCTION',
  procedure: 'PROCEDURE',
  aggregate: 'AGGREGATE',
  trigger: 'TRIGGER',
  policy: 'POLICY',
  collation: 'COLLATION',
  operator: 'OPERATOR',
  rule: 'RULE',
};

/**
 * `COMMENT ON <kind> <target> IS 'text'`, or `IS NULL` to remove it. PostgreSQL's target syntax
 * varies: `s.t.col` for columns, `name ON s.t` for constraints and triggers, `s.f(types)` for functions.
 */
export function commentSql(kind: CommentKind, target: CommentTarget, text: string | null): string {
  return `COMMENT ON ${KEYWORD[kind]} ${targetSql(kind, target)} IS ${text === null ? 'NULL' : quoteLiteral(text)}`;
}

function targetSql(kind: CommentKind, t: CommentTarget): string {
  const schema = t.schema ?? 'public';
  switch (kind) {
    case 'schema':
    case 'extension':
      return quoteIdent(t.name);
    case 'column':
    case 'attribute':
      return `${qualify({ schema, name: t.table ?? '' })}.${quoteIdent(t.name)}`;
    case 'constraint':
    case 'trigger':
    case 'policy':
    case 'rule':
      return `${quoteIdent(t.name)} ON ${qualify({ schema, name: t.table ?? '' })}`;
    case 'function':
    case 'procedure':
      return `${qualify({ schema, name: t.name })}(${t.args ?? ''})`;
    case 'operator':
      return `${qualifyOperator({ schema, name: t.name })} (${t.args ?? ''})`;
    case 'aggregate':
      return `${qualify({ schema, name: t.name })}(${t.args || '*'})`;
    default:
      return qualify({ schema, name: t.name });
  }
}
