import { loadMigrations, type MigrationHistory } from '../load/index.js';
import { replaySteps, type ReplayResult } from '../replay/index.js';
import type { CliIo } from './cli-io.js';
import { formatDiagnostic, formatReplaySummary } from './print-diagnostics.js';

/** Options every command that reads migrations shares. */
export interface MigrationInputOptions {
  readonly migrations: string;
  readonly to?: string;
  readonly includeAlembicVersion?: boolean;
  /** `--config`: the schema-sync.json for .py revisions' settings (default: found from the working directory). */
  readonly config?: string;
  readonly quiet?: boolean;
  /** Names files in diagnostics and provenance (a git snapshot's temporary copy shows as `rev:path`). */
  readonly relabel?: (file: string) => string;
  /** Prefixes the summary line, when a command replays more than one history. */
  readonly label?: string;
}

/**
 * Loads and replays migrations, printing diagnostics and the summary to stderr. Returns the
 * result; callers decide what replay errors mean for their exit code. Between revisions it
 * yields to the event loop, so catalog queries started before it (see replayAndIntrospect) are
 * answered and the next one sent while the replay runs: server and client work overlap.
 */
export async function replayInput(o: MigrationInputOptions, io: Pick<CliIo, 'stderr' | 'cwd'>): Promise<ReplayResult & { readonly history: MigrationHistory }> {
  const { stderr } = io;
  const loaded = await loadMigrations(o.migrations, { cwd: io.cwd, ...(o.to !== undefined ? { to: o.to } : {}), ...(o.config !== undefined ? { config: o.config } : {}) });
  const relabel = o.relabel;
  const history = relabel ? { ...loaded, revisions: loaded.revisions.map((r) => ({ ...r, file: relabel(r.file) })) } : loaded;
  // Data-side Python (queries, bulk inserts) is not schema: say what was left out, and where.
  for (const r of history.revisions) {
    for (const s of r.skipped ?? []) stderr.write(`note: ${r.file}:${s.line}: data-side code not replayed: ${s.text}
`);
  }
  if (history.percentsUndoubled) {
    stderr.write(`note: every % in ${o.migrations} is doubled (Alembic --sql output through a format/pyformat driver such as psycopg2); reading %% as %\n`);
  }
  const steps = replaySteps(history, { includeAlembicVersion: !!o.includeAlembicVersion });
  let step = steps.next();
  while (!step.done) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    step = steps.next();
  }
  const result = step.value;
  for (const d of result.diagnostics) stderr.write(formatDiagnostic(d) + '\n');
  if (!o.quiet) stderr.write(`${o.label ? `${o.label}: ` : ''}${formatReplaySummary(result.stats, result.diagnostics)}\n`);
  return { ...result, history };
}
