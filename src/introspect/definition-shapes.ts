/**
 * The part of a `pg_get_indexdef` / `pg_get_constraintdef` text that lowering depends on, with
 * the names it does not depend on cut out, so equal shapes are parsed once: at 5,000 tables the
 * catalog prints ~10,000 index and ~5,000 foreign-key definitions but only a few hundred shapes.
 * Identifiers are read as PostgreSQL prints them (bare, or double-quoted with "" inside); any
 * text not in the expected form gets no shape and is parsed on its own.
 */

/** End of the identifier starting at `pos` (bare or double-quoted), or -1. */
function identEnd(text: string, pos: number): number {
  if (text[pos] === '"') {
    let i = pos + 1;
    for (;;) {
      const q = text.indexOf('"', i);
      if (q < 0) return -1;
      if (text[q + 1] !== '"') return q + 1;
      i = q + 2;
    }
  }
  let i = pos;
  while (i < text.length && !' .,()"'.includes(text[i]!)) i++;
  return i > pos ? i : -1;
}

/** End of `ident(.ident)*` starting at `pos`, or -1. */
function qualifiedEnd(text: string, pos: number): number {
  let end = identEnd(text, pos);
  while (end > 0 && text[end] === '.') end = identEnd(text, end + 1);
  return end;
}

/** End of `(ident, ident, ...)` starting at `pos`, or -1. */
function identListEnd(text: string, pos: number): number {
  if (text[pos] !== '(') return -1;
  let i = pos + 1;
  for (;;) {
    i = identEnd(text, i);
    if (i < 0) return -1;
    if (text.startsWith(', ', i)) i += 2;
    else return text[i] === ')' ? i + 1 : -1;
  }
}

/**
 * `CREATE [UNIQUE] INDEX name ON [ONLY] schema.table USING ...` without the index and table
 * names, which the lowered index (method, keys, INCLUDE, WHERE, uniqueness) does not contain.
 */
export function indexShape(definition: string): string | undefined {
  const m = /^CREATE (UNIQUE )?INDEX /.exec(definition);
  if (!m) return undefined;
  const nameEnd = identEnd(definition, m[0].length);
  if (nameEnd < 0 || !definition.startsWith(' ON ', nameEnd)) return undefined;
  let at = nameEnd + 4;
  const only = definition.startsWith('ONLY ', at);
  if (only) at += 5;
  const tableEnd = qualifiedEnd(definition, at);
  if (tableEnd < 0 || !definition.startsWith(' USING ', tableEnd)) return undefined;
  return `${m[1] ?? ''}${only ? 'ONLY ' : ''}${definition.slice(tableEnd + 1)}`;
}

/**
 * `FOREIGN KEY (cols) REFERENCES table(cols) ...` without the referenced table's name, which
 * is taken from the catalog (confrelid) instead; the rest is the shape.
 */
export function foreignKeyShape(definition: string): string | undefined {
  const prefix = 'FOREIGN KEY ';
  if (!definition.startsWith(prefix)) return undefined;
  const colsEnd = identListEnd(definition, prefix.length);
  if (colsEnd < 0 || !definition.startsWith(' REFERENCES ', colsEnd)) return undefined;
  const tableStart = colsEnd + ' REFERENCES '.length;
  const tableEnd = qualifiedEnd(definition, tableStart);
  if (tableEnd < 0 || definition[tableEnd] !== '(') return undefined;
  return `${definition.slice(0, tableStart)}?${definition.slice(tableEnd)}`;
}
