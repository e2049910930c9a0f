import { describe, expect, it } from 'vitest';
import { foreignKeyShape, indexShape } from '../../src/introspect/definition-shapes.js';

describe('definition shapes', () => {
  it('cuts the index and table names, keeping everything lowering reads', () => {
    const a = indexShape('CREATE INDEX accounts_0001_created_at_idx ON public.accounts_0001 USING btree (created_at) WHERE (deleted_at IS NULL)');
    const b = indexShape('CREATE INDEX "Odd ""Name"" ON x" ON "Sales Ops"."Order.Items" USING btree (created_at) WHERE (deleted_at IS NULL)');
    expect(a).toBe('USING btree (created_at) WHERE (deleted_at IS NULL)');
    expect(b).toBe(a);
    expect(indexShape('CREATE UNIQUE INDEX u ON public.t USING btree (created_at) WHERE (deleted_at IS NULL)')).not.toBe(a);
    expect(indexShape('CREATE INDEX p ON ONLY public.t USING btree (created_at) WHERE (deleted_at IS NULL)')).not.toBe(a);
    expect(indexShape('CREATE INDEX i ON t USING gin (tags)')).toBe('USING gin (tags)');
  });

  it('gives no index shape to text of another form', () => {
    for (const odd of ['CREATE INDEX "unterminated ON public.t USING btree (a)', 'CREATE INDEX i ON public.t(a)', 'ALTER TABLE t ADD x', 'CREATE INDEX  i ON t USING btree (a)']) {
      expect(indexShape(odd)).toBeUndefined();
    }
  });

  it('cuts only the referenced table of a foreign key', () => {
    const a = foreignKeyShape('FOREIGN KEY (parent_id) REFERENCES tickets_0007(id) ON DELETE CASCADE');
    expect(a).toBe('FOREIGN KEY (parent_id) REFERENCES ?(id) ON DELETE CASCADE');
    expect(foreignKeyShape('FOREIGN KEY (parent_id) REFERENCES "Sales Ops"."a.b(c"(id) ON DELETE CASCADE')).toBe(a);
    expect(foreignKeyShape('FOREIGN KEY ("a) REFERENCES x(", b) REFERENCES t(id, k) DEFERRABLE')).toBe(
      'FOREIGN KEY ("a) REFERENCES x(", b) REFERENCES ?(id, k) DEFERRABLE',
    );
    expect(foreignKeyShape('FOREIGN KEY (parent_id) REFERENCES tickets_0007(id) ON DELETE SET NULL')).not.toBe(a);
    for (const other of ['CHECK ((a > 0))', 'PRIMARY KEY (id)', 'FOREIGN KEY (a) REFERENCES t', 'FOREIGN KEY (a REFERENCES t(id)']) {
      expect(foreignKeyShape(other)).toBeUndefined();
    }
  });
});
