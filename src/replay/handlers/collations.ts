import { collationName, qualify } from '../../model/names.js';
import { relationKey } from '../../model/schema-state.js';
import type { Mutable } from '../../model/mutable.js';
import type { CollationDef } from '../../model/objects.js';
import type { Ddl } from '../../parse/ddl.js';
import { objectTextMove } from '../../parse/index.js';
import type { ReplayContext } from '../context.js';
import type { Draft } from '../draft.js';

type CreateCollation = Extract<Ddl, { kind: 'createCollation' }>;
type Properties = Pick<CollationDef, 'provider' | 'lcCollate' | 'lcCtype' | 'locale' | 'deterministic'>;

/** initdb's libc collations whose properties are the same on every server. */
const FIXED: Readonly<Record<string, Properties>> = {
  C: { provider: 'libc', lcCollate: 'C', lcCtype: 'C', deterministic: true },
  POSIX: { provider: 'libc', lcCollate: 'POSIX', lcCtype: 'POSIX', deterministic: true },
  ucs_basic: { provider: 'libc', lcCollate: 'C', lcCtype: 'C', deterministic: true },
};

/**
 * The properties CREATE COLLATION .. FROM copies: a collation of the history, one of initdb's
 * fixed libc ones, or an ICU one named `<locale>-x-icu` (initdb names them so); undefined for a
 * server collation whose locale depends on the operating system.
 */
function copied(ctx: ReplayContext, from: NonNullable<CreateCollation['from']>): Properties | 'default' | undefined {
  const schema = from.schema;
  const own = ctx.draft.collations.get(relationKey(schema ?? 'public', from.name));
  if (own && schema !== 'pg_catalog') return own;
  if (schema !== undefined && schema !== 'pg_catalog') return undefined;
  if (from.name === 'default') return 'default';
  const fixed = FIXED[from.name];
  if (fixed) return fixed;
  const icu = /^(.+)-x-icu$/.exec(from.name);
  return icu ? { provider: 'icu', locale: icu[1]!, deterministic: true } : undefined;
}

/** PostgreSQL 15's DefineCollation rules for the written options; a string is the error it raises. */
function fromOptions(s: CreateCollation): Properties | string {
  const o = s.options;
  const provider = o.provider ?? 'libc';
  const deterministic = o.deterministic ?? true;
  if (o.locale !== undefined && (o.lcCollate !== undefined || o.lcCtype !== undefined)) return 'conflicting or redundant options';
  if (provider === 'icu') {
    if (o.locale === undefined) return 'parameter "locale" must be specified';
    return { provider: 'icu', locale: o.locale, deterministic };
  }
  if (provider !== 'libc') return `unrecognized collation provider: ${provider}`;
  const lcCollate = o.lcCollate ?? o.locale;
  const lcCtype = o.lcCtype ?? o.locale;
  if (lcCollate === undefined) return 'parameter "lc_collate" must be specified';
  if (lcCtype === undefined) return 'parameter "lc_ctype" must be specified';
  if (!deterministic) return 'nondeterministic collations not supported with this provider';
  return { provider: 'libc', lcCollate, lcCtype, deterministic };
}

/** CREATE COLLATION [IF NOT EXISTS] name (options) | FROM existing. */
export function createCollation(ctx: ReplayContext, s: CreateCollation): void {
  const d = ctx.draft;
  const schema = ctx.schemaOf(s.collation);
  if (!d.schemas.has(schema)) return ctx.error(`schema "${schema}" does not exist`);
  const key = relationKey(schema, s.collation.name);
  if (d.collations.has(key)) {
    if (!s.ifNotExists) ctx.error(`collation "${s.collation.name}" already exists`);
    return;
  }
  let props: Properties;
  if (s.from) {
    const found = copied(ctx, s.from);
    if (found === 'default') return ctx.error('collation "default" cannot be copied');
    if (!found) {
      return ctx.warn(
        `not modelled: CREATE COLLATION .. FROM ${s.from.name}: the locale of a server collation depends on its operating system; ` +
        'write its PROVIDER and LOCALE instead (replay continues without it)',
      );
    }
    props = { provider: found.provider, deterministic: found.deterministic };
    for (const k of ['lcCollate', 'lcCtype', 'locale'] as const) if (found[k] !== undefined) (props as Mutable<Properties>)[k] = found[k];
  } else {
    const p = fromOptions(s);
    if (typeof p === 'string') return ctx.error(p);
    props = p;
  }
  d.collations.set(key, { schema, name: s.collation.name, ...props, origin: ctx.origin });
}

/** What uses a collation (its text in columns, domains and index keys), for DROP's refusal. */
function collationUser(d: Draft, text: string): string | undefined {
  for (const t of d.tables.values()) {
    const c = t.columns.find((x) => x.collation === text);
    if (c) return `column ${c.name} of table ${t.name}`;
  }
  for (const dom of d.domains.values()) if (dom.collation === text) return `type ${qualify(dom)}`;
  for (const i of d.indexes.values()) if (i.keys.some((x) => x.collation === text)) return `index ${qualify(i)}`;
  return undefined;
}

/** ALTER COLLATION .. RENAME TO / SET SCHEMA: the collation and the texts naming it follow. */
export function moveCollation(ctx: ReplayContext, key: string, to: { schema: string; name: string }, ifExists: boolean): void {
  const d = ctx.draft;
  const c = d.collations.get(key);
  if (!c) {
    if (!ifExists) ctx.error(`collation "${key}" does not exist`);
    return;
  }
  if (!d.schemas.has(to.schema)) return ctx.error(`schema "${to.schema}" does not exist`);
  const newKey = relationKey(to.schema, to.name);
  if (d.collations.has(newKey)) return ctx.error(`collation "${to.name}" already exists in schema "${to.schema}"`);
  d.collations.delete(key);
  d.collations.set(newKey, { ...c, schema: to.schema, name: to.name });
  // Every text naming it follows (columns, domains, index keys, expressions' COLLATE: PostgreSQL holds its OID).
  d.follow(objectTextMove(c, 'collation', to.schema, to.name));
  d.history.push({ event: 'rename', object: 'collation', origin: ctx.origin, from: { schema: c.schema, name: c.name }, to });
}

/** DROP COLLATION: refused while a column, domain or index uses it (CASCADE would drop those: not modelled). */
export function dropCollation(ctx: ReplayContext, key: string, cascade: boolean): boolean {
  const d = ctx.draft;
  const c = d.collations.get(key);
  if (!c) return false;
  const user = collationUser(d, collationName(c.schema, c.name));
  if (user !== undefined) {
    if (cascade) ctx.warn(`not modelled: DROP COLLATION ${qualify(c)} CASCADE drops ${user} (replay keeps it)`);
    else ctx.error(`cannot drop collation ${qualify(c)} because ${user} depends on it`);
    return true;
  }
  d.collations.delete(key);
  d.history.push({ event: 'drop', object: 'collation', ref: { schema: c.schema, name: c.name }, origin: ctx.origin });
  return true;
}
