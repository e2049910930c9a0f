import type { SchemaState } from './schema-state.js';

/** Object kinds an exclusion rule can name: the top-level objects of a schema state. */
export const EXCLUDABLE_KINDS = ['schema', 'extension', 'enum', 'domain', 'collation', 'operator', 'sequence', 'table', 'index', 'view', 'materialized view', 'function', 'aggregate', 'trigger', 'policy', 'rule'] as const;

/** A kind an exclusion rule can name. */
export type ExcludableKind = (typeof EXCLUDABLE_KINDS)[number];

/**
 * Objects to leave out of a comparison, on both sides: what a managed platform installs
 * (`pg_stat_statements`), a schema another team owns. Patterns are globs (`*`, `?`) matched
 * against unquoted names, case-sensitively as PostgreSQL compares identifiers; an omitted field
 * matches anything. Excluding a schema excludes everything in it; excluding a table excludes its
 * indexes, triggers, policies, rules and owned sequences.
 */
export interface ExcludeRule {
  readonly kind?: ExcludableKind;
  /** Schema pattern (not used for schemas and extensions, which have only a name). */
  readonly schema?: string;
  readonly name?: string;
}

function globRegExp(glob: string): RegExp {
  const body = [...glob].map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 's');
}

/** A compiled rule set: `matches(kind, schema, name)`. */
export function exclusionMatcher(rules: readonly ExcludeRule[]): (kind: ExcludableKind, schema: string | undefined, name: string) => boolean {
  const compiled = rules.map((r) => ({
    kind: r.kind,
    schema: r.schema === undefined ? undefined : globRegExp(r.schema),
    name: r.name === undefined ? undefined : globRegExp(r.name),
  }));
  return (kind, schema, name) =>
    compiled.some((r) =>
      (r.kind === undefined || r.kind === kind) &&
      (r.name === undefined || r.name.test(name)) &&
      (r.schema === undefined || (schema !== undefined && r.schema.test(schema))));
}

function keep<T>(m: ReadonlyMap<string, T>, test: (v: T) => boolean): Map<string, T> {
  return new Map([...m].filter(([, v]) => test(v)));
}

/** The state without the objects the rules exclude (the same state when there are no rules). */
export function excludeObjects(s: SchemaState, rules: readonly ExcludeRule[]): SchemaState {
  if (!rules.length) return s;
  const matches = exclusionMatcher(rules);
  const schemaOut = (schema: string): boolean => matches('schema', undefined, schema);
  const tableOut = (schema: string, table: string): boolean => schemaOut(schema) || matches('table', schema, table);
  return {
    ...s,
    schemas: keep(s.schemas, (x) => !schemaOut(x.name)),
    extensions: keep(s.extensions, (x) => !matches('extension', x.schema, x.name) && !(x.schema !== undefined && schemaOut(x.schema))),
    enums: keep(s.enums, (x) => !schemaOut(x.schema) && !matches('enum', x.schema, x.name)),
    domains: keep(s.domains, (x) => !schemaOut(x.schema) && !matches('domain', x.schema, x.name)),
    collations: keep(s.collations, (x) => !schemaOut(x.schema) && !matches('collation', x.schema, x.name)),
    operators: keep(s.operators, (x) => !schemaOut(x.schema) && !matches('operator', x.schema, x.name)),
    sequences: keep(s.sequences, (x) => !schemaOut(x.schema) && !matches('sequence', x.schema, x.name) && !(x.ownedBy && tableOut(x.schema, x.ownedBy.table))),
    tables: keep(s.tables, (x) => !tableOut(x.schema, x.name)),
    indexes: keep(s.indexes, (x) => !tableOut(x.schema, x.table) && !matches('index', x.schema, x.name)),
    views: keep(s.views, (x) => !schemaOut(x.schema) && !matches(x.materialized ? 'materialized view' : 'view', x.schema, x.name)),
    functions: keep(s.functions, (x) => !schemaOut(x.schema) && !matches('function', x.schema, x.name)),
    triggers: keep(s.triggers, (x) => !tableOut(x.schema, x.table) && !matches('trigger', x.schema, x.name)),
    policies: keep(s.policies, (x) => !tableOut(x.schema, x.table) && !matches('policy', x.schema, x.name)),
    aggregates: keep(s.aggregates, (x) => !schemaOut(x.schema) && !matches('aggregate', x.schema, x.name)),
    rules: keep(s.rules, (x) => !tableOut(x.schema, x.table) && !matches('rule', x.schema, x.name)),
  };
}
