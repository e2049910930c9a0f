import { describe, expect, it } from 'vitest';
import type { TableDef, TriggerDef } from '../../src/model/objects.js';
import {
  commentSql,
  createEnumSql,
  createExtensionSql,
  createSchemaSql,
  createTableSql,
  createTriggerSql,
  createViewSql,
} from '../../src/model/sql/index.js';

describe('schemas, extensions, enums', () => {
  it('prints them with quoting', () => {
    expect(createSchemaSql({ name: 'Sales' })).toBe('CREATE SCHEMA "Sales"');
    expect(createSchemaSql({ name: 'app' }, { ifNotExists: true })).toBe('CREATE SCHEMA IF NOT EXISTS app');
    expect(createExtensionSql({ name: 'uuid-ossp', schema: 'ext' })).toBe('CREATE EXTENSION "uuid-ossp" WITH SCHEMA ext');
    expect(createExtensionSql({ name: 'citext' }, { ifNotExists: true })).toBe('CREATE EXTENSION IF NOT EXISTS citext');
    expect(createEnumSql({ schema: 'public', name: 'Mood', values: ['ok', "it's", 'a\\b'] })).toBe(
      `CREATE TYPE public."Mood" AS ENUM ('ok', 'it''s', E'a\\\\b')`,
    );
  });
});

describe('createTableSql', () => {
  const t: TableDef = {
    schema: 'public', name: 'logs', unlogged: true, columns: [{ name: 'at', type: 'timestamp with time zone', notNull: true }],
    constraints: [{ type: 'check', name: 'c', expression: 'at > now()', validated: true, noInherit: false, deferrable: false, initiallyDeferred: false }],
  };

  it('prints UNLOGGED, and constraints only when inline', () => {
    expect(createTableSql(t, { constraints: 'none' })).toBe('CREATE UNLOGGED TABLE public.logs (\n    at timestamp with time zone NOT NULL\n)');
    expect(createTableSql(t, { constraints: 'inline' })).toBe(
      'CREATE UNLOGGED TABLE public.logs (\n    at timestamp with time zone NOT NULL,\n    CONSTRAINT c CHECK (at > now())\n)',
    );
  });

  it('prints an empty table and PARTITION BY', () => {
    expect(createTableSql({ ...t, unlogged: false, columns: [], constraints: [] }, { constraints: 'inline' })).toBe('CREATE TABLE public.logs ()');
    expect(createTableSql({ ...t, unlogged: false, partitionBy: 'RANGE (at)' }, { constraints: 'none' })).toBe(
      'CREATE TABLE public.logs (\n    at timestamp with time zone NOT NULL\n) PARTITION BY RANGE (at)',
    );
  });

  it('prints a partition without columns, with its own constraints and sub-partitioning', () => {
    const part: TableDef = { ...t, unlogged: false, name: 'logs 2024', partitionOf: { parent: { schema: 'public', name: 'logs' }, bound: "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')" } };
    expect(createTableSql(part, { constraints: 'none' })).toBe(
      `CREATE TABLE public."logs 2024" PARTITION OF public.logs FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')`,
    );
    expect(createTableSql({ ...part, partitionBy: 'LIST (kind)', partitionOf: { ...part.partitionOf!, bound: 'DEFAULT' } }, { constraints: 'inline' })).toBe(
      'CREATE TABLE public."logs 2024" PARTITION OF public.logs (\n    CONSTRAINT c CHECK (at > now())\n) DEFAULT PARTITION BY LIST (kind)',
    );
  });
});

describe('createViewSql', () => {
  it('prints plain, OR REPLACE and materialized views', () => {
    const v = { schema: 'app', name: 'V', materialized: false, query: 'SELECT 1 AS one', definition: 'SELECT 1 AS one' };
    expect(createViewSql(v)).toBe('CREATE VIEW app."V" AS SELECT 1 AS one');
    expect(createViewSql(v, { orReplace: true })).toBe('CREATE OR REPLACE VIEW app."V" AS SELECT 1 AS one');
    expect(createViewSql({ ...v, materialized: true, columns: ['x'] }, { orReplace: true })).toBe('CREATE MATERIALIZED VIEW app."V" (x) AS SELECT 1 AS one');
  });
});

