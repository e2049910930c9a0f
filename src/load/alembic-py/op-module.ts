/**
 * The `op` object a revision calls, and the proxies it hands out: `batch_alter_table` (on
 * PostgreSQL plain ALTERs, queued until the `with` block ends, as Alembic's batch impl does
 * without a table recreate), `get_bind()` (its `execute(text)` runs SQL like op.execute; all
 * else it does is data-side) and `get_context().autocommit_block()`.
 */
import { quoteIdent as q } from '../../model/names.js';
import { PgEntity } from './alembic-utils.js';
import { EvalError } from './builtins.js';
import { syncEnumValuesSql } from './postgresql-enum-plugin.js';
import { tableRef as ref } from './ddl-render.js';
import type { SqlRunner } from './emitter.js';
import { Args, OperationsImpl, constraintFromOp, describeValue, indexFromOp, opFunction } from './operations.js';
import { NativeFunction, Opaque, PyObject, type PyValue } from './py-values.js';
import { ConvName, SaColumn, SqlExpr, sqlOf, textClauseSql } from './sa-schema.js';

/** `bind.dialect` / `context.dialect`: always PostgreSQL here; other facts need the database. */
class DialectValue extends Opaque {
  constructor(owner: string) {
    super(`${owner}.dialect`);
  }
  override getattr(name: string): PyValue {
    return name === 'name' ? 'postgresql' : super.getattr(name);
  }
}

/** op.get_bind(): a connection that only exists at migration time. */
class BindValue extends Opaque implements SqlRunner {
  constructor(private readonly impl: OperationsImpl) {
    super('op.get_bind()');
  }
  runSql(line: number, sql: string, once?: string): void {
    this.impl.sql(line, sql, once);
  }
  override getattr(name: string): PyValue {
    if (name === 'dialect') return new DialectValue(this.what);
    if (name === 'execute' || name === 'exec_driver_sql') {
      return new NativeFunction(`bind.${name}`, (a, line) => {
        const sql = a.positional[0];
        if (a.positional.length === 1 && a.keywords.size === 0 && (typeof sql === 'string' || sql instanceof SqlExpr)) {
          this.impl.execute(line, sql);
        } else this.impl.data(line, `${this.what}.${name}(...)`);
        return new Opaque(`result of ${this.what}.${name}(...)`);
      });
    }
    return super.getattr(name);
  }
}

/** What `with op.get_context().autocommit_block():` yields: its body runs as usual. */
export class AutocommitBlock extends PyObject {
  describe(): string {
    return 'autocommit_block()';
  }
}

class ContextValue extends Opaque {
  constructor(private readonly asSql: boolean | undefined) {
    super('op.get_context()');
  }
  override getattr(name: string): PyValue {
    if (name === 'as_sql' && this.asSql !== undefined) return this.asSql;
    if (name === 'dialect') return new DialectValue(this.what);
    if (name === 'autocommit_block') return new NativeFunction('autocommit_block', () => new AutocommitBlock());
    return super.getattr(name);
  }
}

/** `with op.batch_alter_table(t) as batch_op:` — the proxy; its calls run when the block ends. */
export class BatchOperations extends PyObject {
  private readonly queue: (() => void)[] = [];
  constructor(private readonly impl: OperationsImpl, readonly table: string, readonly schema: string | undefined, private readonly op: PyObject) {
    super();
  }
  describe(): string {
    return `batch_alter_table(${this.table})`;
  }
  flush(): void {
    for (const q of this.queue.splice(0)) q();
  }
  private defer(name: string, params: string[], run: (a: Args, line: number) => void): NativeFunction {
    return opFunction(`batch_alter_table.${name}`, params, (a, line) => {
      this.queue.push(() => run(a, line));
      return null;
    });
  }
  override getattr(name: string): PyValue | undefined {
    const { impl, table, schema } = this;
    switch (name) {
      case 'add_column':
        return this.defer(name, ['column', 'if_not_exists'], (a, line) => impl.addColumn(line, table, schema, column(a.get('column')), a.get('if_not_exists') === true));
      case 'drop_column':
        return this.defer(name, ['column_name', 'if_exists'], (a, line) => impl.sql(line, `ALTER TABLE ${ref(table, schema)} DROP COLUMN ${a.get('if_exists') === true ? 'IF EXISTS ' : ''}${q(a.str('column_name'))}`));
      case 'alter_column':
        return this.defer(name, ['column_name', 'nullable', 'comment', 'server_default', 'new_column_name', 'type_'], (a, line) => impl.alterColumn(line, table, schema, a.str('column_name'), a));
      case 'create_index':
        return this.defer(name, ['index_name', 'columns', 'unique', 'if_not_exists'], (a, line) => impl.createIndex(line, indexFromOp(a.name('index_name'), a), table, schema, a.get('if_not_exists') === true));
      case 'drop_index':
        return this.defer(name, ['index_name', 'if_exists'], (a, line) => impl.dropIndex(line, a.name('index_name'), table, schema, a));
      case 'create_unique_constraint':
        return this.defer(name, ['constraint_name', 'columns', 'deferrable', 'initially'], (a, line) => impl.addConstraint(line, table, schema, constraintFromOp('unique', a.name('constraint_name'), a)));
      case 'create_primary_key':
        return this.defer(name, ['constraint_name', 'columns'], (a, line) => impl.addConstraint(line, table, schema, constraintFromOp('primary key', a.name('constraint_name'), a)));
      case 'create_check_constraint':
        return this.defer(name, ['constraint_name', 'condition', 'deferrable', 'initially'], (a, line) => impl.addConstraint(line, table, schema, constraintFromOp('check', a.name('constraint_name'), a)));
      case 'create_foreign_key':
        return this.defer(name, ['constraint_name', 'referent_table', 'local_cols', 'remote_cols', 'referent_schema', 'onupdate', 'ondelete', 'deferrable', 'initially', 'match'], (a, line) => impl.addConstraint(line, table, schema, constraintFromOp('foreign key', a.name('constraint_name'), a)));
      case 'drop_constraint':
        return this.defer(name, ['constraint_name', 'type_', 'if_exists'], (a, line) => impl.dropConstraint(line, table, schema, a.name('constraint_name'), a.optStr('type_'), a.get('if_exists') === true));
      default:
        return this.op.getattr(name); // op.f, op.execute, ... are on the batch proxy too
    }
  }
}

