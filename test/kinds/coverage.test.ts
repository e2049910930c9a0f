import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kinds } from '../../src/kinds/registry.js';

/**
 * docs/COVERAGE.md keeps, per registered kind, where its golden, convergence (create, alter, drop,
 * rename) and `check` drift tests are. A kind added to kindList() without its row fails here, as
 * does an empty cell or a cell naming a test file that is not there.
 */
const COLUMNS = ['kind', 'golden', 'create', 'alter', 'drop', 'rename', 'check drift'];

/** The matrix's rows: cells of each `| ... |` line below the header. */
function matrix(): string[][] {
  const lines = readFileSync('docs/COVERAGE.md', 'utf8').split('\n');
  const header = lines.findIndex((l) => l.startsWith('| kind |'));
  expect(header).toBeGreaterThanOrEqual(0);
  expect(lines[header]!.split('|').slice(1, -1).map((c) => c.trim())).toEqual(COLUMNS);
  const rows: string[][] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.split('|').slice(1, -1).map((c) => c.trim()));
  }
  return rows;
}

describe('docs/COVERAGE.md', () => {
  it('has a row for every registered kind', () => {
    const named = new Set(matrix().map((r) => /^`(\w+)`/.exec(r[0]!)?.[1]));
    expect(kinds().map((k) => k.name).filter((n) => !named.has(n))).toEqual([]);
  });

  it('fills every cell, and every test file it names exists', () => {
    for (const row of matrix()) {
      expect(row, row[0]).toHaveLength(COLUMNS.length);
      for (const cell of row) expect(cell, row[0]).not.toBe('');
      for (const file of row.join(' ').match(/test\/[\w/.-]+\.ts/g) ?? []) expect(existsSync(file), file).toBe(true);
    }
  });
});
