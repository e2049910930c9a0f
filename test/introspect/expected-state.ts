import type {
  ColumnDef, CompositeTypeDef, ConstraintDef, EnumDef, RangeTypeDef, FunctionDef, IndexDef, SequenceDef, TriggerDef, ViewDef,
} from '../../src/model/index.js';
import { normalizeExpression } from '../../src/parse/index.js';

/**
 * What introspecting FIXTURE_SQL must give, on a server and on PGlite alike. Expressions are the
 * fixture's own text run through the shared normaliser, as the replay side will have them: the
 * catalog re-prints them (`((qty)::numeric * price)`), and introspection must land on the same text.
 */
const norm = normalizeExpression;

const key = { descending: false, nullsFirst: false } as const;

export const USERS_COLUMNS: ColumnDef[] = [
  { name: 'id', type: 'integer', notNull: true, default: norm("nextval('users_id_seq'::regclass)") },
  { name: 'email', type: 'character varying(100)', notNull: true, comment: 'login' },
  { name: 'name', type: 'text', notNull: false, collation: '"C"' },
  { name: 'moods', type: 'public.mood[]', notNull: false, default: norm("'{}'::mood[]") },
  { name: 'current_mood', type: 'public.mood', notNull: false, default: norm("'ok'") },
  { name: 'created_at', type: 'timestamp with time zone', notNull: true, default: norm('now()') },
  { name: 'score', type: 'numeric(10,2)', notNull: false },
  { name: 'tags', type: 'integer[]', notNull: false },
];

export const USERS_CONSTRAINTS: ConstraintDef[] = [
  {
    name: 'users_email_key', type: 'unique', columns: ['email'], include: [], nullsNotDistinct: false,
    deferrable: false, initiallyDeferred: false, comment: 'one account per address',
  },
  { name: 'users_pkey', type: 'primary key', columns: ['id'], include: [], deferrable: false, initiallyDeferred: false },
];

export const ORDER_ITEMS_COLUMNS: ColumnDef[] = [
  { name: 'id', type: 'bigint', notNull: true, identity: { always: true, sequence: 'OrderItems_id_seq' } },
  { name: 'user_id', type: 'integer', notNull: true },
  { name: 'qty', type: 'integer', notNull: true, default: norm('1') },
  { name: 'price', type: 'numeric', notNull: true },
  { name: 'total', type: 'numeric', notNull: false, generated: norm('qty * price') },
  { name: 'code', type: 'text', notNull: false },
  { name: 'status', type: 'app.status', notNull: true, default: norm("'new'") },
];

/** Sorted by name (code points): upper-case first. */
export const ORDER_ITEMS_CONSTRAINTS: ConstraintDef[] = [
  { name: 'OrderItems_pkey', type: 'primary key', columns: ['id'], include: [], deferrable: false, initiallyDeferred: false },
  {
    name: 'code_nnd', type: 'unique', columns: ['code', 'user_id'], include: [], nullsNotDistinct: true,
    deferrable: false, initiallyDeferred: false,
  },
  {
    name: 'order_items_user_fk', type: 'foreign key', columns: ['user_id'],
    references: {
      table: { schema: 'public', name: 'users' }, columns: ['id'], onDelete: 'cascade', onUpdate: 'no action', match: 'simple',
    },
    validated: true, deferrable: true, initiallyDeferred: true,
  },
  {
    name: 'qty_positive', type: 'check', expression: norm('qty > 0'), validated: false, noInherit: false,
    deferrable: false, initiallyDeferred: false,
  },
];

export const BOOKINGS_CONSTRAINTS: ConstraintDef[] = [
  {
    name: 'no_overlap', type: 'exclude', method: 'gist', keys: [{ column: 'during', ...key, operator: '&&' }],
    include: [], where: norm('room > 0'), deferrable: false, initiallyDeferred: false,
  },
];

export const INDEXES: Record<string, IndexDef> = {
  'app.order_items_code_idx': {
    schema: 'app', name: 'order_items_code_idx', table: 'OrderItems', unique: true, method: 'btree',
    keys: [{ column: 'code', ...key }], include: [], nullsNotDistinct: true,
  },
  'app.user_counts_user_idx': {
    schema: 'app', name: 'user_counts_user_idx', table: 'user_counts', unique: true, method: 'btree',
    keys: [{ column: 'user_id', ...key }], include: [], nullsNotDistinct: false,
  },
  'public.events_at_idx': {
    schema: 'public', name: 'events_at_idx', table: 'events', unique: false, method: 'btree',
    keys: [{ column: 'at', ...key }], include: [], nullsNotDistinct: false,
  },
  'public.users_active_idx': {
    schema: 'public', name: 'users_active_idx', table: 'users', unique: false, method: 'btree',
    keys: [{ column: 'created_at', descending: true, nullsFirst: false }], include: ['name'], where: norm('score > 0'),
    nullsNotDistinct: false,
  },
  'public.users_lower_email_idx': {
    schema: 'public', name: 'users_lower_email_idx', table: 'users', unique: false, method: 'btree',
    keys: [{ expression: norm('lower(email::text)'), ...key }], include: [], nullsNotDistinct: false,
    comment: 'case-insensitive lookup',
  },
  'public.users_name_pattern_idx': {
    schema: 'public', name: 'users_name_pattern_idx', table: 'users', unique: false, method: 'btree',
    keys: [{ column: 'name', opclass: 'text_pattern_ops', ...key }], include: [], nullsNotDistinct: false,
  },
};

export const ENUMS: Record<string, EnumDef> = {
  'app.status': { schema: 'app', name: 'status', values: ['new', 'done'] },
  'public.mood': { schema: 'public', name: 'mood', values: ['sad', 'meh', 'ok', 'happy'], comment: 'how it feels' },
};

