import { NEVER_COMPARED } from '../diff/same-value.js';

/**
 * How an object with a given list of own keys is written: the keys in canonical order (array
 * indices first in numeric order, as an object created with them enumerates them, then the
 * others sorted by code unit; NEVER_COMPARED left out), each with its `"key":` label.
 */
interface Layout {
  readonly keys: readonly string[];
  readonly order: readonly string[];
  readonly labels: readonly string[];
  /** The labels after a comma: `,"key":`. */
  readonly nextLabels: readonly string[];
}

const EMPTY: Layout = { keys: [], order: [], labels: [], nextLabels: [] };

/** Layouts seen, by first key; objects built by the same code share one (27 kinds at 5,000 tables). */
const layouts = new Map<string, Layout[]>();
/** Per first key, at most this many layouts are kept: keys that vary freely are sorted each time. */
const LAYOUTS_PER_FIRST_KEY = 64;

function isArrayIndex(k: string): boolean {
  const c = k.charCodeAt(0);
  return c >= 48 && c <= 57 && /^(?:0|[1-9][0-9]*)$/.test(k) && Number(k) < 4294967295;
}

function newLayout(keys: readonly string[]): Layout {
  let indices = 0;
  while (indices < keys.length && isArrayIndex(keys[indices]!)) indices++;
  const order = [...keys.slice(0, indices), ...keys.slice(indices).sort()].filter((k) => !NEVER_COMPARED.has(k));
  const labels = order.map((k) => `${JSON.stringify(k)}:`);
  return { keys, order, labels, nextLabels: labels.map((l) => `,${l}`) };
}

/** The layout of an object with these own keys (Object.keys order), from the cache when seen before. */
function layoutOf(keys: string[]): Layout {
  const first = keys[0];
  if (first === undefined) return EMPTY;
  let known = layouts.get(first);
  if (known) {
    search: for (const l of known) {
      if (l.keys.length !== keys.length) continue;
      for (let i = 1; i < keys.length; i++) if (l.keys[i] !== keys[i]) continue search;
      return l;
    }
  } else layouts.set(first, (known = []));
  const l = newLayout(keys);
  if (known.length < LAYOUTS_PER_FIRST_KEY) known.push(l);
  return l;
}

/** A value JSON leaves out of an object and writes as null in an array. */
function omitted(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/**
 * Writes values as `canonicalJson` (src/diff/same-value.ts) does, byte for byte, without building
 * the key-sorted copy it hands to JSON.stringify: the key order of each object layout is worked
 * out once, not sorted per object. At 5,000 tables the copies' sorts allocated ~230 MB per `plan`,
 * for two fingerprints. The text goes to `sink` in pieces of about `chunk` characters.
 */
export class CanonicalWriter {
  private out = '';

  constructor(private readonly sink: (text: string) => void, private readonly chunk = 1 << 16) {}

  /** Appends raw text (punctuation between values). */
  raw(text: string): void {
    this.out += text;
  }

  /** Appends the canonical JSON of a value. */
  value(v: unknown): void {
    switch (typeof v) {
      case 'string': this.out += JSON.stringify(v); return;
      case 'number': this.out += Number.isFinite(v) ? String(v) : 'null'; return;
      case 'boolean': this.out += v ? 'true' : 'false'; return;
      case 'object': break;
      // undefined, a function or a symbol (JSON.stringify gives undefined: nothing); a bigint throws as there
      default: this.out += JSON.stringify(v) ?? ''; return;
    }
    if (v === null) this.out += 'null';
    else if (Array.isArray(v)) this.array(v);
    else if (typeof (v as { toJSON?: unknown }).toJSON === 'function') this.out += JSON.stringify(v);
    else this.object(v as Record<string, unknown>);
    if (this.out.length >= this.chunk) this.flush();
  }

  /** Hands what is written so far to the sink. */
  flush(): void {
    if (this.out) this.sink(this.out);
    this.out = '';
  }

  private array(v: readonly unknown[]): void {
    this.out += '[';
    for (let i = 0; i < v.length; i++) {
      if (i) this.out += ',';
      const x = v[i];
      if (omitted(x)) this.out += 'null';
      else this.value(x);
    }
    this.out += ']';
  }

  private object(o: Record<string, unknown>): void {
    const { order, labels, nextLabels } = layoutOf(Object.keys(o));
    this.out += '{';
    let written = false;
    for (let i = 0; i < order.length; i++) {
      const x = o[order[i]!];
      if (omitted(x)) continue;
      this.out += written ? nextLabels[i]! : labels[i]!;
      written = true;
      this.value(x);
    }
    this.out += '}';
  }
}
