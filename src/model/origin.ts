/**
 * Where an object's current definition came from. Rides on every model object but never enters
 * equality or hashing: two schemas built from different files are still equal.
 */
export interface Origin {
  readonly revision: string | null;
  readonly file: string;
  readonly line: number;
}
