import path from 'node:path';
import { pgDump } from '@electric-sql/pglite-tools/pg_dump';
import { createSyncFn } from 'synckit';

type Exchange = (host: string, port: number, bytes: Uint8Array) => Uint8Array;

const WORKER = path.join(import.meta.dirname, 'wire-worker.mjs');
let exchange: Exchange | undefined;

/** libpq keyword value, single-quoted as conninfo strings require. */
function conninfoValue(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * `pg_dump --schema-only` of a real server's database, with no pg_dump installed: PGlite's WASM
 * build of pg_dump (@electric-sql/pglite-tools) whose wire protocol is relayed to the server's
 * TCP port by a worker thread (its reads are synchronous, hence synckit's blocking calls). This
 * is PostgreSQL's own dumper, independent of schema-sync's model: the tests' oracle. Owners and
 * privileges are left out unless `owners` / `privileges` (they differ by role setup; the privilege
 * and owner tests create their roles and ask for them).
 */
export async function pgDumpSchema(url: string, extraArgs: readonly string[] = [], opts: { readonly privileges?: boolean; readonly owners?: boolean } = {}): Promise<string> {
  const u = new URL(url);
  const host = u.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
  const port = Number(u.port || 5432);
  const user = decodeURIComponent(u.username || 'postgres');
  const password = decodeURIComponent(u.password);
  const dbname = decodeURIComponent(u.pathname.slice(1)) || user;
  exchange ??= createSyncFn<Exchange>(WORKER, { timeout: 180_000 });
  const relay = exchange;
  const conninfo = [
    `dbname=${conninfoValue(dbname)}`,
    `user=${conninfoValue(user)}`,
    ...(password ? [`password=${conninfoValue(password)}`] : []),
    'sslmode=disable',
    'gssencmode=disable',
  ].join(' ');
  // pgDump asks this "PGlite" for its search_path before and after; a real server needs no reset.
  const bridge = {
    query: async () => ({ rows: [{ search_path: '"$user", public' }] }),
    exec: async () => [],
    execProtocolRawStream: (bytes: Uint8Array, { onRawData }: { onRawData: (b: Uint8Array) => void }) => {
      // A copy: `bytes` views the WASM heap, and posting a view would clone the whole heap.
      const reply = relay(host, port, bytes.slice());
      if (reply.length) onRawData(reply);
    },
  };
  const file = await pgDump({
    pg: bridge as unknown as Parameters<typeof pgDump>[0]['pg'],
    args: ['--schema-only', ...(opts.owners ? [] : ['--no-owner']), ...(opts.privileges ? [] : ['--no-privileges']), ...extraArgs, '-d', conninfo],
  });
  return file.text();
}
