// Bundles the CLI into dist/cli-bundle/ (one entry file, lazily loaded chunks for each command's
// work), so a cold `schema-sync --help` reads a few files instead of ~30 modules. Packages with
// WASM or native parts stay external so their own relative asset paths still resolve.
import { build } from 'esbuild';

await build({
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: 'dist/cli-bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  external: ['libpg-query', 'pgsql-deparser', 'pg', '@electric-sql/pglite', '@electric-sql/pglite/*'],
  // commander is CommonJS: its require('node:events') needs a real require inside an ES module.
  banner: { js: "import { createRequire as __schemaSyncRequire } from 'node:module'; const require = __schemaSyncRequire(import.meta.url);" },
  logLevel: 'warning',
});
