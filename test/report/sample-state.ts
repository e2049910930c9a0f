import { functionKey, relationKey, triggerKey, type SchemaState } from '../../src/model/schema-state.js';
import type {
  ColumnDef,
  EnumDef,
  ExtensionDef,
  FunctionDef,
  IndexDef,
  IndexKey,
  SchemaDef,
  SequenceDef,
  TableDef,
  TriggerDef,
  ViewDef,
} from '../../src/model/objects.js';

/** The objects of a state as plain lists, so tests can insert them in any order. */
export interface StateParts {
  schemas: SchemaDef[];
  extensions: ExtensionDef[];
  enums: EnumDef[];
  sequences: SequenceDef[];
  tables: TableDef[];
  indexes: IndexDef[];
  views: ViewDef[];
  functions: FunctionDef[];
  triggers: TriggerDef[];
}

/** Builds a SchemaState keyed the way src/model does, inserting in list order (or reversed). */
export function buildState(parts: StateParts, reverse = false): SchemaState {
  const ordered = <T>(xs: T[]): T[] => (reverse ? [...xs].reverse() : xs);
  return {
    schemas: new Map(ordered(parts.schemas).map((s) => [s.name, s])),
    extensions: new Map(ordered(parts.extensions).map((e) => [e.name, e])),
    enums: new Map(ordered(parts.enums).map((e) => [relationKey(e.schema, e.name), e])),
    domains: new Map(),
    compositeTypes: new Map(),
    rangeTypes: new Map(),
    collations: new Map(),
    operators: new Map(),
    sequences: new Map(ordered(parts.sequences).map((s) => [relationKey(s.schema, s.name), s])),
    tables: new Map(ordered(parts.tables).map((t) => [relationKey(t.schema, t.name), t])),
    indexes: new Map(ordered(parts.indexes).map((i) => [relationKey(i.schema, i.name), i])),
    views: new Map(ordered(parts.views).map((v) => [relationKey(v.schema, v.name), v])),
    functions: new Map(ordered(parts.functions).map((f) => [functionKey(f.schema, f.name, f.identityArgs), f])),
    aggregates: new Map(),
    triggers: new Map(ordered(parts.triggers).map((t) => [triggerKey(t.schema, t.table, t.name), t])),
    policies: new Map(),
    rules: new Map(),
    history: [],
  };
}

/** A column with the usual defaults. */
export function col(name: string, type: string, extra: Partial<ColumnDef> = {}): ColumnDef {
  return { name, type, notNull: false, ...extra };
}

/** An index key on a column, ascending, nulls last. */
export function key(column: string, extra: Partial<IndexKey> = {}): IndexKey {
  return { column, descending: false, nullsFirst: false, ...extra };
}

/** A sequence with PostgreSQL's defaults for `dataType`. */
export function seq(schema: string, name: string, extra: Partial<SequenceDef> = {}): SequenceDef {
  const dataType = extra.dataType ?? 'bigint';
  const max = { smallint: '32767', integer: '2147483647', bigint: '9223372036854775807' }[dataType];
  return { schema, name, dataType, start: '1', increment: '1', min: '1', max, cache: '1', cycle: false, ...extra };
}

const origin = (line: number) => ({ revision: 'abc123', file: 'versions/abc123_init.sql', line });

