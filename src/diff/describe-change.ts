import { qualify, quoteIdent } from '../model/names.js';
import type { HistoryRef } from '../model/history.js';
import type { ObjectKind } from '../model/objects.js';
import { assertNever, type Change } from './change.js';

/** What a change is about, for grouping and display. */
export interface ChangeSubject {
  /** The kind of object changed. */
  readonly object: ObjectKind;
  /** Display name of the object (`public.users.email`). */
  readonly name: string;
  /** Display name of the object it is grouped under: the table for columns, constraints, indexes and triggers. */
  readonly group: string;
  /** Verb phrase: `create`, `add`, `change type of`, ... */
  readonly action: string;
  /** Extra detail for one-line display (`integer -> bigint`). */
  readonly detail?: string;
}

function refName(object: ObjectKind, r: HistoryRef): string {
  if (r.parent !== undefined && object !== 'enum value') return `${qualify({ schema: r.schema, name: r.parent })}.${quoteIdent(r.name)}`;
  if (object === 'enum value') return `${qualify({ schema: r.schema, name: r.parent ?? '' })} '${r.name}'`;
  if (object === 'schema' || object === 'extension') return quoteIdent(r.name);
  return qualify(r);
}

function refGroup(object: ObjectKind, r: HistoryRef): string {
  if (r.parent !== undefined) return qualify({ schema: r.schema, name: r.parent });
  return refName(object, r);
}

/** Names and verbs for a change; one exhaustive switch so every new kind gets a description. */
export function describeChange(c: Change): ChangeSubject {
  switch (c.kind) {
    case 'createSchema':
      return { object: 'schema', name: quoteIdent(c.schema.name), group: quoteIdent(c.schema.name), action: 'create' };
    case 'createExtension':
      return { object: 'extension', name: quoteIdent(c.extension.name), group: quoteIdent(c.extension.name), action: 'create' };
    case 'createEnum':
      return { object: 'enum', name: qualify(c.enum), group: qualify(c.enum), action: 'create', detail: c.enum.values.map((v) => `'${v}'`).join(', ') };
    case 'addEnumValue':
      return {
        object: 'enum value', name: `${qualify(c.enum)} '${c.value}'`, group: qualify(c.enum), action: 'add',
        ...(c.neighbor ? { detail: `${c.neighbor.after ? 'after' : 'before'} '${c.neighbor.value}'` } : {}),
      };
    case 'createSequence':
      return { object: 'sequence', name: qualify(c.sequence), group: qualify(c.sequence), action: 'create' };
    case 'alterSequence':
      return { object: 'sequence', name: qualify(c.sequence), group: qualify(c.sequence), action: 'alter' };
    case 'createTable':
      return { object: 'table', name: qualify(c.table), group: qualify(c.table), action: 'create', detail: `${c.table.columns.length} columns` };
    case 'setTableOptions':
      return { object: 'table', name: qualify(c.table), group: qualify(c.table), action: 'set storage options of', detail: c.options.join(', ') || '(none)' };
    case 'setLogged':
      return { object: 'table', name: qualify(c.table), group: qualify(c.table), action: c.unlogged ? 'set unlogged' : 'set logged' };
    case 'addColumn':
      return { object: 'column', name: `${qualify(c.table)}.${quoteIdent(c.column.name)}`, group: qualify(c.table), action: 'add', detail: c.column.type };
    case 'alterColumnType':
      return { object: 'column', name: `${qualify(c.table)}.${quoteIdent(c.column.name)}`, group: qualify(c.table), action: 'change type of', detail: `${c.from} -> ${c.column.type}` };
    case 'setDefault':
      return {
        object: 'column', name: `${qualify(c.table)}.${quoteIdent(c.column)}`, group: qualify(c.table),
        action: c.to === undefined ? 'drop default of' : 'set default of', detail: `${c.from ?? '(none)'} -> ${c.to ?? '(none)'}`,
      };
    case 'setNotNull':
      return { object: 'column', name: `${qualify(c.table)}.${quoteIdent(c.column)}`, group: qualify(c.table), action: c.notNull ? 'set not null on' : 'drop not null on' };
    case 'alterIdentity':
      return { object: 'column', name: `${qualify(c.table)}.${quoteIdent(c.column.name)}`, group: qualify(c.table), action: 'change identity of' };
    case 'setGenerated':
      return { object: 'column', name: `${qualify(c.table)}.${quoteIdent(c.column.name)}`, group: qualify(c.table), action: 'rebuild generated column' };
    case 'addConstraint':
      return { object: 'constraint', name: `${qualify(c.table)}.${quoteIdent(c.constraint.name)}`, group: qualify(c.table), action: 'add', detail: c.constraint.type };
    case 'validateConstraint':
      return { object: 'constraint', name: `${qualify(c.table)}.${quoteIdent(c.constraint)}`, group: qualify(c.table), action: 'validate' };
    case 'createIndex':
      return { object: 'index', name: qualify(c.index), group: qualify({ schema: c.index.schema, name: c.index.table }), action: 'create' };
    case 'createView': {
      const object = c.view.materialized ? 'materialized view' : 'view';
      return { object, name: qualify(c.view), group: qualify(c.view), action: c.replace ? 'replace' : 'create' };
    }
    case 'createFunction': {
      const name = `${qualify(c.function)}(${c.function.identityArgs})`;
      return { object: 'function', name, group: name, action: c.replace ? 'replace' : 'create' };
    }
    case 'createTrigger': {
      const table = qualify({ schema: c.trigger.schema, name: c.trigger.table });
      return { object: 'trigger', name: `${table}.${quoteIdent(c.trigger.name)}`, group: table, action: c.replace ? 'replace' : 'create' };
    }
    case 'setComment':
      return { object: c.object, name: refName(c.object, c.ref), group: refGroup(c.object, c.ref), action: c.comment === null ? 'remove comment on' : 'set comment on' };
    case 'rename':
      return { object: c.object, name: refName(c.object, c.to), group: refGroup(c.object, c.to), action: 'rename', detail: `from ${refName(c.object, c.from)}` };
    case 'drop':
      return {
        object: c.object, name: refName(c.object, c.ref), group: refGroup(c.object, c.ref), action: c.reason === 'replace' ? 'drop (to recreate)' : 'drop',
        ...(c.differs?.length ? { detail: `${c.differs.join(', ')} differ${c.differs.length === 1 ? 's' : ''}` } : {}),
      };
    default:
      return assertNever(c, 'change');
  }
}
