import { relationKey } from '../../model/schema-state.js';
import { viewOutputColumns, type ColumnsOf } from '../../parse/index.js';
import type { Draft } from '../draft.js';

/** The draft's table and view columns, for resolving names in view queries. */
export const columnsOf =
  (d: Draft): ColumnsOf =>
  (schema, name) => {
    const key = relationKey(schema, name);
    const t = d.tables.get(key);
    if (t) return t.columns.map((c) => c.name);
    const v = d.views.get(key);
    return v ? (v.columns ?? viewOutputColumns(v.definition)) : undefined;
  };
