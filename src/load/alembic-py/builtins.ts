/** Python built-ins and str/list/dict methods that revision files use on plain values. */
import { BoundMethod, NativeFunction, Opaque, PyDict, PyList, typeName, type CallArgs, type PyValue } from './py-values.js';

/** Raised by a built-in on bad arguments; the interpreter adds file:line. */
export class EvalError extends Error {}

function iterate(v: PyValue): PyValue[] {
  if (typeof v === 'string') return [...v];
  if (v instanceof PyList) return v.items;
  if (v instanceof PyDict) return [...v.map.keys()];
  throw new EvalError(`cannot iterate over ${typeName(v)}`);
}

/** The items a `for` loop or a comprehension walks over. */
export function iterValues(v: PyValue): PyValue[] {
  return iterate(v);
}

function int(v: PyValue): number {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw new EvalError(`expected an int, got ${typeName(v)}`);
}

/** Python's str() of a plain value. */
export function pyStr(v: PyValue): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v;
  if (v instanceof PyList) {
    const inner = v.items.map(pyRepr).join(', ');
    return v.shape === 'tuple' ? `(${inner}${v.items.length === 1 ? ',' : ''})` : v.shape === 'set' ? `{${inner}}` : `[${inner}]`;
  }
  throw new EvalError(`cannot turn ${typeName(v)} into text`);
}

