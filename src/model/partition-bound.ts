import type { TableDef } from './objects.js';

/**
 * Partition bounds in one spelling whoever wrote them. PostgreSQL stores a bound's values typed
 * by the partition key and prints them back in the type's output form (`'2026-01-01'` on a
 * timestamptz key is `'2026-01-01 00:00:00+00'`, `'10'` on an integer key is `10`), timestamptz
 * in the session's time zone. Both sides are brought to that form here, without a server, for
 * the types partition keys commonly have: integers, date, timestamp and timestamptz (in UTC; a
 * value written without an offset is taken as UTC). Anything else is left as it is.
 */
export function canonicalPartitionBound(bound: string, keyTypes: readonly (string | undefined)[]): string {
  if (!keyTypes.some((t) => t !== undefined && canonicalizes(t))) return bound;
  const list = bound.startsWith('FOR VALUES IN');
  let position = 0;
  let out = '';
  let i = 0;
  while (i < bound.length) {
    const ch = bound[i]!;
    if (ch === '(' && !list) position = 0;
    if (ch === ',' && !list) position++;
    if (ch !== "'") {
      out += ch;
      i++;
      continue;
    }
    let j = i + 1;
    let value = '';
    while (j < bound.length) {
      if (bound[j] === "'" && bound[j + 1] === "'") {
        value += "'";
        j += 2;
      } else if (bound[j] === "'") break;
      else value += bound[j++];
    }
    const literal = bound.slice(i, j + 1);
    const type = keyTypes[list ? 0 : position];
    out += type === undefined ? literal : canonicalValue(value, type) ?? literal;
    i = j + 1;
  }
  return out;
}

/** The key's column types of a partitioned table (undefined for expression keys), in key order. */
export function partitionKeyTypes(parent: TableDef): (string | undefined)[] {
  const m = /^\w+ \((.*)\)$/.exec(parent.partitionBy ?? '');
  if (!m) return [];
  return m[1]!.split(', ').map((k) => {
    const name = k.startsWith('"') ? k.slice(1, -1).replace(/""/g, '"') : k;
    return parent.columns.find((c) => c.name === name)?.type;
  });
}

const INTEGER = new Set(['smallint', 'integer', 'bigint']);

function canonicalizes(type: string): boolean {
  return INTEGER.has(type) || type === 'date' || /^timestamp(\(\d\))? with(out)? time zone$/.test(type);
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** One value in the key type's output form, or undefined to keep it as written. */
function canonicalValue(value: string, type: string): string | undefined {
  if (INTEGER.has(type)) return /^\s*[+-]?\d+\s*$/.test(value) ? String(BigInt(value.trim())) : undefined;
  const m = DATE_TIME.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = m;
  if (type === 'date') return m[4] === undefined && zone === undefined ? `'${y}-${mo}-${d}'` : undefined;
  const fraction = frac.replace(/0+$/, '') === '.' ? '' : frac.replace(/0+$/, '');
  if (!type.includes('with time zone')) return zone === undefined ? `'${y}-${mo}-${d} ${h}:${mi}:${s}${fraction}'` : undefined;
  const offsetMinutes = zoneMinutes(zone);
  const utc = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - offsetMinutes * 60_000);
  if (Number.isNaN(utc.getTime()) || utc.getUTCFullYear() < 1 || utc.getUTCFullYear() > 9999) return undefined;
  const iso = utc.toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  return `'${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction}+00'`;
}

function zoneMinutes(zone: string | undefined): number {
  if (zone === undefined || /^z$/i.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}
