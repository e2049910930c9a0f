import type { Ddl, GrantOn, PrivilegeSpec, RoleRef, SetOwnerDdl } from '../ddl.js';
import { type AstNode, str, strList } from '../libpg.js';
import { rangeVarName } from './constraint.js';
import { objectName } from './objects.js';
import { notManagedOn } from './not-managed.js';

/** A RoleSpec node as a RoleRef (CURRENT_USER, CURRENT_ROLE and SESSION_USER are the migration's role). */
function roleRef(node: AstNode): RoleRef {
  const r = node.RoleSpec ?? node;
  switch (r.roletype) {
    case 'ROLESPEC_PUBLIC': return { kind: 'public' };
    case 'ROLESPEC_CSTRING': return { kind: 'role', name: r.rolename };
    default: return { kind: 'current' };
  }
}

function privilegeSpecs(privs: AstNode[] | undefined): PrivilegeSpec[] {
  // No list is ALL [PRIVILEGES]; ALL (a, b) comes as one entry without a name.
  if (!privs) return [{ name: 'all' }];
  return privs.map((p: AstNode) => {
    const a = p.AccessPriv;
    return { name: a.priv_name ?? 'all', ...(a.cols ? { columns: strList(a.cols) } : {}) };
  });
}

const IN_SCHEMA: Record<string, 'tables' | 'sequences' | 'functions' | 'procedures' | 'routines'> = {
  OBJECT_TABLE: 'tables', OBJECT_SEQUENCE: 'sequences', OBJECT_FUNCTION: 'functions', OBJECT_PROCEDURE: 'procedures', OBJECT_ROUTINE: 'routines',
};

/** What a GRANT names, or why it is not modelled (databases, languages, ... are cluster or database level). */
function grantOn(s: AstNode): GrantOn | string {
  const objtype = String(s.objtype);
  const what = objtype.replace(/^OBJECT_/, '');
  if (s.targtype === 'ACL_TARGET_ALL_IN_SCHEMA') {
    const objects = IN_SCHEMA[objtype];
    return objects ? { kind: 'allInSchema', objects, schemas: (s.objects ?? []).map(str) } : what;
  }
  switch (objtype) {
    case 'OBJECT_TABLE':
    case 'OBJECT_SEQUENCE':
      return { kind: objtype === 'OBJECT_TABLE' ? 'table' : 'sequence', objects: (s.objects ?? []).map((o: AstNode) => rangeVarName(o.RangeVar)) };
    case 'OBJECT_FUNCTION':
    case 'OBJECT_PROCEDURE':
    case 'OBJECT_ROUTINE':
      return {
        kind: objtype === 'OBJECT_FUNCTION' ? 'function' : objtype === 'OBJECT_PROCEDURE' ? 'procedure' : 'routine',
        objects: (s.objects ?? []).map((o: AstNode) => {
          const n = objectName('OBJECT_FUNCTION', o);
          return { object: n.object, ...(n.args !== undefined ? { args: n.args } : {}) };
        }),
      };
    case 'OBJECT_SCHEMA':
      return { kind: 'schema', names: (s.objects ?? []).map(str) };
    case 'OBJECT_TYPE':
    case 'OBJECT_DOMAIN':
      return { kind: 'type', objects: (s.objects ?? []).map((o: AstNode) => objectName(objtype, o).object), ...(objtype === 'OBJECT_DOMAIN' ? { domain: true as const } : {}) };
    default:
      return what;
  }
}

/** Lowers GRANT / REVOKE of privileges on objects. */
export function lowerGrant(s: AstNode): Ddl {
  const on = grantOn(s);
  if (typeof on === 'string') {
    return {
      kind: 'unsupported', what: `${s.is_grant ? 'GRANT' : 'REVOKE'} ON ${on.replace(/_/g, ' ')}`,
      why: 'not managed by schema-sync: privileges on databases, languages, large objects, servers, tablespaces and parameters are not schema objects; apply does not run it and check does not compare it',
    };
  }
  const revoke = !s.is_grant;
  return {
    kind: 'grant', revoke, on,
    grantOptionOnly: revoke && !!s.grant_option,
    withGrantOption: !revoke && !!s.grant_option,
    privileges: privilegeSpecs(s.privileges),
    grantees: (s.grantees ?? []).map(roleRef),
  };
}

