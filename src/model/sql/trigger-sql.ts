import { qualify, quoteIdent, quoteLiteral } from '../names.js';
import type { TriggerDef, TriggerFiring } from '../objects.js';
import { identListSql } from './ident-list.js';

/**
 * `CREATE [CONSTRAINT] TRIGGER name {BEFORE|AFTER|INSTEAD OF} INSERT OR UPDATE OF a, b OR ..
 * ON s.t [DEFERRABLE [INITIALLY DEFERRED]] [REFERENCING OLD TABLE AS o NEW TABLE AS n] FOR EACH {ROW|STATEMENT} [WHEN (..)]
 * EXECUTE FUNCTION s.f('arg', ..)`. Trigger arguments are always string literals to PostgreSQL;
 * DEFERRABLE is only accepted on constraint triggers, so it is printed only for those.
 */
export function createTriggerSql(t: TriggerDef): string {
  const events = t.events.map((e) => {
    const word = e.toUpperCase();
    return word === 'UPDATE' && t.updateColumns.length ? `UPDATE OF ${identListSql(t.updateColumns)}` : word;
  });
  let sql = `CREATE ${t.constraint ? 'CONSTRAINT ' : ''}TRIGGER ${quoteIdent(t.name)} ${t.timing.toUpperCase()}`;
  sql += ` ${events.join(' OR ')} ON ${qualify({ schema: t.schema, name: t.table })}`;
  if (t.constraint && t.deferrable) sql += t.initiallyDeferred ? ' DEFERRABLE INITIALLY DEFERRED' : ' DEFERRABLE';
  if (t.oldTable !== undefined || t.newTable !== undefined) {
    sql += ' REFERENCING';
    if (t.oldTable !== undefined) sql += ` OLD TABLE AS ${quoteIdent(t.oldTable)}`;
    if (t.newTable !== undefined) sql += ` NEW TABLE AS ${quoteIdent(t.newTable)}`;
  }
  sql += ` FOR EACH ${t.forEachRow ? 'ROW' : 'STATEMENT'}`;
  if (t.when !== undefined) sql += ` WHEN (${t.when})`;
  sql += ` EXECUTE FUNCTION ${qualify(t.function)}(${t.args.map(quoteLiteral).join(', ')})`;
  return sql;
}

const FIRING_SQL: Record<TriggerFiring | 'enabled', string> = { enabled: 'ENABLE', disabled: 'DISABLE', replica: 'ENABLE REPLICA', always: 'ENABLE ALWAYS' };

/** `ALTER TABLE s.t DISABLE TRIGGER name` (or ENABLE [REPLICA | ALWAYS]): how a trigger fires, which CREATE TRIGGER cannot say. */
export function triggerFiringSql(t: Pick<TriggerDef, 'schema' | 'table' | 'name' | 'enabled'>): string {
  return firingSql(t, 'TRIGGER');
}

/** `ALTER TABLE s.t DISABLE RULE name` (or ENABLE [REPLICA | ALWAYS]): how a rule fires, which CREATE RULE cannot say. */
export function ruleFiringSql(r: Pick<TriggerDef, 'schema' | 'table' | 'name' | 'enabled'>): string {
  return firingSql(r, 'RULE');
}

function firingSql(o: Pick<TriggerDef, 'schema' | 'table' | 'name' | 'enabled'>, keyword: 'TRIGGER' | 'RULE'): string {
  return `ALTER TABLE ${qualify({ schema: o.schema, name: o.table })} ${FIRING_SQL[o.enabled ?? 'enabled']} ${keyword} ${quoteIdent(o.name)}`;
}
