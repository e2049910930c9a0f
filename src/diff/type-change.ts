import type { TypeText } from '../model/objects.js';

/**
 * What a column type change does to the values already stored:
 * - `widen`: binary-coercible, PostgreSQL relabels the column without a rewrite and cannot fail
 *   (varchar(3) -> varchar(8), varchar -> text, numeric(10,2) -> numeric(12,2), timestamp(3) -> timestamp);
 * - `narrow`: some values no longer fit: they fail (`value too long`, overflow) or are rounded
 *   (numeric scale, timestamp precision, double -> real), and an explicit cast would truncate;
 * - `convert`: anything else (a rewrite that may fail: text -> integer, char(5) -> char(9)).
 */
export type TypeChangeKind = 'widen' | 'narrow' | 'convert';

interface ParsedType {
  /** The type name without modifiers or array brackets (`character varying`, `timestamp with time zone`). */
  readonly base: string;
  /** Type modifiers, e.g. [20] or [10, 2]; empty when none. */
  readonly mods: readonly number[];
  readonly array: string;
}

/** Splits a `format_type` spelling: modifiers may sit mid-name (`timestamp(3) with time zone`). */
function parseType(t: TypeText): ParsedType {
  const array = /(\[\])+$/.exec(t)?.[0] ?? '';
  const body = t.slice(0, t.length - array.length);
  const m = /^([^(]*)\((\d+(?:,\s*\d+)?)\)(.*)$/.exec(body);
  if (!m) return { base: body, mods: [], array };
  return { base: (m[1]! + m[3]!).trim(), mods: m[2]!.split(',').map((x) => Number(x.trim())), array };
}

/** text and varchar: one family, text being varchar without a limit. */
const VARLENA_TEXT = new Set(['text', 'character varying']);

/** Types whose single modifier is a precision that rounds when lowered and is free to raise. */
const PRECISION = new Set([
  'timestamp without time zone', 'timestamp with time zone', 'time without time zone', 'time with time zone', 'interval',
]);

/** Integer and float ranks: a higher rank holds every value of a lower one of the same family. */
const INTEGER_RANK: Record<string, number> = { smallint: 1, integer: 2, bigint: 3 };
const FLOAT_RANK: Record<string, number> = { real: 1, 'double precision': 2 };

/** A length limit compared: absent means unlimited. */
const fits = (from: number | undefined, to: number | undefined): boolean => to === undefined || (from !== undefined && from <= to);

function classifyScalar(from: ParsedType, to: ParsedType): TypeChangeKind {
  const f0 = from.mods[0];
  const t0 = to.mods[0];
  if (VARLENA_TEXT.has(from.base) && VARLENA_TEXT.has(to.base)) {
    // text is an unlimited varchar: widening relabels, a length limit below the old one fails on long values.
    return fits(from.base === 'text' ? undefined : f0, to.base === 'text' ? undefined : t0) ? 'widen' : 'narrow';
  }
  if (from.base === 'character' && to.base === 'character') return (t0 ?? 1) < (f0 ?? 1) ? 'narrow' : 'convert';
  if (VARLENA_TEXT.has(from.base) && to.base === 'character') return 'narrow';
  if (from.base === 'bit varying' && to.base === 'bit varying') return fits(f0, t0) ? 'widen' : 'narrow';
  if (from.base === 'bit' && to.base === 'bit') return 'narrow';
  if (from.base === 'numeric' && to.base === 'numeric') {
    if (to.mods.length === 0) return 'widen';
    if (from.mods.length === 0) return 'narrow';
    const [fp, fs = 0] = from.mods as [number, number?];
    const [tp, ts = 0] = to.mods as [number, number?];
    if (ts < fs || tp - ts < fp - fs) return 'narrow';
    return ts === fs ? 'widen' : 'convert';
  }
  if (PRECISION.has(from.base) && from.base === to.base) return fits(f0 ?? 6, t0 ?? 6) ? 'widen' : 'narrow';
  const fi = INTEGER_RANK[from.base];
  const ti = INTEGER_RANK[to.base];
  if (fi !== undefined && ti !== undefined) return ti < fi ? 'narrow' : 'convert';
  const ff = FLOAT_RANK[from.base];
  const tf = FLOAT_RANK[to.base];
  if (ff !== undefined && tf !== undefined) return tf < ff ? 'narrow' : 'convert';
  return 'convert';
}

/**
 * Classifies a type change by the values it can hold. Arrays follow their element type
 * (PostgreSQL applies the element cast to each element); a change of array dimensions converts.
 */
export function classifyTypeChange(from: TypeText, to: TypeText): TypeChangeKind {
  if (from === to) return 'widen';
  const f = parseType(from);
  const t = parseType(to);
  if (f.array !== t.array) return 'convert';
  return classifyScalar(f, t);
}

/** The worst of several steps' kinds (narrow over convert over widen). */
export function worstTypeChange(kinds: readonly TypeChangeKind[]): TypeChangeKind {
  if (kinds.includes('narrow')) return 'narrow';
  if (kinds.includes('convert')) return 'convert';
  return 'widen';
}

/**
 * How a column's type change as a whole behaves: the worst of its steps (a USING expression
 * counts as a conversion), and a conversion when only the collation changes (indexes are rebuilt).
 */
export function typeChangeOf(from: TypeText, to: TypeText, steps: readonly { readonly to: TypeText; readonly using?: string }[]): TypeChangeKind {
  const kinds = steps.map((s, i) => {
    const kind = classifyTypeChange(i ? steps[i - 1]!.to : from, s.to);
    return s.using !== undefined ? worstTypeChange([kind, 'convert']) : kind;
  });
  if (from === to) kinds.push('convert');
  return worstTypeChange(kinds);
}

/** B-tree operator families that compare across their member types (what a FOREIGN KEY needs). */
const COMPARISON_FAMILY: Record<string, string> = {
  smallint: 'integer', integer: 'integer', bigint: 'integer',
  text: 'text', 'character varying': 'text',
  real: 'float', 'double precision': 'float',
  date: 'datetime', 'timestamp without time zone': 'datetime', 'timestamp with time zone': 'datetime',
};

/**
 * Can a column of type `a` reference (or be referenced by) one of type `b`? PostgreSQL needs an
 * equality operator of the key's b-tree operator family between them: integer widths mix, text
 * and varchar mix, integer and text do not ("foreign key constraint ... cannot be implemented").
 */
export function sameComparisonFamily(a: TypeText, b: TypeText): boolean {
  // The common case (asked for every paired column): a type compares with itself.
  if (a === b) return true;
  const pa = parseType(a);
  const pb = parseType(b);
  if (pa.array !== pb.array) return false;
  return (COMPARISON_FAMILY[pa.base] ?? pa.base) === (COMPARISON_FAMILY[pb.base] ?? pb.base);
}
