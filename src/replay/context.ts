import type { Origin } from '../model/origin.js';
import type { NameRef, StatementPos, Tolerance, TypeRef } from '../parse/ddl.js';
import { qualify } from '../model/names.js';
import { relationKey } from '../model/schema-state.js';
import type { TableDef } from '../model/objects.js';
import type { Diagnostic } from './diagnostics.js';
import type { Draft } from './draft.js';


/** The schema unqualified names resolve to (PostgreSQL's default search_path: "$user", public). */
export const DEFAULT_SCHEMA = 'public';

/** A type as written in the model's type text: user types qualified with their schema (the default one when unqualified). */
export function typeText(t: TypeRef): string {
  switch (t.kind) {
    case 'builtin':
      return t.text;
    case 'serial':
      return t.base;
    case 'user': {
      const schema = t.ref.schema ?? DEFAULT_SCHEMA;
      return qualify({ schema, name: t.ref.name }) + t.typmods + (t.arrayDims ? '[]' : '');
    }
  }
}

/** What a statement handler works with: the draft state, where the statement is, and a diagnostics sink. */
export class ReplayContext {
  readonly origin: Origin;
  constructor(
    readonly draft: Draft,
    readonly pos: StatementPos,
    private readonly sink: Diagnostic[],
    /** The statement's SQL; diagnostics quote its first words. */
    private readonly sql: string,
    /** Errors PostgreSQL would not raise here: a DO block's guard or handler skips them (see do-block.ts). */
    private readonly tolerate?: Tolerance,
  ) {
    this.origin = { revision: pos.revision, file: pos.file, line: pos.line };
  }

  /** PostgreSQL would reject the statement at this point of the history. */
  error(message: string): void {
    if (this.tolerated(message)) return;
    this.sink.push({ severity: 'error', message, pos: this.pos, statement: this.statement() });
  }

  /**
   * Whether a DO block's guard makes PostgreSQL skip the statement where replay finds this error:
   * IF NOT EXISTS / WHEN duplicate_object skips a creation of what exists, IF EXISTS / WHEN
   * undefined_table an alteration of what is missing, WHEN others anything.
   */
  private tolerated(message: string): boolean {
    switch (this.tolerate) {
      case undefined: return false;
      case 'any': return true;
      case 'exists': return /already exists/.test(message);
      case 'missing': return /does not exist/.test(message);
      default: {
        const unhandled: never = this.tolerate;
        throw new Error(`unhandled tolerance: ${String(unhandled)}`);
      }
    }
  }

  /** Valid, but part of it is not modelled. */
  warn(message: string): void {
    this.sink.push({ severity: 'warning', message, pos: this.pos, statement: this.statement() });
  }

  /** The first three words of the statement, computed only when a diagnostic needs them. */
  statement(): string {
    return this.sql.split(/\s+/, 3).join(' ');
  }

  schemaOf(ref: NameRef): string {
    return ref.schema ?? DEFAULT_SCHEMA;
  }

  key(ref: NameRef): string {
    return relationKey(this.schemaOf(ref), ref.name);
  }

  /** The table a statement names, or an error diagnostic (unless `ifExists`). */
  table(ref: NameRef, ifExists = false): TableDef | undefined {
    const t = this.draft.tables.get(this.key(ref));
    if (!t && !ifExists) this.error(`table ${qualify({ schema: this.schemaOf(ref), name: ref.name })} does not exist`);
    return t;
  }

  /**
   * The relation a trigger (a table or a view) or an index (a table or a materialized view) hangs
   * on, with the table when it is one; or an error diagnostic (unless `ifExists`) as PostgreSQL gives.
   */
  relationFor(ref: NameRef, what: 'trigger' | 'index', ifExists = false): { schema: string; name: string; table?: TableDef } | undefined {
    const key = this.key(ref);
    const table = this.draft.tables.get(key);
    if (table) return { schema: table.schema, name: table.name, table };
    const view = this.draft.views.get(key);
    if (view && view.materialized === (what === 'index')) return { schema: view.schema, name: view.name };
    if (view) this.error(`"${view.name}" is not a table${what === 'index' ? ' or materialized view' : ' or view'}`);
    else if (!ifExists) this.error(`table ${qualify({ schema: this.schemaOf(ref), name: ref.name })} does not exist`);
    return undefined;
  }

  /** Replaces a table (same key). */
  putTable(t: TableDef): void {
    this.draft.tables.set(relationKey(t.schema, t.name), t);
  }

  /** Resolves a type as written to the model's type text (user types get their schema). */
  typeText(t: TypeRef): string {
    return typeText(t);
  }
}
