/**
 * Parses a revision file with @lezer/python and converts lezer's concrete tree into the small AST
 * of py-ast.ts. Lezer is chosen over tree-sitter (WASM, async start-up, grammar/runtime ABI pairs
 * to keep in step) and py-ast (one maintainer): it is pure JavaScript, synchronous, maintained
 * with CodeMirror by the same team for years, and gives node offsets we turn into lines. Lezer
 * recovers from syntax errors with error nodes; we refuse those with file:line instead.
 */
import { parser } from '@lezer/python';
import type { SyntaxNode } from '@lezer/common';
import { UserError } from '../../errors.js';
import type { PyArg, PyExpr, PyModule, PyParam, PyStmt, PyTarget } from './py-ast.js';
import { splitStringToken, stringTokenValue, unescapePython } from './python-string.js';

const PUNCTUATION = new Set(['(', ')', '[', ']', '{', '}', ',', ':', '.', 'Comment']);

/** Converts one file; positions are turned into lines through a table of line starts. */
class Converter {
  private readonly lineStarts: number[] = [0];
  constructor(private readonly src: string, private readonly file: string) {
    for (let i = 0; i < src.length; i++) if (src.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  line(pos: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  text(n: SyntaxNode): string {
    return this.src.slice(n.from, n.to);
  }

  fail(n: SyntaxNode, what: string): never {
    throw new UserError(`cannot read Python: ${what}`, { file: this.file, line: this.line(n.from) }, this.text(n).split('\n')[0]);
  }

  children(n: SyntaxNode): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    for (let c = n.firstChild; c; c = c.nextSibling) out.push(c);
    return out;
  }

  /** Children that carry meaning (no brackets, commas, comments). */
  parts(n: SyntaxNode): SyntaxNode[] {
    return this.children(n).filter((c) => !PUNCTUATION.has(c.name));
  }

  module(root: SyntaxNode): PyModule {
    return { file: this.file, body: this.block(this.children(root)) };
  }

  block(nodes: SyntaxNode[]): PyStmt[] {
    const out: PyStmt[] = [];
    for (const n of nodes) {
      if (n.name === 'Comment' || n.name === ':' || n.name === 'newline') continue;
      if (n.type.isError) this.fail(n, 'syntax error');
      out.push(this.stmt(n));
    }
    return out;
  }

  body(n: SyntaxNode | null | undefined): PyStmt[] {
    if (!n) return [];
    return this.block(this.children(n));
  }

  stmt(n: SyntaxNode): PyStmt {
    const line = this.line(n.from);
    const text = this.text(n);
    switch (n.name) {
      case 'ExpressionStatement':
        return { kind: 'expr', line, expr: this.expr(this.parts(n)[0]!), text };
      case 'AssignStatement':
        return this.assign(n, line, text);
      case 'UpdateStatement': {
        const [target, op, value] = this.children(n);
        return { kind: 'augassign', line, target: this.target([target!]), op: this.text(op!).slice(0, -1), value: this.expr(value!), text };
      }
      case 'FunctionDefinition': {
        const name = n.getChild('VariableName')!;
        return { kind: 'def', line, name: this.text(name), params: this.params(n.getChild('ParamList')!), body: this.body(n.getChild('Body')) };
      }
      case 'DecoratedStatement': {
        const inner = n.lastChild!;
        return { kind: 'opaque', line, what: `decorated ${inner.name}`, text };
      }
      case 'ReturnStatement': {
        const v = this.parts(n).filter((c) => c.name !== 'return');
        return v.length ? { kind: 'return', line, value: this.exprList(v, line) } : { kind: 'return', line };
      }
      case 'IfStatement':
        return this.ifStmt(n, line);
      case 'ForStatement': {
        const cs = this.children(n);
        const inAt = cs.findIndex((c) => c.name === 'in');
        const targets = cs.slice(1, inAt).filter((c) => c.name !== ',');
        const iters = cs.slice(inAt + 1, cs.findIndex((c) => c.name === 'Body')).filter((c) => c.name !== ',');
        return { kind: 'for', line, target: this.target(targets), iter: this.exprList(iters, line), body: this.body(n.getChild('Body')) };
      }
      case 'WithStatement':
        return this.withStmt(n, line);
      case 'ImportStatement':
        return this.importStmt(n, line);
      case 'PassStatement':
        return { kind: 'pass', line };
      default:
        return { kind: 'opaque', line, what: n.name.replace(/Statement$|Definition$/, '').toLowerCase(), text };
    }
  }

  assign(n: SyntaxNode, line: number, text: string): PyStmt {
    const groups: SyntaxNode[][] = [[]];
    for (const c of this.children(n)) {
      if (c.name === 'AssignOp') groups.push([]);
      else if (c.name === 'TypeDef') continue;
      else if (c.name !== 'Comment') groups[groups.length - 1]!.push(c);
    }
    const valueNodes = groups.pop()!.filter((c) => c.name !== ',');
    const targets = groups.map((g) => this.target(g.filter((c) => c.name !== ',')));
    return { kind: 'assign', line, targets, value: this.exprList(valueNodes, line), text };
  }

  target(nodes: SyntaxNode[]): PyTarget {
    if (nodes.length !== 1) return { kind: 'unpack', items: nodes.map((c) => this.target([c])) };
    const n = nodes[0]!;
    if (n.name === 'VariableName') return { kind: 'name', id: this.text(n) };
    if (n.name === 'TupleExpression' || n.name === 'ParenthesizedExpression' || n.name === 'ArrayExpression') {
      return this.target(this.parts(n));
    }
    return { kind: 'other', text: this.text(n) };
  }

  /** `a, b` without brackets is a tuple; one node is itself. */
  exprList(nodes: SyntaxNode[], line: number): PyExpr {
    return nodes.length === 1 ? this.expr(nodes[0]!) : { kind: 'tuple', line, items: nodes.map((c) => this.expr(c)) };
  }

  ifStmt(n: SyntaxNode, line: number): PyStmt {
    const branches: { test: PyExpr; body: PyStmt[] }[] = [];
    let orelse: PyStmt[] = [];
    const cs = this.children(n);
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i]!;
      if (c.name === 'if' || c.name === 'elif') {
        branches.push({ test: this.expr(cs[i + 1]!), body: this.body(cs[i + 2]) });
        i += 2;
      } else if (c.name === 'else') {
        orelse = this.body(cs[i + 1]);
        i += 1;
      }
    }
    return { kind: 'if', line, branches, orelse };
  }

