/** Small Markdown helpers shared by the PR-comment renderings of plans and checks. */

/** Inline code that survives backticks in the text (GitHub-flavoured Markdown). */
export function code(s: string): string {
  const fence = s.includes('`') ? '``' : '`';
  return `${fence}${fence === '``' ? ' ' : ''}${s}${fence === '``' ? ' ' : ''}${fence}`;
}

/** Text safe inside a Markdown table cell or list item (pipes and HTML angle brackets escaped). */
export function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text safe inside a list item: no HTML (a migration's text must not inject tags into a PR comment). */
export function inline(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/** Inline code inside HTML (a `<summary>`, where Markdown is not rendered). */
export function htmlCode(s: string): string {
  return `<code>${s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</code>`;
}

/** A Markdown table; `rows` are already-escaped cells. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

/** A collapsed section: GitHub renders `<details>` with the summary as its one visible line. */
export function details(summary: string, body: readonly string[], open = false): string[] {
  return [`<details${open ? ' open' : ''}><summary>${summary}</summary>`, '', ...body, '</details>'];
}

/**
 * A file name as a reviewer wants it: relative to the first of `bases` it lies inside (the
 * directory the command ran in, then the migrations folder's parent). Pure string work, so the
 * report stays free of `path`.
 */
export function relativeTo(file: string, bases: string | readonly string[] | undefined): string {
  for (const base of typeof bases === 'string' ? [bases] : (bases ?? [])) {
    const b = base.endsWith('/') ? base : `${base}/`;
    if (base && file.startsWith(b)) return file.slice(b.length);
  }
  return file;
}

/** `n thing` / `n things`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
