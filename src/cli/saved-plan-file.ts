import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { UserError } from '../errors.js';
import type { ExcludeRule } from '../model/exclude.js';
import type { PlanShape, SavedPlanCheck } from '../plan/saved-plan.js';

/** The command-line options a saved plan fixes (the names commander gives them). */
export interface ShapeCliOptions {
  migrations: string;
  to?: string;
  schema: string[];
  allowDestructive?: boolean;
  concurrentIndexes?: boolean;
  /** Resolved (flag or config file) before the shape is taken. */
  declaration?: boolean;
  /** Resolved (flag or config file) before the shape is taken. */
  owners?: boolean;
  includeAlembicVersion?: boolean;
  stamp?: boolean;
  seed?: boolean;
}

/** A path as the working directory `cwd` sees it (`plan.json` must read the same on every checkout). */
export function cwdRelative(file: string, cwd: string): string {
  return path.isAbsolute(file) ? path.relative(cwd, file) || '.' : file;
}

/** The options that shaped a plan, for `plan --format json`. */
export function planShape(o: ShapeCliOptions, exclude: readonly ExcludeRule[], cwd: string): PlanShape {
  return {
    migrations: cwdRelative(path.resolve(cwd, o.migrations), cwd),
    to: o.to ?? null,
    allowDestructive: !!o.allowDestructive,
    concurrentIndexes: !!o.concurrentIndexes,
    declaration: !!o.declaration,
    owners: !!o.owners,
    schemas: [...o.schema],
    exclude: [...exclude],
    includeAlembicVersion: !!o.includeAlembicVersion,
    stamp: o.stamp !== false,
    seed: o.seed !== false,
  };
}

/** A plan saved with `plan --format json`, as apply --plan uses it. */
export interface SavedPlanFile {
  readonly check: SavedPlanCheck;
  readonly options: PlanShape;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a saved plan. The full shape is schema/plan.schema.json; this checks what apply relies
 * on and refuses anything else (an older format, a hand-edited or truncated file) by name.
 */
export async function readSavedPlan(file: string, cwd: string): Promise<SavedPlanFile> {
  const expected = 'expected the output of `schema-sync plan --format json`';
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(await readFile(path.resolve(cwd, file), 'utf8'));
  } catch (e) {
    throw new UserError(`cannot read plan file ${file}: ${(e as Error).message} (${expected})`);
  }
  if (!isObject(json)) throw new UserError(`${file} is not a schema-sync plan (${expected})`);
  if (json.version !== 2) {
    throw new UserError(`${file} is a plan of format version ${JSON.stringify(json.version)}; this schema-sync reads version 2: run plan --format json again`);
  }
  const bad = (what: string): UserError => new UserError(`${file} is not a complete saved plan: ${what} (${expected})`);
  const fp = json.fingerprints;
  if (!isObject(fp) || typeof fp.live !== 'string' || typeof fp.target !== 'string') throw bad('no fingerprints.live / fingerprints.target');
  const o = json.options;
  if (!isObject(o) || typeof o.migrations !== 'string' || !Array.isArray(o.schemas) || !Array.isArray(o.exclude)) throw bad('no options');
  for (const k of ['allowDestructive', 'concurrentIndexes', 'includeAlembicVersion', 'stamp', 'seed']) if (typeof o[k] !== 'boolean') throw bad(`options.${k} is not true or false`);
  if (o.to !== null && typeof o.to !== 'string') throw bad('options.to is not a revision or null');
  if (o.declaration === undefined) o.declaration = false; // saved before --declaration existed
  else if (typeof o.declaration !== 'boolean') throw bad('options.declaration is not true or false');
  if (o.owners === undefined) o.owners = false; // saved before --owners reached plan
  else if (typeof o.owners !== 'boolean') throw bad('options.owners is not true or false');
  if (!Array.isArray(json.steps)) throw bad('no steps');
  const steps = json.steps.map((s, i) => {
    if (!isObject(s) || typeof s.sql !== 'string' || typeof s.transactional !== 'boolean') throw bad(`steps[${i}] has no sql or transactional`);
    return { sql: s.sql, transactional: s.transactional, ...(s.early === true ? { early: true } : {}) };
  });
  const alembic = json.alembic;
  const stamp = isObject(alembic) && Array.isArray(alembic.stamp) ? alembic.stamp.filter((x): x is string => typeof x === 'string') : [];
  const heads = isObject(alembic) && Array.isArray(alembic.heads) ? { heads: alembic.heads.filter((x): x is string => typeof x === 'string') } : {};
  return { check: { live: fp.live, target: fp.target, steps, stamp, ...heads }, options: o as unknown as PlanShape };
}

