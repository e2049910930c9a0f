/** The peer tool @pgkit/migra (TypeScript port of migra), run in its own measured Node process. */
import { fileURLToPath } from 'node:url';
import { expectExit, runNode, type Measured } from '../support/measure.js';

const childScript = fileURLToPath(new URL('./migra-child.mjs', import.meta.url));

/** One measured migra run and the SQL it produced. */
export interface MigraRun extends Measured {
  readonly statements: number;
}

/** Diffs `fromUrl` -> `toUrl` with @pgkit/migra (unsafe statements allowed) in a child process. */
export async function runMigra(fromUrl: string, toUrl: string): Promise<MigraRun> {
  const r = expectExit(await runNode(childScript, [fromUrl, toUrl]), [0], '@pgkit/migra');
  const count = /migra-statements: (\d+)/.exec(r.stderr);
  return { ...r, statements: count ? Number(count[1]) : Number.NaN };
}
