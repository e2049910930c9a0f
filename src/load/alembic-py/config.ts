/**
 * Per-project settings for reading Python revisions, from the `alembic` key of the project's
 * `schema-sync.json` (found as every reader finds it: see config-lookup.ts). Everything is
 * optional:
 *
 *   { "alembic": {
 *       "types": { "myapp.db.UUID": "postgresql.UUID", "myapp.db.Timestamp": "sa.TIMESTAMP(timezone=True)" },
 *       "namingConvention": { "ix": "ix_%(column_0_label)s", "uq": "uq_%(table_name)s_%(column_0_name)s" },
 *       "functions": { "myapp.migration.skip_legacy": false },
 *       "answers": { "083_remove_related.py:27": false },
 *       "asSql": true } }
 *
 * types: app-defined TypeDecorators, as a Python type expression (a bare class takes the call's
 * arguments). namingConvention: the one of env.py's target_metadata. functions: constant results
 * of app functions. answers: conditions (file:line) that depend on the database. asSql: the
 * value of op.get_context().as_sql, for revisions that branch on offline mode.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../../errors.js';
import type { NamingConvention } from './naming.js';

/** The `alembic` settings of schema-sync.json, parsed and checked. */
export interface AlembicPyConfig {
  readonly types: Readonly<Record<string, string>>;
  readonly namingConvention?: NamingConvention;
  readonly functions: Readonly<Record<string, boolean | number | string | null>>;
  readonly answers: Readonly<Record<string, boolean>>;
  /** The value of `op.get_context().as_sql` (true: Alembic's offline --sql mode). */
  readonly asSql?: boolean;
  /** Where the settings came from (for messages), if a file was found. */
  readonly file?: string;
}

/** No settings file: SQLAlchemy defaults, no type map, no answers. */
export const EMPTY_CONFIG: AlembicPyConfig = { types: {}, functions: {}, answers: {} };

function record<T>(v: unknown, file: string, key: string, check: (x: unknown) => x is T): Record<string, T> {
  if (v === undefined) return {};
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new UserError(`${file}: alembic.${key} must be an object`);
  for (const [k, x] of Object.entries(v)) {
    if (!check(x)) throw new UserError(`${file}: alembic.${key}.${k} has a value of the wrong type`);
  }
  return v as Record<string, T>;
}

const isString = (x: unknown): x is string => typeof x === 'string';
const isBool = (x: unknown): x is boolean => typeof x === 'boolean';
const isConst = (x: unknown): x is boolean | number | string | null => x === null || ['boolean', 'number', 'string'].includes(typeof x);

/** Parses the settings text of `file`. */
export function parseConfig(text: string, file: string): AlembicPyConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UserError(`${file} is not valid JSON: ${(e as Error).message}`, { file, line: 1 });
  }
  const a = (json as { alembic?: unknown }).alembic ?? {};
  if (typeof a !== 'object' || a === null) throw new UserError(`${file}: "alembic" must be an object`);
  const o = a as Record<string, unknown>;
  const nc = o['namingConvention'];
  return {
    types: record(o['types'], file, 'types', isString),
    ...(nc !== undefined ? { namingConvention: record(nc, file, 'namingConvention', isString) } : {}),
    functions: record(o['functions'], file, 'functions', isConst),
    answers: record(o['answers'], file, 'answers', isBool),
    ...(typeof o['asSql'] === 'boolean' ? { asSql: o['asSql'] } : {}),
    file,
  };
}

/** Reads the `alembic` settings of a schema-sync.json file (relative: to `cwd`; none: no file, empty settings). */
export function readAlembicConfig(file: string | undefined, cwd: string = process.cwd()): AlembicPyConfig {
  if (file === undefined) return EMPTY_CONFIG;
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (e) {
    throw new UserError(`cannot read config file ${file}: ${(e as Error).message}`);
  }
  return parseConfig(text, file);
}
