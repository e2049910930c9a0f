import type { QualifiedName } from '../model/names.js';
import { RelationMentions } from '../report/relation-mentions.js';
import type { DepKey } from './dependency-keys.js';

/** Something expressions can name (a relation, enum type or function), and the key it stands for. */
export interface Mentionable {
  readonly key: DepKey;
  readonly ref: QualifiedName;
}

const NEXTVAL = /nextval\(\s*'((?:[^']|'')*)'/gi;

/**
 * Texts to scan for names in one SQL expression: the expression, plus the contents of
 * `nextval('seq'::regclass)` literals, since PostgreSQL resolves that sequence name from a string.
 */
export function expressionTexts(expr: string | undefined): string[] {
  if (expr === undefined) return [];
  const out = [expr];
  for (const m of expr.matchAll(NEXTVAL)) out.push(m[1]!.replace(/''/g, "'"));
  return out;
}

/**
 * Finds which known objects SQL texts may mention. Over-approximates (a column named like a
 * table counts), which only ever adds ordering constraints; strings and comments are ignored.
 */
export class MentionIndex {
  private readonly byName = new Map<string, Mentionable[]>();

  /** Registers objects that texts may mention. */
  add(items: Iterable<Mentionable>): void {
    for (const m of items) {
      const list = this.byName.get(m.ref.name);
      if (list) list.push(m);
      else this.byName.set(m.ref.name, [m]);
    }
  }

  /** Keys of registered objects some text mentions, unqualified or qualified by their own schema. */
  resolve(texts: readonly string[]): DepKey[] {
    const out = new Set<DepKey>();
    for (const text of texts) {
      const mentions = new RelationMentions(text);
      for (const name of mentions.names()) {
        for (const m of this.byName.get(name) ?? []) if (mentions.has(m.ref)) out.add(m.key);
      }
    }
    return [...out];
  }
}
