import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../errors.js';

/** A migrations folder (or file) as it was at a git revision, copied into a temporary directory. */
export interface GitSnapshot {
  /** Where the copy is on disk: what loadMigrations reads. */
  readonly path: string;
  /** `rev:repo/relative/path`, what messages and reports show instead of the temporary path. */
  readonly label: string;
  /** Turns a file under `path` into its `rev:repo/relative/path` name. */
  readonly relabel: (file: string) => string;
  /** Removes the temporary copy. */
  readonly dispose: () => Promise<void>;
}

function git(args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(Object.assign(err, { stderr: String(stderr).trim() }));
      else resolve(stdout);
    });
  });
}

/** The repository top level containing `dir`, or undefined outside a git work tree (or without git). */
export async function gitTopLevel(dir: string): Promise<string | undefined> {
  try {
    return (await git(['rev-parse', '--show-toplevel'], dir)).trim();
  } catch {
    return undefined;
  }
}

/** The commit a revision expression names (`origin/main`, `HEAD~2`, a sha), or undefined. */
export async function resolveCommit(rev: string, cwd: string): Promise<string | undefined> {
  if (rev.startsWith('-')) return undefined; // never let a value become a git option
  try {
    return (await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], cwd)).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Reads many blobs through one `git cat-file --batch` process (one `git show` per file is slow). */
function readBlobs(oids: readonly string[], cwd: string): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => (stderr += String(c)));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`git cat-file failed: ${stderr.trim()}`));
      const all = Buffer.concat(chunks);
      const out: Buffer[] = [];
      let at = 0;
      for (const oid of oids) {
        const nl = all.indexOf(0x0a, at);
        const header = all.subarray(at, nl).toString();
        const size = Number(header.split(' ')[2]);
        if (!header.startsWith(oid) || !Number.isFinite(size)) return reject(new Error(`git cat-file: unexpected "${header}"`));
        out.push(all.subarray(nl + 1, nl + 1 + size));
        at = nl + 1 + size + 1;
      }
      resolve(out);
    });
    child.stdin.end(oids.join('\n') + '\n');
  });
}

/**
 * Copies `repoPath` (relative to the repository top level, `/`-separated; a folder or one file)
 * as it is at `commit` into a temporary directory, so the loaders read it like any other folder.
 * Nothing in the work tree or index is touched.
 */
export async function snapshotAtRevision(top: string, rev: string, commit: string, repoPath: string): Promise<GitSnapshot> {
  const listing = await git(['ls-tree', '-r', '-z', '--full-tree', commit, '--', repoPath], top);
  const entries = listing.split('\0').filter(Boolean).map((line) => {
    const tab = line.indexOf('\t');
    const [mode, type, oid] = line.slice(0, tab).split(' ') as [string, string, string];
    return { mode, type, oid, file: line.slice(tab + 1) };
  }).filter((e) => e.type === 'blob' && (e.file === repoPath || e.file.startsWith(repoPath === '' ? '' : `${repoPath}/`)));
  if (!entries.length) throw new UserError(`${rev} has no ${repoPath || 'files'} (git ls-tree ${rev} -- ${repoPath} is empty)`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'schema-sync-git-'));
  try {
    const blobs = await readBlobs(entries.map((e) => e.oid), top);
    for (const [i, e] of entries.entries()) {
      const dest = path.join(dir, ...e.file.split('/'));
      await mkdir(path.dirname(dest), { recursive: true });
      await writeFile(dest, blobs[i]!);
    }
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  const root = path.join(dir, ...repoPath.split('/').filter(Boolean));
  return {
    path: root,
    label: `${rev}:${repoPath}`,
    relabel: (file) => {
      const rel = path.relative(dir, path.resolve(file));
      return rel.startsWith('..') ? file : `${rev}:${rel.split(path.sep).join('/')}`;
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
