import { qualify, quoteLiteral, type QualifiedName } from '../model/names.js';
import type { ColumnDef } from '../model/objects.js';
import { dollarQuote } from '../model/sql/index.js';
import { identityColumnExists } from './catalog-conditions.js';

/** The sequence a `nextval('...')` default draws from (its last name part, unquoted), if it is one. */
function nextvalSequence(def: string | undefined): string | undefined {
  const m = def === undefined ? null : /^nextval\('((?:[^']|'')+)'(?:::regclass)?\)$/.exec(def);
  if (!m) return undefined;
  const parts = m[1]!.replace(/''/g, "'").match(/"(?:[^"]|"")*"|[^.]+/g) ?? [];
  const last = parts[parts.length - 1] ?? '';
  return last.startsWith('"') ? last.slice(1, -1).replace(/""/g, '"') : last.toLowerCase();
}

/**
 * ADD GENERATED .. AS IDENTITY on a column that was serial, when the identity's sequence takes
 * the serial one's name (`t_id_seq`, as a table built directly with the identity has): the
 * serial sequence, still owned by the column after DROP DEFAULT, would otherwise push the new one
 * to `t_id_seq1`. One DO block reads the old counter, drops the old sequence, adds the identity
 * and carries the counter over (setval), so rows inserted next do not collide with existing ids.
 * Undefined when the live column does not draw from a sequence of that name.
 */
export function serialToIdentitySql(table: QualifiedName, live: ColumnDef, identitySequence: string, add: string): string | undefined {
  if (nextvalSequence(live.default) !== identitySequence) return undefined;
  const old = qualify({ schema: table.schema, name: identitySequence });
  const body =
    ` DECLARE old_last bigint; old_called boolean; BEGIN IF NOT ${identityColumnExists(table, live.name)} THEN` +
    ` SELECT s.last_value, s.is_called INTO old_last, old_called FROM ${old} s;` +
    ` DROP SEQUENCE ${old}; ${add};` +
    ` PERFORM pg_catalog.setval(${quoteLiteral(old)}, old_last, old_called); END IF; END `;
  return `DO ${dollarQuote(body)}`;
}