describe('createTriggerSql', () => {
  const t: TriggerDef = {
    schema: 'public', table: 'users', name: 'audit', timing: 'after', events: ['insert', 'delete', 'update'], updateColumns: ['email', 'Name'],
    forEachRow: true, when: 'OLD.* IS DISTINCT FROM NEW.*', function: { schema: 'audit', name: 'log' }, args: ['users', "o'k"],
    constraint: false, deferrable: false, initiallyDeferred: false,
  };

  it('prints events, UPDATE OF, WHEN and literal arguments', () => {
    expect(createTriggerSql(t)).toBe(
      `CREATE TRIGGER audit AFTER INSERT OR DELETE OR UPDATE OF email, "Name" ON public.users FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION audit.log('users', 'o''k')`,
    );
  });

  it('prints DEFERRABLE only on constraint triggers', () => {
    expect(createTriggerSql({ ...t, when: undefined, updateColumns: [], args: [], deferrable: true, initiallyDeferred: true })).toBe(
      'CREATE TRIGGER audit AFTER INSERT OR DELETE OR UPDATE ON public.users FOR EACH ROW EXECUTE FUNCTION audit.log()',
    );
    expect(createTriggerSql({ ...t, when: undefined, updateColumns: [], args: [], constraint: true, deferrable: true, initiallyDeferred: false, timing: 'after' })).toBe(
      'CREATE CONSTRAINT TRIGGER audit AFTER INSERT OR DELETE OR UPDATE ON public.users DEFERRABLE FOR EACH ROW EXECUTE FUNCTION audit.log()',
    );
    expect(createTriggerSql({ ...t, timing: 'instead of', events: ['insert'], when: undefined, args: [] })).toMatch(/ INSTEAD OF INSERT ON /);
  });
});

describe('commentSql', () => {
  it('spells each target the way COMMENT ON wants it', () => {
    expect(commentSql('schema', { name: 'Sales' }, 'x')).toBe(`COMMENT ON SCHEMA "Sales" IS 'x'`);
    expect(commentSql('table', { schema: 'app', name: 'order' }, "it's")).toBe(`COMMENT ON TABLE app."order" IS 'it''s'`);
    expect(commentSql('column', { schema: 'app', table: 'T', name: 'c' }, null)).toBe('COMMENT ON COLUMN app."T".c IS NULL');
    expect(commentSql('constraint', { schema: 'app', table: 't', name: 'Pk' }, 'k')).toBe(`COMMENT ON CONSTRAINT "Pk" ON app.t IS 'k'`);
    expect(commentSql('trigger', { schema: 'app', table: 't', name: 'tr' }, 'k')).toBe(`COMMENT ON TRIGGER tr ON app.t IS 'k'`);
    expect(commentSql('function', { schema: 'app', name: 'f', args: 'integer, text' }, 'k')).toBe(`COMMENT ON FUNCTION app.f(integer, text) IS 'k'`);
    expect(commentSql('procedure', { schema: 'app', name: 'p', args: '' }, 'k')).toBe(`COMMENT ON PROCEDURE app.p() IS 'k'`);
    expect(commentSql('enum', { schema: 'app', name: 'mood' }, 'k')).toBe(`COMMENT ON TYPE app.mood IS 'k'`);
    expect(commentSql('materialized view', { schema: 'app', name: 'mv' }, 'a\\b')).toBe(`COMMENT ON MATERIALIZED VIEW app.mv IS E'a\\\\b'`);
    expect(commentSql('index', { schema: 'app', name: 'i' }, '')).toBe(`COMMENT ON INDEX app.i IS ''`);
  });
});
