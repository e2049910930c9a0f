/**
 * Runs the statically knowable part of a revision file: module-level constants and imports, and
 * then `upgrade()`, with helper functions, loops, f-strings and conditions. It never guesses:
 * a value it cannot know is an `Opaque`; deciding a branch on one needs an answer from the
 * project's config, and data-side statements that use one are reported, not run.
 */
import { UserError } from '../../errors.js';
import { BUILTINS, EvalError, containerMethod, iterValues, percentFormat, pyStr, stringMethod } from './builtins.js';
import type { PyArg, PyExpr, PyModule, PyParam, PyStmt, PyTarget } from './py-ast.js';
import { NativeFunction, Opaque, PyDict, PyList, PyObject, truthy, typeName, type CallArgs, type PyValue } from './py-values.js';

/** What the interpreter needs from its surroundings (imports, config answers, reporting). */
export interface InterpreterHost {
  /** `import a.b.c` binds `a`; `import a.b as x` binds the module a.b. */
  importModule(dotted: string, line: number): PyValue;
  /** `from module import name`. */
  importName(module: string, name: string, line: number): PyValue;
  /** The configured answer for a condition at this line that depends on the database or app code. */
  answer(line: number, condition: string): boolean | undefined;
  /** A data-side statement that was skipped. */
  dataCode(line: number, text: string): void;
  /** Runs the body of a `with` block on a context value (batch_alter_table, autocommit_block). */
  withContext?(ctx: PyValue, line: number, run: (bound: PyValue) => void): boolean;
}

const HARMLESS_OP = new Set(['get_bind', 'get_context', 'f', 'inline_literal']);

class Scope {
  readonly vars = new Map<string, PyValue>();
  constructor(readonly parent?: Scope) {}
  lookup(name: string): PyValue | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      if (s.vars.has(name)) return s.vars.get(name);
    }
    return undefined;
  }
}

class ReturnSignal {
  constructor(readonly value: PyValue) {}
}
class LoopSignal {
  constructor(readonly kind: 'break' | 'continue') {}
}

/** A function defined in the revision file; calling it runs its body in a fresh scope. */
export class UserFunction extends PyObject {
  constructor(
    readonly name: string,
    private readonly params: readonly PyParam[],
    private readonly defaults: ReadonlyMap<string, PyValue>,
    readonly body: readonly PyStmt[] | PyExpr,
    readonly closure: Scope,
    private readonly interp: Interpreter,
  ) {
    super();
  }
  describe(): string {
    return `function ${this.name}`;
  }
  override call(args: CallArgs, line: number): PyValue {
    const scope = new Scope(this.closure);
    const rest: PyValue[] = [];
    const positional = [...args.positional];
    const kw = new Map(args.keywords);
    for (const p of this.params) {
      if (p.star === '*') {
        rest.push(...positional.splice(0));
        scope.vars.set(p.name, new PyList(rest, 'tuple'));
      } else if (p.star === '**') {
        const d = new PyDict();
        for (const [k, v] of kw) d.map.set(k, v);
        kw.clear();
        scope.vars.set(p.name, d);
      } else if (positional.length) scope.vars.set(p.name, positional.shift()!);
      else if (kw.has(p.name)) {
        scope.vars.set(p.name, kw.get(p.name)!);
        kw.delete(p.name);
      } else if (this.defaults.has(p.name)) scope.vars.set(p.name, this.defaults.get(p.name)!);
      else this.interp.fail(line, `${this.name}() is missing its argument ${p.name}`);
    }
    if (positional.length || kw.size) this.interp.fail(line, `${this.name}() got unexpected arguments`);
    if (!Array.isArray(this.body)) return this.interp.eval(this.body as PyExpr, scope);
    try {
      this.interp.block(this.body as readonly PyStmt[], scope);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.value;
      throw e;
    }
    return null;
  }
}

/** Interprets one module. Create it, run `loadModule()`, then `callFunction('upgrade')`. */
export class Interpreter {
  readonly globals: Scope;
  /** Incremented on each call of an Opaque value: how statements are recognised as data-side. */
  private opaqueCalls = 0;

  constructor(private readonly module: PyModule, private readonly host: InterpreterHost, moduleName: string) {
    this.globals = new Scope();
    this.globals.vars.set('__name__', moduleName);
  }

  fail(line: number, message: string): never {
    throw new UserError(message, { file: this.module.file, line });
  }

  /** Runs the module's top level: imports, constants, function definitions. */
  loadModule(): void {
    this.block(this.module.body, this.globals);
  }

