/**
 * Measures one size: builds its databases, then times schema-sync's commands and phases next to
 * the peers on the same databases, checking after every apply that `check` exits 0.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchDatabases } from './databases.js';
import type { GeneratedHistory } from './generate/history.js';
import { writeHistory } from './generate/write-history.js';
import { catalogFloor } from './peers/catalog-floor.js';
import { runMigra } from './peers/migra.js';
import { pgDumpSchema, psqlFile } from './peers/pg-tools.js';
import { expectExit, runNode, type Measured } from './support/measure.js';
import { summarize, type Summary } from './support/stats.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(root, 'bin', 'schema-sync.js');
const phasesChild = path.join(root, 'bench', 'phases-child.ts');

/** Wall, CPU and memory of repeated runs of one command. */
export interface CommandResult {
  readonly wall: Summary;
  readonly cpu?: Summary;
  readonly maxRssMb?: number;
}

/** Everything measured at one size. */
export interface SizeResult {
  readonly size: string;
  readonly counts: GeneratedHistory['counts'];
  readonly plan: { readonly changes: number; readonly steps: number };
  readonly commands: Record<string, CommandResult>;
  readonly phases: Record<string, Summary>;
  readonly peers: Record<string, CommandResult & { readonly note?: string }>;
}

/** How often to repeat what; heavy peers (migra) may run fewer times. */
export interface SizeOptions {
  readonly runs: number;
  readonly heavyRuns: number;
  readonly workDir: string;
  readonly pgDump?: string;
  readonly psql?: string;
  readonly migra: boolean;
  readonly log: (line: string) => void;
}

function commandResult(runs: readonly Measured[]): CommandResult {
  const cpu = runs.flatMap((r) => (r.cpuMs !== undefined ? [r.cpuMs] : []));
  const rss = runs.flatMap((r) => (r.maxRssMb !== undefined ? [r.maxRssMb] : []));
  return {
    wall: summarize(runs.map((r) => r.wallMs)),
    ...(cpu.length ? { cpu: summarize(cpu) } : {}),
    ...(rss.length ? { maxRssMb: Math.max(...rss) } : {}),
  };
}

async function repeat(times: number, fn: (i: number) => Promise<Measured>): Promise<Measured[]> {
  const out: Measured[] = [];
  for (let i = 0; i < times; i++) out.push(await fn(i));
  return out;
}

/** Measures one size end to end. */
export async function measureSize(size: string, history: GeneratedHistory, dbs: BenchDatabases, o: SizeOptions): Promise<SizeResult> {
  const dir = path.join(o.workDir, size);
  const migrations = writeHistory(history, dir);
  const cliRun = (args: string[]): Promise<Measured> => runNode(cli, args, { NO_COLOR: '1' });
  const check = async (url: string, what: string): Promise<void> => {
    const r = await cliRun(['check', '-m', migrations, '-d', url]);
    if (r.code !== 0) throw new Error(`${what}: check exited ${r.code} afterwards, so the result does not count\n${r.stdout.slice(0, 3000)}`);
  };
  const base = `bench_${size.toLowerCase()}`;

  o.log(`${size}: building the databases (${history.counts.tables} tables, ${history.counts.statements} statements)`);
  const fullUrl = await dbs.buildFromHistory(`${base}_full`, history.revisions);
  await check(fullUrl, 'the database built from the history');
  await dbs.create(`${base}_drift`, `${base}_full`);
  await dbs.execEach(`${base}_drift`, history.drift);
  const driftUrl = dbs.url(`${base}_drift`);

  const commands: Record<string, CommandResult> = {};
  const peers: Record<string, CommandResult> = {};

  o.log(`${size}: state`);
  const stateRuns = await repeat(o.runs, async () => expectExit(await cliRun(['state', '-q', '-m', migrations]), [0], 'state'));
  commands.state = commandResult(stateRuns);
  const targetSql = path.join(dir, 'target.sql');
  writeFileSync(targetSql, stateRuns[0]!.stdout);

  o.log(`${size}: plan, check (drifted database)`);
  const planRuns = await repeat(o.runs, async () => expectExit(await cliRun(['plan', '-m', migrations, '-d', driftUrl, '--format', 'json']), [2], 'plan'));
  commands.plan = commandResult(planRuns);
  const planJson = JSON.parse(planRuns[0]!.stdout) as { steps: unknown[]; changes: unknown[] };
  commands.check = commandResult(await repeat(o.runs, async () => expectExit(await cliRun(['check', '-m', migrations, '-d', driftUrl]), [2], 'check')));

  o.log(`${size}: catalog floor${o.pgDump ? ', pg_dump -s' : ''}`);
  const floor = [];
  for (let i = 0; i < o.runs; i++) floor.push((await catalogFloor(driftUrl)).wallMs);
  peers.catalogFloor = { wall: summarize(floor) };
  if (o.pgDump) peers.pgDump = commandResult(await repeat(o.runs, () => pgDumpSchema(o.pgDump!, driftUrl)));

  o.log(`${size}: phases`);
  const phaseRuns: Record<string, number>[] = [];
  for (let i = 0; i < o.heavyRuns; i++) {
    const emptyUrl = await dbs.create(`${base}_phase_empty`);
    const r = expectExit(await runNode(phasesChild, [migrations, driftUrl, emptyUrl], {}, ['--import', 'tsx']), [0], 'phases');
    phaseRuns.push((JSON.parse(r.stdout) as { times: Record<string, number> }).times);
    await check(emptyUrl, 'apply phase');
  }
  const phases: Record<string, Summary> = {};
  for (const k of Object.keys(phaseRuns[0]!)) phases[k] = summarize(phaseRuns.map((p) => p[k]!));

  o.log(`${size}: apply from empty, apply on the drifted database`);
  commands.applyEmpty = commandResult(
    await repeat(o.heavyRuns, async () => {
      const url = await dbs.create(`${base}_apply_empty`);
      const r = expectExit(await cliRun(['apply', '-m', migrations, '-d', url]), [0], 'apply from empty');
      await check(url, 'apply from empty');
      return r;
    }),
  );
  commands.applyDrifted = commandResult(
    await repeat(o.runs, async () => {
      const url = await dbs.create(`${base}_apply_drift`, `${base}_drift`);
      const r = expectExit(await cliRun(['apply', '-m', migrations, '-d', url]), [0], 'apply on the drifted database');
      await check(url, 'apply on the drifted database');
      return r;
    }),
  );
  if (o.psql) {
    o.log(`${size}: psql -1 -f of the target DDL`);
    peers.psql = commandResult(
      await repeat(o.heavyRuns, async () => {
        const url = await dbs.create(`${base}_psql`);
        const r = await psqlFile(o.psql!, url, targetSql);
        await check(url, 'psql -1 -f of the target DDL');
        return r;
      }),
    );
  }
  if (o.migra) {
    o.log(`${size}: @pgkit/migra (drifted -> built from history)`);
    peers.migra = commandResult(await repeat(o.heavyRuns, () => runMigra(driftUrl, fullUrl)));
  }
  for (const n of ['full', 'drift', 'phase_empty', 'apply_empty', 'apply_drift', 'psql']) await dbs.drop(`${base}_${n}`);
  return { size, counts: history.counts, plan: { changes: planJson.changes.length, steps: planJson.steps.length }, commands, phases, peers };
}
