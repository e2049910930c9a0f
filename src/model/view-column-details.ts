import type { ViewColumnDetail, ViewColumnGrants, ViewDef } from './objects.js';
import { type Grant, sortGrants } from './privileges.js';

const byName = (a: { readonly name: string }, b: { readonly name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** A detail with nothing left on it is no detail: the model keeps only columns with a default or a comment. */
const isEmpty = (d: ViewColumnDetail): boolean => d.default === undefined && d.comment === undefined;

/** Column details in the model's order (by name): replay and the catalog list them in different orders. */
export function sortedColumnDetails(details: readonly ViewColumnDetail[]): ViewColumnDetail[] {
  return details.filter((d) => !isEmpty(d)).sort(byName);
}

/** The view with `details` as its column details (sorted by name; the field left out when none). */
export function withColumnDetails(view: ViewDef, details: readonly ViewColumnDetail[]): ViewDef {
  const { columnDetails: _d, ...rest } = view;
  const kept = sortedColumnDetails(details);
  return kept.length ? { ...rest, columnDetails: kept } : rest;
}

/** The detail of one output column (a bare name when it has none). */
export function columnDetail(view: ViewDef, column: string): ViewColumnDetail {
  return view.columnDetails?.find((d) => d.name === column) ?? { name: column };
}

/** The view with one output column's detail replaced by what `fn` makes of it. */
export function updateColumnDetail(view: ViewDef, column: string, fn: (d: ViewColumnDetail) => ViewColumnDetail): ViewDef {
  const others = (view.columnDetails ?? []).filter((d) => d.name !== column);
  return withColumnDetails(view, [...others, fn(columnDetail(view, column))]);
}

/** The detail without its default (DROP DEFAULT). */
export function withoutDefault(d: ViewColumnDetail): ViewColumnDetail {
  const { default: _d, defaultSql: _s, ...rest } = d;
  return rest;
}

/** Per-column entries (details, grants) after output columns were renamed (`renames`: old name to new): attributes keep theirs through a rename. */
export function renamedColumnDetails<D extends { readonly name: string }>(details: readonly D[] | undefined, renames: ReadonlyMap<string, string>): readonly D[] {
  return (details ?? []).map((d) => (renames.has(d.name) ? { ...d, name: renames.get(d.name)! } : d));
}

/** Column grants in the model's form: sorted by name, each sorted, columns without grants left out. */
export function sortedColumnGrants(columns: readonly { readonly name: string; readonly grants?: readonly Grant[] | undefined }[]): ViewColumnGrants[] {
  return columns.filter((c) => c.grants?.length).map((c) => ({ name: c.name, grants: sortGrants(c.grants!) })).sort(byName);
}

/** The view with `columns` as its column grants (the field left out when no column has any). */
export function withColumnGrants(view: ViewDef, columns: readonly { readonly name: string; readonly grants?: readonly Grant[] | undefined }[]): ViewDef {
  const { columnGrants: _g, ...rest } = view;
  const kept = sortedColumnGrants(columns);
  return kept.length ? { ...rest, columnGrants: kept } : rest;
}

/** The grants on one output column of a view (none when it has no entry). */
export function viewColumnGrants(view: Pick<ViewDef, 'columnGrants'>, column: string): readonly Grant[] {
  return view.columnGrants?.find((c) => c.name === column)?.grants ?? [];
}
