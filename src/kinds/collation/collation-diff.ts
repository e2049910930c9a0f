import type { DiffContext } from '../../diff/diff-context.js';
import { differingAttributes } from '../../diff/diff-context.js';
import { originField } from '../../diff/make-change.js';
import { collationName, qualify } from '../../model/names.js';
import type { CollationDef } from '../../model/objects.js';
import { COLLATIONS } from './collation-match.js';
import { drop } from '../drop/drop-change.js';
import { rename } from '../rename/rename-change.js';

/** What CREATE COLLATION fixes: ALTER COLLATION changes only the name, schema and owner. */
const REBUILT = ['provider', 'lcCollate', 'lcCtype', 'locale', 'deterministic'];

/** The first live column, domain or index key of the live collation, as a phrase (undefined: unused). */
export function collationUser(ctx: DiffContext, c: CollationDef): string | undefined {
  const text = collationName(c.schema, c.name);
  for (const t of ctx.live.tables.values()) {
    const col = t.columns.find((x) => x.collation === text);
    if (col) return `column ${qualify(t)}.${col.name}`;
  }
  for (const d of ctx.live.domains.values()) if (d.collation === text) return `domain ${qualify(d)}`;
  for (const i of ctx.live.indexes.values()) if (i.keys.some((k) => k.collation === text)) return `index ${qualify(i)}`;
  return undefined;
}

function create(ctx: DiffContext, key: string, c: CollationDef): void {
  ctx.out.add('collation', key, { kind: 'createCollation', collation: c, ...originField(c.origin) });
  ctx.comment('collation', { schema: c.schema, name: c.name }, c.comment, undefined, c.origin);
}

/**
 * Collations: created, renamed or moved through the history's renames, dropped where the history
 * dropped them. A different provider, locale or determinism is a drop and create again when no
 * live column, domain or index uses the collation; otherwise drift (PostgreSQL cannot alter them,
 * and the drop would need CASCADE, taking those columns along).
 */
export function diffCollations(ctx: DiffContext): void {
  const { out } = ctx;
  for (const { key, target } of ctx.matched(COLLATIONS).created) create(ctx, key, target);
  for (const { key, target, live, renamed } of ctx.matched(COLLATIONS).pairs) {
    const ref = { schema: target.schema, name: target.name };
    const rebuilt = differingAttributes(target, live).filter((a) => REBUILT.includes(a));
    if (rebuilt.length) {
      const user = collationUser(ctx, live);
      if (user !== undefined) {
        out.addDrift({
          object: 'collation', ref, ...originField(target.origin),
          message: `${rebuilt.join(', ')} differ${rebuilt.length === 1 ? 's' : ''} from the migrations; PostgreSQL cannot alter a collation, and ${user} uses it (a drop would need CASCADE)`,
        });
        continue;
      }
      out.add('collation', key, drop('collation', { schema: live.schema, name: live.name }, 'replace', target.origin, undefined, rebuilt));
      create(ctx, key, target);
      continue;
    }
    if (renamed) out.add('collation', key, rename('collation', { schema: live.schema, name: live.name }, ref, target.origin));
    ctx.comment('collation', ref, target.comment, live.comment, target.origin);
  }
  ctx.liveOnly('collation', ctx.matched(COLLATIONS), () => 'collation');
}
