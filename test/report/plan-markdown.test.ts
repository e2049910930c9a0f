import { describe, expect, it } from 'vitest';
import { computePlan } from '../../src/cli/compute-plan.js';
import { compareStates, countObjects } from '../../src/diff/compare-states.js';
import { renderCheckMarkdown } from '../../src/report/check-markdown.js';
import { renderPlanMarkdown } from '../../src/report/plan-markdown.js';
import { replay } from '../../src/replay/index.js';
import type { Revision } from '../../src/load/index.js';
import { emptyState, type SchemaState } from '../../src/model/schema-state.js';
import { mermaidBlocks, parseMermaid } from './mermaid.js';

const BASE = '/home/dev/app';

/** Replays revisions stored as `/home/dev/app/migrations/000N_rN.sql` (absolute, as a CLI run would give). */
function replayAt(sqls: readonly string[]): SchemaState {
  const revisions: Revision[] = sqls.map((sql, i) => ({
    id: `r${i + 1}`, parents: i ? [`r${i}`] : [], file: `${BASE}/migrations/000${i + 1}_r${i + 1}.sql`, sql, startLine: 1,
  }));
  const r = replay({ source: `${BASE}/migrations`, kind: 'revision-folder', revisions, heads: [revisions.at(-1)!.id] });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.state;
}

const V1 = [
  `CREATE TABLE customers (id int PRIMARY KEY, full_name text NOT NULL, legacy text);
   CREATE TABLE sessions (id int PRIMARY KEY, customer_id int REFERENCES customers (id));`,
  `CREATE TABLE "Order Items" (id serial PRIMARY KEY, customer_id int NOT NULL REFERENCES customers (id), "select" character varying(20), total numeric(10,2));`,
];
const V2 = [
  ...V1,
  `ALTER TABLE customers RENAME COLUMN full_name TO name;
   ALTER TABLE customers ADD COLUMN email varchar(320) UNIQUE;
   ALTER TABLE customers DROP COLUMN legacy;
   DROP TABLE sessions;
   ALTER TABLE "Order Items" ALTER COLUMN total TYPE numeric(12,2);
   CREATE INDEX order_items_customer_idx ON "Order Items" (customer_id);`,
];

