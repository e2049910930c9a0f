import type { AggregateDef } from '../../model/objects.js';

/** The change the aggregate kind emits (drops and renames are the generic `drop` and `rename`). */
export type AggregateChange = {
  readonly kind: 'createAggregate';
  readonly aggregate: AggregateDef;
  /** CREATE OR REPLACE AGGREGATE over the live one (PostgreSQL 12+), in place. */
  readonly replace: boolean;
};
