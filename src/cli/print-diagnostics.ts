import type { Diagnostic, ReplayStats } from '../replay/index.js';

/** `file:line:col: warning: message` lines, the format editors and CI annotate. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.pos.file}:${d.pos.line}:${d.pos.column}: ${d.severity}: ${d.message}${d.statement ? ` [${d.statement}]` : ''}`;
}

/** One-line replay summary for stderr. */
export function formatReplaySummary(stats: ReplayStats, diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const parts = [
    `${stats.revisions} revision${stats.revisions === 1 ? '' : 's'}`,
    `${stats.statements} statements: ${stats.modelled} modelled, ${stats.noSchemaChange} with no schema change, ${stats.notModelled} not modelled`,
  ];
  if (errors) parts.push(`${errors} error${errors === 1 ? '' : 's'}`);
  return `replayed ${parts.join('; ')}`;
}
