/**
 * Rewrites the change-kind and concern enums of schema/plan.schema.json from the kind registry
 * (npm run build runs it; adding a kind needs no hand edit of the schema). `--check`: exit 1,
 * changing nothing, when the committed file is behind.
 *
 * Usage: npx tsx scripts/plan-schema.ts [--check]
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { withPlanSchemaEnums } from './support/plan-schema.js';

const file = path.resolve(import.meta.dirname, '../schema/plan.schema.json');
const text = await readFile(file, 'utf8');
const next = withPlanSchemaEnums(text);
if (next === text) {
  console.log('schema/plan.schema.json: enums match the kind registry');
} else if (process.argv.includes('--check')) {
  console.error('schema/plan.schema.json: enums differ from the kind registry (run npx tsx scripts/plan-schema.ts)');
  process.exitCode = 1;
} else {
  await writeFile(file, next);
  console.log('schema/plan.schema.json: enums rewritten from the kind registry');
}
