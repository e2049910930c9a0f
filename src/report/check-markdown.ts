import type { Difference } from '../diff/difference.js';
import type { SchemaState } from '../model/schema-state.js';
import { beyondSchema, type CheckReport } from './check-report.js';
import { DETAIL_NOTE, renderErDiagram, type TouchedTable } from './er-diagram.js';
import { code, details, htmlCode, inline, plural, relativeTo, table } from './markdown.js';

/** Options of the Markdown check report. */
export interface CheckMarkdownOptions {
  /** Directories paths are shown relative to (the working directory, the migrations folder's parent). */
  readonly base?: string | readonly string[];
  /** Up to this many differences, each gets its own line; beyond, they are collapsed per revision. */
  readonly listEachUpTo?: number;
  readonly maxDiagramLines?: number;
}

const KINDS: readonly Difference['kind'][] = ['missing', 'extra', 'different'];
const SAY: Record<Difference['kind'], string> = { missing: '➕ missing from the database', extra: '➖ only in the database', different: '✏️ different' };

function show(v: unknown): string {
  return v === undefined ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v);
}

function line(d: Difference): string {
  const attrs = (d.attributes ?? []).map((a) => `${a.attribute}: migrations ${code(show(a.target))}, database ${code(show(a.live))}`);
  return `- ${SAY[d.kind]}: ${d.object} ${code(d.name)}${attrs.length ? ` (${inline(attrs.join('; '))})` : ''}${d.origin ? ` — line ${d.origin.line}` : ''}`;
}

/** The tables the differences concern, marked for the diagram (check has no plan, only both states). */
function tablesOf(differences: readonly Difference[], target: SchemaState, live: SchemaState): Map<string, TouchedTable> {
  const out = new Map<string, TouchedTable>();
  const keys = [...new Set([...target.tables.keys(), ...live.tables.keys()])].sort((a, b) => b.length - a.length);
  const entry = (key: string): TouchedTable => {
    let e = out.get(key);
    if (!e) out.set(key, (e = { key, mark: 'changed', columns: new Map() }));
    return e;
  };
  for (const d of differences) {
    if (d.object === 'table') {
      const e = entry(d.name);
      if (d.kind === 'missing') Object.assign(e, { mark: 'new', label: 'missing from the database' });
      if (d.kind === 'extra') Object.assign(e, { mark: 'dropped', label: 'only in the database' });
      continue;
    }
    if (d.object !== 'column' && d.object !== 'constraint') continue;
    const key = keys.find((k) => d.name.startsWith(`${k}.`));
    if (!key) continue;
    const e = entry(key);
    if (d.object === 'column') {
      const col = d.name.slice(key.length + 1).replace(/^"(.*)"$/, '$1').replace(/""/g, '"');
      e.columns.set(col, d.kind === 'different' ? `different: ${(d.attributes ?? []).map((a) => a.attribute).join(', ')}` : d.kind === 'missing' ? 'missing from the database' : 'only in the database');
    }
  }
  return out;
}

/**
 * `check` as Markdown for a CI job summary or a scheduled drift report: counts by object kind
 * and kind of difference, the differences grouped by the revision file behind them (objects only
 * in the database last), and a Mermaid ER diagram of the tables that differ.
 */
export function renderCheckMarkdown(r: CheckReport, states: { readonly target: SchemaState; readonly live: SchemaState }, opts: CheckMarkdownOptions = {}): string {
  const out = [`## schema-sync check: ${code(relativeTo(r.target, opts.base))} against ${code(r.database)}`, ''];
  const n = r.differences.length;
  const beyond = beyondSchema(r);
  if (!n && beyond.length) {
    out.push(`❌ **Not in sync**: no schema difference in ${plural(r.objectsCompared, 'object')} compared, but:`, '', ...beyond.map((l) => `- ${l}`));
    return out.join('\n') + '\n';
  }
  if (!n) {
    out.push(`✅ In sync: ${plural(r.objectsCompared, 'object')} compared, no differences.`);
    return out.join('\n') + '\n';
  }
  const count = (k: Difference['kind']): number => r.differences.filter((d) => d.kind === k).length;
  out.push(`❌ **${plural(n, 'difference')}** (${count('missing')} missing, ${count('extra')} extra, ${count('different')} different) in ${plural(r.objectsCompared, 'object')} compared.`, '');
  const kinds = new Map<string, Record<Difference['kind'], number>>();
  for (const d of r.differences) {
    const row = kinds.get(d.object) ?? { missing: 0, extra: 0, different: 0 };
    row[d.kind]++;
    kinds.set(d.object, row);
  }
  out.push(...table(['object', ...KINDS, 'total'], [...kinds].map(([k, row]) => [k, ...KINDS.map((x) => String(row[x] || '')), String(row.missing + row.extra + row.different)])), '');
  const groups = new Map<string, Difference[]>();
  for (const d of r.differences) {
    const key = d.origin?.file ?? '';
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  const sorted = [...groups].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'en', { numeric: true })));
  const large = n > (opts.listEachUpTo ?? 40);
  out.push('### Differences by revision', '');
  for (const [file, diffs] of sorted) {
    const head = (q: (s: string) => string): string => `${file ? q(relativeTo(file, opts.base)) : 'objects no migration describes'}: ${plural(diffs.length, 'difference')}`;
    if (large) out.push(...details(head(htmlCode), diffs.map(line)));
    else out.push(`**${head(code)}**`, '', ...diffs.map(line), '');
  }
  const touched = tablesOf(r.differences, states.target, states.live);
  if (touched.size) {
    const diagram = renderErDiagram(touched, states.target, states.live, { maxLines: opts.maxDiagramLines ?? 120 });
    const body = ['```mermaid', ...diagram.lines, '```'];
    out.push('### Tables that differ', '', `${diagram.tablesShown} of ${plural(diagram.tablesTouched, 'table')}${DETAIL_NOTE[diagram.detail]}; notes on columns say what differs.`, '');
    out.push(...(diagram.lines.length > 60 ? details('ER diagram', body) : body), '');
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
