/**
 * SQLAlchemy naming conventions (sql/naming.py) for the MetaData Alembic builds its tables in:
 * the default convention only names indexes (`ix_%(column_0_label)s`); a project's
 * `target_metadata` convention comes from schema-sync.json. Convention-made and `op.f()` names
 * longer than 63 characters are cut to 55 plus `_` and the last 4 hex digits of their md5, as
 * SQLAlchemy's compiler does; PostgreSQL would otherwise cut them differently.
 */
import { createHash } from 'node:crypto';
import { EvalError } from './builtins.js';
import { ConvName, splitTarget, type IndexElement, type ObjectName, type SaConstraint } from './sa-schema.js';

/** A MetaData naming_convention: keys ix/uq/ck/fk/pk, values %(token)s templates. */
export type NamingConvention = Readonly<Record<string, string>>;

/** What SQLAlchemy's MetaData uses when none is given. */
export const DEFAULT_CONVENTION: NamingConvention = { ix: 'ix_%(column_0_label)s' };

const MAX_IDENTIFIER = 63;

/** A constraint or index to name: its convention key and the facts tokens read. */
export interface Nameable {
  readonly key: 'pk' | 'uq' | 'ck' | 'fk' | 'ix';
  readonly name: ObjectName;
  readonly table: string;
  readonly schema?: string;
  readonly columns: readonly string[];
  /** For foreign keys: `[schema.]table.column` targets. */
  readonly referred?: readonly string[];
}

/** Truncation SQLAlchemy applies to names it generated (conventions, op.f). */
export function truncateGenerated(name: string): string {
  if (name.length <= MAX_IDENTIFIER || [...name].length <= MAX_IDENTIFIER) return name;
  const md5 = createHash('md5').update(name, 'utf8').digest('hex');
  return [...name].slice(0, MAX_IDENTIFIER - 8).join('') + '_' + md5.slice(-4);
}

function token(n: Nameable, key: string): string {
  if (key === 'table_name') return n.table;
  if (key === 'constraint_name') {
    if (n.name === null) throw new EvalError('the naming convention uses %(constraint_name)s, so the constraint needs a name');
    return n.name instanceof ConvName ? n.name.value : n.name;
  }
  if (key === 'referred_table_name') {
    if (!n.referred?.length) throw new KeyError(key);
    return splitTarget(n.referred[0]!).table;
  }
  const m = /^(referred_)?column_(\d+)(_?N)?_(name|label|key)$/.exec(key);
  if (!m) throw new KeyError(key);
  const [, referred, idx, multiple, attr] = m;
  const cols = referred ? (n.referred ?? []).map((t) => splitTarget(t).column) : n.columns;
  const render = (c: string) => (attr === 'label' ? `${n.schema ? n.schema.replace(/\./g, '_') + '_' : ''}${n.table}_${c}` : c);
  if (multiple) return cols.map(render).join(multiple.startsWith('_') ? '_' : '');
  const c = cols[Number(idx)];
  return c === undefined ? '' : render(c);
}

class KeyError extends EvalError {
  constructor(key: string) {
    super(`the naming convention token %(${key})s is not supported`);
  }
}

/**
 * The name SQLAlchemy gives the object: op.f() names as given, otherwise the convention's when
 * there is one and the object is unnamed (or the convention uses the given name), else as given.
 * null = PostgreSQL picks the name.
 */
export function conventionName(n: Nameable, convention: NamingConvention): string | null {
  if (n.name instanceof ConvName) return truncateGenerated(n.name.value);
  const pattern = convention[n.key];
  if (pattern !== undefined && (n.name === null || pattern.includes('%(constraint_name)s'))) {
    return truncateGenerated(pattern.replace(/%\((\w+)\)s/g, (_m, k: string) => token(n, k)));
  }
  return n.name;
}

/** The Nameable view of a constraint of table `table`. */
export function constraintNameable(c: SaConstraint, table: string, schema?: string): Nameable {
  const base = { name: c.name, table, ...(schema ? { schema } : {}) };
  switch (c.kind) {
    case 'primary key': return { ...base, key: 'pk', columns: c.columns };
    case 'unique': return { ...base, key: 'uq', columns: c.columns };
    case 'check': return { ...base, key: 'ck', columns: [] };
    case 'foreign key':
      return { ...base, key: 'fk', columns: c.columns, referred: c.refColumns.map((col) => `${c.refSchema ? c.refSchema + '.' : ''}${c.refTable}.${col}`) };
  }
}

/** The Nameable view of an index. */
export function indexNameable(name: ObjectName, elements: readonly IndexElement[], table: string, schema?: string): Nameable {
  return { key: 'ix', name, table, ...(schema ? { schema } : {}), columns: elements.map((e) => ('column' in e ? e.column : e.expr)) };
}
