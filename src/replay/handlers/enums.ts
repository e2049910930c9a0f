import { rewrittenDefault } from './columns.js';
import { quoteLiteral } from '../../model/names.js';
import { normalizeExpression } from '../../parse/index.js';
import type { Ddl } from '../../parse/ddl.js';
import type { ReplayContext } from '../context.js';
import { claimTypeName } from './type-users.js';

/** CREATE TYPE .. AS ENUM. */
export function createEnum(ctx: ReplayContext, s: Extract<Ddl, { kind: 'createEnum' }>): void {
  const key = ctx.key(s.type);
  const shell = claimTypeName(ctx.draft, key);
  if (!shell) {
    ctx.error(`type ${key} already exists`);
    return;
  }
  ctx.draft.enums.set(key, { schema: ctx.schemaOf(s.type), name: s.type.name, values: s.values, ...shell, origin: ctx.origin });
}

/** ALTER TYPE .. ADD VALUE [IF NOT EXISTS] [BEFORE|AFTER]: values keep their sort position. */
export function addEnumValue(ctx: ReplayContext, s: Extract<Ddl, { kind: 'addEnumValue' }>): void {
  const key = ctx.key(s.type);
  const e = ctx.draft.enums.get(key);
  if (!e) {
    ctx.error(`type ${key} does not exist`);
    return;
  }
  if (e.values.includes(s.value)) {
    if (!s.ifNotExists) ctx.error(`enum label "${s.value}" already exists`);
    return;
  }
  const values = [...e.values];
  if (s.neighbor) {
    const at = values.indexOf(s.neighbor.value);
    if (at < 0) {
      ctx.error(`"${s.neighbor.value}" is not an existing enum label`);
      return;
    }
    values.splice(s.neighbor.after ? at + 1 : at, 0, s.value);
  } else values.push(s.value);
  ctx.draft.enums.set(key, { ...e, values });
  ctx.draft.history.push({ event: 'add value', object: 'enum value', ref: { schema: e.schema, name: s.value, parent: e.name }, origin: ctx.origin });
}

/** ALTER TYPE .. RENAME VALUE. */
export function renameEnumValue(ctx: ReplayContext, s: Extract<Ddl, { kind: 'renameEnumValue' }>): void {
  const key = ctx.key(s.type);
  const e = ctx.draft.enums.get(key);
  if (!e || !e.values.includes(s.from)) {
    ctx.error(e ? `"${s.from}" is not an existing enum label` : `type ${key} does not exist`);
    return;
  }
  ctx.draft.enums.set(key, { ...e, values: e.values.map((v) => (v === s.from ? s.to : v)) });
  // A default of this type stores the label's OID, so it prints the new label after the rename.
  const oldDefault = normalizeExpression(quoteLiteral(s.from));
  const newDefault = normalizeExpression(quoteLiteral(s.to));
  for (const [k, t] of ctx.draft.tables) {
    const fixed = t.columns.map((c) => (c.type === key && c.default === oldDefault ? rewrittenDefault(c, newDefault) : c));
    if (fixed.some((c, i) => c !== t.columns[i])) ctx.draft.tables.set(k, { ...t, columns: fixed });
  }
  ctx.draft.history.push({
    event: 'rename', object: 'enum value', origin: ctx.origin,
    from: { schema: e.schema, name: s.from, parent: e.name }, to: { schema: e.schema, name: s.to, parent: e.name },
  });
}