/** The fixture's composite and range types (table row types are not composite types here). */
export const COMPOSITE_TYPES: Record<string, CompositeTypeDef> = {
  'app.price': {
    schema: 'app', name: 'price', comment: 'money',
    attributes: [
      { name: 'amount', type: 'numeric(12,2)' }, { name: 'currency', type: 'character(3)', collation: '"C"' },
      { name: 'tags', type: 'text[]' }, { name: 'm', type: 'public.mood' },
    ],
  },
};
export const RANGE_TYPES: Record<string, RangeTypeDef> = {
  'app.span': { schema: 'app', name: 'span', subtype: 'text', collation: '"C"', multirange: { schema: 'app', name: 'spans' } },
  'public.floatrange': { schema: 'public', name: 'floatrange', subtype: 'double precision', subtypeDiff: 'float8mi', multirange: { schema: 'public', name: 'floatmultirange' } },
};

const INT_MAX = '2147483647';
export const SEQUENCES: Record<string, SequenceDef> = {
  'app."OrderItems_id_seq"': {
    schema: 'app', name: 'OrderItems_id_seq', dataType: 'bigint', start: '1', increment: '1', min: '1',
    max: '9223372036854775807', cache: '1', cycle: false, ownedBy: { table: 'OrderItems', column: 'id' },
  },
  'app.countdown': {
    schema: 'app', name: 'countdown', dataType: 'smallint', start: '-1', increment: '-1', min: '-32768', max: '-1',
    cache: '1', cycle: false, ownedBy: { table: 'ledger', column: 'note' },
  },
  'app.ledger_seq_seq': {
    schema: 'app', name: 'ledger_seq_seq', dataType: 'integer', start: '1', increment: '1', min: '1', max: INT_MAX,
    cache: '1', cycle: false, ownedBy: { table: 'ledger', column: 'seq' },
  },
  'public.invoice_no': {
    schema: 'public', name: 'invoice_no', dataType: 'integer', start: '1000', increment: '5', min: '1', max: '99999',
    cache: '10', cycle: true, comment: 'invoice numbers',
  },
  'public.users_id_seq': {
    schema: 'public', name: 'users_id_seq', dataType: 'integer', start: '1', increment: '1', min: '1', max: INT_MAX,
    cache: '1', cycle: false, ownedBy: { table: 'users', column: 'id' },
  },
};

/** Views without `definition`, which is pg_get_viewdef's server-specific text (checked apart). */
export const VIEWS: Record<string, Omit<ViewDef, 'definition'>> = {
  'app.user_counts': {
    schema: 'app', name: 'user_counts', materialized: true,
    query: 'SELECT user_id, count(*) AS n FROM app."OrderItems" GROUP BY user_id',
  },
  'public.active_users': {
    schema: 'public', name: 'active_users', materialized: false, query: 'SELECT id, email FROM users WHERE score > 0',
    comment: 'scored users',
  },
};

export const FUNCTIONS: Record<string, FunctionDef> = {
  'app.add(integer, integer)': {
    schema: 'app', name: 'add', identityArgs: 'integer, integer', args: 'a integer, b integer DEFAULT 1',
    kind: 'function', returns: 'integer', language: 'sql', body: 'SELECT a + b', volatility: 'immutable',
    strict: true, securityDefiner: false,
  },
  'app.noop(text)': {
    schema: 'app', name: 'noop', identityArgs: 'text', args: 'x text', kind: 'procedure', language: 'sql',
    body: ' SELECT 1 ', volatility: 'volatile', strict: false, securityDefiner: false,
  },
  'public.touch_created()': {
    schema: 'public', name: 'touch_created', identityArgs: '', args: '', kind: 'function', returns: 'trigger',
    language: 'plpgsql', body: '\nBEGIN\n  NEW.created_at := now();\n  RETURN NEW;\nEND\n', volatility: 'volatile',
    strict: false, securityDefiner: false, comment: 'sets created_at',
  },
};

const touch = { schema: 'public', name: 'touch_created' };
const plain = { updateColumns: [], args: [], constraint: false, deferrable: false, initiallyDeferred: false } as const;
export const TRIGGERS: Record<string, TriggerDef> = {
  'public.active_users.active_users_insert': {
    schema: 'public', table: 'active_users', name: 'active_users_insert', timing: 'instead of', events: ['insert'],
    forEachRow: true, function: touch, ...plain,
  },
  'public.events.events_audit': {
    schema: 'public', table: 'events', name: 'events_audit', timing: 'after', events: ['insert'],
    forEachRow: true, function: touch, ...plain,
  },
  'public.users.users_touch': {
    schema: 'public', table: 'users', name: 'users_touch', timing: 'before', events: ['insert', 'update'],
    updateColumns: ['email'], forEachRow: true, when: norm('NEW.email IS NOT NULL'), function: touch,
    args: [], constraint: false, deferrable: false, initiallyDeferred: false, comment: 'keeps created_at fresh',
  },
};

/** A state's views with `definition` left out, to compare with {@link VIEWS}. */
export function viewsWithoutDefinition(views: ReadonlyMap<string, ViewDef>): Record<string, Omit<ViewDef, 'definition'>> {
  return Object.fromEntries([...views].map(([k, { definition: _definition, ...rest }]) => [k, rest]));
}

/** Tables of FIXTURE_SQL (alembic_version left out), in key order. */
export const TABLE_KEYS = [
  'app."OrderItems"', 'app.bookings', 'app.ledger', 'public.events', 'public.events_2024', 'public.scratch', 'public.users',
];
