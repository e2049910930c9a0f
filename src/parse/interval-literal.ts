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

/** Canonical text of an interval literal in PostgreSQL's default output style, or the input unchanged. */
export function normalizeIntervalLiteral(text: string): string {
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
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const time = /^([+-])?(\d+):(\d{1,2})(?::(\d{1,2}(?:\.\d+)?))?$/.exec(tok);
    if (time) {
      const sign = time[1] === '-' ? -1 : 1;
      micros += sign * (Number(time[2]) * 3_600_000_000 + Number(time[3]) * 60_000_000 + Math.round(Number(time[4] ?? 0) * 1_000_000));
      continue;
    }
    const num = /^([+-]?\d+(?:\.\d+)?)([a-z]+)?$/.exec(tok);
    if (!num) return text;
    // A bare trailing number counts as seconds, as in PostgreSQL.
    const unitName = num[2] ?? tokens[++i] ?? 'seconds';
    const unit = UNITS[unitName];
    if (!unit) return text;
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
  if (!tokens.length) return text;
  if (ago) {
    months = -months;
    days = -days;
    micros = -micros;
  }
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