  /** A module-level name, if bound. */
  global(name: string): PyValue | undefined {
    return this.globals.vars.get(name);
  }

  /** Calls a module-level function with no arguments (e.g. `upgrade`). */
  callFunction(name: string, line: number): void {
    const f = this.globals.vars.get(name);
    if (!(f instanceof UserFunction)) this.fail(line, `no ${name}() function`);
    f.call({ positional: [], keywords: new Map() }, line);
  }

  block(stmts: readonly PyStmt[], scope: Scope): void {
    for (const s of stmts) this.stmt(s, scope);
  }

  private stmt(s: PyStmt, scope: Scope): void {
    switch (s.kind) {
      case 'expr': {
        const before = this.opaqueCalls;
        this.eval(s.expr, scope);
        if (this.opaqueCalls !== before && scope !== this.globals) this.host.dataCode(s.line, s.text);
        return;
      }
      case 'assign': {
        const before = this.opaqueCalls;
        const v = this.eval(s.value, scope);
        if (this.opaqueCalls !== before && scope !== this.globals) this.host.dataCode(s.line, s.text);
        for (const t of s.targets) this.bind(t, v, scope, s.line);
        return;
      }
      case 'augassign': {
        if (s.target.kind !== 'name') return this.host.dataCode(s.line, s.text);
        const cur = this.lookup(s.target.id, scope, s.line);
        this.bind(s.target, this.binary(s.op, cur, this.eval(s.value, scope), s.line), scope, s.line);
        return;
      }
      case 'def': {
        const defaults = new Map<string, PyValue>();
        for (const p of s.params) if (p.default) defaults.set(p.name, this.eval(p.default, scope));
        scope.vars.set(s.name, new UserFunction(s.name, s.params, defaults, s.body, scope, this));
        return;
      }
      case 'return':
        throw new ReturnSignal(s.value ? this.eval(s.value, scope) : null);
      case 'if': {
        for (const [i, b] of s.branches.entries()) {
          const v = this.eval(b.test, scope);
          if (v instanceof Opaque && !this.answered(b.test.line) && !this.mayTouchSchema([...s.branches.slice(i).flatMap((x) => x.body), ...s.orelse], scope)) {
            // Only data-side code hangs on this condition: no answer needed.
            return this.host.dataCode(s.line, `if ${v.what}: ...`);
          }
          if (this.decideValue(v, b.test.line)) return this.block(b.body, scope);
        }
        return this.block(s.orelse, scope);
      }
      case 'for':
        return this.forLoop(s, scope);
      case 'with':
        return this.withBlock(s, scope, 0);
      case 'import':
        scope.vars.set(s.as ?? s.module.split('.')[0]!, this.guard(s.line, () => this.host.importModule(s.as ? s.module : s.module.split('.')[0]!, s.line)));
        return;
      case 'from':
        for (const n of s.names) scope.vars.set(n.as ?? n.name, this.guard(s.line, () => this.host.importName(s.module, n.name, s.line)));
        return;
      case 'pass':
        return;
      case 'opaque':
        if (s.what === 'break' || s.what === 'continue') throw new LoopSignal(s.what);
        if (s.what === 'scope') return;
        if (s.what === 'class' || s.what === 'decorated ClassDefinition') {
          const m = /class\s+(\w+)/.exec(s.text);
          if (m) scope.vars.set(m[1]!, new Opaque(`class ${m[1]}`));
          return;
        }
        if (scope === this.globals && s.what !== 'try') return;
        if (/\bbatch_op\s*\./.test(s.text) || [...s.text.matchAll(/\bop\s*\.\s*(\w+)/g)].some((m) => !HARMLESS_OP.has(m[1]!))) this.fail(s.line, `cannot interpret a ${s.what} statement that runs migration operations`);
        return this.host.dataCode(s.line, s.text);
    }
  }