const FLAGS: readonly { key: keyof ShapeCliOptions; shape: keyof PlanShape; flag: string }[] = [
  { key: 'allowDestructive', shape: 'allowDestructive', flag: '--allow-destructive' },
  { key: 'concurrentIndexes', shape: 'concurrentIndexes', flag: '--concurrent-indexes' },
  { key: 'declaration', shape: 'declaration', flag: '--declaration' },
  { key: 'owners', shape: 'owners', flag: '--owners' },
  { key: 'includeAlembicVersion', shape: 'includeAlembicVersion', flag: '--include-alembic-version' },
  { key: 'stamp', shape: 'stamp', flag: '--no-stamp' },
  { key: 'seed', shape: 'seed', flag: '--no-seed' },
];

function sameRules(a: readonly ExcludeRule[], b: readonly ExcludeRule[]): boolean {
  const text = (r: readonly ExcludeRule[]): string => JSON.stringify(r.map((x) => [x.kind ?? null, x.schema ?? null, x.name ?? null]));
  return text(a) === text(b);
}

/**
 * The options apply runs a saved plan with: the plan's own. An option given on the command line
 * that says otherwise is refused (exit 1, nothing written), as are exclusion rules (config file
 * and --exclude) other than the plan's: a reviewer approved the plan those options made.
 */
export function savedPlanOptions<O extends ShapeCliOptions>(saved: PlanShape, o: O, cmd: Command, exclude: readonly ExcludeRule[], file: string, cwd: string): O {
  // `declaration` and `owners` arrive resolved (flag or config file): a config that says otherwise contradicts too.
  const given = (key: string): boolean => {
    const source = cmd.getOptionValueSource(key);
    return (source !== undefined && source !== 'default') || ((key === 'declaration' || key === 'owners') && o[key] !== undefined);
  };
  const contradictions: string[] = [];
  for (const f of FLAGS) {
    const now = f.key === 'stamp' || f.key === 'seed' ? o[f.key] !== false : !!o[f.key];
    if (given(f.key) && now !== saved[f.shape]) contradictions.push(`${f.flag} (the plan was made ${saved[f.shape] === (f.flag.startsWith('--no-') ? false : true) ? 'with' : 'without'} it)`);
  }
  if (given('migrations') && path.resolve(cwd, o.migrations) !== path.resolve(cwd, saved.migrations)) contradictions.push(`--migrations ${o.migrations} (the plan was made from ${saved.migrations})`);
  if (given('to') && (o.to ?? null) !== saved.to) contradictions.push(`--to ${o.to} (the plan was made ${saved.to === null ? 'to the heads' : `to ${saved.to}`})`);
  if (given('schema') && JSON.stringify([...o.schema].sort()) !== JSON.stringify([...saved.schemas].sort())) {
    contradictions.push(`--schema ${o.schema.join(', ')} (the plan was made for ${saved.schemas.length ? saved.schemas.join(', ') : 'every schema'})`);
  }
  if (!sameRules(exclude, saved.exclude)) contradictions.push('the exclusion rules in force (config file and --exclude) are not the ones the plan was made with');
  if (contradictions.length) {
    throw new UserError(`the command line contradicts the saved plan ${file}: ${contradictions.join('; ')}; nothing was applied: drop the option, or run plan again with it`);
  }
  return {
    ...o,
    migrations: saved.migrations, schema: [...saved.schemas],
    allowDestructive: saved.allowDestructive, concurrentIndexes: saved.concurrentIndexes, declaration: saved.declaration, owners: saved.owners, includeAlembicVersion: saved.includeAlembicVersion,
    stamp: saved.stamp, seed: saved.seed,
    ...(saved.to !== null ? { to: saved.to } : { to: undefined }),
  };
}
