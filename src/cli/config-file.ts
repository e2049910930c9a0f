import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError } from '../errors.js';
import { findConfigFile } from '../load/config-lookup.js';
import { EXCLUDABLE_KINDS, type ExcludableKind, type ExcludeRule } from '../model/exclude.js';

export { CONFIG_FILE } from '../load/config-lookup.js';

/**
 * What `schema-sync.json` may hold. One optional field per section; a new section adds a field
 * here and a parser to SECTIONS, and unknown keys are refused so a typo never goes unnoticed.
 */
export interface SchemaSyncConfig {
  /** Objects left out of every comparison, on both sides (rules as in `--exclude`). */
  readonly exclude?: readonly ExcludeRule[];
  /**
   * Settings for reading Python revisions: parsed and checked by src/load/alembic-py/config.ts
   * (from the same file, found by the same rule); accepted here as is.
   */
  readonly alembic?: object;
  /**
   * The migrations are a complete declaration of the schemas compared (as `--declaration`):
   * live objects they do not declare are dropped instead of reported as unmanaged.
   */
  readonly declaration?: boolean;
  /**
   * Owners the migrations set (`ALTER ... OWNER TO`) are compared and changed (as `--owners`);
   * for deployments whose roles are the same in every environment.
   */
  readonly owners?: boolean;
}

type SectionParsers = { readonly [K in keyof SchemaSyncConfig]-?: (value: unknown, where: string) => NonNullable<SchemaSyncConfig[K]> };

const SECTIONS: SectionParsers = {
  alembic: (value, where) => {
    if (typeof value !== 'object' || value === null) throw new UserError(`${where}: expected an object`);
    return value;
  },
  declaration: (value, where) => {
    if (typeof value !== 'boolean') throw new UserError(`${where}: expected true or false`);
    return value;
  },
  owners: (value, where) => {
    if (typeof value !== 'boolean') throw new UserError(`${where}: expected true or false`);
    return value;
  },
  exclude: (value, where) => {
    if (!Array.isArray(value)) throw new UserError(`${where}: expected a list of rules such as "extension:pg_stat_statements"`);
    return value.map((v, i) => (typeof v === 'string' ? parseExcludeRule(v, `${where}[${i}]`) : excludeRuleObject(v, `${where}[${i}]`)));
  },
};

function isKind(s: string): s is ExcludableKind {
  return (EXCLUDABLE_KINDS as readonly string[]).includes(s);
}

const KINDS = EXCLUDABLE_KINDS.join(', ');

/**
 * Parses `KIND:PATTERN` or `PATTERN` (any kind). PATTERN is `schema.name` or `name` (any
 * schema); schemas and extensions take a bare name. `*` and `?` are wildcards.
 */
export function parseExcludeRule(text: string, where = '--exclude'): ExcludeRule {
  const colon = text.indexOf(':');
  const kindText = colon >= 0 ? text.slice(0, colon).trim() : undefined;
  const pattern = colon >= 0 ? text.slice(colon + 1).trim() : text.trim();
  if (kindText !== undefined && !isKind(kindText)) throw new UserError(`${where} "${text}": unknown kind "${kindText}" (expected one of ${KINDS})`);
  if (pattern === '') throw new UserError(`${where} "${text}": missing name pattern`);
  const kind = kindText as ExcludableKind | undefined;
  const dot = pattern.indexOf('.');
  const named = kind === 'schema' || kind === 'extension' || dot < 0;
  return {
    ...(kind ? { kind } : {}),
    ...(named ? { name: pattern } : { schema: pattern.slice(0, dot), name: pattern.slice(dot + 1) }),
  };
}

function excludeRuleObject(v: unknown, where: string): ExcludeRule {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new UserError(`${where}: expected "KIND:PATTERN" or { "kind", "schema", "name" }`);
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!['kind', 'schema', 'name'].includes(k)) throw new UserError(`${where}: unknown field "${k}" (expected kind, schema, name)`);
  for (const k of ['kind', 'schema', 'name'] as const) if (o[k] !== undefined && typeof o[k] !== 'string') throw new UserError(`${where}.${k}: expected a string`);
  if (o.kind !== undefined && !isKind(o.kind as string)) throw new UserError(`${where}.kind: unknown kind "${o.kind}" (expected one of ${KINDS})`);
  if (o.schema === undefined && o.name === undefined && o.kind === undefined) throw new UserError(`${where}: an empty rule would exclude everything`);
  return o as ExcludeRule;
}

/**
 * Reads the config: `file` when given (it must exist), else the nearest `schema-sync.json` at or
 * above the working directory `cwd` up to the repository root (findConfigFile), else an empty config.
 */
export async function loadConfig(file: string | undefined, cwd: string = process.cwd()): Promise<SchemaSyncConfig> {
  const name = findConfigFile(file, cwd);
  if (name === undefined) return {};
  let text: string;
  try {
    text = await readFile(resolve(cwd, name), 'utf8');
  } catch (e) {
    throw new UserError(`cannot read config file ${name}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UserError(`${name}: not valid JSON: ${(e as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new UserError(`${name}: expected a JSON object`);
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json)) {
    if (key === '$schema' || key === '//') continue;
    const parse = (SECTIONS as Record<string, (v: unknown, where: string) => unknown>)[key];
    if (!parse) throw new UserError(`${name}: unknown section "${key}" (known: ${Object.keys(SECTIONS).join(', ')})`);
    config[key] = parse(value, `${name}: ${key}`);
  }
  return config as SchemaSyncConfig;
}

/**
 * Whether a command treats the migrations as a complete declaration: `--declaration` or
 * `--no-declaration` when given, else the config file's `declaration`, else undefined (no: a
 * history; undefined so that `apply --plan` can tell "not said" from "said no").
 */
export async function declarationMode(o: { readonly config?: string; readonly declaration?: boolean }, cwd: string): Promise<boolean | undefined> {
  return o.declaration ?? (await loadConfig(o.config, cwd)).declaration;
}

/**
 * Whether a command compares (and plan / apply change) owners: `--owners` or `--no-owners` when
 * given, else the config file's `owners`, else undefined (no: deploy roles differ between
 * environments; undefined so that `apply --plan` can tell "not said" from "said no").
 */
export async function ownersMode(o: { readonly config?: string; readonly owners?: boolean }, cwd: string): Promise<boolean | undefined> {
  return o.owners ?? (await loadConfig(o.config, cwd)).owners;
}

/** The exclusion rules a command uses: the config file's, then the `--exclude` flags'. */
export async function exclusionRules(o: { readonly config?: string; readonly exclude?: readonly string[] }, cwd: string): Promise<ExcludeRule[]> {
  const config = await loadConfig(o.config, cwd);
  return [...(config.exclude ?? []), ...(o.exclude ?? []).map((r) => parseExcludeRule(r))];
}
