import { relationKey, ruleKey, triggerKey } from '../../model/schema-state.js';
import type { ColumnDef, TableDef, TriggerFiring } from '../../model/objects.js';
import type { AlterTableCommand, Ddl } from '../../parse/ddl.js';
import { coerceConstantDefault } from '../../parse/index.js';
import type { ReplayContext } from '../context.js';
import { tableOptions } from '../../model/table-options.js';
import { changedOptions } from './rel-options.js';
import { constraintMentions, indexMentions } from './column-deps.js';
import { buildColumn, findColumn, updateColumn } from './columns.js';

const updateColumnAt = (ctx: ReplayContext, table: TableDef, name: string, fn: (c: ColumnDef) => ColumnDef): TableDef =>
  updateColumn(table, name, fn, ctx.origin);
import { addConstraint, creationOrder } from './constraints.js';
import { applySequenceOptions, createOwnedSequence } from './sequences.js';
import { dropPolicy, policiesUsing } from './policies.js';
import { withRowSecurity } from '../../model/row-security.js';
import { attachPartition, detachPartition } from './partitions.js';
import { alterViewCommands } from './view-columns.js';

/** Drops the sequences a column owns (serial/identity), as PostgreSQL's dependency does. */
function dropOwnedSequences(ctx: ReplayContext, table: TableDef, column?: string): void {
  for (const [k, seq] of ctx.draft.sequences.entriesReferencing(relationKey(table.schema, table.name))) {
    if (column === undefined || seq.ownedBy?.column === column) ctx.draft.sequences.delete(k);
  }
}

/**
 * Drops the FKs of *other* tables that reference `table` (optionally only those using one of
 * `columns`): what CASCADE does; without CASCADE PostgreSQL refuses.
 */
export function dropReferencingForeignKeys(ctx: ReplayContext, table: TableDef, cascade: boolean, columns?: readonly string[]): void {
  for (const [, other] of ctx.draft.tables.entriesReferencing(relationKey(table.schema, table.name))) {
    if (other.schema === table.schema && other.name === table.name) continue;
    const doomed = other.constraints.filter(
      (c) =>
        c.type === 'foreign key' &&
        c.references.table.schema === table.schema &&
        c.references.table.name === table.name &&
        (columns === undefined || c.references.columns.some((rc) => columns.includes(rc))),
    );
    if (!doomed.length) continue;
    if (!cascade) ctx.error(`cannot drop: constraint ${doomed[0]!.name} on table ${other.name} depends on it (use CASCADE)`);
    ctx.draft.trackConstraints(other, doomed, -1);
    ctx.putTable({ ...other, constraints: other.constraints.filter((c) => !doomed.includes(c)) });
  }
}

function dropColumn(ctx: ReplayContext, table: TableDef, name: string, cascade: boolean): TableDef {
  const doomed = table.constraints.filter((c) => constraintMentions(c, name));
  const keyDoomed = doomed.filter((c) => c.type === 'primary key' || c.type === 'unique');
  if (keyDoomed.length) {
    dropReferencingForeignKeys(ctx, table, cascade, keyDoomed.flatMap((c) => ('columns' in c ? c.columns : [])));
  }
  dropReferencingForeignKeys(ctx, table, cascade, [name]);
  ctx.draft.trackConstraints(table, doomed, -1);
  // PostgreSQL drops them with the column; the history records it, so a live database that still
  // has them (its column paired with a newer one of the same name) sees them as dropped.
  for (const c of doomed) {
    ctx.draft.history.push({ event: 'drop', object: 'constraint', ref: { schema: table.schema, name: c.name, parent: table.name }, origin: ctx.origin });
  }
  for (const [k, idx] of ctx.draft.indexes.entriesReferencing(relationKey(table.schema, table.name))) {
    if (!indexMentions(idx, name)) continue;
    ctx.draft.indexes.delete(k);
    ctx.draft.history.push({ event: 'drop', object: 'index', ref: { schema: idx.schema, name: idx.name }, origin: ctx.origin });
  }
  dropOwnedSequences(ctx, table, name);
  for (const [, p] of policiesUsing(ctx, table, name)) {
    if (!cascade) ctx.error(`cannot drop column ${name} of table ${table.name} because policy ${p.name} on table ${table.name} depends on it`);
    dropPolicy(ctx, table, p.name, false);
  }
  ctx.draft.history.push({ event: 'drop', object: 'column', ref: { schema: table.schema, name, parent: table.name }, origin: ctx.origin });
  return {
    ...table,
    columns: table.columns.filter((c) => c.name !== name),
    constraints: table.constraints.filter((c) => !doomed.includes(c)),
  };
}

