/**
 * PostgreSQL stores typed literals by value and prints them back in its output format, so
 * `interval '1 minute'` comes back as `'00:01:00'` and `'90 minutes'` as `'01:30:00'`. This
 * reproduces the default (`postgres`) IntervalStyle output for the common unit forms; anything it
 * does not understand is returned unchanged.
 */
const UNITS: Record<string, [field: 'months' | 'days' | 'micros', factor: number]> = {
  millennium: ['months', 12000], millenniums: ['months', 12000], millennia: ['months', 12000],
  century: ['months', 1200], centuries: ['months', 1200],
  decade: ['months', 120], decades: ['months', 120],
  year: ['months', 12], years: ['months', 12], y: ['months', 12], yr: ['months', 12], yrs: ['months', 12],
  month: ['months', 1], months: ['months', 1], mon: ['months', 1], mons: ['months', 1],
  week: ['days', 7], weeks: ['days', 7], w: ['days', 7],
  day: ['days', 1], days: ['days', 1], d: ['days', 1],
  hour: ['micros', 3_600_000_000], hours: ['micros', 3_600_000_000], h: ['micros', 3_600_000_000], hr: ['micros', 3_600_000_000], hrs: ['micros', 3_600_000_000],
  minute: ['micros', 60_000_000], minutes: ['micros', 60_000_000], min: ['micros', 60_000_000], mins: ['micros', 60_000_000], m: ['micros', 60_000_000],
  second: ['micros', 1_000_000], seconds: ['micros', 1_000_000], sec: ['micros', 1_000_000], secs: ['micros', 1_000_000], s: ['micros', 1_000_000],
  millisecond: ['micros', 1000], milliseconds: ['micros', 1000], ms: ['micros', 1000], msec: ['micros', 1000], msecs: ['micros', 1000],
  microsecond: ['micros', 1], microseconds: ['micros', 1], us: ['micros', 1],
};

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** An interval's three fields, as PostgreSQL keeps them. */
interface IntervalValue {
  months: number;
  days: number;
  micros: number;
}

/**
 * interval_in: the fields of an interval literal, or undefined when it is not one of the unit
 * forms understood here. `bareUnit` is the unit of a trailing number with none (seconds, unless a
 * field qualifier such as `interval '1' year` says otherwise).
 */
function parseInterval(text: string, bareUnit = 'seconds'): IntervalValue | undefined {
  let s = text.trim().toLowerCase();
  if (s.startsWith('@')) s = s.slice(1).trim();
  let ago = false;
  if (s.endsWith(' ago')) {
    ago = true;
    s = s.slice(0, -4).trim();
  }
  let months = 0;
  let days = 0;
  let micros = 0;
  const tokens = s.split(/\s+/).filter(Boolean);
  if (!tokens.length) return undefined;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const time = /^([+-])?(\d+):(\d{1,2})(?::(\d{1,2}(?:\.\d+)?))?$/.exec(tok);
    if (time) {
      const sign = time[1] === '-' ? -1 : 1;
      micros += sign * (Number(time[2]) * 3_600_000_000 + Number(time[3]) * 60_000_000 + Math.round(Number(time[4] ?? 0) * 1_000_000));
      continue;
    }
    const num = /^([+-]?\d+(?:\.\d+)?)([a-z]+)?$/.exec(tok);
    if (!num) return undefined;
    const unitName = num[2] ?? tokens[++i] ?? bareUnit;
    const unit = UNITS[unitName];
    if (!unit) return undefined;
    const v = Number(num[1]) * unit[1];
    if (unit[0] === 'months') {
      months += Math.trunc(v);
      const frac = v - Math.trunc(v);
      if (frac) days += frac * 30;
    } else if (unit[0] === 'days') {
      days += Math.trunc(v);
      const frac = v - Math.trunc(v);
      if (frac) micros += Math.round(frac * 86_400_000_000);
    } else micros += Math.round(v);
  }
  return ago ? { months: -months, days: -days, micros: -micros } : { months, days, micros };
}