  withStmt(n: SyntaxNode, line: number): PyStmt {
    const items: { context: PyExpr; as?: PyTarget }[] = [];
    const cs = this.children(n).filter((c) => c.name !== 'with' && c.name !== 'Comment' && c.name !== '(' && c.name !== ')');
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i]!;
      if (c.name === 'Body' || c.name === ',') continue;
      if (cs[i + 1]?.name === 'as') {
        items.push({ context: this.expr(c), as: this.target([cs[i + 2]!]) });
        i += 2;
      } else items.push({ context: this.expr(c) });
    }
    return { kind: 'with', line, items, body: this.body(n.getChild('Body')) };
  }

  importStmt(n: SyntaxNode, line: number): PyStmt {
    const cs = this.children(n).filter((c) => c.name !== '(' && c.name !== ')' && c.name !== 'Comment');
    const dotted = (from: number): [string, number] => {
      let s = '';
      let i = from;
      while (i < cs.length && (cs[i]!.name === 'VariableName' || cs[i]!.name === '.')) s += this.text(cs[i++]!);
      return [s, i];
    };
    if (cs[0]!.name === 'from') {
      const [module, i] = dotted(1);
      const names: { name: string; as?: string }[] = [];
      for (let j = i + 1; j < cs.length; j++) {
        const c = cs[j]!;
        if (c.name === ',') continue;
        if (cs[j + 1]?.name === 'as') {
          names.push({ name: this.text(c), as: this.text(cs[j + 2]!) });
          j += 2;
        } else names.push({ name: this.text(c) });
      }
      return { kind: 'from', line, module, names };
    }
    const [module, i] = dotted(1);
    if (cs[i]?.name === ',') return { kind: 'opaque', line, what: 'import of several modules', text: this.text(n) };
    return cs[i]?.name === 'as' ? { kind: 'import', line, module, as: this.text(cs[i + 1]!) } : { kind: 'import', line, module };
  }

  params(n: SyntaxNode): PyParam[] {
    const out: PyParam[] = [];
    const cs = this.children(n).filter((c) => !PUNCTUATION.has(c.name));
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i]!;
      if (c.name === '*' || c.name === '**') {
        if (cs[i + 1]?.name === 'VariableName') out.push({ name: this.text(cs[++i]!), star: c.name });
        continue;
      }
      if (c.name === 'TypeDef' || c.name === '/') continue;
      if (c.name !== 'VariableName') this.fail(c, `unexpected ${c.name} in a parameter list`);
      let j = i + 1;
      if (cs[j]?.name === 'TypeDef') j++;
      if (cs[j]?.name === 'AssignOp') {
        out.push({ name: this.text(c), default: this.expr(cs[j + 1]!) });
        i = j + 1;
      } else {
        out.push({ name: this.text(c) });
        i = j - 1;
      }
    }
    return out;
  }

  args(n: SyntaxNode): PyArg[] {
    const cs = this.children(n).filter((c) => !PUNCTUATION.has(c.name));
    if (cs.some((c) => c.name === 'for')) {
      return [{ value: this.comprehension(n, 'generator') }];
    }
    const out: PyArg[] = [];
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i]!;
      if (c.name === '*' || c.name === '**') {
        out.push({ star: c.name, value: this.expr(cs[++i]!) });
      } else if (c.name === 'VariableName' && cs[i + 1]?.name === 'AssignOp') {
        out.push({ name: this.text(c), value: this.expr(cs[i + 2]!) });
        i += 2;
      } else out.push({ value: this.expr(c) });
    }
    return out;
  }

  comprehension(n: SyntaxNode, shape: 'list' | 'set' | 'generator'): PyExpr {
    const cs = this.parts(n);
    const forAt = cs.findIndex((c) => c.name === 'for');
    const inAt = cs.findIndex((c) => c.name === 'in');
    const ifs = cs.map((c, i) => (c.name === 'if' ? i : -1)).filter((i) => i >= 0);
    if (cs.filter((c) => c.name === 'for').length > 1) this.fail(n, 'nested comprehensions are not supported');
    if (forAt !== 1) this.fail(n, 'a comprehension with an unexpected shape');
    return {
      kind: 'comprehension',
      line: this.line(n.from),
      shape,
      element: this.expr(cs[0]!),
      target: this.target(cs.slice(forAt + 1, inAt)),
      iter: this.expr(cs[inAt + 1]!),
      conditions: ifs.map((i) => this.expr(cs[i + 1]!)),
    };
  }

  string(n: SyntaxNode): PyExpr {
    const line = this.line(n.from);
    if (n.name === 'ContinuedString') {
      const pieces = this.children(n).filter((c) => c.name !== 'Comment').map((c) => this.string(c));
      if (pieces.every((p) => p.kind === 'const')) {
        return { kind: 'const', line, value: pieces.map((p) => (p as { value: string }).value).join('') };
      }
      return { kind: 'fstring', line, parts: pieces.flatMap((p) => (p.kind === 'fstring' ? p.parts : [p])) };
    }
    const token = this.text(n);
    if (n.name === 'String') return { kind: 'const', line, value: stringTokenValue(token) };
    // FormatString: literal text between FormatReplacement children.
    const { prefix, quote } = splitStringToken(token);
    const raw = prefix.includes('r');
    const bodyStart = n.from + prefix.length + quote.length;
    const bodyEnd = n.to - quote.length;
    const parts: (string | PyExpr)[] = [];
    const lit = (a: number, b: number) => {
      const s = this.src.slice(a, b).replace(/\{\{/g, '{').replace(/\}\}/g, '}');
      if (s) parts.push(raw ? s : unescapePython(s));
    };
    let at = bodyStart;
    for (const r of this.children(n).filter((c) => c.name === 'FormatReplacement')) {
      lit(at, r.from);
      const inner = this.parts(r).filter((c) => c.name !== 'FormatConversion' && c.name !== 'FormatSpec');
      if (r.getChild('FormatSpec') || r.getChild('FormatConversion')) this.fail(r, 'f-string conversions and format specs are not supported');
      parts.push(this.expr(inner[0]!));
      at = r.to;
    }
    lit(at, bodyEnd);
    return { kind: 'fstring', line, parts };
  }

  expr(n: SyntaxNode): PyExpr {
    const line = this.line(n.from);
    if (n.type.isError) this.fail(n, 'syntax error');
    switch (n.name) {
      case 'Number': {
        const t = this.text(n).replace(/_/g, '');
        if (/[jJ]$/.test(t)) this.fail(n, 'complex numbers');
        return { kind: 'const', line, value: /^0[xX]/.test(t) ? parseInt(t, 16) : /^0[oO]/.test(t) ? parseInt(t.slice(2), 8) : /^0[bB]/.test(t) ? parseInt(t.slice(2), 2) : Number(t) };
      }
      case 'String':
      case 'FormatString':
      case 'ContinuedString':
        return this.string(n);
      case 'Boolean':
        return { kind: 'const', line, value: this.text(n) === 'True' };
      case 'None':
        return { kind: 'const', line, value: null };
      case 'VariableName':
        return { kind: 'name', line, id: this.text(n) };
      case 'ParenthesizedExpression':
        return this.expr(this.parts(n)[0]!);
      case 'MemberExpression': {
        const cs = this.children(n).filter((c) => c.name !== 'Comment');
        const object = this.expr(cs[0]!);
        if (cs[1]!.name === '.') return { kind: 'attr', line, object, name: this.text(cs[2]!) };
        const inner = cs.slice(2, -1);
        const colon = inner.findIndex((c) => c.name === ':');
        if (colon < 0) return { kind: 'index', line, object, index: this.exprList(inner.filter((c) => c.name !== ','), line) };
        const start = inner.slice(0, colon);
        const stop = inner.slice(colon + 1).filter((c) => c.name !== ':');
        if (inner.filter((c) => c.name === ':').length > 1) this.fail(n, 'slices with a step');
        return { kind: 'slice', line, object, ...(start[0] ? { start: this.expr(start[0]) } : {}), ...(stop[0] ? { stop: this.expr(stop[0]) } : {}) };
      }
      case 'CallExpression':
        return { kind: 'call', line, callee: this.expr(n.firstChild!), args: this.args(n.getChild('ArgList')!) };
      case 'ArrayExpression':
        return { kind: 'list', line, items: this.parts(n).map((c) => this.expr(c)) };
      case 'TupleExpression':
        return { kind: 'tuple', line, items: this.parts(n).map((c) => this.expr(c)) };
      case 'SetExpression':
        return { kind: 'set', line, items: this.parts(n).map((c) => this.expr(c)) };
      case 'ArrayComprehensionExpression':
        return this.comprehension(n, 'list');
      case 'SetComprehensionExpression':
        return this.comprehension(n, 'set');
      case 'ComprehensionExpression':
        return this.comprehension(n, 'generator');
      case 'DictionaryExpression': {
        const cs = this.children(n).filter((c) => !['{', '}', ',', 'Comment'].includes(c.name));
        const entries: ([PyExpr, PyExpr] | PyExpr)[] = [];
        for (let i = 0; i < cs.length; i++) {
          if (cs[i]!.name === '**') entries.push(this.expr(cs[++i]!));
          else {
            entries.push([this.expr(cs[i]!), this.expr(cs[i + 2]!)]);
            i += 2;
          }
        }
        return { kind: 'dict', line, entries };
      }
      case 'UnaryExpression': {
        const [op, operand] = this.children(n);
        const o = this.text(op!);
        if (o !== 'not' && o !== '-' && o !== '+') this.fail(n, `the unary operator ${o}`);
        return { kind: 'unary', line, op: o, operand: this.expr(operand!) };
      }
      case 'BinaryExpression': {
        const cs = this.children(n).filter((c) => c.name !== 'Comment');
        const ops = cs.slice(1, -1).map((c) => this.text(c)).join(' ');
        return { kind: 'binary', line, op: ops, left: this.expr(cs[0]!), right: this.expr(cs[cs.length - 1]!) };
      }
      case 'ConditionalExpression': {
        const cs = this.parts(n);
        return { kind: 'ternary', line, then: this.expr(cs[0]!), test: this.expr(cs[2]!), else: this.expr(cs[4]!) };
      }
      case 'LambdaExpression': {
        const cs = this.children(n);
        const pl = n.getChild('ParamList');
        return { kind: 'lambda', line, params: pl ? this.params(pl) : [], body: this.expr(cs[cs.length - 1]!) };
      }
      default:
        this.fail(n, `unsupported expression (${n.name})`);
    }
  }
}

