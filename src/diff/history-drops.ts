import type { DropEvent, HistoryRef } from '../model/history.js';
import type { ObjectKind } from '../model/objects.js';
import { objectSpecs } from '../kinds/kind-lookup.js';
import { nameSpec, pastNames, type HistoryIndex } from './past-names.js';

/**
 * Kinds sharing a name space (views and materialized views) share one drop index; objects of the
 * database (schemas, extensions: ObjectSpec.databaseLevel) are found by name alone.
 * NUL cannot occur in a PostgreSQL name, so it separates the parts unambiguously; a parent is
 * marked with '=' so that "no parent" and any parent differ.
 */
function dropKey(kind: ObjectKind, ref: HistoryRef): string {
  const spec = objectSpecs()[kind];
  const schema = spec.databaseLevel ? '' : ref.schema;
  return `${spec.names().kinds[0] ?? kind}\0${schema}\0${ref.parent === undefined ? '' : `=${ref.parent}`}\0${ref.name}`;
}

/**
 * Every name the history dropped an object under, including the names it had before renames
 * (a live database behind the history still uses those), so a live-only object can be told
 * apart as a pending drop rather than an unmanaged object.
 */
export class HistoryDrops {
  private readonly byKey = new Map<string, DropEvent>();
  private readonly schemaDrops = new Map<string, DropEvent>();
  /** Every dropped name (a key's last part): most lookups miss, and this answers them without building a key. */
  private readonly names = new Set<string>();

  constructor(history: HistoryIndex) {
    history.events.forEach((e, i) => {
      if (e.event !== 'drop') return;
      if (e.object === 'schema') this.schemaDrops.set(e.ref.name, e);
      for (const p of pastNames(history, nameSpec(e.object), e.ref, i)) {
        this.byKey.set(dropKey(e.object, p.ref), e);
        this.names.add(p.ref.name);
      }
    });
  }

  /** The event that dropped an object under this name (the latest one), if any. */
  find(kind: ObjectKind, ref: HistoryRef): DropEvent | undefined {
    return this.names.has(ref.name) ? this.byKey.get(dropKey(kind, ref)) : undefined;
  }

  /** The event that dropped a schema (and, with CASCADE, everything in it), if any. */
  schema(name: string): DropEvent | undefined {
    return this.schemaDrops.get(name);
  }
}
