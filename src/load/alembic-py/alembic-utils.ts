/**
 * The alembic_utils plugin's entities (PGExtension, PGFunction, PGTrigger, PGView,
 * PGMaterializedView) and the SQL op.create_entity / replace_entity / drop_entity run for them,
 * as alembic_utils writes it: names quoted, a function's signature kept as written.
 */
import { quoteIdent } from '../../model/names.js';
import { EvalError } from './builtins.js';
import { NativeFunction, PyObject, typeName, type CallArgs, type PyValue } from './py-values.js';

type EntityKind = 'PGExtension' | 'PGFunction' | 'PGTrigger' | 'PGView' | 'PGMaterializedView';

const KINDS: ReadonlySet<string> = new Set(['PGExtension', 'PGFunction', 'PGTrigger', 'PGView', 'PGMaterializedView']);

/** An alembic_utils entity value: what op.create_entity and friends turn into SQL. */
export class PgEntity extends PyObject {
  constructor(
    readonly kind: EntityKind,
    readonly schema: string,
    readonly signature: string,
    readonly definition: string,
    readonly onEntity: string | null,
    readonly isConstraint: boolean,
    readonly withData: boolean,
  ) {
    super();
  }
  describe(): string {
    return this.kind;
  }

  private qualified(): string {
    return `"${this.schema}"."${this.signature}"`;
  }

  /** `name(args)` of a function, with the name quoted. */
  private functionRef(): string {
    const i = this.signature.indexOf('(');
    if (i < 0) throw new EvalError(`PGFunction signature ${this.signature} has no argument list`);
    return `"${this.schema}"."${this.signature.slice(0, i).trim()}"${this.signature.slice(i)}`;
  }

  createSql(replace: boolean): string[] {
    const orReplace = replace ? 'OR REPLACE ' : '';
    switch (this.kind) {
      case 'PGExtension':
        return [`CREATE EXTENSION ${replace ? 'IF NOT EXISTS ' : ''}"${this.signature}" WITH SCHEMA "${this.schema}"`];
      case 'PGFunction':
        return [`CREATE ${orReplace}FUNCTION ${this.functionRef()} ${this.definition}`];
      case 'PGTrigger': {
        const create = `CREATE ${this.isConstraint ? 'CONSTRAINT ' : ''}TRIGGER "${this.signature}" ${this.definition}`;
        return replace ? [...this.dropSql(), create] : [create];
      }
      case 'PGView':
        return [`CREATE ${orReplace}VIEW ${this.qualified()} AS ${this.definition}`];
      case 'PGMaterializedView': {
        const create = `CREATE MATERIALIZED VIEW ${this.qualified()} AS ${this.definition}${this.withData ? '' : ' WITH NO DATA'}`;
        return replace ? [...this.dropSql(), create] : [create];
      }
    }
  }

  dropSql(): string[] {
    switch (this.kind) {
      case 'PGExtension': return [`DROP EXTENSION "${this.signature}"`];
      case 'PGFunction': return [`DROP FUNCTION ${this.functionRef().replace(/\s+DEFAULT\s+[^,)]*(\(\))?/gi, '')}`];
      case 'PGTrigger': return [`DROP TRIGGER "${this.signature}" ON ${this.onEntity ?? quoteIdent(this.schema)}`];
      case 'PGView': return [`DROP VIEW ${this.qualified()}`];
      case 'PGMaterializedView': return [`DROP MATERIALIZED VIEW ${this.qualified()}`];
    }
  }
}

function str(a: CallArgs, name: string, i: number, kind: string): string {
  const v = a.keywords.get(name) ?? a.positional[i];
  if (typeof v !== 'string') throw new EvalError(`${kind}(): ${name} must be a string, got ${typeName(v ?? null)}`);
  return v;
}

function entity(kind: EntityKind): NativeFunction {
  return new NativeFunction(kind, (a) => {
    const onEntity = a.keywords.get('on_entity') ?? (kind === 'PGTrigger' ? a.positional[2] : undefined);
    return new PgEntity(
      kind,
      str(a, 'schema', 0, kind),
      str(a, 'signature', 1, kind),
      kind === 'PGExtension' ? '' : str(a, 'definition', kind === 'PGTrigger' ? 3 : 2, kind),
      typeof onEntity === 'string' ? onEntity : null,
      a.keywords.get('is_constraint') === true,
      a.keywords.get('with_data') !== false,
    );
  });
}

/** `alembic_utils.*` modules: every path exposes the entity classes. */
export class AlembicUtilsModule extends PyObject {
  constructor(readonly path: string) {
    super();
  }
  describe(): string {
    return this.path;
  }
  override getattr(name: string): PyValue {
    return KINDS.has(name) ? entity(name as EntityKind) : new AlembicUtilsModule(`${this.path}.${name}`);
  }
}
