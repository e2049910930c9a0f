import type { IndexKey, TableDef } from '../model/objects.js';
import { DEFAULT_OPCLASSES } from './default-opclasses.js';
import type { Draft } from './draft.js';

/** The opclass lookup type for a column type text (`character varying(20)` -> `text`, arrays -> anyarray). */
function opclassInputType(type: string, draft: Draft): string {
  if (type.endsWith('[]')) return 'anyarray';
  if (draft.enums.has(type)) return 'anyenum';
  const base = type.replace(/\(.*?\)/, '');
  if (base === 'character varying') return 'text';
  if (/^timestamp.* with time zone$/.test(base)) return 'timestamp with time zone';
  if (/^timestamp/.test(base)) return 'timestamp without time zone';
  if (/^time.* with time zone$/.test(base)) return 'time with time zone';
  if (/^time/.test(base)) return 'time without time zone';
  return base;
}

/**
 * Drops opclasses that are the default for the key column's type under the index method, as
 * pg_get_indexdef does, so `(data jsonb_ops)` and `(data)` are the same index.
 */
export function withoutDefaultOpclasses(keys: readonly IndexKey[], method: string, table: TableDef, draft: Draft): IndexKey[] {
  return keys.map((k) => {
    if (!k.opclass || k.column === undefined) return k;
    const col = table.columns.find((c) => c.name === k.column);
    if (!col) return k;
    const def = DEFAULT_OPCLASSES[method]?.[opclassInputType(col.type, draft)];
    if (def !== k.opclass) return k;
    const { opclass: _o, ...rest } = k;
    return rest;
  });
}
