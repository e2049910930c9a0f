import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SequenceDef } from '../../src/model/objects.js';
import { introspect } from '../../src/introspect/index.js';
import { fingerprint, plan } from '../../src/plan/index.js';
import { freshDatabase, type FreshDatabase } from '../support/database.js';
import { ch, check, col, diffOf, empty, fk, fn, index, pk, sequence, table, trigger, unique, view } from './fixtures.js';
import { runPlan } from './run-plan.js';

const sales = 'Sales Ops';
const tickets = { schema: sales, name: 'Order "Items"' };
const users = { schema: 'public', name: 'user' };
const orgs = { schema: 'public', name: 'orgs' };
const mood = { schema: sales, name: 'Mood' };

describe('plans on a real PostgreSQL', () => {
  let fresh: FreshDatabase;
  beforeAll(async () => {
    fresh = await freshDatabase();
  });
  afterAll(async () => {
    await fresh?.drop();
  });
  const rows = <T>(sql: string, params: unknown[] = []) => fresh.db.query<T>(sql, params);

  it('creates a schema from nothing, twice over without error, with awkward names intact', async () => {
    const ticketSeq = sequence(sales, 'Ticket Seq', { ownedBy: { table: tickets.name, column: 'Id' } });
    const touch = fn('public', 'touch', 'plpgsql', 'BEGIN NEW."größe" := coalesce(NEW."größe", 0); RETURN NEW; END');
    const count = fn(sales, 'ticket count', 'sql', 'SELECT count(*) FROM "Sales Ops"."Order ""Items"""', { returns: 'bigint', volatility: 'stable' });
    const userIdSeq: SequenceDef = sequence('public', 'user_id_seq', { dataType: 'bigint', max: '9223372036854775807', start: '100', ownedBy: { table: 'user', column: 'id' } });
    const diff = diffOf(
      ch({ kind: 'createView', view: view(sales, 'Big Tickets', 'SELECT * FROM "Sales Ops"."open tickets" WHERE "größe" > 10'), replace: false }),
      ch({ kind: 'createView', view: view(sales, 'open tickets', 'SELECT "Id", "größe", "select" FROM "Sales Ops"."Order ""Items"""'), replace: false }),
      ch({ kind: 'createView', view: view('public', 'user count', 'SELECT count(*) AS n FROM public."user"', { materialized: true }), replace: false }),
      ch({ kind: 'createTrigger', trigger: trigger(sales, tickets.name, 'Touch It', touch, { events: ['insert', 'update'] }), replace: false }),
      ch({ kind: 'createFunction', function: count, replace: false }),
      ch({ kind: 'createFunction', function: touch, replace: false }),
      ch({ kind: 'addConstraint', table: users, constraint: fk('user_org_fkey', ['org_id'], orgs, ['id']), newTable: true }),
      ch({ kind: 'createTable', table: table('public', 'user', [
        col('id', 'bigint', { notNull: true, identity: { always: true, sequence: 'user_id_seq' } }),
        col('org_id', 'integer'),
      ], [pk('user_pkey', ['id'])]) }),
      ch({ kind: 'alterSequence', sequence: userIdSeq, live: { ...userIdSeq, start: '1' } }),
      ch({ kind: 'createTable', table: table('public', 'orgs', [col('id', 'integer', { notNull: true }), col('owner', 'bigint')], [
        pk('orgs_pkey', ['id']),
        fk('orgs_owner_fkey', ['owner'], users, ['id']),
      ]) }),
      ch({ kind: 'createIndex', index: index(sales, 'tickets by select', tickets.name, [], { keys: [{ expression: 'lower("select")', descending: false, nullsFirst: false }] }), newTable: true }),
      ch({ kind: 'createTable', table: table(sales, tickets.name, [
        col('Id', 'integer', { notNull: true, default: `nextval('"Sales Ops"."Ticket Seq"'::regclass)` }),
        col('select', 'text', { collation: '"C"' }),
        col('größe', 'integer'),
        col('mood', '"Sales Ops"."Mood"', { default: `'happy'::"Sales Ops"."Mood"` }),
        col('double', 'integer', { generated: '"größe" * 2' }),
      ], [pk('Order Items_pkey', ['Id']), unique('uq "select"', ['select']), check('größe_check', '"größe" >= 0'), check('later', '"Id" > 0', false)]) }),
      ch({ kind: 'createSequence', sequence: ticketSeq }),
      ch({ kind: 'addEnumValue', enum: mood, value: 'sad', neighbor: { value: "it's ok", after: true } }),
      ch({ kind: 'createEnum', enum: { ...mood, values: ['happy', "it's ok"] } }),
      ch({ kind: 'createSchema', schema: { name: sales } }),
      ch({ kind: 'createExtension', extension: { name: 'plpgsql' } }),
      ch({ kind: 'setComment', object: 'column', ref: { schema: sales, parent: tickets.name, name: 'größe' }, comment: "it's big" }),
      ch({ kind: 'setComment', object: 'function', ref: { schema: sales, name: 'ticket count' }, args: '', comment: 'how many' }),
      ch({ kind: 'setComment', object: 'trigger', ref: { schema: sales, parent: tickets.name, name: 'Touch It' }, comment: 'touches' }),
    );
    const p = plan(diff, empty());
    expect(p.skipped).toEqual([]);
    await runPlan(fresh.db, p);
    const once = await introspect(fresh.db);
    await runPlan(fresh.db, p);
    expect(fingerprint(await introspect(fresh.db))).toBe(fingerprint(once));

    expect(await rows(`select c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 order by 1`, [sales])).toEqual([
      { relname: 'Big Tickets', relkind: 'v' },
      { relname: 'Order "Items"', relkind: 'r' },
      { relname: 'Order Items_pkey', relkind: 'i' },
      { relname: 'Ticket Seq', relkind: 'S' },
      { relname: 'open tickets', relkind: 'v' },
      { relname: 'tickets by select', relkind: 'i' },
      { relname: 'uq "select"', relkind: 'i' },
    ]);
    const defs = await rows<{ conname: string; def: string }>(
      `select conname, pg_get_constraintdef(oid) as def from pg_constraint where contype in ('f', 'c') and connamespace in (select oid from pg_namespace where nspname in ('public', $1)) order by 1`,
      [sales],
    );
    expect(defs).toEqual([
      { conname: 'größe_check', def: 'CHECK (("größe" >= 0))' },
      { conname: 'later', def: 'CHECK (("Id" > 0)) NOT VALID' },
      { conname: 'orgs_owner_fkey', def: 'FOREIGN KEY (owner) REFERENCES "user"(id)' },
      { conname: 'user_org_fkey', def: 'FOREIGN KEY (org_id) REFERENCES orgs(id)' },
    ]);
    expect(await rows(`select enumlabel from pg_enum where enumtypid = '"Sales Ops"."Mood"'::regtype order by enumsortorder`)).toEqual([
      { enumlabel: 'happy' }, { enumlabel: "it's ok" }, { enumlabel: 'sad' },
    ]);
    const seqs = once.sequences;
    expect(seqs.get('"Sales Ops"."Ticket Seq"')?.ownedBy).toEqual({ table: 'Order "Items"', column: 'Id' });
    expect(seqs.get('public.user_id_seq')).toMatchObject({ start: '100', ownedBy: { table: 'user', column: 'id' } });
    expect(once.triggers.get('"Sales Ops"."Order ""Items""".\"Touch It\"')).toMatchObject({ comment: 'touches', events: ['insert', 'update'] });
    expect(once.tables.get('"Sales Ops"."Order ""Items"""')?.columns.find((c) => c.name === 'größe')?.comment).toBe("it's big");
    expect([...once.views.keys()].sort()).toEqual(['"Sales Ops"."Big Tickets"', '"Sales Ops"."open tickets"', 'public."user count"']);
    // the rows a trigger and generated column produce, through the sequence
    await fresh.db.exec(`INSERT INTO "Sales Ops"."Order ""Items""" ("select") VALUES ('a')`);
    expect(await rows(`select "Id", "größe", double, mood::text from "Sales Ops"."Order ""Items"""`)).toEqual([{ Id: 1, größe: 0, double: 0, mood: 'happy' }]);
    expect(await rows(`select "Sales Ops"."ticket count"() as n`)).toEqual([{ n: '1' }]);
  });
});
