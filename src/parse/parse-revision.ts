import { clipLines, UserError } from '../errors.js';
import type { Revision } from '../load/types.js';
import type { ParsedStatement, StatementPos } from './ddl.js';
import { type AstNode, parseSql } from './libpg.js';
import { DO_HINT, doBlockShape } from './lower/do-block.js';
import { lowerStatement } from './lower/statement.js';
import { tablespaceClauses } from './lower/tablespace-clauses.js';

/** Maps libpg-query's UTF-8 byte offsets to string indices and 1-based line/column. */
class SourceMap {
  private readonly bytes: Buffer | undefined;
  private readonly lineStarts: number[] = [0];
  constructor(private readonly text: string) {
    const b = Buffer.from(text, 'utf8');
    this.bytes = b.length === text.length ? undefined : b;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }
  index(byteOffset: number): number {
    return this.bytes ? this.bytes.subarray(0, byteOffset).toString('utf8').length : byteOffset;
  }
  lineCol(index: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: index - this.lineStarts[lo]! + 1 };
  }
  lineText(line: number): string {
    const start = this.lineStarts[line - 1] ?? 0;
    const end = this.lineStarts[line] ?? this.text.length + 1;
    return this.text.slice(start, end - 1).replace(/\r$/, '');
  }
}

/** At most 160 characters of a source line around index `at`, and the caret's place in them. */
function around(line: string, at: number): { text: string; caret: number } {
  if (line.length <= 160) return { text: line, caret: at };
  const start = Math.max(0, Math.min(at - 80, line.length - 160));
  const head = start > 0 ? '…' : '';
  const tail = start + 160 < line.length ? '…' : '';
  return { text: head + line.slice(start, start + 160) + tail, caret: at - start + head.length };
}

/** Skips whitespace and comments, since a statement's offset starts right after the previous `;`. */
function skipTrivia(text: string, i: number, end: number): number {
  while (i < end) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f') i++;
    else if (c === '-' && text[i + 1] === '-') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? end : nl + 1;
    } else if (c === '/' && text[i + 1] === '*') {
      let depth = 1;
      i += 2;
      while (i < end && depth > 0) {
        if (text[i] === '/' && text[i + 1] === '*') { depth++; i += 2; }
        else if (text[i] === '*' && text[i + 1] === '/') { depth--; i += 2; }
        else i++;
      }
    } else break;
  }
  return i;
}

/** The line in the revision's file of line `line` of its SQL (generated SQL maps through lineMap). */
function fileLine(rev: Revision, line: number): number {
  return rev.lineMap ? (rev.lineMap[line - 1] ?? rev.lineMap[rev.lineMap.length - 1] ?? 1) : rev.startLine + line - 1;
}

/**
 * Parses one revision's SQL with PostgreSQL's grammar and lowers each statement, keeping the
 * file:line:column of its first token. A syntax error is a UserError showing the line and a caret.
 */
export function parseRevision(rev: Revision): ParsedStatement[] {
  // An empty file (or a Python revision whose upgrade() emits nothing) is an empty revision, not
  // an error: libpg-query refuses an empty string ("Query cannot be empty").
  if (rev.sql.trim() === '') return [];
  const map = new SourceMap(rev.sql);
  let raws;
  try {
    raws = parseSql(rev.sql);
  } catch (e) {
    const err = e as { message?: string; sqlDetails?: { cursorPosition?: number } };
    const at = map.index(err.sqlDetails?.cursorPosition ?? 0);
    const { line, column } = map.lineCol(at);
    const { text: src, caret } = around(map.lineText(line), column - 1);
    throw new UserError(
      clipLines(`syntax error: ${err.message ?? String(e)}`),
      { file: rev.file, line: fileLine(rev, line), column },
      `${src}\n${' '.repeat(caret)}^`,
    );
  }
  return raws.flatMap((raw) => {
    const startIdx = map.index(raw.location);
    const endIdx = raw.length === undefined ? rev.sql.length : map.index(raw.location + raw.length);
    const begin = skipTrivia(rev.sql, startIdx, endIdx);
    const { line, column } = map.lineCol(begin);
    const pos = { file: rev.file, line: fileLine(rev, line), column, revision: rev.id };
    const sql = rev.sql.slice(begin, endIdx).trim();
    if (raw.stmt.DoStmt) return doBlockStatements(raw.stmt.DoStmt, map, rev, pos, sql);
    return [{ ...lowered(raw.stmt), pos, sql }];
  });
}

/** A migration's statement lowered, with the clauses replay reports and goes on without. */
function lowered(stmt: AstNode): Pick<ParsedStatement, 'ddl' | 'ignoredClauses'> {
  const ddl = lowerStatement(stmt);
  const ignoredClauses = tablespaceClauses(stmt, ddl);
  return ignoredClauses.length ? { ddl, ignoredClauses } : { ddl };
}

/**
 * A DO block as the statements replay can follow (each at its own line, with what its guard
 * tolerates), or one `unsupported` statement saying why not, so the warning explains itself.
 */
function doBlockStatements(node: AstNode, map: SourceMap, rev: Revision, pos: StatementPos, sql: string): ParsedStatement[] {
  const shape = doBlockShape(node);
  if (shape.kind === 'opaque') return [{ ddl: { kind: 'unsupported', what: 'DO', why: `${shape.why}. ${DO_HINT}` }, pos, sql }];
  const bodyLine = map.lineCol(map.index(shape.bodyOffset)).line;
  const block = { sql, pos };
  return shape.statements.flatMap((inner) => {
    const at = { ...pos, line: fileLine(rev, bodyLine + inner.line - 1), column: 1 };
    let raws;
    try {
      raws = parseSql(inner.sql);
    } catch (e) {
      throw new UserError(clipLines(`syntax error in a DO block: ${(e as Error).message}`), { file: rev.file, line: at.line });
    }
    return raws.map((raw) => ({ ...lowered(raw.stmt), pos: at, sql: inner.sql.trim(), block, ...(inner.tolerate ? { tolerate: inner.tolerate } : {}) }));
  });
}