/** Python's repr() of a plain value (strings single-quoted). */
export function pyRepr(v: PyValue): string {
  return typeof v === 'string' ? `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : pyStr(v);
}

/** `text % args` with %s, %d, %r and %(name)s. */
export function percentFormat(text: string, args: PyValue): string {
  const list = args instanceof PyList && args.shape === 'tuple' ? args.items : [args];
  let i = 0;
  return text.replace(/%(\((\w+)\))?([sdr%])/g, (_m, _k, key: string | undefined, conv: string) => {
    if (conv === '%') return '%';
    let v: PyValue;
    if (key !== undefined) {
      if (!(args instanceof PyDict) || !args.map.has(key)) throw new EvalError(`no value for %(${key})s`);
      v = args.map.get(key)!;
    } else {
      if (i >= list.length) throw new EvalError('not enough arguments for format string');
      v = list[i++]!;
    }
    return conv === 'r' ? pyRepr(v) : conv === 'd' ? String(int(v)) : pyStr(v);
  });
}

/** `str.format` with `{}`, `{0}` and `{name}` fields. */
function strFormat(text: string, args: CallArgs): string {
  let auto = 0;
  return text.replace(/\{\{|\}\}|\{(\w*)\}/g, (m, field: string | undefined) => {
    if (m === '{{') return '{';
    if (m === '}}') return '}';
    const v = field === '' ? args.positional[auto++] : /^\d+$/.test(field!) ? args.positional[Number(field)] : args.keywords.get(field!);
    if (v === undefined) throw new EvalError(`no value for {${field}} in str.format`);
    return pyStr(v);
  });
}

function method(name: string, impl: (args: CallArgs) => PyValue): BoundMethod {
  return new BoundMethod(name, impl);
}

const str1 = (a: CallArgs, i = 0): string => {
  const v = a.positional[i];
  if (typeof v !== 'string') throw new EvalError(`expected a str argument, got ${typeName(v ?? null)}`);
  return v;
};

/** Methods of str values. */
export function stringMethod(s: string, name: string): PyValue | undefined {
  switch (name) {
    case 'replace': return method('str.replace', (a) => s.split(str1(a, 0)).join(str1(a, 1)));
    case 'format': return method('str.format', (a) => strFormat(s, a));
    case 'join': return method('str.join', (a) => iterate(a.positional[0] ?? null).map((x) => { if (typeof x !== 'string') throw new EvalError('str.join needs strings'); return x; }).join(s));
    case 'upper': return method('str.upper', () => s.toUpperCase());
    case 'lower': return method('str.lower', () => s.toLowerCase());
    case 'strip': return method('str.strip', () => s.trim());
    case 'lstrip': return method('str.lstrip', () => s.trimStart());
    case 'rstrip': return method('str.rstrip', () => s.trimEnd());
    case 'startswith': return method('str.startswith', (a) => s.startsWith(str1(a)));
    case 'endswith': return method('str.endswith', (a) => s.endsWith(str1(a)));
    case 'split': return method('str.split', (a) => new PyList(a.positional.length ? s.split(str1(a)) : s.trim().split(/\s+/)));
    default: return undefined;
  }
}

/** Methods of lists and dicts (mutating ones change the value in place, as in Python). */
export function containerMethod(v: PyList | PyDict, name: string): PyValue | undefined {
  if (v instanceof PyList) {
    switch (name) {
      case 'append': return method('list.append', (a) => { v.items.push(a.positional[0] ?? null); return null; });
      case 'extend': return method('list.extend', (a) => { v.items.push(...iterate(a.positional[0] ?? null)); return null; });
      case 'index': return method('list.index', (a) => v.items.indexOf(a.positional[0] ?? null));
      default: return undefined;
    }
  }
  switch (name) {
    case 'get': return method('dict.get', (a) => { const k = a.positional[0]; return v.map.has(k as string) ? v.map.get(k as string)! : a.positional[1] ?? null; });
    case 'items': return method('dict.items', () => new PyList([...v.map.entries()].map(([k, x]) => new PyList([k, x], 'tuple'))));
    case 'keys': return method('dict.keys', () => new PyList([...v.map.keys()]));
    case 'values': return method('dict.values', () => new PyList([...v.map.values()]));
    default: return undefined;
  }
}

/** A built-in; given a value only the database knows, its result is one too. */
function builtin(name: string, impl: (args: CallArgs) => PyValue): [string, NativeFunction] {
  return [name, new NativeFunction(name, (a) => {
    const unknown = a.positional.find((v): v is Opaque => v instanceof Opaque);
    return unknown && name !== 'print' ? new Opaque(`${name}(${unknown.what})`) : impl(a);
  })];
}

/** The built-in names revision files use on plain values. */
export const BUILTINS: ReadonlyMap<string, PyValue> = new Map<string, PyValue>([
  builtin('len', (a) => {
    const v = a.positional[0] ?? null;
    if (typeof v === 'string') return v.length;
    if (v instanceof PyList) return v.items.length;
    if (v instanceof PyDict) return v.map.size;
    if (v instanceof Opaque) return new Opaque(`len(${v.what})`);
    throw new EvalError(`len() of ${typeName(v)}`);
  }),
  builtin('range', (a) => {
    const [x, y, step] = a.positional.map(int);
    const [lo, hi] = y === undefined ? [0, x!] : [x!, y];
    const out: number[] = [];
    for (let i = lo; (step ?? 1) > 0 ? i < hi : i > hi; i += step ?? 1) out.push(i);
    return new PyList(out);
  }),
  builtin('enumerate', (a) => new PyList(iterate(a.positional[0] ?? null).map((x, i) => new PyList([i + int(a.positional[1] ?? 0), x], 'tuple')))),
  builtin('zip', (a) => {
    const lists = a.positional.map(iterate);
    const n = Math.min(...lists.map((l) => l.length));
    return new PyList(Array.from({ length: n }, (_, i) => new PyList(lists.map((l) => l[i]!), 'tuple')));
  }),
  builtin('list', (a) => new PyList(a.positional.length ? [...iterate(a.positional[0]!)] : [])),
  builtin('tuple', (a) => new PyList(a.positional.length ? [...iterate(a.positional[0]!)] : [], 'tuple')),
  builtin('sorted', (a) => new PyList([...iterate(a.positional[0] ?? null)].sort((x, y) => (String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0)))),
  builtin('reversed', (a) => new PyList([...iterate(a.positional[0] ?? null)].reverse())),
  builtin('str', (a) => (a.positional.length ? pyStr(a.positional[0]!) : '')),
  builtin('repr', (a) => pyRepr(a.positional[0] ?? null)),
  builtin('int', (a) => { const v = a.positional[0] ?? 0; return typeof v === 'string' ? parseInt(v, 10) : Math.trunc(int(typeof v === 'number' ? Math.trunc(v) : v)); }),
  builtin('bool', (a) => a.positional.length > 0 && a.positional[0] !== null && a.positional[0] !== false && a.positional[0] !== 0 && a.positional[0] !== ''),
  builtin('print', () => null),
  builtin('iter', (a) => new PyList([...iterate(a.positional[0] ?? null)])),
  builtin('next', (a) => {
    const items = iterate(a.positional[0] ?? null);
    if (items.length) return items[0]!;
    if (a.positional.length > 1) return a.positional[1]!;
    throw new EvalError('next() of an empty iterator');
  }),
  builtin('dict', (a) => {
    const d = new PyDict();
    for (const [k, v] of a.keywords) d.map.set(k, v);
    return d;
  }),
]);
