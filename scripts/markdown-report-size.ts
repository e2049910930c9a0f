// Acceptance: the Markdown plan of each corpus from an empty database stays readable (under
// --max-lines, 400 by default) and its Mermaid diagrams parse with Mermaid's own parser.
//   npx tsx scripts/markdown-report-size.ts [--max-lines N] <corpus-dir>...   (e.g. ../shared/corpora/alembic/polar)
import path from 'node:path';
import mermaid from 'mermaid';
import { computePlan } from '../src/cli/compute-plan.js';
import { openDatabase } from '../src/db/index.js';
import { introspect } from '../src/introspect/index.js';
import { loadMigrations } from '../src/load/index.js';
import { renderPlanMarkdown } from '../src/report/plan-markdown.js';
import { replay } from '../src/replay/index.js';

const args = process.argv.slice(2);
const at = args.indexOf('--max-lines');
const maxLines = at >= 0 ? Number(args.splice(at, 2)[1]) : 400;
if (!args.length) {
  console.error('usage: npx tsx scripts/markdown-report-size.ts [--max-lines N] <corpus-dir>...');
  process.exit(1);
}
let failed = 0;
for (const corpus of args) {
  const dir = path.join(corpus, 'revisions');
  const target = replay(await loadMigrations(dir)).state;
  const db = await openDatabase('pglite:memory');
  const live = await introspect(db).finally(() => db.close());
  const computed = computePlan(target, live, {});
  const md = renderPlanMarkdown(computed, { title: `schema-sync plan: ${dir} → empty database`, base: [process.cwd(), path.dirname(path.resolve(dir))] });
  const lines = md.split('\n').length - 1;
  const diagrams = [...md.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1]!);
  const parsed = await Promise.all(diagrams.map((d) => mermaid.parse(d).then(() => true, (e: Error) => (console.error(e.message), false))));
  const ok = lines < maxLines && parsed.every(Boolean) && diagrams.length > 0;
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${path.basename(corpus)}: ${computed.plan.changes.length} changes -> ${lines} lines of Markdown (limit ${maxLines}), ${diagrams.length} Mermaid diagram(s) ${parsed.every(Boolean) ? 'parsed' : 'NOT parsed'}`);
}
process.exit(failed ? 1 : 0);
