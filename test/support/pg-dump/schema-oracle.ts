import { createTwoFilesPatch } from 'diff';
import { pgDumpSchema } from './pg-dump.js';

/**
 * Canonical text of a `pg_dump --schema-only` for comparison. Only what PostgreSQL legitimately
 * orders differently between two builds of the same schema is normalised: the member lines of a
 * CREATE TABLE (a column added by ALTER comes last, where a fresh CREATE would put it elsewhere).
 * Comments, blank lines and the `\restrict` meta-commands carry no schema and are dropped.
 */
export function normalizeDump(dump: string): string {
  const lines = dump
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('--') && !/^\\(un)?restrict\b/.test(l));
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    out.push(line);
    if (!/^CREATE (UNLOGGED |FOREIGN )?TABLE .* \($/.test(line)) continue;
    const members: string[] = [];
    while (i + 1 < lines.length && !/^\)/.test(lines[i + 1]!)) members.push(lines[++i]!.replace(/,$/, ''));
    members.sort();
    out.push(...members.map((m, k) => (k < members.length - 1 ? `${m},` : m)));
  }
  return `${out.join('\n')}\n`;
}

/** A unified diff between two normalised dumps, or undefined when they are equal. */
export function dumpDifference(expected: string, actual: string, labels = ['expected', 'actual']): string | undefined {
  const a = normalizeDump(expected);
  const b = normalizeDump(actual);
  if (a === b) return undefined;
  return createTwoFilesPatch(labels[0]!, labels[1]!, a, b, undefined, undefined, { context: 3 });
}

/**
 * The independent oracle: pg_dump of the database schema-sync converged against pg_dump of one
 * built directly from the migrations. Returns the difference (a unified diff) or undefined.
 */
export async function schemaDifference(expectedUrl: string, actualUrl: string): Promise<string | undefined> {
  const [expected, actual] = [await pgDumpSchema(expectedUrl), await pgDumpSchema(actualUrl)];
  return dumpDifference(expected, actual, ['built from the migrations', 'converged by schema-sync']);
}
