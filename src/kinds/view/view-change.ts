import type { Change, TableRef } from '../../diff/change.js';
import { concernField, originField, tableRef } from '../../diff/make-change.js';
import type { QualifiedName } from '../../model/names.js';
import type { Origin } from '../../model/origin.js';
import type { ViewColumnDetail, ViewDef } from '../../model/objects.js';

/**
 * The changes the view kind emits (views and materialized views): `replace` is CREATE OR
 * REPLACE VIEW; `rebuilt` a creation after the live view was dropped to be created again.
 */
export type ViewChange =
  | { readonly kind: 'createView'; readonly view: ViewDef; readonly replace: boolean; readonly rebuilt?: boolean }
  | {
      readonly kind: 'setViewColumnDefault'; readonly view: TableRef; readonly column: string; readonly from?: string; readonly to?: string;
      /** `to` as the migration wrote it, which is what runs. */
      readonly toSql?: string;
    };

/**
 * CREATE [OR REPLACE] VIEW: new views are additive; replacing one changes what readers see. A
 * view created again after its drop (`rebuilt`) is reviewed too (a materialized one runs its
 * query again: see createViewActions).
 */
export const createView = (view: ViewDef, replace: boolean, rebuilt = false): Change => ({
  kind: 'createView', view, replace, ...(rebuilt ? { rebuilt } : {}), ...concernField((replace || rebuilt) && 'changes behaviour'), ...originField(view.origin),
});

/**
 * ALTER VIEW .. ALTER COLUMN .. SET / DROP DEFAULT: what INSERTs through the view get. Adding
 * one where none was is additive; changing or removing one changes behaviour.
 */
export function setViewColumnDefault(view: QualifiedName, target: ViewColumnDetail, from: string | undefined, origin: Origin | undefined): Change {
  const to = target.default;
  return {
    kind: 'setViewColumnDefault', view: tableRef(view), column: target.name, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}),
    ...(to !== undefined && target.defaultSql !== undefined ? { toSql: target.defaultSql } : {}),
    ...concernField(from !== undefined && 'changes behaviour'), ...originField(origin),
  };
}