const DEFAULT_OBJECTS: Record<string, 'tables' | 'sequences' | 'functions' | 'types' | 'schemas'> = {
  OBJECT_TABLE: 'tables', OBJECT_SEQUENCE: 'sequences', OBJECT_FUNCTION: 'functions', OBJECT_ROUTINE: 'functions',
  OBJECT_PROCEDURE: 'functions', OBJECT_TYPE: 'types', OBJECT_SCHEMA: 'schemas',
};

/** Lowers ALTER DEFAULT PRIVILEGES (ON ROUTINES and ON FUNCTIONS are the same entry in PostgreSQL). */
export function lowerDefaultPrivileges(s: AstNode): Ddl {
  const a = s.action.GrantStmt ?? s.action;
  const objects = DEFAULT_OBJECTS[String(a.objtype)];
  if (!objects) return { kind: 'unsupported', what: `ALTER DEFAULT PRIVILEGES ON ${String(a.objtype).replace(/^OBJECT_/, '')}` };
  let roles: RoleRef[] = [];
  let schemas: string[] = [];
  for (const o of s.options ?? []) {
    const d = o.DefElem;
    const items = d.arg?.List?.items ?? [];
    if (d.defname === 'roles') roles = items.map(roleRef);
    else if (d.defname === 'schemas') schemas = items.map(str);
  }
  const revoke = !a.is_grant;
  return {
    kind: 'defaultPrivileges', roles, schemas, objects, revoke,
    grantOptionOnly: revoke && !!a.grant_option,
    withGrantOption: !revoke && !!a.grant_option,
    privileges: privilegeSpecs(a.privileges),
    grantees: (a.grantees ?? []).map(roleRef),
  };
}

const OWNER_TARGETS: Record<string, SetOwnerDdl['target']> = {
  OBJECT_SCHEMA: 'schema', OBJECT_TABLE: 'table', OBJECT_SEQUENCE: 'sequence', OBJECT_VIEW: 'view',
  OBJECT_MATVIEW: 'materialized view', OBJECT_FUNCTION: 'function', OBJECT_PROCEDURE: 'procedure',
  OBJECT_ROUTINE: 'routine', OBJECT_AGGREGATE: 'aggregate', OBJECT_TYPE: 'type', OBJECT_DOMAIN: 'domain', OBJECT_COLLATION: 'collation',
  OBJECT_OPERATOR: 'operator',
};

/** Lowers ALTER FUNCTION / TYPE / SCHEMA ... OWNER TO (AlterOwnerStmt). */
export function lowerAlterOwner(s: AstNode): Ddl {
  const target = OWNER_TARGETS[String(s.objectType)];
  if (!target) return notManagedOn(`ALTER ${String(s.objectType).replace(/^OBJECT_/, '').replace(/_/g, ' ')} OWNER TO`, String(s.objectType));
  const owner = roleRef(s.newowner);
  if (target === 'schema') return { kind: 'setOwner', target, object: { name: str(s.object) }, owner };
  const kind = target === 'function' || target === 'procedure' || target === 'routine' ? 'OBJECT_FUNCTION' : String(s.objectType);
  const n = objectName(kind, s.object);
  return {
    kind: 'setOwner', target, object: n.object, ...(n.args !== undefined ? { args: n.args } : {}),
    ...(n.operands ? { operands: n.operands } : {}), owner,
  };
}

/**
 * ALTER TABLE / SEQUENCE / VIEW / MATERIALIZED VIEW ... OWNER TO, when that is all the statement
 * does (PostgreSQL parses these as ALTER TABLE); undefined otherwise.
 */
export function lowerRelationOwner(s: AstNode): Ddl | undefined {
  const cmds: AstNode[] = s.cmds ?? [];
  if (cmds.length !== 1 || cmds[0].AlterTableCmd?.subtype !== 'AT_ChangeOwner') return undefined;
  const target = OWNER_TARGETS[String(s.objtype)];
  if (!target) return undefined;
  return { kind: 'setOwner', target, object: rangeVarName(s.relation), owner: roleRef(cmds[0].AlterTableCmd.newowner) };
}