describe('plan as Markdown', () => {
  it('summary table, hazards first, changes by revision with relative paths, and a Mermaid ER diagram that Mermaid parses', async () => {
    const computed = computePlan(replayAt(V2), replayAt(V1), { allowDestructive: true });
    const md = renderPlanMarkdown(computed, { title: 'Schema diff: main → branch', base: BASE });
    expect(md.startsWith('## Schema diff: main → branch\n')).toBe(true);
    expect(md).toMatch(/\*\*7 changes\*\* \(3 safe, 2 review, 2 destructive\)/);
    expect(md).toContain('| object | safe | review | destructive | total |');
    expect(md).toContain('| table |  |  | 1 | 1 |');
    // Hazards come before the per-revision listing, destructive first.
    const review = md.indexOf('### ⚠️ Needs review');
    const byRevision = md.indexOf('### Changes by revision');
    expect(review).toBeGreaterThan(0);
    expect(byRevision).toBeGreaterThan(review);
    expect(md.slice(review, byRevision)).toMatch(/^- 🔴 drop (table|column) [\s\S]*\n- 🟠 /m);
    // numeric(10,2) -> numeric(12,2) keeps every value and rewrites nothing: safe, not under review.
    expect(md).not.toContain('🟠 change type of column');
    expect(md).toContain('change type of column `public."Order Items".total` (numeric(10,2) -> numeric(12,2))');
    // Paths are relative to the base and not repeated on every line of a revision.
    expect(md).not.toContain(BASE);
    expect(md).toContain('**`migrations/0003_r3.sql`: 7 changes (3 safe, 2 review, 2 destructive)**');
    expect(md.slice(byRevision)).toContain('- 🟢 add column `public.customers.email` (character varying(320)) — line 2');
    // The diagram: touched tables with their changed parts marked.
    const [diagram, ...more] = mermaidBlocks(md);
    expect(more).toEqual([]);
    expect(await parseMermaid(diagram!)).toBe('er');
    expect(diagram).toContain('["public.customers"] {');
    expect(diagram).toContain('character_varying(320) email UK "added"');
    expect(diagram).toContain('text name "renamed from full_name"');
    expect(diagram).toContain('text legacy "dropped"');
    expect(diagram).toContain('["public.sessions (dropped)"] {');
    expect(diagram).toContain('["public.\'Order Items\'"] {');
    expect(diagram).toContain('character_varying(20) select');
    expect(diagram).toContain('numeric(12,2) total "type was numeric(10,2)"');
    expect(diagram).toMatch(/t\d+ \|\|--o\{ t\d+ : "Order Items_customer_id_fkey"/);
  });

  it('a large plan stays readable: collapsed revisions, one line per object, a bounded diagram Mermaid still parses', async () => {
    // 300 tables in 30 revisions, each table with a foreign key to the previous one and two indexes.
    const revisions = Array.from({ length: 30 }, (_, r) => Array.from({ length: 10 }, (_, i) => {
      const n = r * 10 + i;
      return `CREATE TABLE t${n} (id bigint PRIMARY KEY, ${n ? `prev_id bigint REFERENCES t${n - 1} (id), ` : ''}name text NOT NULL, payload jsonb, created_at timestamptz DEFAULT now());
        CREATE INDEX t${n}_name_idx ON t${n} (name); CREATE INDEX t${n}_created_idx ON t${n} (created_at);`;
    }).join('\n'));
    const computed = computePlan(replayAt(revisions), emptyState(), {});
    expect(computed.plan.changes.length).toBeGreaterThan(800);
    const md = renderPlanMarkdown(computed, { title: 'plan', base: BASE });
    const lines = md.split('\n').length;
    expect(lines).toBeLessThan(400);
    expect(md.match(/<details>/g)!.length).toBeGreaterThanOrEqual(30);
    expect(md).toContain('Each line is one kind of change');
    expect(md).toMatch(/- 🟢 create table ×10: `public.t10`, `public.t11`, .*`public.t19`\n/);
    expect(md).toContain('<summary><code>migrations/0001_r1.sql</code>');
    for (const d of mermaidBlocks(md)) expect(await parseMermaid(d)).toBe('er');
    expect(md).toMatch(/Showing \d+ of 300 touched tables/);
  });

  it('says there is nothing to do when both sides are equal', () => {
    const state = replayAt(V1);
    const md = renderPlanMarkdown(computePlan(state, state, {}), { title: 'plan' });
    expect(md).toContain('✅ Nothing to do');
    expect(mermaidBlocks(md)).toEqual([]);
  });
});

describe('check as Markdown', () => {
  it('counts by object and difference, groups by revision, and diagrams the tables that differ', async () => {
    const target = replayAt(V2);
    const live = replayAt(V1);
    const differences = compareStates(target, live);
    const md = renderCheckMarkdown({ target: `${BASE}/migrations`, database: 'postgres://app:***@db/app', objectsCompared: countObjects(target, live), differences }, { target, live }, { base: BASE });
    expect(md).toContain('## schema-sync check: `migrations` against `postgres://app:***@db/app`');
    expect(md).toMatch(/❌ \*\*\d+ differences\*\* \(\d+ missing, \d+ extra, \d+ different\)/);
    expect(md).toContain('| object | missing | extra | different | total |');
    expect(md).toContain('➖ only in the database: table `public.sessions`');
    expect(md).toContain('**objects no migration describes');
    const [diagram] = mermaidBlocks(md);
    expect(await parseMermaid(diagram!)).toBe('er');
    expect(diagram).toContain('["public.sessions (only in the database)"]');
    expect(diagram).toContain('email UK "missing from the database"');
  });
});
