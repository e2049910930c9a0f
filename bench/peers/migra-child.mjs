// Usage: node bench/peers/migra-child.mjs <fromUrl> <toUrl>
// Prints @pgkit/migra's SQL turning `from` into `to` (unsafe/drop statements allowed) to stdout,
// and "migra-statements: N" to stderr. Exits 0 whether or not there are differences.
import migra from '@pgkit/migra';

/** Computes migra's diff from `fromUrl` to `toUrl` and returns the SQL and its statement count. */
export async function migraDiff(fromUrl, toUrl) {
  const m = await migra.run(fromUrl, toUrl, { unsafe: true });
  return { sql: m.sql, statements: m.statements.length };
}

const [fromUrl, toUrl] = process.argv.slice(2);
if (!fromUrl || !toUrl) {
  process.stderr.write('usage: migra-child.mjs <fromUrl> <toUrl>\n');
  process.exit(2);
}
// pg-promise prints warnings via console.log (e.g. "duplicate database object" when two URLs differ only
// in equal-length db names, which its password masking conflates); keep stdout for the SQL only.
console.log = console.error;
try {
  const { sql, statements } = await migraDiff(fromUrl, toUrl);
  process.stderr.write(`migra-statements: ${statements}\n`);
  // migra leaves its connection pools open; exit explicitly once stdout is flushed.
  process.stdout.write(sql, () => process.exit(0));
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
}
