import type { DataStatement, RelationUse, SeedInsert } from '../model/data-statement.js';
import type { HistoryEvent } from '../model/history.js';
import { qualify, quoteIdent, type QualifiedName } from '../model/names.js';
import { relationKey } from '../model/schema-state.js';
import type { DomainDef } from '../model/objects.js';
import type { DataDdl, NameRef } from '../parse/ddl.js';
import type { ReplayContext } from './context.js';
import { ALEMBIC_VERSION_TABLE } from './alembic-version.js';

/**
 * Built-in functions whose call changes state beyond the statement's result (a sequence, a
 * setting, an advisory lock, a notification, a large object, a remote database). A top-level
 * SELECT calling one, or a function the history itself defines, is a data statement.
 */
const BUILTIN_EFFECTS = new Set([
  'setval', 'nextval', 'set_config', 'pg_notify', 'pg_advisory_lock', 'pg_advisory_xact_lock', 'lo_import', 'lo_unlink',
  'lo_create', 'lo_from_bytea', 'dblink_exec', 'pg_terminate_backend', 'pg_cancel_backend', 'pg_reload_conf',
]);

interface Pending extends Omit<DataStatement, 'target' | 'reads'> {
  readonly targets: readonly QualifiedName[];
  readonly readNames: readonly QualifiedName[];
  /** How many history events had happened when it ran: later ones rename or drop what it names. */
  readonly eventIndex: number;
  /** For a seed: the domains its columns are of (or arrays of), as they were when it ran. */
  readonly domainsThen: readonly DomainDef[];
}

/** The domains (by qualified name) the seed's columns are of, directly or as arrays. */
function seedDomains(domains: Iterable<DomainDef>, seed: SeedInsert): DomainDef[] {
  const types = new Set(seed.columns.map((c) => seed.tableThen.columns.find((x) => x.name === c)?.type.replace(/(\[\])+$/, '')));
  return [...domains].filter((d) => types.has(qualify(d)));
}

/** What a domain checks a new value against: base type, NOT NULL and CHECKs (validated or not). */
function domainRules(d: DomainDef): string {
  return JSON.stringify([d.baseType, d.notNull, d.checks.map((c) => [c.name, c.expression])]);
}

/** The seed, marked when a domain of its columns checks new values differently once the history ends. */
function checkedSeed(seed: SeedInsert, domainsThen: readonly DomainDef[], final: ReadonlyMap<string, DomainDef>): SeedInsert {
  for (const then of domainsThen) {
    const now = [...final.values()].find((d) => d.schema === then.schema && d.name === then.name);
    if (now && domainRules(now) !== domainRules(then)) {
      return { ...seed, changedLater: `domain ${qualify(then)} changes its NOT NULL or CHECKs later in the history, so PostgreSQL may refuse the row` };
    }
  }
  return seed;
}

const RELATIONS = new Set(['table', 'view', 'materialized view']);

/** A relation's name after the history events from `from` on: renamed along, until dropped. */
function resolve(name: QualifiedName, events: readonly HistoryEvent[], from: number): RelationUse {
  let final = name;
  for (let i = from; i < events.length; i++) {
    const e = events[i]!;
    if (!RELATIONS.has(e.object)) continue;
    if (e.event === 'rename' && e.from.schema === final.schema && e.from.name === final.name && e.from.parent === undefined) {
      final = { schema: e.to.schema, name: e.to.name };
    } else if (e.event === 'drop' && e.ref.schema === final.schema && e.ref.name === final.name && e.ref.parent === undefined) {
      return { name, final, dropped: true };
    }
  }
  return { name, final, dropped: false };
}

/** The triggers and rules of a table that fire on a statement of `verb` there now, by name. */
function firing(ctx: ReplayContext, table: QualifiedName, verb: string): string[] {
  const event = verb.toLowerCase();
  const ref = relationKey(table.schema, table.name);
  const triggers = ctx.draft.triggers.referencing(ref).map((k) => ctx.draft.triggers.get(k)!)
    .filter((t) => t.events.includes(event) && t.enabled !== 'disabled' && t.enabled !== 'replica');
  const rules = ctx.draft.rules.referencing(ref).map((k) => ctx.draft.rules.get(k)!).filter((r) => r.event === event && r.enabled !== 'disabled' && r.enabled !== 'replica');
  return [...triggers.map((t) => `trigger ${quoteIdent(t.name)}`), ...rules.map((r) => `rule ${quoteIdent(r.name)}`)];
}

/** Collects the history's data statements during a replay, with the names they use resolved at the end. */
export class DataRecorder {
  private readonly pending: Pending[] = [];

  /** Records a data statement; returns false for Alembic's own bookkeeping and effect-free SELECTs. */
  add(ctx: ReplayContext, ddl: DataDdl, sql: string): boolean {
    const qualify = (r: NameRef): QualifiedName => ({ schema: ctx.schemaOf(r), name: r.name });
    if ([...ddl.targets, ...ddl.reads].some((r) => r.name === ALEMBIC_VERSION_TABLE)) return false;
    const calls = ddl.calls.filter((c) => {
      const bare = c.split('.').pop()!;
      return BUILTIN_EFFECTS.has(bare) || [...ctx.draft.functions.values()].some((f) => f.name === bare);
    });
    if (ddl.verb === 'SELECT' && !calls.length) return false;
    const targets = ddl.targets.map(qualify);
    let seed: SeedInsert | undefined;
    const table = ddl.insert && targets.length === 1 ? ctx.draft.tables.get(ctx.key(ddl.targets[0]!)) : undefined;
    if (ddl.insert && table) {
      const columns = ddl.insert.columns.length ? ddl.insert.columns : table.columns.map((c) => c.name);
      if (ddl.insert.rows.every((r) => r.length === columns.length)) seed = { columns, rows: ddl.insert.rows, tableThen: table };
    }
    const edited = ddl.edit && targets.length === 1 ? ctx.draft.tables.get(ctx.key(ddl.targets[0]!)) : undefined;
    const fired = (seed || edited) ? firing(ctx, targets[0]!, ddl.verb) : [];
    this.pending.push({
      verb: ddl.verb, origin: ctx.origin, sql, calls, targets, readNames: ddl.reads.map(qualify), eventIndex: ctx.draft.history.length,
      domainsThen: seed ? seedDomains(ctx.draft.domains.values(), seed) : [],
      ...(seed ? { seed } : {}),
      ...(edited ? { edit: { columns: ddl.edit!.columns, tableThen: edited } } : {}),
      ...(fired.length ? { firedThen: fired } : {}),
    });
    return true;
  }

  /**
   * The statements in history order, their names followed through the later renames and drops;
   * `domains`, the history's final ones, mark the seeds whose rows they may refuse.
   */
  finish(events: readonly HistoryEvent[], domains: ReadonlyMap<string, DomainDef>): DataStatement[] {
    return this.pending.flatMap(({ targets, readNames, eventIndex, domainsThen, seed, ...rest }) => {
      const uses = targets.map((t) => resolve(t, events, eventIndex));
      const reads = readNames.map((r) => resolve(r, events, eventIndex));
      const seeds = seed ? { seed: checkedSeed(seed, domainsThen, domains) } : {};
      // TRUNCATE a, b: one entry per table, so each is related to its own changes.
      return (uses.length ? uses : [undefined]).map((target) => ({ ...rest, ...seeds, ...(target ? { target } : {}), reads }));
    });
  }
}
