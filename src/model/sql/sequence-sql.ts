import { MAX_IDENTIFIER_BYTES, qualify, quoteIdent, truncateIdentifier, utf8Length } from '../names.js';
import type { SequenceDef } from '../objects.js';

type SequenceType = SequenceDef['dataType'];

const TYPE_BOUNDS: Record<SequenceType, { readonly min: bigint; readonly max: bigint }> = {
  smallint: { min: -32768n, max: 32767n },
  integer: { min: -2147483648n, max: 2147483647n },
  bigint: { min: -9223372036854775808n, max: 9223372036854775807n },
};

/** The option values PostgreSQL picks for a sequence of `dataType` stepping by `increment`. */
export function defaultSequenceOptions(
  dataType: SequenceType,
  increment: string,
): Pick<SequenceDef, 'start' | 'min' | 'max' | 'cache' | 'cycle'> {
  const bounds = TYPE_BOUNDS[dataType];
  // Descending sequences default to MINVALUE = type minimum, MAXVALUE = -1, START = MAXVALUE.
  const descending = toBigInt(increment) !== undefined && toBigInt(increment)! < 0n;
  const min = descending ? bounds.min : 1n;
  const max = descending ? -1n : bounds.max;
  return { start: String(descending ? max : min), min: String(min), max: String(max), cache: '1', cycle: false };
}

function toBigInt(text: string): bigint | undefined {
  try {
    return BigInt(text.trim());
  } catch {
    return undefined;
  }
}

/** Numeric equality of option values (`'01'` equals `'1'`), falling back to text. */
function sameNumber(a: string, b: string): boolean {
  const x = toBigInt(a);
  const y = toBigInt(b);
  return x !== undefined && y !== undefined ? x === y : a === b;
}

/**
 * `CREATE SEQUENCE s.n AS t INCREMENT BY .. MINVALUE .. MAXVALUE .. START WITH .. CACHE .. [NO] CYCLE`,
 * every option spelled out so the text never depends on PostgreSQL's type-dependent defaults.
 * OWNED BY is separate ({@link alterSequenceOwnedBySql}): the owning table usually comes later.
 */
export function createSequenceSql(seq: SequenceDef, opts: { ifNotExists?: boolean } = {}): string {
  return (
    `CREATE SEQUENCE ${opts.ifNotExists ? 'IF NOT EXISTS ' : ''}${qualify(seq)} AS ${seq.dataType}` +
    ` INCREMENT BY ${seq.increment} MINVALUE ${seq.min} MAXVALUE ${seq.max}` +
    ` START WITH ${seq.start} CACHE ${seq.cache} ${seq.cycle ? 'CYCLE' : 'NO CYCLE'}`
  );
}

/**
 * `ALTER SEQUENCE s.n OWNED BY s.t.c` (or `OWNED BY NONE`). The table is always in the sequence's
 * schema: PostgreSQL refuses OWNED BY across schemas.
 */
export function alterSequenceOwnedBySql(seq: SequenceDef): string {
  const owner = seq.ownedBy
    ? `${qualify({ schema: seq.schema, name: seq.ownedBy.table })}.${quoteIdent(seq.ownedBy.column)}`
    : 'NONE';
  return `ALTER SEQUENCE ${qualify(seq)} OWNED BY ${owner}`;
}

/**
 * Sequence options of an identity column that differ from what PostgreSQL would pick for a column
 * of `columnType` (e.g. `START WITH 1000 CACHE 20`), space-separated; empty when all are default.
 */
export function identityOptionsSql(seq: SequenceDef, columnType: string): string {
  const parts: string[] = [];
  if (seq.dataType !== columnType) parts.push(`AS ${seq.dataType}`);
  if (!sameNumber(seq.increment, '1')) parts.push(`INCREMENT BY ${seq.increment}`);
  const d = defaultSequenceOptions(seq.dataType, seq.increment);
  if (!sameNumber(seq.min, d.min)) parts.push(`MINVALUE ${seq.min}`);
  if (!sameNumber(seq.max, d.max)) parts.push(`MAXVALUE ${seq.max}`);
  // START defaults to the (possibly non-default) MINVALUE, or MAXVALUE when descending.
  const defaultStart = d.start === d.min ? seq.min : seq.max;
  if (!sameNumber(seq.start, defaultStart)) parts.push(`START WITH ${seq.start}`);
  if (!sameNumber(seq.cache, d.cache)) parts.push(`CACHE ${seq.cache}`);
  if (seq.cycle) parts.push('CYCLE');
  return parts.join(' ');
}

/**
 * The name PostgreSQL gives the implicit sequence of a serial or identity column when nothing
 * clashes: `<table>_<column>_seq`, shortening the longer of the two parts until it fits in 63
 * bytes (makeObjectName), never splitting a UTF-8 character.
 */
export function defaultColumnSequenceName(table: string, column: string): string {
  const avail = MAX_IDENTIFIER_BYTES - ('_seq'.length + 1);
  let t = utf8Length(table);
  let c = utf8Length(column);
  while (t + c > avail) {
    if (t > c) t--;
    else c--;
  }
  return `${truncateIdentifier(table, t)}_${truncateIdentifier(column, c)}_seq`;
}
