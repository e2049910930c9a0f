import { diffPrivileges } from '../kinds/privilege/privilege-steps.js';
import { PUBLIC, type Grant } from '../model/privileges.js';
import { emptyState, type SchemaState } from '../model/schema-state.js';

/** Every grantee a state's grants and default privileges name (PUBLIC included), and its owners. */
function granteesOf(state: SchemaState): Set<string> {
  const out = new Set<string>([PUBLIC, ...(state.privilegeRoles ?? [])]);
  const add = (gs: readonly Grant[] | undefined): void => gs?.forEach((g) => out.add(g.grantee));
  for (const m of [state.schemas, state.enums, state.domains, state.compositeTypes, state.rangeTypes, state.sequences, state.views, state.functions, state.aggregates] as ReadonlyMap<string, { grants?: readonly Grant[] }>[]) {
    for (const o of m.values()) add(o.grants);
  }
  for (const r of state.rangeTypes.values()) add(r.multirangeGrants);
  for (const v of state.views.values()) add(v.rowTypeGrants);
  for (const t of state.tables.values()) {
    add(t.grants);
    add(t.rowTypeGrants);
    for (const c of t.columns) add(c.grants);
  }
  for (const v of state.views.values()) for (const c of v.columnGrants ?? []) add(c.grants);
  for (const d of state.defaultPrivileges?.values() ?? []) add(d.grants);
  return out;
}

/**
 * The owners and privileges of a state as statements run after its objects exist: per object,
 * `ALTER ... OWNER TO` when the state names an owner, then what turns PostgreSQL's default ACL
 * into the object's (REVOKE of a default it lacks, such as PUBLIC EXECUTE on a function, then its
 * GRANTs), then ALTER DEFAULT PRIVILEGES entries. The same statements the planner gives a new
 * object, for every grantee: `state` and `inspect` print them so the two stay diffable.
 */
export function ownerAndPrivilegeStatements(state: SchemaState): string[] {
  return diffPrivileges(state, emptyState(), { roles: granteesOf(state), owners: true }).flatMap((s) => s.sql);
}
