/**
 * Resolves a revision file's imports: alembic's `op`, sqlalchemy (any submodule), sqlmodel,
 * and app or standard-library modules, which are Opaque unless schema-sync.json maps a type or
 * gives a function's constant result.
 */
import { UserError } from '../../errors.js';
import { AlembicUtilsModule } from './alembic-utils.js';
import { EvalError } from './builtins.js';
import { PostgresqlEnumModule } from './postgresql-enum-plugin.js';
import type { AlembicPyConfig } from './config.js';
import { Interpreter, type InterpreterHost } from './interpreter.js';
import { parsePython } from './parse-python.js';
import { NativeFunction, Opaque, PyObject, type PyValue } from './py-values.js';
import { SqlAlchemyModule, SqlModelModule, sqlalchemyMember } from './sa-namespace.js';
import { SaType, SaTypeClass } from './sa-types.js';

/** An app or library module schema-sync does not know: its members are Opaque. */
class ExternalModule extends Opaque {
  constructor(private readonly host: ModuleHost, readonly path: string) {
    super(path);
  }
  override getattr(name: string): PyValue {
    return this.host.external(`${this.path}.${name}`);
  }
}

class AlembicModule extends PyObject {
  constructor(private readonly op: PyValue) {
    super();
  }
  describe(): string {
    return 'alembic';
  }
  override getattr(name: string): PyValue {
    return name === 'op' ? this.op : new Opaque(`alembic.${name}`);
  }
}

/** Import resolution for one revision file (holds its op object and the project settings). */
export class ModuleHost {
  private readonly typeCache = new Map<string, PyValue>();
  constructor(private readonly config: AlembicPyConfig, private readonly op: PyValue) {}

  module(dotted: string): PyValue {
    const top = dotted.split('.')[0]!;
    if (top === 'sqlalchemy') return new SqlAlchemyModule(dotted);
    if (top === 'sqlmodel') return new SqlModelModule(dotted);
    if (top === 'alembic_utils') return new AlembicUtilsModule(dotted);
    if (top === 'alembic_postgresql_enum') return new PostgresqlEnumModule(dotted);
    if (dotted === 'alembic') return new AlembicModule(this.op);
    if (dotted === 'alembic.op') return this.op;
    return this.external(dotted);
  }

  member(module: string, name: string): PyValue {
    if (module === 'alembic' && name === 'op') return this.op;
    if (module.split('.')[0] === 'sqlalchemy') {
      const v = sqlalchemyMember(module, name);
      if (v === undefined) throw new EvalError(`schema-sync does not know ${module}.${name}`);
      return v;
    }
    const m = this.module(module);
    return m instanceof PyObject ? (m.getattr(name) ?? new Opaque(`${module}.${name}`)) : new Opaque(`${module}.${name}`);
  }

  /** A dotted name outside sqlalchemy/alembic: a configured type or function result, else Opaque. */
  external(dotted: string): PyValue {
    const bare = dotted.split('.').pop()!;
    const typeExpr = this.config.types[dotted] ?? this.config.types[bare];
    if (typeExpr !== undefined) return this.configuredType(dotted, typeExpr);
    const fnKey = dotted in this.config.functions ? dotted : bare in this.config.functions ? bare : undefined;
    if (fnKey !== undefined) {
      const v = this.config.functions[fnKey]!;
      return new NativeFunction(dotted, () => v);
    }
    if (dotted.split('.')[0] === 'sqlmodel') return new SqlModelModule(dotted);
    return new ExternalModule(this, dotted);
  }

  /** Evaluates a configured type expression such as `postgresql.UUID` or `sa.TIMESTAMP(timezone=True)`. */
  private configuredType(dotted: string, expr: string): PyValue {
    const cached = this.typeCache.get(dotted);
    if (cached) return cached;
    const file = this.config.file ?? 'schema-sync.json';
    const src = `import sqlalchemy as sa\nfrom sqlalchemy.dialects import postgresql\nT = ${expr}\n`;
    let v: PyValue | undefined;
    try {
      const interp = new Interpreter(parsePython(src, file), this.host(), 'schema_sync_types');
      interp.loadModule();
      v = interp.global('T');
    } catch (e) {
      if (e instanceof UserError) throw new UserError(`${file}: alembic.types["${dotted}"] = ${JSON.stringify(expr)} is not a type expression (${e.message})`);
      throw e;
    }
    let out: PyValue;
    if (v instanceof SaTypeClass) out = v;
    else if (v instanceof SaType) out = new NativeFunction(dotted, () => v as SaType);
    else throw new UserError(`${file}: alembic.types["${dotted}"] must name a SQLAlchemy type, e.g. "sa.String" or "postgresql.UUID()"`);
    this.typeCache.set(dotted, out);
    return out;
  }

  /** The InterpreterHost parts that resolve imports. */
  host(): Pick<InterpreterHost, 'importModule' | 'importName'> & InterpreterHost {
    return {
      importModule: (d) => this.module(d),
      importName: (m, n) => this.member(m, n),
      answer: () => undefined,
      dataCode: () => undefined,
    };
  }
}
