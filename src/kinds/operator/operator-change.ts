import type { QualifiedName } from '../../model/names.js';
import type { OperatorDef } from '../../model/objects.js';

/** One operator: schema, symbol and operands (see operatorArgs). */
export interface OperatorRef extends QualifiedName {
  readonly args: string;
}

/** The changes the operator kind emits (drops use the shared drop; operators cannot be renamed). */
export type OperatorChange =
  | {
      readonly kind: 'createOperator';
      readonly operator: OperatorDef;
      /**
       * Operators of the plan whose COMMUTATOR / NEGATOR names this one while it names none back:
       * they go first, since creating them after this one would make PostgreSQL link this one back.
       */
      readonly after: readonly OperatorRef[];
    }
  /** ALTER OPERATOR .. SET (RESTRICT, JOIN) to the target's estimators. */
  | { readonly kind: 'alterOperator'; readonly operator: OperatorDef; readonly from: Pick<OperatorDef, 'restrict' | 'join'> };
