/**
 * One cold run of every pipeline phase, in a fresh process (run by bench/run.ts through tsx):
 *   node --import tsx bench/phases-child.ts <migrations> <drifted-url> [<empty-url>]
 * Prints the phase timings (ms) as JSON on stdout. Phases: load+parse, replay, introspect, diff,
 * plan (against the drifted database), and apply from empty (when an empty database is given).
 */
import { apply } from '../src/apply/index.js';
import { openDatabase } from '../src/db/index.js';
import { diff } from '../src/diff/diff.js';
import { introspect } from '../src/introspect/index.js';
import { loadMigrations } from '../src/load/index.js';
import { parseRevision } from '../src/parse/index.js';
import { plan } from '../src/plan/index.js';
import { replayStatements } from '../src/replay/index.js';

const [migrations, driftUrl, emptyUrl] = process.argv.slice(2);
if (!migrations || !driftUrl) throw new Error('usage: phases-child.ts <migrations> <drifted-url> [<empty-url>]');

const times: Record<string, number> = {};
let mark = performance.now();
const lap = (name: string): void => {
  const now = performance.now();
  times[name] = now - mark;
  mark = now;
};

const history = await loadMigrations(migrations);
const parsed = history.revisions.flatMap((r) => parseRevision(r));
lap('loadParse');
const { state: target, diagnostics } = replayStatements(parsed, {}, history.revisions.length);
lap('replay');
if (diagnostics.length) throw new Error(`replay reported ${diagnostics.length} diagnostics`);

const db = await openDatabase(driftUrl);
mark = performance.now();
const live = await introspect(db);
lap('introspect');
const changes = diff(target, live);
lap('diff');
const steps = plan(changes, live, {});
lap('plan');
await db.close();

const counts = { changes: steps.changes.length, steps: steps.steps.length };
if (emptyUrl) {
  const empty = await openDatabase(emptyUrl);
  mark = performance.now();
  const result = await apply(empty, target, {});
  lap('applyEmpty');
  await empty.close();
  if (result.remaining.changes.length) throw new Error(`apply left ${result.remaining.changes.length} changes`);
  Object.assign(times, {
    applyEmptyPlan: result.timings.planMs, applyEmptyExecute: result.timings.executeMs, applyEmptyVerify: result.timings.verifyMs,
  });
}
process.stdout.write(JSON.stringify({ times, counts }) + '\n');
