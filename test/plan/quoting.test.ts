import { describe, expect, it } from 'vitest';
import { plan } from '../../src/plan/index.js';
import { ch, check, col, diffOf, empty, fk, pk, table, unique } from './fixtures.js';

/** Schema, table and column names that each need quoting for a different reason. */
const sales = 'Sales Ops';
const items = 'Order "Items"';
const tickets = { schema: sales, name: items };

describe('identifier quoting', () => {
  const t = table(sales, items, [col('Id', 'integer', { notNull: true }), col('select', 'text'), col('größe', 'integer'), col("it's", 'text')], [
    pk('Order Items_pkey', ['Id']),
    unique('uq "select"', ['select']),
    check('größe_check', '"größe" > 0'),
  ]);

  it('quotes capitals, spaces, quotes, reserved words and non-ASCII names in statements', () => {
    const p = plan(
      diffOf(
        ch({ kind: 'createSchema', schema: { name: sales } }),
        ch({ kind: 'createTable', table: t }),
        ch({ kind: 'addConstraint', table: tickets, constraint: fk('FK to user', ['Id'], { schema: 'public', name: 'user' }, ['id']), newTable: false }),
        ch({ kind: 'rename', object: 'column', from: { schema: sales, parent: items, name: 'select' }, to: { schema: sales, parent: items, name: 'Order' } }),
      ),
      empty(),
    );
    const sql = p.steps.map((s) => s.sql);
    expect(sql[1]).toBe('CREATE SCHEMA IF NOT EXISTS "Sales Ops"');
    expect(sql[0]).toContain('THEN ALTER TABLE "Sales Ops"."Order ""Items""" RENAME COLUMN "select" TO "Order"; END IF;');
    expect(sql[0]).toContain(`attrelid = pg_catalog.to_regclass('"Sales Ops"."Order ""Items"""') AND attname = 'select'`);
    expect(sql[2]).toBe(
      'CREATE TABLE IF NOT EXISTS "Sales Ops"."Order ""Items""" (\n' +
        '    "Id" integer NOT NULL,\n    "select" text,\n    "größe" integer,\n    "it\'s" text,\n' +
        '    CONSTRAINT "Order Items_pkey" PRIMARY KEY ("Id"),\n    CONSTRAINT "uq ""select""" UNIQUE ("select"),\n' +
        '    CONSTRAINT "größe_check" CHECK ("größe" > 0)\n)',
    );
    expect(sql[3]).toContain(`conrelid = '"Sales Ops"."Order ""Items"""'::pg_catalog.regclass AND conname = 'FK to user'`);
    expect(sql[3]).toContain('ADD CONSTRAINT "FK to user" FOREIGN KEY ("Id") REFERENCES public."user" (id) NOT VALID;');
    expect(sql[4]).toBe('ALTER TABLE "Sales Ops"."Order ""Items""" VALIDATE CONSTRAINT "FK to user"');
  });

  it('quotes names in catalog guards as string literals', () => {
    const p = plan(diffOf(ch({ kind: 'rename', object: 'table', from: { schema: 'public', name: "it's" }, to: { schema: 'public', name: 'It\\s' } })), empty());
    expect(p.steps[0]!.sql).toContain("c.relname = 'it''s'");
    expect(p.steps[0]!.sql).toContain("c.relname = E'It\\\\s'");
    expect(p.steps[0]!.sql).toContain('ALTER TABLE public."it\'s" RENAME TO "It\\s"');
  });

  it('picks a dollar tag the guarded statement does not contain', () => {
    const p = plan(diffOf(ch({ kind: 'addConstraint', table: tickets, constraint: check('dollars', "note <> $$x$$"), newTable: true })), empty());
    expect(p.steps[0]!.sql).toMatch(/^DO \$body\$ BEGIN IF NOT EXISTS .* CHECK \(note <> \$\$x\$\$\); END IF; END \$body\$$/);
  });
});
