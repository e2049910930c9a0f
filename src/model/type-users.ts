import { qualify, quoteIdent, type QualifiedName } from './names.js';
import type { CompositeTypeDef, DomainDef, FunctionDef, RangeTypeDef, TableDef } from './objects.js';
import { relationKey } from './schema-state.js';

/** The maps of a state (or a replay draft) that can hold users of a type. */
export interface TypeHolders {
  readonly tables: ReadonlyMap<string, TableDef>;
  readonly domains: ReadonlyMap<string, DomainDef>;
  readonly compositeTypes: ReadonlyMap<string, CompositeTypeDef>;
  readonly rangeTypes: ReadonlyMap<string, RangeTypeDef>;
}

/** Does a type text name the type `key` (itself or an array of it)? */
export const isOfType = (type: string, key: string): boolean => type === key || type === `${key}[]`;

/** Keys of the types built on type `key` (domains and ranges over it, composites with an attribute of it, a range's multirange). */
function typesOver(s: TypeHolders, key: string): string[] {
  const out: string[] = [];
  for (const [k, d] of s.domains) if (isOfType(d.baseType, key)) out.push(k);
  for (const [k, c] of s.compositeTypes) if (c.attributes.some((a) => isOfType(a.type, key))) out.push(k);
  for (const [k, r] of s.rangeTypes) if (r.subtype === key) out.push(k);
  const own = s.rangeTypes.get(key);
  if (own) out.push(relationKey(own.multirange.schema, own.multirange.name));
  return out;
}

/**
 * The first table column (`table.column`) whose type is `key` or a type built on it, through
 * domains, composites and ranges: what makes PostgreSQL refuse ALTER TYPE .. ALTER ATTRIBUTE ..
 * TYPE (find_composite_type_dependencies: "cannot alter type .. because column .. uses it") and
 * what a DROP TYPE would take data from. Undefined when no table stores it.
 */
export function columnUsingType(s: TypeHolders, key: string): string | undefined {
  const seen = new Set<string>();
  const queue = [key];
  while (queue.length) {
    const k = queue.shift()!;
    if (seen.has(k)) continue;
    seen.add(k);
    for (const t of s.tables.values()) {
      const c = t.columns.find((x) => isOfType(x.type, k));
      if (c) return `${t.name}.${c.name}`;
    }
    queue.push(...typesOver(s, k));
  }
  return undefined;
}

/** A state's maps with its functions too: what DROP TYPE without CASCADE is refused over. */
export interface TypeUserHolders extends TypeHolders {
  readonly functions: ReadonlyMap<string, FunctionDef>;
}

/**
 * Does a function's argument list or result type name the type? A word match on its qualified
 * name, or on its bare name for a type in `public` (pg_get_functiondef leaves out schemas on the search_path).
 */
function functionUses(f: FunctionDef, type: QualifiedName): boolean {
  const names = [qualify(type), ...(type.schema === 'public' ? [quoteIdent(type.name)] : [])];
  return names.some((n) => {
    const escaped = n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`(^|[\\s(,])${escaped}($|[\\s)\\[,])`);
    return re.test(f.args) || (f.returns !== undefined && re.test(f.returns));
  });
}

/**
 * The first object that uses type `key` directly (a column, a domain, range or composite over it,
 * a function taking or returning it), described for a message; a range's multirange counts as
 * the range. Undefined when DROP TYPE would succeed without CASCADE.
 */
export function typeUsedBy(s: TypeUserHolders, type: QualifiedName): string | undefined {
  const key = relationKey(type.schema, type.name);
  const keys = [key];
  const refs = [type];
  const own = s.rangeTypes.get(key);
  if (own) {
    keys.push(relationKey(own.multirange.schema, own.multirange.name));
    refs.push(own.multirange);
  }
  for (const [i, k] of keys.entries()) {
    for (const t of s.tables.values()) {
      const c = t.columns.find((x) => isOfType(x.type, k));
      if (c) return `column ${qualify(t)}.${c.name}`;
    }
    for (const o of typesOver(s, k)) if (!keys.includes(o)) return `type ${o}`;
    for (const f of s.functions.values()) if (functionUses(f, refs[i]!)) return `function ${qualify(f)}(${f.identityArgs})`;
  }
  return undefined;
}
