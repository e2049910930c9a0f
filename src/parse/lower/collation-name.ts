import { collationName } from '../../model/names.js';

/** A written collation name list (`[schema,] name`) in the model's spelling (see collationName). */
export function collationOfNames(names: readonly string[]): string | undefined {
  const name = names[names.length - 1];
  return name === undefined ? undefined : collationName(names.length > 1 ? names[names.length - 2] : undefined, name);
}