function apply(ctx: ReplayContext, table: TableDef, cmd: AlterTableCommand): TableDef {
  switch (cmd.op) {
    case 'addColumn': {
      if (table.columns.some((c) => c.name === cmd.column.name)) {
        if (!cmd.ifNotExists) ctx.error(`column "${cmd.column.name}" of relation "${table.name}" already exists`);
        return table;
      }
      const col = buildColumn(ctx, table, cmd.column);
      let t: TableDef = { ...table, columns: [...table.columns, col] };
      ctx.putTable(t);
      for (const spec of creationOrder(cmd.column.constraints)) t = addConstraint(ctx, t, spec);
      return t;
    }
    case 'dropColumn':
      if (!table.columns.some((c) => c.name === cmd.column)) {
        if (!cmd.ifExists) ctx.error(`column "${cmd.column}" of relation "${table.name}" does not exist`);
        return table;
      }
      return dropColumn(ctx, table, cmd.column, cmd.cascade);
    case 'alterColumnType': {
      const old = findColumn(ctx, table, cmd.column);
      if (!old) return table;
      const policy = policiesUsing(ctx, table, old.name)[0]?.[1];
      if (policy) {
        ctx.error(`cannot alter type of a column used in a policy definition (policy ${policy.name} on table ${table.name} uses column ${old.name})`);
        return table;
      }
      const type = ctx.typeText(cmd.type);
      ctx.draft.history.push({
        event: 'retype', object: 'column', ref: { schema: table.schema, name: old.name, parent: table.name },
        from: old.type, to: type, ...(cmd.using !== undefined ? { using: cmd.using } : {}), origin: ctx.origin,
      });
      return updateColumnAt(ctx, table, cmd.column, (c) => {
        // PostgreSQL re-coerces the default to the new type: the written text no longer says what it stores.
        const { collation: _old, default: oldDefault, defaultSql: _written, ...rest } = c;
        const def = oldDefault === undefined ? {} : { default: coerceConstantDefault(oldDefault, type) };
        return { ...rest, type, ...def, ...(cmd.collation !== undefined ? { collation: cmd.collation } : c.type === type && _old ? { collation: _old } : {}) };
      });
    }
    case 'setDefault':
      if (!findColumn(ctx, table, cmd.column)) return table;
      return updateColumnAt(ctx, table, cmd.column, (c) => {
        const { default: _d, defaultSql: _s, ...rest } = c;
        if (cmd.expression === null) return rest;
        const def = { ...rest, default: coerceConstantDefault(cmd.expression, c.type, cmd.expressionSql) };
        return cmd.expressionSql === undefined ? def : { ...def, defaultSql: cmd.expressionSql };
      });
    case 'setNotNull':
    case 'dropNotNull':
      if (!findColumn(ctx, table, cmd.column)) return table;
      return updateColumnAt(ctx, table, cmd.column, (c) => ({ ...c, notNull: cmd.op === 'setNotNull' }));
    case 'addConstraint':
      return addConstraint(ctx, table, cmd.constraint);
    case 'dropConstraint': {
      const c = table.constraints.find((x) => x.name === cmd.name);
      if (!c) {
        if (!cmd.ifExists) ctx.error(`constraint "${cmd.name}" of relation "${table.name}" does not exist`);
        return table;
      }
      if (c.type === 'primary key' || c.type === 'unique') dropReferencingForeignKeys(ctx, table, cmd.cascade, c.columns);
      ctx.draft.trackConstraints(table, [c], -1);
      ctx.draft.history.push({ event: 'drop', object: 'constraint', ref: { schema: table.schema, name: c.name, parent: table.name }, origin: ctx.origin });
      return { ...table, constraints: table.constraints.filter((x) => x !== c) };
    }
    case 'validateConstraint': {
      const c = table.constraints.find((x) => x.name === cmd.name);
      if (!c) {
        ctx.error(`constraint "${cmd.name}" of relation "${table.name}" does not exist`);
        return table;
      }
      if (c.type !== 'foreign key' && c.type !== 'check') return table;
      return { ...table, constraints: table.constraints.map((x) => (x === c ? { ...c, validated: true } : x)) };
    }
    case 'addIdentity': {
      const col = findColumn(ctx, table, cmd.column);
      if (!col) return table;
      const dataType = col.type === 'smallint' || col.type === 'integer' || col.type === 'bigint' ? col.type : 'bigint';
      const seq = createOwnedSequence(ctx, table.schema, table.name, col.name, dataType, cmd.options);
      return updateColumnAt(ctx, table, col.name, (c) => {
        const { default: _d, defaultSql: _s, ...rest } = c;
        return { ...rest, notNull: true, identity: { always: cmd.always, sequence: seq } };
      });
    }
    case 'setIdentity': {
      const col = findColumn(ctx, table, cmd.column);
      if (!col?.identity) {
        if (col) ctx.error(`column "${cmd.column}" of relation "${table.name}" is not an identity column`);
        return table;
      }
      const seqKey = relationKey(table.schema, col.identity.sequence ?? '');
      const seq = ctx.draft.sequences.get(seqKey);
      if (seq) ctx.draft.sequences.set(seqKey, applySequenceOptions(seq, seq, cmd.options, ctx));
      const always = cmd.always ?? col.identity.always;
      return updateColumnAt(ctx, table, col.name, (c) => ({ ...c, identity: { ...c.identity!, always } }));
    }
    case 'dropIdentity': {
      const col = findColumn(ctx, table, cmd.column);
      if (!col?.identity) {
        if (col && !cmd.ifExists) ctx.error(`column "${cmd.column}" of relation "${table.name}" is not an identity column`);
        return table;
      }
      dropOwnedSequences(ctx, table, col.name);
      return updateColumnAt(ctx, table, col.name, (c): ColumnDef => {
        const { identity: _i, ...rest } = c;
        return rest;
      });
    }
    case 'setLogged':
      return { ...table, unlogged: cmd.unlogged };
    case 'setOptions': {
      const { options: _o, ...rest } = table;
      const options = tableOptions(changedOptions(table.options, cmd.changes));
      return options ? { ...rest, options } : rest;
    }
    case 'rowSecurity':
      return withRowSecurity(table, cmd.enabled, cmd.forced);
    case 'triggerFiring':
      setTriggerFiring(ctx, table, cmd.trigger, cmd.firing);
      return table;
    case 'ruleFiring':
      setRuleFiring(ctx, table, cmd.rule, cmd.firing);
      return table;
    case 'attachPartition':
      attachPartition(ctx, table, cmd.partition, cmd.bound);
      return table;
    case 'detachPartition':
      detachPartition(ctx, table, cmd.partition, cmd.mode);
      return table;
    case 'unsupported':
      ctx.warn(`not modelled: ${cmd.what}`);
      return table;
  }
}

