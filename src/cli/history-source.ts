import { stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';
import { gitTopLevel, resolveCommit, snapshotAtRevision } from '../load/git-snapshot.js';

/** Where one side of `diff` reads its migrations from. */
export interface HistorySource {
  /** A folder or file on disk for loadMigrations. */
  readonly path: string;
  /** What reports call this side (`alembic-versions`, `origin/main:alembic-versions`). */
  readonly label: string;
  /** Maps files under `path` to the names reports show (temporary copies get their git name). */
  readonly relabel?: (file: string) => string;
  readonly dispose: () => Promise<void>;
}

const nothing = async (): Promise<void> => undefined;

async function exists(p: string): Promise<boolean> {
  return stat(p).then(() => true, () => false);
}

/** `dir` relative to the repository top level, `/`-separated, as git names paths. */
function repoRelative(top: string, p: string): string {
  const rel = path.relative(top, p);
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw new UserError(`${p} is outside the git repository at ${top}`);
  return rel.split(path.sep).join('/');
}

/**
 * Resolves a `diff --from/--to` value: an existing folder or file; `REV:PATH` (PATH from the
 * repository top level as git spells it, or `./`-relative to the current directory); or a bare
 * git revision (`origin/main`, `HEAD~1`, a sha), meaning the `--migrations` folder at that revision.
 */
export async function resolveHistorySource(spec: string, migrations: string, flag: string, cwd: string): Promise<HistorySource> {
  if (await exists(path.resolve(cwd, spec))) return { path: spec, label: spec, dispose: nothing };
  const top = await gitTopLevel(cwd);
  const colon = spec.indexOf(':');
  if (top && colon > 0) {
    const rev = spec.slice(0, colon);
    const commit = await resolveCommit(rev, cwd);
    if (commit) {
      const given = spec.slice(colon + 1);
      const repoPath = /^\.\.?(\/|$)/.test(given) ? repoRelative(top, path.resolve(cwd, given)) : given.replace(/\/+$/, '');
      return snapshotAtRevision(top, rev, commit, repoPath);
    }
  }
  const commit = top ? await resolveCommit(spec, cwd) : undefined;
  if (top && commit) return snapshotAtRevision(top, spec, commit, repoRelative(top, path.resolve(cwd, migrations)));
  throw new UserError(
    `${flag} ${spec}: no such file or folder${top ? ', and not a git revision' : ' (and not in a git repository, so not a git revision either)'}` +
      ` (expected a migrations folder or file, a git revision such as origin/main, or REV:PATH)`,
  );
}