/**
 * Where the top-level `def downgrade():` block is, as a character range: schema-sync never runs
 * it, and it is often half of a revision file, so it is left out of the parse (lezer parses the
 * ranges around it and keeps the file's own positions, so lines hold). Lines inside
 * triple-quoted strings neither start nor end the block; if the cut still goes wrong, the caller
 * parses the whole file.
 */
export function downgradeRange(src: string): { from: number; to: number } | undefined {
  let from: number | undefined;
  let quote: string | null = null;
  for (let at = 0; at < src.length; ) {
    const nl = src.indexOf('\n', at);
    const end = nl < 0 ? src.length : nl + 1;
    const line = src.slice(at, end);
    if (from === undefined) {
      if (/^(async\s+)?def\s+downgrade\s*\(/.test(line)) from = at;
    } else if (quote === null && /^[^\s#]/.test(line)) return { from, to: at };
    if (from !== undefined) {
      for (const m of line.matchAll(/'''|"""/g)) {
        if (quote === null) quote = m[0];
        else if (quote === m[0]) quote = null;
      }
    }
    at = end;
  }
  return from === undefined ? undefined : { from, to: src.length };
}

/** Lezer without error recovery: the first syntax error throws (and parsing is faster). */
const strictParser = parser.configure({ strict: true });

function tryParse(src: string, skip?: { from: number; to: number }): { tree: ReturnType<typeof parser.parse> } | { errorAt: number } {
  try {
    const ranges = skip && [{ from: 0, to: skip.from }, ...(skip.to < src.length ? [{ from: skip.to, to: src.length }] : [])];
    return { tree: strictParser.parse(src, undefined, ranges) };
  } catch (e) {
    const m = /No parse at (\d+)/.exec((e as Error).message);
    if (!m) throw e;
    return { errorAt: Number(m[1]) };
  }
}

/** Parses one .py file into the interpreter's AST; a syntax error is a UserError at file:line. */
export function parsePython(src: string, file: string): PyModule {
  const skip = downgradeRange(src);
  let r = tryParse(src, skip);
  if (skip && 'errorAt' in r) r = tryParse(src);
  const conv = new Converter(src, file);
  if ('errorAt' in r) {
    const line = conv.line(r.errorAt);
    throw new UserError('cannot read Python: syntax error', { file, line }, src.split('\n')[line - 1]);
  }
  return conv.module(r.tree.topNode);
}