/** ENABLE / DISABLE [REPLICA | ALWAYS] TRIGGER: one trigger by name, or every trigger of the table (ALL, USER). */
function setTriggerFiring(ctx: ReplayContext, table: TableDef, name: string | undefined, firing: TriggerFiring | 'enabled'): void {
  const d = ctx.draft;
  const keys = name !== undefined
    ? [triggerKey(table.schema, table.name, name)]
    : [...d.triggers.values()].filter((t) => t.schema === table.schema && t.table === table.name).map((t) => triggerKey(t.schema, t.table, t.name));
  for (const key of keys) {
    const t = d.triggers.get(key);
    if (!t) return ctx.error(`trigger "${name}" for table "${table.name}" does not exist`);
    d.triggers.set(key, withFiring(t, firing));
  }
}

/** ENABLE / DISABLE [REPLICA | ALWAYS] RULE name (PostgreSQL refuses it on a view before looking the rule up). */
function setRuleFiring(ctx: ReplayContext, table: TableDef, name: string, firing: TriggerFiring | 'enabled'): void {
  const key = ruleKey(table.schema, table.name, name);
  const r = ctx.draft.rules.get(key);
  if (!r) return ctx.error(`rule "${name}" for relation "${table.name}" does not exist`);
  ctx.draft.rules.set(key, withFiring(r, firing));
}

/** The trigger or rule firing as an ENABLE / DISABLE subcommand leaves it (`enabled` absent when plain ENABLE). */
function withFiring<T extends { readonly enabled?: TriggerFiring }>(o: T, firing: TriggerFiring | 'enabled'): T {
  const { enabled: _e, ...rest } = o;
  return (firing === 'enabled' ? rest : { ...rest, enabled: firing }) as T;
}

/** ALTER TABLE: subcommands applied in order to the table. */
export function alterTable(ctx: ReplayContext, s: Extract<Ddl, { kind: 'alterTable' }>): void {
  // PostgreSQL takes ALTER TABLE on a view for the forms ALTER VIEW has.
  const view = ctx.draft.tables.has(ctx.key(s.table)) ? undefined : ctx.draft.views.get(ctx.key(s.table));
  if (view) return alterViewCommands(ctx, view, s.commands);
  let table = ctx.table(s.table, s.ifExists);
  if (!table) return;
  for (const cmd of s.commands) {
    table = apply(ctx, table, cmd);
    ctx.putTable(table);
    // Handlers may have replaced this table through the draft (e.g. self-referencing FKs).
    table = ctx.draft.tables.get(relationKey(table.schema, table.name)) ?? table;
  }
}
