/**
 * Puts one minimal valid row into a table of a live database, for acceptance runs that need data
 * where a history backfills. Values come from the live catalog: NOT NULL columns without a default
 * get a value of their type (enum: its first label), NOT NULL foreign keys point at a row made (or
 * found) in the referenced table first; nullable columns stay NULL. Each INSERT runs in its
 * own transaction, so a CHECK the minimal row breaks leaves the database as it was.
 */
import type { Database } from '../../src/db/index.js';

/** What happened to one table: it got a row, already had one, or could not get one (and why). */
export type RowOutcome = { readonly table: string; readonly result: 'inserted' | 'had rows' } | { readonly table: string; readonly result: 'failed'; readonly why: string };

interface ColumnInfo {
  name: string;
  type: string;
  category: string;
  typname: string;
  notnull: boolean;
  hasdefault: boolean;
  enumlabel: string | null;
}

interface ForeignKey {
  columns: string[];
  refTable: string;
  refColumns: string[];
}

const ident = (s: string): string => `"${s.replace(/"/g, '""')}"`;
const literal = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** A literal of the column's type, or undefined when this helper knows none. */
function valueFor(c: ColumnInfo): string | undefined {
  if (c.enumlabel !== null) return `${literal(c.enumlabel)}::${c.type}`;
  const byName: Record<string, string> = {
    uuid: 'gen_random_uuid()', json: `'{}'::json`, jsonb: `'{}'::jsonb`, tsvector: `''::tsvector`, bytea: `''::bytea`,
    money: '0::money', xml: `'<x/>'::xml`, oid: '0::oid', regclass: `'pg_class'::regclass`,
  };
  if (byName[c.typname]) return byName[c.typname];
  switch (c.category) {
    case 'N': return `1::${c.type}`;
    case 'S': return `'x'::${c.type}`;
    case 'B': return `false`;
    case 'D': return `'now'::${c.type}`;
    case 'T': return `'1 day'::${c.type}`;
    case 'A': return `'{}'::${c.type}`;
    case 'I': return `'127.0.0.1'::${c.type}`;
    case 'V': return `B'0'::${c.type}`;
    default: return undefined;
  }
}

async function columnsOf(db: Database, table: string): Promise<ColumnInfo[]> {
  return db.query<ColumnInfo>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, bt.typcategory AS category, bt.typname,
            a.attnotnull AS notnull, (a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> '') AS hasdefault,
            (SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = bt.oid ORDER BY e.enumsortorder LIMIT 1) AS enumlabel
       FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
       JOIN pg_type bt ON bt.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
      WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    [table],
  );
}

async function foreignKeysOf(db: Database, table: string): Promise<ForeignKey[]> {
  const rows = await db.query<{ columns: string[]; reftable: string; refcolumns: string[] }>(
    `SELECT ARRAY(SELECT attname FROM unnest(c.conkey) WITH ORDINALITY k(n, i) JOIN pg_attribute ON attrelid = c.conrelid AND attnum = k.n ORDER BY k.i)::text[] AS columns,
            c.confrelid::regclass::text AS reftable,
            ARRAY(SELECT attname FROM unnest(c.confkey) WITH ORDINALITY k(n, i) JOIN pg_attribute ON attrelid = c.confrelid AND attnum = k.n ORDER BY k.i)::text[] AS refcolumns
       FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid = $1::regclass`,
    [table],
  );
  return rows.map((r) => ({ columns: r.columns, refTable: r.reftable, refColumns: r.refcolumns }));
}

/**
 * Makes sure `table` (a name `to_regclass` resolves) holds at least one row; returns what was
 * done for it and for the tables its NOT NULL foreign keys needed.
 */
export async function ensureRow(db: Database, table: string, visiting = new Set<string>()): Promise<RowOutcome[]> {
  const [{ exists }] = await db.query<{ exists: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${table}) AS exists`) as [{ exists: boolean }];
  if (exists) return [{ table, result: 'had rows' }];
  if (visiting.has(table)) return [{ table, result: 'failed', why: 'a cycle of NOT NULL foreign keys' }];
  visiting.add(table);
  const out: RowOutcome[] = [];
  const columns = await columnsOf(db, table);
  const values = new Map<string, string>();
  for (const fk of await foreignKeysOf(db, table)) {
    const required = fk.columns.some((c) => columns.find((x) => x.name === c)?.notnull);
    if (!required) continue;
    const parent = await ensureRow(db, fk.refTable, visiting);
    out.push(...parent);
    if (parent.at(-1)?.result === 'failed') return [...out, { table, result: 'failed', why: `no row in ${fk.refTable}` }];
    const [ref] = await db.query<Record<string, unknown>>(
      `SELECT ${fk.refColumns.map((c, i) => `${ident(c)}::text AS c${i}`).join(', ')} FROM ${fk.refTable} LIMIT 1`,
    );
    fk.columns.forEach((c, i) => {
      const v = ref![`c${i}`];
      const col = columns.find((x) => x.name === c)!;
      values.set(c, v === null ? 'NULL' : `${literal(String(v))}::${col.type}`);
    });
  }
  for (const c of columns) {
    if (!c.notnull || c.hasdefault || values.has(c.name)) continue;
    const v = valueFor(c);
    if (v === undefined) return [...out, { table, result: 'failed', why: `no minimal value for ${c.name} ${c.type}` }];
    values.set(c.name, v);
  }
  const names = [...values.keys()];
  const sql = names.length
    ? `INSERT INTO ${table} (${names.map(ident).join(', ')}) VALUES (${names.map((n) => values.get(n)).join(', ')})`
    : `INSERT INTO ${table} DEFAULT VALUES`;
  await db.exec('BEGIN');
  try {
    await db.exec(sql);
    await db.exec('COMMIT');
    return [...out, { table, result: 'inserted' }];
  } catch (e) {
    await db.exec('ROLLBACK');
    return [...out, { table, result: 'failed', why: (e as Error).message.split('\n')[0]! }];
  } finally {
    visiting.delete(table);
  }
}