/** One of every object kind, with awkward names, as the PostgreSQL round-trip test expects. */
export function sampleParts(): StateParts {
  return {
    schemas: [{ name: 'public' }, { name: 'app', comment: 'application data' }, { name: 'Sales Ops' }],
    extensions: [{ name: 'plpgsql', schema: 'pg_catalog' }],
    enums: [{ schema: 'app', name: 'mood', values: ['happy', "it's ok", 'sad'], comment: 'how it feels' }],
    sequences: [
      // free-standing, with non-default options
      seq('app', 'order_no_seq', { start: '1000', increment: '5', min: '1000', cache: '10', cycle: true }),
      // serial: owned by users.id, default nextval
      seq('public', 'users_id_seq', { dataType: 'integer', ownedBy: { table: 'users', column: 'id' } }),
      // identity: default name, non-default start
      seq('public', 'events_id_seq', { start: '100', ownedBy: { table: 'events', column: 'id' }, comment: 'event ids' }),
      // identity: non-default name (renamed), found through OWNED BY
      seq('Sales Ops', 'Ticket Seq', { dataType: 'integer', ownedBy: { table: 'Tickets', column: 'Id' } }),
    ],
    tables: [
      {
        schema: 'public',
        name: 'users',
        unlogged: false,
        columns: [
          col('id', 'integer', { notNull: true, default: "nextval('users_id_seq')" }),
          col('E-mail', 'text', { notNull: true, collation: '"C"', comment: 'login' }),
          col('select', 'text'),
          col('größe', 'integer'),
          col('we"ird', 'text'),
          col('mood', 'app.mood', { default: "'happy'" }),
          col('first', 'text'),
          col('last', 'text'),
          col('full_name', 'text', { generated: "first || ' ' || last" }),
          col('last_order', 'bigint'),
        ],
        constraints: [
          { type: 'check', name: 'users_größe_check', expression: '"größe" > 0', validated: false, noInherit: false, deferrable: false, initiallyDeferred: false },
          { type: 'primary key', name: 'users_pkey', columns: ['id'], include: [], deferrable: false, initiallyDeferred: false, comment: 'the key' },
          { type: 'unique', name: 'users_E-mail_key', columns: ['E-mail'], include: ['select'], nullsNotDistinct: true, deferrable: false, initiallyDeferred: false },
          {
            type: 'foreign key', name: 'users_last_order_fkey', columns: ['last_order'], validated: true, deferrable: true, initiallyDeferred: true,
            references: { table: { schema: 'app', name: 'Order Items' }, columns: ['order_no'], onDelete: 'set null', onUpdate: 'no action', match: 'simple' },
          },
        ],
        comment: 'people',
        origin: origin(3),
      },
      {
        schema: 'app',
        name: 'Order Items',
        unlogged: false,
        columns: [
          col('order_no', 'bigint', { notNull: true, default: "nextval('app.order_no_seq')" }),
          col('user_id', 'integer'),
          col('qty', 'integer', { notNull: true, default: '1' }),
        ],
        constraints: [
          { type: 'primary key', name: 'Order Items_pkey', columns: ['order_no'], include: [], deferrable: false, initiallyDeferred: false },
          {
            type: 'foreign key', name: 'order_items_user_fk', columns: ['user_id'], validated: false, deferrable: false, initiallyDeferred: false,
            references: { table: { schema: 'public', name: 'users' }, columns: ['id'], onDelete: 'cascade', onUpdate: 'restrict', match: 'full' },
          },
          { type: 'check', name: 'qty_positive', expression: 'qty > 0', validated: true, noInherit: true, deferrable: false, initiallyDeferred: false },
        ],
      },
      {
        schema: 'public',
        name: 'events',
        unlogged: true,
        columns: [
          col('id', 'bigint', { notNull: true, identity: { always: true, sequence: 'events_id_seq' } }),
          col('room', 'integer'),
          col('during', 'tsrange'),
        ],
        constraints: [
          {
            type: 'exclude', name: 'events_no_overlap', method: 'gist', include: ['room'], where: 'room > 0', deferrable: true, initiallyDeferred: false,
            keys: [key('during', { operator: '&&' })],
          },
          { type: 'primary key', name: 'events_pkey', columns: ['id'], include: [], deferrable: false, initiallyDeferred: false, options: ['fillfactor=70'], indexComment: 'event key index' },
        ],
      },
      {
        schema: 'Sales Ops',
        name: 'Tickets',
        unlogged: false,
        columns: [col('Id', 'integer', { notNull: true, identity: { always: false, sequence: 'Ticket Seq' } }), col('title', 'text')],
        constraints: [],
      },
      {
        schema: 'app',
        name: 'measurements',
        unlogged: false,
        partitionBy: 'RANGE (logdate)',
        columns: [col('logdate', 'date', { notNull: true }), col('value', 'numeric(10,2)')],
        constraints: [],
      },
      {
        // sorts before its parent: the dump must still create the parent first
        schema: 'app',
        name: 'm2024',
        unlogged: false,
        partitionOf: { parent: { schema: 'app', name: 'measurements' }, bound: "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')" },
        columns: [col('logdate', 'date', { notNull: true }), col('value', 'numeric(10,2)')],
        constraints: [
          { type: 'check', name: 'm2024_value_check', expression: 'value >= 0', validated: true, noInherit: false, deferrable: false, initiallyDeferred: false },
        ],
      },
    ],
    indexes: [
      {
        schema: 'public', name: 'users_email_lower_idx', table: 'users', unique: false, method: 'btree', include: [], nullsNotDistinct: false,
        keys: [{ expression: 'lower("E-mail")', descending: true, nullsFirst: false }, key('id', { descending: true, nullsFirst: true })],
        comment: 'case-insensitive lookups',
      },
      {
        schema: 'public', name: 'users_active_name_key', table: 'users', unique: true, method: 'btree', include: ['id'], nullsNotDistinct: false,
        keys: [key('first', { collation: '"C"', opclass: 'text_pattern_ops' }), key('last', { nullsFirst: true })],
        where: 'last_order IS NOT NULL',
      },
      {
        schema: 'public', name: 'events_room_hash', table: 'events', unique: false, method: 'hash', include: [], nullsNotDistinct: false,
        keys: [key('room')],
      },
      {
        schema: 'app', name: 'order_totals_user_idx', table: 'order_totals', unique: true, method: 'btree', include: [], nullsNotDistinct: true,
        keys: [key('user_id')],
      },
    ],
    views: [
      // mentions z_user_names although it sorts first
      { schema: 'public', name: 'a_user_count', materialized: false, query: 'SELECT count(*) AS n FROM z_user_names', definition: 'SELECT count(*) AS n FROM z_user_names', columns: ['user count'] },
      { schema: 'public', name: 'z_user_names', materialized: false, query: 'SELECT id, first FROM users WHERE "select" IS NULL', definition: 'SELECT id, first FROM users WHERE "select" IS NULL', comment: 'names',
        columnDetails: [{ name: 'first', default: "'anon'::text", comment: 'first name' }, { name: 'id', comment: 'the key' }] },
      {
        schema: 'app', name: 'order_totals', materialized: true,
        query: 'SELECT user_id, sum(qty) AS total FROM app."Order Items" GROUP BY user_id', definition: 'SELECT user_id, sum(qty) AS total FROM app."Order Items" GROUP BY user_id',
      },
    ],
    functions: [
      {
        schema: 'public', name: 'touch', identityArgs: '', args: '', kind: 'function', returns: 'trigger', language: 'plpgsql',
        body: "\nBEGIN\n  -- a $$ inside\n  NEW.last := NEW.last;\n  RETURN NEW;\nEND\n",
        volatility: 'volatile', strict: false, securityDefiner: false, comment: 'keeps last',
      },
      {
        schema: 'app', name: 'add', identityArgs: 'integer, integer', args: 'a integer, b integer DEFAULT 1', kind: 'function', returns: 'integer',
        language: 'sql', body: 'SELECT a + b', volatility: 'immutable', strict: true, securityDefiner: true,
      },
      {
        schema: 'app', name: 'noop', identityArgs: 'text', args: 'note text', kind: 'procedure', language: 'plpgsql',
        body: 'BEGIN RAISE NOTICE $body$%$body$, note; END', volatility: 'volatile', strict: false, securityDefiner: false, comment: 'does nothing',
      },
    ],
    triggers: [
      {
        schema: 'public', table: 'users', name: 'users_touch', timing: 'before', events: ['insert', 'update'], updateColumns: ['first', 'last'],
        forEachRow: true, when: 'NEW.first IS NOT NULL', function: { schema: 'public', name: 'touch' }, args: ["it's", 'x\\y'],
        constraint: false, deferrable: false, initiallyDeferred: false, comment: 'touches',
      },
      {
        schema: 'public', table: 'users', name: 'Users Audit', timing: 'after', events: ['delete'], updateColumns: [],
        forEachRow: true, function: { schema: 'public', name: 'touch' }, args: [],
        constraint: true, deferrable: true, initiallyDeferred: true,
      },
    ],
  };
}
