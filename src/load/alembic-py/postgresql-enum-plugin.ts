/**
 * The alembic_postgresql_enum plugin's `op.sync_enum_values`, as it runs on PostgreSQL: rename
 * the type to `<name>_old`, create it anew, cast each affected column over (dropping and
 * restoring its default), drop the old type. The comparison operators the plugin creates and
 * drops again around the casts leave no trace in the schema and are not emitted.
 */
import { EvalError } from './builtins.js';
import type { Args } from './operations.js';
import { NativeFunction, PyList, PyObject, typeName, type PyValue } from './py-values.js';

/** The plugin's TableReference: a column that uses the enum, and its default if it has one. */
export class TableReference extends PyObject {
  constructor(
    readonly schema: string | null,
    readonly table: string,
    readonly column: string,
    readonly isArray: boolean,
    readonly existingDefault: string | null,
  ) {
    super();
  }
  describe(): string {
    return 'TableReference';
  }
  tableSql(): string {
    return `${this.schema ? `"${this.schema}".` : ''}"${this.table}"`;
  }
}

const COLUMN_TYPE = new (class extends PyObject {
  describe(): string {
    return 'ColumnType';
  }
  override getattr(name: string): PyValue | undefined {
    return name === 'ARRAY' || name === 'COMMON' ? `ColumnType.${name}` : undefined;
  }
})();

const str = (v: PyValue | undefined, what: string): string => {
  if (typeof v !== 'string') throw new EvalError(`${what} must be a string, got ${typeName(v ?? null)}`);
  return v;
};

/** `alembic_postgresql_enum` (any submodule): TableReference and ColumnType. */
export class PostgresqlEnumModule extends PyObject {
  constructor(readonly path: string) {
    super();
  }
  describe(): string {
    return this.path;
  }
  override getattr(name: string): PyValue {
    if (name === 'ColumnType') return COLUMN_TYPE;
    if (name === 'TableReference') {
      return new NativeFunction('TableReference', (a) => {
        const kw = (k: string, i: number) => a.keywords.get(k) ?? a.positional[i];
        const schema = kw('table_schema', 2);
        const def = kw('existing_server_default', 4);
        return new TableReference(
          typeof schema === 'string' ? schema : null,
          str(kw('table_name', 0), 'TableReference table_name'),
          str(kw('column_name', 1), 'TableReference column_name'),
          kw('column_type', 3) === 'ColumnType.ARRAY',
          typeof def === 'string' ? def : null,
        );
      });
    }
    return new PostgresqlEnumModule(`${this.path}.${name}`);
  }
}

function pairs(v: PyValue | undefined): [string, string][] {
  if (v === undefined || v === null) return [];
  if (!(v instanceof PyList)) throw new EvalError('enum_values_to_rename must be a list of (old, new) pairs');
  return v.items.map((p) => {
    if (!(p instanceof PyList) || p.items.length !== 2) throw new EvalError('enum_values_to_rename must be a list of (old, new) pairs');
    return [str(p.items[0], 'an old enum value'), str(p.items[1], 'a new enum value')];
  });
}

/** The statements of `op.sync_enum_values(enum_schema, enum_name, new_values, affected_columns, enum_values_to_rename)`. */
export function syncEnumValuesSql(a: Args): string[] {
  const schema = a.str('enum_schema');
  const name = a.str('enum_name');
  const values = a.strings('new_values');
  const renames = pairs(a.get('enum_values_to_rename'));
  const cols = a.get('affected_columns');
  if (!(cols instanceof PyList)) throw new EvalError('affected_columns must be a list');
  const type = `"${schema}"."${name}"`;
  const out = [`ALTER TYPE ${type} RENAME TO ${name}_old`, `CREATE TYPE ${type} AS ENUM(${values.map((v) => `'${v}'`).join(', ')})`];
  for (const c of cols.items) {
    let ref: TableReference;
    if (c instanceof TableReference) ref = c;
    else if (c instanceof PyList && c.items.length >= 2) {
      // Old style (table, column): the plugin reads the column's default from the database.
      throw new EvalError('sync_enum_values with (table, column) tuples reads column defaults from the database; use TableReference(..., existing_server_default=...)');
    } else throw new EvalError(`affected_columns must hold TableReference(...), got ${typeName(c)}`);
    const alter = `ALTER TABLE ${ref.tableSql()} ALTER COLUMN "${ref.column}"`;
    if (ref.existingDefault !== null) out.push(`${alter} DROP DEFAULT`);
    if (ref.isArray) {
      let cast = `"${ref.column}"::text[]`;
      for (const [o, n] of renames) cast = `array_replace(${cast}, '${o}', '${n}')`;
      out.push(`${alter} TYPE ${type}[] USING ${cast}::${type}[]`);
    } else if (renames.length) {
      const whens = renames.map(([o, n]) => `WHEN "${ref.column}"::text = '${o}' THEN '${n}'::${type}`).join(' ');
      out.push(`${alter} TYPE ${type} USING CASE ${whens} ELSE "${ref.column}"::text::${type} END`);
    } else out.push(`${alter} TYPE ${type} USING "${ref.column}"::text::${type}`);
    if (ref.existingDefault !== null) out.push(`${alter} SET DEFAULT ${renameDefault(ref.existingDefault, `${schema}.${name}`, renames)}`);
  }
  out.push(`DROP TYPE "${schema}"."${name}_old"`);
  return out;
}

/** The plugin's rename_default_if_required: renamed values inside quotes, casts to the new type. */
function renameDefault(def: string, newType: string, renames: readonly [string, string][]): string {
  let d = def;
  for (const [o, n] of renames) d = d.split(`'${o}'`).join(`'${n}'`);
  return d.replace(/::[.\w"]+(\[\])?/g, (_m, arr: string | undefined) => `::${newType}${arr ?? ''}`);
}
