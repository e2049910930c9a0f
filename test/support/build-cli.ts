import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Entry points the tests run as processes, bundled once per test run. */
export const BUNDLED_ENTRIES = {
  cli: 'src/cli/main.ts',
  syncScript: 'scripts/sync-production-schema.ts',
} as const;

/** Paths of the bundles, by entry name. */
export type BuiltEntries = { readonly [K in keyof typeof BUNDLED_ENTRIES]: string };

/**
 * Bundles the CLI (and the sync script) from source once per test run, so each CLI test spawns a
 * plain `node file.mjs` instead of transpiling ~300 modules through tsx on every call. Packages
 * stay external and the bundles sit under the project's node_modules/.cache, so `libpg-query`
 * resolves (and finds its WASM) exactly as it does for the built CLI.
 */
export async function buildCliBundles(): Promise<{ entries: BuiltEntries; remove: () => Promise<void> }> {
  const cache = path.join(ROOT, 'node_modules/.cache/schema-sync-tests');
  await mkdir(cache, { recursive: true });
  const dir = await mkdtemp(path.join(cache, 'run-'));
  const entries = {} as { -readonly [K in keyof BuiltEntries]: string };
  await Promise.all(
    (Object.keys(BUNDLED_ENTRIES) as (keyof BuiltEntries)[]).map(async (name) => {
      const outfile = path.join(dir, `${name}.mjs`);
      await build({
        entryPoints: [path.join(ROOT, BUNDLED_ENTRIES[name])],
        outfile,
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        packages: 'external',
        sourcemap: 'inline',
        logLevel: 'silent',
      });
      entries[name] = outfile;
    }),
  );
  return { entries, remove: () => rm(dir, { recursive: true, force: true }) };
}
