import type { RuleDef } from '../../model/objects.js';

/** The change the rule kind emits (drops and renames are the generic `drop` and `rename`). */
export type RuleChange =
  | {
      readonly kind: 'createRule';
      readonly rule: RuleDef;
      /** CREATE OR REPLACE RULE over the live one, in place (it keeps the live firing state). */
      readonly replace: boolean;
    }
  /** ALTER TABLE .. ENABLE / DISABLE [REPLICA | ALWAYS] RULE: only how an existing rule fires differs. */
  | { readonly kind: 'setRuleFiring'; readonly rule: RuleDef };