/** An interval in PostgreSQL's default (`postgres`) IntervalStyle output. */
function formatInterval({ months, days, micros }: IntervalValue): string {
  const parts: string[] = [];
  const years = Math.trunc(months / 12);
  const mons = months % 12;
  if (years) parts.push(`${years} year${Math.abs(years) === 1 ? '' : 's'}`);
  if (mons) parts.push(`${mons} mon${Math.abs(mons) === 1 ? '' : 's'}`);
  if (days) parts.push(`${days} day${Math.abs(days) === 1 ? '' : 's'}`);
  if (micros || !parts.length) {
    const neg = micros < 0;
    const abs = Math.abs(micros);
    const h = Math.floor(abs / 3_600_000_000);
    const m = Math.floor((abs % 3_600_000_000) / 60_000_000);
    const us = abs % 60_000_000;
    const sec = Math.floor(us / 1_000_000);
    const frac = us % 1_000_000;
    const fracText = frac ? '.' + String(frac).padStart(6, '0').replace(/0+$/, '') : '';
    parts.push(`${neg ? '-' : ''}${pad(h)}:${pad(m)}:${pad(sec)}${fracText}`);
  }
  return parts.join(' ');
}

/** Canonical text of an interval literal in PostgreSQL's default output style, or the input unchanged. */
export function normalizeIntervalLiteral(text: string): string {
  const value = parseInterval(text);
  return value ? formatInterval(value) : text;
}

// INTERVAL_MASK bits of the field qualifiers (datetime.h), as the grammar puts them in typmods.
const YEAR = 1 << 2;
const MONTH = 1 << 1;
const DAY = 1 << 3;
const HOUR = 1 << 10;
const MINUTE = 1 << 11;
const SECOND = 1 << 12;
const FULL_RANGE = 0x7fff;

const HOUR_US = 3_600_000_000;
const MINUTE_US = 60_000_000;

/** DecodeInterval: the unit of a bare number under a field qualifier (its rightmost field). */
function bareUnitOf(range: number): string | undefined {
  switch (range) {
    case YEAR:
      return 'years';
    case MONTH:
    case YEAR | MONTH:
      return 'months';
    case DAY:
      return 'days';
    case HOUR:
    case DAY | HOUR:
      return 'hours';
    case MINUTE:
    case HOUR | MINUTE:
    case DAY | HOUR | MINUTE:
      return 'minutes';
    case FULL_RANGE:
    case SECOND:
    case MINUTE | SECOND:
    case HOUR | MINUTE | SECOND:
    case DAY | HOUR | MINUTE | SECOND:
      return 'seconds';
    default:
      return undefined;
  }
}

/** AdjustIntervalForTypmod: the fields below the qualifier's last one are cut off (truncated toward zero). */
function truncateToRange(v: IntervalValue, range: number): IntervalValue {
  const cut = (us: number, unit: number): number => Math.trunc(us / unit) * unit;
  switch (range) {
    case YEAR:
      return { months: Math.trunc(v.months / 12) * 12, days: 0, micros: 0 };
    case MONTH:
    case YEAR | MONTH:
      return { ...v, days: 0, micros: 0 };
    case DAY:
      return { ...v, micros: 0 };
    case HOUR:
    case DAY | HOUR:
      return { ...v, micros: cut(v.micros, HOUR_US) };
    case MINUTE:
    case HOUR | MINUTE:
    case DAY | HOUR | MINUTE:
      return { ...v, micros: cut(v.micros, MINUTE_US) };
    default:
      return v;
  }
}

/**
 * A literal cast to an interval with a field qualifier or precision (`interval '1.5' hour`,
 * `'90'::interval minute`, `interval(0) '1.5'`), as PostgreSQL stores it: a bare number counts in
 * the qualifier's last field and the fields below it are cut off, so `interval '1' year` is
 * `'1 year'` and `interval '1.5' hour` is `'01:00:00'`. `typmods` are the grammar's (range mask,
 * then precision). Undefined when the literal or qualifier is not one handled here.
 */
export function intervalLiteralWithTypmods(text: string, typmods: readonly number[]): string | undefined {
  const [range = FULL_RANGE, precision] = typmods;
  const bareUnit = bareUnitOf(range);
  if (bareUnit === undefined) return undefined;
  const value = parseInterval(text, bareUnit);
  if (!value) return undefined;
  const out = truncateToRange(value, range);
  if (precision !== undefined && precision >= 0 && precision < 6) {
    const unit = 10 ** (6 - precision);
    // AdjustIntervalForTypmod rounds half away from zero.
    out.micros = Math.sign(out.micros) * Math.round(Math.abs(out.micros) / unit) * unit;
  }
  return formatInterval(out);
}
