import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planSchemaEnums, withPlanSchemaEnums } from '../../scripts/support/plan-schema.js';

const FILE = path.resolve(import.meta.dirname, '../../schema/plan.schema.json');

/** The enums the committed schema lists for a change's kind and concern. */
function committedEnums(text: string): { changeKinds: string[]; concerns: string[] } {
  const change = JSON.parse(text).$defs.change.properties;
  return { changeKinds: change.kind.enum, concerns: change.change.properties.concern.enum };
}

describe('the published plan schema follows the kind registry (schema/plan.schema.json)', () => {
  it('lists every registered change kind and concern, in registry order (else: npx tsx scripts/plan-schema.ts)', async () => {
    const text = await readFile(FILE, 'utf8');
    const registry = planSchemaEnums();
    const committed = committedEnums(text);
    const missing = (want: readonly string[], have: readonly string[]): string[] => want.filter((k) => !have.includes(k));
    expect({ missingKinds: missing(registry.changeKinds, committed.changeKinds), missingConcerns: missing(registry.concerns, committed.concerns) }).toEqual({ missingKinds: [], missingConcerns: [] });
    expect(committed).toEqual(registry);
    expect(withPlanSchemaEnums(text)).toBe(text);
  });

  it('the script rewrites a schema that fell behind, and nothing else in it', async () => {
    const text = await readFile(FILE, 'utf8');
    const behind = text.replace('"createRule", ', '').replace('"opens every row", ', '');
    expect(committedEnums(behind).changeKinds).not.toContain('createRule');
    const rewritten = withPlanSchemaEnums(behind);
    expect(rewritten).toBe(text);
    expect(committedEnums(rewritten)).toEqual(planSchemaEnums());
    expect(() => withPlanSchemaEnums('{}')).toThrow(/expected one "kind": \{ "enum": \[\.\.\.\] \}, found 0/);
  });
});
