import { createTwoFilesPatch } from 'diff';
import type { SchemaState } from '../model/schema-state.js';
import { renderStateSql } from './state-sql.js';

/** `plan --diff`: a unified diff of the canonical DDL, live (---) vs target (+++). */
export function renderSchemaDiff(live: SchemaState, target: SchemaState, labels: { live: string; target: string }): string {
  const a = renderStateSql(live, { settings: false });
  const b = renderStateSql(target, { settings: false });
  if (a === b) return '';
  return createTwoFilesPatch(labels.live, labels.target, a, b, undefined, undefined, { context: 3 });
}
