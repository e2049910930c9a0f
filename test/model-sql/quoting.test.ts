import { describe, expect, it } from 'vitest';
import type { TableDef } from '../../src/model/objects.js';
import { addConstraintSql, createIndexSql, createTableSql, createTriggerSql, createViewSql } from '../../src/model/sql/index.js';

const table: TableDef = {
  schema: 'Sales Ops',
  name: 'Order "Lines"',
  unlogged: false,
  columns: [
    { name: 'id', type: 'integer', notNull: true },
    { name: 'UserId', type: 'integer', notNull: false },
    { name: 'order', type: 'text', notNull: false },
    { name: 'größe', type: 'numeric(10,2)', notNull: false },
    { name: 'from date', type: 'date', notNull: false },
    { name: 'user', type: '"Sales Ops".kind', notNull: false },
  ],
  constraints: [{ type: 'primary key', name: 'PK order', columns: ['id', 'order'], include: [], deferrable: false, initiallyDeferred: false }],
};

describe('identifier quoting', () => {
  it('quotes capitals, spaces, quotes, reserved words and non-ASCII, and nothing else', () => {
    expect(createTableSql(table, { constraints: 'inline' })).toBe(
      [
        'CREATE TABLE "Sales Ops"."Order ""Lines""" (',
        '    id integer NOT NULL,',
        '    "UserId" integer,',
        '    "order" text,',
        '    "größe" numeric(10,2),',
        '    "from date" date,',
        '    "user" "Sales Ops".kind,',
        '    CONSTRAINT "PK order" PRIMARY KEY (id, "order")',
        ')',
      ].join('\n'),
    );
  });

  it('quotes index, table and key names in CREATE INDEX', () => {
    expect(
      createIndexSql({
        schema: 'Sales Ops', name: 'Idx "x"', table: 'Order "Lines"', unique: false, method: 'btree', include: ['from date'],
        nullsNotDistinct: false, keys: [{ column: 'UserId', descending: false, nullsFirst: false }],
      }),
    ).toBe('CREATE INDEX "Idx ""x""" ON "Sales Ops"."Order ""Lines""" ("UserId") INCLUDE ("from date")');
  });

  it('quotes the referenced table and columns of a foreign key', () => {
    expect(
      addConstraintSql(table, {
        type: 'foreign key', name: 'fk→user', columns: ['UserId'], validated: true, deferrable: false, initiallyDeferred: false,
        references: { table: { schema: 'public', name: 'User' }, columns: ['ID'], onDelete: 'no action', onUpdate: 'no action', match: 'simple' },
      }),
    ).toBe('ALTER TABLE "Sales Ops"."Order ""Lines""" ADD CONSTRAINT "fk→user" FOREIGN KEY ("UserId") REFERENCES public."User" ("ID")');
  });

  it('quotes view output columns and trigger names', () => {
    expect(createViewSql({ schema: 'public', name: 'select', materialized: false, query: 'SELECT 1', definition: 'SELECT 1', columns: ['One', 'two'] })).toBe(
      'CREATE VIEW public."select" ("One", two) AS SELECT 1',
    );
    expect(
      createTriggerSql({
        schema: 'Sales Ops', table: 'Order "Lines"', name: 'When', timing: 'after', events: ['truncate'], updateColumns: [],
        forEachRow: false, function: { schema: 'Sales Ops', name: 'Audit' }, args: [], constraint: false, deferrable: false, initiallyDeferred: false,
      }),
    ).toBe('CREATE TRIGGER "When" AFTER TRUNCATE ON "Sales Ops"."Order ""Lines""" FOR EACH STATEMENT EXECUTE FUNCTION "Sales Ops"."Audit"()');
  });
});
