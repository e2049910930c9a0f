import { describe, expect, it } from 'vitest';
import { downgradeRange, parsePython } from '../../../src/load/alembic-py/parse-python.js';

const UPGRADE = 'from alembic import op\n\n\ndef upgrade():\n    op.execute(helper())\n\n\n';
const DOWNGRADE = 'def downgrade():\n    op.execute("""\nUPDATE t SET a = 1;\n""")\n    op.drop_table("t")\n\n\n';
const AFTER = 'def helper():\n    return "SELECT 1"\n';

describe('the downgrade() block is left out of the parse', () => {
  it('is found as a character range; a triple-quoted line at column 0 does not end it', () => {
    const src = UPGRADE + DOWNGRADE + AFTER;
    expect(downgradeRange(src)).toEqual({ from: UPGRADE.length, to: UPGRADE.length + DOWNGRADE.length });
    expect(downgradeRange(UPGRADE + DOWNGRADE)).toEqual({ from: UPGRADE.length, to: (UPGRADE + DOWNGRADE).length });
    expect(downgradeRange(UPGRADE)).toBeUndefined();
  });

  it('what follows it keeps its lines, and downgrade() is not in the module', () => {
    const m = parsePython(UPGRADE + DOWNGRADE + AFTER, 'x.py');
    expect(m.body.map((s) => [s.kind, s.kind === 'def' ? s.name : '', s.line])).toEqual([
      ['from', '', 1],
      ['def', 'upgrade', 4],
      ['def', 'helper', 15],
    ]);
  });

  it('a long downgrade after a long upgrade (as in ckan revision 107) is left out too', () => {
    const columns = Array.from({ length: 40 }, (_, i) => `        sa.Column("c${i}", sa.TEXT(), autoincrement=False, nullable=True),\n`).join('');
    const table = (verb: string, i: number) => `    op.${verb}(\n        "t${i}",\n${columns}    )\n`;
    const up = `import sqlalchemy as sa\nfrom alembic import op\n\n\ndef upgrade():\n${Array.from({ length: 3 }, (_, i) => table('create_table', i)).join('')}\n\n`;
    const down = `def downgrade():\n${Array.from({ length: 8 }, (_, i) => table('create_table', i)).join('')}`;
    const m = parsePython(up + down, 'long.py');
    expect(m.body.map((s) => (s.kind === 'def' ? s.name : s.kind))).toEqual(['import', 'from', 'upgrade']);
  });

  it('a syntax error before downgrade() is reported at its line', () => {
    expect(() => parsePython(UPGRADE.replace('helper())', 'helper()') + DOWNGRADE, 'bad.py')).toThrow(expect.objectContaining({ message: expect.stringMatching(/syntax error/), pos: { file: 'bad.py', line: 8 } }));
  });
});
