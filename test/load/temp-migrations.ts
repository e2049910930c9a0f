import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { UserError } from '../../src/errors.js';

/** Writes the given files (name → content) into a fresh temp folder and returns its path. */
export async function tempFolder(files: Record<string, string | Uint8Array> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'schema-sync-load-'));
  for (const [name, content] of Object.entries(files)) {
    if (name.endsWith('/')) await mkdir(join(dir, name));
    else await writeFile(join(dir, name), content);
  }
  return dir;
}

/** A per-revision file with Alembic-style headers. */
export function revisionFile(id: string, down: string, body = `CREATE TABLE t_${id} (id int);\n`): string {
  return `-- revision: ${id}\n-- down_revision: ${down}\n-- source_file: ${id}_x.py\n${body}`;
}

/** Awaits a rejection and checks it is a UserError whose message contains every fragment. */
export async function expectUserError(promise: Promise<unknown>, ...fragments: string[]): Promise<UserError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserError);
  const ue = err as UserError;
  for (const f of fragments) expect(ue.message).toContain(f);
  return ue;
}
