/**
 * PostgreSQL's own names for objects a migration left unnamed (`t_pkey`, `t_a_b_key`,
 * `t_a_fkey`, `t_check`, `t_lower_idx`, `t_id_seq`): diffing by name depends on getting these
 * exactly right, including the 63-byte truncation and the numeric suffix on collision.
 */
import { MAX_IDENTIFIER_BYTES, truncateIdentifier, utf8Length } from '../model/names.js';

/**
 * makeObjectName: `name1_name2_label`, shortening the longer of name1/name2 one byte at a time
 * until the whole fits in 63 bytes (so both stay recognisable).
 */
export function makeObjectName(name1: string, name2: string | undefined, label: string | undefined): string {
  const overhead = (label ? utf8Length(label) + 1 : 0) + (name2 ? 1 : 0);
  let n1 = utf8Length(name1);
  let n2 = name2 ? utf8Length(name2) : 0;
  const avail = MAX_IDENTIFIER_BYTES - overhead;
  while (n1 + n2 > avail) {
    if (n1 > n2) n1--;
    else n2--;
  }
  let out = truncateIdentifier(name1, n1);
  if (name2) out += '_' + truncateIdentifier(name2, n2);
  if (label) out += '_' + label;
  return out;
}

/**
 * ChooseRelationName / ChooseConstraintName: the first of `label`, `label1`, `label2`, ... whose
 * name is free according to `taken`.
 */
export function chooseName(
  name1: string,
  name2: string | undefined,
  label: string,
  taken: (name: string) => boolean,
): string {
  let modlabel = label;
  for (let pass = 0; ; ) {
    const name = makeObjectName(name1, name2, modlabel);
    if (!taken(name)) return name;
    modlabel = `${label}${++pass}`;
  }
}

/**
 * ChooseIndexNameAddition / ChooseForeignKeyConstraintNameAddition: column names joined by `_`,
 * cut once the text reaches NAMEDATALEN bytes.
 */
export function nameAddition(names: readonly string[]): string {
  let out = '';
  for (const n of names) {
    if (out) out += '_';
    out += truncateIdentifier(n, MAX_IDENTIFIER_BYTES);
    if (utf8Length(out) >= MAX_IDENTIFIER_BYTES + 1) break;
  }
  return out;
}

/** ChooseIndexColumnNames: repeated names get a numeric suffix (`lower`, `lower1`). */
export function dedupeColumnNames(names: readonly string[]): string[] {
  const out: string[] = [];
  for (const orig of names) {
    let name = orig;
    for (let i = 1; out.includes(name); i++) {
      const suffix = String(i);
      name = truncateIdentifier(orig, MAX_IDENTIFIER_BYTES - suffix.length) + suffix;
    }
    out.push(name);
  }
  return out;
}
