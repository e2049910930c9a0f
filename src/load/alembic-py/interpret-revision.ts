/**
 * Interprets one Alembic revision file: its identifiers (`revision`, `down_revision`,
 * `depends_on`) and the statements its `upgrade()` would emit on PostgreSQL, each with the
 * .py line of the op.* call that made it.
 */
import path from 'node:path';
import { UserError } from '../../errors.js';
import type { AlembicPyConfig } from './config.js';
import { Emitter, type EmittedStatement, type SkippedCode } from './emitter.js';
import { Interpreter } from './interpreter.js';
import { ModuleHost } from './module-host.js';
import { DEFAULT_CONVENTION } from './naming.js';
import { OpModule, runOpContext } from './op-module.js';
import { OperationsImpl } from './operations.js';
import { parsePython } from './parse-python.js';
import type { PyStmt } from './py-ast.js';
import { PyList, type PyValue } from './py-values.js';

/** One interpreted revision: graph edges and the statements its upgrade() emits. */
export interface InterpretedRevision {
  readonly id: string;
  readonly parents: readonly string[];
  readonly statements: readonly EmittedStatement[];
  readonly skipped: readonly SkippedCode[];
  readonly idLine: number;
  readonly parentsLine: number;
}

function assignLine(body: readonly PyStmt[], name: string): number {
  const s = body.find((x) => x.kind === 'assign' && x.targets.some((t) => t.kind === 'name' && t.id === name));
  return s?.line ?? 1;
}

function ids(v: PyValue | undefined, file: string, line: number, what: string): string[] {
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') return [v];
  if (v instanceof PyList && v.items.every((x): x is string => typeof x === 'string')) return v.items;
  throw new UserError(`${what} must be a revision id, a tuple of them or None`, { file, line });
}

/** Reads a revision's identifiers and runs its upgrade(). */
export function interpretRevision(source: string, file: string, config: AlembicPyConfig): InterpretedRevision {
  const module = parsePython(source, file);
  const out = new Emitter();
  const impl = new OperationsImpl(out, config.namingConvention ?? DEFAULT_CONVENTION);
  const op = new OpModule(impl, config.asSql);
  const modules = new ModuleHost(config, op);
  const base = path.basename(file);
  const interp = new Interpreter(module, {
    importModule: (d) => modules.module(d),
    importName: (m, n) => modules.member(m, n),
    answer: (line) => config.answers[`${base}:${line}`],
    dataCode: (line, text) => out.data(line, text),
    withContext: (ctx, _line, run) => runOpContext(ctx, run),
  }, base.replace(/\.py$/, ''));
  interp.loadModule();
  const idLine = assignLine(module.body, 'revision');
  const id = interp.global('revision');
  if (typeof id !== 'string') throw new UserError('no revision = "<id>" at the top level', { file, line: idLine });
  const parentsLine = assignLine(module.body, 'down_revision');
  const parents = [
    ...ids(interp.global('down_revision'), file, parentsLine, 'down_revision'),
    ...ids(interp.global('depends_on'), file, assignLine(module.body, 'depends_on'), 'depends_on'),
  ];
  const up = module.body.find((s) => s.kind === 'def' && s.name === 'upgrade');
  if (!up) throw new UserError('no upgrade() function', { file, line: 1 });
  interp.callFunction('upgrade', up.line);
  return { id, parents: [...new Set(parents)], statements: out.statements, skipped: out.skipped, idLine, parentsLine };
}
