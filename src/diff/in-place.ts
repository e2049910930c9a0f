import { qualify, quoteIdent } from '../model/names.js';
import type { SchemaState } from '../model/schema-state.js';
import type { Change } from './change.js';
import { describeChange } from './describe-change.js';

/**
 * Display names of the target's objects that no change touches: what `plan` shows as
 * "✓ already in place" (tables stand for their columns and constraints).
 */
export function inPlaceObjects(target: SchemaState, changes: readonly Change[]): string[] {
  const touched = new Set<string>();
  for (const c of changes) {
    const d = describeChange(c);
    touched.add(d.name);
    touched.add(d.group);
  }
  const names: string[] = [];
  const add = (kind: string, name: string): void => {
    if (!touched.has(name)) names.push(`${kind} ${name}`);
  };
  for (const s of target.schemas.values()) if (s.name !== 'public') add('schema', quoteIdent(s.name));
  for (const e of target.extensions.values()) add('extension', quoteIdent(e.name));
  for (const e of target.enums.values()) add('enum', qualify(e));
  for (const q of target.sequences.values()) add('sequence', qualify(q));
  for (const t of target.tables.values()) add('table', qualify(t));
  for (const i of target.indexes.values()) add('index', qualify(i));
  for (const v of target.views.values()) add(v.materialized ? 'materialized view' : 'view', qualify(v));
  for (const f of target.functions.values()) add('function', `${qualify(f)}(${f.identityArgs})`);
  for (const g of target.triggers.values()) add('trigger', `${qualify({ schema: g.schema, name: g.table })}.${quoteIdent(g.name)}`);
  return names.sort();
}
