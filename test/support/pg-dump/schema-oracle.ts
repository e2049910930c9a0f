import { createTwoFilesPatch } from 'diff';
import { pgDumpSchema } from './pg-dump.js';

/**
 * Canonical text of a `pg_dump --schema-only` for comparison. Only what PostgreSQL legitimately
 * orders differently between two builds of the same schema is normalised: the member lines of a
 * CREATE TABLE (a column added by ALTER comes last, where a fresh CREATE would put it elsewhere).
 * Comments, blank lines and the `\restrict` meta-commands carry no schema and are dropped. A run
 * of GRANT lines is sorted too: pg_dump prints an ACL in the order the grants were made.
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
  return `${sortRuns(out, (l) => l.startsWith('GRANT ')).join('\n')}\n`;
}

/** The lines with every run of consecutive lines matching `inRun` sorted. */
function sortRuns(lines: readonly string[], inRun: (line: string) => boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && inRun(lines[j]!)) j++;
    if (j > i) out.push(...lines.slice(i, j).sort());
    else out.push(lines[j++]!);
    i = j;
  }
  return out;
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

/** The statements of a normalised dump: each runs to the line that ends with `;`. */
function statementsOf(normalised: string): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  for (const line of normalised.split('\n')) {
    if (line === '') continue;
    current.push(line);
    if (line.endsWith(';')) {
      statements.push(current.join('\n'));
      current = [];
    }
  }
  if (current.length) statements.push(current.join('\n'));
  return statements;
}

/** A CREATE TABLE statement's header line and its member lines (without trailing commas). */
function tableParts(statement: string): { header: string; members: Set<string> } | undefined {
  const lines = statement.split('\n');
  if (!/^CREATE (UNLOGGED |FOREIGN )?TABLE .* \($/.test(lines[0]!)) return undefined;
  return { header: `${lines[0]}\n${lines[lines.length - 1]}`, members: new Set(lines.slice(1, -1).map((l) => l.replace(/,$/, ''))) };
}

/**
 * What `expected` has that `actual` lacks, for comparisons where the live database may keep more
 * (a history or a declaration whose drops were not enabled): every expected statement must be in
 * `actual`, a CREATE TABLE with at least the expected columns and constraints. Undefined when
 * nothing is missing.
 */
export function dumpShortfall(expected: string, actual: string): string | undefined {
  const have = new Map<string, number>();
  const tables = new Map<string, Set<string>>();
  for (const s of statementsOf(normalizeDump(actual))) {
    have.set(s, (have.get(s) ?? 0) + 1);
    const t = tableParts(s);
    if (t) tables.set(t.header, t.members);
  }
  const missing: string[] = [];
  for (const s of statementsOf(normalizeDump(expected))) {
    const n = have.get(s) ?? 0;
    if (n > 0) {
      have.set(s, n - 1);
      continue;
    }
    const t = tableParts(s);
    const live = t && tables.get(t.header);
    if (t && live) {
      const lacking = [...t.members].filter((m) => !live.has(m));
      if (!lacking.length) continue;
      missing.push(`${t.header.split('\n')[0]}\n${lacking.map((m) => `${m}  (missing or different)`).join('\n')}`);
      continue;
    }
    missing.push(s);
  }
  return missing.length ? missing.join('\n') : undefined;
}