function column(v: PyValue | undefined): SaColumn {
  if (v instanceof SaColumn) return v;
  throw new EvalError(`expected sa.Column(...), got ${v === undefined ? 'nothing' : describeValue(v)}`);
}

/** The `op` module: alembic.op's functions, interpreted. */
export class OpModule extends PyObject {
  /** `asSql`: the configured answer to `op.get_context().as_sql` (offline mode), if any. */
  constructor(private readonly impl: OperationsImpl, private readonly asSql?: boolean) {
    super();
  }
  describe(): string {
    return 'op';
  }
  override getattr(name: string): PyValue | undefined {
    const impl = this.impl;
    const schemaOf = (a: Args) => a.optStr('schema');
    switch (name) {
      case 'f':
        return new NativeFunction('op.f', (a) => {
          const n = a.positional[0];
          if (typeof n !== 'string') throw new EvalError('op.f() needs a string');
          return new ConvName(n);
        });
      case 'create_table':
        return new NativeFunction('op.create_table', (a, line) => {
          const [n, ...items] = a.positional;
          const kw = new Args({ positional: [], keywords: a.keywords }, ['schema', 'comment', 'if_not_exists'], 'op.create_table');
          if (typeof n !== 'string') throw new EvalError('create_table needs a table name');
          if (kw.get('if_not_exists') === true) throw new EvalError('create_table(if_not_exists=True) is not supported');
          const comment = kw.get('comment');
          impl.createTable(line, n, schemaOf(kw), items, typeof comment === 'string' ? comment : null);
          return new Opaque(`table ${n}`);
        });
      case 'drop_table':
        return opFunction(name, ['table_name', 'schema', 'if_exists'], (a, line) => {
          impl.sql(line, `DROP TABLE ${a.get('if_exists') === true ? 'IF EXISTS ' : ''}${ref(a.str('table_name'), schemaOf(a))}`);
          return null;
        });
      case 'add_column':
        return opFunction(name, ['table_name', 'column', 'schema', 'if_not_exists'], (a, line) => {
          impl.addColumn(line, a.str('table_name'), schemaOf(a), column(a.get('column')), a.get('if_not_exists') === true);
          return null;
        });
      case 'drop_column':
        return opFunction(name, ['table_name', 'column_name', 'schema', 'if_exists'], (a, line) => {
          impl.sql(line, `ALTER TABLE ${ref(a.str('table_name'), schemaOf(a))} DROP COLUMN ${a.get('if_exists') === true ? 'IF EXISTS ' : ''}${q(a.str('column_name'))}`);
          return null;
        });
      case 'alter_column':
        return opFunction(name, ['table_name', 'column_name', 'nullable', 'comment', 'server_default', 'new_column_name', 'type_', 'schema'], (a, line) => {
          impl.alterColumn(line, a.str('table_name'), schemaOf(a), a.str('column_name'), a);
          return null;
        });
      case 'create_index':
        return opFunction(name, ['index_name', 'table_name', 'columns', 'schema', 'unique', 'if_not_exists'], (a, line) => {
          impl.createIndex(line, indexFromOp(a.name('index_name'), a), a.str('table_name'), schemaOf(a), a.get('if_not_exists') === true);
          return null;
        });
      case 'drop_index':
        return opFunction(name, ['index_name', 'table_name', 'schema', 'if_exists'], (a, line) => {
          impl.dropIndex(line, a.name('index_name'), a.optStr('table_name'), schemaOf(a), a);
          return null;
        });
      case 'create_unique_constraint':
        return opFunction(name, ['constraint_name', 'table_name', 'columns', 'schema', 'deferrable', 'initially'], (a, line) => {
          impl.addConstraint(line, a.str('table_name'), schemaOf(a), constraintFromOp('unique', a.name('constraint_name'), a));
          return null;
        });
      case 'create_primary_key':
        return opFunction(name, ['constraint_name', 'table_name', 'columns', 'schema'], (a, line) => {
          impl.addConstraint(line, a.str('table_name'), schemaOf(a), constraintFromOp('primary key', a.name('constraint_name'), a));
          return null;
        });
      case 'create_check_constraint':
        return opFunction(name, ['constraint_name', 'table_name', 'condition', 'schema', 'deferrable', 'initially'], (a, line) => {
          impl.addConstraint(line, a.str('table_name'), schemaOf(a), constraintFromOp('check', a.name('constraint_name'), a));
          return null;
        });
      case 'create_foreign_key':
        return opFunction(name, ['constraint_name', 'source_table', 'referent_table', 'local_cols', 'remote_cols', 'onupdate', 'ondelete', 'deferrable', 'initially', 'match', 'source_schema', 'referent_schema'], (a, line) => {
          impl.addConstraint(line, a.str('source_table'), a.optStr('source_schema'), constraintFromOp('foreign key', a.name('constraint_name'), a));
          return null;
        });
      case 'drop_constraint':
        return opFunction(name, ['constraint_name', 'table_name', 'type_', 'schema', 'if_exists'], (a, line) => {
          impl.dropConstraint(line, a.str('table_name'), schemaOf(a), a.name('constraint_name'), a.optStr('type_'), a.get('if_exists') === true);
          return null;
        });
      case 'rename_table':
        return opFunction(name, ['old_table_name', 'new_table_name', 'schema'], (a, line) => {
          impl.sql(line, `ALTER TABLE ${ref(a.str('old_table_name'), schemaOf(a))} RENAME TO ${q(a.str('new_table_name'))}`);
          return null;
        });
      case 'create_table_comment':
        return opFunction(name, ['table_name', 'comment', 'existing_comment', 'schema'], (a, line) => {
          impl.sql(line, `COMMENT ON TABLE ${ref(a.str('table_name'), schemaOf(a))} IS ${sqlOf(a.str('comment'), 'a comment')}`);
          return null;
        });
      case 'drop_table_comment':
        return opFunction(name, ['table_name', 'existing_comment', 'schema'], (a, line) => {
          impl.sql(line, `COMMENT ON TABLE ${ref(a.str('table_name'), schemaOf(a))} IS NULL`);
          return null;
        });
      case 'execute':
        return opFunction(name, ['sqltext', 'execution_options'], (a, line) => {
          impl.execute(line, a.get('sqltext') ?? null);
          return null;
        });
      case 'bulk_insert':
        return opFunction(name, ['table', 'rows', 'multiinsert'], (a, line) => {
          const t = a.get('table');
          impl.data(line, `op.bulk_insert(${t instanceof Opaque ? t.what : '...'}, ...)`);
          return null;
        });
      case 'inline_literal':
        return new NativeFunction('op.inline_literal', (a) => new SqlExpr(sqlOf(a.positional[0] ?? null, 'inline_literal')));
      case 'batch_alter_table':
        return opFunction(name, ['table_name', 'schema', 'recreate'], (a) => {
          const recreate = a.get('recreate');
          if (recreate === 'always') throw new EvalError('batch_alter_table(recreate="always") copies the table; schema-sync does not interpret it');
          return new BatchOperations(impl, a.str('table_name'), schemaOf(a), this);
        });
      case 'create_entity':
      case 'replace_entity':
      case 'drop_entity':
        return opFunction(name, ['entity'], (a, line) => {
          const e = a.get('entity');
          if (!(e instanceof PgEntity)) throw new EvalError(`op.${name}() needs an alembic_utils entity, got ${e === undefined ? 'nothing' : describeValue(e)}`);
          for (const sql of name === 'drop_entity' ? e.dropSql() : e.createSql(name === 'replace_entity')) impl.sql(line, textClauseSql(sql));
          return null;
        });
      case 'sync_enum_values':
        return opFunction(name, ['enum_schema', 'enum_name', 'new_values', 'affected_columns', 'enum_values_to_rename'], (a, line) => {
          for (const sql of syncEnumValuesSql(a)) impl.sql(line, sql);
          return null;
        });
      case 'get_bind':
        return new NativeFunction('op.get_bind', () => new BindValue(impl));
      case 'get_context':
        return new NativeFunction('op.get_context', () => new ContextValue(this.asSql));
      default:
        return undefined;
    }
  }
}

/** Runs a `with` body for the contexts `op` hands out; false when the value is not one of them. */
export function runOpContext(ctx: PyValue, run: (bound: PyValue) => void): boolean {
  if (ctx instanceof BatchOperations) {
    run(ctx);
    ctx.flush();
    return true;
  }
  if (ctx instanceof AutocommitBlock) {
    run(ctx);
    return true;
  }
  return false;
}