  /** True when statements could run migration operations: they name `op` or a function of this file. */
  private mayTouchSchema(code: readonly PyStmt[] | PyExpr, scope: Scope, seen = new Set<UserFunction>()): boolean {
    const json = JSON.stringify(code);
    // op.get_bind() / op.get_context() / op.f() / op.inline_literal() run no operation.
    for (const m of json.matchAll(/"id":"op"(\},"name":"(\w+)")?/g)) if (!HARMLESS_OP.has(m[2] ?? '')) return true;
    for (const m of json.matchAll(/"id":"(\w+)"/g)) {
      const name = m[1]!;
      if (name === 'batch_op') return true;
      const v = scope.lookup(name);
      if (v instanceof UserFunction && !seen.has(v)) {
        seen.add(v);
        if (this.mayTouchSchema(v.body, v.closure, seen)) return true;
      } else if (v instanceof PyObject && !(v instanceof Opaque) && v.describe().startsWith('batch_alter_table')) return true;
    }
    return false;
  }

  private answered(line: number): boolean {
    return this.host.answer(line, '') !== undefined;
  }

  /** A branch condition; one that depends on what the interpreter cannot know needs an answer. */
  private decide(test: PyExpr, scope: Scope): boolean {
    return this.decideValue(this.eval(test, scope), test.line);
  }

  private decideValue(v: PyValue, line: number): boolean {
    if (!(v instanceof Opaque)) return truthy(v);
    const test = { line };
    const a = this.host.answer(test.line, v.what);
    if (a === undefined) {
      this.fail(
        test.line,
        `this condition depends on the database or on app code (${v.what}); answer it in schema-sync.json ` +
          `under alembic.answers with "${this.module.file.split(/[\\/]/).pop()}:${test.line}": true or false`,
      );
    }
    return a;
  }

  private forLoop(s: Extract<PyStmt, { kind: 'for' }>, scope: Scope): void {
    const it = this.eval(s.iter, scope);
    if (it instanceof Opaque) {
      if (this.mayTouchSchema(s.body, scope)) this.fail(s.line, `this loop runs migration operations over ${it.what}, which depends on the database`);
      return this.host.dataCode(s.line, `for ... in ${it.what}`);
    }
    for (const item of this.iter(it, s.line)) {
      this.bind(s.target, item, scope, s.line);
      try {
        this.block(s.body, scope);
      } catch (e) {
        if (e instanceof LoopSignal) {
          if (e.kind === 'break') break;
          continue;
        }
        throw e;
      }
    }
  }

  private withBlock(s: Extract<PyStmt, { kind: 'with' }>, scope: Scope, i: number): void {
    if (i >= s.items.length) return this.block(s.body, scope);
    const item = s.items[i]!;
    const ctx = this.eval(item.context, scope);
    const run = (bound: PyValue) => {
      if (item.as) this.bind(item.as, bound, scope, s.line);
      this.withBlock(s, scope, i + 1);
    };
    if (this.guard(s.line, () => this.host.withContext?.(ctx, s.line, run))) return;
    if (ctx instanceof Opaque) return run(ctx);
    this.fail(s.line, `cannot use ${typeName(ctx)} in a with statement`);
  }

  /** Runs host or library code, turning its EvalErrors into UserErrors at `line`. */
  guard<T>(line: number, f: () => T): T {
    try {
      return f();
    } catch (e) {
      if (e instanceof EvalError) this.fail(line, e.message);
      throw e;
    }
  }

  private iter(v: PyValue, line: number): PyValue[] {
    try {
      return iterValues(v);
    } catch (e) {
      if (e instanceof EvalError) this.fail(line, e.message);
      throw e;
    }
  }

  private bind(t: PyTarget, v: PyValue, scope: Scope, line: number): void {
    if (t.kind === 'name') {
      scope.vars.set(t.id, v);
      return;
    }
    if (t.kind === 'other') return; // x.attr = ... / x[k] = ...: only data-side code does this
    if (v instanceof Opaque) {
      for (const x of t.items) this.bind(x, new Opaque(`${v.what}[...]`), scope, line);
      return;
    }
    const items = this.iter(v, line);
    if (items.length !== t.items.length) this.fail(line, `cannot unpack ${items.length} values into ${t.items.length} names`);
    t.items.forEach((x, i) => this.bind(x, items[i]!, scope, line));
  }

  private lookup(name: string, scope: Scope, line: number): PyValue {
    const v = scope.lookup(name);
    if (v !== undefined) return v;
    const b = BUILTINS.get(name);
    if (b !== undefined) return b;
    this.fail(line, `cannot evaluate ${name}: the name is not defined in this file`);
  }

  eval(e: PyExpr, scope: Scope): PyValue {
    switch (e.kind) {
      case 'const':
        return e.value;
      case 'fstring': {
        let out = '';
        for (const p of e.parts) {
          if (typeof p === 'string') out += p;
          else {
            const v = this.eval(p, scope);
            if (v instanceof Opaque) return new Opaque(`f-string with ${v.what}`);
            out += this.str(v, e.line);
          }
        }
        return out;
      }
      case 'name':
        return this.lookup(e.id, scope, e.line);
      case 'attr':
        return this.getattr(this.eval(e.object, scope), e.name, e.line);
      case 'index': {
        const o = this.eval(e.object, scope);
        const k = this.eval(e.index, scope);
        if (o instanceof Opaque || k instanceof Opaque) return new Opaque(`${describe(o)}[...]`);
        if (o instanceof PyList || typeof o === 'string') {
          if (typeof k !== 'number') this.fail(e.line, `cannot index ${typeName(o)} with ${typeName(k)}`);
          const items = typeof o === 'string' ? [...o] : o.items;
          const v = items[k < 0 ? items.length + k : k];
          if (v === undefined) this.fail(e.line, 'index out of range');
          return v;
        }
        if (o instanceof PyDict) {
          if (k instanceof PyObject || !o.map.has(k)) this.fail(e.line, `key ${this.str(k, e.line)} is not in the dict`);
          return o.map.get(k)!;
        }
        this.fail(e.line, `cannot index ${typeName(o)}`);
      }
      case 'slice': {
        const o = this.eval(e.object, scope);
        const lo = e.start ? this.eval(e.start, scope) : null;
        const hi = e.stop ? this.eval(e.stop, scope) : null;
        if (o instanceof Opaque) return new Opaque(`${o.what}[...]`);
        if ((lo !== null && typeof lo !== 'number') || (hi !== null && typeof hi !== 'number')) this.fail(e.line, 'slice bounds must be ints');
        if (typeof o === 'string') return o.slice(lo ?? 0, hi ?? undefined);
        if (o instanceof PyList) return new PyList(o.items.slice(lo ?? 0, hi ?? undefined), o.shape);
        this.fail(e.line, `cannot slice ${typeName(o)}`);
      }
      case 'call':
        return this.call(e, scope);
      case 'list':
      case 'tuple':
      case 'set':
        return new PyList(e.items.map((x) => this.eval(x, scope)), e.kind);
      case 'dict': {
        const d = new PyDict();
        for (const entry of e.entries) {
          if (Array.isArray(entry)) {
            const k = this.eval(entry[0], scope);
            if (k instanceof PyObject) this.fail(e.line, `dict keys must be plain values, not ${typeName(k)}`);
            d.map.set(k, this.eval(entry[1], scope));
          } else {
            const other = this.eval(entry as PyExpr, scope);
            if (!(other instanceof PyDict)) this.fail(e.line, `cannot unpack ${typeName(other)} into a dict`);
            for (const [k, v] of other.map) d.map.set(k, v);
          }
        }
        return d;
      }
      case 'comprehension': {
        const src = this.eval(e.iter, scope);
        if (src instanceof Opaque) return new Opaque(`[... for ... in ${src.what}]`);
        const inner = new Scope(scope);
        const out: PyValue[] = [];
        for (const item of this.iter(src, e.line)) {
          this.bind(e.target, item, inner, e.line);
          if (e.conditions.every((c) => this.decide(c, inner))) out.push(this.eval(e.element, inner));
        }
        return new PyList(out, e.shape === 'set' ? 'set' : 'list');
      }
      case 'unary': {
        const v = this.eval(e.operand, scope);
        if (v instanceof Opaque) return new Opaque(`${e.op} ${v.what}`);
        if (e.op === 'not') return !truthy(v);
        if (typeof v !== 'number') this.fail(e.line, `cannot apply unary ${e.op} to ${typeName(v)}`);
        return e.op === '-' ? -v : v;
      }
      case 'binary': {
        if (e.op === 'and' || e.op === 'or') {
          const l = this.eval(e.left, scope);
          if (l instanceof Opaque) return new Opaque(`${l.what} ${e.op} ...`);
          if (e.op === 'and' ? !truthy(l) : truthy(l)) return l;
          return this.eval(e.right, scope);
        }
        return this.binary(e.op, this.eval(e.left, scope), this.eval(e.right, scope), e.line);
      }
      case 'ternary':
        return this.decide(e.test, scope) ? this.eval(e.then, scope) : this.eval(e.else, scope);
      case 'lambda':
        return new UserFunction('lambda', e.params, new Map(), e.body, scope, this);
    }
  }

  private str(v: PyValue, line: number): string {
    try {
      return pyStr(v);
    } catch (err) {
      if (err instanceof EvalError) this.fail(line, err.message);
      throw err;
    }
  }

  getattr(o: PyValue, name: string, line: number): PyValue {
    if (typeof o === 'string') {
      const m = stringMethod(o, name);
      if (m) return m;
    } else if (o instanceof PyList || o instanceof PyDict) {
      const m = containerMethod(o, name);
      if (m) return m;
    } else if (o instanceof PyObject) {
      const v = o.getattr(name);
      if (v !== undefined) return v;
    }
    this.fail(line, `cannot evaluate ${describe(o)}.${name}`);
  }

  private args(args: readonly PyArg[], scope: Scope, line: number): CallArgs {
    const positional: PyValue[] = [];
    const keywords = new Map<string, PyValue>();
    for (const a of args) {
      const v = this.eval(a.value, scope);
      if (a.star === '*') positional.push(...(v instanceof Opaque ? [v] : this.iter(v, line)));
      else if (a.star === '**') {
        if (!(v instanceof PyDict)) this.fail(line, `cannot expand ${typeName(v)} as keyword arguments`);
        for (const [k, x] of v.map) keywords.set(String(k), x);
      } else if (a.name !== undefined) keywords.set(a.name, v);
      else positional.push(v);
    }
    return { positional, keywords };
  }

  private call(e: Extract<PyExpr, { kind: 'call' }>, scope: Scope): PyValue {
    const f = this.eval(e.callee, scope);
    const args = this.args(e.args, scope, e.line);
    if (f instanceof Opaque) {
      this.opaqueCalls++;
      return f.call();
    }
    if (!(f instanceof PyObject) || !f.call) this.fail(e.line, `cannot call ${describe(f)}`);
    try {
      return f.call(args, e.line);
    } catch (err) {
      if (err instanceof EvalError) this.fail(e.line, err.message);
      throw err;
    }
  }

  binary(op: string, l: PyValue, r: PyValue, line: number): PyValue {
    if (l instanceof Opaque || r instanceof Opaque) return new Opaque(`${describe(l)} ${op} ${describe(r)}`);
    switch (op) {
      case '==': return equal(l, r);
      case '!=': return !equal(l, r);
      case 'is': return l === r;
      case 'is not': return l !== r;
      case 'in':
      case 'not in': {
        let found: boolean;
        if (typeof r === 'string' && typeof l === 'string') found = r.includes(l);
        else if (r instanceof PyDict) found = !(l instanceof PyObject) && r.map.has(l);
        else found = this.iter(r, line).some((x) => equal(x, l));
        return op === 'in' ? found : !found;
      }
      case '+':
        if (typeof l === 'string' && typeof r === 'string') return l + r;
        if (typeof l === 'number' && typeof r === 'number') return l + r;
        if (l instanceof PyList && r instanceof PyList) return new PyList([...l.items, ...r.items], l.shape);
        break;
      case '%':
        if (typeof l === 'string') {
          try {
            return percentFormat(l, r);
          } catch (err) {
            if (err instanceof EvalError) this.fail(line, err.message);
            throw err;
          }
        }
        if (typeof l === 'number' && typeof r === 'number') return ((l % r) + r) % r;
        break;
      case '*':
        if (typeof l === 'number' && typeof r === 'number') return l * r;
        if (typeof l === 'string' && typeof r === 'number') return l.repeat(r);
        if (l instanceof PyList && typeof r === 'number') return new PyList(Array.from({ length: r }, () => l.items).flat(), l.shape);
        break;
      case '-': if (typeof l === 'number' && typeof r === 'number') return l - r; break;
      case '/': if (typeof l === 'number' && typeof r === 'number') return l / r; break;
      case '//': if (typeof l === 'number' && typeof r === 'number') return Math.floor(l / r); break;
      case '<': case '>': case '<=': case '>=':
        if ((typeof l === 'number' && typeof r === 'number') || (typeof l === 'string' && typeof r === 'string')) {
          return op === '<' ? l < r : op === '>' ? l > r : op === '<=' ? l <= r : l >= r;
        }
        break;
    }
    this.fail(line, `cannot evaluate ${typeName(l)} ${op} ${typeName(r)}`);
  }
}

function describe(v: PyValue): string {
  return v instanceof Opaque ? v.what : typeName(v);
}

function equal(a: PyValue, b: PyValue): boolean {
  if (a instanceof PyList && b instanceof PyList) return a.items.length === b.items.length && a.items.every((x, i) => equal(x, b.items[i]!));
  return a === b;
}

/** A native function value, for hosts that build module namespaces. */
export function native(name: string, impl: (args: CallArgs, line: number) => PyValue): NativeFunction {
  return new NativeFunction(name, impl);
}
