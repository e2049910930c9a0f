import { qualify } from '../model/index.js';

/** What the columns query reports about a column's type. */
export interface ColumnTypeInfo {
  /** `format_type(atttypid, atttypmod)`. */
  readonly formatted: string;
  /** Schema and name of the element type (the type itself when it is not an array). */
  readonly elementSchema: string;
  readonly elementName: string;
  readonly isArray: boolean;
  readonly typmod: number;
}

const TRAILING_TYPMOD = /(\([^()]*\))$/;

/**
 * The model's type text. Built-in types use `format_type` verbatim (`character varying(100)`,
 * `integer[]`); any other type is always schema-qualified (format_type qualifies only types not
 * visible on the search_path), with its typmod, then `[]` for arrays of any dimension, as PostgreSQL
 * itself does not track array dimensions.
 */
export function columnTypeText(t: ColumnTypeInfo): string {
  if (t.elementSchema === 'pg_catalog') return t.formatted;
  let typmod = '';
  if (t.typmod >= 0) typmod = TRAILING_TYPMOD.exec(t.formatted.replace(/(\[\])+$/, ''))?.[1] ?? '';
  return qualify({ schema: t.elementSchema, name: t.elementName }) + typmod + (t.isArray ? '[]' : '');
}

/** The catalog columns a type query selects for {@link typeTextOfRow} (as the columns query names them). */
export interface TypeRow {
  formatted: string;
  element_schema: string;
  element_name: string;
  is_array: boolean;
  typmod: number;
}

/** {@link columnTypeText} of a query row. */
export function typeTextOfRow(r: TypeRow): string {
  return columnTypeText({ formatted: r.formatted, elementSchema: r.element_schema, elementName: r.element_name, isArray: r.is_array, typmod: r.typmod });
}
