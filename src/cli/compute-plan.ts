import type { Database } from '../db/index.js';
import type { MigrationHistory } from '../load/index.js';
import type { ReplayResult } from '../replay/index.js';
import type { CliIo } from './cli-io.js';
import { replayInput, type MigrationInputOptions } from './replay-input.js';
import { diff } from '../diff/diff.js';
import type { DiffOptions } from '../diff/diff-context.js';
import { inPlaceObjects } from '../diff/in-place.js';
import { introspect } from '../introspect/index.js';
import type { ExcludeRule } from '../model/exclude.js';
import { schemasWithPastNames, scopeState } from '../model/scope.js';
import type { SchemaState } from '../model/schema-state.js';
import { plan as planChanges } from '../plan/index.js';
import type { Plan, PlanOptions } from '../plan/types.js';
import { summarizePlan, type PlanSummary } from '../report/plan-summary.js';

/** Everything a plan rendering needs. */
export interface ComputedPlan {
  readonly target: SchemaState;
  readonly live: SchemaState;
  readonly plan: Plan;
  readonly summary: PlanSummary;
  readonly inPlace: readonly string[];
}

/** A replay and the history it replayed. */
export type Replayed = ReplayResult & { readonly history: MigrationHistory };

/** Which part of the catalog a command reads. */
export interface CatalogScopeOptions {
  readonly schemas?: readonly string[];
  readonly includeAlembicVersion?: boolean;
  /** Objects left out of both sides (the config file's and --exclude's rules). */
  readonly exclude?: readonly ExcludeRule[];
  /** Read owners too (`--owners`). */
  readonly owners?: boolean;
}

/** Starts reading the live catalog; the promise never rejects unobserved. */
function startIntrospection(db: Database, opts: CatalogScopeOptions): Promise<SchemaState> {
  const live = introspect(db, {
    ...(opts.schemas?.length ? { schemas: [...opts.schemas] } : {}),
    includeAlembicVersion: !!opts.includeAlembicVersion,
    ...(opts.owners ? { owners: true } : {}),
  });
  live.catch(() => undefined);
  return live;
}

/**
 * Replays the migrations while the live catalog is read (replayInput yields between revisions,
 * so server and client work overlap), for commands that never write. Returns undefined when the
 * replay reported errors (already printed); the catalog read is always finished before returning.
 */
export async function replayAndIntrospect(
  db: Database,
  input: MigrationInputOptions,
  scope: CatalogScopeOptions,
  io: CliIo,
): Promise<{ readonly target: SchemaState; readonly live: SchemaState; readonly replayed: Replayed } | undefined> {
  const pending = startIntrospection(db, scope);
  const settle = (): Promise<unknown> => pending.catch(() => undefined);
  let result: Replayed;
  try {
    result = await replayInput(input, io);
  } catch (e) {
    await settle();
    throw e;
  }
  if (result.diagnostics.some((d) => d.severity === 'error')) {
    await settle();
    return undefined;
  }
  // The same scope on both sides: --schema and the exclusions leave out what they name from the
  // target as from the live database (the catalog read also returns `public` whatever the scope).
  // A schema the history renamed is read under its earlier names too (read again when it was).
  const schemas = schemasWithPastNames(result.state, scope.schemas ?? []);
  const wider = schemas ? { ...scope, schemas } : scope;
  const live = schemas ? await settle().then(() => startIntrospection(db, wider)) : await pending;
  return { target: scopeState(result.state, wider), live: scopeState(live, wider), replayed: result };
}

/** Diffs and plans a replayed target against the live state: the core of `plan`. */
export function computePlan(target: SchemaState, live: SchemaState, opts: PlanOptions, diffOpts: DiffOptions = {}): ComputedPlan {
  const result = planChanges(diff(target, live, diffOpts), live, opts);
  const inPlace = inPlaceObjects(target, [...result.changes, ...result.skipped]);
  return { target, live, plan: result, summary: summarizePlan(result, inPlace.length), inPlace };
}
